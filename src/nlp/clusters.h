// Distributional word classes from unlabeled text, features of the tagger and the parser for
// words the treebank has seen rarely or never (Koo et al. 2008; Owoputi et al. 2013).
//
// Classes come from the exchange algorithm (Kneser & Ney 1993, Martin et al. 1998): every word
// starts in class (frequency rank mod N) and moves, in frequency order, to the class that most
// raises the likelihood of a class bigram model, until few words move. Coarser levels cluster
// the classes themselves the same way (their class bigram counts as the "text"), so each word has
// a class at N, N/4 and N/16: a hierarchy like Brown clusters' bit-string prefixes.
// Deterministic: integer counts, fixed order, ties keep the current class.
//
// Words are keyed by a normal form (ASCII lowercase, digits as '0': "1,500" and "2,300" are one
// word); words rarer than a minimum count have no class.
//
// File (model envelope of model_io.h, magic "DYADCLUS"): training info, number of levels and
// classes per level, then a hash index normal-form hash -> packed classes.
#ifndef DYAD_NLP_CLUSTERS_H_
#define DYAD_NLP_CLUSTERS_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"
#include "nlp/perceptron.h"

namespace dyad::nlp {

inline constexpr char kClustersFile[] = "en-clusters.bin";
inline constexpr char kClustersMagic[] = "DYADCLUS";
inline constexpr int kClusterLevels = 3;  // fine, middle (fine / 4), coarse (fine / 16)

// Unlabeled sentences as word ids of normal forms, for training.
class ClusterCorpus {
 public:
  // Appends one sentence (bigrams never cross sentences).
  void AddSentence(std::span<const std::string_view> words);
  size_t num_tokens() const { return tokens_; }

 private:
  friend class WordClusters;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint32_t> text_;  // word ids, kSentenceEnd after each sentence
  size_t tokens_ = 0;
  std::string scratch_;
};

struct ClusterOptions {
  int classes = 256;     // finest level; at most 1023
  int min_count = 3;     // rarer words get no class
  int max_iterations = 15;
};

class WordClusters {
 public:
  using LogFn = std::function<void(std::string_view)>;

  static WordClusters Train(const ClusterCorpus& corpus, const ClusterOptions& options, const LogFn& log);

  // The normal form's classes packed (Level reads them), 0 for a word without class.
  uint32_t Classes(std::string_view form, std::string& scratch) const;
  // Class of level 0 (finest) .. kClusterLevels - 1 in `packed`, 1-based (0 = none).
  static uint32_t Level(uint32_t packed, int level) { return (packed >> (10 * level)) & 0x3ff; }

  size_t num_words() const { return index_.size(); }
  int num_classes(int level) const { return classes_[level]; }

  // `info` says how the file was made (command line, data).
  Status Save(const std::string& path, std::string_view info) const;
  // Errors name the file: kNotFound, kInvalidArgument (not a cluster file), kDataLoss.
  static StatusOr<WordClusters> Load(const std::string& path);
  static StatusOr<WordClusters> Parse(std::string_view bytes);

 private:
  int classes_[kClusterLevels] = {};
  HashIndex index_;
};

// The normal form of a word: ASCII lowercase, digits as '0'.
void ClusterNormalForm(std::string_view form, std::string& out);

// The exchange algorithm on a weighted bigram graph over items 0..n-1 (words or classes): item
// i occurs count[i] times; next[i] lists (successor, bigram count). Returns each item's class in
// 0..classes-1. Exposed for tests.
std::vector<uint32_t> ExchangeClasses(std::span<const int64_t> count,
                                      const std::vector<std::vector<std::pair<uint32_t, int64_t>>>& next,
                                      int classes, int max_iterations, const WordClusters::LogFn& log);

}  // namespace dyad::nlp

#endif  // DYAD_NLP_CLUSTERS_H_
