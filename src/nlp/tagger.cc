#include "nlp/tagger.h"

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <unordered_map>

#include <fmt/format.h>

#include "nlp/hash.h"
#include "nlp/text_features.h"

namespace dyad::nlp {

namespace {

constexpr int kU = model::kUposCount;
constexpr int kX = model::kXposCount;
constexpr size_t kPad = 2;          // boundary infos before and after the sentence
constexpr size_t kMaxFeatures = 64;

constexpr uint64_t kExactSeed = 0x1, kLowerSeed = 0x2, kWordnetSeed = 0x3, kPairSeed = 0x4;

// Tag dictionary key of an allowed (UPOS, XPOS) pair; its value is the pair's training count.
uint64_t PairKey(uint16_t pair) {
  const char bytes[2] = {static_cast<char>(pair >> 8), static_cast<char>(pair & 0xff)};
  return HashBytes(std::string_view(bytes, 2), kPairSeed);
}

// Suffixes whose removal (and the given ending) may leave a WordNet lemma, grouped: the WordNet
// classes found after removing group g's suffixes fill bits 4g+4 .. 4g+7 of the feature value.
struct Stem {
  std::string_view suffix, append;
  int group;
};
constexpr Stem kStems[] = {{"s", "", 0},  {"es", "", 0},  {"ies", "y", 0}, {"ed", "", 1},  {"ed", "e", 1},
                           {"ing", "", 2}, {"ing", "e", 2}, {"er", "", 3},  {"er", "e", 3}, {"est", "", 3},
                           {"est", "e", 3}, {"ly", "", 4}};

// Dictionary value: upos << 24 | xpos << 16 | ambiguity class id (1-based; 0 = none). A nonzero
// upos/xpos marks a word the dictionary tags by itself.
uint32_t DictTags(uint32_t v) { return v >> 16; }
uint32_t DictAmbiguity(uint32_t v) { return v & 0xffff; }

enum Template : uint32_t {
  kBias, kWord, kLower, kPre1, kPre2, kPre3, kSuf1, kSuf2, kSuf3, kSuf4, kSuf5, kShape,
  kLowerM1, kLowerM2, kLowerP1, kLowerP2, kX1, kX1X2, kX1Lower, kLowerM1Lower, kLowerLowerP1,
  kSuf3M1, kSuf3P1, kAmb, kAmbP1, kAmbP2, kX1AmbP1, kShapeP1, kShapeM1, kFirstShape, kX1Suf3,
  kLowerP1P2, kAmbAmbP1, kU1, kX2, kLowerM1P1, kX1AmbLower, kShapeAmb,
  kLowerAmb, kCaseShapeLowerAmb, kWordnet, kWordnetShape,
};

// x points at token i inside the padded info array: x[-2] .. x[2] are valid. Sets bit k of
// *word_only for the features f[k] that read the word alone (x[0]): Tag takes their summed
// scores from the workspace's ScoreCache.
size_t Extract(const TaggerTokenInfo* x, bool first, uint8_t u1, uint8_t x1, uint8_t x2,
               uint64_t* f, uint64_t* word_only) {
  static_assert(kMaxFeatures <= 64);
  size_t n = 0;
  *word_only = 0;
  auto word = [&](uint64_t feature) {
    *word_only |= uint64_t{1} << n;
    f[n++] = feature;
  };
  word(Feature(kBias, 0));
  word(Feature(kWord, x[0].word));
  word(Feature(kLower, x[0].lower));
  word(Feature(kPre1, x[0].prefix[0]));
  word(Feature(kPre2, x[0].prefix[1]));
  word(Feature(kPre3, x[0].prefix[2]));
  word(Feature(kSuf1, x[0].suffix[0]));
  word(Feature(kSuf2, x[0].suffix[1]));
  word(Feature(kSuf3, x[0].suffix[2]));
  word(Feature(kSuf4, x[0].suffix[3]));
  word(Feature(kSuf5, x[0].suffix[4]));
  word(Feature(kShape, x[0].shape));
  f[n++] = Feature(kLowerM1, x[-1].lower);
  f[n++] = Feature(kLowerM2, x[-2].lower);
  f[n++] = Feature(kLowerP1, x[1].lower);
  f[n++] = Feature(kLowerP2, x[2].lower);
  f[n++] = Feature(kX1, x1);
  f[n++] = Feature(kX1X2, x1, x2);
  f[n++] = Feature(kX1Lower, x1, x[0].lower);
  f[n++] = Feature(kLowerM1Lower, x[-1].lower, x[0].lower);
  f[n++] = Feature(kLowerLowerP1, x[0].lower, x[1].lower);
  f[n++] = Feature(kSuf3M1, x[-1].suffix[2]);
  f[n++] = Feature(kSuf3P1, x[1].suffix[2]);
  word(Feature(kAmb, x[0].ambiguity));
  f[n++] = Feature(kAmbP1, x[1].ambiguity);
  f[n++] = Feature(kAmbP2, x[2].ambiguity);
  f[n++] = Feature(kX1AmbP1, x1, x[1].ambiguity);
  f[n++] = Feature(kShapeP1, x[1].shape);
  f[n++] = Feature(kShapeM1, x[-1].shape);
  f[n++] = Feature(kFirstShape, first, x[0].shape);
  f[n++] = Feature(kX1Suf3, x1, x[0].suffix[2]);
  f[n++] = Feature(kLowerP1P2, x[1].lower, x[2].lower);
  f[n++] = Feature(kAmbAmbP1, x[0].ambiguity, x[1].ambiguity);
  f[n++] = Feature(kU1, u1);
  f[n++] = Feature(kX2, x2);
  f[n++] = Feature(kLowerM1P1, x[-1].lower, x[1].lower);
  f[n++] = Feature(kX1AmbLower, x1, x[0].ambiguity, x[1].lower);
  word(Feature(kShapeAmb, x[0].shape, x[0].ambiguity));
  word(Feature(kLowerAmb, x[0].lower_ambiguity));
  word(Feature(kCaseShapeLowerAmb, x[0].casing, x[0].shape, x[0].lower_ambiguity));
  word(Feature(kWordnet, x[0].wordnet));
  word(Feature(kWordnetShape, x[0].wordnet, x[0].shape));
  return n;
}

// Word-class features (only for taggers trained with clusters): the word's classes at every
// level and its neighbours' at the finer two, as Owoputi et al. (2013) use Brown clusters.
// Appended after Extract's n features; the word's own classes are word features too.
enum ClusterTemplate : uint32_t {
  kCluster = 200, kClusterM1, kClusterP1, kClusterP2, kX1Cluster, kClusterClusterP1, kClusterM1Cluster,
};
constexpr uint32_t kClusterBefore = 0x3fffffff, kClusterAfter = 0x3ffffffe;  // sentence padding

size_t ExtractClusters(const TaggerTokenInfo* x, uint8_t x1, uint64_t* f, size_t n, uint64_t* word_only) {
  using C = WordClusters;
  for (int level = 0; level < kClusterLevels; ++level) {
    *word_only |= uint64_t{1} << n;
    f[n++] = Feature(kCluster, level, C::Level(x[0].cluster, level));
  }
  for (int level = 0; level < 2; ++level) {
    f[n++] = Feature(kClusterM1, level, C::Level(x[-1].cluster, level));
    f[n++] = Feature(kClusterP1, level, C::Level(x[1].cluster, level));
  }
  f[n++] = Feature(kClusterP2, C::Level(x[2].cluster, 1));
  f[n++] = Feature(kX1Cluster, x1, C::Level(x[0].cluster, 1));
  f[n++] = Feature(kClusterClusterP1, C::Level(x[0].cluster, 1), C::Level(x[1].cluster, 1));
  f[n++] = Feature(kClusterM1Cluster, C::Level(x[-1].cluster, 1), C::Level(x[0].cluster, 1));
  return n;
}

template <typename T>
void BestTags(const T* scores, uint8_t* upos, uint8_t* xpos) {
  int bu = 1, bx = 1;
  for (int c = 2; c < kU; ++c) if (scores[c] > scores[bu]) bu = c;
  for (int c = 2; c < kX; ++c) if (scores[kU + c] > scores[kU + bx]) bx = c;
  *upos = static_cast<uint8_t>(bu);
  *xpos = static_cast<uint8_t>(bx);
}

// The allowed pair with the highest sum of its UPOS and XPOS scores (the first one on ties, so
// the choice is deterministic); with no allowed pairs (older models), each tag set's argmax.
template <typename T>
void BestAllowedTags(const T* scores, std::span<const uint16_t> pairs, uint8_t* upos, uint8_t* xpos) {
  if (pairs.empty()) return BestTags(scores, upos, xpos);
  uint16_t best = pairs[0];
  T best_score = scores[best >> 8] + scores[kU + (best & 0xff)];
  for (uint16_t pair : pairs.subspan(1)) {
    T score = scores[pair >> 8] + scores[kU + (pair & 0xff)];
    if (score > best_score) {
      best_score = score;
      best = pair;
    }
  }
  *upos = static_cast<uint8_t>(best >> 8);
  *xpos = static_cast<uint8_t>(best & 0xff);
}

struct SentenceRef {
  uint32_t doc, sentence;
};

}  // namespace

void Tagger::Prepare(const model::Document& doc, const model::Sentence& s, TaggerWorkspace& ws) const {
  const size_t n = s.size();
  ws.info.resize(n + 2 * kPad);
  for (size_t k = 0; k < kPad; ++k) {
    ws.info[k] = BoundaryInfo(true);
    ws.info[n + kPad + k] = BoundaryInfo(false);
  }
  auto toks = doc.Tokens(s);
  const uint8_t casing = SentenceCasing(doc, toks);
  for (size_t i = 0; i < n; ++i) {
    TaggerTokenInfo& x = ws.info[i + kPad];
    std::string_view form = doc.Form(toks[i]);
    FillWordInfo(form, ws.lower, x);
    x.casing = casing;
    const uint32_t lower_class = DictAmbiguity(dictionary_.Get(HashBytes(ws.lower, kLowerSeed), 0));
    x.lower_ambiguity = lower_class != 0 && lower_class <= ambiguity_.size() ? Mix64(ambiguity_[lower_class - 1]) : 0x7;
    uint32_t v = dictionary_.Get(HashBytes(form, kExactSeed), 0);
    if (v == 0) v = lower_class;
    // A damaged dictionary value must not index out of range or yield tags outside the tagset.
    if (DictAmbiguity(v) > ambiguity_.size() || (v >> 24) >= model::kUposCount ||
        ((v >> 16) & 0xff) >= model::kXposCount || ((v >> 16) != 0 && ((v >> 24) == 0 || ((v >> 16) & 0xff) == 0))) {
      v = 0;
    }
    x.dict = v;
    x.ambiguity = DictAmbiguity(v) ? Mix64(ambiguity_[DictAmbiguity(v) - 1]) : 0x7;
    x.wordnet = DictAmbiguity(v) ? 0 : WordnetValue(ws.lower, ws.stem);
    if (clusters_ != nullptr) x.cluster = clusters_->Classes(form, ws.stem);
  }
  if (clusters_ != nullptr) {
    for (size_t k = 0; k < kPad; ++k) {
      ws.info[k].cluster = kClusterBefore;
      ws.info[n + kPad + k].cluster = kClusterAfter;
    }
  }
}

// For a word the tag dictionary does not know: its WordNet classes (bits 0-3) and those of its
// stems (kStems), so "unfrozen" or "reoccupied" look like the adjectives and verbs they are.
uint32_t Tagger::WordnetValue(std::string_view lower, std::string& stem) const {
  uint32_t value = dictionary_.Get(HashBytes(lower, kWordnetSeed), 0) & 0xf;
  for (const Stem& st : kStems) {
    if (lower.size() <= st.suffix.size() + 1 || !lower.ends_with(st.suffix)) continue;
    stem.assign(lower.substr(0, lower.size() - st.suffix.size()));
    stem += st.append;
    value |= (dictionary_.Get(HashBytes(stem, kWordnetSeed), 0) & 0xf) << (4 * st.group + 4);
  }
  return value;
}

void Tagger::Tag(model::Document& doc, const model::Sentence& s, TaggerWorkspace& ws) const {
  Prepare(doc, s, ws);
  auto toks = doc.Tokens(s);
  ws.features.resize(kMaxFeatures);
  uint8_t u1 = 0, x1 = 0, x2 = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const TaggerTokenInfo* x = &ws.info[i + kPad];
    uint8_t upos, xpos;
    if (uint32_t tags = DictTags(x->dict); tags != 0) {
      upos = static_cast<uint8_t>(tags >> 8);
      xpos = static_cast<uint8_t>(tags & 0xff);
    } else {
      uint64_t word_only;
      size_t nf = Extract(x, i == 0, u1, x1, x2, ws.features.data(), &word_only);
      if (clusters_ != nullptr) nf = ExtractClusters(x, x1, ws.features.data(), nf, &word_only);
      // Word features to the front (in order: they key the cache), the others after them.
      uint64_t* f = ws.features.data();
      size_t words = 0;
      for (size_t k = 0; k < nf; ++k) {
        if (word_only >> k & 1) std::swap(f[words++], f[k]);
      }
      int32_t scores[kNumClasses] = {};
      weights_.Prefetch(std::span<const uint64_t>(f + words, nf - words));
      ws.word_scores.Add(weights_, std::span<const uint64_t>(f, words), scores);
      weights_.Score(std::span<const uint64_t>(f + words, nf - words), scores);
      BestAllowedTags(scores, std::span<const uint16_t>(pairs_), &upos, &xpos);
    }
    toks[i].upos = upos;
    toks[i].xpos = xpos;
    u1 = upos;
    x2 = x1;
    x1 = xpos;
  }
}

namespace {

// Builds the tag dictionary and ambiguity classes from the gold tags of the documents d of
// `docs` with d % folds != skip (all of them when skip < 0).
void BuildDictionary(std::span<const model::Document> docs, int folds, int skip,
                     const TaggerOptions& options, HashIndex* dictionary,
                     std::vector<uint64_t>* ambiguity, size_t* unambiguous) {
  std::unordered_map<std::string, std::map<uint16_t, uint32_t>> exact;
  std::unordered_map<std::string, uint64_t> lower_sets;
  std::unordered_map<std::string, uint64_t> exact_sets;
  std::map<uint16_t, uint32_t> pair_counts;
  std::string lower;
  for (size_t di = 0; di < docs.size(); ++di) {
    if (skip >= 0 && static_cast<int>(di % folds) == skip) continue;
    const model::Document& d = docs[di];
    for (const model::Token& t : d.tokens) {
      if (t.upos == 0 || t.xpos == 0) continue;
      std::string form(d.Form(t));
      exact[form][static_cast<uint16_t>(t.upos << 8 | t.xpos)]++;
      pair_counts[static_cast<uint16_t>(t.upos << 8 | t.xpos)]++;
      exact_sets[form] |= uint64_t{1} << t.xpos;
      AsciiLower(form, lower);
      lower_sets[lower] |= uint64_t{1} << t.xpos;
    }
  }
  ambiguity->clear();
  std::map<uint64_t, uint32_t> class_ids;
  auto class_id = [&](uint64_t set) {
    auto [it, inserted] = class_ids.emplace(set, static_cast<uint32_t>(class_ids.size() + 1));
    if (inserted) ambiguity->push_back(set);
    return it->second;
  };
  // Sorted keys keep class ids (and so the model file) independent of hash-map order.
  std::vector<std::pair<std::string, uint64_t>> sorted_exact(exact_sets.begin(), exact_sets.end());
  std::sort(sorted_exact.begin(), sorted_exact.end());
  std::vector<std::pair<std::string, uint64_t>> sorted_lower(lower_sets.begin(), lower_sets.end());
  std::sort(sorted_lower.begin(), sorted_lower.end());
  std::vector<std::pair<uint64_t, uint32_t>> items;
  *unambiguous = 0;
  for (const auto& [form, set] : sorted_exact) {
    uint32_t v = class_id(set);
    uint32_t total = 0, best = 0;
    uint16_t best_pair = 0;
    for (const auto& [pair, count] : exact[form]) {
      total += count;
      if (count > best) { best = count; best_pair = pair; }
    }
    if (total >= static_cast<uint32_t>(options.dict_min_count) &&
        best >= options.dict_min_ratio * total) {
      v |= static_cast<uint32_t>(best_pair) << 16;
      ++*unambiguous;
    }
    items.emplace_back(HashBytes(form, kExactSeed), v);
  }
  for (const auto& [form, set] : sorted_lower) items.emplace_back(HashBytes(form, kLowerSeed), class_id(set));
  if (options.wordnet != nullptr) {
    for (const auto& [word, bits] : *options.wordnet) items.emplace_back(HashBytes(word, kWordnetSeed), bits);
  }
  if (options.pair_min_count > 0) {
    for (const auto& [pair, count] : pair_counts) {
      if (count >= static_cast<uint32_t>(options.pair_min_count)) items.emplace_back(PairKey(pair), count);
    }
  }
  dictionary->Build(items);
}

}  // namespace

Tagger Tagger::Train(std::span<const model::Document> train, std::span<const model::Document> dev,
                     const TaggerOptions& options, const LogFn& log) {
  Tagger tagger;
  tagger.clusters_ = options.clusters;
  size_t unambiguous = 0;
  BuildDictionary(train, 1, -1, options, &tagger.dictionary_, &tagger.ambiguity_, &unambiguous);
  tagger.FindAllowedPairs();
  if (log) {
    log(fmt::format("tagger: {} dictionary entries, {} tagged by the dictionary, {} ambiguity classes, "
                    "{} allowed tag pairs",
                    tagger.dictionary_.size(), unambiguous, tagger.ambiguity_.size(), tagger.pairs_.size()));
  }
  // Training sentences see dictionaries built without their own fold (jackknifing), so that
  // ambiguity classes are as incomplete as they are for new text: with the full dictionary a
  // word seen once has a one-tag class that is always right in training and often wrong after
  // (dev UPOS 93.5 instead of 95+).
  const int folds = std::max(1, options.dictionary_folds);
  std::vector<Tagger> fold_taggers(folds);
  for (int f = 0; f < folds && folds > 1; ++f) {
    size_t u = 0;
    BuildDictionary(train, folds, f, options, &fold_taggers[f].dictionary_, &fold_taggers[f].ambiguity_, &u);
    fold_taggers[f].clusters_ = options.clusters;
  }

  std::vector<SentenceRef> order;
  for (uint32_t d = 0; d < train.size(); ++d) {
    for (uint32_t s = 0; s < train[d].sentences.size(); ++s) order.push_back({d, s});
  }
  PerceptronTrainer trainer(kNumClasses);
  TaggerWorkspace ws;
  ws.features.resize(kMaxFeatures);
  std::mt19937_64 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher-Yates with mt19937_64: std::shuffle's algorithm is unspecified across libraries.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    TagCounts counts;
    for (const SentenceRef& ref : order) {
      const model::Document& doc = train[ref.doc];
      const model::Sentence& s = doc.sentences[ref.sentence];
      (folds > 1 ? fold_taggers[ref.doc % folds] : tagger).Prepare(doc, s, ws);
      auto toks = doc.Tokens(s);
      uint8_t u1 = 0, x1 = 0, x2 = 0;
      for (size_t i = 0; i < toks.size(); ++i) {
        const TaggerTokenInfo* x = &ws.info[i + kPad];
        uint8_t upos, xpos;
        if (uint32_t tags = DictTags(x->dict); tags != 0) {
          upos = static_cast<uint8_t>(tags >> 8);
          xpos = static_cast<uint8_t>(tags & 0xff);
        } else {
          uint64_t word_only;
          size_t nf = Extract(x, i == 0, u1, x1, x2, ws.features.data(), &word_only);
          if (tagger.clusters_ != nullptr) nf = ExtractClusters(x, x1, ws.features.data(), nf, &word_only);
          std::span<const uint64_t> f(ws.features.data(), nf);
          float scores[kNumClasses] = {};
          trainer.Score(f, scores);
          // Updates follow each tag set's argmax: decoding allowed pairs here as well gave dev
          // UPOS 95.39 instead of 95.45.
          BestTags(scores, &upos, &xpos);
          if (toks[i].upos != 0 && upos != toks[i].upos) {
            trainer.Update(f, toks[i].upos, 1.0f);
            trainer.Update(f, upos, -1.0f);
          }
          if (toks[i].xpos != 0 && xpos != toks[i].xpos) {
            trainer.Update(f, kU + toks[i].xpos, 1.0f);
            trainer.Update(f, kU + xpos, -1.0f);
          }
          trainer.Tick();
        }
        counts.tokens++;
        counts.upos += upos == toks[i].upos;
        counts.xpos += xpos == toks[i].xpos;
        u1 = upos;
        x2 = x1;
        x1 = xpos;
      }
    }
    std::string line = fmt::format("tagger epoch {}: train UPOS {:.2f} XPOS {:.2f}, {} features", epoch + 1,
                                   100.0 * counts.upos / std::max<size_t>(1, counts.tokens),
                                   100.0 * counts.xpos / std::max<size_t>(1, counts.tokens),
                                   trainer.num_features());
    if (!dev.empty()) {
      tagger.weights_ = trainer.Finish();
      TagCounts dc;
      for (const model::Document& d : dev) {
        model::Document copy = d;
        for (const model::Sentence& s : copy.sentences) tagger.Tag(copy, s, ws);
        for (size_t i = 0; i < d.tokens.size(); ++i) {
          dc.tokens++;
          dc.upos += copy.tokens[i].upos == d.tokens[i].upos;
          dc.xpos += copy.tokens[i].xpos == d.tokens[i].xpos;
        }
      }
      line += fmt::format("; dev UPOS {:.2f} XPOS {:.2f}", 100.0 * dc.upos / std::max<size_t>(1, dc.tokens),
                          100.0 * dc.xpos / std::max<size_t>(1, dc.tokens));
    }
    if (log) log(line);
  }
  tagger.weights_ = trainer.Finish();
  return tagger;
}

void Tagger::FindAllowedPairs() {
  pairs_.clear();
  for (int u = 1; u < kU; ++u) {
    for (int x = 1; x < kX; ++x) {
      const auto pair = static_cast<uint16_t>(u << 8 | x);
      if (dictionary_.Get(PairKey(pair), 0) != 0) pairs_.push_back(pair);
    }
  }
}

void Tagger::Save(ByteWriter& w) const {
  w.U32(static_cast<uint32_t>(ambiguity_.size()));
  for (uint64_t set : ambiguity_) w.U64(set);
  dictionary_.Save(w);
  weights_.Save(w);
}

Status Tagger::Load(ByteReader& r, uint32_t version) {
  uint32_t classes = r.U32();
  if (!r.Expect(classes, 8)) return DataLossError("tagger: truncated ambiguity classes");
  ambiguity_.resize(classes);
  for (uint64_t& set : ambiguity_) set = r.U64();
  if (!dictionary_.Load(r)) return DataLossError("tagger: bad tag dictionary");
  FindAllowedPairs();
  if (!weights_.Load(r, version) || weights_.num_classes() != kNumClasses) return DataLossError("tagger: bad weights");
  return Status::Ok();
}

}  // namespace dyad::nlp
