#pragma once
// Deterministic parallel reduction: the same result, to the last bit, for any thread count.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>

namespace tco {

// std::thread::hardware_concurrency(), or 1 when it is unknown (reported as 0).
unsigned default_thread_count();

namespace detail {
// Merges one finished chunk's partial into the caller's result.
using MergeStep = std::function<void()>;
// The scheduling behind ordered_parallel_reduce, independent of the partial's type: runs
// run_chunk(i) for i in [0, chunk_count) on up to `threads` threads (the calling one among
// them) and calls the MergeStep each returns strictly in order of i, one at a time.
void run_chunks_in_order(std::uint64_t chunk_count, unsigned threads,
                         const std::function<MergeStep(std::uint64_t chunk_index)>& run_chunk);
}  // namespace detail

// Splits [0, items) into chunks of `chunk` items (the last one shorter) — fixed by `items` and
// `chunk` alone, never by the thread count — runs work(chunk_index, begin, end) for each on up
// to `threads` threads, and calls merge(partial) for the chunks strictly in order 0, 1, 2, ...
// So a floating-point reduction is identical whatever the thread count, provided `work`
// depends only on its arguments (e.g. a random stream seeded from the chunk index).
//
// `merge` runs on whichever thread finished the chunk that completes the order, but never
// concurrently with itself, and each call happens-after the previous one: it may update the
// caller's state without a lock. `work` runs concurrently and must be thread-safe.
//
// Memory: at most 4 * threads chunks are started beyond the oldest unmerged one; a thread
// that would run further ahead waits. Partials held are bounded by that window, not by items.
//
// threads <= 1 (or a single chunk) runs everything inline on the calling thread. The first
// exception thrown by `work` or `merge` stops the start of further chunks; it is rethrown here
// after every thread has finished. Throws std::invalid_argument for chunk == 0.
template <class Partial>
void ordered_parallel_reduce(
    std::uint64_t items, std::uint64_t chunk, unsigned threads,
    const std::function<Partial(std::uint64_t chunk_index, std::uint64_t begin, std::uint64_t end)>& work,
    const std::function<void(Partial&&)>& merge) {
  if (chunk == 0) throw std::invalid_argument("ordered_parallel_reduce: chunk must be at least 1");
  const std::uint64_t chunk_count = items / chunk + (items % chunk != 0 ? 1 : 0);
  detail::run_chunks_in_order(chunk_count, threads, [&](std::uint64_t index) -> detail::MergeStep {
    const std::uint64_t begin = index * chunk;
    const std::uint64_t end = begin + std::min(chunk, items - begin);
    // Shared so that the step is copyable, as std::function needs, even for move-only partials.
    auto partial = std::make_shared<Partial>(work(index, begin, end));
    return [partial, &merge] { merge(std::move(*partial)); };
  });
}

}  // namespace tco
