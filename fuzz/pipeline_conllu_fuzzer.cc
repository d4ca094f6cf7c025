// Fuzzes the coder on pre-parsed CoNLL-U input (`dyad code --input-format conllu`): the parse is
// whatever the file says, so heads may form cycles or several roots, and the coder must still end
// without crashing. Documents without tags go through the tagger and parser, as in the CLI.
#include "fuzz/engine_fuzz.h"
#include "io/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = dyad::fuzz::AsText(data, size);
  auto docs = dyad::io::ParseConllu(input, "fuzz");
  if (!docs.ok()) return 0;
  for (dyad::model::Document& doc : *docs) {
    if (dyad::text::FindInvalidUtf8(doc.text) != std::string_view::npos) return 0;
    dyad::fuzz::CodeAndCheck(doc);
  }
  return 0;
}
