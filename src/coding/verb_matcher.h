// Matches PETRARCH2-style verb patterns against a dependency-parsed sentence.
//
// PETRARCH2 matched its patterns on Treebank constituency parses: words before '*' against the
// subject noun phrase, words after it against the verb phrase, "(PREP ...)" against a
// prepositional phrase. dyad reads the same patterns over UD dependencies:
//   pre-verb noun phrases   -> words inside the subject's subtree;
//   post-verb noun phrases  -> words inside the subtrees of the verb's complements (objects,
//                              obliques, clausal complements, particles), the head word last;
//   (PREP NOUNS...)         -> a complement whose case marker (or, for TO, infinitive marker) is
//                              PREP, with NOUNS inside its subtree;
//   $ / +                   -> bind the source / target to the phrase where they stand;
//   ^                       -> any one phrase (skipped).
// A word matches a token's upper-cased form or lemma; a word without a trailing '_' is a stem and
// also matches up to three more letters. Synsets (&NAME) match any member. Among the patterns that
// match, the one with the most literal words wins; ties go to the earliest in the file.
#ifndef DYAD_CODING_VERB_MATCHER_H_
#define DYAD_CODING_VERB_MATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "coding/sentence_view.h"
#include "lexicon/dictionary.h"

namespace dyad::coding {

struct PatternMatch {
  const lexicon::VerbPattern* pattern = nullptr;  // null: no pattern matched
  int score = 0;
  int source_token = -1;  // bound by '$', else -1
  int target_token = -1;  // bound by '+', else -1
};

// One pattern tried, for `dyad explain`.
struct PatternTrial {
  const lexicon::VerbPattern* pattern = nullptr;
  bool matched = false;
  int score = 0;
  std::string why;  // what failed, when it did not match
};

class VerbMatcher {
 public:
  explicit VerbMatcher(const lexicon::VerbDictionary& dict) : dict_(dict) {}

  // The best pattern of `block` for the verb at token `verb`, with `subject` (-1 when none) as
  // the start of the pre-verb material. Appends every trial to `trials` when it is not null.
  PatternMatch Match(const SentenceView& view, size_t verb, int subject, const lexicon::VerbBlock& block,
                     std::vector<PatternTrial>* trials) const;

  // True when the token's upper-cased form or lemma matches `word` (stem rules, synsets).
  bool WordMatches(const SentenceView& view, size_t token, const lexicon::PatternWord& word) const;

  // Whether the multi-word parts of a verb surface ("CALL_OFF") are present around `verb`.
  bool SurfaceMatches(const SentenceView& view, size_t verb, const lexicon::VerbSurface& surface) const;

 private:
  struct Binding {
    int source = -1;
    int target = -1;
  };
  // Finds noun phrase `np` (head word last) among the tokens of [first, last); returns the head
  // token matched or -1. Words are matched backwards from the head over adjacent tokens.
  int FindNounPhrase(const SentenceView& view, uint32_t first, uint32_t last,
                     const lexicon::NounPhrase& np, int* literal_words, Binding* binding) const;
  bool MatchConstituent(const SentenceView& view, size_t verb, int subject, bool before,
                        const lexicon::Constituent& c, int* literal_words, Binding* binding,
                        std::string* why) const;

  const lexicon::VerbDictionary& dict_;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_VERB_MATCHER_H_
