// Finds actor and agent phrases of a dictionary in a sentence: longest match, left to right.
//
// Dictionary phrases are compiled into a trie over interned upper-cased words. Each phrase word is
// first cut with dyad's tokenizer, so "AL-QAEDA" and "IRAN'S" align with the sentence's tokens.
// A word written with a trailing '_' must match a token exactly; any other word is a stem, as in
// TABARI and PETRARCH: it also matches the token with up to kMaxStemSuffix more letters
// ("IRANIAN" matches "IRANIANS"). Under TABARI's phrase rules a blank between two phrase words lets
// other words come between them ("PRINCE DOL_AMROTH" matches "the Prince of Dol Amroth", "AL GORE"
// matches 'Al "The Weasel" Gore', never across a comma); the mention is then the phrase's first
// adjacent words and the later ones are used up (no other mention starts there). Words joined by
// '_' then also match one token written with '_' or '-' ("Dol_Amroth", "Al-Gore"). Words are interned in the coder's vocabulary (word_ids.h), whose
// per-sentence lookup already gives each token's form id and stem ids; the matcher walks the trie
// with those integer keys and looks no string up itself.
#ifndef DYAD_CODING_ACTOR_MATCHER_H_
#define DYAD_CODING_ACTOR_MATCHER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "coding/word_ids.h"
#include "lexicon/dictionary.h"

namespace dyad::coding {

// How a dictionary's phrases match the text.
struct ActorMatchRules {
  // Words match as stems. False: every word matches whole (PETRARCH2 and UniversalPetrarch list
  // their plurals and match words exactly, so "DIPLOMAT" is no stem of "diplomatic" there).
  bool stems = true;
  // TABARI: a whole word also matches with a regular noun ending, S or ES ("RADIO_" matches
  // "radios", "GUERRILLA_" "guerrillas"); a word written with '=' ("MOUSE=") matches only itself.
  bool noun_endings = false;
  // TABARI: words written with a blank between them may have other words between them in the
  // text, and words joined by '_' also match one token written with '_' or '-'.
  bool gaps = false;
};

class ActorMatcher {
 public:
  enum class Kind : uint8_t { kActor, kAgent };

  struct Match {
    uint32_t begin = 0;  // sentence-relative token range
    uint32_t end = 0;
    Kind kind = Kind::kActor;
    uint32_t index = 0;  // into ActorDictionary::actors or AgentDictionary::agents
  };

  // Compiles the phrases of `actors` and `agents` (either may be null), interning their words in
  // `vocabulary`. The dictionaries must outlive the matcher only for reporting; the matcher keeps
  // indices, not pointers.
  void Build(const lexicon::ActorDictionary* actors, const lexicon::AgentDictionary* agents,
             WordVocabulary& vocabulary, ActorMatchRules rules = {});

  // Appends the non-overlapping longest matches in the sentence to `out`: `forms` are its token
  // forms, `words` its word ids in the vocabulary given to Build(). Thread-safe (const).
  void FindAll(std::span<const std::string_view> forms, const SentenceWords& words, std::vector<Match>& out) const;

  size_t phrase_count() const { return phrase_count_; }

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFF;
  struct Payload {
    Kind kind;
    uint32_t index;
  };

  // A trie edge in the open-addressing table edges_ (linear probing, at most half full).
  struct Edge {
    uint64_t key = kNoEdge;  // (node, word, gap, exact) packed; kNoEdge: empty
    uint32_t child = kNone;
  };
  static constexpr uint64_t kNoEdge = ~uint64_t{0};  // no key: word ids stop short of kNoWord

  void AddPhrase(const lexicon::WordSeq& words, Payload payload, WordVocabulary& vocabulary);
  // AddPhrase, and under `rules_.gaps` the phrase with its '_' runs as single words.
  void AddPhraseForms(const lexicon::WordSeq& words, Payload payload, WordVocabulary& vocabulary);
  // kNone when no such edge. `gap`: an edge to a word that may follow other words.
  uint32_t Child(uint32_t node, uint32_t word, bool exact, bool gap = false) const;
  // The slot of `key` in edges_: where it is, or the empty slot where it belongs.
  size_t Slot(uint64_t key) const;

  std::vector<Edge> edges_ = std::vector<Edge>(64);
  // Per word id: kExactEdge and kStemEdge when some edge of that kind carries it. Most of a
  // sentence's words are in no phrase; this spares their probes of the large edge table.
  static constexpr uint8_t kExactEdge = 1, kStemEdge = 2, kGapEdge = 4;
  std::vector<uint8_t> edge_kinds_;
  size_t edge_count_ = 0;
  std::vector<std::vector<Payload>> payloads_;     // per node
  std::vector<bool> gap_parents_;                  // per node: some edge from it has a gap
  std::vector<bool> no_endings_;                   // per node: its word was written with '=' (TABARI)
  uint32_t node_count_ = 1;                        // node 0 is the root
  ActorMatchRules rules_;
  size_t phrase_count_ = 0;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_ACTOR_MATCHER_H_
