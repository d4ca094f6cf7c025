#include "coding/verb_matcher.h"

#include <fmt/format.h>

namespace dyad::coding {

namespace {

inline char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// `token` upper-cased equals `word` (upper-case already), or, for a stem, starts with it and has
// at most three more letters.
bool TextMatches(std::string_view token, std::string_view word, bool stem) {
  if (token.size() < word.size()) return false;
  if (token.size() > word.size() && (!stem || token.size() > word.size() + 3)) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Upper(token[i]) != word[i]) return false;
  }
  return true;
}

bool IsComplement(Role r) {
  switch (r) {
    case Role::kObject: case Role::kOblique: case Role::kAgent: case Role::kXcomp:
    case Role::kCcomp: case Role::kParticle: case Role::kOther: case Role::kAdvmod:
    case Role::kAdvcl: case Role::kNominalMod:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool VerbMatcher::WordMatches(const SentenceView& view, size_t token, const lexicon::PatternWord& word) const {
  switch (word.kind) {
    case lexicon::WordKind::kWord: {
      bool stem = !word.exact && word.text.size() >= 3;
      return TextMatches(view.Form(token), word.text, stem) || TextMatches(view.Lemma(token), word.text, stem);
    }
    case lexicon::WordKind::kSynset: {
      const lexicon::Synset* set = dict_.FindSynset(word.text);
      if (set == nullptr) return false;
      for (const lexicon::SynsetMember& m : set->members) {
        if (m.words.empty() || m.words.front().kind == lexicon::WordKind::kSynset) continue;
        if (m.words.size() == 1 && WordMatches(view, token, m.words.front())) return true;
        // Multi-word members: the token must match the last word, the words before it the
        // preceding tokens.
        if (m.words.size() > 1 && token + 1 >= m.words.size()) {
          bool all = true;
          for (size_t k = 0; k < m.words.size() && all; ++k) {
            all = WordMatches(view, token + 1 - m.words.size() + k, m.words[k]);
          }
          if (all) return true;
        }
      }
      return false;
    }
    case lexicon::WordKind::kAlternatives:
      for (const auto& alt : word.alternatives) {
        if (alt.size() == 1 && WordMatches(view, token, alt.front())) return true;
      }
      return false;
    default:
      return false;
  }
}

bool VerbMatcher::SurfaceMatches(const SentenceView& view, size_t verb, const lexicon::VerbSurface& surface) const {
  // Particles and fixed words after the verb: a dependent of the verb or the next tokens.
  size_t next = verb + 1;
  for (const std::string& w : surface.after) {
    bool found = false;
    for (uint32_t c : view.Children(verb)) {
      if (c > verb && TextMatches(view.Form(c), w, false)) {
        found = true;
        break;
      }
    }
    if (!found && next < view.size() && TextMatches(view.Form(next), w, false)) {
      found = true;
      ++next;
    }
    if (!found) return false;
  }
  size_t prev = verb;
  for (size_t k = surface.before.size(); k-- > 0;) {
    if (prev == 0) return false;
    --prev;
    if (view.Form(prev) == "-" && prev > 0) --prev;  // "re-arrest"
    if (!TextMatches(view.Form(prev), surface.before[k], false)) return false;
  }
  return true;
}

int VerbMatcher::FindNounPhrase(const SentenceView& view, uint32_t first, uint32_t last,
                                const lexicon::NounPhrase& np, int* literal_words, Binding* binding) const {
  if (np.words.empty()) return -1;
  const lexicon::PatternWord& head = np.words.back();
  for (uint32_t t = first; t < last; ++t) {
    int words = 0;
    Binding b = *binding;
    if (head.kind == lexicon::WordKind::kSource || head.kind == lexicon::WordKind::kTarget ||
        head.kind == lexicon::WordKind::kSkip || head.kind == lexicon::WordKind::kCompound) {
      if (!view.IsNominal(t)) continue;
      if (head.kind == lexicon::WordKind::kSource) b.source = static_cast<int>(t);
      if (head.kind == lexicon::WordKind::kTarget) b.target = static_cast<int>(t);
    } else if (WordMatches(view, t, head)) {
      ++words;
    } else {
      continue;
    }
    // Modifiers: match backwards over adjacent tokens, skipping determiners and hyphens.
    bool ok = true;
    int pos = static_cast<int>(t) - 1;
    for (size_t k = np.words.size() - 1; k-- > 0 && ok;) {
      while (pos >= static_cast<int>(first) &&
             (view.role(pos) == Role::kDet || view.Form(pos) == "-")) {
        --pos;
      }
      if (pos < static_cast<int>(first)) {
        ok = false;
        break;
      }
      const lexicon::PatternWord& w = np.words[k];
      if (w.kind == lexicon::WordKind::kSource) {
        b.source = pos;
      } else if (w.kind == lexicon::WordKind::kTarget) {
        b.target = pos;
      } else if (WordMatches(view, pos, w)) {
        ++words;
      } else {
        ok = false;
      }
      --pos;
    }
    if (!ok) continue;
    *literal_words += words;
    *binding = b;
    return static_cast<int>(t);
  }
  return -1;
}

bool VerbMatcher::MatchConstituent(const SentenceView& view, size_t verb, int subject, bool before,
                                   const lexicon::Constituent& c, int* literal_words, Binding* binding,
                                   std::string* why) const {
  if (before) {
    // Pre-verb material lives in the subject's subtree (or anywhere before the verb without one).
    uint32_t first = 0, last = static_cast<uint32_t>(verb);
    if (subject >= 0) std::tie(first, last) = view.Subtree(subject);
    for (const lexicon::NounPhrase& np : c.nouns) {
      if (FindNounPhrase(view, first, last, np, literal_words, binding) < 0) {
        *why = "no pre-verb phrase";
        return false;
      }
    }
    return true;
  }
  for (uint32_t child : view.Children(verb)) {
    if (!IsComplement(view.role(child))) continue;
    if (c.is_prep) {
      // The preposition: a case marker of the complement, or "to" marking an infinitive.
      bool has_prep = false;
      for (uint32_t g : view.Children(child)) {
        Role r = view.role(g);
        if ((r == Role::kCase || r == Role::kMark) && WordMatches(view, g, c.preposition)) {
          has_prep = true;
          break;
        }
      }
      if (!has_prep) continue;
      ++*literal_words;
      if (c.nouns.empty()) return true;
      auto [first, last] = view.Subtree(child);
      int words = 0;
      Binding b = *binding;
      bool all = true;
      for (const lexicon::NounPhrase& np : c.nouns) {
        if (FindNounPhrase(view, first, last, np, &words, &b) < 0) {
          all = false;
          break;
        }
      }
      if (all) {
        *literal_words += words;
        *binding = b;
        return true;
      }
      --*literal_words;
      continue;
    }
    auto [first, last] = view.Subtree(child);
    int words = 0;
    Binding b = *binding;
    if (FindNounPhrase(view, first, last, c.nouns.front(), &words, &b) >= 0) {
      *literal_words += words;
      *binding = b;
      return true;
    }
  }
  *why = c.is_prep ? fmt::format("no ({} ...) phrase", c.preposition.text) : "no post-verb phrase";
  return false;
}

PatternMatch VerbMatcher::Match(const SentenceView& view, size_t verb, int subject, const lexicon::VerbBlock& block,
                                std::vector<PatternTrial>* trials) const {
  PatternMatch best;
  for (const lexicon::VerbPattern& p : block.patterns) {
    int words = 0;
    Binding binding;
    std::string why;
    bool ok = true;
    for (const lexicon::Constituent& c : p.before) {
      if (!MatchConstituent(view, verb, subject, /*before=*/true, c, &words, &binding, &why)) {
        ok = false;
        break;
      }
    }
    for (size_t k = 0; ok && k < p.after.size(); ++k) {
      ok = MatchConstituent(view, verb, subject, /*before=*/false, p.after[k], &words, &binding, &why);
    }
    // An empty pattern ("- * [code]") matches anything but scores below every real pattern.
    int score = ok ? 1 + 2 * words : 0;
    if (trials != nullptr) trials->push_back(PatternTrial{&p, ok, score, ok ? "" : why});
    if (ok && score > best.score) {
      best.pattern = &p;
      best.score = score;
      best.source_token = binding.source;
      best.target_token = binding.target;
    }
  }
  return best;
}

}  // namespace dyad::coding
