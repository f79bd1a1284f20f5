#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "tco/report/svg_chart.hpp"

using namespace tco::svg;

namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
  return count;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// A small well-formedness check: tags nest and close, every attribute value is quoted,
// and no bare '<' or '&' appears in text.
bool well_formed(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t at = 0;
  while (at < xml.size()) {
    if (xml[at] == '&') {
      const auto end = xml.find(';', at);
      if (end == std::string::npos || end - at > 6) return false;
      at = end + 1;
      continue;
    }
    if (xml[at] != '<') {
      if (xml[at] == '>') return false;
      ++at;
      continue;
    }
    const auto end = xml.find('>', at);
    if (end == std::string::npos) return false;
    const std::string tag = xml.substr(at + 1, end - at - 1);
    at = end + 1;
    bool in_quotes = false;
    for (std::size_t i = 0; i < tag.size(); ++i) {
      if (tag[i] == '"') in_quotes = !in_quotes;
      if (!in_quotes && tag[i] == '=' && (i + 1 >= tag.size() || tag[i + 1] != '"')) return false;
      if (in_quotes && tag[i] == '<') return false;
    }
    if (in_quotes) return false;
    if (tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find_first_of(" \n")));
    }
  }
  return open.empty();
}

std::vector<std::string> months(int count) {
  std::vector<std::string> labels;
  for (int i = 0; i < count; ++i) labels.push_back(fmt::format("{}-{:02}", 2027 + i / 12, i % 12 + 1));
  return labels;
}

LineChart three_lines(int month_count) {
  LineChart chart;
  chart.id = "cumulative";
  chart.title = "Cumulative cost";
  chart.description = "Cumulative cost of each strategy by month.";
  chart.x_label = "Month";
  chart.y_label = "Cumulative cost (USD)";
  chart.x_labels = months(month_count);
  std::vector<double> cloud, owned, hybrid;
  for (int i = 0; i < month_count; ++i) {
    cloud.push_back(12000.0 * i);
    owned.push_back(250000.0 + 4000.0 * i);
    hybrid.push_back(120000.0 + 7500.0 * i);
  }
  chart.series = {{"Cloud", cloud}, {"On-prem", owned}, {"Hybrid & co", hybrid}};
  chart.markers = {{"On-prem", 31.25, 375000, "break-even 31 mo"}, {"Hybrid & co", 26.7, 320250, "break-even 27 mo"}};
  return chart;
}

// The markup of the series group named `name`, empty when there is none.
std::string series_group(const std::string& svg, const std::string& name) {
  const auto group = svg.find(R"(<g class="series" data-series=")" + name + '"');
  if (group == std::string::npos) return "";
  return svg.substr(group, svg.find("</g>", group) - group);
}

StackedBars five_components(int month_count) {
  StackedBars chart;
  chart.id = "monthly";
  chart.title = "Monthly cost by component";
  chart.description = "Monthly cost split into compute, storage, egress, power and support.";
  chart.x_label = "Month";
  chart.y_label = "Cost per month (USD)";
  chart.x_labels = months(month_count);
  for (const char* name : {"Compute", "Storage", "Egress", "Power", "Support"}) {
    std::vector<double> values;
    for (int i = 0; i < month_count; ++i) values.push_back(1000.0 + 10.0 * i);
    chart.stacks.push_back({name, values});
  }
  return chart;
}

}  // namespace

TEST_CASE("xml special characters are escaped", "[svg]") {
  CHECK(escape_xml(R"(a<b & "c" 'd'>)") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  CHECK(escape_xml("tab\tok\x01gone") == "tab\tokgone");
  CHECK(escape_xml("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("nice ticks are round steps covering the range", "[svg]") {
  CHECK(nice_ticks(0, 66666.67, 5) == std::vector<double>{0, 20000, 40000, 60000, 80000});
  CHECK(nice_ticks(0, 100, 5) == std::vector<double>{0, 25, 50, 75, 100});
  CHECK(nice_ticks(0, 1, 5) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  CHECK(nice_ticks(-1234, 5678, 5) == std::vector<double>{-2000, 0, 2000, 4000, 6000});
  CHECK(nice_ticks(0, 1.2e6, 5) == std::vector<double>{0, 250000, 500000, 750000, 1000000, 1250000});
  SECTION("a flat or empty range still gives a usable axis") {
    CHECK(nice_ticks(0, 0, 5) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
    CHECK(nice_ticks(NAN, INFINITY, 5) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
    const auto around = nice_ticks(3, 3, 5);
    CHECK(around.front() < 3);
    CHECK(around.back() > 3);
  }
  SECTION("4 to 7 ticks for any range") {
    for (double lo : {0.0, -7.0, -12345.0, 0.013}) {
      for (double hi : {0.9, 3.0, 17.0, 99.0, 101.0, 4321.0, 66666.67, 999999.0, 3.3e7}) {
        const auto ticks = nice_ticks(lo, hi, 5);
        INFO(lo << " .. " << hi);
        CHECK(ticks.size() >= 4);
        CHECK(ticks.size() <= 7);
        CHECK(ticks.front() <= lo);
        CHECK(ticks.back() >= hi);
      }
    }
  }
}

TEST_CASE("money on axes is compact", "[svg]") {
  CHECK(compact_money(0, "USD") == "$0");
  CHECK(compact_money(500, "USD") == "$500");
  CHECK(compact_money(12.5, "USD") == "$12.50");
  CHECK(compact_money(25000, "USD") == "$25k");
  CHECK(compact_money(1.5e6, "USD") == "$1.5M");
  CHECK(compact_money(1234567, "USD") == "$1.23M");
  CHECK(compact_money(2e9, "USD") == "$2B");
  CHECK(compact_money(-250000, "USD") == "-$250k");
  CHECK(compact_money(999999.999, "USD") == "$1M");
  CHECK(compact_money(-0.001, "USD") == "$0");
  CHECK(compact_money(1.2e6, "EUR") == "1.2M EUR");
}

TEST_CASE("a line chart names every series, legend entry and marker", "[svg]") {
  const std::string svg = render_line_chart(three_lines(60));
  CHECK(svg.rfind(R"(<svg class="chart" data-chart="cumulative" role="img" )"
                  R"(aria-labelledby="cumulative-title cumulative-desc")",
                  0) == 0);
  CHECK(count_of(svg, R"(<title id="cumulative-title">Cumulative cost</title>)") == 1);
  CHECK(count_of(svg, R"(<desc id="cumulative-desc">)") == 1);
  CHECK(count_of(svg, R"(<path class="series" )") == 3);
  CHECK(count_of(svg, R"(class="legend-item")") == 3);
  CHECK(count_of(svg, R"(<g class="marker")") == 2);
  for (const char* name : {"Cloud", "On-prem", "Hybrid &amp; co"}) {
    const std::string attribute = fmt::format(R"(data-series="{}")", name);
    CHECK(count_of(svg, R"(<path class="series" )" + attribute) == 1);
    CHECK(count_of(svg, R"(<g class="legend-item" )" + attribute) == 1);
    CHECK(count_of(svg, fmt::format(">{}</text>", name)) == 1);  // the legend's visible name
  }
  CHECK(count_of(svg, R"(<g class="marker" data-series="On-prem">)") == 1);
  CHECK(count_of(svg, R"(<text class="axis-label x")") == 1);
  CHECK(count_of(svg, R"(<text class="axis-label y")") == 1);
  CHECK(count_of(svg, R"(<text class="tick y")") >= 4);
  CHECK(count_of(svg, R"(<text class="tick y")") <= 7);
  CHECK(count_of(svg, R"(<text class="tick x")") == 10);  // every 6th of 60 months
  CHECK(count_of(svg, ">$0<") == 1);
  CHECK(count_of(svg, "stroke-dasharray") >= 4);  // two dashed series, each in its path and legend
  CHECK(count_of(svg, "<script") == 0);
  CHECK(count_of(svg, "style=") == 0);
  CHECK(count_of(svg, "href") == 0);
  CHECK(well_formed(svg));
}

TEST_CASE("long line charts thin their x ticks", "[svg]") {
  const std::string svg = render_line_chart(three_lines(360));
  const auto ticks = count_of(svg, R"(<text class="tick x")");
  CHECK(ticks >= 8);
  CHECK(ticks <= 12);
  CHECK(well_formed(svg));
}

TEST_CASE("stacked bars have one group per component and hatches after the first", "[svg]") {
  const std::string svg = render_stacked_bars(five_components(60));
  CHECK(svg.rfind(R"(<svg class="chart" data-chart="monthly" role="img" )", 0) == 0);
  CHECK(count_of(svg, R"(<g class="series" )") == 5);
  CHECK(count_of(svg, R"(<g class="legend-item" )") == 5);
  // One path per series, one closed subpath per bar: a pattern fill per element is what a
  // browser rasterises when printing, so bars must not be separate elements.
  for (const char* name : {"Compute", "Storage", "Egress", "Power", "Support"}) {
    CHECK(count_of(series_group(svg, name), "<path d=") == 1);
    CHECK(count_of(series_group(svg, name), "z") == 60);
  }
  CHECK(count_of(svg, R"(<g class="series" data-series="Compute" fill="#0072B2")") == 1);
  for (int segment = 2; segment <= 5; ++segment) {
    CHECK(count_of(svg, fmt::format(R"(<pattern id="monthly-hatch-{}")", segment)) == 1);
    CHECK(count_of(svg, fmt::format(R"x(fill="url(#monthly-hatch-{})")x", segment)) == 2);  // bars and legend
  }
  CHECK(count_of(svg, "href") == 0);
  CHECK(well_formed(svg));

  SECTION("zero and negative segments draw no bar") {
    auto chart = five_components(3);
    chart.stacks[1].values = {0, -5, 7};
    chart.stacks[2].values = {0, 0, 0};
    const std::string sparse = render_stacked_bars(chart);
    CHECK(count_of(series_group(sparse, "Storage"), "z") == 1);
    CHECK(count_of(series_group(sparse, "Egress"), "<path") == 0);
  }
}

TEST_CASE("a series with a style slot keeps its look whatever else is in the chart", "[svg]") {
  auto all = five_components(3);
  for (std::size_t slot = 0; slot < all.stacks.size(); ++slot) all.stacks[slot].style = slot;
  auto some = all;
  some.stacks.erase(some.stacks.begin(), some.stacks.begin() + 2);  // no Compute, no Storage
  const std::string svg = render_stacked_bars(some);
  CHECK(count_of(svg, R"x(<g class="series" data-series="Egress" fill="url(#monthly-hatch-3)")x") == 1);
  CHECK(count_of(svg, R"x(<g class="series" data-series="Support" fill="url(#monthly-hatch-5)")x") == 1);
  CHECK(count_of(svg, R"(<pattern id="monthly-hatch-2")") == 0);
  CHECK(count_of(svg, "#0072B2") == 0);  // the first slot's colour belongs to Compute alone
  CHECK(well_formed(svg));
}

TEST_CASE("charts render byte for byte the same every time", "[svg]") {
  CHECK(render_line_chart(three_lines(60)) == render_line_chart(three_lines(60)));
  CHECK(render_stacked_bars(five_components(60)) == render_stacked_bars(five_components(60)));
}

TEST_CASE("empty and all-zero data draw a 0..1 axis without nan or inf", "[svg]") {
  LineChart zeros;
  zeros.id = "zeros";
  zeros.x_labels = {"a", "b", "c"};
  zeros.series = {{"flat", {0, 0, 0}}, {"empty", {}}};
  LineChart nothing;
  nothing.id = "nothing";
  StackedBars zero_bars;
  zero_bars.id = "zero-bars";
  zero_bars.x_labels = {"a", "b"};
  zero_bars.stacks = {{"one", {0, 0}}, {"two", {}}};
  StackedBars no_bars;
  no_bars.id = "no-bars";
  for (const std::string& svg : {render_line_chart(zeros), render_line_chart(nothing), render_stacked_bars(zero_bars),
                                 render_stacked_bars(no_bars)}) {
    CHECK(lowercase(svg).find("nan") == std::string::npos);
    CHECK(lowercase(svg).find("inf") == std::string::npos);
    CHECK(svg.find(">$1.00<") != std::string::npos);  // the top tick of the 0..1 axis
    CHECK(well_formed(svg));
  }
  CHECK(count_of(render_line_chart(zeros), R"(<path class="series" )") == 2);
}

TEST_CASE("y tick labels follow the value format", "[svg]") {
  LineChart chart;
  chart.id = "formats";
  chart.x_labels = {"a", "b"};
  chart.series = {{"share", {0.1, 0.35}}};
  chart.y_format = ValueFormat::percent;
  CHECK(count_of(render_line_chart(chart), ">40 %<") == 1);
  chart.series = {{"months", {3, 24}}};
  chart.y_format = ValueFormat::months;
  CHECK(count_of(render_line_chart(chart), ">25 mo<") == 1);
  chart.series = {{"savings", {-50, 100}}};
  chart.y_format = ValueFormat::money;
  chart.y_from_zero = false;
  const std::string negative = render_line_chart(chart);
  CHECK(count_of(negative, ">-$50<") == 1);
  CHECK(count_of(negative, R"(class="zero")") == 1);
}

TEST_CASE("missing values break the line and a lone point stays visible", "[svg]") {
  LineChart chart;
  chart.id = "gaps";
  chart.series = {{"g", {1, NAN, 3, 4}}};  // y ticks 0 .. 4, x every 728 / 3 px
  const std::string svg = render_line_chart(chart);
  CHECK(count_of(svg, R"(d="M98.5 236h3M585.33 116L828 56")") == 1);
}

TEST_CASE("a marker's ring lands on its value", "[svg]") {
  LineChart chart;
  chart.id = "two";
  chart.x_labels = {"2027-01", "2027-02"};
  chart.series = {{"cost", {0, 100}}};  // y ticks 0, 25 .. 100: the plot spans exactly 0..100
  chart.markers = {{"cost", 0.5, 50, "half"}, {"cost", 1, 100, "end"}};
  const std::string svg = render_line_chart(chart);
  using namespace layout;
  const double middle_x = (kPlotLeft + kPlotRight) / 2;
  const double middle_y = (kPlotTop + kPlotBottom) / 2;
  CHECK(middle_x == 464);
  CHECK(middle_y == 176);
  CHECK(count_of(svg, fmt::format(R"(<circle cx="{}" cy="{}")", middle_x, middle_y)) == 1);
  CHECK(count_of(svg, fmt::format(R"(<circle cx="{}" cy="{}")", kPlotRight, kPlotTop)) == 1);
  CHECK(count_of(svg, fmt::format(R"(d="M{} {}L{} {}")", kPlotLeft, kPlotBottom, kPlotRight, kPlotTop)) == 1);
}

TEST_CASE("a bar far above the cut keeps its small segments and shows its total", "[svg]") {
  StackedBars chart;
  chart.id = "cut";
  chart.x_labels = {"2027-01", "2027-02", "2027-03"};
  chart.stacks = {
      {"hardware", {8'000'000, 0, 0}}, {"power", {10'000, 10'000, 10'000}}, {"staff", {20'000, 20'000, 20'000}}};
  chart.clip_at = 40'000.0;
  const std::string svg = render_stacked_bars(chart);
  // Every segment of the cut bar is drawn: the excess comes out of hardware alone.
  CHECK(count_of(series_group(svg, "hardware"), "z") == 1);
  CHECK(count_of(series_group(svg, "power"), "z") == 3);
  CHECK(count_of(series_group(svg, "staff"), "z") == 3);
  CHECK(count_of(svg, R"(<g class="cut-bars">)") == 1);
  CHECK(count_of(svg, R"(<text class="bar-total")") == 1);
  CHECK(svg.find(">$8.03M</text>") != std::string::npos);
  CHECK(svg.find(">$50k<") != std::string::npos);  // the scale fits the cut, not the $8M month
  CHECK(svg.find(">$8M<") == std::string::npos);
  CHECK(well_formed(svg));

  SECTION("no cut when every bar fits") {
    chart.clip_at = 10'000'000.0;
    CHECK(render_stacked_bars(chart).find("cut-bars") == std::string::npos);
  }
}

namespace {

Tornado three_inputs() {
  Tornado chart;
  chart.id = "tornado";
  chart.title = "What moves the difference";
  chart.description = "A tornado of three inputs.";
  chart.x_label = "Difference (USD)";
  chart.y_label = "Input";
  chart.as_written = 100;
  chart.as_written_label = "as written $100";
  // Both sides of the line; both ends on one side; one end off the axis.
  chart.bars = {{"price", 80, 120}, {"life", 110, 130}, {"use", 90, std::nullopt}};
  chart.beyond_at = 130;
  chart.beyond_label = "beyond the axis";
  return chart;
}

HeatMap two_by_three() {
  HeatMap chart;
  chart.id = "heatmap";
  chart.title = "Break-even month";
  chart.description = "Break-even month by two inputs.";
  chart.x_label = "Electricity";
  chart.y_label = "Utilization";
  chart.x_labels = {"$0.05", "$0.10", "$0.15"};
  chart.y_labels = {"50 %", "100 %"};
  chart.values = {std::nullopt, 60.0, 40.0, 10.0, 20.0, 30.0};
  chart.cell_labels = {"", "60.0", "40.0", "10.0", "20.0", "30.0"};
  chart.value_name = "break-even month";
  chart.missing_name = "no break-even";
  chart.scale_format = ValueFormat::months;
  chart.marker = std::make_pair(0.5, 1.0);
  chart.marker_label = "as written";
  return chart;
}

}  // namespace

TEST_CASE("a tornado draws each input's two ends around the line at the figure as written", "[svg]") {
  const std::string svg = render_tornado(three_inputs());
  CHECK(svg.rfind(R"(<svg class="chart" data-chart="tornado" role="img" )", 0) == 0);
  CHECK(count_of(svg, R"(<text class="tick y")") == 3);
  CHECK(count_of(svg, ">use</text>") == 1);
  CHECK(count_of(svg, R"(<g class="legend-item" )") == 2);
  CHECK(count_of(series_group(svg, "input low"), "z") == 3);
  CHECK(count_of(series_group(svg, "input high"), "z") == 3);
  // Ticks 80..130 over x 100..828: 100 is at 391.2, 110 at 536.8; the second row's bar is at 90..106.
  CHECK(count_of(svg, R"(<line class="as-written" x1="391.2")") == 1);
  // Both ends above the line: the farther end's part starts where the nearer one's ends.
  CHECK(count_of(series_group(svg, "input low"), "M391.2 90h145.6v16h-145.6z") == 1);
  CHECK(count_of(series_group(svg, "input high"), "M536.8 90h291.2v16h-291.2z") == 1);
  // An end off the axis: drawn to `beyond_at`, an arrowhead on the bar and one in the legend's note.
  CHECK(count_of(svg, R"(<path class="beyond")") == 2);
  CHECK(count_of(svg, ">beyond the axis</text>") == 1);
  CHECK(lowercase(svg).find("nan") == std::string::npos);
  CHECK(well_formed(svg));
  CHECK(render_tornado(three_inputs()) == svg);

  SECTION("long names are shortened, and given whole as a tooltip") {
    auto chart = three_inputs();
    chart.bars[0].label = "prices.aws.us-east-1.p5.48xlarge.on-demand.and-then-some-more-words";
    const std::string cut = render_tornado(chart);
    CHECK(count_of(cut, "<title>prices.aws.us-east-1.p5.48xlarge.on-demand.and-then-some-more-words</title>") == 1);
    CHECK(count_of(cut, "…</text>") == 1);
    CHECK(well_formed(cut));
  }
  SECTION("no bars and no figure as written draw nothing made up") {
    Tornado empty;
    empty.id = "empty";
    const std::string nothing = render_tornado(empty);
    CHECK(lowercase(nothing).find("nan") == std::string::npos);
    CHECK(well_formed(nothing));
  }
}

TEST_CASE("a heat map colours each cell on the scale and hatches the missing ones", "[svg]") {
  const std::string svg = render_heat_map(two_by_three());
  CHECK(svg.rfind(R"(<svg class="chart" data-chart="heatmap" role="img" )", 0) == 0);
  CHECK(count_of(series_group(svg, "break-even month"), R"(<rect class="cell")") == 5);
  // The missing cell: one path of the hatch pattern, and its legend item.
  CHECK(count_of(series_group(svg, "no break-even"), "z") == 1);
  CHECK(count_of(svg, R"x(fill="url(#heatmap-missing)")x") == 2);
  CHECK(count_of(svg, R"(<g class="legend-item" )") == 2);
  // The scale spans 10..60: the lowest value is its light end, the highest its dark end.
  CHECK(count_of(svg, R"(fill="#fde725"/>)") == 1);
  CHECK(count_of(svg, R"(fill="#440154"/>)") == 1);
  CHECK(count_of(svg, ">10 mo</text>") == 1);
  CHECK(count_of(svg, ">60 mo</text>") == 1);
  // Values are printed in the cells, dark on light and white on dark.
  CHECK(count_of(svg, R"(<text class="cell-value")") == 5);
  CHECK(count_of(svg, R"(fill="#ffffff">60.0</text>)") == 1);
  CHECK(count_of(svg, R"(fill="#1b1f24">10.0</text>)") == 1);
  CHECK(count_of(svg, R"(<text class="tick x")") == 3);
  CHECK(count_of(svg, R"(<text class="tick y")") == 2);
  CHECK(count_of(svg, R"(<g class="marker" data-series="break-even month">)") == 1);
  CHECK(well_formed(svg));
  CHECK(render_heat_map(two_by_three()) == svg);

  SECTION("every cell missing: no colour scale, the hatch alone") {
    auto chart = two_by_three();
    chart.values.assign(6, std::nullopt);
    const std::string none = render_heat_map(chart);
    CHECK(count_of(none, R"(data-series="break-even month")") == 0);
    CHECK(count_of(none, R"(<g class="marker" data-series="no break-even">)") == 1);
    CHECK(lowercase(none).find("nan") == std::string::npos);
    CHECK(well_formed(none));
  }
}
