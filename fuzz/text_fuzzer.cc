// Fuzzes the text layer: any valid UTF-8 must segment and tokenize without crashing, with every
// token inside the text and in order, no empty or over-long token, and every token in exactly one
// sentence (fuzz_util.h, CheckTextLayer). Invalid UTF-8 is rejected by readers before it reaches
// the text layer, so the target validates first, as they do.
#include "fuzz/fuzz_util.h"
#include "text/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = dyad::fuzz::AsText(data, size);
  if (dyad::text::FindInvalidUtf8(input) != std::string_view::npos) return 0;
  dyad::model::Document doc;
  doc.text = std::string(input);
  dyad::text::SegmentAndTokenize(doc);
  dyad::fuzz::CheckTextLayer(doc);
  return 0;
}
