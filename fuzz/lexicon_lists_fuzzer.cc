// Fuzzes the small loaders (first byte picks one): PETRARCH discards, issues, TABARI .options and
// TABARI .project files.
#include "fuzz/lexicon_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  fuzz::LexiconInput in = fuzz::SplitLexiconInput(data, size);
  std::vector<lexicon::Diagnostic> diagnostics;
  switch (in.selector % 4) {
    case 0: {
      lexicon::DiscardList list;
      FUZZ_CHECK(lexicon::ParseDiscards(in.text, "fuzz", in.options, &list, &diagnostics).ok());
      break;
    }
    case 1: {
      lexicon::IssueList list;
      FUZZ_CHECK(lexicon::ParseIssues(in.text, "fuzz", in.options, &list, &diagnostics).ok());
      break;
    }
    case 2: {
      lexicon::TabariOptions options;
      FUZZ_CHECK(lexicon::ParseTabariOptions(in.text, "fuzz", in.options, &options, &diagnostics).ok());
      break;
    }
    default:
      FUZZ_CHECK(lexicon::ParseTabariProject(in.text, "fuzz", "/nonexistent", in.options, &diagnostics).ok());
      break;
  }
  fuzz::CheckDiagnostics(diagnostics, in.text);
  return 0;
}
