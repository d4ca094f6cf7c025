// The whole pipeline behind one object: text layer -> tagger/parser -> coder -> context (dates,
// places, attribution and modality of the events; context/resolver.h). This is what the CLI,
// the server and the Python module hold; each stage it runs is skipped when the document already
// has that stage's output (CoNLL-U input arrives tokenized and parsed).
//
// Thread safety: an Engine is immutable after Open() and shared by all threads; each thread passes
// its own Workspace.
#ifndef DYAD_PIPELINE_ENGINE_H_
#define DYAD_PIPELINE_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "coding/coder.h"
#include "context/resolver.h"
#include "dyad/status.h"
#include "model/document.h"
#include "model/event.h"
#include "nlp/pipeline.h"

namespace dyad::pipeline {

struct EngineOptions {
  std::string models_dir;    // en-tagger.bin and en-parser.bin; "" = pre-parsed input only
  std::string dictionaries;  // a dictionary set spec (lexicon/dictionary_set.h)
  std::string gazetteer;     // places file (context/gazetteer.h); "" = events are not placed
  coding::CoderOptions coder;
  // Tag and parse every sentence before coding, as Analyze() does, instead of only the sentences
  // that may yield events (Code()); the events are the same, only slower (for benchmarks and checks).
  bool parse_all = false;
};

class Engine {
 public:
  struct Workspace {
    nlp::Pipeline::Workspace nlp;
    coding::Coder::Workspace coder;
    context::Resolver::Workspace context;
  };

  // Loads the models, dictionaries and gazetteer (once; shared read-only by all threads). Errors name the file and line at fault.
  static StatusOr<std::unique_ptr<Engine>> Open(const EngineOptions& options);

  // Segments, tags and parses `doc` where it lacks those columns. kFailedPrecondition when the
  // document needs parsing and the engine has no models.
  Status Analyze(model::Document& doc, Workspace& ws) const;

  // Codes every sentence and appends the events (and traces, when asked), each dated, placed,
  // attributed and flagged by the context stage. Without traces, a document that arrives
  // unparsed is tagged and parsed only where that can change its events
  // (Coder::CodeDocument(doc, ws, analyze, out)), so its other sentences are left untagged or
  // unparsed; with traces (explain), or EngineOptions::parse_all, Analyze() runs first.
  Status Code(model::Document& doc, Workspace& ws, std::vector<model::Event>& events,
              std::vector<coding::SentenceTrace>* traces = nullptr) const;

  const coding::Coder& coder() const { return *coder_; }
  const nlp::Pipeline* nlp() const { return nlp_.get(); }
  const context::Resolver& context() const { return *context_; }

 private:
  std::unique_ptr<nlp::Pipeline> nlp_;
  std::unique_ptr<coding::Coder> coder_;
  std::unique_ptr<context::Resolver> context_;
  bool parse_all_ = false;
};

// True when every token of `doc` has a tag and every sentence a dependency label (its root): the
// input came parsed, or Analyze() has run. Code() may leave sentences untagged or unparsed.
bool IsParsed(const model::Document& doc);

}  // namespace dyad::pipeline

#endif  // DYAD_PIPELINE_ENGINE_H_
