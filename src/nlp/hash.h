// Hashing of strings and feature tuples for the nlp models.
//
// Features are never stored as strings: a feature is the 64-bit hash of its template id and its
// values (word hashes, tag ids), so extracting one costs a few multiplies and no allocation. The
// functions below are part of the model format (weights are keyed by these hashes): changing any
// of them requires a new model format version. Strings: FNV-1a 64 followed by the MurmurHash3
// finalizer (FNV alone mixes the last bytes poorly, and suffix features differ only there).
#ifndef DYAD_NLP_HASH_H_
#define DYAD_NLP_HASH_H_

#include <cstdint>
#include <string_view>

namespace dyad::nlp {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// The seed is mixed before use: seeds that differ in their low byte only must not be cancelled
// by the first byte of the string (seed 1 + "a" would otherwise equal seed 2 + "b").
inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ Mix64(seed + 0x9e3779b97f4a7c15ULL);
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

// Order-sensitive combination of a hash with one more value.
inline uint64_t HashCombine(uint64_t h, uint64_t v) {
  return Mix64(h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

// Feature hashes: template id `t` with one, two or three values. A multiply-xor chain with one
// final mix: features are computed ~100 times per token, so they must cost a few cycles each
// (a full Mix64 per value made feature extraction the parser's largest cost).
inline uint64_t FeatureStep(uint64_t h, uint64_t v) { return (h ^ v) * 0x9e3779b97f4a7c15ULL; }
inline uint64_t FeatureFinish(uint64_t h) {
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 29);
}
inline uint64_t FeatureSeed(uint32_t t) { return (t + 1) * 0xd6e8feb86659fd93ULL; }
inline uint64_t Feature(uint32_t t, uint64_t a) { return FeatureFinish(FeatureStep(FeatureSeed(t), a)); }
inline uint64_t Feature(uint32_t t, uint64_t a, uint64_t b) {
  return FeatureFinish(FeatureStep(FeatureStep(FeatureSeed(t), a), b));
}
inline uint64_t Feature(uint32_t t, uint64_t a, uint64_t b, uint64_t c) {
  return FeatureFinish(FeatureStep(FeatureStep(FeatureStep(FeatureSeed(t), a), b), c));
}

}  // namespace dyad::nlp

#endif  // DYAD_NLP_HASH_H_
