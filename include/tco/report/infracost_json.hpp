#pragma once
// `--format infracost-json` of `tco compare` and `tco diff`: the comparison as an Infracost
// "0.2" JSON document, so policy tooling written for Infracost's output can read tco results.
//
// Each strategy is a project ("<scenario>/<strategy>") holding one resource
// ("tco_strategy.<strategy>") whose cost components are tco's components with a non-zero
// amount. A component's monthlyCost is its cash over the horizon divided by the months;
// hourlyCost is monthlyCost / 730 (Infracost's hours per month). Amounts are decimal strings
// rounded to 8 decimals, and every total is the exact sum of what it adds up.
// See src/report/infracost_json.cpp for the schema followed and the whole mapping.
#include <string>

#include "tco/report/comparison.hpp"

namespace tco {

// Like `infracost breakdown --format json`: every project's breakdown, an empty pastBreakdown
// and a diff that adds everything.
std::string render_compare_infracost(const ComparisonReport& report);

// Like `infracost diff --format json`: pastBreakdown from `base`, breakdown from `head` and
// their difference, strategies matched by name. A strategy on one side only is a project whose
// other side is empty. The currency is head's: the caller rejects reports in two currencies.
std::string render_diff_infracost(const ComparisonReport& base, const ComparisonReport& head);

}  // namespace tco
