// The context stage's costs: gazetteer load time and memory, and context resolution per event
// on parsed text. Usage: context_benchmark [GAZETTEER]. Prints the best of 5 loads, the peak RSS
// growth of one load, and events/s of Resolver::Resolve over the annotated development sentences
// (src/context/testdata/news_context.jsonl, parsed once with data/models; one event per
// sentence, resolved 2,000 times).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "context/dep_tree.h"
#include "context/gazetteer.h"
#include "pipeline/engine.h"

using namespace dyad;

namespace {

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

double Ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : DYAD_DATA_DIR "/gazetteer/places.tsv.gz";
  const long rss_before = PeakRssKb();
  double best = 1e18;
  size_t places = 0;
  for (int run = 0; run < 5; ++run) {
    auto start = std::chrono::steady_clock::now();
    auto g = context::Gazetteer::Load(path);
    best = std::min(best, Ms(start));
    if (!g.ok()) {
      std::fprintf(stderr, "%s\n", g.status().message().c_str());
      return 1;
    }
    places = (*g)->size();
  }
  std::printf("gazetteer load  %8.1f ms  (%zu places, best of 5); peak RSS +%ld MB\n", best, places,
              (PeakRssKb() - rss_before) / 1024);

  pipeline::EngineOptions options;
  options.models_dir = DYAD_DATA_DIR "/models";
  options.dictionaries = "dyad:" DYAD_DATA_DIR "/dictionaries";
  options.gazetteer = path;
  auto engine = pipeline::Engine::Open(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().message().c_str());
    return 1;
  }
  pipeline::Engine::Workspace ws;
  std::vector<model::Document> docs;
  std::vector<model::Event> events;
  std::ifstream in(DYAD_DATA_DIR "/../src/context/testdata/news_context.jsonl");
  for (std::string line; std::getline(in, line);) {
    auto item = nlohmann::json::parse(line);
    model::Document doc;
    doc.text = item["text"].get<std::string>();
    doc.date = model::ParseIsoDate(item["date"].get<std::string>());
    if (!(*engine)->Analyze(doc, ws).ok()) return 1;
    context::DepTree tree;
    tree.Reset(doc, 0);
    for (size_t t = 0; t < tree.size(); ++t) {
      if (tree.Form(t) != item["verb"].get<std::string>()) continue;
      model::Event e;
      e.verb.start = tree.token(t).start;
      events.push_back(e);
      docs.push_back(std::move(doc));
      break;
    }
  }
  constexpr int kRounds = 2000;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < kRounds; ++r) {
    for (size_t i = 0; i < docs.size(); ++i) {
      (*engine)->context().Resolve(docs[i], ws.context, std::span(&events[i], 1), nullptr);
    }
  }
  const double ms = Ms(start);
  std::printf("context resolve %8.0f events/s (1 thread, %zu events x %d, no attribution coding)\n",
              kRounds * docs.size() / (ms / 1000.0), docs.size(), kRounds);
  return 0;
}
