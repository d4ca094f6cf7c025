// Averaged perceptron over hashed features: a trainer and the compact weights used at run time.
//
// Training (PerceptronTrainer) keeps, per feature hash, a short list of (class, weight, sum)
// entries: perceptron rows are sparse (a suffix feature touches a handful of the 70 tag
// classes), so lists cost ~5x less memory than dense rows. Averaging uses the "w - u/c" trick
// (Daume 2006): an update of d at step c adds d to w and c*d to u, and the average after c steps
// is w - u/c, so nothing is touched for features that are not updated.
//
// At run time (SparseWeights) features live in one open-addressing table keyed by the full
// 64-bit feature hash. Slots are 32 bytes (two per cache line): {hash, entry count, the first 6
// entries, index of the others}, other entries 4 bytes each {int16 weight, u8 class}. Every
// update touches two classes (+1 gold, -1 predicted), so nearly all features have >= 2 entries
// and ~90% of tagger and label features have <= 6: one cache miss per feature instead of two.
// Models with <= 4 classes (the parser's transitions) keep their weights in a 16-byte slot
// {hash, int16 weight[4]}.
// There is exactly one copy of each table (no separate key array or sparse/dense twins): the
// full hash in the slot is what Save writes back. Averaged weights are quantized to int16 with
// one scale per model (scores are only compared, so the scale never needs undoing) and entries
// that round to 0 are dropped: on EWT this keeps ~30% of the entries at no measurable accuracy
// cost. Score() hashes all features first and prefetches their slots, so the cache misses of one
// token overlap instead of adding. SparseWeights is immutable after construction and safe to
// share between threads.
#ifndef DYAD_NLP_PERCEPTRON_H_
#define DYAD_NLP_PERCEPTRON_H_

#include <cstdint>
#include <cstdlib>
#include <new>
#include <span>
#include <unordered_map>
#include <vector>

#include "nlp/model_io.h"

namespace dyad::nlp {

// Allocates large arrays on 2 MB boundaries and asks for transparent huge pages: model tables
// are read at random, and with 4 KB pages nearly every lookup also missed the TLB (measured:
// ~25% of parse time).
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocator rebinding
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { std::free(p); }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

template <typename T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

void* AllocateHuge(size_t bytes);

template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  void* p = AllocateHuge(n * sizeof(T));
  if (p == nullptr) throw std::bad_alloc();  // as std::allocator: out of memory is fatal
  return static_cast<T*>(p);
}

class SparseWeights {
 public:
  SparseWeights() = default;

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  // Distinct for every table built (Load, PerceptronTrainer::Finish); copies share it. Tells a
  // ScoreCache whether its sums are still those of these weights.
  uint64_t id() const { return id_; }

  // scores[c] += weight(f, c) for every feature f. REQUIRES: scores has num_classes() zeros or
  // running sums.
  void Score(std::span<const uint64_t> features, int32_t* scores) const;
  // Starts loading the table slots of `features`: scoring them soon after waits less, and one
  // call over several groups of features lets all their cache misses overlap.
  void Prefetch(std::span<const uint64_t> features) const;

  // Writes format version 3: features in ascending hash order (doc/model-format.md).
  void Save(ByteWriter& w) const;
  // Reads what Save wrote (`version` >= 3) or the version 1-2 layout. False (and the reader
  // marked failed) on inconsistent data. Entries with |weight| < min_weight are dropped (a
  // smaller, faster, slightly less accurate model).
  bool Load(ByteReader& r, uint32_t version, int min_weight = 1);

 private:
  friend class PerceptronTrainer;
  struct Entry {
    int16_t weight;
    uint8_t cls;
    uint8_t unused;
  };
  // A feature's first kInline entries sit in its slot, the others in
  // entries_[begin, begin + count - kInline).
  static constexpr int kInline = 6;
  struct Slot {
    uint64_t key;    // full feature hash; 0 = empty (a feature hashing to 0 is not stored)
    uint32_t begin;
    uint8_t count;   // entries in all
    uint8_t cls[kInline];
    uint8_t unused;
    int16_t weight[kInline];
  };
  struct DenseSlot {
    uint64_t key;
    int16_t weight[4];
  };
  static_assert(sizeof(Slot) == 32 && sizeof(Entry) == 4 && sizeof(DenseSlot) == 16);
  // A feature while building: its hash and its entries in `entries` of Build.
  struct Row {
    uint64_t hash;
    uint32_t begin, count;
  };

  bool dense() const { return num_classes_ <= 4; }
  // Builds the tables from the rows that each_row(fn) passes to fn(hash, entries, count), in
  // ascending hash order (distinct, nonzero), dropping entries with |weight| < min_weight and
  // features left without entries. each_row is called twice and returns false on bad data,
  // which Build returns.
  template <typename EachRow>
  bool Build(EachRow&& each_row, int min_weight);
  bool BuildFromRows(const std::vector<Row>& rows, const std::vector<Entry>& entries, int min_weight);

  int num_classes_ = 0;
  size_t num_features_ = 0;
  uint64_t id_ = 0;
  uint64_t mask_ = 0;  // table size - 1
  int shift_ = 64;     // 64 - log2(table size): a key's home slot is key >> shift_
  HugeVector<Slot> slots_;       // when !dense()
  HugeVector<Entry> entries_;
  HugeVector<DenseSlot> dense_;  // when dense()
};

// Summed scores of feature groups that recur as a whole (the features of a word that read the
// word alone): a group seen before costs one lookup in this small table instead of a table miss
// per feature. Keyed by a hash of the group's feature hashes, so a hit gives exactly the sums
// Score would (integers), whatever the features read. Direct-mapped (kCacheBytes in
// perceptron.cc sizes it); emptied when used with other weights. One per thread (it lives in a
// workspace).
class ScoreCache {
 public:
  // scores[c] += weight(f, c) for every f in `features`.
  void Add(const SparseWeights& weights, std::span<const uint64_t> features, int32_t* scores);

 private:
  uint64_t weights_id_ = 0;
  size_t classes_ = 0;
  uint64_t mask_ = 0;           // entries - 1
  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<int32_t> sums_;   // classes_ per entry
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }

  // scores[c] += w(f, c); with `averaged`, the running average instead of the current weights.
  void Score(std::span<const uint64_t> features, float* scores, bool averaged = false) const;
  // Adds `delta` to w(f, cls) for every feature f, at the current step.
  void Update(std::span<const uint64_t> features, int cls, float delta);
  // Advances the step counter (once per training example).
  void Tick() { ++step_; }

  // The averaged weights quantized to int16 (largest |weight| = 32000); entries whose quantized
  // |weight| is below `min_weight` are pruned.
  SparseWeights Finish(int min_weight = 1) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint16_t cls;
    float w;
    double u;
  };
  int num_classes_;
  uint64_t step_ = 1;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;
};

// Open-addressing map from 64-bit hashes to 32-bit values (tag dictionary, lemma lexicon).
// Keys and values share one array of 16-byte items, so a lookup misses the cache once instead
// of twice (a key array and a value array). Immutable after Build(); safe to share between
// threads.
class HashIndex {
 public:
  void Build(const std::vector<std::pair<uint64_t, uint32_t>>& items);
  // Value of `key`, or `missing`.
  uint32_t Get(uint64_t key, uint32_t missing = UINT32_MAX) const;
  size_t size() const { return size_; }

  template <typename Fn>
  void ForEachValue(Fn&& fn) const {
    for (const Item& item : items_) {
      if (item.key != 0) fn(item.value);
    }
  }

  void Save(ByteWriter& w) const;
  bool Load(ByteReader& r);

 private:
  struct Item {
    uint64_t key;  // 0 = empty (keys are remapped away from 0)
    uint32_t value;
  };
  static_assert(sizeof(Item) == 16);
  uint64_t mask_ = 0;
  size_t size_ = 0;
  HugeVector<Item> items_;
};

}  // namespace dyad::nlp

#endif  // DYAD_NLP_PERCEPTRON_H_
