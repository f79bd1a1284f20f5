#!/usr/bin/env bash
# Checks an HTML report as a person would see it: rendered by headless Chromium.
#
#   check-report.sh HTML_FILE ARTIFACT_DIR EXPECTATIONS_FILE
#
# Fails (exit 1, one "FAIL" line per problem) when:
#   - Chromium logs any console message for the page: a CSP violation (an external image, font,
#     stylesheet or script, so also any load from outside the page), an SVG attribute it cannot
#     parse (NaN in a path). The report has no scripts, so any console message is a defect;
#   - the page lacks its Content-Security-Policy meta (default-src 'none'), has a <script>, has
#     no print stylesheet (@media print), or has an <img> that did not load;
#   - a chart (svg.chart) renders empty, lacks <title>/<desc>, an axis label, two tick labels
#     per axis, a legend item per series, or a series whose geometry is empty;
#   - the page differs from EXPECTATIONS_FILE, one expectation a line ('#' starts a comment):
#       chart ID [series=A,B,...] [markers>=N]  svg.chart[data-chart=ID] exists; its series are
#                                               exactly A,B,... (data-series names); it has at
#                                               least N markers. Every chart must be listed.
#                                               A name with spaces is quoted: series="a b",c
#       table ID [rows>=N]                      <table id=ID> is rendered with >= N body rows (1)
#       text "SOME TEXT"                        the rendered text of the page contains it
# Leaves ARTIFACT_DIR/report.png (full-page screenshot, 1280 px wide) and ARTIFACT_DIR/report.pdf
# (printed with the report's print stylesheet), and checks both are real files.
#
# How: Chromium runs twice, each with a fresh profile and no network. First on a harness page
# that loads the report in an <iframe> and walks its laid-out DOM (getBBox, innerText); the
# result is written into the harness DOM, which --dump-dom prints. Then on the report itself,
# for the screenshot and PDF and to collect console messages (--enable-logging=stderr).
set -euo pipefail

if (($# != 3)); then
  echo "usage: check-report.sh HTML_FILE ARTIFACT_DIR EXPECTATIONS_FILE" >&2
  exit 2
fi
html=$1 artifacts=$2 expectations=$3

# A test that silently skips would pass on a machine without a browser: refuse instead.
if ! command -v chromium >/dev/null; then
  echo "check-report: FAIL chromium is not installed; install the test dependencies with: scripts/setup.sh --with-tests" >&2
  exit 1
fi
for f in "$html" "$expectations"; do
  [[ -f $f ]] || { echo "check-report: FAIL no such file: $f" >&2; exit 1; }
done

# The harness page: loads report.html (beside it) in a 1280 px wide iframe, checks the laid-out
# DOM against the expectations ($1, base64, so no character in them can break the page) and
# writes lines "problem ...", "seen ...", "height N" and last "done" into <pre id="result">.
write_harness() {
  printf '<!DOCTYPE html>\n<meta charset="utf-8">\n<script>const expectationsBase64 = "%s";</script>\n' "$1"
  cat <<'HTML'
<style>body { margin: 0 } iframe { border: 0; display: block; width: 1280px; height: 20000px }</style>
<pre id="result"></pre>
<script>
"use strict";
const out = [];
const problem = (m) => out.push("problem " + m.replace(/\s+/g, " "));
const seen = (m) => out.push("seen " + m.replace(/\s+/g, " "));

function parseExpectations(source) {
  const charts = new Map(), tables = [], texts = [];
  source.split("\n").forEach((raw, i) => {
    const line = raw.trim(), where = `expectations line ${i + 1}`;
    if (line === "" || line.startsWith("#")) return;
    // Words are split at spaces outside double quotes: series="input low","input high".
    const [kind, ...words] = line.match(/(?:[^\s"]+|"[^"]*")+/g);
    if (kind === "text") {
      const m = line.match(/^text\s+"(.+)"$/);
      if (m) texts.push(m[1]); else problem(`${where}: write text "SOME TEXT"`);
      return;
    }
    if (kind !== "chart" && kind !== "table") return problem(`${where}: unknown kind "${kind}"`);
    const item = { id: words.shift(), series: null, markers: 0, rows: 1 };
    if (!item.id) return problem(`${where}: ${kind} needs an ID`);
    for (const w of words) {
      let m;
      if (kind === "chart" && (m = w.match(/^series=(.+)$/)))
        item.series = m[1].match(/(?:[^,"]+|"[^"]*")+/g).map((name) => name.replace(/"/g, ""));
      else if (kind === "chart" && (m = w.match(/^markers>=(\d+)$/))) item.markers = Number(m[1]);
      else if (kind === "table" && (m = w.match(/^rows>=(\d+)$/))) item.rows = Number(m[1]);
      else problem(`${where}: unknown option "${w}" for a ${kind}`);
    }
    if (kind === "chart") charts.set(item.id, item); else tables.push(item);
  });
  return { charts, tables, texts };
}

const text = (el) => (el ? el.textContent.trim() : "");
const shown = (el) => {
  const style = el.ownerDocument.defaultView.getComputedStyle(el);
  return style.display !== "none" && style.visibility !== "hidden" && style.opacity !== "0";
};
// SVG geometry: a flat line has zero height, so one non-zero side is enough.
const drawn = (el) => { const b = el.getBBox(); return shown(el) && (b.width > 0 || b.height > 0); };
const visibleText = (el) => el !== null && text(el) !== "" && drawn(el);
const boxed = (el) => { const r = el.getBoundingClientRect(); return shown(el) && r.width > 0 && r.height > 0; };

function checkPage(doc) {
  const csp = [...doc.querySelectorAll("meta[http-equiv]")]
    .find((m) => m.httpEquiv.toLowerCase() === "content-security-policy");
  if (!csp || !/(^|;)\s*default-src 'none'\s*(;|$)/.test(csp.content))
    problem(`page: no <meta http-equiv="Content-Security-Policy"> with default-src 'none'`);
  if (doc.querySelector("script")) problem("page: has a <script>; the report has none");
  const printRules = [...doc.styleSheets].some((sheet) => /\bprint\b/.test(sheet.media.mediaText) ||
    [...sheet.cssRules].some((r) => r.media && /\bprint\b/.test(r.media.mediaText)));
  if (!printRules) problem("page: no print stylesheet (@media print)");
  // Chromium logs no console message for an image that fails to load or decode (CSP blocks
  // are logged): look at each one.
  for (const img of doc.images)
    if (!img.complete || img.naturalWidth === 0) problem(`page: image ${img.src.slice(0, 80)} did not load`);
}

function checkChart(svg, id, want) {
  const where = `chart ${id}`;
  if (!boxed(svg)) problem(`${where}: renders empty`);
  if (svg.getAttribute("role") !== "img") problem(`${where}: role is not "img"`);
  if (svg.getAttribute("aria-labelledby") !== `${id}-title ${id}-desc`)
    problem(`${where}: aria-labelledby is not "${id}-title ${id}-desc"`);
  for (const tag of ["title", "desc"]) {
    const el = svg.querySelector(`:scope > ${tag}`);
    if (!el || el.id !== `${id}-${tag}` || !text(el)) problem(`${where}: no <${tag} id="${id}-${tag}"> with text`);
  }
  for (const axis of ["x", "y"]) {
    const visible = (selector) => [...svg.querySelectorAll(selector)].filter(visibleText).length;
    if (visible(`text.axis-label.${axis}`) < 1) problem(`${where}: no ${axis} axis label`);
    const ticks = visible(`text.tick.${axis}`);
    if (ticks < 2) problem(`${where}: ${ticks} ${axis} tick label(s), want at least 2`);
  }
  const series = [...svg.querySelectorAll(".series")];
  if (series.some((el) => !el.dataset.series)) problem(`${where}: a .series without data-series`);
  const names = [...new Set(series.map((el) => el.dataset.series).filter(Boolean))];
  if (names.length === 0) problem(`${where}: no series`);
  const legend = [...svg.querySelectorAll(".legend-item")];
  for (const name of names) {
    if (!series.some((el) => el.dataset.series === name && drawn(el)))
      problem(`${where}: series ${name} draws nothing (empty geometry)`);
    if (!legend.some((el) => el.dataset.series === name && visibleText(el.querySelector("text"))))
      problem(`${where}: series ${name} has no legend item`);
  }
  for (const el of legend) if (!names.includes(el.dataset.series)) problem(`${where}: legend item ${el.dataset.series} has no series`);
  const markers = [...svg.querySelectorAll("g.marker")];
  for (const m of markers) {
    if (!names.includes(m.dataset.series)) problem(`${where}: a marker of no series (data-series="${m.dataset.series}")`);
    if (!m.querySelector("circle") || !drawn(m.querySelector("circle")) || !visibleText(m.querySelector("text")))
      problem(`${where}: marker of ${m.dataset.series} lacks its circle or text`);
  }
  if (!want) {
    problem(`${where}: not in the expectations file (every chart must be listed)`);
  } else {
    for (const name of want.series || []) if (!names.includes(name)) problem(`${where}: series ${name} is missing`);
    for (const name of names) if (want.series && !want.series.includes(name)) problem(`${where}: series ${name} is not expected`);
    if (markers.length < want.markers) problem(`${where}: ${markers.length} marker(s), want at least ${want.markers}`);
  }
  seen(`${where}: series ${names.join(", ") || "none"}; ${markers.length} marker(s)`);
}

function check(doc) {
  const expected = parseExpectations(new TextDecoder().decode(
    Uint8Array.from(atob(expectationsBase64), (c) => c.charCodeAt(0))));
  checkPage(doc);
  const found = new Set();
  for (const svg of doc.querySelectorAll("svg.chart")) {
    const id = svg.dataset.chart || "(no data-chart)";
    if (found.has(id)) problem(`chart ${id}: appears twice`);
    found.add(id);
    checkChart(svg, id, expected.charts.get(id));
  }
  for (const id of expected.charts.keys()) if (!found.has(id)) problem(`chart ${id}: is missing`);
  for (const want of expected.tables) {
    const table = doc.getElementById(want.id);
    if (!table || table.localName !== "table") { problem(`table ${want.id}: no <table id="${want.id}">`); continue; }
    const rows = [...table.tBodies].reduce((n, body) => n + body.rows.length, 0);
    if (!boxed(table)) problem(`table ${want.id}: renders empty`);
    if (rows < want.rows) problem(`table ${want.id}: ${rows} body row(s), want at least ${want.rows}`);
    seen(`table ${want.id}: ${rows} body row(s)`);
  }
  // innerText is the text as laid out (hidden text left out); SVG text is not part of it.
  const squash = (s) => s.replace(/\s+/g, " ");
  const rendered = squash([doc.body.innerText, ...[...doc.querySelectorAll("svg text")].filter(visibleText).map(text)].join(" "));
  for (const t of expected.texts) {
    if (rendered.includes(squash(t))) seen(`text "${t}"`); else problem(`text "${t}" is not on the page`);
  }
  // The page's height, for a full-page screenshot: the iframe is taller than any report.
  out.push("height " + Math.ceil(doc.documentElement.getBoundingClientRect().height));
}

const frame = document.createElement("iframe");
frame.onload = () => {
  try { check(frame.contentDocument); } catch (e) { problem(`harness: ${e}`); }
  document.getElementById("result").textContent = out.join("\n") + "\ndone\n";
};
frame.src = "report.html";
document.body.append(frame);
</script>
HTML
}

mkdir -p "$artifacts"
rm -f "$artifacts/report.png" "$artifacts/report.pdf"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The report is checked alone in an empty directory: anything it references besides itself
# is missing here, which is what "self-contained" means.
cp "$html" "$tmp/report.html"

write_harness "$(base64 -w0 "$expectations")" >"$tmp/harness.html"

# --no-sandbox: Chromium's sandbox refuses to run as root (CI) and needs user namespaces that
# containers often lack; the page is our own local file and the network is off.
# --disable-background-networking and friends: no update, sync or QUIC traffic (refused here);
# --host-resolver-rules: no host name resolves, so nothing the page does can reach the network.
chromium_flags=(
  --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  "--host-resolver-rules=MAP * ~NOTFOUND" --enable-logging=stderr --v=0
)
width=1280

# Runs Chromium with a fresh profile; stdout to $1.out, stderr (the log) to $1.err.
# Sets $elapsed (seconds) for the summary: start-up dominates the test time.
run_chromium() {
  local name=$1; shift
  local start=$EPOCHREALTIME rc=0
  timeout 60 chromium "${chromium_flags[@]}" --user-data-dir="$tmp/profile-$name" "$@" \
    >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  elapsed=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  if ((rc != 0)); then
    ((rc != 124)) || rc="$rc (timed out after 60 s)"
    echo "check-report: FAIL chromium ($name) exited with status $rc; its log ends:"
    tail -n 20 "$tmp/$name.err" | sed 's/^/  /'
    exit 1
  fi
}

# Console messages, one a line, as "message", source: URL (line). Chromium 156 writes
# "INFO:CONSOLE:LINE]", older ones "INFO:CONSOLE(LINE)]"; every level is logged as INFO.
console_messages() { sed -n -E 's/^\[[^]]*:CONSOLE[(:][^]]*\] //p' "$1"; }

# 1. The DOM check, through the harness.
run_chromium dom --allow-file-access-from-files --window-size="$width,1000" --dump-dom "file://$tmp/harness.html"
time_dom=$elapsed
# The harness writes its lines into <pre id="result">; undo the HTML escaping of --dump-dom.
result=$(sed -n '/<pre id="result">/,/<\/pre>/p' "$tmp/dom.out" |
  sed -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&nbsp;/ /g' -e 's/&amp;/\&/g')
if ! grep -qx 'done' <<<"$result"; then
  echo "check-report: FAIL the harness did not finish; its console said:"
  console_messages "$tmp/dom.err" | sed 's/^/  /'
  exit 1
fi
height=$(sed -n 's/^height //p' <<<"$result")

# 2. Screenshot and PDF of the report itself, the window as tall as the page (capped at the
# largest bitmap Chromium renders in one piece).
((height > 0)) || height=4000
((height <= 16384)) || height=16384
run_chromium shot --window-size="$width,$height" --screenshot="$tmp/report.png" \
  --print-to-pdf="$tmp/report.pdf" --no-pdf-header-footer "file://$tmp/report.html"
time_shot=$elapsed
cp "$tmp/report.png" "$tmp/report.pdf" "$artifacts/" 2>/dev/null || true

problems=()
while IFS= read -r line; do problems+=("$line"); done < <(sed -n 's/^problem //p' <<<"$result")
# The messages name the copy checked; name the report instead.
while IFS= read -r line; do problems+=("console: ${line//"file://$tmp/report.html"/$html}"); done < <(console_messages "$tmp/shot.err")

# A real screenshot: a PNG of the window's size. A real PDF: a complete PDF with content (a
# blank page prints to < 1 kB; embedded fonts alone make a page with text several kB).
png=$artifacts/report.png pdf=$artifacts/report.pdf
if [[ ! -s $png || $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]]; then
  problems+=("screenshot: $png is missing or not a PNG")
else
  png_size=$(od -An -tu1 -j16 -N8 "$png" | awk '{ printf "%dx%d", $1*2^24 + $2*2^16 + $3*2^8 + $4, $5*2^24 + $6*2^16 + $7*2^8 + $8 }')
  [[ $png_size == "${width}x$height" ]] || problems+=("screenshot: $png is $png_size, not ${width}x$height")
fi
if [[ ! -s $pdf || $(head -c 5 "$pdf") != %PDF- ]] || ! tail -c 64 "$pdf" | grep -q '%%EOF'; then
  problems+=("pdf: $pdf is missing or not a complete PDF")
elif (($(stat -c %s "$pdf") < 4096)); then
  problems+=("pdf: $pdf is only $(stat -c %s "$pdf") bytes: it printed blank")
fi

sed -n 's/^seen /  /p' <<<"$result"
# Chromium writes its page objects uncompressed, so they can be counted.
pdf_pages=$({ grep -ao '/Type /Page\b' "$pdf" 2>/dev/null || true; } | wc -l)
echo "  artifacts: $png (${png_size-?}), $pdf ($pdf_pages page(s), $(stat -c %s "$pdf" 2>/dev/null || echo 0) bytes)"
echo "  chromium: ${time_dom} s (DOM check), ${time_shot} s (screenshot and PDF)"
if ((${#problems[@]} == 0)); then
  echo "check-report: PASS $html"
  exit 0
fi
printf 'check-report: FAIL %s\n' "${problems[@]}"
echo "check-report: FAILED ($html): ${#problems[@]} problem(s)"
exit 1
