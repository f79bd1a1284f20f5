// Azure Retail Prices pages, read in any order: each page's place in its query comes from its
// NextPageLink (…&$skip=N, where N counts the items of the pages before the next one), so the
// pages are ordered, cited by their own query URL, and checked for pages the last one given
// links to but that were not given. The API dates no page: the sheet is in effect from the
// newest effectiveStartDate of the prices taken, or --effective.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "price_import_azure.hpp"
#include "tco/core/text.hpp"
#include "tco/inputs/input_limits.hpp"

namespace tco::price_import {
namespace {

// A page's place: its query (the URL without $skip) and the index of its first item.
struct Place {
  std::string query;
  long skip = 0;
};

// "…?api-version=2023-01-01-preview&$filter=…&$skip=1000" → the query without $skip, and 1000.
std::optional<Place> place_of(const std::string& link) {
  const auto question = link.find('?');
  if (question == std::string::npos) return std::nullopt;
  std::vector<std::string> kept;
  std::optional<long> skip;
  std::size_t from = question + 1;
  while (from <= link.size()) {
    const auto amp = std::min(link.find('&', from), link.size());
    const std::string param = link.substr(from, amp - from);
    for (const std::string_view name : {"$skip=", "%24skip="}) {
      if (param.rfind(name, 0) == 0) {
        long value = 0;
        const char* begin = param.data() + name.size();
        const auto [end, error] = std::from_chars(begin, param.data() + param.size(), value);
        if (error == std::errc() && end == param.data() + param.size() && value >= 0) skip = value;
      }
    }
    if (param.rfind("$skip=", 0) != 0 && param.rfind("%24skip=", 0) != 0 && !param.empty()) kept.push_back(param);
    from = amp + 1;
  }
  if (!skip) return std::nullopt;
  return Place{link.substr(0, question) + (kept.empty() ? "" : "?" + join(kept, "&")), *skip};
}

std::string url_of(const Place& place) {
  if (place.skip == 0) return place.query;
  return place.query + (place.query.find('?') == std::string::npos ? "?" : "&") + fmt::format("$skip={}", place.skip);
}

// A query parameter's value, %-decoded for a title ("serviceName eq 'Bandwidth'").
std::string parameter(const std::string& url, std::string_view name) {
  const auto question = url.find('?');
  if (question == std::string::npos) return "";
  std::size_t from = question + 1;
  while (from < url.size()) {
    const auto amp = std::min(url.find('&', from), url.size());
    const std::string_view param(url.data() + from, amp - from);
    if (param.substr(0, name.size()) == name && param.size() > name.size() && param[name.size()] == '=') {
      std::string out;
      for (std::size_t i = name.size() + 1; i < param.size(); ++i) {
        int code = 0;
        if (param[i] == '%' && i + 2 < param.size() &&
            std::from_chars(param.data() + i + 1, param.data() + i + 3, code, 16).ptr == param.data() + i + 3) {
          out += static_cast<char>(code);
          i += 2;
        } else {
          out += param[i] == '+' ? ' ' : param[i];
        }
      }
      // A title is text: what does not decode to UTF-8 is shown as written.
      if (first_invalid_utf8(out) != std::string_view::npos) return std::string(param.substr(name.size() + 1));
      return out;
    }
    from = amp + 1;
  }
  return "";
}

std::string filter_of(const std::string& url) {
  std::string filter = parameter(url, "$filter");
  return filter.empty() ? parameter(url, "%24filter") : filter;
}

// Whether a page whose NextPageLink is null may be the page `query` continues at: its items'
// services are named in the query's filter.
bool may_continue(const AzurePage& page, const std::string& query) {
  const std::string filter = filter_of(query);
  return std::all_of(page.services.begin(), page.services.end(),
                     [&](const std::string& service) { return filter.find("'" + service + "'") != std::string::npos; });
}

struct Ordered {
  std::vector<std::optional<Place>> own;  // each page's own place, when its query is known
  std::vector<std::size_t> rank;          // each page's place in the order of citation
};

// Each page's own place: from its NextPageLink (the next page starts after its items), or,
// for a query's last page, from the link of another page that no page given answers.
Ordered order_pages(const std::vector<AzurePage>& pages, const std::vector<ImportedFile>& files, Diagnostics& d) {
  Ordered out;
  out.own.resize(pages.size());
  std::vector<std::optional<Place>> next(pages.size());
  std::vector<std::size_t> last_pages;
  std::map<std::pair<std::string, long>, std::size_t> owners;  // the page at each place
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].next_link) next[i] = place_of(*pages[i].next_link);
    if (next[i]) out.own[i] = Place{next[i]->query, std::max(0L, next[i]->skip - pages[i].items)};
    if (out.own[i]) owners.emplace(std::pair{out.own[i]->query, out.own[i]->skip}, i);
    if (!pages[i].next_link) last_pages.push_back(i);
  }
  const auto answered = [&](std::size_t i) {
    const auto owner = owners.find({next[i]->query, next[i]->skip});
    return owner != owners.end() && owner->second != i;
  };
  // Links no page given answers, by query.
  std::map<std::string, std::vector<std::size_t>> dangling;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (next[i] && !answered(i)) dangling[next[i]->query].push_back(i);
  }
  // Each query's last page is one whose NextPageLink is null; each null page can be one.
  std::set<std::string> matched;
  for (const std::size_t last : last_pages) {
    std::vector<std::string> fits;
    for (const auto& [query, links] : dangling) {
      if (matched.count(query) == 0 && may_continue(pages[last], query)) fits.push_back(query);
    }
    if (fits.size() != 1) continue;
    const auto& links = dangling[fits.front()];
    const std::size_t from = *std::max_element(
        links.begin(), links.end(), [&](std::size_t a, std::size_t b) { return next[a]->skip < next[b]->skip; });
    out.own[last] = next[from];
    owners.emplace(std::pair{next[from]->query, next[from]->skip}, last);
    matched.insert(fits.front());
  }
  std::size_t missing = dangling.size() - std::min(dangling.size(), last_pages.size());
  std::vector<std::size_t> unanswered;
  for (const auto& [query, links] : dangling) {
    missing += links.size() - 1;
    for (const std::size_t i : links) {
      if (!answered(i)) unanswered.push_back(i);
    }
  }
  // The order of citation: by query and place, then by content, whatever the order given.
  std::vector<std::size_t> order(pages.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    return std::tuple(!out.own[i], out.own[i] ? out.own[i]->query : "", out.own[i] ? out.own[i]->skip : 0,
                      files[i].sha256, files[i].name);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  out.rank.resize(pages.size());
  for (std::size_t r = 0; r < order.size(); ++r) out.rank[order[r]] = r;
  if (missing > 0 && !unanswered.empty()) {
    const std::size_t at = *std::min_element(unanswered.begin(), unanswered.end(),
                                             [&](std::size_t a, std::size_t b) { return out.rank[a] < out.rank[b]; });
    d.warning(pages[at].next_where, "NextPageLink",
              fmt::format("{} more page{} not given: no file given is the page this NextPageLink names ($skip={}), "
                          "so the prices on {} are not in the sheet; save every page, following NextPageLink until "
                          "it is null",
                          missing, missing == 1 ? " was" : "s were", next[at]->skip, missing == 1 ? "it" : "them"));
  }
  return out;
}

PriceSource page_source(const ImportedFile& file, const AzurePage& page, const std::optional<Place>& own,
                        Date retrieved) {
  PriceSource source;
  source.retrieved = retrieved;
  source.confidence = Confidence::primary;
  if (own) {
    source.url = url_of(*own);
    const std::string version = parameter(source.url, "api-version");
    source.title = fmt::format("Azure Retail Prices API, {}, page at $skip={}, api-version {}",
                               filter_of(source.url).empty() ? "no $filter" : "$filter=" + filter_of(source.url),
                               own->skip, version.empty() ? "not stated" : version);
  } else {
    std::vector<std::string> services(page.services.begin(), page.services.end());
    std::vector<std::string> regions(page.regions.begin(), page.regions.end());
    source.url = std::string(kAzureRetailPrices);
    source.title = fmt::format(
        "Azure Retail Prices API page of {} prices in {}; its query is not known (a query's last page has no "
        "NextPageLink)",
        join(services, ", "), regions.empty() ? "no region" : join(regions, ", "));
  }
  source.note = fmt::format(
      "imported by tco prices import from {} ({} bytes, SHA-256 {}); retrieved is the newest effectiveStartDate "
      "of its items, as the API dates no page",
      file.name, file.bytes, file.sha256);
  return source;
}

}  // namespace

Result<PriceImport> import_azure(std::vector<InputStream>& files, const ImportOptions& options) {
  PriceImport out;
  Diagnostics d;
  AzureCollector collector(options, out);
  std::vector<AzurePage> pages(files.size());
  out.files.resize(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    ImportedFile& file = out.files[i];
    file.name = files[i].name();
    read_azure_page(
        files[i], pages[i], [&](const FlatRecord& item) { collector.item(item, i); }, d);
    file.sha256 = files[i].sha256();
    file.bytes = files[i].bytes_read();
  }
  if (d.has_errors()) return d;
  const Ordered ordered = order_pages(pages, out.files, d);
  const auto newest = collector.finish(ordered.rank);

  for (std::size_t i = 0; i < out.files.size(); ++i) {
    out.files[i].kind = ordered.own[i] ? fmt::format("Azure Retail Prices page ($skip={}, {} items)",
                                                     ordered.own[i]->skip, pages[i].items)
                                       : fmt::format("Azure Retail Prices page ({} items)", pages[i].items);
    out.files[i].source_id = fmt::format("#{}", i);
    if (ordered.own[i]) out.files[i].version = parameter(url_of(*ordered.own[i]), "api-version");
    // The API dates no page; its items' newest effectiveStartDate stands for it.
    out.files[i].published = pages[i].newest_text;
  }
  if (!options.effective && !newest && !out.sheet.regions.empty()) {
    d.error({}, "effectiveStartDate", "the pages date none of the prices taken; give --effective DATE");
    return d;
  }
  const Date effective = options.effective ? *options.effective : newest.value_or(Date{});
  // A source for each page a price was taken from, numbered in the order of the pages; the
  // pages nothing was taken from are listed, not cited.
  std::map<std::string, std::string> ids;
  std::vector<std::size_t> by_rank(out.files.size());
  for (std::size_t i = 0; i < by_rank.size(); ++i) by_rank[ordered.rank[i]] = i;
  for (const std::size_t i : by_rank) {
    ImportedFile& file = out.files[i];
    if (collector.cited().count(i) == 0) continue;
    PriceSource source = page_source(file, pages[i], ordered.own[i], pages[i].newest.value_or(effective));
    source.id = fmt::format("azure-retail-prices-{}", out.sheet.sources.size() + 1);
    ids[file.source_id] = source.id;
    file.source_id = source.id;
    out.sheet.sources.push_back(std::move(source));
  }
  cite_files(out, ids);
  for (const auto& region : options.regions) {
    if (out.sheet.regions.count(region) == 0) {
      d.error({}, "--region", fmt::format("the pages hold no price tco imports for region '{}'", region));
    }
  }
  if (out.sheet.regions.empty() && !d.has_errors()) {
    d.error({}, "", "the pages hold no price tco imports (GPU virtual machines, internet egress); nothing to write");
  }
  if (d.has_errors()) return d;
  out.sheet.provider = "azure";
  out.sheet.name = "Microsoft Azure";
  out.sheet.currency = "USD";
  // Azure's billing "GB" is taken as 2^30 bytes, as in the bundled Azure sheets: Microsoft
  // states no byte base for bandwidth meters (tco-prices(5), IMPORTING).
  out.sheet.billing_gb = ByteBase::binary;
  out.sheet.effective = effective;
  return Result<PriceImport>(std::move(out), std::move(d));
}

}  // namespace tco::price_import
