#include "io/input_source.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "io/io_test_util.h"

namespace dyad::io {
namespace {

using testing::Gzip;
using testing::TempDir;
using testing::Zstd;

// Drains a source through a small buffer (exercises partial reads).
StatusOr<std::string> Drain(ByteSource& source, size_t step = 1000) {
  std::string out, buf(step, '\0');
  for (;;) {
    DYAD_ASSIGN_OR_RETURN(size_t n, source.Read(buf.data(), buf.size()));
    if (n == 0) return out;
    out.append(buf.data(), n);
  }
}

std::string BigText() {
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "line " + std::to_string(i) + " of some text\n";
  return s;
}

TEST(GzipSourceTest, RoundTripAndMultiMember) {
  const std::string text = BigText();
  auto src = NewGzipSource(NewStringSource(Gzip(text) + Gzip("tail\n")));
  auto out = Drain(*src);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text + "tail\n");
}

TEST(GzipSourceTest, TruncatedStreamDeliversPrefixThenFails) {
  const std::string text = BigText();
  std::string gz = Gzip(text);
  auto src = NewGzipSource(NewStringSource(gz.substr(0, gz.size() / 2)));
  std::string got, buf(4096, '\0');
  Status error;
  for (;;) {
    auto n = src->Read(buf.data(), buf.size());
    if (!n.ok()) {
      error = n.status();
      break;
    }
    if (*n == 0) break;
    got.append(buf.data(), *n);
  }
  EXPECT_EQ(error.message(), "truncated gzip stream");
  EXPECT_EQ(error.code(), StatusCode::kDataLoss);
  EXPECT_GT(got.size(), 0u);
  EXPECT_EQ(got, text.substr(0, got.size()));
  // At its end after the error.
  auto again = src->Read(buf.data(), buf.size());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
}

TEST(GzipSourceTest, CorruptStream) {
  std::string gz = Gzip(BigText());
  for (size_t i = 100; i < 200; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x55);
  auto src = NewGzipSource(NewStringSource(gz));
  auto out = Drain(*src);
  ASSERT_FALSE(out.ok());
  EXPECT_TRUE(out.status().message().starts_with("corrupt gzip stream")) << out.status().message();
}

TEST(ZstdSourceTest, RoundTripAndTruncated) {
  const std::string text = BigText();
  std::string zst = Zstd(text);
  auto ok = NewZstdSource(NewStringSource(zst));
  auto out = Drain(*ok, 7);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, text);

  auto cut = NewZstdSource(NewStringSource(zst.substr(0, zst.size() - 10)));
  auto bad = Drain(*cut);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "truncated zstd stream");
}

TEST(OpenInputTest, DecompressesByExtensionAndByMagic) {
  TempDir dir;
  std::string a = dir.Write("a.txt.gz", Gzip("hello gz\n"));
  std::string b = dir.Write("b.bin", Zstd("hello zst\n"));  // no extension: magic decides
  std::string c = dir.Write("c.txt", "plain\n");
  for (auto [path, want] : {std::pair{a, "hello gz\n"}, {b, "hello zst\n"}, {c, "plain\n"}}) {
    auto src = OpenInput(path);
    ASSERT_TRUE(src.ok()) << src.status().ToString();
    auto out = Drain(**src);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, want);
  }
}

TEST(OpenInputTest, MissingAndUnreadable) {
  TempDir dir;
  auto missing = OpenInput(dir.path() + "/nope.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "cannot open: No such file or directory");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  auto is_dir = OpenInput(dir.path());
  ASSERT_FALSE(is_dir.ok());
  EXPECT_EQ(is_dir.status().message(), "cannot open: Is a directory");

  if (::geteuid() != 0) {  // root reads anything
    std::string f = dir.Write("secret.txt", "x");
    ::chmod(f.c_str(), 0);
    auto denied = OpenInput(f);
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.status().message(), "cannot open: Permission denied");
  }
}

TEST(ListInputsTest, RecursiveSortedSkipsHidden) {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a/z.txt", "z");
  dir.Write("a/c/d.txt", "d");
  dir.Write(".hidden.txt", "h");
  dir.Write(".git/x.txt", "x");
  dir.Write("a/.cache/y.txt", "y");
  ::mkfifo((dir.path() + "/fifo").c_str(), 0600);  // would block if opened
  std::vector<InputEntry> entries = ListInputs(dir.path());
  std::vector<std::string> paths;
  for (const auto& e : entries) {
    EXPECT_TRUE(e.error.ok());
    paths.push_back(e.path.substr(dir.path().size() + 1));
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"a/c/d.txt", "a/z.txt", "b.txt"}));
}

TEST(ListInputsTest, EmptyDirectoryIsAnError) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/empty/.hidden");
  std::vector<InputEntry> entries = ListInputs(dir.path() + "/empty");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].error.message(), "no input files in directory");
}

TEST(ListInputsTest, FilesAndStdinPassThrough) {
  EXPECT_EQ(ListInputs("-")[0].path, "-");
  EXPECT_EQ(ListInputs("/no/such/file")[0].path, "/no/such/file");
}

TEST(BufferedReaderTest, LinesWithCapSkipsLongLineWithoutBufferingIt) {
  std::string data = "short\n" + std::string(3 * BufferedReader::kBufferBytes, 'x') + "\nnext\nlast";
  BufferedReader in(NewStringSource(data));
  std::string line;
  EXPECT_EQ(in.ReadLine(&line, 1000), BufferedReader::Result::kOk);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(in.ReadLine(&line, 1000), BufferedReader::Result::kTooLong);
  EXPECT_LE(line.capacity(), 1000u + 64);
  EXPECT_EQ(in.ReadLine(&line, 1000), BufferedReader::Result::kOk);
  EXPECT_EQ(line, "next");
  EXPECT_EQ(in.ReadLine(&line, 1000), BufferedReader::Result::kOk);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(in.ReadLine(&line, 1000), BufferedReader::Result::kEnd);
}

TEST(BufferedReaderTest, PeekDoesNotConsume) {
  BufferedReader in(NewStringSource("abc\ndef\n"));
  EXPECT_EQ(in.Peek(2), "ab");
  EXPECT_EQ(in.Peek(100), "abc\ndef\n");
  std::string line;
  EXPECT_EQ(in.ReadLine(&line, 10), BufferedReader::Result::kOk);
  EXPECT_EQ(line, "abc");
}

TEST(BufferedReaderTest, ReadAllCap) {
  BufferedReader in(NewStringSource(std::string(5000, 'a')));
  std::string all;
  EXPECT_EQ(in.ReadAll(&all, 4999), BufferedReader::Result::kTooLong);
  BufferedReader in2(NewStringSource(std::string(5000, 'a')));
  EXPECT_EQ(in2.ReadAll(&all, 5000), BufferedReader::Result::kOk);
  EXPECT_EQ(all.size(), 5000u);
}

TEST(BufferedReaderTest, ReadErrorDropsPartialLine) {
  std::string gz = Gzip("one\ntwo\n" + BigText());
  BufferedReader in(NewGzipSource(NewStringSource(gz.substr(0, gz.size() - 20))));
  std::string line;
  EXPECT_EQ(in.ReadLine(&line, 100), BufferedReader::Result::kOk);
  EXPECT_EQ(line, "one");
  BufferedReader::Result r;
  size_t lines = 1;
  while ((r = in.ReadLine(&line, 100)) == BufferedReader::Result::kOk) ++lines;
  EXPECT_EQ(r, BufferedReader::Result::kError);
  EXPECT_EQ(in.status().message(), "truncated gzip stream");
  EXPECT_GT(lines, 1000u);
}

}  // namespace
}  // namespace dyad::io
