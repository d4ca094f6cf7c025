#include "nlp/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>

namespace dyad::nlp {

namespace {

uint32_t Fingerprint(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }

uint64_t TableMask(size_t items) {
  // Load factor <= 0.5 keeps linear probes short (1.5 slots on average for hits).
  size_t size = 16;
  while (size < items * 2) size <<= 1;
  return size - 1;
}

constexpr size_t kMaxBatch = 128;

}  // namespace

void* AllocateHuge(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (bytes < kHuge) return std::malloc(std::max<size_t>(bytes, 1));
  size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (p != nullptr) madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure only costs speed
  return p;
}

void SparseWeights::MakeDense() {
  dense_.clear();
  if (num_classes_ > 4 || slots_.empty()) return;
  dense_.assign(mask_ + 1, DenseSlot{0, {0, 0, 0, 0}});
  for (uint64_t i = 0; i <= mask_; ++i) {
    dense_[i].fingerprint = slots_[i].fingerprint;
    for (uint32_t e = slots_[i].begin; e < slots_[i + 1].begin; ++e) {
      dense_[i].weight[entries_[e].cls] = entries_[e].weight;
    }
  }
}

const SparseWeights::Slot* SparseWeights::Find(uint64_t h) const {
  if (slots_.empty()) return nullptr;
  const uint32_t fp = Fingerprint(h);
  uint64_t i = h & mask_;
  while (true) {
    const Slot& s = slots_[i];
    if (s.fingerprint == fp) return &s;
    if (s.fingerprint == 0) return nullptr;
    i = (i + 1) & mask_;
  }
}

void SparseWeights::Score(std::span<const uint64_t> features, int32_t* scores) const {
  if (!dense_.empty()) {
    for (uint64_t h : features) __builtin_prefetch(&dense_[h & mask_]);
    for (uint64_t h : features) {
      const uint32_t fp = Fingerprint(h);
      for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
        const DenseSlot& s = dense_[i];
        if (s.fingerprint == fp) {
          for (int c = 0; c < num_classes_; ++c) scores[c] += s.weight[c];
          break;
        }
        if (s.fingerprint == 0) break;
      }
    }
    return;
  }
  if (slots_.empty()) return;
  // Prefetch every slot first: a token's ~40 features then miss the cache in parallel.
  for (uint64_t h : features) __builtin_prefetch(&slots_[h & mask_]);
  const Slot* found[kMaxBatch];
  size_t n = 0;
  for (size_t k = 0; k < features.size(); ++k) {
    const Slot* s = Find(features[k]);
    if (s != nullptr && s[1].begin != s->begin) {
      __builtin_prefetch(&entries_[s->begin]);
      found[n++] = s;
      if (n == kMaxBatch) {
        for (size_t j = 0; j < n; ++j) {
          for (uint32_t e = found[j]->begin; e < found[j][1].begin; ++e) scores[entries_[e].cls] += entries_[e].weight;
        }
        n = 0;
      }
    }
  }
  for (size_t j = 0; j < n; ++j) {
    for (uint32_t e = found[j]->begin, end = found[j][1].begin; e < end; ++e) {
      scores[entries_[e].cls] += entries_[e].weight;
    }
  }
}

void SparseWeights::Build(std::vector<std::pair<uint64_t, std::vector<Entry>>>& rows, int min_weight) {
  for (auto& row : rows) {
    std::erase_if(row.second, [min_weight](const Entry& e) { return std::abs(e.weight) < min_weight; });
  }
  std::erase_if(rows, [](const auto& row) { return row.second.empty(); });
  num_features_ = rows.size();
  mask_ = TableMask(rows.size());
  slots_.assign(mask_ + 2, Slot{0, 0});
  keys_.assign(mask_ + 1, 0);
  std::vector<int64_t> row_of(mask_ + 1, -1);
  // Insert in hash order so the table does not depend on the order rows came in.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t r = 0; r < rows.size(); ++r) {
    uint64_t i = rows[r].first & mask_;
    while (slots_[i].fingerprint != 0) i = (i + 1) & mask_;
    slots_[i].fingerprint = Fingerprint(rows[r].first);
    keys_[i] = rows[r].first;
    row_of[i] = static_cast<int64_t>(r);
  }
  entries_.clear();
  for (uint64_t i = 0; i <= mask_; ++i) {
    slots_[i].begin = static_cast<uint32_t>(entries_.size());
    if (row_of[i] >= 0) {
      for (const Entry& e : rows[row_of[i]].second) entries_.push_back(e);
    }
  }
  slots_[mask_ + 1].begin = static_cast<uint32_t>(entries_.size());
  MakeDense();
}

void SparseWeights::Save(ByteWriter& w) const {
  w.U32(static_cast<uint32_t>(num_classes_));
  w.U64(num_features_);
  w.U64(entries_.size());
  // Features in slot order: full hash, entry count, then the entries {i16 weight, u8 class}.
  for (uint64_t i = 0; i + 1 < slots_.size(); ++i) {
    if (slots_[i].fingerprint == 0) continue;
    w.U64(keys_[i]);
    w.U16(static_cast<uint16_t>(slots_[i + 1].begin - slots_[i].begin));
    for (uint32_t e = slots_[i].begin; e < slots_[i + 1].begin; ++e) {
      w.U16(static_cast<uint16_t>(entries_[e].weight));
      w.U8(entries_[e].cls);
    }
  }
}

bool SparseWeights::Load(ByteReader& r, int min_weight) {
  num_classes_ = static_cast<int>(r.U32());
  uint64_t features = r.U64();
  uint64_t entries = r.U64();
  if (!r.ok() || num_classes_ <= 0 || num_classes_ > 256 || !r.Expect(features, 10) ||
      !r.Expect(entries, 3)) {
    return false;
  }
  std::vector<std::pair<uint64_t, std::vector<Entry>>> rows(features);
  uint64_t total = 0;
  for (auto& [hash, row] : rows) {
    hash = r.U64();
    uint16_t count = r.U16();
    total += count;
    if (!r.ok() || count == 0 || count > num_classes_ || total > entries) return false;
    row.resize(count);
    for (Entry& e : row) {
      e.weight = static_cast<int16_t>(r.U16());
      e.cls = r.U8();
      e.unused = 0;
      if (e.cls >= num_classes_) return false;
    }
  }
  if (!r.ok() || total != entries) return false;
  // Duplicate hashes would make the table ambiguous: reject.
  std::vector<uint64_t> hashes;
  hashes.reserve(rows.size());
  for (const auto& row : rows) hashes.push_back(row.first);
  std::sort(hashes.begin(), hashes.end());
  if (std::adjacent_find(hashes.begin(), hashes.end()) != hashes.end()) return false;
  Build(rows, min_weight);
  return true;
}

void PerceptronTrainer::Score(std::span<const uint64_t> features, float* scores, bool averaged) const {
  const double inv = 1.0 / static_cast<double>(step_);
  for (uint64_t f : features) {
    auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    if (averaged) {
      for (const Entry& e : it->second) scores[e.cls] += static_cast<float>(e.w - e.u * inv);
    } else {
      for (const Entry& e : it->second) scores[e.cls] += e.w;
    }
  }
}

void PerceptronTrainer::Update(std::span<const uint64_t> features, int cls, float delta) {
  for (uint64_t f : features) {
    std::vector<Entry>& row = rows_[f];
    auto it = std::find_if(row.begin(), row.end(), [cls](const Entry& e) { return e.cls == cls; });
    if (it == row.end()) {
      row.push_back(Entry{static_cast<uint16_t>(cls), 0.0f, 0.0});
      it = row.end() - 1;
    }
    it->w += delta;
    it->u += static_cast<double>(step_) * delta;
  }
}

SparseWeights PerceptronTrainer::Finish(int min_weight) const {
  const double inv = 1.0 / static_cast<double>(step_);
  double max_abs = 0;
  for (const auto& [f, row] : rows_) {
    for (const Entry& e : row) max_abs = std::max(max_abs, std::fabs(e.w - e.u * inv));
  }
  // int16 with headroom: 40 features * 32767 still fits an int32 sum many times over.
  const double scale = max_abs > 0 ? 32000.0 / max_abs : 1.0;
  std::vector<std::pair<uint64_t, std::vector<SparseWeights::Entry>>> rows;
  rows.reserve(rows_.size());
  for (const auto& [f, row] : rows_) {
    std::vector<SparseWeights::Entry> entries;
    for (const Entry& e : row) {
      long q = std::lround((e.w - e.u * inv) * scale);
      if (q != 0) entries.push_back({static_cast<int16_t>(q), static_cast<uint8_t>(e.cls), 0});
    }
    if (entries.empty()) continue;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.cls < b.cls; });
    rows.emplace_back(f, std::move(entries));
  }
  SparseWeights out;
  out.num_classes_ = num_classes_;
  out.Build(rows, min_weight);
  return out;
}

void HashIndex::Build(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
  size_ = items.size();
  mask_ = TableMask(items.size());
  keys_.assign(mask_ + 1, 0);
  values_.assign(mask_ + 1, 0);
  for (const auto& [key, value] : items) {
    uint64_t k = key == 0 ? 1 : key;
    uint64_t i = k & mask_;
    while (keys_[i] != 0 && keys_[i] != k) i = (i + 1) & mask_;
    keys_[i] = k;
    values_[i] = value;
  }
}

uint32_t HashIndex::Get(uint64_t key, uint32_t missing) const {
  if (keys_.empty()) return missing;
  uint64_t k = key == 0 ? 1 : key;
  uint64_t i = k & mask_;
  while (true) {
    if (keys_[i] == k) return values_[i];
    if (keys_[i] == 0) return missing;
    i = (i + 1) & mask_;
  }
}

void HashIndex::Save(ByteWriter& w) const {
  w.U64(size_);
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] == 0) continue;
    w.U64(keys_[i]);
    w.U32(values_[i]);
  }
}

bool HashIndex::Load(ByteReader& r) {
  uint64_t n = r.U64();
  if (!r.Expect(n, 12)) return false;
  std::vector<std::pair<uint64_t, uint32_t>> items(n);
  for (auto& [k, v] : items) {
    k = r.U64();
    v = r.U32();
  }
  if (!r.ok()) return false;
  Build(items);
  return size_ == n;
}

}  // namespace dyad::nlp
