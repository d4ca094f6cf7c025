#include "pipeline/engine.h"

#include <algorithm>

#include "lexicon/dictionary_set.h"
#include "text/analyzer.h"

namespace dyad::pipeline {

bool IsParsed(const model::Document& doc) {
  if (doc.tokens.empty()) return false;
  for (const model::Token& t : doc.tokens) {
    if (t.upos == 0) return false;
  }
  for (const model::Sentence& s : doc.sentences) {
    auto tokens = doc.Tokens(s);
    if (std::none_of(tokens.begin(), tokens.end(), [](const model::Token& t) { return t.deprel != 0; })) return false;
  }
  return true;
}

StatusOr<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options) {
  auto engine = std::unique_ptr<Engine>(new Engine());
  if (!options.models_dir.empty()) {
    DYAD_ASSIGN_OR_RETURN(engine->nlp_, nlp::Pipeline::Load(options.models_dir));
  }
  DYAD_ASSIGN_OR_RETURN(lexicon::DictionarySet set, lexicon::LoadDictionarySet(options.dictionaries));
  auto shared = std::make_shared<const lexicon::DictionarySet>(std::move(set));
  DYAD_ASSIGN_OR_RETURN(engine->coder_, coding::Coder::Create(std::move(shared), options.coder));
  std::shared_ptr<const context::Gazetteer> gazetteer;
  if (!options.gazetteer.empty()) {
    DYAD_ASSIGN_OR_RETURN(std::unique_ptr<context::Gazetteer> g, context::Gazetteer::Load(options.gazetteer));
    gazetteer = std::move(g);
  }
  engine->context_ = std::make_unique<context::Resolver>(std::move(gazetteer));
  engine->parse_all_ = options.parse_all;
  return engine;
}

Status Engine::Analyze(model::Document& doc, Workspace& ws) const {
  if (doc.tokens.empty()) text::SegmentAndTokenize(doc);
  if (doc.tokens.empty() || IsParsed(doc)) return Status::Ok();
  if (nlp_ == nullptr) {
    return FailedPreconditionError("document '" + doc.id + "' is not parsed and no models are loaded");
  }
  nlp_->Analyze(doc, ws.nlp);
  return Status::Ok();
}

Status Engine::Code(model::Document& doc, Workspace& ws, std::vector<model::Event>& events,
                    std::vector<coding::SentenceTrace>* traces) const {
  if (doc.tokens.empty()) text::SegmentAndTokenize(doc);
  const bool lazy = traces == nullptr && !parse_all_ && nlp_ != nullptr && !doc.tokens.empty() && !IsParsed(doc);
  const size_t first = events.size();
  if (lazy) {
    auto analyze = [&](size_t index, bool parse) {
      const model::Sentence& s = doc.sentences[index];
      if (parse) {
        nlp_->ParseSentence(doc, s, ws.nlp);
      } else {
        nlp_->TagSentence(doc, s, ws.nlp);
      }
    };
    coder_->CodeDocument(doc, ws.coder, analyze, events);
  } else {
    DYAD_RETURN_IF_ERROR(Analyze(doc, ws));
    coder_->CodeDocument(doc, ws.coder, events, traces);
  }
  auto code_phrase = [&](size_t sentence, uint32_t begin, uint32_t end) {
    return coder_->CodePhrase(doc, sentence, begin, end, ws.coder);
  };
  context_->Resolve(doc, ws.context, std::span<model::Event>(events).subspan(first), code_phrase);
  return Status::Ok();
}

}  // namespace dyad::pipeline
