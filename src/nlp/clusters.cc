#include "nlp/clusters.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "nlp/hash.h"
#include "nlp/model_io.h"

namespace dyad::nlp {

namespace {

constexpr uint32_t kSentenceEnd = UINT32_MAX;
constexpr uint64_t kClusterSeed = 0xc1;
constexpr uint32_t kClustersVersion = 1;
constexpr int kMaxClasses = 1023;  // 10 bits per level, 0 = none

using Bigrams = std::vector<std::vector<std::pair<uint32_t, int64_t>>>;

// x log x, tabulated for the small counts that most class bigrams have.
class XLogX {
 public:
  XLogX() : table_(1 << 16) {
    for (size_t x = 1; x < table_.size(); ++x) table_[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  }
  double operator()(int64_t x) const {
    return x < static_cast<int64_t>(table_.size()) ? table_[x] : static_cast<double>(x) * std::log(static_cast<double>(x));
  }

 private:
  std::vector<double> table_;
};

}  // namespace

void ClusterNormalForm(std::string_view form, std::string& out) {
  out.assign(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '1' && c <= '9') c = '0';
  }
}

void ClusterCorpus::AddSentence(std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    ClusterNormalForm(w, scratch_);
    auto [it, inserted] = ids_.emplace(scratch_, static_cast<uint32_t>(words_.size()));
    if (inserted) words_.push_back(scratch_);
    text_.push_back(it->second);
  }
  tokens_ += words.size();
  text_.push_back(kSentenceEnd);
}

std::vector<uint32_t> ExchangeClasses(std::span<const int64_t> count, const Bigrams& next, int classes,
                                      int max_iterations, const WordClusters::LogFn& log) {
  const size_t n = count.size();
  const size_t C = static_cast<size_t>(std::max(1, classes));
  Bigrams prev(n);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [j, c] : next[i]) prev[j].emplace_back(static_cast<uint32_t>(i), c);
  }
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return count[a] > count[b]; });
  std::vector<uint32_t> cls(n);
  for (size_t r = 0; r < n; ++r) cls[order[r]] = static_cast<uint32_t>(r % C);
  // Class bigram counts, row-major and transposed (both read along rows), and class counts.
  std::vector<int64_t> M(C * C), MT(C * C), N(C);
  for (size_t i = 0; i < n; ++i) {
    N[cls[i]] += count[i];
    for (const auto& [j, c] : next[i]) {
      M[cls[i] * C + cls[j]] += c;
      MT[cls[j] * C + cls[i]] += c;
    }
  }
  const XLogX F;
  std::vector<int64_t> a(C), b(C);  // v's bigram counts to (from) each class, v's own excluded
  std::vector<uint32_t> ta, tb;     // the classes with nonzero a (b)
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    size_t moved = 0;
    for (uint32_t v : order) {
      int64_t self = 0;
      for (const auto& [w, c] : next[v]) {
        if (w == v) { self += c; continue; }
        if (a[cls[w]] == 0) ta.push_back(cls[w]);
        a[cls[w]] += c;
      }
      for (const auto& [u, c] : prev[v]) {
        if (u == v) continue;
        if (b[cls[u]] == 0) tb.push_back(cls[u]);
        b[cls[u]] += c;
      }
      auto shift = [&](size_t k, int64_t sign) {
        for (uint32_t c : ta) { M[k * C + c] += sign * a[c]; MT[c * C + k] += sign * a[c]; }
        for (uint32_t c : tb) { M[c * C + k] += sign * b[c]; MT[k * C + c] += sign * b[c]; }
        M[k * C + k] += sign * self;
        MT[k * C + k] += sign * self;
        N[k] += sign * count[v];
      };
      const uint32_t old = cls[v];
      shift(old, -1);
      // Log-likelihood change of putting v into class k.
      auto gain = [&](size_t k) {
        double g = 0;
        const int64_t* row = &M[k * C];
        const int64_t* col = &MT[k * C];
        for (uint32_t c : ta) g += F(row[c] + a[c]) - F(row[c]);
        for (uint32_t c : tb) g += F(col[c] + b[c]) - F(col[c]);
        // Bigrams inside class k were counted once from each side above: count them together.
        const int64_t m = row[k];
        g += F(m + a[k] + b[k] + self) - F(m + a[k]) - F(m + b[k]) + F(m);
        return g - 2 * (F(N[k] + count[v]) - F(N[k]));
      };
      size_t best = old;
      double best_gain = gain(old);
      for (size_t k = 0; k < C; ++k) {
        if (k == old) continue;
        double g = gain(k);
        if (g > best_gain + 1e-9) { best_gain = g; best = k; }
      }
      shift(best, 1);
      moved += best != old;
      cls[v] = static_cast<uint32_t>(best);
      for (uint32_t c : ta) a[c] = 0;
      for (uint32_t c : tb) b[c] = 0;
      ta.clear();
      tb.clear();
    }
    if (log) log(fmt::format("clusters: {} classes over {} items, iteration {}: {} moved", C, n, iteration + 1, moved));
    if (moved * 1000 < n) break;
  }
  return cls;
}

WordClusters WordClusters::Train(const ClusterCorpus& corpus, const ClusterOptions& options, const LogFn& log) {
  const int fine = std::clamp(options.classes, 1, kMaxClasses);
  std::vector<int64_t> raw(corpus.words_.size());
  for (uint32_t id : corpus.text_) {
    if (id != kSentenceEnd) raw[id]++;
  }
  // Vocabulary: words of at least min_count, in first-seen order.
  std::vector<uint32_t> item(raw.size(), kSentenceEnd);
  std::vector<uint32_t> words;
  std::vector<int64_t> count;
  for (uint32_t id = 0; id < raw.size(); ++id) {
    if (raw[id] < options.min_count) continue;
    item[id] = static_cast<uint32_t>(words.size());
    words.push_back(id);
    count.push_back(raw[id]);
  }
  std::map<std::pair<uint32_t, uint32_t>, int64_t> pairs;
  for (size_t i = 0; i + 1 < corpus.text_.size(); ++i) {
    const uint32_t x = corpus.text_[i], y = corpus.text_[i + 1];
    if (x == kSentenceEnd || y == kSentenceEnd || item[x] == kSentenceEnd || item[y] == kSentenceEnd) continue;
    pairs[{item[x], item[y]}]++;
  }
  Bigrams next(words.size());
  for (const auto& [p, c] : pairs) next[p.first].emplace_back(p.second, c);
  if (log) log(fmt::format("clusters: {} tokens, {} words of >= {} occurrences, {} bigram types", corpus.num_tokens(),
                           words.size(), options.min_count, pairs.size()));

  WordClusters out;
  std::vector<uint32_t> word_class = ExchangeClasses(count, next, fine, options.max_iterations, log);
  std::vector<uint32_t> packed(words.size());
  for (size_t w = 0; w < words.size(); ++w) packed[w] = word_class[w] + 1;
  out.classes_[0] = fine;
  // Each coarser level clusters the classes of the level below by their own bigram counts.
  std::vector<int64_t> level_count(fine);
  Bigrams level_next(fine);
  for (size_t w = 0; w < words.size(); ++w) level_count[word_class[w]] += count[w];
  {
    std::map<std::pair<uint32_t, uint32_t>, int64_t> class_pairs;
    for (size_t w = 0; w < words.size(); ++w) {
      for (const auto& [x, c] : next[w]) class_pairs[{word_class[w], word_class[x]}] += c;
    }
    for (const auto& [p, c] : class_pairs) level_next[p.first].emplace_back(p.second, c);
  }
  for (int level = 1; level < kClusterLevels; ++level) {
    const int k = std::max(1, fine >> (2 * level));
    std::vector<uint32_t> parent = ExchangeClasses(level_count, level_next, k, options.max_iterations, log);
    for (size_t w = 0; w < words.size(); ++w) {
      word_class[w] = parent[word_class[w]];
      packed[w] |= (word_class[w] + 1) << (10 * level);
    }
    std::vector<int64_t> coarse_count(k);
    std::map<std::pair<uint32_t, uint32_t>, int64_t> class_pairs;
    for (size_t c = 0; c < level_count.size(); ++c) {
      coarse_count[parent[c]] += level_count[c];
      for (const auto& [x, n] : level_next[c]) class_pairs[{parent[c], parent[x]}] += n;
    }
    level_count = std::move(coarse_count);
    level_next.assign(k, {});
    for (const auto& [p, c] : class_pairs) level_next[p.first].emplace_back(p.second, c);
    out.classes_[level] = k;
  }
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(words.size());
  for (size_t w = 0; w < words.size(); ++w) {
    entries.emplace_back(HashBytes(corpus.words_[words[w]], kClusterSeed), packed[w]);
  }
  out.index_.Build(entries);
  return out;
}

uint32_t WordClusters::Classes(std::string_view form, std::string& scratch) const {
  ClusterNormalForm(form, scratch);
  return index_.Get(HashBytes(scratch, kClusterSeed), 0);
}

Status WordClusters::Save(const std::string& path, std::string_view info) const {
  ByteWriter w;
  w.Str(info);
  w.U32(kClusterLevels);
  for (int c : classes_) w.U32(static_cast<uint32_t>(c));
  index_.Save(w);
  return WriteModelFile(path, kClustersMagic, kClustersVersion, w.bytes());
}

StatusOr<WordClusters> WordClusters::Parse(std::string_view bytes) {
  uint32_t version = 0;
  DYAD_ASSIGN_OR_RETURN(std::string_view payload,
                        OpenModelBytes(bytes, kClustersMagic, kClustersVersion, kClustersVersion, &version));
  ByteReader r(payload);
  WordClusters out;
  r.Str();
  if (r.U32() != kClusterLevels) return DataLossError("word clusters: wrong number of levels");
  for (int& c : out.classes_) {
    c = static_cast<int>(r.U32());
    if (c < 1 || c > kMaxClasses) return DataLossError("word clusters: bad class count");
  }
  if (!r.ok() || !out.index_.Load(r)) return DataLossError("word clusters: bad word index");
  if (!r.at_end()) return DataLossError("word clusters: trailing bytes");
  return out;
}

StatusOr<WordClusters> WordClusters::Load(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string bytes, ReadFileBytes(path));  // names the file
  StatusOr<WordClusters> clusters = Parse(bytes);
  if (!clusters.ok()) return clusters.status().WithContext(path);
  return clusters;
}

}  // namespace dyad::nlp
