// Dependency parser: greedy arc-eager transitions, averaged perceptrons, labeled UD relations.
//
// Transitions (Nivre 2003) are SHIFT, REDUCE, LEFT-ARC and RIGHT-ARC, with the artificial root
// at the END of the buffer (Ballesteros & Nivre 2013): the parser attaches a sentence's root
// only once it has seen the whole sentence, which is measurably better than root-first for
// arc-eager. One perceptron picks the unlabeled transition from ~70 Zhang & Nivre (2011)
// features (words, tags, distance, valency, second-order children and label sets); a second
// perceptron labels each arc when it is made, from features of the head, the dependent and the
// labels already attached to both. Splitting the two keeps the transition table at 4 classes
// instead of ~140, which is what makes a greedy parser this fast.
// Arc-eager labels a right dependent before its own right children, the head's later
// dependents and (for a left dependent) the head's head exist, so a second pass over the finished
// tree relabels the arcs whose first label won by a small margin, from features of the whole
// neighbourhood (both tokens' label sets, the nearest sibling on each side, the dependent's
// case/mark word) and the first label; its weights sit in the label table under templates of
// their own, so models without them keep their first labels.
//
// Training uses the dynamic oracle of Goldberg & Nivre (2012) with exploration: after the first
// epoch the parser follows its own (possibly wrong) prediction 90% of the time, and learns the
// best transition from the configurations its mistakes lead to. Non-projective gold trees need
// no preprocessing: the cost-minimal transitions are the targets.
//
// Output is always a tree: every token gets exactly one head, there are no cycles (arc-eager
// cannot build one), and when several tokens end up attached to the root, all but the first
// are re-attached to it (with a predicted label) so there is exactly one root.
//
// Thread safety: a loaded Parser is const; each thread passes its own ParserWorkspace.
#ifndef DYAD_NLP_PARSER_H_
#define DYAD_NLP_PARSER_H_

#include <cstdint>
#include <span>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"
#include "nlp/model_io.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

struct ParserOptions {
  int epochs = 15;
  uint64_t seed = 1;
  double explore = 0.9;  // probability of following a wrong prediction after epoch 1
  // Word classes from unlabeled text (features of s0, n0, n1 and arcs); may be null. The model
  // then needs the same classes at run time (set_clusters). Not owned.
  const WordClusters* clusters = nullptr;
};

// Scratch space reused across sentences (grows to the longest sentence).
struct ParserWorkspace {
  struct Node {
    int32_t head, l1, l2, r1, r2;  // -1 = none; l1 leftmost child, r1 rightmost
    uint8_t label, vl, vr;
    uint64_t left_labels[2], right_labels[2];  // bit sets of child label ids
  };
  std::vector<Node> nodes;     // index i + 1 for token i; [0] is "no token"
  std::vector<uint64_t> word;  // same indexing: lowercase form hash
  std::vector<uint64_t> tag;   // XPOS id
  std::vector<uint64_t> utag;  // UPOS id
  std::vector<uint32_t> cluster;  // packed word classes (WordClusters::Classes), when used
  std::vector<int32_t> stack;
  std::vector<uint8_t> in_stack;
  std::vector<uint64_t> features;
  std::string lower;
  // Per token (same indexing as nodes): transition scores of the feature groups that depend on
  // it alone as the first buffer token or as the top of the stack (FeatureGroup in parser.cc).
  struct TokenScores {
    // [buffer token, its left children, stack top, its right children][SHIFT, REDUCE, LEFT, RIGHT]
    int32_t scores[4][4] = {};
    int32_t state[4] = {};  // 0: not computed; else 2 + the leftmost/rightmost child (or -1) scored
  };
  std::vector<TokenScores> token_scores;
  // Second labeling pass: per token (same indexing) the margin of its first label over the
  // runner-up, its nearest inner and outer sibling on its side of the head, -1 for none
  // ([2 * index], [2 * index + 1]); each head's last dependent per side while they are found;
  // the new labels.
  std::vector<int32_t> label_margin, siblings, last_dependent;
  std::vector<uint8_t> new_labels;
};

class Parser {
 public:
  // Trains on the gold heads and labels of `train`, reading its upos/xpos columns as features
  // (pass predicted tags: see JackknifeTags). Logs UAS/LAS on `dev` after each epoch; dev
  // sentences are tagged with `dev_tagger` first when it is not null.
  static Parser Train(std::span<const model::Document> train, std::span<const model::Document> dev,
                      const Tagger* dev_tagger, const ParserOptions& options, const LogFn& log);

  // Writes head and deprel of the tokens of `s` (reads upos, xpos, forms). Never fails.
  void Parse(model::Document& doc, const model::Sentence& s, ParserWorkspace& ws) const;
  // The same as Parse without its per-token score caches (every feature scored at every move):
  // the reference that tests compare Parse with.
  void ParseReference(model::Document& doc, const model::Sentence& s, ParserWorkspace& ws) const;

  void Save(ByteWriter& w) const;
  // Weights with |w| < min_weight (on the file's int16 scale) are dropped: a smaller model.
  Status Load(ByteReader& r, uint32_t version, int min_weight = 1);

  size_t num_features() const { return transitions_.num_features() + labels_.num_features(); }

  // The word classes a parser trained with ParserOptions::clusters reads (the same ones). Not owned.
  void set_clusters(const WordClusters* clusters) { clusters_ = clusters; }

 private:
  friend class ParserTrainer;
  SparseWeights transitions_;
  SparseWeights labels_;
  const WordClusters* clusters_ = nullptr;
};

// Gives every document of `docs` predicted upos/xpos from taggers trained on the other
// `folds - 1` folds (documents assigned round-robin), so a parser trains on tags as noisy as
// at run time. Deterministic.
std::vector<model::Document> JackknifeTags(std::span<const model::Document> docs, int folds,
                                           const TaggerOptions& options, const LogFn& log);

}  // namespace dyad::nlp

#endif  // DYAD_NLP_PARSER_H_
