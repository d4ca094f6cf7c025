// The document pipeline of the CLI: one reader thread fills batches of documents, --threads
// workers process whole batches, and the calling thread writes the batches back in input order.
// Batches (not single documents) are the unit of hand-off so that locking costs stay per ~100
// documents; the queue is bounded, so memory stays flat on corpora of any size.
#include "driver.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "io/document_stream.h"

namespace dyad::tools {

void AddInputOptions(CLI::App* cmd, InputOptions* o, bool with_output) {
  cmd->add_option("inputs", o->inputs,
                  "Files or directories to read (recursively); '-' reads stdin. .gz and .zst "
                  "are decompressed.")
      ->required();
  cmd->add_option("--input-format", o->input_format,
                  "auto|text|jsonl|html|petrarch-xml|tabari|conllu (auto: by extension and content)")
      ->capture_default_str();
  cmd->add_option("--date", o->date, "Publication date (YYYY-MM-DD) for inputs that carry none");
  if (with_output) {
    cmd->add_option("-o,--output", o->output, "Output file ('-' is stdout)")->capture_default_str();
  }
  cmd->add_option("--threads", o->threads, "Worker threads (document-level; output keeps input order)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--strict", o->strict, "Stop at the first record that cannot be read or processed");
  cmd->add_flag("--progress", o->progress, "Show a progress bar on stderr (default when it is a terminal)");
  cmd->add_flag("--no-progress", o->no_progress, "Never show the progress bar");
  cmd->add_option("--max-record-mb", o->max_record_mb, "Largest record (line, file, XML sentence) to accept")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
}

namespace {

struct Item {
  std::optional<model::Document> doc;  // empty: `error` holds a read error
  Status error;
  std::string output;                  // RunDocuments: the document's text output
  std::vector<model::Event> events;    // RunCodedBatches: the document's events
};

struct Batch {
  size_t seq = 0;
  std::vector<Item> items;
};

// A bounded multi-producer multi-consumer queue of batches.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}

  bool Push(Batch b) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < capacity_ || closed_; });
    if (closed_) return false;
    q_.push_back(std::move(b));
    not_empty_.notify_one();
    return true;
  }
  std::optional<Batch> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return std::nullopt;
    Batch b = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return b;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Batch> q_;
  size_t capacity_;
  bool closed_ = false;
};

// Finished batches, handed to the writer in sequence order.
class ReorderBuffer {
 public:
  void Put(Batch b) {
    std::lock_guard lock(mu_);
    done_.emplace(b.seq, std::move(b));
    ready_.notify_all();
  }
  // Blocks until batch `seq` is done; nullopt when the producers are finished and it never will be.
  std::optional<Batch> Take(size_t seq) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return done_.count(seq) || (finished_ && done_.empty()); });
    auto it = done_.find(seq);
    if (it == done_.end()) return std::nullopt;
    Batch b = std::move(it->second);
    done_.erase(it);
    return b;
  }
  void Finish() {
    std::lock_guard lock(mu_);
    finished_ = true;
    ready_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::map<size_t, Batch> done_;
  bool finished_ = false;
};

class Progress {
 public:
  Progress(bool enabled, std::string command) : enabled_(enabled), command_(std::move(command)) {}
  void Update(size_t docs, size_t bytes, bool final_update) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!final_update && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? docs / secs : 0;
    fmt::print(stderr, "\r{}: {} documents, {:.1f} MB, {:.0f} documents/s   ", command_, docs,
               bytes / 1e6, rate);
    if (final_update) fmt::print(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  std::string command_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

constexpr size_t kBatchDocuments = 64;
constexpr size_t kBatchBytes = size_t{4} << 20;

// The pipeline both entry points share. `start` runs once the inputs are open (it opens the
// output); `work` runs on the workers per document; `sink` gets each batch's processed documents
// on the calling thread, in input order; `finish` runs after the last batch. A non-OK Status from
// start, sink or finish is fatal: printed, and the exit code is 2.
using WorkFn = std::function<Status(Item& item)>;
using SinkFn = std::function<Status(std::span<Item* const> done)>;

int RunPipeline(const std::string& command, const InputOptions& options,
                const std::function<Status()>& start, const WorkFn& work, const SinkFn& sink,
                const std::function<Status()>& finish) {
  const std::string prefix = "dyad " + command;
  io::ReadOptions read_options;
  auto format = io::ParseInputFormat(options.input_format);
  if (!format.ok()) {
    fmt::print(stderr, "{}: {}\n", prefix, format.status().message());
    return 2;
  }
  read_options.format = *format;
  read_options.max_record_bytes = options.max_record_mb << 20;
  if (!options.date.empty()) {
    read_options.default_date = model::ParseIsoDate(options.date);
    if (!read_options.default_date) {
      fmt::print(stderr, "{}: --date '{}' is not a valid YYYY-MM-DD date\n", prefix, options.date);
      return 2;
    }
  }
  auto stream = io::DocumentStream::Open(options.inputs, read_options);
  if (!stream.ok()) {
    fmt::print(stderr, "{}: {}\n", prefix, stream.status().message());
    return 2;
  }
  if (Status s = start(); !s.ok()) {
    fmt::print(stderr, "{}: {}\n", prefix, s.message());
    return 2;
  }

  const auto started = std::chrono::steady_clock::now();
  std::atomic<bool> stop{false};
  const size_t workers = static_cast<size_t>(options.threads);
  BatchQueue todo(workers * 2);
  ReorderBuffer done;

  std::jthread reader([&] {
    size_t seq = 0;
    Batch batch;
    size_t batch_bytes = 0;
    auto flush = [&] {
      if (batch.items.empty()) return true;
      batch.seq = seq++;
      batch_bytes = 0;
      bool pushed = todo.Push(std::move(batch));
      batch = Batch{};
      return pushed;
    };
    for (;;) {
      if (stop.load(std::memory_order_relaxed)) break;
      Item item;
      item.doc.emplace();
      io::ReadEvent ev = (*stream)->Next(&*item.doc, &item.error);
      if (ev == io::ReadEvent::kEnd) break;
      if (ev == io::ReadEvent::kError) {
        item.doc.reset();
      } else {
        batch_bytes += item.doc->text.size();
      }
      batch.items.push_back(std::move(item));
      if ((batch.items.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) && !flush()) break;
    }
    flush();
    todo.Close();
  });

  std::vector<std::jthread> pool;
  std::atomic<size_t> running{workers};
  for (size_t w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      while (auto batch = todo.Pop()) {
        for (Item& item : batch->items) {
          if (!item.doc || stop.load(std::memory_order_relaxed)) continue;
          Status s = work(item);
          if (!s.ok()) {
            item.error = s.WithContext(item.doc->origin);
            item.output.clear();
            item.events.clear();
          }
        }
        done.Put(std::move(*batch));
      }
      if (running.fetch_sub(1) == 1) done.Finish();
    });
  }

  size_t docs_read = 0, docs_failed = 0, read_errors = 0, sentences = 0, bytes = 0;
  Status fatal;
  std::vector<Item*> good;
  Progress progress(options.progress || (!options.no_progress && isatty(STDERR_FILENO)), prefix);
  for (size_t seq = 0;; ++seq) {
    auto batch = done.Take(seq);
    if (!batch) break;
    good.clear();
    for (Item& item : batch->items) {
      if (stop) break;
      if (item.doc) ++docs_read;
      if (!item.error.ok()) {
        if (item.doc) ++docs_failed; else ++read_errors;
        fmt::print(stderr, "{}\n", item.error.message());
        if (options.strict) {
          stop = true;
          todo.Close();
        }
        continue;
      }
      sentences += item.doc->sentences.size();
      bytes += item.doc->text.size();
      good.push_back(&item);
    }
    if (fatal.ok() && !good.empty()) fatal = sink(good);
    if (!fatal.ok()) {
      stop = true;
      todo.Close();
    }
    progress.Update(docs_read, bytes, false);
  }
  todo.Close();
  reader.join();
  pool.clear();  // joins
  progress.Update(docs_read, bytes, true);

  Status finished = finish();
  if (fatal.ok()) fatal = finished;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!fatal.ok()) fmt::print(stderr, "{}: {}\n", prefix, fatal.message());
  fmt::print(stderr,
             "{}: {} documents read, {} skipped, {} read errors, {} sentences, {:.2f} seconds{}\n",
             prefix, docs_read, docs_failed, read_errors, sentences, secs,
             options.strict && stop && fatal.ok() ? " (stopped: --strict)" : "");
  if (!fatal.ok()) return 2;
  return (docs_failed + read_errors) > 0 ? 1 : 0;
}

}  // namespace

int RunDocuments(const std::string& command, const InputOptions& options,
                 const DocumentProcessor& process, const std::string& header) {
  std::FILE* out = stdout;
  const std::string name = options.output == "-" ? "stdout" : options.output;
  auto write_failed = [&name] {
    return UnavailableError(fmt::format("writing {} failed: {}", name, std::strerror(errno)));
  };
  return RunPipeline(
      command, options,
      [&] {
        if (options.output != "-") {
          out = std::fopen(options.output.c_str(), "wb");
          if (out == nullptr) {
            return UnavailableError(
                fmt::format("cannot write {}: {}", options.output, std::strerror(errno)));
          }
        }
        if (!header.empty()) std::fwrite(header.data(), 1, header.size(), out);
        return Status::Ok();
      },
      [&process](Item& item) { return process(*item.doc, item.output); },
      [&](std::span<Item* const> done) {
        for (const Item* item : done) {
          if (!item->output.empty() &&
              std::fwrite(item->output.data(), 1, item->output.size(), out) != item->output.size()) {
            return write_failed();
          }
        }
        return Status::Ok();
      },
      [&] {
        bool failed = std::fflush(out) != 0;
        if (out != stdout && std::fclose(out) != 0) failed = true;
        return failed ? write_failed() : Status::Ok();
      });
}

int RunCodedBatches(const std::string& command, const InputOptions& options,
                    const CodingProcessor& process, const BatchConsumer& consume) {
  std::vector<CodedDocument> batch;
  return RunPipeline(
      command, options, [] { return Status::Ok(); },
      [&process](Item& item) { return process(*item.doc, item.events); },
      [&](std::span<Item* const> done) {
        batch.clear();
        for (const Item* item : done) batch.push_back({&*item->doc, &item->events});
        return consume(batch);
      },
      [] { return Status::Ok(); });
}

}  // namespace dyad::tools
