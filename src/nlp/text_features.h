// Word-level feature values shared by the nlp models: lowercase, shape, affix hashes.
//
// Lowercasing is ASCII-only on purpose: it is byte-for-byte reversible in length, allocation
// free, and non-ASCII letters are rare enough in English news that full Unicode folding would
// buy nothing measurable. Part of the model format (features are hashes of these values).
#ifndef DYAD_NLP_TEXT_FEATURES_H_
#define DYAD_NLP_TEXT_FEATURES_H_

#include <algorithm>
#include <span>
#include <string>
#include <string_view>

#include "model/document.h"
#include "nlp/hash.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

// out = s with A-Z mapped to a-z (reuses out's capacity).
inline void AsciiLower(std::string_view s, std::string& out) {
  out.assign(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// The word's shape with runs collapsed: "Obama" -> "Xx", "G-20" -> "X-d", "1987" -> "d".
// Non-ASCII bytes count as 'u'. Returns the hash.
inline uint64_t ShapeHash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  char last = 0;
  int length_class = s.size() <= 3 ? 1 : s.size() <= 7 ? 2 : 3;
  for (unsigned char c : s) {
    char k = (c >= 'A' && c <= 'Z') ? 'X' : (c >= 'a' && c <= 'z') ? 'x' : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80 ? 'u' : static_cast<char>(c);
    if (k == last) continue;
    last = k;
    h ^= static_cast<unsigned char>(k);
    h *= 0x100000001b3ULL;
  }
  return Mix64(h + length_class);
}

// Fills word, lower, shape, prefix and suffix hashes of `form`; leaves `lower` holding the
// lowercase form.
inline void FillWordInfo(std::string_view form, std::string& lower, TaggerTokenInfo& x) {
  AsciiLower(form, lower);
  x.word = HashBytes(form);
  x.lower = HashBytes(lower, 0x10);
  x.shape = ShapeHash(form);
  std::string_view l = lower;
  for (size_t k = 0; k < 3; ++k) x.prefix[k] = HashBytes(l.substr(0, k + 1), 0x20 + k);
  for (size_t k = 0; k < 5; ++k) {
    size_t len = std::min(l.size(), k + 1);
    x.suffix[k] = HashBytes(l.substr(l.size() - len), 0x30 + k);
  }
}

// A sentence's capitalization, so that "Coast" in a title-case headline can look like a noun
// and "PERFORMANCE" in an all-caps one like "performance" (a third of the tagger's errors are
// NOUN/PROPN), and the lemmatizer can title-case names in all-caps text: 0 ordinary, 1 most words
// capitalized, 2 most words in capitals (kAllCapsSentence).
inline constexpr uint8_t kAllCapsSentence = 2;
inline uint8_t SentenceCasing(const model::Document& doc, std::span<const model::Token> toks) {
  size_t words = 0, capitalized = 0, upper = 0;
  for (const model::Token& t : toks) {
    std::string_view f = doc.Form(t);
    if (f.empty() || !((f[0] >= 'A' && f[0] <= 'Z') || (f[0] >= 'a' && f[0] <= 'z'))) continue;
    ++words;
    if (f[0] >= 'A' && f[0] <= 'Z') {
      ++capitalized;
      upper += f.size() > 1 && std::none_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }
  }
  if (words < 3) return 0;
  if (upper * 10 >= words * 6) return kAllCapsSentence;
  return capitalized * 10 >= words * 6 ? 1 : 0;
}

// Padding before (`before`) or after the sentence.
inline TaggerTokenInfo BoundaryInfo(bool before) {
  TaggerTokenInfo x;
  uint64_t v = before ? 0xB0500001ULL : 0xE0500001ULL;
  x.word = x.lower = x.shape = x.ambiguity = v;
  for (auto& p : x.prefix) p = v;
  for (auto& p : x.suffix) p = v;
  return x;
}

}  // namespace dyad::nlp

#endif  // DYAD_NLP_TEXT_FEATURES_H_
