#include "coding/actor_matcher.h"

#include <algorithm>

#include "text/tokenizer.h"

namespace dyad::coding {

namespace {

// "us" is not "US", "un" not "UN": a one-token match of at most three letters written all in
// lower case in the text is a common word, not an acronym.
bool IsLowercaseAcronymMatch(std::span<const std::string_view> forms, size_t begin, size_t end) {
  if (end != begin + 1 || forms[begin].size() > 3) return false;
  for (char c : forms[begin]) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

// `form` (any case) ends with `upper`.
bool EndsWithUpper(std::string_view form, std::string_view upper) {
  if (form.size() < upper.size()) return false;
  form.remove_prefix(form.size() - upper.size());
  return std::equal(form.begin(), form.end(), upper.begin(), [](char a, char b) { return (a & ~0x20) == b; });
}

uint64_t EdgeKey(uint32_t node, uint32_t word, bool exact, bool gap) {
  return (static_cast<uint64_t>(node) << 34) | (static_cast<uint64_t>(word) << 2) | (gap ? 2 : 0) | (exact ? 1 : 0);
}

// The phrase with each run of words joined by '_' written as one word, the words joined by
// `joiner`: "PRINCE DOL_AMROTH" -> PRINCE, DOL_AMROTH, which matches a text that writes the name
// as one token ("Dol_Amroth", "Al-Gore").
lexicon::WordSeq JoinedRunsAsWords(const lexicon::WordSeq& words, char joiner) {
  lexicon::WordSeq out;
  bool extend = false;
  for (const lexicon::PatternWord& w : words) {
    if (extend) {
      out.back().text += joiner;
      out.back().text += w.text;
      out.back().exact = w.exact;
    } else {
      out.push_back(w);
    }
    extend = w.joined;
    out.back().joined = false;
  }
  return out;
}

}  // namespace

size_t ActorMatcher::Slot(uint64_t key) const {
  const size_t mask = edges_.size() - 1;
  size_t i = MixHash(key) & mask;
  while (edges_[i].key != key && edges_[i].key != kNoEdge) i = (i + 1) & mask;
  return i;
}

uint32_t ActorMatcher::Child(uint32_t node, uint32_t word, bool exact, bool gap) const {
  if (word >= edge_kinds_.size() || !(edge_kinds_[word] & (exact ? kExactEdge : kStemEdge))) return kNone;
  if (gap && !(edge_kinds_[word] & kGapEdge)) return kNone;
  return edges_[Slot(EdgeKey(node, word, exact, gap))].child;
}

void ActorMatcher::AddPhrase(const lexicon::WordSeq& words, Payload payload, WordVocabulary& vocabulary) {
  // Cut every dictionary word the way the tokenizer cuts text; only the last piece of a word
  // keeps the word's stem/exact flag (inner pieces must match exactly).
  uint32_t node = 0;
  size_t pieces = 0;
  std::vector<text::RawToken> raw;
  for (size_t i = 0; i < words.size(); ++i) {
    const lexicon::PatternWord& w = words[i];
    if (w.kind != lexicon::WordKind::kWord || w.text.empty()) return;  // not a plain phrase
    raw.clear();
    text::Tokenize(w.text, raw);
    for (size_t k = 0; k < raw.size(); ++k) {
      std::string piece = w.text.substr(raw[k].start, raw[k].end - raw[k].start);
      bool exact = w.exact || w.equals || k + 1 < raw.size() || piece.size() < 3;
      const bool gap = rules_.gaps && i > 0 && k == 0 && !words[i - 1].joined;
      uint32_t id = vocabulary.Intern(piece);
      const uint64_t key = EdgeKey(node, id, exact, gap);
      size_t slot = Slot(key);
      if (edges_[slot].key == kNoEdge) {
        if (2 * (edge_count_ + 1) > edges_.size()) {
          // Rehash into a table twice the size.
          std::vector<Edge> old(2 * edges_.size());
          old.swap(edges_);
          for (const Edge& e : old) {
            if (e.key != kNoEdge) edges_[Slot(e.key)] = e;
          }
          slot = Slot(key);
        }
        edges_[slot] = Edge{key, node_count_++};
        if (edge_kinds_.size() <= id) edge_kinds_.resize(id + 1, 0);
        edge_kinds_[id] |= (exact ? kExactEdge : kStemEdge) | (gap ? kGapEdge : 0);
        ++edge_count_;
        payloads_.emplace_back();
        gap_parents_.push_back(false);
        no_endings_.push_back(false);
        if (gap) gap_parents_[node] = true;
      }
      if (w.equals && k + 1 == raw.size()) no_endings_[edges_[slot].child] = true;
      node = edges_[slot].child;
      ++pieces;
    }
  }
  if (pieces == 0) return;
  payloads_.resize(node_count_);
  payloads_[node].push_back(payload);
  ++phrase_count_;
}

void ActorMatcher::AddPhraseForms(const lexicon::WordSeq& words, Payload payload, WordVocabulary& vocabulary) {
  AddPhrase(words, payload, vocabulary);
  if (rules_.gaps && std::any_of(words.begin(), words.end(), [](const auto& w) { return w.joined; })) {
    AddPhrase(JoinedRunsAsWords(words, '_'), payload, vocabulary);
    AddPhrase(JoinedRunsAsWords(words, '-'), payload, vocabulary);
  }
}

void ActorMatcher::Build(const lexicon::ActorDictionary* actors, const lexicon::AgentDictionary* agents,
                         WordVocabulary& vocabulary, ActorMatchRules rules) {
  rules_ = rules;
  payloads_.assign(1, {});
  gap_parents_.assign(1, false);
  no_endings_.assign(1, false);
  edges_.assign(64, Edge{});
  edge_kinds_.clear();
  edge_count_ = 0;
  node_count_ = 1;
  phrase_count_ = 0;
  if (actors != nullptr) {
    for (size_t a = 0; a < actors->actors.size(); ++a) {
      for (const lexicon::ActorPhrase& p : actors->actors[a].phrases) {
        AddPhraseForms(p.words, Payload{Kind::kActor, static_cast<uint32_t>(a)}, vocabulary);
      }
    }
  }
  if (agents != nullptr) {
    for (size_t a = 0; a < agents->agents.size(); ++a) {
      AddPhraseForms(agents->agents[a].words, Payload{Kind::kAgent, static_cast<uint32_t>(a)}, vocabulary);
    }
  }
  payloads_.resize(node_count_);
  gap_parents_.resize(node_count_, false);
  no_endings_.resize(node_count_, false);
}

void ActorMatcher::FindAll(std::span<const std::string_view> forms, const SentenceWords& words,
                           std::vector<Match>& out) const {
  const size_t n = forms.size();
  // Tokens a phrase matched after a gap (TABARI): no other mention starts there.
  std::vector<uint32_t> used;
  auto is_used = [&](size_t t) { return std::find(used.begin(), used.end(), t) != used.end(); };
  // A partial match: the trie node reached, the next token, the phrase's tokens so far, the end of
  // its first adjacent run, and the frame it grew from (to find the tokens after a gap).
  struct Frame {
    uint32_t node;
    uint32_t pos;
    uint32_t pieces;
    uint32_t run_end;
    int parent;
  };
  constexpr int kMaxFrames = 64;
  Frame frames[kMaxFrames];
  int stack[kMaxFrames];
  size_t i = 0;
  while (i < n) {
    if (is_used(i)) {
      ++i;
      continue;
    }
    // Depth-first over the few trie paths the tokens allow; keep the one with a payload that
    // has the most words, then the nearest end, then the fewest words after a gap ("Al Gore" is
    // AL_GORE before AL GORE).
    int best = -1, count = 0, top = 0;
    frames[count] = {0, static_cast<uint32_t>(i), 0, static_cast<uint32_t>(i), -1};
    stack[top++] = count++;
    auto better = [&](const Frame& a, const Frame& b) {
      if (a.pieces != b.pieces) return a.pieces > b.pieces;
      if (a.pos != b.pos) return a.pos < b.pos;
      return a.run_end > b.run_end;
    };
    while (top > 0) {
      const int fi = stack[--top];
      const Frame f = frames[fi];
      if (f.node != 0 && !payloads_[f.node].empty() && (best < 0 || better(f, frames[best]))) best = fi;
      // Pushes the children of f for token q over edges with or without a gap.
      auto expand = [&](uint32_t q, bool gap) {
        auto push = [&](uint32_t child) {
          if (child == kNone || count >= kMaxFrames) return;
          const bool adjacent = !gap && f.run_end == f.pos && q == f.pos;
          frames[count] = {child, q + 1, f.pieces + 1, adjacent ? q + 1 : f.run_end, fi};
          stack[top++] = count++;
        };
        // Phrases match forms, not lemmas: the form's id and the ids of its stems.
        const SentenceWords::Token& token = words.token(q);
        if (token.form != kNoWord) {
          push(Child(f.node, token.form, true, gap));
          push(Child(f.node, token.form, false, gap));
        }
        for (size_t k = 0; rules_.stems && k < kMaxStemSuffix; ++k) {
          if (token.stems[k] != kNoWord) push(Child(f.node, token.stems[k], false, gap));
        }
        if (rules_.noun_endings && EndsWithUpper(forms[q], "S")) {
          // stems[0] / stems[1]: the form without its last one / two letters; not for a word
          // written with '=' ("MOUSE=" is not "mouses").
          auto with_ending = [&](uint32_t child) { return child != kNone && !no_endings_[child] ? child : kNone; };
          push(with_ending(Child(f.node, token.stems[0], true, gap)));
          if (EndsWithUpper(forms[q], "ES")) push(with_ending(Child(f.node, token.stems[1], true, gap)));
        }
      };
      if (f.pos >= n) continue;
      if (!is_used(f.pos)) expand(f.pos, false);
      if (!gap_parents_[f.node]) continue;
      // The words of a phrase never span a comma.
      for (uint32_t q = f.pos; q < n && forms[q] != ","; ++q) {
        if (!is_used(q)) expand(q, true);
      }
    }
    if (best < 0 || IsLowercaseAcronymMatch(forms, i, frames[best].run_end)) {
      ++i;
      continue;
    }
    // Actors win over agents on the same span; otherwise the first listed.
    const std::vector<Payload>& ps = payloads_[frames[best].node];
    const Payload* chosen = &ps.front();
    for (const Payload& p : ps) {
      if (p.kind == Kind::kActor) {
        chosen = &p;
        break;
      }
    }
    const uint32_t run_end = frames[best].run_end;
    out.push_back(Match{static_cast<uint32_t>(i), run_end, chosen->kind, chosen->index});
    for (int fi = best; frames[fi].parent >= 0; fi = frames[fi].parent) {
      if (frames[fi].pos > run_end) used.push_back(frames[fi].pos - 1);
    }
    i = run_end;
  }
}

}  // namespace dyad::coding
