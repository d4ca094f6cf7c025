// Shared by the dictionary loaders' fuzz targets: the first input byte picks a variant (format,
// TABARI syntax), the rest is the file. Loaders must never crash or hang; in lenient mode a load
// fails only for unreadable files, which cannot happen from memory, and every diagnostic names
// the file and a line inside it.
#ifndef DYAD_FUZZ_LEXICON_FUZZ_H_
#define DYAD_FUZZ_LEXICON_FUZZ_H_

#include <algorithm>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "lexicon/loaders.h"

namespace dyad::fuzz {

struct LexiconInput {
  uint8_t selector = 0;
  std::string_view text;
  lexicon::LoadOptions options;
};

inline LexiconInput SplitLexiconInput(const uint8_t* data, size_t size) {
  LexiconInput in;
  if (size > 0) {
    in.selector = data[0];
    in.text = AsText(data + 1, size - 1);
  }
  // Small caps so the fuzzer reaches them.
  in.options.max_line_bytes = 1024;
  in.options.max_expansions = 64;
  return in;
}

inline void CheckDiagnostics(const std::vector<lexicon::Diagnostic>& diagnostics, std::string_view text) {
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const lexicon::Diagnostic& d : diagnostics) {
    FUZZ_CHECK(d.file == "fuzz");
    FUZZ_CHECK(d.line <= lines);
    FUZZ_CHECK(!d.message.empty());
  }
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_LEXICON_FUZZ_H_
