#include "nlp/model_io.h"

#include <array>
#include <bit>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace dyad::nlp {

namespace {

std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}

}  // namespace

uint32_t Crc32(std::string_view bytes, uint32_t crc) {
  static const std::array<uint32_t, 256> table = MakeCrcTable();
  crc = ~crc;
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
  return ~crc;
}

void ByteWriter::F32(float v) { U32(std::bit_cast<uint32_t>(v)); }

float ByteReader::F32() { return std::bit_cast<float>(U32()); }

std::string ByteReader::Str() {
  uint32_t n = U32();
  if (!Expect(n, 1)) return {};
  std::string s(bytes_.substr(pos_, n));
  pos_ += n;
  return s;
}

Status WriteModelFile(const std::string& path, std::string_view magic, uint32_t version,
                      std::string_view payload) {
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
  std::string data;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool err = std::ferror(f) != 0;
  std::fclose(f);
  if (err) return UnavailableError(fmt::format("{}: read error", path));
  return data;
}

}  // namespace dyad::nlp
