#pragma once
// Summaries of a stream of samples in memory that does not grow with the number of samples,
// for Monte Carlo runs: moments, quantiles and a histogram of small integer outcomes. Each
// can be filled in parts (one per chunk of samples) and the parts merged.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace tco {

// The 1-based rank of the q-quantile among n values by the nearest-rank definition: the
// ceil(q*n)-th smallest, and the smallest for q = 0. q*n within a relative 1e-12 of an integer
// counts as that integer, so 0.95 * 100000 is rank 95000 and not 95001 after rounding. q is
// clamped into [0, 1] (NaN counts as 0); 0 when n = 0.
std::uint64_t nearest_rank(double q, std::uint64_t n);

// Count, mean, spread and range. The mean and M2 (sum of squared deviations from the mean)
// are updated with Welford's method and parts merged with the pairwise formula of Chan,
// Golub and LeVeque, both stable where the naive sum of squares cancels catastrophically.
// Floating-point merging is not associative: merging the same parts in the same order gives
// bit-identical results, a different order may differ in the last bits. ordered_parallel_reduce
// (parallel.hpp) fixes that order whatever the thread count. Callers keep NaN out.
struct Moments {
  std::uint64_t count = 0;
  double mean = 0.0;
  double m2 = 0.0;
  double min = std::numeric_limits<double>::infinity();   // +inf and -inf while empty,
  double max = -std::numeric_limits<double>::infinity();  // the identities of min and max

  void add(double value);
  void merge(const Moments& other);
  double variance() const;        // sample variance (n - 1); NaN below two samples
  double stddev() const;          // sqrt(variance()); NaN below two samples
  double standard_error() const;  // stddev() / sqrt(n): the uncertainty of the mean itself
};

// Quantiles with a relative-error guarantee: DDSketch (Masson, Rim and Lee, "DDSketch: A Fast
// and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", PVLDB 12(12), 2019).
// A value x > 0 is counted in the bucket i = ceil(log_gamma(x)), gamma = (1 + a) / (1 - a),
// which covers (gamma^(i-1), gamma^i]; answering with 2 gamma^i / (gamma + 1) is then within
// relative error a of every value in it. Negative values go to a mirrored store by |x|, and
// |x| below the smallest normal double to a zero count.
//
// Counts are integers, so merge() is commutative and associative: any merge order, any split
// of the samples into parts, gives the identical sketch and identical quantiles.
//
// Memory: each sign keeps a dense array of 8-byte counts covering the indices seen, grown as
// needed and never larger than max_buckets. When a sign's indices would span more, the
// lowest ones (the magnitudes nearest zero) are collapsed into the lowest kept bucket: values
// down to max|x| / gamma^(max_buckets - 1) keep the guarantee, smaller ones are answered as
// that bound. With the defaults (a = 0.05 %, 32768 buckets) that is a ratio of about 1.7e14
// between the largest and smallest magnitude, and at most 2 * 32768 * 8 bytes = 512 KiB of
// counts; a sample spread over two decades needs some 4,600 buckets (37 KiB), plus growth
// slack. The collapse depends only on the largest index seen, so it too is independent of
// merge order.
class QuantileSketch {
 public:
  static constexpr double default_relative_accuracy = 0.0005;
  static constexpr std::size_t default_max_buckets = std::size_t{1} << 15;  // per sign

  // Throws std::invalid_argument unless 0 < relative_accuracy < 1 and max_buckets >= 1.
  explicit QuantileSketch(double relative_accuracy = default_relative_accuracy,
                          std::size_t max_buckets = default_max_buckets);

  // NaN and infinities are not added (the model keeps costs finite, so they mean a bug
  // upstream): they are tallied by rejected() for the caller to report.
  void add(double value);
  // Throws std::invalid_argument if the other sketch's accuracy or bucket cap differ.
  void merge(const QuantileSketch& other);

  std::uint64_t count() const { return zero_count_ + positive_.total() + negative_.total(); }
  std::uint64_t rejected() const { return rejected_; }
  double min() const { return min_; }  // exact; +inf while empty
  double max() const { return max_; }  // exact; -inf while empty
  double relative_accuracy() const { return relative_accuracy_; }
  std::size_t max_buckets() const { return positive_.max_buckets(); }
  // Buckets allocated over both signs: the memory in use is 8 bytes for each.
  std::size_t bucket_count() const { return positive_.allocated() + negative_.allocated(); }

  // The nearest-rank q-quantile (see nearest_rank) within relative error a of the exact one,
  // clamped into [min(), max()]; exactly min() for q = 0 and max() for q = 1. NaN when empty.
  double quantile(double q) const;

 private:
  // Counts per bucket index over the contiguous indices [lo_, lo_ + counts_.size()).
  class Store {
   public:
    explicit Store(std::size_t max_buckets) : max_buckets_(max_buckets) {}
    void add(std::int64_t index, std::uint64_t count);
    void merge(const Store& other);
    std::uint64_t total() const { return total_; }
    std::size_t allocated() const { return counts_.size(); }
    std::size_t max_buckets() const { return max_buckets_; }
    // The index of the bucket holding the rank-th (1-based, rank <= total()) count, walking
    // indices upwards, or downwards when `descending`.
    std::int64_t index_at_rank(std::uint64_t rank, bool descending) const;

   private:
    void cover(std::int64_t index, std::int64_t floor);

    std::vector<std::uint64_t> counts_;
    std::int64_t lo_ = 0;
    std::int64_t max_index_ = 0;  // the highest index added; meaningful once total_ > 0
    std::uint64_t total_ = 0;
    std::size_t max_buckets_;
  };

  std::int64_t index_of(double magnitude) const;
  double value_of(std::int64_t index) const;

  double relative_accuracy_;
  double log_gamma_;
  double log_representative_factor_;  // log(2 / (gamma + 1))
  Store positive_;
  Store negative_;
  std::uint64_t zero_count_ = 0;
  std::uint64_t rejected_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

// Counts of small non-negative integer outcomes and of "none" (e.g. the month a strategy
// breaks even, or never). Memory is one 8-byte count per outcome up to the largest seen.
class CountHistogram {
 public:
  static constexpr int max_outcome = 1 << 20;

  // Throws std::out_of_range for an outcome below 0 or above max_outcome.
  void add(std::optional<int> outcome);
  void merge(const CountHistogram& other);

  std::uint64_t count(int outcome) const;
  std::uint64_t none() const { return none_; }
  std::uint64_t total() const { return total_; }

  // The nearest-rank q-quantile with "none" ranked above every outcome (as +infinity):
  // nullopt when the rank falls among the nones, or when empty.
  std::optional<int> quantile(double q) const;
  // The share of all samples, nones included, with an outcome <= k. NaN when empty.
  double probability_at_most(int k) const;

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t none_ = 0;
  std::uint64_t total_ = 0;
};

}  // namespace tco
