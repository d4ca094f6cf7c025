// Fuzzes the tagger, lemmatizer and parser (the shipped models in data/models) on arbitrary token
// sequences, bypassing the tokenizer so tokens can be anything the text layer could ever hand on:
// the input is split into sentences at '\n' and into tokens at ' '. Every sentence must come out a
// tree (one root, heads inside the sentence, no cycles; fuzz_util.h, CheckTree) with lemmas in the
// forms arena.
#include <memory>

#include "fuzz/fuzz_util.h"
#include "fuzz/nlp_fuzz.h"
#include "nlp/pipeline.h"

namespace {

const dyad::nlp::Pipeline& Models() {
  static const std::unique_ptr<dyad::nlp::Pipeline> pipeline = [] {
    auto loaded = dyad::nlp::Pipeline::Load(DYAD_SOURCE_DIR "/data/models");
    FUZZ_CHECK(loaded.ok());
    return std::move(loaded).value();
  }();
  return *pipeline;
}

}  // namespace

// Loads the models before the first input: loading takes longer than the per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Models();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = dyad::fuzz::AsText(data, size);
  // Forms are valid UTF-8 without NUL: readers guarantee it (record_reader.h).
  if (dyad::text::FindInvalidUtf8(input) != std::string_view::npos) return 0;
  if (input.find('\0') != std::string_view::npos) return 0;
  dyad::model::Document doc;
  size_t pos = 0;
  while (pos <= input.size()) {
    size_t newline = std::min(input.find('\n', pos), input.size());
    dyad::fuzz::AddSentence(input.substr(pos, newline - pos), doc);
    pos = newline + 1;
  }
  Models().Analyze(doc);
  dyad::fuzz::CheckTree(doc);
  for (const dyad::model::Token& t : doc.tokens) {
    FUZZ_CHECK(t.upos != 0);
    FUZZ_CHECK(dyad::text::FindInvalidUtf8(doc.Lemma(t)) == std::string_view::npos);
  }
  return 0;
}
