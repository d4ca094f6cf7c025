// Where the readers' bytes come from: files, stdin, directories, and transparent decompression.
//
// A ByteSource yields raw bytes; OpenInput() stacks a gzip or zstd decoder over the file when the
// name ends in .gz/.zst or the first bytes carry the gzip (1F 8B) or zstd (28 B5 2F FD) magic, so
// `zcat`-less pipelines (`cat x.jsonl.gz | dyad segment -`) work too. Decoders stream through
// fixed 256 KiB buffers: memory does not grow with the size of a compressed corpus. A compressed
// stream that ends early is an error ("truncated gzip stream") reported after every complete byte
// before it has been delivered, so the records before the damage are still read.
//
// BufferedReader sits on top and gives the readers lines (with a cap: a line longer than the cap
// is skipped without being buffered), whole files (capped) and raw chunks (for the XML scanner).
//
// ListInputs() expands directories: recursive, hidden entries (".name") skipped, regular files
// only (a FIFO in a directory would block), sorted by path so runs are reproducible.
// Not thread-safe: one reader per thread.
#ifndef DYAD_IO_INPUT_SOURCE_H_
#define DYAD_IO_INPUT_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 means the end. Errors do not name the file (the caller
  // adds it). After an error the source is at its end.
  virtual StatusOr<size_t> Read(char* buf, size_t n) = 0;
};

// The name used in messages and ids for an input path: "stdin" for "-", else the path as given.
std::string DisplayName(std::string_view path);

// Opens `path` ("-" is stdin) and stacks a decoder when it is compressed (see the file comment).
// Errors: kNotFound "cannot open: No such file or directory", kUnavailable for other open errors.
// Messages do not include the path.
StatusOr<std::unique_ptr<ByteSource>> OpenInput(const std::string& path);

// A source over an in-memory string (tests, and decoders in tests).
std::unique_ptr<ByteSource> NewStringSource(std::string data);
// Decoders over another source; exposed for tests.
std::unique_ptr<ByteSource> NewGzipSource(std::unique_ptr<ByteSource> raw);
std::unique_ptr<ByteSource> NewZstdSource(std::unique_ptr<ByteSource> raw);

// One entry of an expanded input list: a file to read, or an error for an input that cannot be
// listed (a missing path, an empty directory, an unreadable subdirectory).
struct InputEntry {
  std::string path;
  Status error;  // when not OK, `path` is the input that failed and there is nothing to read
};

// Expands one input: "-" and non-directories are returned as they are (opening them reports any
// error); directories are walked as described in the file comment. A directory without any file
// yields one error entry "DIR: no input files in directory".
std::vector<InputEntry> ListInputs(const std::string& input);

// Buffered reading over a ByteSource.
class BufferedReader {
 public:
  static constexpr size_t kBufferBytes = size_t{256} << 10;

  explicit BufferedReader(std::unique_ptr<ByteSource> source);

  enum class Result {
    kOk,       // the line / content is in *out
    kTooLong,  // over the cap: skipped (the line) or truncated (ReadAll); *out is cleared
    kEnd,      // nothing more to read
    kError,    // a read error; see status(). The reader is then at its end.
  };

  // Reads one line without its '\n' (a final line without '\n' counts). A line of more than
  // `max_bytes` is consumed through its '\n' while keeping at most one buffer in memory, and
  // yields kTooLong. A read error inside a line drops the partial line and yields kError.
  Result ReadLine(std::string* out, size_t max_bytes);

  // Reads everything that is left. Stops reading at `max_bytes` + 1 bytes with kTooLong.
  Result ReadAll(std::string* out, size_t max_bytes);

  // Returns at least min(n, what is left) bytes from the current position without consuming
  // them. REQUIRES: n <= kBufferBytes. A read error is kept for the next reading call.
  std::string_view Peek(size_t n);

  // Raw access for scanners: the buffered bytes from the current position, refilled when empty;
  // empty only at the end or on an error (check status()). Consume(k) advances k bytes.
  std::string_view Chunk();
  void Consume(size_t k) { pos_ += k; }

  // The error that ended reading, or OK.
  const Status& status() const { return status_; }

 private:
  // Refills after moving unread bytes to the front; false at the end or on an error.
  bool Fill();

  std::unique_ptr<ByteSource> source_;
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  Status status_;
};

}  // namespace dyad::io

#endif  // DYAD_IO_INPUT_SOURCE_H_
