// Tag + lemmatize + parse throughput on one core, and the process's peak memory.
//
// Reads sentences from ../shared/data/news (wikinews_sentences.tsv, or the Reuters file), has the
// text layer segment them (untimed: it has its own benchmark), then times Pipeline::Analyze over all of them, best of three
// passes. Prints tokens/s, sentences/s, model load time and peak RSS (VmHWM). A plain main, so
// the numbers are easy to paste into data/models/README.md. Times are wall clock and, in
// parentheses, this process's CPU time: on a shared machine the wall clock also counts the time
// other processes held the core, the CPU time does not. A fourth pass runs the stages one after
// the other over the whole corpus and prints each one's share of the CPU time.
//
// Usage: parse_benchmark [--models DIR] [--corpus FILE] [--max-sentences N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "model/document.h"
#include "nlp/pipeline.h"
#include "text/analyzer.h"

namespace {

double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

long PeakRssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// One document per sentence, segmented by the text layer (outside the timed part).
dyad::model::Document MakeDocument(const std::string& sentence) {
  dyad::model::Document d;
  d.text = sentence;
  dyad::text::SegmentAndTokenize(d);
  return d;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef DYAD_SOURCE_DIR
  std::string models = std::string(DYAD_SOURCE_DIR) + "/data/models";
#else
  std::string models = "data/models";  // run from the repository root, or pass --models
#endif
  std::string corpus;
  size_t max_sentences = 20000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--models")) models = argv[i + 1];
    if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
    if (!std::strcmp(argv[i], "--max-sentences")) max_sentences = std::stoul(argv[i + 1]);
  }
  if (corpus.empty()) {
    for (const char* name : {"/data/news/wikinews_sentences.tsv", "/data/news/reuters21578_sentences.tsv"}) {
      std::string path = std::string(DYAD_SHARED_DIR) + name;
      if (std::ifstream(path)) { corpus = path; break; }
    }
  }
  if (corpus.empty() || !std::ifstream(corpus)) {
    std::printf("SKIPPED: no news corpus under %s/data/news (pass --corpus FILE)\n", DYAD_SHARED_DIR);
    return 0;
  }
  auto t0 = std::chrono::steady_clock::now();
  const double c0 = CpuSeconds();
  auto pipeline = dyad::nlp::Pipeline::Load(models);
  const double load_cpu = CpuSeconds() - c0;
  auto t1 = std::chrono::steady_clock::now();
  if (!pipeline.ok()) {
    std::printf("cannot load models: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  std::vector<dyad::model::Document> docs;
  {
    std::ifstream in(corpus);
    std::string line;
    std::getline(in, line);  // header: doc_id, sent_index, sentence
    while (docs.size() < max_sentences && std::getline(in, line)) {
      size_t tab = line.rfind('\t');
      if (tab == std::string::npos) continue;
      docs.push_back(MakeDocument(line.substr(tab + 1)));
    }
  }
  size_t tokens = 0;
  for (const auto& d : docs) tokens += d.tokens.size();
  dyad::nlp::Pipeline::Workspace ws;
  double best = 1e9, best_cpu = 1e9;
  for (int pass = 0; pass < 3; ++pass) {
    std::vector<dyad::model::Document> work = docs;
    auto a = std::chrono::steady_clock::now();
    const double ca = CpuSeconds();
    for (auto& d : work) (*pipeline)->Analyze(d, ws);
    best_cpu = std::min(best_cpu, CpuSeconds() - ca);
    auto b = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(b - a).count());
  }
  // Stage split: each stage over all sentences in turn (it reads the previous stage's output).
  const dyad::nlp::Pipeline& p = **pipeline;
  std::vector<dyad::model::Document> work = docs;
  auto each_sentence = [&](auto&& stage) {
    const double start = CpuSeconds();
    for (auto& d : work) {
      for (const auto& s : d.sentences) stage(d, s);
    }
    return CpuSeconds() - start;
  };
  const double tag_cpu = each_sentence([&](auto& d, const auto& s) { p.tagger().tagger.Tag(d, s, ws.tagger); });
  const double lemma_cpu =
      each_sentence([&](auto& d, const auto& s) { p.tagger().lemmatizer.Lemmatize(d, s, ws.lemma, ws.scratch); });
  const double parse_cpu = each_sentence([&](auto& d, const auto& s) { p.parser().parser.Parse(d, s, ws.parser); });
  std::printf("corpus: %s\n", corpus.c_str());
  std::printf("sentences: %zu, tokens: %zu\n", docs.size(), tokens);
  std::printf("model load: %.0f ms (%.0f ms CPU)\n", std::chrono::duration<double, std::milli>(t1 - t0).count(),
              1e3 * load_cpu);
  std::printf("tag+lemmatize+parse: %.0f tokens/s, %.0f sentences/s (1 thread, best of 3; %.0f tokens/s of CPU time)\n",
              tokens / best, docs.size() / best, tokens / best_cpu);
  std::printf("CPU time by stage: tag %.0f ms, lemmatize %.0f ms, parse %.0f ms\n", 1e3 * tag_cpu, 1e3 * lemma_cpu,
              1e3 * parse_cpu);
  std::printf("peak RSS: %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}
