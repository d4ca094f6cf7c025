#include "nlp/pipeline.h"

#include <fmt/format.h>

namespace dyad::nlp {

namespace {

Status WithPath(const Status& s, const std::string& path) {
  return s.ok() ? s : s.WithContext(path);
}

// Models trained with word classes end with a byte 1 (older files simply end).
void SaveUsesClusters(ByteWriter& w, bool uses_clusters) {
  if (uses_clusters) w.U8(1);
}
// False at the end of the payload, true after the byte 1; anything else is damage.
StatusOr<bool> ReadUsesClusters(ByteReader& r, std::string_view what) {
  if (r.at_end()) return false;
  if (r.U8() != 1 || !r.at_end()) return DataLossError(fmt::format("{}: trailing bytes after the model", what));
  return true;
}

// en-clusters.bin in the directory of `model_path`.
StatusOr<std::shared_ptr<const WordClusters>> LoadClustersBeside(const std::string& model_path) {
  const size_t slash = model_path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : model_path.substr(0, slash);
  DYAD_ASSIGN_OR_RETURN(WordClusters clusters, WordClusters::Load(dir + "/" + kClustersFile));
  return std::make_shared<const WordClusters>(std::move(clusters));
}

}  // namespace

Status SaveTaggerModel(const std::string& path, const TaggerModel& model) {
  ByteWriter w;
  w.Str(model.info);
  model.tagger.Save(w);
  model.lemmatizer.Save(w);
  SaveUsesClusters(w, model.uses_clusters);
  return WriteModelFile(path, kTaggerMagic, kModelFormatVersion, w.bytes());
}

Status SaveParserModel(const std::string& path, const ParserModel& model) {
  ByteWriter w;
  w.Str(model.info);
  model.parser.Save(w);
  SaveUsesClusters(w, model.uses_clusters);
  return WriteModelFile(path, kParserMagic, kModelFormatVersion, w.bytes());
}

StatusOr<TaggerModel> ParseTaggerModel(std::string_view bytes) {
  uint32_t version = 0;
  DYAD_ASSIGN_OR_RETURN(std::string_view payload,
                        OpenModelBytes(bytes, kTaggerMagic, 1, kModelFormatVersion, &version));
  ByteReader r(payload);
  TaggerModel m;
  m.info = r.Str();
  if (!r.ok()) return DataLossError("tagger model: truncated header");
  DYAD_RETURN_IF_ERROR(m.tagger.Load(r, version));
  DYAD_RETURN_IF_ERROR(m.lemmatizer.Load(r, version));
  DYAD_ASSIGN_OR_RETURN(m.uses_clusters, ReadUsesClusters(r, "tagger model"));
  return m;
}

StatusOr<ParserModel> ParseParserModel(std::string_view bytes, int min_weight) {
  uint32_t version = 0;
  DYAD_ASSIGN_OR_RETURN(std::string_view payload,
                        OpenModelBytes(bytes, kParserMagic, 1, kModelFormatVersion, &version));
  ByteReader r(payload);
  ParserModel m;
  m.info = r.Str();
  if (!r.ok()) return DataLossError("parser model: truncated header");
  DYAD_RETURN_IF_ERROR(m.parser.Load(r, version, min_weight));
  DYAD_ASSIGN_OR_RETURN(m.uses_clusters, ReadUsesClusters(r, "parser model"));
  return m;
}

StatusOr<TaggerModel> LoadTaggerModel(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  StatusOr<TaggerModel> m = ParseTaggerModel(bytes);
  if (!m.ok()) return WithPath(m.status(), path);
  if (m->uses_clusters) {
    DYAD_ASSIGN_OR_RETURN(auto clusters, LoadClustersBeside(path));
    AttachClusters(*m, std::move(clusters));
  }
  return m;
}

StatusOr<ParserModel> LoadParserModel(const std::string& path, int min_weight) {
  DYAD_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));
  StatusOr<ParserModel> m = ParseParserModel(bytes, min_weight);
  if (!m.ok()) return WithPath(m.status(), path);
  if (m->uses_clusters) {
    DYAD_ASSIGN_OR_RETURN(auto clusters, LoadClustersBeside(path));
    AttachClusters(*m, std::move(clusters));
  }
  return m;
}

void AttachClusters(TaggerModel& model, std::shared_ptr<const WordClusters> clusters) {
  model.clusters = std::move(clusters);
  model.tagger.set_clusters(model.clusters.get());
}

void AttachClusters(ParserModel& model, std::shared_ptr<const WordClusters> clusters) {
  model.clusters = std::move(clusters);
  model.parser.set_clusters(model.clusters.get());
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Load(const std::string& dir) {
  DYAD_ASSIGN_OR_RETURN(TaggerModel tagger, LoadTaggerModel(dir + "/" + kTaggerFile));
  DYAD_ASSIGN_OR_RETURN(ParserModel parser, LoadParserModel(dir + "/" + kParserFile));
  return FromModels(std::move(tagger), std::move(parser));
}

std::unique_ptr<Pipeline> Pipeline::FromModels(TaggerModel tagger, ParserModel parser) {
  auto p = std::make_unique<Pipeline>();
  p->tagger_ = std::move(tagger);
  p->parser_ = std::move(parser);
  return p;
}

void Pipeline::TagSentence(model::Document& doc, const model::Sentence& s, Workspace& ws) const {
  tagger_.tagger.Tag(doc, s, ws.tagger);
  tagger_.lemmatizer.Lemmatize(doc, s, ws.lemma, ws.scratch);
}

void Pipeline::ParseSentence(model::Document& doc, const model::Sentence& s, Workspace& ws) const {
  parser_.parser.Parse(doc, s, ws.parser);
}

void Pipeline::Analyze(model::Document& doc, Workspace& ws) const {
  for (const model::Sentence& s : doc.sentences) {
    TagSentence(doc, s, ws);
    ParseSentence(doc, s, ws);
  }
}

void Pipeline::Analyze(model::Document& doc) const {
  thread_local Workspace ws;
  Analyze(doc, ws);
}

}  // namespace dyad::nlp
