// Fuzzes the PETRARCH2 / UniversalPetrarch verb dictionary loader (first byte: which format).
#include "fuzz/lexicon_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  fuzz::LexiconInput in = fuzz::SplitLexiconInput(data, size);
  auto format = in.selector & 1 ? lexicon::VerbFormat::kUniversalPetrarch : lexicon::VerbFormat::kPetrarch2;
  std::vector<lexicon::Diagnostic> diagnostics;
  auto verbs = lexicon::ParsePetrarchVerbs(in.text, "fuzz", format, in.options, &diagnostics);
  FUZZ_CHECK(verbs.ok());
  fuzz::CheckDiagnostics(diagnostics, in.text);
  return 0;
}
