#include "coding/discard_matcher.h"

namespace dyad::coding {

DiscardMatcher::DiscardMatcher(const lexicon::DiscardList& list, const VerbMatcher& verbs, WordVocabulary& vocabulary)
    : verbs_(verbs) {
  phrases_.resize(list.discards.size());
  for (size_t d = 0; d < list.discards.size(); ++d) {
    const lexicon::WordSeq& words = list.discards[d].words;
    if (words.empty()) continue;
    for (const lexicon::PatternWord& w : words) phrases_[d].push_back(verbs.Compile(w, vocabulary));
    const CompiledWord& first = phrases_[d].front();
    if (first.kind == lexicon::WordKind::kWord) {
      if (by_first_.size() <= first.key.id) by_first_.resize(first.key.id + 1);
      by_first_[first.key.id].push_back(static_cast<uint32_t>(d));
    } else {
      unindexed_.push_back(static_cast<uint32_t>(d));
    }
  }
}

bool DiscardMatcher::MatchesAt(const SentenceWords& words, uint32_t discard, size_t start) const {
  const std::vector<CompiledWord>& phrase = phrases_[discard];
  if (start + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (!verbs_.WordMatches(words, start + k, phrase[k])) return false;
  }
  return true;
}

int DiscardMatcher::Find(const SentenceWords& words) const {
  uint32_t best = UINT32_MAX;
  auto try_phrases = [&](uint32_t id, size_t start) {
    if (id >= by_first_.size()) return;
    for (uint32_t d : by_first_[id]) {
      if (d >= best) break;  // listed in order: the rest come later
      if (MatchesAt(words, d, start)) best = d;
    }
  };
  for (size_t start = 0; start < words.size(); ++start) {
    const SentenceWords::Token& t = words.token(start);
    // Every id the token's words can match under; MatchesAt applies the stem rule.
    try_phrases(t.form, start);
    if (t.lemma != t.form) try_phrases(t.lemma, start);
    for (uint32_t s : t.stems) try_phrases(s, start);
    for (uint32_t d : unindexed_) {
      if (d >= best) break;
      if (MatchesAt(words, d, start)) best = d;
    }
  }
  return best == UINT32_MAX ? -1 : static_cast<int>(best);
}

}  // namespace dyad::coding
