// Matches TABARI / PETRARCH-1 linear verb patterns ("- SAID WOULD_*_TALKS [102]") against the
// token sequence of a sentence.
//
// TABARI had no parser: a pattern is a sequence of words around the verb. dyad reads it the same
// way, over the sentence's tokens, with the actor/agent phrases the coder found as the units that
// the slots bind:
//   words before '*'   -> matched backwards from the verb, nearest occurrence first;
//   words after '*'    -> matched forwards from the verb, nearest occurrence first;
//   A B                -> other tokens may come between A and B (TABARI's gaps);
//   A_B, IN_*, *_OUT   -> adjacent tokens (no gap);
//   WORD               -> a stem: matches a token that starts with it (words of one or two
//                         letters must match whole, or "IN" would match INDIA);
//   WORD_              -> the whole token;
//   DIDN'T             -> also the tokens the tokenizer cut it into ("did" "n't");
//   &NAME              -> any member of the synset (members may be several adjacent words, or
//                         other synsets, to a depth of 8);
//   { A | B C }        -> any alternative, each read as adjacent words;
//   $ / +              -> an actor or agent phrase, which becomes the source / target;
//   %                  -> a compound actor phrase ("Gondor and Osgiliath") that acts on itself;
//   ^                  -> one token or one actor phrase, skipped.
// A token matches a word by its upper-cased form or lemma. The search backtracks, so the first
// success is the one with the nearest words. Among the patterns of the block that match, the one
// with the most literal elements wins; ties go to the earliest in the file (TABARI's order: the
// dictionaries list longer, more specific patterns first). An empty pattern never exists in these
// formats; a verb with no matching pattern takes its own code (the coder's job).
//
// Cost: patterns are short (under 8 elements) and sentences under ~100 tokens; the backtracking
// is bounded by kMaxSteps per pattern, after which the pattern counts as not matching. Matching
// does not allocate.
//
// Thread safety: const after construction; Match() may be called from many threads.
#ifndef DYAD_CODING_LINEAR_MATCHER_H_
#define DYAD_CODING_LINEAR_MATCHER_H_

#include <cstdint>
#include <span>

#include "coding/actor_matcher.h"
#include "coding/sentence_view.h"
#include "lexicon/dictionary.h"

namespace dyad::coding {

struct LinearMatch {
  const lexicon::LinearPattern* pattern = nullptr;  // null: no pattern matched
  int score = 0;          // literal elements matched
  int source_token = -1;  // first token of the phrase bound by '$' or '%', else -1
  int target_token = -1;  // first token of the phrase bound by '+', else -1
  bool compound = false;  // the source was bound by '%': it is its own target
};

class LinearMatcher {
 public:
  static constexpr int kMaxSteps = 20000;
  static constexpr int kMaxSynsetDepth = 8;

  // `dict` must outlive the matcher (synsets are looked up in it).
  explicit LinearMatcher(const lexicon::VerbDictionary& dict) : dict_(dict) {}

  // The best linear pattern of `block` for the verb at token `verb`. `mentions` are the actor and
  // agent phrases of the sentence (non-overlapping), `mention_at` per token the index of the
  // mention covering it or -1 (both as the coder's workspace holds them).
  LinearMatch Match(const SentenceView& view, size_t verb, std::span<const ActorMatcher::Match> mentions,
                    std::span<const int> mention_at, const lexicon::VerbBlock& block) const;

  // Matches one pattern; true when it matches, with `*out` filled. Exposed for tests.
  bool MatchPattern(const SentenceView& view, size_t verb, std::span<const ActorMatcher::Match> mentions,
                    std::span<const int> mention_at, const lexicon::LinearPattern& pattern,
                    LinearMatch* out) const;

  // True when token `token` matches the literal word `word` (stem rules above).
  static bool WordMatches(const SentenceView& view, size_t token, const lexicon::PatternWord& word);

 private:
  struct Context;
  struct State {
    int source = -1;
    int target = -1;
    bool compound = false;
    int literals = 0;
  };
  // End (exclusive) of the earliest match of the words of `seq` from `begin`, or -1.
  int MatchWords(const Context& ctx, const lexicon::WordSeq& seq, uint32_t begin, int depth) const;
  // Calls out[k] for each end (exclusive) of a match of literal element `e` starting at `begin`;
  // returns how many (at most `cap`).
  int LiteralEnds(const Context& ctx, const lexicon::PatternWord& e, uint32_t begin, int depth, int* out,
                  int cap) const;
  bool After(Context& ctx, size_t k, uint32_t pos, bool adjacent, State st) const;
  bool Before(Context& ctx, size_t k, int pos, bool adjacent, State st) const;

  const lexicon::VerbDictionary& dict_;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_LINEAR_MATCHER_H_
