// Part-of-speech tagger: UPOS and Penn XPOS for every token, greedy left to right.
//
// One averaged perceptron scores both tag sets at once (70 classes: 18 UPOS + 52 XPOS ids), so
// a feature costs one table lookup for both. Features (~36 per token) are the word, its
// lowercase form, prefixes 1-3, suffixes 1-5, a compressed shape ("Xx-d"), words and suffixes
// at +-1/2, the two previous predicted tags, and "ambiguity classes" (the set of XPOS tags a
// word had in training) of the word and the next two: they give the right context the tags the
// greedy decoder has not predicted yet. Also: the ambiguity class of the lowercase form, alone
// and with the shape and the sentence's capitalization (title-case and all-caps headlines), and
// for words the dictionary does not know, their WordNet classes and those of their stems
// ("-ed", "-ing", "-s", "-er", "-ly" removed): EWT test UPOS 95.36 -> 95.55, XPOS 94.70 -> 95.10.
// Trained with word classes (TaggerOptions::clusters), also the classes of the word and its
// neighbours at three granularities: EWT dev UPOS 95.32 -> 95.46 (data/models/README.md).
// A tag dictionary short-cuts frequent words that had one
// (UPOS, XPOS) pair in >= 99.5% of >= 20 training occurrences ("the", ",", "of"): about half of
// news tokens are tagged with one hash lookup. Other words get the (UPOS, XPOS) pair with the
// highest sum of scores among the pairs seen >= 3 times in training (88 of EWT's 102), not the
// two argmaxes, which gave 392 of 25,147 EWT dev tokens a rarer pair (PROPN+NN, NOUN+NNP, VERB+NN, ...):
// dev UPOS 95.32 -> 95.45.
//
// Thread safety: a loaded Tagger is const; each thread passes its own TaggerWorkspace.
#ifndef DYAD_NLP_TAGGER_H_
#define DYAD_NLP_TAGGER_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"
#include "model/tagset.h"
#include "nlp/clusters.h"
#include "nlp/model_io.h"
#include "nlp/perceptron.h"
#include "nlp/wordnet.h"

namespace dyad::nlp {

using LogFn = std::function<void(std::string_view)>;

// Per-token inputs of the feature templates, computed once per sentence.
struct TaggerTokenInfo {
  uint64_t word = 0, lower = 0, shape = 0;
  uint64_t prefix[3] = {};
  uint64_t suffix[5] = {};
  uint64_t ambiguity = 0;
  uint64_t lower_ambiguity = 0;  // ambiguity class of the lowercase form ("Coast" -> {NN})
  uint32_t wordnet = 0;  // WordNet classes of an unknown word and its stems (WordnetValue in tagger.cc)
  uint32_t dict = 0;  // tag dictionary value (see tagger.cc), 0 = unknown word
  uint8_t casing = 0;  // the sentence's capitalization (SentenceCasing in tagger.cc)
  uint32_t cluster = 0;  // packed word classes (WordClusters::Classes), when the tagger uses them
};

// Scratch space reused across sentences; grows to the longest sentence and stays.
struct TaggerWorkspace {
  std::vector<TaggerTokenInfo> info;
  std::vector<uint64_t> features;
  std::string lower, stem;
  ScoreCache word_scores;  // summed scores of a word's own features (Extract in tagger.cc)
};

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int dict_min_count = 20;
  double dict_min_ratio = 0.995;
  int dictionary_folds = 5;  // jackknifed dictionaries for training (1 = the full one)
  // The tagger outputs only (UPOS, XPOS) pairs seen this often in training (0 = any pair).
  int pair_min_count = 3;
  // WordNet's word classes, stored in the model for unknown-word features; may be null. Not owned.
  const WordnetClasses* wordnet = nullptr;
  // Word classes from unlabeled text (features of the word and its neighbours); may be null.
  // The model then needs the same classes at run time (set_clusters). Not owned.
  const WordClusters* clusters = nullptr;
};

class Tagger {
 public:
  static constexpr int kNumClasses = model::kUposCount + model::kXposCount;

  // Trains on every sentence of `train` whose tokens carry gold upos/xpos; logs accuracy on
  // `dev` (may be empty) after each epoch. Deterministic for given data and options.
  static Tagger Train(std::span<const model::Document> train, std::span<const model::Document> dev,
                      const TaggerOptions& options, const LogFn& log);

  // Writes upos and xpos of the tokens of `s`. Never fails; empty sentences are fine.
  void Tag(model::Document& doc, const model::Sentence& s, TaggerWorkspace& ws) const;

  void Save(ByteWriter& w) const;
  Status Load(ByteReader& r, uint32_t version);

  size_t num_features() const { return weights_.num_features(); }
  // The (UPOS, XPOS) pairs the tagger may output, as upos << 8 | xpos in ascending order; empty
  // when any pair is allowed.
  std::span<const uint16_t> allowed_pairs() const { return pairs_; }

  // The word classes a tagger trained with TaggerOptions::clusters reads (the same ones). Not owned.
  void set_clusters(const WordClusters* clusters) { clusters_ = clusters; }

 private:
  friend class TaggerTrainer;
  void Prepare(const model::Document& doc, const model::Sentence& s, TaggerWorkspace& ws) const;
  uint32_t WordnetValue(std::string_view lower, std::string& stem) const;
  void FindAllowedPairs();

  SparseWeights weights_;
  HashIndex dictionary_;                // word hash -> packed value
  std::vector<uint64_t> ambiguity_;     // ambiguity class id -> XPOS bit set
  std::vector<uint16_t> pairs_;         // allowed_pairs(), read from dictionary_ entries
  const WordClusters* clusters_ = nullptr;
};

// Tag accuracy helpers shared by training and tests: fraction of tokens with gold tag.
struct TagCounts {
  size_t tokens = 0, upos = 0, xpos = 0;
};

}  // namespace dyad::nlp

#endif  // DYAD_NLP_TAGGER_H_
