// Matches PETRARCH2-style verb patterns against a dependency-parsed sentence.
//
// PETRARCH2 matched its patterns on Treebank constituency parses: words before '*' against the
// subject noun phrase, words after it against the verb phrase, "(PREP ...)" against a
// prepositional phrase. dyad reads the same patterns over UD dependencies:
//   pre-verb noun phrases   -> words inside the subject's subtree;
//   post-verb noun phrases  -> words inside the subtrees of the verb's complements (objects,
//                              obliques, clausal complements, particles), the head word last;
//   (PREP NOUNS...)         -> a complement whose case marker (or, for TO, infinitive marker) is
//                              PREP, with NOUNS inside its subtree (with a peer's rules, also
//                              such a phrase inside a complement);
//   $ / +                   -> bind the source / target to the phrase where they stand;
//   ^                       -> any one phrase (skipped).
// A word matches a token's upper-cased form or lemma; a word without a trailing '_' is a stem and
// also matches up to three more letters, except in UniversalPetrarch dictionaries, whose words are
// UD lemmas matched whole ("MEET" is not "meeting"). Synsets (&NAME) match any member. Among the patterns that
// match, the one with the most literal words wins; ties go to the earliest in the file.
//
// Patterns are compiled once, when the matcher is built, into the same shapes over interned word
// ids (word_ids.h); synsets become an index from word id to the sets that list it as a one-word
// member, so a token matches a synset of hundreds of members with a few integer compares.
#ifndef DYAD_CODING_VERB_MATCHER_H_
#define DYAD_CODING_VERB_MATCHER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "coding/sentence_view.h"
#include "coding/word_ids.h"
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

// A PatternWord compiled for matching.
struct CompiledWord {
  lexicon::WordKind kind = lexicon::WordKind::kWord;
  WordKey key;                             // kWord
  uint32_t synset = kNoWord;               // kSynset: index into VerbDictionary::synsets, or kNoWord
  std::vector<CompiledWord> alternatives;  // kAlternatives: its one-word alternatives
};

// How post-verb phrases are read; a peer's rules and dyad's own differ.
struct VerbMatcherRules {
  // "(PREP ...)" also matches a phrase inside a post-verb complement, as PETRARCH2 finds "(BY)"
  // within the object noun phrase of "condemned an attack by soldiers" (a peer's PETRARCH2 /
  // UniversalPetrarch rules).
  bool nested_prep_phrases = false;
  // Post-verb words lie in the verb's own arguments, not in a clause with a verb of its own nor
  // in a circumstance (SentenceView::InNestedClause): "cancelled a visit after a siege was
  // declared" does not cancel a siege (dyad's rules).
  bool own_arguments_only = false;
  // A pre-verb "(PREP ...)" needs a phrase with that preposition inside the subject ("$ (IN) ^ *"
  // is no pattern for "Gondor warned"), as UniversalPetrarch matches the subject's phrase.
  bool subject_prep_phrases = false;
  // A post-verb phrase's head word is a noun, never a verb: "{TO SUPPLY}" is no phrase of "signed
  // an accord to supply Gondor", as UniversalPetrarch matches noun phrases only.
  bool nominal_heads = false;
};

class VerbMatcher {
 public:
  // Compiles the patterns and synsets of `dict`, interning their words in `vocabulary`. `dict`
  // must outlive the matcher.
  VerbMatcher(const lexicon::VerbDictionary& dict, WordVocabulary& vocabulary, VerbMatcherRules rules = {});

  // The best pattern of `block` (one of the dictionary's blocks) for the verb at token `verb`,
  // with `subject` (-1 when none) as the start of the pre-verb material; `words` holds the
  // sentence's word ids. Appends every trial to `trials` when it is not null.
  PatternMatch Match(const SentenceView& view, const SentenceWords& words, size_t verb, int subject,
                     const lexicon::VerbBlock& block, std::vector<PatternTrial>* trials) const;

  // `word` compiled against this matcher's synsets, interning its words in `vocabulary`.
  CompiledWord Compile(const lexicon::PatternWord& word, WordVocabulary& vocabulary) const;
  // True when the token's upper-cased form or lemma matches `word` (stem rules, synsets).
  bool WordMatches(const SentenceWords& words, size_t token, const CompiledWord& word) const;

  // Whether the multi-word parts of a verb surface ("CALL_OFF") are present around `verb`.
  bool SurfaceMatches(const SentenceView& view, size_t verb, const lexicon::VerbSurface& surface) const;

 private:
  struct Binding {
    int source = -1;
    int target = -1;
  };
  using Noun = std::vector<CompiledWord>;  // a NounPhrase's words, head last
  struct Constituent {
    const lexicon::Constituent* source = nullptr;
    CompiledWord preposition;  // is_prep only
    std::vector<Noun> nouns;
  };
  struct Pattern {
    std::vector<Constituent> before, after;
    // One plain word the pattern cannot match without (the longest), or kNoWord: a sentence that
    // does not have it skips the pattern without trying it.
    WordKey anchor;
  };
  // A synset's members other than the one-word ones in member_of_.
  struct Synset {
    std::vector<CompiledWord> singles;              // one-word members that are not plain words
    std::vector<std::vector<CompiledWord>> phrases;  // members of several words
  };
  struct Membership {
    uint32_t synset;
    bool stem;  // the member is a stem (matches longer tokens too)
  };
  struct Sentence {
    const SentenceView& view;
    const SentenceWords& words;
  };

  bool InSynset(const SentenceWords& words, size_t token, uint32_t synset) const;
  // Finds noun phrase `np` (head word last) among the tokens of [first, last); returns the head
  // token matched or -1. Words are matched backwards from the head over adjacent tokens. With
  // `scope` >= 0 (the verb whose phrases are read) and own_arguments_only, tokens in a clause
  // nested below `scope` are passed over.
  int FindNounPhrase(const Sentence& s, uint32_t first, uint32_t last, int scope, const Noun& np,
                     int* literal_words, Binding* binding) const;
  // Whether post-verb token `t`, below verb `scope`, may hold a pattern word.
  bool InScope(const SentenceView& view, uint32_t t, int scope) const {
    return scope < 0 || !rules_.own_arguments_only || !view.InNestedClause(t, scope);
  }
  // Whether token `phrase` heads a prepositional phrase matching `c` (is_prep); `scope` as for
  // FindNounPhrase.
  bool MatchPrepPhrase(const Sentence& s, uint32_t phrase, int scope, const Constituent& c, int* literal_words,
                       Binding* binding) const;
  bool MatchConstituent(const Sentence& s, size_t verb, int subject, bool before, const Constituent& c,
                        int* literal_words, Binding* binding) const;
  // What `dyad explain` says when constituent `c` (pre-verb when `before`) was not found.
  static std::string WhyNot(const Constituent& c, bool before);

  const lexicon::VerbDictionary& dict_;
  VerbMatcherRules rules_;
  std::vector<std::vector<Pattern>> patterns_;  // per block, per pattern, as in dict_
  std::vector<Synset> synsets_;                 // as dict_.synsets
  std::vector<std::vector<Membership>> member_of_;  // per word id: the synsets listing it alone
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_VERB_MATCHER_H_
