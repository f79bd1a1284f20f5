#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "tco/core/parallel.hpp"
#include "tco/core/streaming_stats.hpp"

using namespace tco;

namespace {

// Values whose sum depends on the order of addition: magnitudes from 1e-8 to 1e8, both signs.
std::vector<double> order_sensitive_values(std::size_t n) {
  std::mt19937_64 rng(2024);
  std::uniform_real_distribution<double> exponent(-8.0, 8.0);
  std::vector<double> values(n);
  for (std::size_t i = 0; i < n; ++i) values[i] = (i % 3 == 0 ? -1.0 : 1.0) * std::pow(10.0, exponent(rng));
  return values;
}

// Up to 300 µs, different for each chunk and thread count, so chunks finish out of order.
void sleep_a_little(std::uint64_t chunk_index, unsigned threads) {
  std::minstd_rand rng(static_cast<std::minstd_rand::result_type>(chunk_index * 31 + threads + 1));
  std::this_thread::sleep_for(std::chrono::microseconds(rng() % 300));
}

struct ChunkSummary {
  std::uint64_t index = 0;
  double sum = 0.0;
  Moments moments;
};

struct Reduction {
  double sum = 0.0;
  Moments moments;
  std::vector<std::uint64_t> merge_order;
  std::vector<int> times_covered;
};

Reduction reduce(const std::vector<double>& values, std::uint64_t chunk, unsigned threads) {
  Reduction result;
  result.times_covered.assign(values.size(), 0);
  ordered_parallel_reduce<ChunkSummary>(
      values.size(), chunk, threads,
      [&](std::uint64_t index, std::uint64_t begin, std::uint64_t end) {
        sleep_a_little(index, threads);
        ChunkSummary summary;
        summary.index = index;
        for (std::uint64_t i = begin; i < end; ++i) {
          summary.sum += values[i];
          summary.moments.add(values[i]);
          ++result.times_covered[i];  // chunks are disjoint: no two threads touch one element
        }
        return summary;
      },
      [&](ChunkSummary&& summary) {
        result.sum += summary.sum;
        result.moments.merge(summary.moments);
        result.merge_order.push_back(summary.index);
      });
  return result;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("ordered_parallel_reduce gives bit-identical sums for any thread count") {
  const std::vector<double> values = order_sensitive_values(20000);
  const std::uint64_t chunk = 97;  // 207 chunks, the last one short
  const Reduction inline_run = reduce(values, chunk, 1);
  std::vector<std::uint64_t> in_order(207);
  for (std::uint64_t i = 0; i < in_order.size(); ++i) in_order[i] = i;
  CHECK(inline_run.merge_order == in_order);
  CHECK(inline_run.moments.count == values.size());

  for (unsigned threads : {2U, 3U, 8U}) {
    INFO("threads = " << threads);
    const Reduction parallel_run = reduce(values, chunk, threads);
    CHECK(parallel_run.merge_order == in_order);
    CHECK(std::all_of(parallel_run.times_covered.begin(), parallel_run.times_covered.end(),
                      [](int times) { return times == 1; }));
    CHECK(same_bits(parallel_run.sum, inline_run.sum));
    CHECK(same_bits(parallel_run.moments.mean, inline_run.moments.mean));
    CHECK(same_bits(parallel_run.moments.m2, inline_run.moments.m2));
  }
}

TEST_CASE("ordered_parallel_reduce splits items into fixed chunks") {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
  const auto calling_thread = std::this_thread::get_id();
  ordered_parallel_reduce<std::pair<std::uint64_t, std::uint64_t>>(
      10, 4, 1,
      [&](std::uint64_t, std::uint64_t begin, std::uint64_t end) {
        CHECK(std::this_thread::get_id() == calling_thread);  // one thread runs inline
        return std::pair{begin, end};
      },
      [&](std::pair<std::uint64_t, std::uint64_t>&& range) { ranges.push_back(range); });
  CHECK(ranges == std::vector<std::pair<std::uint64_t, std::uint64_t>>{{0, 4}, {4, 8}, {8, 10}});

  int calls = 0;
  ordered_parallel_reduce<int>(
      0, 4, 4, [&](std::uint64_t, std::uint64_t, std::uint64_t) { return ++calls; }, [](int&&) {});
  CHECK(calls == 0);
  CHECK_THROWS_AS(ordered_parallel_reduce<int>(
                      10, 0, 2, [](std::uint64_t, std::uint64_t, std::uint64_t) { return 0; }, [](int&&) {}),
                  std::invalid_argument);
}

TEST_CASE("ordered_parallel_reduce holds a bounded number of partials") {
  const unsigned threads = 3;
  std::mutex mutex;
  int waiting = 0;  // partials made and not yet merged
  int most_waiting = 0;
  // Move-only partials are fine; chunk 0 is slow, so the others run ahead as far as allowed.
  ordered_parallel_reduce<std::unique_ptr<int>>(
      400, 1, threads,
      [&](std::uint64_t index, std::uint64_t, std::uint64_t) {
        if (index == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const std::lock_guard lock(mutex);
        most_waiting = std::max(most_waiting, ++waiting);
        return std::make_unique<int>(static_cast<int>(index));
      },
      [&](std::unique_ptr<int>&&) {
        const std::lock_guard lock(mutex);
        --waiting;
      });
  CHECK(waiting == 0);
  CHECK(most_waiting <= static_cast<int>(4 * threads));
}

TEST_CASE("ordered_parallel_reduce rethrows the first exception after joining") {
  const unsigned threads = GENERATE(1U, 4U);
  INFO("threads = " << threads);
  std::vector<std::uint64_t> merged;
  auto work = [&](std::uint64_t index, std::uint64_t, std::uint64_t) {
    if (index == 13) throw std::runtime_error("chunk 13 failed");
    return index;
  };
  CHECK_THROWS_WITH(ordered_parallel_reduce<std::uint64_t>(100, 1, threads, work,
                                                           [&](std::uint64_t&& index) { merged.push_back(index); }),
                    "chunk 13 failed");
  CHECK(std::all_of(merged.begin(), merged.end(), [](std::uint64_t index) { return index < 13; }));

  auto failing_merge = [](std::uint64_t&& index) {
    if (index == 5) throw std::logic_error("merge 5 failed");
  };
  CHECK_THROWS_WITH(
      ordered_parallel_reduce<std::uint64_t>(
          100, 1, threads, [](std::uint64_t index, std::uint64_t, std::uint64_t) { return index; }, failing_merge),
      "merge 5 failed");
}
