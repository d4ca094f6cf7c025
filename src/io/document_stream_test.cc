#include "io/document_stream.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "io/io_test_util.h"

namespace dyad::io {
namespace {

using testing::Gzip;
using testing::ReadAllEvents;
using testing::TempDir;

TEST(InputFormatTest, NamesRoundTrip) {
  for (InputFormat f : {InputFormat::kAuto, InputFormat::kText, InputFormat::kJsonl,
                        InputFormat::kHtml, InputFormat::kPetrarchXml, InputFormat::kTabari,
                        InputFormat::kConllu}) {
    auto parsed = ParseInputFormat(InputFormatName(f));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, f);
  }
  EXPECT_FALSE(ParseInputFormat("csv").ok());
}

TEST(DocumentStreamTest, OpenRejectsBadOptions) {
  EXPECT_FALSE(DocumentStream::Open({}, ReadOptions()).ok());
  ReadOptions zero;
  zero.max_record_bytes = 0;
  EXPECT_FALSE(DocumentStream::Open({"x"}, zero).ok());
}

TEST(DocumentStreamTest, DirectoryOfMixedFormatsInPathOrder) {
  TempDir dir;
  dir.Write("b/2.jsonl.gz", Gzip("{\"id\":\"j1\",\"text\":\"J one\"}\n{\"id\":\"j2\",\"text\":\"J two\"}\n"));
  dir.Write("a.txt", "plain");
  dir.Write("b/1.xml", "<Sentences><Sentence id=\"x1\"><Text>X</Text></Sentence></Sentences>");
  dir.Write("c/page.html", "<html><body><p>H</p></body></html>");
  dir.Write("c/sniffed", "{\"id\":\"s1\",\"text\":\"S\"}\n");
  dir.Write("d/records.text", "950101 T1\nTabari text.\n\n");
  dir.Write(".hidden.jsonl", "{\"id\":\"hidden\",\"text\":\"no\"}\n");
  auto r = ReadAllEvents({dir.path()});
  ASSERT_EQ(r.errors.size(), 0u) << r.errors[0];
  std::vector<std::string> ids;
  for (const auto& d : r.docs) ids.push_back(d.id.substr(0, 1) == "/" ? d.id.substr(dir.path().size()) : d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"/a.txt", "x1", "j1", "j2", "/c/page.html", "s1", "T1"}));
}

TEST(DocumentStreamTest, InputErrorsNameTheFileAndReadingGoesOn) {
  TempDir dir;
  std::string good = dir.Write("good.txt", "text");
  std::filesystem::create_directories(dir.path() + "/empty");
  std::string conllu = dir.Write("x.conllu", "# text = a\n1\ta\n\n");
  auto r = ReadAllEvents({dir.path() + "/missing.txt", dir.path() + "/empty", conllu, good});
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0], dir.path() + "/missing.txt: cannot open: No such file or directory");
  EXPECT_EQ(r.errors[1], dir.path() + "/empty: no input files in directory");
  EXPECT_EQ(r.errors[2], conllu + ":2: expected 10 tab-separated columns");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "text");
}

TEST(DocumentStreamTest, UnreadableFile) {
  TempDir dir;
  std::string f = dir.Write("locked.txt", "secret");
  ::chmod(f.c_str(), 0);
  auto r = ReadAllEvents({f});
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: permissions are not enforced";
  }
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], f + ": cannot open: Permission denied");
}

TEST(DocumentStreamTest, ForcedFormatAppliesToEveryFile) {
  TempDir dir;
  std::string a = dir.Write("a.jsonl", "{\"text\":\"not parsed as json\"}");
  ReadOptions options;
  options.format = InputFormat::kText;
  auto r = ReadAllEvents({a}, options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "{\"text\":\"not parsed as json\"}");
}

}  // namespace
}  // namespace dyad::io
