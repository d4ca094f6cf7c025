#include "nlp/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>

#include "nlp/hash.h"

namespace dyad::nlp {

namespace {

uint64_t TableMask(size_t items) {
  // Load factor <= 0.5 keeps linear probes short (1.5 slots on average for hits).
  size_t size = 16;
  while (size < items * 2) size <<= 1;
  return size - 1;
}

// The slot holding key `h`, or the empty slot ending its probe (tables always have one: the
// load factor is <= 0.5). A key's home slot is its top bits (h >> shift), so keys inserted in
// ascending order fill the table front to back: loading writes memory sequentially instead of
// missing the cache once per feature.
template <typename S>
uint64_t Probe(const HugeVector<S>& table, uint64_t mask, int shift, uint64_t h) {
  uint64_t i = h >> shift;
  while (table[i].key != h && table[i].key != 0) i = (i + 1) & mask;
  return i;
}

constexpr size_t kMaxBatch = 128;

// ScoreCache size: the largest power of two of entries within 2 MB (a core's L2 cache here), at
// most kMaxCachedGroups: 4096 words of the tagger's 70 classes take 1.1 MB (8192 measured no
// faster).
constexpr size_t kCacheBytes = size_t{1} << 21, kMaxCachedGroups = 16384;

// Source of SparseWeights::id(): 0 is never given out, so a new ScoreCache matches no weights.
std::atomic<uint64_t> next_weights_id{1};

}  // namespace

void* AllocateHuge(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  // Cache-line aligned: a 32-byte table slot must not straddle two lines.
  if (bytes < kHuge) return std::aligned_alloc(64, (std::max<size_t>(bytes, 1) + 63) / 64 * 64);
  size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (p != nullptr) madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure only costs speed
  return p;
}

void SparseWeights::Prefetch(std::span<const uint64_t> features) const {
  if (dense()) {
    if (!dense_.empty()) for (uint64_t h : features) __builtin_prefetch(&dense_[h >> shift_]);
  } else if (!slots_.empty()) {
    for (uint64_t h : features) __builtin_prefetch(&slots_[h >> shift_]);
  }
}

void SparseWeights::Score(std::span<const uint64_t> features, int32_t* scores) const {
  Prefetch(features);
  if (dense()) {
    if (dense_.empty()) return;
    for (uint64_t h : features) {
      // A feature hashing to 0 ends on an empty slot, whose weights are all 0: harmless.
      const DenseSlot& s = dense_[Probe(dense_, mask_, shift_, h)];
      for (int c = 0; c < num_classes_; ++c) scores[c] += s.weight[c];
    }
    return;
  }
  if (slots_.empty()) return;
  const Slot* found[kMaxBatch];
  size_t n = 0;
  auto flush = [&] {
    for (size_t j = 0; j < n; ++j) {
      const Entry* e = &entries_[found[j]->begin];
      for (uint32_t k = kInline; k < found[j]->count; ++k, ++e) scores[e->cls] += e->weight;
    }
    n = 0;
  };
  for (uint64_t h : features) {
    const Slot& s = slots_[Probe(slots_, mask_, shift_, h)];
    const int inline_count = std::min<int>(s.count, kInline);  // 0 in an empty slot (not found)
    for (int k = 0; k < inline_count; ++k) scores[s.cls[k]] += s.weight[k];
    if (s.count <= kInline) continue;
    __builtin_prefetch(&entries_[s.begin]);
    found[n++] = &s;
    if (n == kMaxBatch) flush();
  }
  flush();
}

void ScoreCache::Add(const SparseWeights& weights, std::span<const uint64_t> features, int32_t* scores) {
  if (weights_id_ != weights.id() || keys_.empty()) {
    weights_id_ = weights.id();
    classes_ = static_cast<size_t>(std::max(weights.num_classes(), 1));
    const size_t entries = std::min(kMaxCachedGroups, std::bit_floor(kCacheBytes / (sizeof(int32_t) * classes_)));
    mask_ = entries - 1;
    keys_.assign(entries, 0);
    sums_.assign(entries * classes_, 0);
  }
  uint64_t key = 0;
  for (uint64_t f : features) key = FeatureStep(key, f);
  key = FeatureFinish(key);
  const size_t i = (key >> 32) & mask_;  // high bits: the low bit is set just below
  key |= 1;                               // never 0, the empty mark
  int32_t* sums = &sums_[i * classes_];
  if (keys_[i] != key) {
    keys_[i] = key;
    std::fill_n(sums, classes_, 0);
    weights.Score(features, sums);
  }
  for (size_t c = 0; c < classes_; ++c) scores[c] += sums[c];
}

template <typename EachRow>
bool SparseWeights::Build(EachRow&& each_row, int min_weight) {
  auto kept = [min_weight](const Entry& e) { return std::abs(e.weight) >= min_weight; };
  // Pass 1 validates (each_row returns false on bad data) and sizes the tables.
  size_t features = 0, overflow = 0;  // entries beyond a slot's kInline
  bool ok = each_row([&](uint64_t, const Entry* first, uint32_t count) {
    size_t k = std::count_if(first, first + count, kept);
    features += k > 0;
    overflow += k > kInline ? k - kInline : 0;
  });
  if (!ok) return false;
  num_features_ = features;
  id_ = next_weights_id.fetch_add(1, std::memory_order_relaxed);
  mask_ = TableMask(features);
  shift_ = 64 - std::popcount(mask_);
  slots_.clear();
  entries_.clear();
  dense_.clear();
  if (dense()) {
    dense_.assign(mask_ + 1, DenseSlot{0, {0, 0, 0, 0}});
  } else {
    slots_.assign(mask_ + 1, Slot{});
    entries_.reserve(overflow);
  }
  // Pass 2 inserts. Rows come in ascending hash order, so the table layout does not depend on
  // how they were produced (trainer, this format or an older one).
  return each_row([&](uint64_t hash, const Entry* first, uint32_t count) {
    const Entry* last = first + count;
    if (std::none_of(first, last, kept)) return;
    if (dense()) {
      DenseSlot& s = dense_[Probe(dense_, mask_, shift_, hash)];
      s.key = hash;
      for (const Entry* e = first; e != last; ++e) s.weight[e->cls] = kept(*e) ? e->weight : 0;
    } else {
      Slot& s = slots_[Probe(slots_, mask_, shift_, hash)];
      s = Slot{};
      s.key = hash;
      s.begin = static_cast<uint32_t>(entries_.size());
      for (const Entry* e = first; e != last; ++e) {
        if (!kept(*e)) continue;
        if (s.count < kInline) {
          s.cls[s.count] = e->cls;
          s.weight[s.count] = e->weight;
        } else {
          entries_.push_back(*e);
        }
        ++s.count;
      }
    }
  });
}

bool SparseWeights::BuildFromRows(const std::vector<Row>& rows, const std::vector<Entry>& entries, int min_weight) {
  return Build(
      [&](auto&& fn) {
        for (const Row& row : rows) fn(row.hash, &entries[row.begin], row.count);
        return true;
      },
      min_weight);
}

void SparseWeights::Save(ByteWriter& w) const {
  // Occupied slots in ascending hash order, each with its entries in ascending class order.
  std::vector<std::pair<uint64_t, uint64_t>> order;  // (hash, slot)
  order.reserve(num_features_);
  std::vector<Entry> entries;
  auto entries_of = [&](uint64_t i) {
    entries.clear();
    if (dense()) {
      for (int c = 0; c < num_classes_; ++c) {
        if (dense_[i].weight[c] != 0) entries.push_back({dense_[i].weight[c], static_cast<uint8_t>(c), 0});
      }
    } else {
      const Slot& s = slots_[i];
      for (int k = 0; k < std::min<int>(s.count, kInline); ++k) entries.push_back({s.weight[k], s.cls[k], 0});
      if (s.count > kInline) entries.insert(entries.end(), &entries_[s.begin], &entries_[s.begin] + s.count - kInline);
    }
  };
  uint64_t total = 0;
  for (uint64_t i = 0; i <= mask_ && num_features_ > 0; ++i) {
    uint64_t key = dense() ? dense_[i].key : slots_[i].key;
    if (key == 0) continue;
    order.emplace_back(key, i);
    entries_of(i);
    total += entries.size();
  }
  std::sort(order.begin(), order.end());
  w.U32(static_cast<uint32_t>(num_classes_));
  w.U64(order.size());
  w.U64(total);
  for (const auto& [hash, slot] : order) w.U64(hash);
  for (const auto& [hash, slot] : order) {
    entries_of(slot);
    w.U8(static_cast<uint8_t>(entries.size()));
  }
  for (const auto& [hash, slot] : order) {
    entries_of(slot);
    for (const Entry& e : entries) {
      w.U16(static_cast<uint16_t>(e.weight));
      w.U8(e.cls);
    }
  }
}

bool SparseWeights::Load(ByteReader& r, uint32_t version, int min_weight) {
  num_classes_ = static_cast<int>(r.U32());
  const uint64_t features = r.U64();
  const uint64_t total = r.U64();
  // Every feature has 1..classes entries of 3 bytes, plus 9 (version 3) or 10 bytes of its own.
  if (!r.ok() || num_classes_ <= 0 || num_classes_ > 255 || !r.Expect(features, 12) ||
      !r.Expect(total, 3) || total < features || total > features * num_classes_) {
    return false;
  }
  const auto classes = static_cast<uint32_t>(num_classes_);
  // Decodes `count` entries at p into out; false unless classes ascend (in range, none twice).
  auto decode_entries = [classes](const unsigned char* p, uint32_t count, Entry* out) {
    for (uint32_t k = 0; k < count; ++k, p += 3) {
      out[k] = Entry{static_cast<int16_t>(p[0] | p[1] << 8), p[2], 0};
      if (p[2] >= classes || (k > 0 && p[2] <= out[k - 1].cls)) return false;
    }
    return true;
  };
  if (version >= 3) {
    // Hashes (ascending, so distinct), then counts, then entries: decoded straight from the
    // payload into the table, twice (Build's passes) rather than into temporary arrays.
    const auto* hashes = reinterpret_cast<const unsigned char*>(r.Bytes(8 * features).data());
    const auto* counts = reinterpret_cast<const unsigned char*>(r.Bytes(features).data());
    const auto* entries = reinterpret_cast<const unsigned char*>(r.Bytes(3 * total).data());
    if (!r.ok()) return false;
    return Build(
        [&](auto&& fn) {
          Entry row[256];
          uint64_t prev = 0, next = 0;
          for (uint64_t i = 0; i < features; ++i) {
            uint64_t hash = 0;
            for (int b = 7; b >= 0; --b) hash = hash << 8 | hashes[8 * i + b];
            const uint32_t count = counts[i];
            if (hash <= prev || count == 0 || count > classes || count > total - next) return false;
            if (!decode_entries(entries + 3 * next, count, row)) return false;
            prev = hash;
            next += count;
            fn(hash, row, count);
          }
          return next == total;
        },
        min_weight);
  }
  // Versions 1-2: per feature {u64 hash, u16 count, entries}, in the writer's slot order: read
  // into rows, sorted by hash.
  std::vector<Row> rows(features);
  std::vector<Entry> entries(total);
  uint64_t next = 0;
  for (Row& row : rows) {
    row.hash = r.U64();
    row.count = r.U16();
    row.begin = static_cast<uint32_t>(next);
    if (!r.ok() || row.hash == 0 || row.count == 0 || row.count > classes || row.count > total - next) return false;
    std::string_view bytes = r.Bytes(3 * row.count);
    if (!r.ok() || !decode_entries(reinterpret_cast<const unsigned char*>(bytes.data()), row.count, &entries[next])) {
      return false;
    }
    next += row.count;
  }
  if (next != total) return false;
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.hash < b.hash; });
  // Duplicate hashes would make the table ambiguous: reject.
  auto same = [](const Row& a, const Row& b) { return a.hash == b.hash; };
  if (std::adjacent_find(rows.begin(), rows.end(), same) != rows.end()) return false;
  return BuildFromRows(rows, entries, min_weight);
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
  std::vector<SparseWeights::Row> rows;
  std::vector<SparseWeights::Entry> entries;
  rows.reserve(rows_.size());
  for (const auto& [f, row] : rows_) {
    if (f == 0) continue;  // 0 marks empty slots; one feature in 2^64 is not worth a special case
    const size_t begin = entries.size();
    for (const Entry& e : row) {
      long q = std::lround((e.w - e.u * inv) * scale);
      if (q != 0) entries.push_back({static_cast<int16_t>(q), static_cast<uint8_t>(e.cls), 0});
    }
    if (entries.size() == begin) continue;
    std::sort(entries.begin() + begin, entries.end(), [](const auto& a, const auto& b) { return a.cls < b.cls; });
    rows.push_back({f, static_cast<uint32_t>(begin), static_cast<uint32_t>(entries.size() - begin)});
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.hash < b.hash; });
  SparseWeights out;
  out.num_classes_ = num_classes_;
  out.BuildFromRows(rows, entries, min_weight);
  return out;
}

void HashIndex::Build(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
  size_ = items.size();
  mask_ = TableMask(items.size());
  items_.assign(mask_ + 1, Item{0, 0});
  for (const auto& [key, value] : items) {
    uint64_t k = key == 0 ? 1 : key;
    uint64_t i = k & mask_;
    while (items_[i].key != 0 && items_[i].key != k) i = (i + 1) & mask_;
    items_[i] = Item{k, value};
  }
}

uint32_t HashIndex::Get(uint64_t key, uint32_t missing) const {
  if (items_.empty()) return missing;
  uint64_t k = key == 0 ? 1 : key;
  uint64_t i = k & mask_;
  while (true) {
    if (items_[i].key == k) return items_[i].value;
    if (items_[i].key == 0) return missing;
    i = (i + 1) & mask_;
  }
}

void HashIndex::Save(ByteWriter& w) const {
  w.U64(size_);
  for (const Item& item : items_) {
    if (item.key == 0) continue;
    w.U64(item.key);
    w.U32(item.value);
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
