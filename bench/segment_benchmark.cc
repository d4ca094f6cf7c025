// Segment + tokenize throughput on the news corpora in ../shared/data/news/.
// Usage: segment_benchmark [FILE.jsonl ...]   (default: Reuters-21578 and Wikinews)
// Prints MB/s and sentences/s on one thread and on two (documents split between the threads),
// best of three runs after loading the texts into memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/analyzer.h"

namespace {

std::vector<std::string> LoadTexts(const std::string& path) {
  std::vector<std::string> texts;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) texts.push_back(j["text"]);
  }
  return texts;
}

struct Result {
  double seconds = 0;
  size_t sentences = 0, tokens = 0;
};

Result Run(const std::vector<std::string>& texts, size_t threads) {
  std::vector<Result> parts(threads);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      dyad::model::Document doc;
      for (size_t i = t; i < texts.size(); i += threads) {
        doc.text = texts[i];
        dyad::text::SegmentAndTokenize(doc);
        parts[t].sentences += doc.sentences.size();
        parts[t].tokens += doc.tokens.size();
      }
    });
  }
  for (auto& th : pool) th.join();
  Result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const Result& p : parts) r.sentences += p.sentences, r.tokens += p.tokens;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) files.push_back(argv[i]);
  if (files.empty()) {
    files = {std::string(DYAD_SHARED_DIR) + "/data/news/reuters21578_docs.jsonl",
             std::string(DYAD_SHARED_DIR) + "/data/news/wikinews_docs.jsonl"};
  }
  for (const std::string& file : files) {
    if (!std::filesystem::exists(file)) {
      std::printf("skip: %s not found (../shared is absent)\n", file.c_str());
      continue;
    }
    std::vector<std::string> texts = LoadTexts(file);
    size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    for (size_t threads : {size_t{1}, size_t{2}}) {
      Result best;
      best.seconds = 1e30;
      for (int rep = 0; rep < 3; ++rep) {
        Result r = Run(texts, threads);
        if (r.seconds < best.seconds) best = r;
      }
      std::printf("%s: %zu documents, %.1f MB, threads=%zu: %.1f MB/s, %.0f sentences/s, "
                  "%.0f tokens/s (%zu sentences, %.3f s)\n",
                  std::filesystem::path(file).filename().c_str(), texts.size(), bytes / 1e6,
                  threads, bytes / 1e6 / best.seconds, best.sentences / best.seconds,
                  best.tokens / best.seconds, best.sentences, best.seconds);
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
