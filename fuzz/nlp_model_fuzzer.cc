// Fuzzes model loading past the checksum: the first input byte picks the file kind (tagger or
// parser) and format version, the rest is the payload, wrapped in a valid envelope (magic, size,
// CRC-32) so the fuzzer reaches the table validation instead of stopping at a checksum mismatch.
// Loading must give a model or a clear error, never a crash or a hang; a model that loads must
// parse a sentence into a tree (fuzz_util.h, CheckTree), whatever its weights.
#include "fuzz/fuzz_util.h"
#include "fuzz/nlp_fuzz.h"
#include "nlp/model_io.h"
#include "nlp/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool tagger = (data[0] & 1) != 0;
  const uint32_t version = 1 + (data[0] >> 1) % dyad::nlp::kModelFormatVersion;
  const std::string file =
      dyad::nlp::ModelFileBytes(tagger ? dyad::nlp::kTaggerMagic : dyad::nlp::kParserMagic, version,
                                dyad::fuzz::AsText(data + 1, size - 1));
  dyad::nlp::TaggerModel t;
  dyad::nlp::ParserModel p;
  if (tagger) {
    auto m = dyad::nlp::ParseTaggerModel(file);
    if (!m.ok()) return 0;
    t = std::move(*m);
  } else {
    auto m = dyad::nlp::ParseParserModel(file);
    if (!m.ok()) return 0;
    p = std::move(*m);
  }
  auto pipeline = dyad::nlp::Pipeline::FromModels(std::move(t), std::move(p));
  dyad::model::Document doc;
  dyad::fuzz::AddSentence("The army attacked rebels in Aleppo .", doc);
  pipeline->Analyze(doc);
  dyad::fuzz::CheckTree(doc);
  return 0;
}
