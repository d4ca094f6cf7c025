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

uint64_t EdgeKey(uint32_t node, uint32_t word, bool exact) {
  return (static_cast<uint64_t>(node) << 33) | (static_cast<uint64_t>(word) << 1) | (exact ? 1 : 0);
}

}  // namespace

size_t ActorMatcher::Slot(uint64_t key) const {
  const size_t mask = edges_.size() - 1;
  size_t i = MixHash(key) & mask;
  while (edges_[i].key != key && edges_[i].key != kNoEdge) i = (i + 1) & mask;
  return i;
}

uint32_t ActorMatcher::Child(uint32_t node, uint32_t word, bool exact) const {
  if (word >= edge_kinds_.size() || !(edge_kinds_[word] & (exact ? kExactEdge : kStemEdge))) return kNone;
  return edges_[Slot(EdgeKey(node, word, exact))].child;
}

void ActorMatcher::AddPhrase(const lexicon::WordSeq& words, Payload payload, WordVocabulary& vocabulary) {
  // Cut every dictionary word the way the tokenizer cuts text; only the last piece of a word
  // keeps the word's stem/exact flag (inner pieces must match exactly).
  uint32_t node = 0;
  size_t pieces = 0;
  std::vector<text::RawToken> raw;
  for (const lexicon::PatternWord& w : words) {
    if (w.kind != lexicon::WordKind::kWord || w.text.empty()) return;  // not a plain phrase
    raw.clear();
    text::Tokenize(w.text, raw);
    for (size_t k = 0; k < raw.size(); ++k) {
      std::string piece = w.text.substr(raw[k].start, raw[k].end - raw[k].start);
      bool exact = w.exact || k + 1 < raw.size() || piece.size() < 3;
      uint32_t id = vocabulary.Intern(piece);
      const uint64_t key = EdgeKey(node, id, exact);
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
        edge_kinds_[id] |= exact ? kExactEdge : kStemEdge;
        ++edge_count_;
        payloads_.emplace_back();
      }
      node = edges_[slot].child;
      ++pieces;
    }
  }
  if (pieces == 0) return;
  payloads_.resize(node_count_);
  payloads_[node].push_back(payload);
  ++phrase_count_;
}

void ActorMatcher::Build(const lexicon::ActorDictionary* actors, const lexicon::AgentDictionary* agents,
                         WordVocabulary& vocabulary, bool stems, bool noun_endings) {
  stems_ = stems;
  noun_endings_ = noun_endings;
  payloads_.assign(1, {});
  edges_.assign(64, Edge{});
  edge_kinds_.clear();
  edge_count_ = 0;
  node_count_ = 1;
  phrase_count_ = 0;
  if (actors != nullptr) {
    for (size_t a = 0; a < actors->actors.size(); ++a) {
      for (const lexicon::ActorPhrase& p : actors->actors[a].phrases) {
        AddPhrase(p.words, Payload{Kind::kActor, static_cast<uint32_t>(a)}, vocabulary);
      }
    }
  }
  if (agents != nullptr) {
    for (size_t a = 0; a < agents->agents.size(); ++a) {
      AddPhrase(agents->agents[a].words, Payload{Kind::kAgent, static_cast<uint32_t>(a)}, vocabulary);
    }
  }
  payloads_.resize(node_count_);
}

void ActorMatcher::FindAll(std::span<const std::string_view> forms, const SentenceWords& words,
                           std::vector<Match>& out) const {
  const size_t n = forms.size();
  size_t i = 0;
  while (i < n) {
    // Depth-first over the few trie paths the tokens allow; keep the longest with a payload.
    uint32_t best_end = 0, best_node = kNone;
    struct Frame {
      uint32_t node;
      uint32_t pos;
    };
    Frame stack[32];
    size_t top = 0;
    stack[top++] = {0, static_cast<uint32_t>(i)};
    while (top > 0) {
      Frame f = stack[--top];
      if (f.node != 0 && !payloads_[f.node].empty() && f.pos > best_end) {
        best_end = f.pos;
        best_node = f.node;
      }
      if (f.pos >= n) continue;
      auto push = [&](uint32_t child) {
        if (child != kNone && top < 32) stack[top++] = {child, f.pos + 1};
      };
      // Phrases match forms, not lemmas: the form's id and the ids of its stems.
      const SentenceWords::Token& token = words.token(f.pos);
      if (token.form != kNoWord) {
        push(Child(f.node, token.form, true));
        push(Child(f.node, token.form, false));
      }
      for (size_t k = 0; stems_ && k < kMaxStemSuffix; ++k) {
        if (token.stems[k] != kNoWord) push(Child(f.node, token.stems[k], false));
      }
      if (noun_endings_ && EndsWithUpper(forms[f.pos], "S")) {
        // stems[0] / stems[1]: the form without its last one / two letters.
        push(Child(f.node, token.stems[0], true));
        if (EndsWithUpper(forms[f.pos], "ES")) push(Child(f.node, token.stems[1], true));
      }
    }
    if (best_node == kNone || IsLowercaseAcronymMatch(forms, i, best_end)) {
      ++i;
      continue;
    }
    // Actors win over agents on the same span; otherwise the first listed.
    const std::vector<Payload>& ps = payloads_[best_node];
    const Payload* chosen = &ps.front();
    for (const Payload& p : ps) {
      if (p.kind == Kind::kActor) {
        chosen = &p;
        break;
      }
    }
    out.push_back(Match{static_cast<uint32_t>(i), best_end, chosen->kind, chosen->index});
    i = best_end;
  }
}

}  // namespace dyad::coding
