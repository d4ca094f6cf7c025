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

VerbMatcher::VerbMatcher(const lexicon::VerbDictionary& dict, WordVocabulary& vocabulary, VerbMatcherRules rules)
    : dict_(dict), rules_(rules) {
  // Synsets first: pattern words name them by index.
  synsets_.resize(dict.synsets.size());
  for (size_t s = 0; s < dict.synsets.size(); ++s) {
    for (const lexicon::SynsetMember& m : dict.synsets[s].members) {
      // A member that starts with another set is not matched (as before compilation).
      if (m.words.empty() || m.words.front().kind == lexicon::WordKind::kSynset) continue;
      if (m.words.size() > 1) {
        std::vector<CompiledWord> phrase;
        for (const lexicon::PatternWord& w : m.words) phrase.push_back(Compile(w, vocabulary));
        synsets_[s].phrases.push_back(std::move(phrase));
      } else if (m.words.front().kind == lexicon::WordKind::kWord) {
        WordKey key = Compile(m.words.front(), vocabulary).key;
        if (member_of_.size() <= key.id) member_of_.resize(key.id + 1);
        member_of_[key.id].push_back(Membership{static_cast<uint32_t>(s), key.stem});
      } else {
        synsets_[s].singles.push_back(Compile(m.words.front(), vocabulary));
      }
    }
  }
  auto noun = [&](const lexicon::NounPhrase& np) {
    Noun out;
    for (const lexicon::PatternWord& w : np.words) out.push_back(Compile(w, vocabulary));
    return out;
  };
  auto constituent = [&](const lexicon::Constituent& c) {
    Constituent out;
    out.source = &c;
    if (c.is_prep) out.preposition = Compile(c.preposition, vocabulary);
    for (const lexicon::NounPhrase& np : c.nouns) out.nouns.push_back(noun(np));
    return out;
  };
  patterns_.resize(dict.blocks.size());
  for (size_t b = 0; b < dict.blocks.size(); ++b) {
    for (const lexicon::VerbPattern& p : dict.blocks[b].patterns) {
      Pattern compiled;
      for (const lexicon::Constituent& c : p.before) compiled.before.push_back(constituent(c));
      for (const lexicon::Constituent& c : p.after) compiled.after.push_back(constituent(c));
      // Every word that MatchConstituent checks must match some token; the longest is the rarest.
      // It checks the preposition of a post-verb phrase only, and one noun phrase of a post-verb
      // phrase without a preposition.
      size_t anchor_length = 0;
      auto consider = [&](const lexicon::PatternWord& w, const CompiledWord& cw) {
        if (cw.kind == lexicon::WordKind::kWord && w.text.size() > anchor_length) {
          anchor_length = w.text.size();
          compiled.anchor = cw.key;
        }
      };
      auto consider_nouns = [&](const lexicon::Constituent& lc, const Constituent& c, size_t count) {
        for (size_t n = 0; n < count && n < lc.nouns.size(); ++n) {
          for (size_t w = 0; w < lc.nouns[n].words.size(); ++w) consider(lc.nouns[n].words[w], c.nouns[n][w]);
        }
      };
      for (size_t c = 0; c < p.before.size(); ++c) consider_nouns(p.before[c], compiled.before[c], p.before[c].nouns.size());
      for (size_t c = 0; c < p.after.size(); ++c) {
        const lexicon::Constituent& lc = p.after[c];
        if (lc.is_prep) consider(lc.preposition, compiled.after[c].preposition);
        consider_nouns(lc, compiled.after[c], lc.is_prep ? lc.nouns.size() : 1);
      }
      patterns_[b].push_back(std::move(compiled));
    }
  }
}

CompiledWord VerbMatcher::Compile(const lexicon::PatternWord& word, WordVocabulary& vocabulary) const {
  CompiledWord out;
  out.kind = word.kind;
  switch (word.kind) {
    case lexicon::WordKind::kWord:
      // UniversalPetrarch lists lemmas and matches them whole: no TABARI stems.
      out.key = CompileWord(vocabulary, word.text,
                            word.exact || dict_.format == lexicon::VerbFormat::kUniversalPetrarch);
      break;
    case lexicon::WordKind::kSynset:
      if (const lexicon::Synset* set = dict_.FindSynset(word.text)) {
        out.synset = static_cast<uint32_t>(set - dict_.synsets.data());
      }
      break;
    case lexicon::WordKind::kAlternatives:
      for (const auto& alt : word.alternatives) {
        if (alt.size() == 1) out.alternatives.push_back(Compile(alt.front(), vocabulary));
      }
      break;
    default:
      break;
  }
  return out;
}

bool VerbMatcher::InSynset(const SentenceWords& words, size_t token, uint32_t synset) const {
  const SentenceWords::Token& t = words.token(token);
  auto listed = [&](uint32_t id, bool stem) {
    if (id >= member_of_.size()) return false;
    for (const Membership& m : member_of_[id]) {
      if (m.synset == synset && (!stem || m.stem)) return true;
    }
    return false;
  };
  if (listed(t.form, false) || listed(t.lemma, false)) return true;
  for (uint32_t s : t.stems) {
    if (listed(s, true)) return true;
  }
  const Synset& set = synsets_[synset];
  for (const CompiledWord& w : set.singles) {
    if (WordMatches(words, token, w)) return true;
  }
  // Multi-word members: the token must match the last word, the words before it the preceding
  // tokens.
  for (const std::vector<CompiledWord>& phrase : set.phrases) {
    if (token + 1 < phrase.size()) continue;
    bool all = true;
    for (size_t k = 0; k < phrase.size() && all; ++k) {
      all = WordMatches(words, token + 1 - phrase.size() + k, phrase[k]);
    }
    if (all) return true;
  }
  return false;
}

bool VerbMatcher::WordMatches(const SentenceWords& words, size_t token, const CompiledWord& word) const {
  switch (word.kind) {
    case lexicon::WordKind::kWord:
      return words.Matches(token, word.key);
    case lexicon::WordKind::kSynset:
      return word.synset != kNoWord && InSynset(words, token, word.synset);
    case lexicon::WordKind::kAlternatives:
      for (const CompiledWord& alt : word.alternatives) {
        if (WordMatches(words, token, alt)) return true;
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

int VerbMatcher::FindNounPhrase(const Sentence& s, uint32_t first, uint32_t last, int scope, const Noun& np,
                                int* literal_words, Binding* binding) const {
  if (np.empty()) return -1;
  const SentenceView& view = s.view;
  const CompiledWord& head = np.back();
  for (uint32_t t = first; t < last; ++t) {
    if (!InScope(view, t, scope)) continue;
    int words = 0;
    Binding b = *binding;
    if (head.kind == lexicon::WordKind::kSource || head.kind == lexicon::WordKind::kTarget ||
        head.kind == lexicon::WordKind::kSkip || head.kind == lexicon::WordKind::kCompound) {
      if (!view.IsNominal(t)) continue;
      if (head.kind == lexicon::WordKind::kSource) b.source = static_cast<int>(t);
      if (head.kind == lexicon::WordKind::kTarget) b.target = static_cast<int>(t);
    } else if (rules_.nominal_heads && scope >= 0 && view.IsVerb(t)) {
      continue;
    } else if (WordMatches(s.words, t, head)) {
      ++words;
    } else {
      continue;
    }
    // Modifiers: match backwards over adjacent tokens, skipping determiners and hyphens.
    bool ok = true;
    int pos = static_cast<int>(t) - 1;
    for (size_t k = np.size() - 1; k-- > 0 && ok;) {
      while (pos >= static_cast<int>(first) &&
             (view.role(pos) == Role::kDet || view.Form(pos) == "-")) {
        --pos;
      }
      if (pos < static_cast<int>(first) || !InScope(view, pos, scope)) {
        ok = false;
        break;
      }
      const CompiledWord& w = np[k];
      if (w.kind == lexicon::WordKind::kSource) {
        b.source = pos;
      } else if (w.kind == lexicon::WordKind::kTarget) {
        b.target = pos;
      } else if (WordMatches(s.words, pos, w)) {
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

bool VerbMatcher::MatchPrepPhrase(const Sentence& s, uint32_t phrase, int scope, const Constituent& c,
                                  int* literal_words, Binding* binding) const {
  const SentenceView& view = s.view;
  // The preposition: a case marker of the phrase, or "to" marking an infinitive.
  bool has_prep = false;
  for (uint32_t g : view.Children(phrase)) {
    Role r = view.role(g);
    if ((r == Role::kCase || r == Role::kMark) && WordMatches(s.words, g, c.preposition)) {
      has_prep = true;
      break;
    }
  }
  if (!has_prep) return false;
  auto [first, last] = view.Subtree(phrase);
  int words = 1;  // the preposition
  Binding b = *binding;
  for (const Noun& np : c.nouns) {
    if (FindNounPhrase(s, first, last, scope, np, &words, &b) < 0) return false;
  }
  *literal_words += words;
  *binding = b;
  return true;
}

bool VerbMatcher::MatchConstituent(const Sentence& s, size_t verb, int subject, bool before, const Constituent& c,
                                   int* literal_words, Binding* binding) const {
  const SentenceView& view = s.view;
  if (before) {
    // Pre-verb material lives in the subject's subtree (or anywhere before the verb without one).
    uint32_t first = 0, last = static_cast<uint32_t>(verb);
    if (subject >= 0) std::tie(first, last) = view.Subtree(subject);
    if (c.source->is_prep && rules_.subject_prep_phrases) {
      for (uint32_t t = first; t < last; ++t) {
        if (MatchPrepPhrase(s, t, /*scope=*/-1, c, literal_words, binding)) return true;
      }
      return false;
    }
    // Otherwise only the nouns are looked for: "(DESPITE $) *" needs no "despite".
    for (const Noun& np : c.nouns) {
      if (FindNounPhrase(s, first, last, /*scope=*/-1, np, literal_words, binding) < 0) return false;
    }
    return true;
  }
  if (c.source->is_prep) {
    // A prepositional phrase the verb governs, else (rules_.nested_prep_phrases) one inside a
    // complement's subtree.
    for (bool nested : {false, true}) {
      if (nested && !rules_.nested_prep_phrases) break;
      for (uint32_t child : view.Children(verb)) {
        if (!IsComplement(view.role(child))) continue;
        if (!nested) {
          if (MatchPrepPhrase(s, child, static_cast<int>(verb), c, literal_words, binding)) return true;
          continue;
        }
        auto [first, last] = view.Subtree(child);
        for (uint32_t t = first; t < last; ++t) {
          if (t != child && t != verb && MatchPrepPhrase(s, t, static_cast<int>(verb), c, literal_words, binding)) {
            return true;
          }
        }
      }
    }
    return false;
  }
  for (uint32_t child : view.Children(verb)) {
    if (!IsComplement(view.role(child))) continue;
    auto [first, last] = view.Subtree(child);
    int words = 0;
    Binding b = *binding;
    if (FindNounPhrase(s, first, last, static_cast<int>(verb), c.nouns.front(), &words, &b) >= 0) {
      *literal_words += words;
      *binding = b;
      return true;
    }
  }
  return false;
}

std::string VerbMatcher::WhyNot(const Constituent& c, bool before) {
  if (before) return "no pre-verb phrase";
  return c.source->is_prep ? fmt::format("no ({} ...) phrase", c.source->preposition.text) : "no post-verb phrase";
}

PatternMatch VerbMatcher::Match(const SentenceView& view, const SentenceWords& words, size_t verb, int subject,
                                const lexicon::VerbBlock& block, std::vector<PatternTrial>* trials) const {
  PatternMatch best;
  const Sentence s{view, words};
  const std::vector<Pattern>& compiled = patterns_[&block - dict_.blocks.data()];
  for (size_t i = 0; i < block.patterns.size(); ++i) {
    const lexicon::VerbPattern& p = block.patterns[i];
    const Pattern& cp = compiled[i];
    // `dyad explain` shows every trial; coding skips the patterns that cannot match.
    if (trials == nullptr && cp.anchor.id != kNoWord && !words.Present(cp.anchor)) continue;
    int literal = 0;
    Binding binding;
    bool ok = true;
    const Constituent* failed = nullptr;  // the first constituent not found, for `trials`
    for (const Constituent& c : cp.before) {
      if (!MatchConstituent(s, verb, subject, /*before=*/true, c, &literal, &binding)) {
        ok = false;
        failed = &c;
        break;
      }
    }
    const bool failed_before = !ok;
    for (size_t k = 0; ok && k < cp.after.size(); ++k) {
      ok = MatchConstituent(s, verb, subject, /*before=*/false, cp.after[k], &literal, &binding);
      if (!ok) failed = &cp.after[k];
    }
    // An empty pattern ("- * [code]") matches anything but scores below every real pattern.
    int score = ok ? 1 + 2 * literal : 0;
    if (trials != nullptr) trials->push_back(PatternTrial{&p, ok, score, ok ? "" : WhyNot(*failed, failed_before)});
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
