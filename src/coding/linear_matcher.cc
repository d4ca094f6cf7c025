#include "coding/linear_matcher.h"

#include <algorithm>

namespace dyad::coding {

namespace {

inline char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// `token` (any case) equals `word` (upper case), or starts with it when `stem`.
bool TextMatches(std::string_view token, std::string_view word, bool stem) {
  if (token.size() < word.size() || (!stem && token.size() != word.size())) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Upper(token[i]) != word[i]) return false;
  }
  return true;
}

// End (exclusive) of the tokens from `begin` that spell the dictionary word `word` (upper case)
// when the tokenizer cut it ("DIDN'T" = "did" "n't"), or -1.
int SplitWordEnd(const SentenceView& view, size_t begin, std::string_view word) {
  size_t pos = 0, t = begin;
  while (t < view.size() && pos < word.size()) {
    std::string_view form = view.Form(t);
    if (form.empty() || form.size() > word.size() - pos) break;
    for (size_t i = 0; i < form.size(); ++i) {
      if (Upper(form[i]) != word[pos + i]) return -1;
    }
    pos += form.size();
    ++t;
  }
  return pos == word.size() && t >= begin + 2 ? static_cast<int>(t) : -1;
}

// "the", "a", "an": a '^' skips the word after the article, not the article itself ("AT ^ +"
// skips "the Gondor" in "at the Gondor of the Prince").
bool IsArticle(std::string_view form) {
  return TextMatches(form, "THE", false) || TextMatches(form, "A", false) || TextMatches(form, "AN", false);
}

bool IsSlot(lexicon::WordKind k) {
  return k == lexicon::WordKind::kSource || k == lexicon::WordKind::kTarget || k == lexicon::WordKind::kCompound ||
         k == lexicon::WordKind::kSkip;
}

// Longest element a literal can span (a multi-word synset member or alternative).
constexpr int kMaxLiteralTokens = 8;
constexpr int kMaxEnds = 16;

}  // namespace

struct LinearMatcher::Context {
  const SentenceView& view;
  size_t verb;
  std::span<const ActorMatcher::Match> mentions;
  std::span<const int> mention_at;
  const lexicon::LinearPattern& pattern;
  int steps = 0;
  State result;
};

bool LinearMatcher::WordMatches(const SentenceView& view, size_t token, const lexicon::PatternWord& word) {
  if (word.kind != lexicon::WordKind::kWord || word.text.empty()) return false;
  const bool stem = !word.exact && word.text.size() >= 3;
  return TextMatches(view.Form(token), word.text, stem) || TextMatches(view.Lemma(token), word.text, stem);
}

int LinearMatcher::MatchWords(const Context& ctx, const lexicon::WordSeq& seq, uint32_t begin, int depth) const {
  uint32_t pos = begin;
  bool adjacent = true;  // the first word starts at `begin`
  for (const lexicon::PatternWord& w : seq) {
    if (IsSlot(w.kind) || w.kind == lexicon::WordKind::kVerb) return -1;
    // TABARI: words written apart ("LOUDLY INCLUDED") may have other words between them, words
    // joined by '_' must touch; the element as a whole spans at most kMaxLiteralTokens. In
    // PETRARCH-1 the words of a member always touch ("AUSTRIAN FLORIN" misses "austrian gold florin").
    const bool gaps = !adjacent && dict_.format == lexicon::VerbFormat::kTabari;
    const uint32_t last_start = gaps ? begin + kMaxLiteralTokens - 1 : pos;
    int count = 0;
    int ends[kMaxEnds];
    for (uint32_t start = pos; start <= last_start && count == 0; ++start) {
      count = LiteralEnds(ctx, w, start, depth, ends, kMaxEnds);
    }
    if (count == 0) return -1;
    pos = static_cast<uint32_t>(*std::min_element(ends, ends + count));
    adjacent = w.joined;
  }
  return static_cast<int>(pos);
}

int LinearMatcher::LiteralEnds(const Context& ctx, const lexicon::PatternWord& e, uint32_t begin, int depth,
                               int* out, int cap) const {
  if (begin >= ctx.view.size() || begin == ctx.verb || depth > kMaxSynsetDepth) return 0;
  int count = 0;
  auto add = [&](int end) {
    if (end <= static_cast<int>(begin) || count >= cap) return;
    // A literal never spans the verb itself.
    if (begin < ctx.verb && end > static_cast<int>(ctx.verb)) return;
    for (int k = 0; k < count; ++k) {
      if (out[k] == end) return;
    }
    out[count++] = end;
  };
  switch (e.kind) {
    case lexicon::WordKind::kWord:
      if (WordMatches(ctx.view, begin, e)) {
        add(static_cast<int>(begin) + 1);
      } else if (e.text.find_first_of("'-.") != std::string::npos) {
        add(SplitWordEnd(ctx.view, begin, e.text));
      }
      break;
    case lexicon::WordKind::kSynset: {
      const lexicon::Synset* set = dict_.FindSynset(e.text);
      if (set == nullptr) break;
      for (const lexicon::SynsetMember& m : set->members) {
        if (!m.words.empty()) add(MatchWords(ctx, m.words, begin, depth + 1));
      }
      break;
    }
    case lexicon::WordKind::kAlternatives:
      for (const lexicon::WordSeq& alt : e.alternatives) add(MatchWords(ctx, alt, begin, depth + 1));
      break;
    default:
      break;
  }
  return count;
}

bool LinearMatcher::After(Context& ctx, size_t k, uint32_t pos, bool adjacent, State st) const {
  if (++ctx.steps > kMaxSteps) return false;
  const lexicon::WordSeq& seq = ctx.pattern.after;
  if (k == seq.size()) {
    ctx.result = st;
    return true;
  }
  const lexicon::PatternWord& e = seq[k];
  const size_t n = ctx.view.size();
  for (uint32_t p = pos; p < n; ++p) {
    if (++ctx.steps > kMaxSteps) return false;
    if (e.kind == lexicon::WordKind::kSkip && ctx.mention_at[p] < 0 && IsArticle(ctx.view.Form(p))) continue;
    if (IsSlot(e.kind)) {
      int m = ctx.mention_at[p];
      uint32_t end = 0;
      if (m >= 0 && ctx.mentions[m].begin == p) {
        end = ctx.mentions[m].end;
      } else if (e.kind == lexicon::WordKind::kSkip) {
        end = p + 1;
      }
      if (end > p) {
        State s2 = st;
        if (e.kind == lexicon::WordKind::kSource || e.kind == lexicon::WordKind::kCompound) s2.source = static_cast<int>(p);
        if (e.kind == lexicon::WordKind::kTarget) s2.target = static_cast<int>(p);
        if (e.kind == lexicon::WordKind::kCompound) s2.compound = true;
        if (After(ctx, k + 1, end, e.joined, s2)) return true;
      }
    } else {
      int ends[kMaxEnds];
      int count = LiteralEnds(ctx, e, p, 0, ends, kMaxEnds);
      for (int c = 0; c < count; ++c) {
        State s2 = st;
        ++s2.literals;
        if (After(ctx, k + 1, static_cast<uint32_t>(ends[c]), e.joined, s2)) return true;
      }
    }
    if (adjacent) break;
  }
  return false;
}

bool LinearMatcher::Before(Context& ctx, size_t k, int pos, bool adjacent, State st) const {
  if (++ctx.steps > kMaxSteps) return false;
  const lexicon::WordSeq& seq = ctx.pattern.before;
  if (k == 0) {
    ctx.result = st;
    return true;
  }
  const lexicon::PatternWord& e = seq[k - 1];
  // The element to the left must touch this one when it was written joined to it.
  const bool next_adjacent = k >= 2 && seq[k - 2].joined;
  for (int p = pos; p >= 0; --p) {  // p: the last token of the element
    if (++ctx.steps > kMaxSteps) return false;
    if (IsSlot(e.kind)) {
      int m = ctx.mention_at[p];
      int begin = -1;
      if (m >= 0 && ctx.mentions[m].end == static_cast<uint32_t>(p) + 1) {
        begin = static_cast<int>(ctx.mentions[m].begin);
      } else if (e.kind == lexicon::WordKind::kSkip) {
        begin = p;
      }
      if (begin >= 0) {
        State s2 = st;
        if (e.kind == lexicon::WordKind::kSource || e.kind == lexicon::WordKind::kCompound) s2.source = begin;
        if (e.kind == lexicon::WordKind::kTarget) s2.target = begin;
        if (e.kind == lexicon::WordKind::kCompound) s2.compound = true;
        if (Before(ctx, k - 1, begin - 1, next_adjacent, s2)) return true;
      }
    } else {
      for (int b = p; b >= 0 && b > p - kMaxLiteralTokens; --b) {
        int ends[kMaxEnds];
        int count = LiteralEnds(ctx, e, static_cast<uint32_t>(b), 0, ends, kMaxEnds);
        if (std::find(ends, ends + count, p + 1) == ends + count) continue;
        State s2 = st;
        ++s2.literals;
        if (Before(ctx, k - 1, b - 1, next_adjacent, s2)) return true;
      }
    }
    if (adjacent) break;
  }
  return false;
}

bool LinearMatcher::MatchPattern(const SentenceView& view, size_t verb, std::span<const ActorMatcher::Match> mentions,
                                 std::span<const int> mention_at, const lexicon::LinearPattern& pattern,
                                 LinearMatch* out) const {
  if (verb >= view.size() || mention_at.size() < view.size()) return false;
  Context ctx{view, verb, mentions, mention_at, pattern, 0, State{}};
  if (!Before(ctx, pattern.before.size(), static_cast<int>(verb) - 1, pattern.verb_joined_before, State{})) {
    return false;
  }
  const State before = ctx.result;
  if (!After(ctx, 0, static_cast<uint32_t>(verb) + 1, pattern.verb_joined_after, before)) return false;
  out->pattern = &pattern;
  out->score = ctx.result.literals;
  out->source_token = ctx.result.source;
  out->target_token = ctx.result.target;
  out->compound = ctx.result.compound;
  return true;
}

LinearMatch LinearMatcher::Match(const SentenceView& view, size_t verb, std::span<const ActorMatcher::Match> mentions,
                                 std::span<const int> mention_at, const lexicon::VerbBlock& block) const {
  LinearMatch best;
  for (const lexicon::LinearPattern& p : block.linear_patterns) {
    LinearMatch m;
    if (!MatchPattern(view, verb, mentions, mention_at, p, &m)) continue;
    if (best.pattern == nullptr || m.score > best.score) best = m;
  }
  return best;
}

}  // namespace dyad::coding
