// Interned dictionary words and the per-sentence word ids the matchers compare against them.
//
// Actor and agent phrases, verb patterns, synsets and discard phrases are written as upper-cased
// words; a pattern word matches a token when it equals the token's upper-cased form or lemma, or,
// for a stem (a word of three letters or more written without a trailing '_'), when one of them
// extends it by at most kMaxStemSuffix letters (actor phrases: the form only). Comparing strings
// per token, pattern and synset member cost PETRARCH2's set 80% of its coding time. Instead every
// dictionary word is interned once when the coder is built (WordVocabulary) and each sentence is
// looked up once (SentenceWords::Reset: per token the ids of its upper-cased form and lemma and of
// their prefixes one to three letters shorter, at most 8 hash lookups); a pattern word then
// matches a token by comparing a few integers, and Present() tells in O(1) whether a word occurs
// in the sentence at all, which lets the verb matcher skip patterns that cannot match.
//
// Thread safety: a WordVocabulary is built single-threaded, then const and shared; a SentenceWords
// is per-thread scratch (vectors keep their capacity across sentences).
#ifndef DYAD_CODING_WORD_IDS_H_
#define DYAD_CODING_WORD_IDS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/sentence_view.h"

namespace dyad::coding {

inline constexpr uint32_t kNoWord = 0xFFFFFFFF;
inline constexpr size_t kMaxStemSuffix = 3;

// Mixes a 64-bit hash so that its low bits index a power-of-two table (MurmurHash3's finalizer).
inline uint64_t MixHash(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

// Interned words in one open-addressing table. Words hash with FNV-1a, which runs left to right,
// so SentenceWords hashes a token and its stems (prefixes) in one pass.
class WordVocabulary {
 public:
  static constexpr uint64_t kHashStart = 14695981039346656037ull;
  static uint64_t HashStep(uint64_t state, char c) { return (state ^ static_cast<uint8_t>(c)) * 1099511628211ull; }
  static uint64_t Hash(std::string_view word) {
    uint64_t state = kHashStart;
    for (char c : word) state = HashStep(state, c);
    return state;
  }

  // The id of `upper_word` (already upper-cased), adding it when new. Build time only.
  uint32_t Intern(std::string_view upper_word);
  // The id of `upper_word`, or kNoWord; `hash` is Hash(upper_word).
  uint32_t Find(std::string_view upper_word, uint64_t hash) const;
  uint32_t Find(std::string_view upper_word) const { return Find(upper_word, Hash(upper_word)); }
  size_t size() const { return starts_.size() - 1; }

 private:
  struct Slot {
    uint32_t tag = 0;       // the mixed hash's upper half: most mismatches end here
    uint32_t id = kNoWord;  // kNoWord: empty
  };
  std::string_view Word(uint32_t id) const {
    return std::string_view(chars_).substr(starts_[id], starts_[id + 1] - starts_[id]);
  }
  void Place(uint32_t id, uint64_t mixed);

  std::string chars_;                // every word, concatenated in id order
  std::vector<uint32_t> starts_{0};  // per id: where its word starts in chars_; then the end
  std::vector<Slot> slots_;          // linear probing; a power of two, at most half full
};

// A dictionary word compiled for matching: its id and whether it matches as a stem.
struct WordKey {
  uint32_t id = kNoWord;
  bool stem = false;
};

// Interns `upper_word` with the matchers' stem rule: a stem unless written exact or shorter than
// three letters.
WordKey CompileWord(WordVocabulary& vocabulary, std::string_view upper_word, bool exact);

class SentenceWords {
 public:
  struct Token {
    uint32_t form = kNoWord;   // id of the upper-cased form
    uint32_t lemma = kNoWord;  // id of the upper-cased lemma (the form when untagged)
    // Ids of the upper-cased form and lemma cut by 1..kMaxStemSuffix letters (at least three
    // letters left); kNoWord where none.
    std::array<uint32_t, 2 * kMaxStemSuffix> stems;
  };

  // Looks up every token of `view` in `vocabulary`.
  void Reset(const SentenceView& view, const WordVocabulary& vocabulary);

  size_t size() const { return tokens_.size(); }
  const Token& token(size_t i) const { return tokens_[i]; }

  // True when `word` matches some token of the sentence (Matches() below for any i), in O(1).
  bool Present(WordKey word) const {
    if (word.id >= whole_seen_.size()) return false;
    return whole_seen_[word.id] == generation_ || (word.stem && stem_seen_[word.id] == generation_);
  }

  // True when `word` matches token `i`: the same string as its upper-cased form or lemma, or, for
  // a stem, a prefix of one of them at most kMaxStemSuffix letters shorter.
  bool Matches(size_t i, WordKey word) const {
    const Token& t = tokens_[i];
    if (word.id == t.form || word.id == t.lemma) return word.id != kNoWord;
    if (!word.stem || word.id == kNoWord) return false;
    for (uint32_t s : t.stems) {
      if (s == word.id) return true;
    }
    return false;
  }

 private:
  void LookUp(std::string_view text, const WordVocabulary& vocabulary, uint32_t* whole, uint32_t* stems);

  std::vector<Token> tokens_;
  // Per word id: the generation of the last sentence in which a token's form or lemma was the
  // word (whole_seen_) or extended it as a stem (stem_seen_); no clearing between sentences.
  std::vector<uint32_t> whole_seen_, stem_seen_;
  uint32_t generation_ = 0;
  std::string upper_;  // scratch
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_WORD_IDS_H_
