// dyad dict check | stats: consistency report and counts for a dictionary set (dyad's own by
// default). `check` exits 1 when it finds any problem, so CI can run it on the shipped set.
#include <cstdio>

#include <fmt/format.h>

#include "commands.h"
#include "engine_options.h"
#include "lexicon/dictionary_check.h"

namespace dyad::tools {

void AddDictCommand(CLI::App& app, CommandRunner* run) {
  auto spec = std::make_shared<std::string>(kDefaultDictionaries);
  CLI::App* dict = app.add_subcommand("dict", "Check dictionaries or count what they hold");
  dict->require_subcommand(1);
  CLI::App* check = dict->add_subcommand("check", "Report duplicates, conflicting codes, overlapping dates, "
                                                   "unknown codes, unreachable patterns and syntax errors");
  CLI::App* stats = dict->add_subcommand("stats", "Count actors, agents, verbs and patterns (by CAMEO root)");
  for (CLI::App* cmd : {check, stats}) {
    cmd->add_option("--dictionaries", *spec, "dyad:DIR, petrarch2:DIR, up:DIR, petrarch1:DIR, tabari:FILE.project")
        ->capture_default_str();
  }
  check->callback([spec, run] {
    *run = [spec] {
      auto set = lexicon::LoadDictionarySet(*spec);
      if (!set.ok()) {
        std::fprintf(stderr, "dyad dict check: %s\n", set.status().message().c_str());
        return 2;
      }
      std::vector<std::string> problems = lexicon::CheckDictionarySet(*set);
      for (const std::string& p : problems) std::printf("%s\n", p.c_str());
      std::fprintf(stderr, "dyad dict check: %s: %zu problems\n", spec->c_str(), problems.size());
      return problems.empty() ? 0 : 1;
    };
  });
  stats->callback([spec, run] {
    *run = [spec] {
      auto set = lexicon::LoadDictionarySet(*spec);
      if (!set.ok()) {
        std::fprintf(stderr, "dyad dict stats: %s\n", set.status().message().c_str());
        return 2;
      }
      lexicon::DictionaryStats s = lexicon::ComputeStats(*set);
      fmt::print("dictionaries: {}\n", *spec);
      fmt::print("actors: {} ({} phrases, {} codes, {} dated)\n", s.actors, s.actor_phrases, s.actor_codes,
                 s.dated_codes);
      fmt::print("agents: {}\ndiscards: {}\n", s.agents, s.discards);
      fmt::print("verbs: {} blocks, {} lemmas, {} patterns\n", s.verb_blocks, s.verb_lemmas, s.patterns);
      fmt::print("verbs and patterns by CAMEO root:");
      for (const auto& [root, n] : s.patterns_by_root) fmt::print(" {}:{}", root, n);
      fmt::print("\nactors by code prefix (top 10):");
      auto prefixes = s.actors_by_prefix;
      std::sort(prefixes.begin(), prefixes.end(), [](auto& a, auto& b) { return a.second > b.second; });
      for (size_t i = 0; i < prefixes.size() && i < 10; ++i) fmt::print(" {}:{}", prefixes[i].first, prefixes[i].second);
      fmt::print("\ndiagnostics: {}\n", set->diagnostics.size());
      return 0;
    };
  });
}

}  // namespace dyad::tools
