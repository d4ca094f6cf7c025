// The coder end to end, shared by the pipeline fuzz targets: one Engine with dyad's shipped
// dictionaries and models, loaded once per process from LLVMFuzzerInitialize (loading takes
// longer than libFuzzer's per-input timeout under ASan), and the checks every event must pass.
#ifndef DYAD_FUZZ_ENGINE_FUZZ_H_
#define DYAD_FUZZ_ENGINE_FUZZ_H_

#include <memory>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "pipeline/engine.h"

namespace dyad::fuzz {

inline const pipeline::Engine& ShippedEngine() {
  static const std::unique_ptr<pipeline::Engine> engine = [] {
    pipeline::EngineOptions options;
    options.models_dir = DYAD_SOURCE_DIR "/data/models";
    options.dictionaries = "dyad:" DYAD_SOURCE_DIR "/data/dictionaries";
    auto opened = pipeline::Engine::Open(options);
    FUZZ_CHECK(opened.ok());
    return std::move(opened).value();
  }();
  return *engine;
}

// Codes `doc` (with traces, as `dyad explain` does) and checks every event points into it.
inline void CodeAndCheck(model::Document& doc) {
  static pipeline::Engine::Workspace ws;
  std::vector<model::Event> events;
  std::vector<coding::SentenceTrace> traces;
  FUZZ_CHECK(ShippedEngine().Code(doc, ws, events, &traces).ok());
  for (const model::Event& e : events) {
    FUZZ_CHECK(e.sentence < doc.sentences.size());
    FUZZ_CHECK(!e.cameo.empty());
    FUZZ_CHECK(e.source.start <= e.source.end && e.source.end <= doc.text.size());
    FUZZ_CHECK(e.target.start <= e.target.end && e.target.end <= doc.text.size());
    FUZZ_CHECK(e.verb.start <= e.verb.end && e.verb.end <= doc.text.size());
  }
}

}  // namespace dyad::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::ShippedEngine();
  return 0;
}

#endif  // DYAD_FUZZ_ENGINE_FUZZ_H_
