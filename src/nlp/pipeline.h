// The nlp stage's entry point: tags, lemmatizes and parses a Document's sentences in place.
//
// Model files (see doc/model-format.md):
//   <dir>/en-tagger.bin  magic "DYADTAGR": training info, Tagger, Lemmatizer
//   <dir>/en-parser.bin  magic "DYADPARS": training info, Parser
//   <dir>/en-clusters.bin magic "DYADCLUS": word classes (clusters.h), read when a model was
//                        trained with them (a trailing byte 1 in the model's payload says so)
// A Pipeline is immutable once loaded and shared by every thread; per-thread scratch lives in a
// Workspace (Analyze(doc) without one uses a thread_local Workspace). Steady-state analysis
// allocates only when a document's forms arena grows for lemmas.
#ifndef DYAD_NLP_PIPELINE_H_
#define DYAD_NLP_PIPELINE_H_

#include <memory>
#include <string>

#include "dyad/status.h"
#include "model/document.h"
#include "nlp/lemmatizer.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

inline constexpr char kTaggerFile[] = "en-tagger.bin";
inline constexpr char kParserFile[] = "en-parser.bin";
inline constexpr char kTaggerMagic[] = "DYADTAGR";
inline constexpr char kParserMagic[] = "DYADPARS";
// History: 1 = first format (2026-11); 2 = the lemmatizer stores WordNet's verb and adjective
// lemmas (tagger files only; parser files are unchanged); 3 = perceptron weights stored in
// ascending hash order with their counts and entries in separate arrays, so loading is one
// sequential pass with no sorting (versions 1-2 still load, more slowly).
inline constexpr uint32_t kModelFormatVersion = 3;

struct TaggerModel {
  std::string info;  // how it was trained: command, data, options
  Tagger tagger;
  Lemmatizer lemmatizer;
  // Trained with word classes: loading reads en-clusters.bin beside the file into `clusters`.
  bool uses_clusters = false;
  std::shared_ptr<const WordClusters> clusters;
};

struct ParserModel {
  std::string info;
  Parser parser;
  bool uses_clusters = false;
  std::shared_ptr<const WordClusters> clusters;
};

Status SaveTaggerModel(const std::string& path, const TaggerModel& model);
Status SaveParserModel(const std::string& path, const ParserModel& model);
// Errors: kNotFound (missing file), kInvalidArgument (not a model / unsupported version),
// kDataLoss (truncated, checksum mismatch, inconsistent tables, trailing bytes); the same for
// en-clusters.bin beside a model that uses word classes.
StatusOr<TaggerModel> LoadTaggerModel(const std::string& path);
// `min_weight` > 1 prunes the parser's small weights as it loads (`dyad train prune`).
StatusOr<ParserModel> LoadParserModel(const std::string& path, int min_weight = 1);
// From bytes already in memory (tests, fuzzing, rewriting files): a model that uses word
// classes gets none (set them with AttachClusters).
StatusOr<TaggerModel> ParseTaggerModel(std::string_view bytes);
StatusOr<ParserModel> ParseParserModel(std::string_view bytes, int min_weight = 1);

// Gives a model trained with word classes the ones it reads.
void AttachClusters(TaggerModel& model, std::shared_ptr<const WordClusters> clusters);
void AttachClusters(ParserModel& model, std::shared_ptr<const WordClusters> clusters);

class Pipeline {
 public:
  struct Workspace {
    TaggerWorkspace tagger;
    ParserWorkspace parser;
    std::string lemma, scratch;
  };

  // Loads <dir>/en-tagger.bin and <dir>/en-parser.bin.
  static StatusOr<std::unique_ptr<Pipeline>> Load(const std::string& dir);
  static std::unique_ptr<Pipeline> FromModels(TaggerModel tagger, ParserModel parser);

  // Fills upos, xpos, lemma, head and deprel of every token. REQUIRES: the text layer has run
  // (sentences and tokens with forms). Thread-safe.
  void Analyze(model::Document& doc, Workspace& ws) const;
  void Analyze(model::Document& doc) const;
  // The two halves of Analyze for one sentence, for callers that parse only some sentences:
  // upos, xpos and lemma; then head and deprel (REQUIRES: the sentence is tagged).
  void TagSentence(model::Document& doc, const model::Sentence& s, Workspace& ws) const;
  void ParseSentence(model::Document& doc, const model::Sentence& s, Workspace& ws) const;

  const TaggerModel& tagger() const { return tagger_; }
  const ParserModel& parser() const { return parser_; }

 private:
  TaggerModel tagger_;
  ParserModel parser_;
};

}  // namespace dyad::nlp

#endif  // DYAD_NLP_PIPELINE_H_
