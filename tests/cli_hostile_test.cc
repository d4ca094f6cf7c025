// End-to-end: `dyad code` and `dyad dict check` on hostile input (NUL bytes, Latin-1 inside UTF-8,
// a JSONL file cut in the middle of its last line, a dictionary pasted into itself). Good records
// are still coded, each bad one is named "file:line: what", and the exit status says so.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/cli_test_util.h"

namespace {

namespace fs = std::filesystem;
using dyad::testing::CliResult;
using dyad::testing::Dyad;

using CliHostileTest = dyad::testing::CliTempDirTest;

constexpr char kAccord[] = "Iran and Iraq signed a border security agreement on Sunday.";

TEST_F(CliHostileTest, JsonlWithNulLatin1AndTruncatedLastLine) {
  std::string f = Write("hostile.jsonl",
                        std::string("{\"id\":\"first\",\"date\":\"2017-07-23\",\"text\":\"") + kAccord + "\"}\n" +
                        std::string("{\"id\":\"nul\",\"text\":\"raw \0 byte\"}\n", 33) +
                        "{\"id\":\"esc\",\"text\":\"escaped \\u0000 byte\"}\n"
                        "{\"id\":\"latin1\",\"text\":\"Z\xC3\xBCrich and caf\xE9\"}\n"
                        "{\"id\":\"last-good\",\"date\":\"2017-07-24\",\"text\":\"" + kAccord + "\"}\n"
                        "{\"id\":\"cut\",\"date\":\"2017-07-25\",\"text\":\"Iran and Iraq si");
  CliResult r = Dyad("code " + f + " --no-progress");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"first\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"doc_id\":\"last-good\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\"doc_id\":\"cut\""), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(f + ":2: binary data (NUL byte at byte 24)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":3: \"text\" holds a NUL character"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":4: invalid UTF-8 byte 0xE9 at byte 38"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(f + ":6: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 documents read"), std::string::npos) << r.err;
}

TEST_F(CliHostileTest, TextFileWithNulAndLatin1IsNamedAndSkipped) {
  std::string nul = Write("nul.txt", std::string(kAccord) + std::string("\0", 1) + "\n");
  std::string latin1 = Write("latin1.txt", std::string(kAccord) + "\nZ\xC3\xBCrich caf\xE9\n");
  std::string good = Write("good.txt", kAccord);
  CliResult r = Dyad("code " + nul + " " + latin1 + " " + good + " --date 2017-07-23 --no-progress");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find(nul + ":1: binary data (NUL byte at byte 59)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(latin1 + ":2: invalid UTF-8 byte 0xE9 at byte 71"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"" + good + "\""), std::string::npos) << r.out;
}

// 100,000 lines of one actor and one verb entry repeated: the set loads, codes the sentence once
// (duplicates do not multiply events), and `dyad dict check` names the duplicates.
TEST_F(CliHostileTest, DictionaryOfDuplicates) {
  std::string dict;
  for (int i = 0; i < 20000; ++i) {
    dict += "actor Iran = IRN\nactor Iraq = IRQ\nverb sign = ---\n    obj=agreement -> 057 <->\n# comment\n";
  }
  Write("dict/dup.dyad", dict);
  std::string text = Write("a.txt", kAccord);
  CliResult r = Dyad("code " + text + " --dictionaries dyad:" + dir_ + "/dict --date 2017-07-23 --no-progress");
  EXPECT_EQ(r.status, 0) << r.err;
  size_t events = 0;
  for (size_t pos = 0; (pos = r.out.find('\n', pos)) != std::string::npos; ++pos) ++events;
  EXPECT_EQ(events, 2u) << r.out;  // IRN->IRQ and IRQ->IRN, once each

  CliResult check = Dyad("dict check --dictionaries dyad:" + dir_ + "/dict");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("dup.dyad:6: phrase 'IRAN' is already an actor at "), std::string::npos)
      << check.out.substr(0, 2000);
}

}  // namespace
