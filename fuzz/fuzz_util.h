// Helpers shared by the libFuzzer targets: an always-on check (assert() vanishes in Release) and
// the invariants every stage's output must keep whatever the input, checked after each run.
#ifndef DYAD_FUZZ_FUZZ_UTIL_H_
#define DYAD_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "model/document.h"
#include "text/utf8.h"

// Aborts (a libFuzzer crash, with the input saved) when `cond` is false.
#define FUZZ_CHECK(cond)                                                         \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

namespace dyad::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The text layer's output: tokens inside the text, in order, non-empty, each in exactly one
// sentence, sentences covering the tokens in order. Tokens cut by the tokenizer also never overlap
// and are at most Token::kMaxTokenBytes long; pre-tokenized input (CoNLL-U) may carry longer ones,
// and the words of a multiword token it cannot split share the token's span.
inline void CheckTextLayer(const model::Document& doc, bool from_tokenizer = true) {
  uint32_t previous_start = 0, previous_end = 0;
  for (const model::Token& t : doc.tokens) {
    FUZZ_CHECK(t.start < t.end);
    FUZZ_CHECK(t.end <= doc.text.size());
    FUZZ_CHECK(t.start >= (from_tokenizer ? previous_end : previous_start));
    FUZZ_CHECK(!from_tokenizer || t.end - t.start <= model::Token::kMaxTokenBytes);
    FUZZ_CHECK(size_t{t.form_start} + t.form_length <= doc.forms.size());
    previous_start = t.start;
    previous_end = t.end;
  }
  uint32_t next = 0;
  for (const model::Sentence& s : doc.sentences) {
    FUZZ_CHECK(s.token_begin == next);
    FUZZ_CHECK(s.token_end > s.token_begin);
    FUZZ_CHECK(s.start <= s.end && s.end <= doc.text.size());
    next = s.token_end;
  }
  FUZZ_CHECK(next == doc.tokens.size());
}

// A parse is a tree per sentence: heads inside the sentence, exactly one root, and every token
// reaches the root (no cycles).
inline void CheckTree(const model::Document& doc) {
  for (const model::Sentence& s : doc.sentences) {
    const int n = static_cast<int>(s.size());
    int roots = 0;
    for (int i = 0; i < n; ++i) {
      const model::Token& t = doc.tokens[s.token_begin + i];
      FUZZ_CHECK(t.head >= -1 && t.head < n && t.head != i);
      if (t.head == -1) ++roots;
      FUZZ_CHECK(size_t{t.lemma_start} + t.lemma_length <= doc.forms.size());
      int steps = 0;
      for (int h = i; h != -1; h = doc.tokens[s.token_begin + h].head) FUZZ_CHECK(++steps <= n);
    }
    FUZZ_CHECK(roots == 1);
  }
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_FUZZ_UTIL_H_
