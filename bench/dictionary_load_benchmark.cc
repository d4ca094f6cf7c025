// Load time of the full PETRARCH2 dictionary set (../shared/data/dictionaries/petrarch2/):
// CAMEO.2.0.txt verbs, the three Phoenix actor files, agents, discards and issues.
// Usage: dictionary_load_benchmark [DIR]. Prints per-file and total wall time (best of 5, files
// read from disk each run) and peak RSS. The issue's target is < 0.5 s, its limit 1 s.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "lexicon/loaders.h"

using namespace dyad::lexicon;

namespace {

template <typename Fn>
double Time(Fn fn) {
  auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : DYAD_SHARED_DIR "/data/dictionaries/petrarch2";
  if (!std::filesystem::exists(dir + "/CAMEO.2.0.txt")) {
    std::fprintf(stderr, "%s/CAMEO.2.0.txt not found; nothing to measure\n", dir.c_str());
    return 1;
  }
  const std::vector<std::string> actor_files = {dir + "/Phoenix.Countries.actors.txt",
                                                dir + "/Phoenix.International.actors.txt",
                                                dir + "/Phoenix.MilNonState.actors.txt"};
  double best[6] = {1e18, 1e18, 1e18, 1e18, 1e18, 1e18};
  size_t patterns = 0, actors = 0, warnings = 0;
  for (int run = 0; run < 5; ++run) {
    std::vector<Diagnostic> diags;
    double t[6];
    t[0] = Time([&] {
      auto v = LoadPetrarchVerbs(dir + "/CAMEO.2.0.txt", VerbFormat::kPetrarch2, {}, &diags);
      patterns = v.ok() ? v->PatternCount() : 0;
    });
    t[1] = Time([&] {
      auto a = LoadActors(actor_files, {}, &diags);
      actors = a.ok() ? a->actors.size() : 0;
    });
    t[2] = Time([&] { (void)LoadAgents(dir + "/Phoenix.agents.txt", false, {}, &diags); });
    t[3] = Time([&] { (void)LoadDiscards(dir + "/Phoenix.discards.txt", {}, &diags); });
    t[4] = Time([&] { (void)LoadIssues(dir + "/Phoenix.IssueCoding.txt", {}, &diags); });
    t[5] = t[0] + t[1] + t[2] + t[3] + t[4];
    for (int k = 0; k < 6; ++k) best[k] = std::min(best[k], t[k]);
    warnings = diags.size();
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("verbs    %8.1f ms  (%zu patterns)\n", best[0], patterns);
  std::printf("actors   %8.1f ms  (%zu actors)\n", best[1], actors);
  std::printf("agents   %8.1f ms\n", best[2]);
  std::printf("discards %8.1f ms\n", best[3]);
  std::printf("issues   %8.1f ms\n", best[4]);
  std::printf("total    %8.1f ms  (best of 5; %zu diagnostics; peak RSS %ld MB)\n", best[5], warnings,
              usage.ru_maxrss / 1024);
  return 0;
}
