#pragma once
// A generic ordered pipeline: jobs processed on a pool of threads, results merged in input order.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace histext::freq {

/// Processes `first`, `second` and every job `next(job)` fills (until it returns false) on
/// `threads` threads, each with its own worker from make_worker() (made on that thread), and calls
/// merge(result) on the calling thread in input order; at most 2 * threads jobs are in flight, and
/// processed jobs are handed back to `next` to be refilled (their buffers reused). The first
/// exception (from next, make_worker, process or merge) is rethrown once every thread has stopped;
/// no result after it is merged.
template <class Job, class Next, class MakeWorker, class Process, class Merge>
void run_in_order(unsigned threads, Job first, Job second, Next&& next, MakeWorker&& make_worker, Process&& process,
                  Merge&& merge) {
  using Result = decltype(process(std::declval<Job&>(), *make_worker()));
  // Workers take chunks from a queue; the results are merged here in input order.
  struct slot {
    std::optional<Result> result;
    std::exception_ptr failure;
  };
  std::mutex mutex;
  std::condition_variable job_ready, result_ready;
  std::map<std::size_t, Job> jobs;
  std::map<std::size_t, slot> done;
  // Chunks already counted, handed back for reading the next ones into: their megabyte buffers
  // are reused instead of freed and faulted in afresh.
  std::vector<Job> spare;
  bool closing = false;
  auto work = [&]() {
    decltype(make_worker()) w;
    std::exception_ptr setup_failure;
    try {
      w = make_worker();
    } catch (...) {
      setup_failure = std::current_exception();
    }
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      job_ready.wait(lock, [&] { return closing || !jobs.empty(); });
      if (jobs.empty()) return;
      auto node = jobs.extract(jobs.begin());
      lock.unlock();
      slot s;
      try {
        if (setup_failure) std::rethrow_exception(setup_failure);
        s.result = process(node.mapped(), *w);
      } catch (...) {
        s.failure = std::current_exception();
      }
      lock.lock();
      spare.push_back(std::move(node.mapped()));
      done.emplace(node.key(), std::move(s));
      result_ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 0; k < threads; ++k) pool.emplace_back(work);
  std::size_t submitted = 0, merged = 0;
  std::exception_ptr failure;
  auto merge_one = [&]() {
    std::unique_lock<std::mutex> lock(mutex);
    result_ready.wait(lock, [&] { return done.count(merged) != 0; });
    slot s = std::move(done.at(merged));
    done.erase(merged);
    lock.unlock();
    ++merged;
    if (s.failure) {
      if (!failure) failure = s.failure;
      return;
    }
    if (failure) return;
    try {
      merge(*s.result);
    } catch (...) {
      failure = std::current_exception();  // rethrown once every thread has stopped
    }
  };
  auto submit = [&](Job&& c) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      jobs.emplace(submitted++, std::move(c));
    }
    job_ready.notify_one();
    while (submitted - merged >= 2 * threads) merge_one();
  };
  try {
    submit(std::move(first));
    submit(std::move(second));
    while (!failure) {
      Job c;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (!spare.empty()) {
          c = std::move(spare.back());
          spare.pop_back();
        }
      }
      if (!next(c)) break;
      submit(std::move(c));
    }
  } catch (...) {
    if (!failure) failure = std::current_exception();
  }
  while (merged < submitted) merge_one();
  {
    std::lock_guard<std::mutex> lock(mutex);
    closing = true;
  }
  job_ready.notify_all();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace histext::freq
