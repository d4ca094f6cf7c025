// Averaged perceptron over hashed features: a trainer and the compact weights used at run time.
//
// Training (PerceptronTrainer) keeps, per feature hash, a short list of (class, weight, sum)
// entries: perceptron rows are sparse (a suffix feature touches a handful of the 70 tag
// classes), so lists cost ~5x less memory than dense rows. Averaging uses the "w - u/c" trick
// (Daume 2006): an update of d at step c adds d to w and c*d to u, and the average after c steps
// is w - u/c, so nothing is touched for features that are not updated.
//
// At run time (SparseWeights) features live in an open-addressing table of 8-byte slots
// {32-bit fingerprint, first entry}; a feature's entries are 4 bytes each {int16 weight, u8
// class}. Averaged weights are quantized to int16 with one scale per model (scores are only
// compared, so the scale never needs undoing) and entries that round to 0 are dropped: on EWT
// this keeps ~30% of the entries at no measurable accuracy cost. Score() hashes all features
// first and prefetches their slots, so the cache misses of one token overlap instead of adding.
// SparseWeights is immutable after construction and safe to share between threads.
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
  size_t num_entries() const { return entries_.size(); }

  // scores[c] += weight(f, c) for every feature f. REQUIRES: scores has num_classes() zeros or
  // running sums.
  void Score(std::span<const uint64_t> features, int32_t* scores) const;

  void Save(ByteWriter& w) const;
  // False (and the reader marked failed) on inconsistent data. Entries with |weight| <
  // min_weight are dropped (a smaller, faster, slightly less accurate model).
  bool Load(ByteReader& r, int min_weight = 1);

 private:
  friend class PerceptronTrainer;
  struct Slot {
    uint32_t fingerprint;  // 0 = empty
    uint32_t begin;        // first entry; the next slot's begin ends the range
  };
  struct Entry {
    int16_t weight;
    uint8_t cls;
    uint8_t unused;
  };
  // Models with <= 4 classes (the parser's transitions) keep all weights in the slot: one cache
  // miss per feature instead of two.
  struct DenseSlot {
    uint32_t fingerprint;
    int16_t weight[4];
  };
  static_assert(sizeof(Slot) == 8 && sizeof(Entry) == 4 && sizeof(DenseSlot) == 12);
  void MakeDense();

  // Builds the table from (hash, entries) pairs in any order, dropping entries with
  // |weight| < min_weight and features left without entries.
  void Build(std::vector<std::pair<uint64_t, std::vector<Entry>>>& rows, int min_weight = 1);
  const Slot* Find(uint64_t h) const;

  int num_classes_ = 0;
  size_t num_features_ = 0;
  uint64_t mask_ = 0;
  HugeVector<uint64_t> keys_;  // full feature hash per slot (0 = empty), for Save
  HugeVector<Slot> slots_;  // mask_ + 2 slots: the last one only ends the previous range
  HugeVector<Entry> entries_;
  HugeVector<DenseSlot> dense_;  // used instead of slots_/entries_ when num_classes_ <= 4
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
// Immutable after Build(); safe to share between threads.
class HashIndex {
 public:
  void Build(const std::vector<std::pair<uint64_t, uint32_t>>& items);
  // Value of `key`, or `missing`.
  uint32_t Get(uint64_t key, uint32_t missing = UINT32_MAX) const;
  size_t size() const { return size_; }

  template <typename Fn>
  void ForEachValue(Fn&& fn) const {
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != 0) fn(values_[i]);
    }
  }

  void Save(ByteWriter& w) const;
  bool Load(ByteReader& r);

 private:
  uint64_t mask_ = 0;
  size_t size_ = 0;
  HugeVector<uint64_t> keys_;  // 0 = empty (keys are remapped away from 0)
  HugeVector<uint32_t> values_;
};

}  // namespace dyad::nlp

#endif  // DYAD_NLP_PERCEPTRON_H_
