// Fuzzes the TABARI .verbs / PETRARCH-1 linear-pattern verb loader (first byte: which format).
#include "fuzz/lexicon_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  fuzz::LexiconInput in = fuzz::SplitLexiconInput(data, size);
  auto format = in.selector & 1 ? lexicon::VerbFormat::kTabari : lexicon::VerbFormat::kPetrarch1;
  std::vector<lexicon::Diagnostic> diagnostics;
  auto verbs = lexicon::ParseLinearVerbs(in.text, "fuzz", format, in.options, &diagnostics);
  FUZZ_CHECK(verbs.ok());
  fuzz::CheckDiagnostics(diagnostics, in.text);
  return 0;
}
