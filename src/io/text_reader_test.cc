#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "model/document.h"

namespace dyad::io {
namespace {

using testing::ReadAllEvents;
using testing::TempDir;
using testing::Zstd;

TEST(TextReaderTest, WholeFileIsOneDocumentBytesKept) {
  TempDir dir;
  std::string path = dir.Write("a.txt", "\xEF\xBB\xBF  Arnor attacked.\r\nGondor replied.  \n");
  ReadOptions options;
  options.default_date = model::ParseIsoDate("2015-08-05");
  auto r = ReadAllEvents({path}, options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "  Arnor attacked.\r\nGondor replied.  \n");  // only the BOM goes
  EXPECT_EQ(r.docs[0].id, path);
  EXPECT_EQ(r.docs[0].origin, path + ":1");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[0].date), "2015-08-05");
}

TEST(TextReaderTest, CompressedAndEmpty) {
  TempDir dir;
  std::string z = dir.Write("b.txt.zst", Zstd("zipped text"));
  std::string e = dir.Write("empty.txt", "");
  auto r = ReadAllEvents({z, e});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "zipped text");
  EXPECT_EQ(r.docs[1].text, "");
}

TEST(TextReaderTest, BadBytes) {
  TempDir dir;
  std::string bin = dir.Write("junk.txt", std::string("ELF\x00\x01\x02", 6));
  std::string utf = dir.Write("latin1.txt", "line one\ncaf\xE9 au lait\n");
  std::string ok = dir.Write("ok.txt", "fine");
  auto r = ReadAllEvents({bin, utf, ok});
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], bin + ":1: binary data (NUL byte at byte 3)");
  EXPECT_EQ(r.errors[1], utf + ":2: invalid UTF-8 byte 0xE9 at byte 12");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "fine");
}

TEST(TextReaderTest, TooLarge) {
  TempDir dir;
  std::string path = dir.Write("big.txt", std::string((1u << 20) + 1, 'a'));
  ReadOptions options;
  options.max_record_bytes = 1u << 20;
  auto r = ReadAllEvents({path}, options);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ": record of more than 1 MiB");
}

}  // namespace
}  // namespace dyad::io
