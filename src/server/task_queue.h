// The server's worker pool: `threads` workers and a queue of at most `capacity` accepted
// connections. httplib's own ThreadPool queues without bound, so a flood of connections would
// pile up sockets and memory; here the acceptor blocks in Enqueue() while the queue is full, and
// further connections wait in the kernel's listen backlog (and are refused when that is full).
#ifndef DYAD_SERVER_TASK_QUEUE_H_
#define DYAD_SERVER_TASK_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace dyad::server {

class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(size_t threads, size_t capacity);
  ~BoundedTaskQueue() override;

  // Blocks while `capacity` tasks wait, unless the queue is shutting down (then the task still
  // runs: httplib's task closes its socket).
  void enqueue(std::function<void()> fn) override;
  // Runs the queued tasks, then joins the workers.
  void shutdown() override;

 private:
  void Work();

  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::function<void()>> tasks_;
  bool shutdown_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_TASK_QUEUE_H_
