// Fuzzes dyad's own dictionary format (lexicon/dyad_format.h): one file, then FinishDyadVerbs, then
// the consistency check `dyad dict check` runs on it.
#include "fuzz/lexicon_fuzz.h"
#include "lexicon/dictionary_check.h"
#include "lexicon/dyad_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  std::string_view text = fuzz::AsText(data, size);
  lexicon::LoadOptions options;
  options.max_line_bytes = 1024;
  options.max_expansions = 64;
  lexicon::DictionarySet set;
  lexicon::DyadDictionaries out{&set.verbs, &set.actors, &set.agents, &set.discards};
  Status s = lexicon::ParseDyadDictionary(text, "fuzz", options, out, &set.diagnostics);
  FUZZ_CHECK(s.ok());
  lexicon::FinishDyadVerbs(&set.verbs);
  fuzz::CheckDiagnostics(set.diagnostics, text);
  lexicon::CheckDictionarySet(set);
  return 0;
}
