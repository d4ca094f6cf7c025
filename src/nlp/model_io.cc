#include "nlp/model_io.h"

#include <array>
#include <bit>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>

#include <fmt/format.h>

namespace dyad::nlp {

namespace {

// Slicing-by-8 tables: t[0] is the classic byte table, t[k][b] the CRC of byte b followed by k
// zero bytes, so eight bytes fold in with eight independent lookups instead of a chain of eight
// (the checksum of a 20 MB model took ~70 ms byte by byte).
using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

CrcTables MakeCrcTables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i) {
    for (int k = 1; k < 8; ++k) t[k][i] = t[0][t[k - 1][i] & 0xff] ^ (t[k - 1][i] >> 8);
  }
  return t;
}

}  // namespace

uint32_t Crc32(std::string_view bytes, uint32_t crc) {
  static const CrcTables t = MakeCrcTables();
  crc = ~crc;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  for (; n >= 8; p += 8, n -= 8) {
    const uint32_t lo = crc ^ (p[0] | p[1] << 8 | p[2] << 16 | static_cast<uint32_t>(p[3]) << 24);
    crc = t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^ t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^
          t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
  }
  for (; n > 0; ++p, --n) crc = t[0][(crc ^ *p) & 0xff] ^ (crc >> 8);
  return ~crc;
}

void ByteWriter::F32(float v) { U32(std::bit_cast<uint32_t>(v)); }

float ByteReader::F32() { return std::bit_cast<float>(U32()); }

std::string ByteReader::Str() { return std::string(Bytes(U32())); }

std::string ModelFileBytes(std::string_view magic, uint32_t version, std::string_view payload) {
  ByteWriter head;
  std::string file(magic.substr(0, 8));
  file.resize(8, '\0');
  head.U32(version);
  head.U64(payload.size());
  file += head.bytes();
  file.append(payload);
  ByteWriter tail;
  tail.U32(Crc32(file));
  file += tail.bytes();
  return file;
}

Status WriteModelFile(const std::string& path, std::string_view magic, uint32_t version,
                      std::string_view payload) {
  return WriteFileBytes(path, ModelFileBytes(magic, version, payload));
}

Status WriteFileBytes(const std::string& path, std::string_view file) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return UnavailableError(fmt::format("{}: cannot open for writing", path));
  bool ok = std::fwrite(file.data(), 1, file.size(), f) == file.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return UnavailableError(fmt::format("{}: write failed", path));
  return Status::Ok();
}

StatusOr<std::string_view> OpenModelBytes(std::string_view bytes, std::string_view magic,
                                          uint32_t oldest, uint32_t latest, uint32_t* version) {
  constexpr size_t kHeader = 8 + 4 + 8;
  if (bytes.size() < kHeader + 4) return DataLossError("model file truncated (no header)");
  std::string want(magic.substr(0, 8));
  want.resize(8, '\0');
  if (bytes.substr(0, 8) != want) {
    return InvalidArgumentError(fmt::format("not a {} model file (bad magic)", magic));
  }
  ByteReader r(bytes.substr(8, 12));
  uint32_t v = r.U32();
  uint64_t size = r.U64();
  if (v < oldest || v > latest) {
    return InvalidArgumentError(
        fmt::format("model format version {} not supported (this build reads {}..{})", v, oldest, latest));
  }
  if (size != bytes.size() - kHeader - 4) {
    return DataLossError(fmt::format("model file size mismatch: header says {} payload bytes, file has {}",
                                     size, bytes.size() - kHeader - 4));
  }
  ByteReader crc_reader(bytes.substr(bytes.size() - 4));
  if (crc_reader.U32() != Crc32(bytes.substr(0, bytes.size() - 4))) {
    return DataLossError("model file checksum mismatch (damaged file)");
  }
  if (version != nullptr) *version = v;
  return bytes.substr(kHeader, size);
}

StatusOr<std::string> ReadFileBytes(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError(fmt::format("{}: cannot open", path));
  // One read of the whole file when its size is known (model files: no regrowing copies), then
  // chunks for whatever a pipe or a growing file still has.
  std::string data;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
    data.resize(static_cast<size_t>(st.st_size));
    data.resize(std::fread(data.data(), 1, data.size(), f));
  }
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool err = std::ferror(f) != 0;
  std::fclose(f);
  if (err) return UnavailableError(fmt::format("{}: read error", path));
  return data;
}

}  // namespace dyad::nlp
