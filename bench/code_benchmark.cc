// Coding throughput on the first N sentences of ../shared/data/news/reuters21578_sentences.tsv.
// Usage: code_benchmark [--sentences N] [--dictionaries SPEC] [--models DIR] [--rounds R]
//                       [--parse-all 1]
// Prints: dictionary load time; tag+parse sentences/s; coding-given-parses sentences/s, by the
// clock and by the thread's CPU time (the best of R rounds: other processes on a shared machine
// slow single rounds down); raw text to events (Engine::Code: segment, tag and parse what may
// yield events, code, context; with --parse-all 1 every sentence is tagged and parsed) sentences/s
// and the share of sentences tagged and parsed; events found; peak RSS. One thread.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "lexicon/dictionary_set.h"
#include "text/analyzer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  size_t limit = 20000;
  int rounds = 1;
  bool parse_all = false;
  std::string dictionaries = "petrarch2:" DYAD_SHARED_DIR "/data/dictionaries/petrarch2";
  std::string models = DYAD_DATA_DIR "/models";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--sentences")) limit = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dictionaries")) dictionaries = argv[i + 1];
    if (!std::strcmp(argv[i], "--models")) models = argv[i + 1];
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::max(1, std::stoi(argv[i + 1]));
    if (!std::strcmp(argv[i], "--parse-all")) parse_all = std::stoi(argv[i + 1]) != 0;
  }
  const std::string corpus = DYAD_SHARED_DIR "/data/news/reuters21578_sentences.tsv";
  if (!std::filesystem::exists(corpus)) {
    std::printf("skip: %s not found (../shared is absent)\n", corpus.c_str());
    return 0;
  }
  // One document per sentence, as PETRARCH and TABARI take them.
  std::vector<dyad::model::Document> docs;
  {
    std::ifstream in(corpus);
    std::string line;
    std::getline(in, line);  // header
    while (docs.size() < limit && std::getline(in, line)) {
      size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      if (t2 == std::string::npos) continue;
      dyad::model::Document d;
      d.id = line.substr(0, t1) + ":" + line.substr(t1 + 1, t2 - t1 - 1);
      d.text = line.substr(t2 + 1);
      d.date = dyad::model::ParseIsoDate("1987-06-01");
      docs.push_back(std::move(d));
    }
  }

  auto start = Clock::now();
  dyad::pipeline::EngineOptions options;
  options.dictionaries = dictionaries;
  options.models_dir = models;
  options.parse_all = parse_all;
  auto engine = dyad::pipeline::Engine::Open(options);
  if (!engine.ok()) {
    std::printf("cannot open the engine: %s\n", engine.status().message().c_str());
    return 1;
  }
  double load = Seconds(start);
  std::printf("corpus: %zu sentences of %s\n", docs.size(), corpus.c_str());
  std::printf("dictionaries %s + models: loaded in %.3f s\n", dictionaries.c_str(), load);
  start = Clock::now();
  auto dicts = dyad::lexicon::LoadDictionarySet(dictionaries);
  std::printf("dictionary load alone: %.3f s\n", Seconds(start));

  const std::vector<dyad::model::Document> raw = docs;
  dyad::pipeline::Engine::Workspace ws;
  std::vector<dyad::model::Event> events;
  size_t sentences = 0, tokens = 0;

  start = Clock::now();
  for (auto& d : docs) dyad::text::SegmentAndTokenize(d);
  double segment = Seconds(start);
  start = Clock::now();
  for (auto& d : docs) {
    dyad::Status s = (*engine)->Analyze(d, ws);
    (void)s;
    sentences += d.sentences.size();
    tokens += d.tokens.size();
  }
  double parse = Seconds(start);
  double code = 0, code_cpu = 0;
  for (int round = 0; round < rounds; ++round) {
    events.clear();
    start = Clock::now();
    const double cpu_start = ThreadCpuSeconds();
    for (const auto& d : docs) (*engine)->coder().CodeDocument(d, ws.coder, events);
    const double wall = Seconds(start), cpu = ThreadCpuSeconds() - cpu_start;
    if (round == 0 || wall < code) code = wall;
    if (round == 0 || cpu < code_cpu) code_cpu = cpu;
  }

  std::printf("segment+tokenize: %.0f sentences/s\n", sentences / segment);
  std::printf("tag+parse: %.0f sentences/s, %.0f tokens/s\n", sentences / parse, tokens / parse);
  std::printf("coding given parses: %.0f sentences/s, %.0f sentences/s of CPU time (%zu events)\n",
              sentences / code, sentences / code_cpu, events.size());

  double raw_wall = 0, raw_cpu = 0;
  size_t tagged = 0, parsed = 0, raw_events = 0;
  for (int round = 0; round < rounds; ++round) {
    docs = raw;
    events.clear();
    start = Clock::now();
    const double cpu_start = ThreadCpuSeconds();
    for (auto& d : docs) {
      dyad::Status s = (*engine)->Code(d, ws, events);
      (void)s;
    }
    const double wall = Seconds(start), cpu = ThreadCpuSeconds() - cpu_start;
    if (round == 0 || wall < raw_wall) raw_wall = wall;
    if (round == 0 || cpu < raw_cpu) raw_cpu = cpu;
    raw_events = events.size();
  }
  for (const auto& d : docs) {
    for (const auto& s : d.sentences) {
      const auto t = d.Tokens(s);
      // A parsed sentence has a root: a token with a dependency label.
      tagged += !t.empty() && t[0].upos != 0;
      parsed += std::any_of(t.begin(), t.end(), [](const dyad::model::Token& k) { return k.deprel != 0; });
    }
  }
  std::printf("raw text -> events%s: %.0f sentences/s, %.0f sentences/s of CPU time (%zu events); "
              "tagged %.1f%%, parsed %.1f%% of sentences\n",
              parse_all ? " (every sentence parsed)" : "", sentences / raw_wall, sentences / raw_cpu, raw_events,
              100.0 * tagged / sentences, 100.0 * parsed / sentences);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak RSS: %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
