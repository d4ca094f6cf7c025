// Binary model files: a checked envelope and little-endian field coding.
//
// Every nlp model file is
//   magic        8 bytes, e.g. "DYADTAGR" (tagger) or "DYADPARS" (parser)
//   version      u32
//   payload_size u64
//   payload      payload_size bytes, written field by field with ByteWriter
//   crc32        u32, CRC-32 (IEEE, as zlib) of every byte before it
// All integers are fixed-width little-endian, floats are IEEE-754 binary32 bit patterns. The
// reader rejects a wrong magic, a version outside [oldest, latest], a size or checksum mismatch,
// and payload bytes left over after the model has read its fields. See doc/model-format.md.
#ifndef DYAD_NLP_MODEL_IO_H_
#define DYAD_NLP_MODEL_IO_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::nlp {

uint32_t Crc32(std::string_view bytes, uint32_t crc = 0);

class ByteWriter {
 public:
  void U8(uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { for (int i = 0; i < 2; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void U32(uint32_t v) { for (int i = 0; i < 4; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void U64(uint64_t v) { for (int i = 0; i < 8; ++i) U8(static_cast<uint8_t>(v >> (8 * i))); }
  void F32(float v);
  // u32 length, then the bytes.
  void Str(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    bytes_.append(s);
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

// Reads fields from a payload; the first failure (reading past the end) sticks, and every later
// read returns zeros, so a loader checks ok() once after a group of fields.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  uint8_t U8() {
    if (pos_ >= bytes_.size()) { ok_ = false; return 0; }
    return static_cast<uint8_t>(bytes_[pos_++]);
  }
  uint16_t U16() { return static_cast<uint16_t>(Little(2)); }
  uint32_t U32() { return static_cast<uint32_t>(Little(4)); }
  uint64_t U64() { return Little(8); }
  float F32();
  std::string Str();
  // The next n bytes (empty, and the reader failed, when fewer remain).
  std::string_view Bytes(uint64_t n) {
    if (!Expect(n, 1)) return {};
    std::string_view v = bytes_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  // Fails unless at least `count * bytes_each` bytes remain, so a corrupt count cannot make a
  // loader allocate gigabytes.
  bool Expect(uint64_t count, uint64_t bytes_each) {
    if (bytes_each != 0 && count > (bytes_.size() - pos_) / bytes_each) ok_ = false;
    return ok_;
  }

  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  uint64_t Little(int n) {
    if (bytes_.size() - pos_ < static_cast<size_t>(n)) { ok_ = false; pos_ = bytes_.size(); return 0; }
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[pos_ + i])) << (8 * i);
    pos_ += n;
    return v;
  }

  std::string_view bytes_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// `payload` wrapped in the envelope.
std::string ModelFileBytes(std::string_view magic, uint32_t version, std::string_view payload);

// Wraps `payload` in the envelope and writes it to `path` atomically enough for a CLI (write,
// then close; errors as kUnavailable).
Status WriteModelFile(const std::string& path, std::string_view magic, uint32_t version,
                      std::string_view payload);

// Checks the envelope of `bytes` and returns the payload view (into `bytes`) and its version.
StatusOr<std::string_view> OpenModelBytes(std::string_view bytes, std::string_view magic,
                                          uint32_t oldest, uint32_t latest, uint32_t* version);

// Reads a whole file (kNotFound when missing).
StatusOr<std::string> ReadFileBytes(const std::string& path);
// Writes `bytes` as the whole file (kUnavailable when it cannot).
Status WriteFileBytes(const std::string& path, std::string_view bytes);

}  // namespace dyad::nlp

#endif  // DYAD_NLP_MODEL_IO_H_
