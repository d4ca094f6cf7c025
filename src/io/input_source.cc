#include "io/input_source.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace dyad::io {

namespace {

namespace fs = std::filesystem;

constexpr size_t kChunkBytes = size_t{256} << 10;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A file descriptor, with up to 4 bytes already read (the magic sniff) replayed first.
class FileSource : public ByteSource {
 public:
  FileSource(int fd, bool owned, std::string prefix)
      : fd_(fd), owned_(owned), prefix_(std::move(prefix)) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (prefix_pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - prefix_pos_);
      std::memcpy(buf, prefix_.data() + prefix_pos_, k);
      prefix_pos_ += k;
      return k;
    }
    if (done_) return size_t{0};
    for (;;) {
      ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) {
        if (r == 0) done_ = true;
        return static_cast<size_t>(r);
      }
      if (errno == EINTR) continue;
      done_ = true;
      return UnavailableError(std::string("read error: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
  std::string prefix_;
  size_t prefix_pos_ = 0;
  bool done_ = false;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Multi-member gzip (and zlib) decoding, as `zcat` does: members are decoded back to back.
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(new char[kChunkBytes]) {
    std::memset(&zs_, 0, sizeof(zs_));
    init_ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;  // 32: detect gzip or zlib header
  }
  ~GzipSource() override {
    if (init_ok_) inflateEnd(&zs_);
  }

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (!init_ok_) return InternalError("cannot initialize zlib");
    if (failed_) return size_t{0};
    for (;;) {
      if (zs_.avail_in == 0 && !raw_eof_) {
        StatusOr<size_t> r = raw_->Read(in_.get(), kChunkBytes);
        if (!r.ok()) return Fail(r.status());
        if (*r == 0) {
          raw_eof_ = true;
        } else {
          zs_.next_in = reinterpret_cast<Bytef*>(in_.get());
          zs_.avail_in = static_cast<uInt>(*r);
        }
      }
      if (zs_.avail_in == 0 && raw_eof_ && !member_open_) return size_t{0};
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
      const uInt avail_out = zs_.avail_out;
      int ret = inflate(&zs_, Z_NO_FLUSH);
      if (ret == Z_STREAM_END) {
        member_open_ = false;
        inflateReset(&zs_);
      } else if (ret == Z_OK || ret == Z_BUF_ERROR) {
        member_open_ = true;
      } else {
        return Fail(DataLossError(std::string("corrupt gzip stream: ") +
                                  (zs_.msg != nullptr ? zs_.msg : "error " + std::to_string(ret))));
      }
      size_t produced = avail_out - zs_.avail_out;
      if (produced > 0) return produced;
      if (zs_.avail_in == 0 && raw_eof_ && member_open_) {
        return Fail(DataLossError("truncated gzip stream"));
      }
    }
  }

 private:
  Status Fail(Status s) {
    failed_ = true;
    return s;
  }

  std::unique_ptr<ByteSource> raw_;
  std::unique_ptr<char[]> in_;
  z_stream zs_;
  bool init_ok_ = false;
  bool raw_eof_ = false;
  bool member_open_ = false;
  bool failed_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(new char[kChunkBytes]), ds_(ZSTD_createDStream()) {
    if (ds_ != nullptr) ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (ds_ == nullptr) return InternalError("cannot initialize zstd");
    if (failed_) return size_t{0};
    for (;;) {
      if (input_.pos == input_.size && !raw_eof_) {
        StatusOr<size_t> r = raw_->Read(in_.get(), kChunkBytes);
        if (!r.ok()) return Fail(r.status());
        if (*r == 0) {
          raw_eof_ = true;
        } else {
          input_ = ZSTD_inBuffer{in_.get(), *r, 0};
        }
      }
      ZSTD_outBuffer out{buf, n, 0};
      const size_t in_before = input_.pos;
      size_t ret = ZSTD_decompressStream(ds_, &out, &input_);
      if (ZSTD_isError(ret)) {
        return Fail(DataLossError(std::string("corrupt zstd stream: ") + ZSTD_getErrorName(ret)));
      }
      // ret == 0: the frame is complete and flushed. Only calls that moved data say where the
      // frame stands; one on empty input after a complete frame asks for the next header.
      if (out.pos > 0 || input_.pos != in_before) pending_ = ret;
      if (out.pos > 0) return out.pos;
      if (input_.pos == input_.size && raw_eof_) {
        if (pending_ != 0) return Fail(DataLossError("truncated zstd stream"));
        return size_t{0};
      }
    }
  }

 private:
  Status Fail(Status s) {
    failed_ = true;
    return s;
  }

  std::unique_ptr<ByteSource> raw_;
  std::unique_ptr<char[]> in_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool raw_eof_ = false;
  size_t pending_ = 0;  // the last ZSTD_decompressStream hint; 0 between frames
  bool failed_ = false;
};

Status OpenError(int err) {
  std::string m = std::string("cannot open: ") + std::strerror(err);
  return err == ENOENT ? NotFoundError(std::move(m)) : UnavailableError(std::move(m));
}

}  // namespace

std::string DisplayName(std::string_view path) {
  return path == "-" ? std::string("stdin") : std::string(path);
}

std::unique_ptr<ByteSource> NewStringSource(std::string data) {
  return std::make_unique<StringSource>(std::move(data));
}
std::unique_ptr<ByteSource> NewGzipSource(std::unique_ptr<ByteSource> raw) {
  return std::make_unique<GzipSource>(std::move(raw));
}
std::unique_ptr<ByteSource> NewZstdSource(std::unique_ptr<ByteSource> raw) {
  return std::make_unique<ZstdSource>(std::move(raw));
}

StatusOr<std::unique_ptr<ByteSource>> OpenInput(const std::string& path) {
  int fd = 0;
  bool owned = false;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return OpenError(errno);
    owned = true;
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return OpenError(EISDIR);
    }
  }
  // Read the magic; short reads (pipes) are retried until 4 bytes or the end.
  char magic[4];
  size_t got = 0;
  while (got < sizeof(magic)) {
    ssize_t r = ::read(fd, magic + got, sizeof(magic) - got);
    if (r == 0) break;
    if (r < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (owned) ::close(fd);
      return UnavailableError(std::string("read error: ") + std::strerror(err));
    }
    got += static_cast<size_t>(r);
  }
  std::string prefix(magic, got);
  auto file = std::make_unique<FileSource>(fd, owned, prefix);
  const bool gzip_magic = got >= 2 && static_cast<unsigned char>(magic[0]) == 0x1F &&
                          static_cast<unsigned char>(magic[1]) == 0x8B;
  const bool zstd_magic = got >= 4 && prefix == std::string_view("\x28\xB5\x2F\xFD", 4);
  if (gzip_magic || EndsWith(path, ".gz")) return NewGzipSource(std::move(file));
  if (zstd_magic || EndsWith(path, ".zst")) return NewZstdSource(std::move(file));
  return std::unique_ptr<ByteSource>(std::move(file));
}

std::vector<InputEntry> ListInputs(const std::string& input) {
  std::error_code ec;
  if (input == "-" || !fs::is_directory(input, ec)) return {InputEntry{input, Status()}};

  // An explicit stack instead of recursive_directory_iterator: an unreadable subdirectory then
  // costs that subdirectory only, and is reported, not skipped.
  std::vector<InputEntry> entries;
  std::vector<fs::path> todo{fs::path(input)};
  while (!todo.empty()) {
    fs::path dir = std::move(todo.back());
    todo.pop_back();
    fs::directory_iterator it(dir, ec);
    if (ec) {
      entries.push_back({dir.string(), UnavailableError("cannot open: " + ec.message())});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) continue;  // hidden files and directories
      // Symlinked directories are not followed (no cycles); symlinked files are read.
      fs::file_status link_status = it->symlink_status(ec);
      if (!ec && fs::is_directory(link_status)) {
        todo.push_back(p);
      } else if (it->is_regular_file(ec) && !ec) {
        entries.push_back({p.string(), Status()});
      }
      ec.clear();
    }
    if (ec) entries.push_back({dir.string(), UnavailableError("cannot list: " + ec.message())});
  }
  if (entries.empty()) {
    return {InputEntry{input, NotFoundError("no input files in directory")}};
  }
  std::sort(entries.begin(), entries.end(),
            [](const InputEntry& a, const InputEntry& b) { return a.path < b.path; });
  return entries;
}

BufferedReader::BufferedReader(std::unique_ptr<ByteSource> source)
    : source_(std::move(source)), buf_(new char[kBufferBytes]) {}

bool BufferedReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == kBufferBytes) return true;
  StatusOr<size_t> r = source_->Read(buf_.get() + end_, kBufferBytes - end_);
  if (!r.ok()) {
    status_ = r.status();
    return false;
  }
  if (*r == 0) {
    eof_ = true;
    return false;
  }
  end_ += *r;
  return true;
}

BufferedReader::Result BufferedReader::ReadLine(std::string* out, size_t max_bytes) {
  out->clear();
  bool too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) {
      if (!status_.ok()) {
        out->clear();
        return Result::kError;
      }
      if (!any) return Result::kEnd;
      break;  // a last line without '\n'
    }
    any = true;
    const char* start = buf_.get() + pos_;
    const size_t avail = end_ - pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    const size_t take = nl != nullptr ? static_cast<size_t>(nl - start) : avail;
    if (!too_long) {
      if (out->size() + take > max_bytes) {
        too_long = true;
        out->clear();
        out->shrink_to_fit();
      } else {
        out->append(start, take);
      }
    }
    pos_ += take;
    if (nl != nullptr) {
      ++pos_;
      break;
    }
  }
  return too_long ? Result::kTooLong : Result::kOk;
}

BufferedReader::Result BufferedReader::ReadAll(std::string* out, size_t max_bytes) {
  out->clear();
  for (;;) {
    if (pos_ == end_ && !Fill()) break;
    out->append(buf_.get() + pos_, end_ - pos_);
    pos_ = end_;
    if (out->size() > max_bytes) {
      out->clear();
      out->shrink_to_fit();
      return Result::kTooLong;
    }
  }
  if (!status_.ok()) {
    out->clear();
    return Result::kError;
  }
  return Result::kOk;
}

std::string_view BufferedReader::Peek(size_t n) {
  n = std::min(n, kBufferBytes);
  while (end_ - pos_ < n && Fill()) {
  }
  return std::string_view(buf_.get() + pos_, std::min(n, end_ - pos_));
}

std::string_view BufferedReader::Chunk() {
  if (pos_ == end_) Fill();
  return std::string_view(buf_.get() + pos_, end_ - pos_);
}

}  // namespace dyad::io
