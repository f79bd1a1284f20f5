// AWS's EC2 Spot Advisor data (spot-advisor-data.json): per region, operating system and
// instance type, the savings over on-demand ("s") and the frequency of interruption ("r", an
// index into "ranges": the share of instances AWS interrupted in the trailing month, in
// buckets "<5%", "5-10%", "10-15%", "15-20%", ">20%"). tco takes the frequency of GPU
// instances under Linux as the default mean time between interruptions of one instance
// (tco-prices(5), IMPORTING): 730 h ÷ the bucket's upper bound, the open ">20%" bucket at
// 100 %, rounded to the hour. The savings are rounded percentages, not prices: not taken.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "price_import_internal.hpp"
#include "price_import_json.hpp"
#include "tco/core/quantity.hpp"

namespace tco::price_import {
namespace {

// The upper bound, in percent, of a bucket's label: "<5%" → 5, "5-10%" → 10, ">20%" → 100
// (open: at most every instance each month); none for a label of another form.
std::optional<double> bucket_upper_percent(std::string_view label) {
  if (label.size() < 3 || label.back() != '%') return std::nullopt;
  label.remove_suffix(1);
  const bool open = label.front() == '>';
  if (open || label.front() == '<') label.remove_prefix(1);
  if (const auto dash = label.find('-'); dash != std::string_view::npos) {
    if (open) return std::nullopt;
    label.remove_prefix(dash + 1);
  }
  double value = 0;
  const auto [end, error] = std::from_chars(label.data(), label.data() + label.size(), value);
  if (error != std::errc() || end != label.data() + label.size() || !(value > 0) || value > 100) return std::nullopt;
  return open ? 100.0 : value;
}

bool read_integer(JsonReader& r, const std::string& path, long& out) {
  if (r.next() != JsonToken::number) {
    r.fail(r.where(), path, "expected a number");
    return false;
  }
  const std::string_view text = r.text();
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (error != std::errc() || end != text.data() + text.size()) {
    r.fail(r.where(), path, fmt::format("expected a whole number, found {}", text));
    return false;
  }
  return true;
}

}  // namespace

bool SpotAdvisorReader::ranges(JsonReader& r) {
  if (!open(r, JsonToken::begin_array, "ranges")) return false;
  seen_ranges_ = true;
  return elements(r, [&](JsonToken token) {
    if (token != JsonToken::begin_object) {
      r.fail(r.where(), "ranges", fmt::format("expected a range object, found {}", describe(token)));
      return false;
    }
    long index = -1;
    std::string label;
    const SourceLocation where = r.where();
    const bool ok = members(r, [&](const std::string& key) {
      if (key == "index") return read_integer(r, "ranges.index", index);
      if (key == "label") {
        if (r.next() != JsonToken::string) {
          r.fail(r.where(), "ranges.label", "expected a string such as \"<5%\"");
          return false;
        }
        label = std::string(r.text());
        return true;
      }
      r.skip_value();
      return true;
    });
    if (!ok) return false;
    if (index < 0 || index > 100) {
      r.fail(where, "ranges.index", "expected each range's index, a whole number from 0");
      return false;
    }
    labels_[static_cast<int>(index)] = label;
    return true;
  });
}

bool SpotAdvisorReader::regions(JsonReader& r) {
  if (!open(r, JsonToken::begin_object, "spot_advisor")) return false;
  return members(r, [&](const std::string& region) {
    const std::string path = "spot_advisor." + region;
    if (!open(r, JsonToken::begin_object, path)) return false;
    return members(r, [&](const std::string& os) {
      if (os != "Linux") {
        r.skip_value();
        return true;
      }
      if (!open(r, JsonToken::begin_object, path + ".Linux")) return false;
      return members(r, [&](const std::string& instance) { return entry(r, region, instance, path + ".Linux"); });
    });
  });
}

bool SpotAdvisorReader::entry(JsonReader& r, const std::string& region, const std::string& instance,
                              const std::string& path) {
  const auto gpu = aws_instance_gpu(instance);
  if (!gpu || !gpu->modelled) {
    r.skip_value();  // not an instance tco prices: thousands of them
    return true;
  }
  const std::string entry_path = path + "." + instance;
  if (!open(r, JsonToken::begin_object, entry_path)) return false;
  Entry out{region, instance, -1, r.where()};
  const bool ok = members(r, [&](const std::string& key) {
    if (key == "r") return read_integer(r, entry_path + ".r", out.bucket);
    r.skip_value();
    return true;
  });
  if (ok) entries_.push_back(std::move(out));
  return ok;
}

void SpotAdvisorReader::finish(JsonReader& r, const SourceLocation& end) {
  if (!seen_ranges_) {
    r.fail(end, "ranges", "expected 'ranges', which names the buckets of the frequency of interruption; found none");
    return;
  }
  for (const auto& e : entries_) {
    const std::string what = fmt::format("{} in {} (Spot Advisor)", e.instance, e.region);
    const auto label = labels_.find(static_cast<int>(e.bucket));
    if (label == labels_.end()) {
      collector_.skip_rate(e.where, what, fmt::format("its frequency of interruption {} is not one of 'ranges'", e.bucket));
      continue;
    }
    const auto upper = bucket_upper_percent(label->second);
    if (!upper) {
      collector_.skip_rate(e.where, what,
                           fmt::format("its frequency of interruption '{}' is not a range tco reads", label->second));
      continue;
    }
    const double hours = std::round(kHoursPerMonth / (*upper / 100.0));
    collector_.interruption_rate(
        e.region, e.instance, hours,
        fmt::format("Spot Advisor: {} of instances interrupted in the trailing month; {} h ÷ {} %", label->second,
                    kHoursPerMonth, *upper),
        e.where);
  }
}

}  // namespace tco::price_import
