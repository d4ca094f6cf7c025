// Options shared by the commands that code events (code, explain, validate): dictionaries, models
// gazetteer and coder switches.
#ifndef DYAD_TOOLS_ENGINE_OPTIONS_H_
#define DYAD_TOOLS_ENGINE_OPTIONS_H_

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "pipeline/engine.h"

namespace dyad::tools {

// dyad's own dictionaries, shipped in data/dictionaries.
inline constexpr char kDefaultDictionaries[] = "dyad:" DYAD_DATA_DIR "/dictionaries";
inline constexpr char kDefaultModels[] = DYAD_DATA_DIR "/models";
inline constexpr char kDefaultGazetteer[] = DYAD_DATA_DIR "/gazetteer/places.tsv.gz";

inline constexpr char kParseAllHelp[] =
    "Tag and parse every sentence (by default coding skips the sentences that cannot yield an event; "
    "the events are the same)";

struct EngineFlags {
  std::string dictionaries = kDefaultDictionaries;
  std::string models = kDefaultModels;
  std::string gazetteer = kDefaultGazetteer;
  bool code_negated = false;
  bool allow_no_target = false;
  bool parse_all = false;

  pipeline::EngineOptions ToOptions() const {
    pipeline::EngineOptions o;
    o.dictionaries = dictionaries;
    o.models_dir = models;
    o.gazetteer = gazetteer == "none" ? "" : gazetteer;
    o.coder.code_negated = code_negated;
    o.coder.require_target = !allow_no_target;
    o.parse_all = parse_all;
    return o;
  }
};

inline void AddEngineOptions(CLI::App* cmd, EngineFlags* flags) {
  cmd->add_option("--dictionaries", flags->dictionaries,
                  "Dictionary set: dyad:DIR (default, dyad's own), petrarch2:DIR, up:DIR, petrarch1:DIR, "
                  "tabari:FILE.project")
      ->capture_default_str();
  cmd->add_option("--models", flags->models, "Directory of en-tagger.bin and en-parser.bin")->capture_default_str();
  cmd->add_option("--gazetteer", flags->gazetteer, "Place gazetteer for event locations (\"none\": no places)")
      ->capture_default_str();
  cmd->add_flag("--code-negated", flags->code_negated,
                "Code negated verbs (\"did not sign\") too, flagged \"negated\" in modality");
  cmd->add_flag("--allow-no-target", flags->allow_no_target, "Code events that have a source but no target actor");
  cmd->add_flag("--parse-all", flags->parse_all, kParseAllHelp);
}

}  // namespace dyad::tools

#endif  // DYAD_TOOLS_ENGINE_OPTIONS_H_
