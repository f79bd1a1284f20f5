#include "tco/core/streaming_stats.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>
#include <string>

namespace tco {
namespace {
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::uint64_t nearest_rank(double q, std::uint64_t n) {
  if (n == 0) return 0;
  if (!(q > 0.0)) return 1;  // NaN too
  if (q >= 1.0) return n;
  double exact = q * static_cast<double>(n);
  // q * n is rounded: 0.95 * 100000 comes out a hair above 95000, and ceil() would then
  // skip to the next rank. Within a relative 1e-12 of an integer, take the integer.
  const double nearest = std::round(exact);
  if (std::abs(exact - nearest) <= 1e-12 * std::max(1.0, exact)) exact = nearest;
  return std::clamp<std::uint64_t>(static_cast<std::uint64_t>(std::ceil(exact)), 1, n);
}

// --- Moments ---------------------------------------------------------------------------------

void Moments::add(double value) {
  ++count;
  const double delta = value - mean;
  mean += delta / static_cast<double>(count);
  m2 += delta * (value - mean);
  min = std::min(min, value);
  max = std::max(max, value);
}

void Moments::merge(const Moments& other) {
  if (other.count == 0) return;
  if (count == 0) {
    *this = other;  // exact, rather than through the formula's rounding
    return;
  }
  const double n_this = static_cast<double>(count);
  const double n_other = static_cast<double>(other.count);
  const double n_total = n_this + n_other;
  const double delta = other.mean - mean;
  mean += delta * (n_other / n_total);
  m2 += other.m2 + delta * delta * (n_this * n_other / n_total);
  count += other.count;
  min = std::min(min, other.min);
  max = std::max(max, other.max);
}

double Moments::variance() const { return count < 2 ? not_a_number : m2 / static_cast<double>(count - 1); }
double Moments::stddev() const { return std::sqrt(variance()); }
double Moments::standard_error() const { return stddev() / std::sqrt(static_cast<double>(count)); }

// --- QuantileSketch::Store -------------------------------------------------------------------

void QuantileSketch::Store::add(std::int64_t index, std::uint64_t count) {
  if (count == 0) return;
  max_index_ = total_ == 0 ? index : std::max(max_index_, index);
  // The lowest index kept: a function of the highest index alone, so that the collapsed
  // result does not depend on the order in which values arrive or parts are merged.
  const std::int64_t floor = max_index_ - static_cast<std::int64_t>(max_buckets_) + 1;
  index = std::max(index, floor);
  const auto size = static_cast<std::int64_t>(counts_.size());
  if (counts_.empty() || index < lo_ || index >= lo_ + size || lo_ < floor) cover(index, floor);
  counts_[static_cast<std::size_t>(index - lo_)] += count;
  total_ += count;
}

// Reallocates the counts to cover `index`, folding any below `floor` into the lowest bucket.
void QuantileSketch::Store::cover(std::int64_t index, std::int64_t floor) {
  const auto size = static_cast<std::int64_t>(counts_.size());
  std::int64_t lo = counts_.empty() ? index : std::min(lo_, index);
  std::int64_t hi = counts_.empty() ? index : std::max(lo_ + size - 1, index);
  // Grow by a quarter again (at least 64 buckets) in the direction of the new index, so that
  // a range filling in one bucket at a time costs amortized constant time, not a copy each.
  const std::int64_t slack = std::max<std::int64_t>(64, (hi - lo + 1) / 4);
  if (counts_.empty() || index < lo_) lo -= slack;
  if (counts_.empty() || index >= lo_ + size) hi += slack;
  lo = std::max(lo, floor);
  hi = std::min(hi, lo + static_cast<std::int64_t>(max_buckets_) - 1);

  std::vector<std::uint64_t> covered(static_cast<std::size_t>(hi - lo + 1), 0);
  for (std::int64_t i = 0; i < size; ++i) {
    const std::uint64_t count = counts_[static_cast<std::size_t>(i)];
    if (count == 0) continue;  // the slack above the highest index may fall outside [lo, hi]
    const std::int64_t at = std::max(lo_ + i, lo);
    assert(at <= hi);
    covered[static_cast<std::size_t>(at - lo)] += count;
  }
  counts_ = std::move(covered);
  lo_ = lo;
}

void QuantileSketch::Store::merge(const Store& other) {
  // Highest first: the first add settles the floor, the rest grow the range downwards.
  for (auto i = other.counts_.size(); i-- > 0;) {
    add(other.lo_ + static_cast<std::int64_t>(i), other.counts_[i]);
  }
}

std::int64_t QuantileSketch::Store::index_at_rank(std::uint64_t rank, bool descending) const {
  std::uint64_t seen = 0;
  const std::size_t size = counts_.size();
  for (std::size_t step = 0; step < size; ++step) {
    const std::size_t i = descending ? size - 1 - step : step;
    seen += counts_[i];
    if (seen >= rank) return lo_ + static_cast<std::int64_t>(i);
  }
  assert(false && "rank beyond the store's total");
  return max_index_;
}

// --- QuantileSketch --------------------------------------------------------------------------

QuantileSketch::QuantileSketch(double relative_accuracy, std::size_t max_buckets)
    : relative_accuracy_(relative_accuracy),
      // log(gamma) = log((1 + a) / (1 - a)) = log1p(2a / (1 - a)), accurate for small a;
      // the representative 2 gamma^i / (gamma + 1) is (1 - a) gamma^i.
      log_gamma_(std::log1p(2.0 * relative_accuracy / (1.0 - relative_accuracy))),
      log_representative_factor_(std::log1p(-relative_accuracy)),
      positive_(max_buckets),
      negative_(max_buckets) {
  if (!(relative_accuracy > 0.0 && relative_accuracy < 1.0)) {
    throw std::invalid_argument("QuantileSketch: relative accuracy must be in (0, 1), got " +
                                std::to_string(relative_accuracy));
  }
  if (max_buckets == 0) throw std::invalid_argument("QuantileSketch: max_buckets must be at least 1");
}

std::int64_t QuantileSketch::index_of(double magnitude) const {
  return static_cast<std::int64_t>(std::ceil(std::log(magnitude) / log_gamma_));
}

double QuantileSketch::value_of(std::int64_t index) const {
  // In logs, so that a bucket just above the largest double gives +inf (clamped later), not UB.
  return std::exp(static_cast<double>(index) * log_gamma_ + log_representative_factor_);
}

void QuantileSketch::add(double value) {
  if (!std::isfinite(value)) {
    ++rejected_;
    return;
  }
  min_ = std::min(min_, value);
  max_ = std::max(max_, value);
  const double magnitude = std::abs(value);
  if (magnitude < std::numeric_limits<double>::min()) {
    ++zero_count_;  // zero and subnormals: their logarithms would leave the index range
  } else if (value > 0.0) {
    positive_.add(index_of(magnitude), 1);
  } else {
    negative_.add(index_of(magnitude), 1);
  }
}

void QuantileSketch::merge(const QuantileSketch& other) {
  if (other.relative_accuracy_ != relative_accuracy_ || other.max_buckets() != max_buckets()) {
    throw std::invalid_argument("QuantileSketch: merging sketches of different accuracy or bucket cap");
  }
  positive_.merge(other.positive_);
  negative_.merge(other.negative_);
  zero_count_ += other.zero_count_;
  rejected_ += other.rejected_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

double QuantileSketch::quantile(double q) const {
  const std::uint64_t n = count();
  if (n == 0) return not_a_number;
  const std::uint64_t rank = nearest_rank(q, n);
  if (rank == 1) return min_;
  if (rank == n) return max_;
  double estimate = 0.0;
  if (rank <= negative_.total()) {
    // Negative values from the most negative up: the largest magnitudes first.
    estimate = -value_of(negative_.index_at_rank(rank, true));
  } else if (rank > negative_.total() + zero_count_) {
    estimate = value_of(positive_.index_at_rank(rank - negative_.total() - zero_count_, false));
  }
  return std::clamp(estimate, min_, max_);
}

// --- CountHistogram --------------------------------------------------------------------------

void CountHistogram::add(std::optional<int> outcome) {
  if (!outcome) {
    ++none_;
  } else {
    if (*outcome < 0 || *outcome > max_outcome) {
      throw std::out_of_range("CountHistogram: outcome " + std::to_string(*outcome) + " outside [0, " +
                              std::to_string(max_outcome) + "]");
    }
    const auto at = static_cast<std::size_t>(*outcome);
    if (at >= counts_.size()) counts_.resize(at + 1, 0);
    ++counts_[at];
  }
  ++total_;
}

void CountHistogram::merge(const CountHistogram& other) {
  if (other.counts_.size() > counts_.size()) counts_.resize(other.counts_.size(), 0);
  for (std::size_t i = 0; i < other.counts_.size(); ++i) counts_[i] += other.counts_[i];
  none_ += other.none_;
  total_ += other.total_;
}

std::uint64_t CountHistogram::count(int outcome) const {
  if (outcome < 0 || static_cast<std::size_t>(outcome) >= counts_.size()) return 0;
  return counts_[static_cast<std::size_t>(outcome)];
}

std::optional<int> CountHistogram::quantile(double q) const {
  if (total_ == 0) return std::nullopt;
  const std::uint64_t rank = nearest_rank(q, total_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) return static_cast<int>(i);
  }
  return std::nullopt;  // the rank is among the nones
}

double CountHistogram::probability_at_most(int k) const {
  if (total_ == 0) return not_a_number;
  std::uint64_t at_most = 0;
  for (std::size_t i = 0; i < counts_.size() && static_cast<std::int64_t>(i) <= k; ++i) at_most += counts_[i];
  return static_cast<double>(at_most) / static_cast<double>(total_);
}

}  // namespace tco
