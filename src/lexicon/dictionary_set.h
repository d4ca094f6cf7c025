// A complete set of dictionaries for the coder, loaded from one specification string:
//   "dyad:DIR"            dyad's own format: every *.dyad file under DIR (dyad_format.h)
//   "petrarch2:DIR"       PETRARCH2 layout: CAMEO verbs, *actors*, *agents*, *discards*, *Issue* files
//   "up:DIR"              UniversalPetrarch layout (PETR_Validate_*_2_02.txt style)
//   "petrarch1:DIR"       PETRARCH-1 layout (linear verb patterns)
//   "tabari:FILE.project" a TABARI project file and the files it names
// Files in a folder are recognized by name (case-insensitive): "verb" or "CAMEO" -> verbs,
// "actor" -> actors (several allowed), "agent" -> agents, "discard" -> discards, "issue" -> issues,
// and for "up:" "ontology" -> the internal coding ontology (coding_ontology.h), which codes negated verbs.
#ifndef DYAD_LEXICON_DICTIONARY_SET_H_
#define DYAD_LEXICON_DICTIONARY_SET_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lexicon/coding_ontology.h"
#include "lexicon/dictionary.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon {

struct DictionarySet {
  std::string spec;  // as given
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  IssueList issues;
  CodingOntology ontology;  // UniversalPetrarch only; empty otherwise
  TabariOptions tabari_options;  // TABARI only: the project's .options file (COMPLEX: limits)
  std::vector<Diagnostic> diagnostics;  // every warning of every loader
};

StatusOr<DictionarySet> LoadDictionarySet(std::string_view spec, const LoadOptions& options = {});

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_DICTIONARY_SET_H_
