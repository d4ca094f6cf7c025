// Fuzzes the PETRARCH2 / TABARI actors loader and, with the same input, the agents loader (first
// byte: TABARI agent syntax or not): both files share one line syntax of phrases and codes.
#include "fuzz/lexicon_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  fuzz::LexiconInput in = fuzz::SplitLexiconInput(data, size);
  std::vector<lexicon::Diagnostic> diagnostics;
  lexicon::ActorDictionary actors;
  FUZZ_CHECK(lexicon::ParseActors(in.text, "fuzz", in.options, &actors, &diagnostics).ok());
  lexicon::AgentDictionary agents;
  FUZZ_CHECK(lexicon::ParseAgents(in.text, "fuzz", in.selector & 1, in.options, &agents, &diagnostics).ok());
  fuzz::CheckDiagnostics(diagnostics, in.text);
  return 0;
}
