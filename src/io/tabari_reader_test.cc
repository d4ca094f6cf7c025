#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "model/document.h"

namespace dyad::io {
namespace {

using testing::ReadAllEvents;
using testing::ReadAs;
using testing::TempDir;

// Shaped like TABARI's Validate.text: banner comments, comment blocks with the expected codings,
// extra header fields, records after a year-2000 pivot.
constexpr char kRecords[] =
    "\n"
    "##################################\n"
    "#   TABARI VALIDATION SUITE\n"
    "##################################\n"
    "\n"
    "950101  DEMO-01\n"
    "Arnor is about to restore full diplomatic ties with Gondor almost   \n"
    "five years after crowds trashed its embassy.\r\n"
    "/*\\n------------------------------------------\n"
    "\\n[Simple coding]\n"
    "\\n{ ARN / GON / 064 } */\n"
    "\n"
    "061118 00589742 004\n"
    "Representatives of Turkey are in attendance. /* inline */ Really.\n"
    "\n"
    "\n"
    "000423   DEBUG-21\n"
    "Year two thousand.\n"
    "\n"
    "391231\n"
    "No id here.\n";

TEST(TabariReaderTest, ReadsRecords) {
  TempDir dir;
  std::string path = dir.Write("Validate.text", kRecords);
  auto r = ReadAllEvents({path});  // auto: .text + TABARI content
  ASSERT_EQ(r.errors.size(), 0u) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].id, "DEMO-01");
  EXPECT_EQ(r.docs[0].text,
            "Arnor is about to restore full diplomatic ties with Gondor almost\n"
            "five years after crowds trashed its embassy.");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[0].date), "1995-01-01");
  EXPECT_EQ(r.docs[0].origin, path + ":6");
  EXPECT_TRUE(r.docs[0].metadata.empty());

  EXPECT_EQ(r.docs[1].id, "00589742");
  EXPECT_EQ(r.docs[1].text, "Representatives of Turkey are in attendance.  Really.");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[1].date), "2006-11-18");
  ASSERT_EQ(r.docs[1].metadata.size(), 1u);
  EXPECT_EQ(r.docs[1].metadata[0].first, "tabari_fields");
  EXPECT_EQ(r.docs[1].metadata[0].second, "\"004\"");

  EXPECT_EQ(model::FormatIsoDate(*r.docs[2].date), "2000-04-23");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[3].date), "2039-12-31");
  EXPECT_EQ(r.docs[3].id, path + ":4");
  EXPECT_EQ(r.docs[3].text, "No id here.");
}

TEST(TabariReaderTest, PivotYear) {
  TempDir dir;
  std::string path = dir.Write("p.tabari", "400101 A\nx\n\n991231 B\ny\n");
  auto r = ReadAs(InputFormat::kTabari, path);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(model::FormatIsoDate(*r.docs[0].date), "1940-01-01");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[1].date), "1999-12-31");
}

TEST(TabariReaderTest, FourDigitYears) {
  TempDir dir;
  std::string path = dir.Write("y.text", "19140724 YYYY-02\nx\n\n186010029 YYYY-03\ny\n");
  auto r = ReadAs(InputFormat::kTabari, path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(model::FormatIsoDate(*r.docs[0].date), "1914-07-24");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ":4: bad TABARI record header '186010029 YYYY-03' (expected 'YYMMDD ID')");
}

TEST(TabariReaderTest, BadRecordsAreReportedOthersKept) {
  TempDir dir;
  std::string path = dir.Write("bad.text",
                               "950101  OK-1\n"          // 1
                               "Fine.\n"                 // 2
                               "\n"                      // 3
                               "9501201  ACTORSYN-01\n"  // 4: seven digits
                               "Skipped text.\n"         // 5
                               "\n"                      // 6
                               "951301  BADMONTH\n"      // 7
                               "Text.\n"                 // 8
                               "\n"                      // 9
                               "stray line\n"            // 10
                               "another stray\n"         // 11
                               "\n"                      // 12
                               "950102  UTF\n"           // 13
                               "caf\xE9\n"               // 14
                               "\n"                      // 15
                               "950103  OK-2\n"          // 16
                               "Also fine.\n");
  auto r = ReadAs(InputFormat::kTabari, path);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "OK-1");
  EXPECT_EQ(r.docs[1].id, "OK-2");
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0], path + ":4: bad TABARI record header '9501201  ACTORSYN-01' (expected 'YYMMDD ID')");
  EXPECT_EQ(r.errors[1], path + ":7: bad date '951301' (expected YYMMDD or YYYYMMDD)");
  EXPECT_TRUE(r.errors[2].starts_with(path + ":10: text outside a record")) << r.errors[2];
  EXPECT_EQ(r.errors[3], path + ":13: invalid UTF-8 byte 0xE9 at byte 3");
}

TEST(TabariReaderTest, LongLineSkipsRecord) {
  TempDir dir;
  std::string path = dir.Write("long.text", "950101 BIG\n" + std::string(3u << 20, 'x') +
                                                "\nmore\n\n950102 SMALL\nok\n");
  ReadOptions options;
  options.format = InputFormat::kTabari;
  options.max_record_bytes = 1u << 20;
  auto r = ReadAllEvents({path}, options);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ":1: record of more than 1 MiB");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "SMALL");
  EXPECT_EQ(r.docs[0].origin, path + ":5");
}

}  // namespace
}  // namespace dyad::io
