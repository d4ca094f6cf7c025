#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "io/record_reader.h"
#include "model/document.h"

namespace dyad::io {
namespace {

using testing::Gzip;
using testing::ReadAllEvents;
using testing::ReadAs;
using testing::TempDir;

TEST(JsonlReaderTest, ReadsFieldsAndMetadata) {
  TempDir dir;
  std::string path = dir.Write(
      "news.jsonl",
      "{\"id\":\"a1\",\"date\":\"2019-01-04\",\"title\":\"T\",\"source\":\"AFP\",\"url\":\"http://x\","
      "\"text\":\"Arnor  attacked.\\nGondor \\u00e9\",\"lang\":\"en\",\"tags\":[1,2]}\n"
      "\n"
      "   \r\n"
      "{\"id\":7,\"date\":\"2020-02-29T10:30:00Z\",\"text\":\"x\"}\r\n"
      "{\"text\":\"no id\",\"date\":null,\"title\":null}");
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.errors.size(), 0u) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 3u);
  const model::Document& a = r.docs[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.text, "Arnor  attacked.\nGondor \xC3\xA9");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.source, "AFP");
  EXPECT_EQ(a.url, "http://x");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(model::FormatIsoDate(*a.date), "2019-01-04");
  EXPECT_EQ(a.datetime, "");
  EXPECT_EQ(a.origin, path + ":1");
  ASSERT_EQ(a.metadata.size(), 2u);
  EXPECT_EQ(a.metadata[0], (std::pair<std::string, std::string>{"lang", "\"en\""}));
  EXPECT_EQ(a.metadata[1], (std::pair<std::string, std::string>{"tags", "[1,2]"}));

  EXPECT_EQ(r.docs[1].id, "7");
  EXPECT_EQ(r.docs[1].datetime, "2020-02-29T10:30:00Z");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[1].date), "2020-02-29");
  EXPECT_EQ(r.docs[1].origin, path + ":4");

  EXPECT_EQ(r.docs[2].id, path + ":5");
  EXPECT_FALSE(r.docs[2].date.has_value());
}

TEST(JsonlReaderTest, DefaultDateApplies) {
  TempDir dir;
  std::string path = dir.Write("a.jsonl", "{\"text\":\"x\"}\n");
  ReadOptions options;
  options.default_date = model::ParseIsoDate("2001-02-03");
  auto r = ReadAllEvents({path}, options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(model::FormatIsoDate(*r.docs[0].date), "2001-02-03");
}

TEST(JsonlReaderTest, BadLinesAreReportedAndSkipped) {
  TempDir dir;
  std::string path = dir.Write("bad.jsonl",
                               std::string("{\"id\":\"ok1\",\"text\":\"fine\"}\n"         // 1
                               "{\"id\":\"x\",\"text\":\"unterminated\n"      // 2
                               "[1,2]\n"                                      // 3
                               "{\"id\":\"x\"}\n"                             // 4
                               "{\"text\":42}\n"                              // 5
                               "{\"text\":\"t\",\"date\":\"2019-02-30\"}\n"   // 6
                               "{\"text\":\"t\",\"date\":20190101}\n"         // 7
                               "{\"text\":\"t\",\"title\":[\"a\"]}\n"         // 8
                               "{\"text\":\"t\",\"id\":{}}\n"                 // 9
                               "{\"text\":\"bad \xFF" " byte\"}\n")              // 10
                               + std::string("{\"text\":\"nul\0here\"}\n", 20) +  // 11 (raw NUL)
                               "{\"text\":\"esc \\u0000 nul\"}\n"             // 12
                               "{\"id\":\"ok2\",\"text\":\"fine\"}\n");       // 13
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "ok1");
  EXPECT_EQ(r.docs[1].id, "ok2");
  ASSERT_EQ(r.errors.size(), 11u);
  auto starts = [&](size_t i, const std::string& prefix) {
    EXPECT_TRUE(r.errors[i].starts_with(path + ":" + prefix)) << r.errors[i];
  };
  starts(0, "2: invalid JSON: ");
  starts(1, "3: expected a JSON object, not array");
  starts(2, "4: missing \"text\"");
  starts(3, "5: \"text\" must be a string, not number");
  starts(4, "6: bad date '2019-02-30'");
  starts(5, "7: \"date\" must be a string");
  starts(6, "8: \"title\" must be a string, not array");
  starts(7, "9: \"id\" must be a string or an integer");
  EXPECT_EQ(r.errors[8], path + ":10: invalid UTF-8 byte 0xFF at byte 13");
  EXPECT_EQ(r.errors[9], path + ":11: binary data (NUL byte at byte 12)");
  starts(10, "12: \"text\" holds a NUL character");
}

TEST(JsonlReaderTest, HugeLineIsSkippedNotBuffered) {
  TempDir dir;
  std::string big = "{\"text\":\"" + std::string(50u << 20, 'a') + "\"}\n";
  std::string path = dir.Write("big.jsonl", "{\"text\":\"before\"}\n" + big + "{\"text\":\"after\"}\n");
  big.clear();
  big.shrink_to_fit();
  ReadOptions options;
  options.max_record_bytes = size_t{16} << 20;
  auto r = ReadAllEvents({path}, options);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "before");
  EXPECT_EQ(r.docs[1].text, "after");
  EXPECT_EQ(r.docs[1].origin, path + ":3");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ":2: record of more than 16 MiB");
}

TEST(JsonlReaderTest, TruncatedGzipKeepsRecordsBeforeTheDamage) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 20000; ++i) {
    lines += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Document number " +
             std::to_string(i) + " with some words to compress.\"}\n";
  }
  std::string gz = Gzip(lines);
  std::string path = dir.Write("cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors[0].starts_with(path + ":")) << r.errors[0];
  EXPECT_TRUE(r.errors[0].ends_with(": truncated gzip stream")) << r.errors[0];
  EXPECT_EQ(r.events.back(), 'E');
  EXPECT_GT(r.docs.size(), 1000u);
  EXPECT_LT(r.docs.size(), 20000u);
  for (size_t i = 0; i < r.docs.size(); ++i) ASSERT_EQ(r.docs[i].id, "d" + std::to_string(i));
}

TEST(JsonlReaderTest, ForcedFormatOnAnyName) {
  TempDir dir;
  std::string path = dir.Write("data.dat", "{\"text\":\"x\"}\n");
  auto r = ReadAs(InputFormat::kJsonl, path);
  EXPECT_EQ(r.docs.size(), 1u);
}

TEST(JsonlReaderTest, ParseJsonlRecordLeavesIdAndOriginToTheCaller) {
  model::Document doc;
  doc.id = "stale";
  ASSERT_TRUE(ParseJsonlRecord("{\"text\":\"Arnor attacked.\",\"date\":\"2019-01-04T10:30:00Z\"}",
                               ReadOptions(), &doc)
                  .ok());
  EXPECT_EQ(doc.id, "");
  EXPECT_EQ(doc.origin, "");
  EXPECT_EQ(doc.text, "Arnor attacked.");
  ASSERT_TRUE(doc.date.has_value());
  EXPECT_EQ(model::FormatIsoDate(*doc.date), "2019-01-04");
  EXPECT_EQ(doc.datetime, "2019-01-04T10:30:00Z");

  Status bad = ParseJsonlRecord("{\"text\":1}", ReadOptions(), &doc);
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.message(), "\"text\" must be a string, not number");
  EXPECT_EQ(ParseJsonlRecord("{\"text\":", ReadOptions(), &doc).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dyad::io
