#include "tco/core/parallel.hpp"

#include <cassert>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace tco {

unsigned default_thread_count() {
  const unsigned reported = std::thread::hardware_concurrency();
  return reported == 0 ? 1 : reported;
}

namespace detail {
namespace {

// The state the threads of one run share. Chunks start in index order; chunk i's finished
// merge step waits in ready_[i % window] until every earlier chunk has been merged. Starting
// only chunks below next_to_merge_ + window keeps the slots distinct and the memory bounded.
class OrderedRun {
 public:
  OrderedRun(std::uint64_t chunk_count, unsigned threads, const std::function<MergeStep(std::uint64_t)>& run_chunk)
      : chunk_count_(chunk_count), window_(std::uint64_t{4} * threads), run_chunk_(run_chunk), ready_(window_) {}

  // One thread's share: start the next chunk while the window allows, hand its step over,
  // and merge whatever is now next in order. Returns when no chunk is left or one failed.
  void work() {
    std::unique_lock lock(mutex_);
    while (true) {
      may_start_.wait(lock, [this] {
        return failure_ || next_to_start_ >= chunk_count_ || next_to_start_ < next_to_merge_ + window_;
      });
      if (failure_ || next_to_start_ >= chunk_count_) return;
      const std::uint64_t index = next_to_start_++;
      lock.unlock();
      MergeStep step;
      try {
        step = run_chunk_(index);
      } catch (...) {
        lock.lock();
        fail(std::current_exception());
        return;
      }
      lock.lock();
      assert(step);
      ready_[index % window_] = std::move(step);
      merge_in_order(lock);
    }
  }

  void fail(std::exception_ptr failure) {
    if (!failure_) failure_ = std::move(failure);
    may_start_.notify_all();
  }

  // Called after every thread has been joined.
  void rethrow_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  // Merges the ready steps in order, outside the lock so that other threads keep starting
  // chunks. One thread merges at a time; a step handed over meanwhile is found by its loop.
  void merge_in_order(std::unique_lock<std::mutex>& lock) {
    if (merging_) return;
    merging_ = true;
    while (!failure_) {
      MergeStep& slot = ready_[next_to_merge_ % window_];
      if (!slot) break;
      MergeStep step = std::move(slot);
      slot = nullptr;  // a moved-from std::function is unspecified, not necessarily empty
      lock.unlock();
      try {
        step();
      } catch (...) {
        lock.lock();
        fail(std::current_exception());
        break;
      }
      step = nullptr;  // frees the partial before taking the lock again
      lock.lock();
      ++next_to_merge_;
      may_start_.notify_all();
    }
    merging_ = false;
  }

  const std::uint64_t chunk_count_;
  const std::uint64_t window_;
  const std::function<MergeStep(std::uint64_t)>& run_chunk_;
  std::mutex mutex_;
  std::condition_variable may_start_;
  std::vector<MergeStep> ready_;
  std::uint64_t next_to_start_ = 0;
  std::uint64_t next_to_merge_ = 0;
  bool merging_ = false;
  std::exception_ptr failure_;
};

}  // namespace

void run_chunks_in_order(std::uint64_t chunk_count, unsigned threads,
                         const std::function<MergeStep(std::uint64_t chunk_index)>& run_chunk) {
  if (threads <= 1 || chunk_count <= 1) {
    for (std::uint64_t index = 0; index < chunk_count; ++index) run_chunk(index)();
    return;
  }
  const auto used = static_cast<unsigned>(std::min<std::uint64_t>(threads, chunk_count));
  OrderedRun run(chunk_count, used, run_chunk);
  {
    std::vector<std::jthread> helpers;  // joined when this scope ends, also on the way out
    helpers.reserve(used - 1);
    try {
      for (unsigned i = 1; i < used; ++i) helpers.emplace_back([&run] { run.work(); });
    } catch (const std::system_error&) {
      // The system refused a thread: fewer threads do the work, and the result is the same.
    }
    run.work();
  }
  run.rethrow_failure();
}

}  // namespace detail
}  // namespace tco
