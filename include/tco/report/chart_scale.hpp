#pragma once
// Scales and labels shared by the charts (SVG in the HTML report, characters in the
// terminal): round tick values and short money labels for an axis.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace tco {

// The smallest and the largest finite value seen: the span an axis must cover.
struct ValueSpan {
  bool any = false;
  double lo = 0;
  double hi = 0;
  void include(double value) {
    if (!std::isfinite(value)) return;
    lo = any ? std::min(lo, value) : value;
    hi = any ? std::max(hi, value) : value;
    any = true;
  }
};

// Round tick values covering [lo, hi]: steps of 1, 2, 2.5 or 5 times a power of ten, the
// count as close to `target` as those steps allow (for 5: 4 to 7). The first tick is <= lo and
// the last >= hi. A zero or non-finite range gives ticks over 0..1 (or around the value).
std::vector<double> nice_ticks(double lo, double hi, int target);

// Short money for axis labels: "$0", "$500", "$25k", "$1.5M", "$2B", "-$250k";
// other currencies as "1.5M EUR".
std::string compact_money(double amount, std::string_view currency);

}  // namespace tco
