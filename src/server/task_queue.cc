// See task_queue.h.
#include "server/task_queue.h"

namespace dyad::server {

BoundedTaskQueue::BoundedTaskQueue(size_t threads, size_t capacity) : capacity_(capacity) {
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

void BoundedTaskQueue::enqueue(std::function<void()> fn) {
  std::unique_lock lock(mu_);
  not_full_.wait(lock, [this] { return tasks_.size() < capacity_ || shutdown_; });
  tasks_.push_back(std::move(fn));
  not_empty_.notify_one();
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mu_);
    if (shutdown_ && workers_.empty()) return;
    shutdown_ = true;
  }
  not_empty_.notify_all();
  not_full_.notify_all();
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

void BoundedTaskQueue::Work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      not_empty_.wait(lock, [this] { return !tasks_.empty() || shutdown_; });
      if (tasks_.empty()) return;  // shut down and drained
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    not_full_.notify_one();
    task();
  }
}

}  // namespace dyad::server
