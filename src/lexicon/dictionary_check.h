// Consistency checks over a loaded dictionary set, for `dyad dict check` and the tests that keep
// dyad's shipped dictionaries clean: duplicate phrases, conflicting codes, overlapping date ranges,
// unknown event codes, unreachable patterns. Load-time problems (malformed dates, syntax) are the
// loaders' diagnostics and are reported with these.
#ifndef DYAD_LEXICON_DICTIONARY_CHECK_H_
#define DYAD_LEXICON_DICTIONARY_CHECK_H_

#include <string>
#include <vector>

#include "lexicon/dictionary_set.h"

namespace dyad::lexicon {

// Every problem found, each "file:line: what". Empty when the set is clean.
std::vector<std::string> CheckDictionarySet(const DictionarySet& set);

struct DictionaryStats {
  size_t actors = 0, actor_phrases = 0, actor_codes = 0, dated_codes = 0;
  size_t agents = 0, discards = 0;
  size_t verb_blocks = 0, verb_lemmas = 0, patterns = 0;
  std::vector<std::pair<std::string, size_t>> patterns_by_root;  // "01".."20" -> patterns and verbs
  std::vector<std::pair<std::string, size_t>> actors_by_prefix;  // first 3 letters -> actors
};

DictionaryStats ComputeStats(const DictionarySet& set);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_DICTIONARY_CHECK_H_
