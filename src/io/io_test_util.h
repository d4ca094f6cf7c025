// Helpers shared by the io tests: a temporary directory for fixtures, compressors, and a loop
// that drains a DocumentStream. Tests only; header-only so the io library does not carry it.
#ifndef DYAD_IO_IO_TEST_UTIL_H_
#define DYAD_IO_IO_TEST_UTIL_H_

#include <stdlib.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "io/document_stream.h"

namespace dyad::io::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "dyad_io_test.XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

  // Writes `bytes` to path()/name (creating parent directories) and returns the full path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

 private:
  std::string path_;
};

inline std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

struct ReadResult {
  std::vector<model::Document> docs;
  std::vector<std::string> errors;  // messages
  std::vector<char> events;         // 'D' document, 'E' error, in order
};

// Reads every event of a stream over `inputs`; fails the test instead of looping forever.
inline ReadResult ReadAllEvents(std::vector<std::string> inputs, ReadOptions options = {}) {
  ReadResult result;
  auto stream = DocumentStream::Open(std::move(inputs), options);
  EXPECT_TRUE(stream.ok()) << stream.status().ToString();
  if (!stream.ok()) return result;
  for (int guard = 0; guard < 1000000; ++guard) {
    model::Document doc;
    Status error;
    ReadEvent ev = (*stream)->Next(&doc, &error);
    if (ev == ReadEvent::kEnd) return result;
    if (ev == ReadEvent::kDocument) {
      EXPECT_FALSE(doc.id.empty());
      EXPECT_FALSE(doc.origin.empty());
      result.docs.push_back(std::move(doc));
      result.events.push_back('D');
    } else {
      EXPECT_FALSE(error.ok());
      result.errors.push_back(error.message());
      result.events.push_back('E');
    }
  }
  ADD_FAILURE() << "stream did not end";
  return result;
}

inline ReadResult ReadAs(InputFormat format, const std::string& path) {
  ReadOptions options;
  options.format = format;
  return ReadAllEvents({path}, options);
}

}  // namespace dyad::io::testing

#endif  // DYAD_IO_IO_TEST_UTIL_H_
