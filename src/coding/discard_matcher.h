// Finds the discard phrases of a dictionary set in a sentence.
//
// PETRARCH2's set has ~500 discard phrases; trying each at every token cost more than half of
// its coding time. Phrases are compiled to word ids (word_ids.h) and indexed by their first
// word, so each token looks up the few phrases that can start there.
//
// Thread safety: const after construction.
#ifndef DYAD_CODING_DISCARD_MATCHER_H_
#define DYAD_CODING_DISCARD_MATCHER_H_

#include <cstdint>
#include <vector>

#include "coding/verb_matcher.h"
#include "coding/word_ids.h"
#include "lexicon/dictionary.h"

namespace dyad::coding {

class DiscardMatcher {
 public:
  // Compiles `list` (words matched as verb-pattern words are: form or lemma, stems, synsets of
  // `verbs`), interning its words in `vocabulary`.
  DiscardMatcher(const lexicon::DiscardList& list, const VerbMatcher& verbs, WordVocabulary& vocabulary);

  // The index into the list of the first discard (in list order) whose words occur as adjacent
  // tokens of the sentence, or -1.
  int Find(const SentenceWords& words) const;

 private:
  bool MatchesAt(const SentenceWords& words, uint32_t discard, size_t start) const;

  const VerbMatcher& verbs_;
  std::vector<std::vector<CompiledWord>> phrases_;  // per discard; empty ones never match
  std::vector<std::vector<uint32_t>> by_first_;     // first word id -> discards, in list order
  std::vector<uint32_t> unindexed_;                 // discards whose first word is not a plain word
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_DISCARD_MATCHER_H_
