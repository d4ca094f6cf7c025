// Fuzzes the text layer: any valid UTF-8 must segment and tokenize without crashing, with every
// token inside the text and in order, no empty or over-long token, and every token in exactly one
// sentence. Invalid UTF-8 is rejected by readers before it reaches the text layer, so the target
// validates first, as they do.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/analyzer.h"
#include "text/utf8.h"

#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) std::abort(); \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (dyad::text::FindInvalidUtf8(input) != std::string_view::npos) return 0;
  dyad::model::Document doc;
  doc.text = std::string(input);
  dyad::text::SegmentAndTokenize(doc);
  uint32_t previous_end = 0;
  for (const auto& t : doc.tokens) {
    FUZZ_CHECK(t.start < t.end);
    FUZZ_CHECK(t.end <= doc.text.size());
    FUZZ_CHECK(t.start >= previous_end);
    FUZZ_CHECK(t.end - t.start <= dyad::model::Token::kMaxTokenBytes);
    FUZZ_CHECK(t.form_start + t.form_length <= doc.forms.size());
    previous_end = t.end;
  }
  uint32_t next = 0;
  for (const auto& s : doc.sentences) {
    FUZZ_CHECK(s.token_begin == next);
    FUZZ_CHECK(s.token_end > s.token_begin);
    next = s.token_end;
  }
  FUZZ_CHECK(next == doc.tokens.size());
  return 0;
}
