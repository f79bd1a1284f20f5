#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "tco/core/streaming_stats.hpp"

using namespace tco;

namespace {

constexpr double alpha = QuantileSketch::default_relative_accuracy;

// Every percent, and the tails a Monte Carlo report shows.
std::vector<double> probabilities() {
  std::vector<double> qs{0.0, 0.0001, 0.001, 0.005, 0.025, 0.975, 0.995, 0.999, 0.9999, 1.0};
  for (int percent = 1; percent < 100; ++percent) qs.push_back(percent / 100.0);
  return qs;
}

double exact_quantile(const std::vector<double>& sorted, double q) {
  return sorted[nearest_rank(q, sorted.size()) - 1];
}

void check_within_alpha(const std::vector<double>& values) {
  QuantileSketch sketch;
  for (double value : values) sketch.add(value);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  REQUIRE(sketch.count() == values.size());
  for (double q : probabilities()) {
    const double exact = exact_quantile(sorted, q);
    const double estimate = sketch.quantile(q);
    INFO("q = " << q << ", exact " << exact << ", estimate " << estimate);
    // A hair above alpha: the bucket index comes from a rounded logarithm.
    CHECK(std::abs(estimate - exact) <= alpha * std::abs(exact) * (1 + 1e-9));
  }
  CHECK(sketch.quantile(0.0) == sorted.front());
  CHECK(sketch.quantile(1.0) == sorted.back());
}

std::vector<double> lognormal_values(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> distribution(12.0, 1.5);
  std::vector<double> values(n);
  for (double& value : values) value = distribution(rng);
  return values;
}

}  // namespace

TEST_CASE("nearest rank is the ceil(q n)-th smallest, despite rounding of q n") {
  CHECK(nearest_rank(0.95, 100000) == 95000);
  CHECK(nearest_rank(0.0, 5) == 1);
  CHECK(nearest_rank(0.2, 5) == 1);
  CHECK(nearest_rank(0.21, 5) == 2);
  CHECK(nearest_rank(0.5, 3) == 2);
  CHECK(nearest_rank(1.0, 5) == 5);
  CHECK(nearest_rank(0.7, 10) == 7);  // 0.7 * 10 is 7.000000000000001
}

TEST_CASE("moments agree with the exact two-pass mean and variance, merged or not") {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0.0, 3.0);
  std::vector<double> values(10000);
  for (double& value : values) value = 1e9 + noise(rng);  // a large offset defeats naive sums

  double sum = 0.0;
  for (double value : values) sum += value;
  const double mean = sum / static_cast<double>(values.size());
  double squares = 0.0;
  for (double value : values) squares += (value - mean) * (value - mean);
  const double variance = squares / static_cast<double>(values.size() - 1);

  Moments whole;
  for (double value : values) whole.add(value);
  CHECK(whole.count == values.size());
  CHECK(whole.mean == Approx(mean).epsilon(1e-14));
  CHECK(whole.variance() == Approx(variance).epsilon(1e-7));
  CHECK(whole.standard_error() == Approx(std::sqrt(variance / 10000.0)).epsilon(1e-7));
  CHECK(whole.min == *std::min_element(values.begin(), values.end()));
  CHECK(whole.max == *std::max_element(values.begin(), values.end()));

  // Uneven parts, one of them empty, merged in order.
  const std::vector<std::size_t> cuts{0, 1, 1, 3000, 9999, 10000};
  std::vector<Moments> parts(cuts.size() - 1);
  for (std::size_t p = 0; p + 1 < cuts.size(); ++p) {
    for (std::size_t i = cuts[p]; i < cuts[p + 1]; ++i) parts[p].add(values[i]);
  }
  Moments merged;
  for (const Moments& part : parts) merged.merge(part);
  CHECK(merged.count == whole.count);
  CHECK(merged.mean == Approx(mean).epsilon(1e-14));
  CHECK(merged.variance() == Approx(variance).epsilon(1e-7));
  CHECK(merged.min == whole.min);
  CHECK(merged.max == whole.max);

  Moments again;  // the same parts in the same order: the same bits
  for (const Moments& part : parts) again.merge(part);
  CHECK(again.mean == merged.mean);
  CHECK(again.m2 == merged.m2);
}

TEST_CASE("moments of fewer than two samples have no spread") {
  Moments moments;
  CHECK(std::isnan(moments.variance()));
  moments.add(4.0);
  CHECK(moments.mean == 4.0);
  CHECK(std::isnan(moments.stddev()));
  moments.add(6.0);
  CHECK(moments.variance() == 2.0);
}

TEST_CASE("sketch quantiles are within the relative accuracy of the exact ones") {
  std::mt19937_64 rng(42);
  std::vector<double> values(100000);
  SECTION("uniform") {
    std::uniform_real_distribution<double> distribution(0.0, 1e6);
    for (double& value : values) value = distribution(rng);
  }
  SECTION("lognormal") { values = lognormal_values(values.size(), 43); }
  SECTION("mixed signs with exact zeros") {
    std::normal_distribution<double> distribution(500.0, 1e4);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = i % 97 == 0 ? 0.0 : distribution(rng);
  }
  SECTION("constant") { std::fill(values.begin(), values.end(), 1234.5); }
  check_within_alpha(values);
}

TEST_CASE("sketches merged in any order or split give identical quantiles") {
  // A small bucket cap makes the collapse of low buckets part of what must not depend on order.
  const std::size_t cap = GENERATE(std::size_t{QuantileSketch::default_max_buckets}, std::size_t{300});
  std::vector<double> values = lognormal_values(20000, 5);
  for (std::size_t i = 0; i < values.size(); i += 3) values[i] = -values[i] / 7.0;

  QuantileSketch whole(alpha, cap);
  for (double value : values) whole.add(value);
  std::vector<QuantileSketch> parts(7, QuantileSketch(alpha, cap));
  for (std::size_t i = 0; i < values.size(); ++i) parts[(i * i) % parts.size()].add(values[i]);

  QuantileSketch forwards(alpha, cap);
  for (const auto& part : parts) forwards.merge(part);
  QuantileSketch backwards(alpha, cap);
  for (auto part = parts.rbegin(); part != parts.rend(); ++part) backwards.merge(*part);
  QuantileSketch tree = parts[0];
  QuantileSketch right = parts[4];
  for (std::size_t i = 1; i < 4; ++i) tree.merge(parts[i]);
  for (std::size_t i = 5; i < parts.size(); ++i) right.merge(parts[i]);
  tree.merge(right);

  for (const QuantileSketch* merged : {&forwards, &backwards, &tree}) {
    CHECK(merged->count() == whole.count());
    for (double q : probabilities()) {
      INFO("q = " << q);
      CHECK(merged->quantile(q) == whole.quantile(q));
    }
  }
  CHECK(whole.bucket_count() <= 2 * cap);
}

TEST_CASE("sketch memory stays under the bucket cap on extreme ranges") {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> exponent(-300.0, 300.0);
  QuantileSketch sketch;
  std::vector<double> values(20000);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = (i % 2 == 0 ? 1.0 : -1.0) * std::pow(10.0, exponent(rng));
    sketch.add(values[i]);
  }
  CHECK(sketch.bucket_count() <= 2 * QuantileSketch::default_max_buckets);
  CHECK(sketch.count() == values.size());
  // The largest magnitudes keep the guarantee; those collapsed are answered as the bound.
  std::sort(values.begin(), values.end());
  for (double q : {0.001, 0.01, 0.99, 0.999}) {
    const double exact = exact_quantile(values, q);
    CHECK(std::abs(sketch.quantile(q) - exact) <= alpha * std::abs(exact) * (1 + 1e-9));
  }

  // Magnitudes rising one bucket at a time, the worst case for growth and collapse alike.
  QuantileSketch rising(alpha, 64);
  for (int i = 0; i < 5000; ++i) rising.add(std::pow(1.001, i));
  CHECK(rising.bucket_count() <= 64);
  CHECK(rising.count() == 5000);
  CHECK(rising.quantile(0.999) == Approx(std::pow(1.001, 4994)).epsilon(alpha * 1.01));
}

TEST_CASE("sketch edge cases") {
  QuantileSketch sketch;
  CHECK(std::isnan(sketch.quantile(0.5)));
  sketch.add(std::numeric_limits<double>::quiet_NaN());
  sketch.add(std::numeric_limits<double>::infinity());
  sketch.add(-0.0);
  sketch.add(std::numeric_limits<double>::denorm_min());
  sketch.add(std::numeric_limits<double>::max());
  CHECK(sketch.count() == 3);
  CHECK(sketch.rejected() == 2);
  CHECK(sketch.quantile(0.5) == 0.0);
  CHECK(sketch.quantile(1.0) == std::numeric_limits<double>::max());
  CHECK_THROWS_AS(QuantileSketch(0.0), std::invalid_argument);
  CHECK_THROWS_AS(QuantileSketch(1.0), std::invalid_argument);
  CHECK_THROWS_AS(QuantileSketch(0.01, 0), std::invalid_argument);
  CHECK_THROWS_AS(sketch.merge(QuantileSketch(0.01)), std::invalid_argument);
}

TEST_CASE("count histogram ranks nones above every outcome") {
  CountHistogram months;
  CHECK_FALSE(months.quantile(0.5));
  CHECK(std::isnan(months.probability_at_most(3)));
  for (int month = 1; month <= 10; ++month) months.add(month);
  for (int i = 0; i < 5; ++i) months.add(std::nullopt);
  CHECK(months.total() == 15);
  CHECK(months.none() == 5);
  CHECK(months.count(3) == 1);
  CHECK(months.count(0) == 0);
  CHECK(months.count(99) == 0);
  CHECK(months.quantile(0.0) == 1);
  CHECK(months.quantile(0.5) == 8);         // rank ceil(7.5) = 8
  CHECK(months.quantile(2.0 / 3.0) == 10);  // rank 10 exactly
  CHECK_FALSE(months.quantile(0.7));        // rank 11: never
  CHECK(months.probability_at_most(4) == Approx(4.0 / 15.0));
  CHECK(months.probability_at_most(-1) == 0.0);
  CHECK(months.probability_at_most(1000) == Approx(10.0 / 15.0));

  CountHistogram other;
  other.add(0);
  other.add(12);
  months.merge(other);
  CHECK(months.total() == 17);
  CHECK(months.count(12) == 1);
  CHECK(months.quantile(0.0) == 0);
  CHECK_THROWS_AS(months.add(-1), std::out_of_range);
  CHECK_THROWS_AS(months.add(CountHistogram::max_outcome + 1), std::out_of_range);
}
