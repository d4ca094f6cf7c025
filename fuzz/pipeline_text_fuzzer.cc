// Fuzzes the coder end to end on raw text: segmenter, tokenizer, tagger, parser, actor and verb
// matching with the shipped dictionaries and models (engine_fuzz.h). Input that is not valid
// UTF-8 or holds NUL is rejected by every reader, so it is skipped here.
#include "fuzz/engine_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = dyad::fuzz::AsText(data, size);
  if (dyad::text::FindInvalidUtf8(input) != std::string_view::npos) return 0;
  if (input.find('\0') != std::string_view::npos) return 0;
  dyad::model::Document doc;
  doc.id = "fuzz";
  doc.text = std::string(input);
  dyad::fuzz::CodeAndCheck(doc);
  dyad::fuzz::CheckTree(doc);
  return 0;
}
