// End-to-end: `dyad code`, `dyad explain` and `dyad dict` (and `dyad serve`'s option checks) on the bundled example article with
// dyad's own dictionaries and shipped models (no ../shared needed).
#include <stdlib.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/cli_test_util.h"

namespace {

namespace fs = std::filesystem;
using dyad::testing::CliResult;
using dyad::testing::Dyad;

const std::string kExample = std::string(DYAD_SOURCE_DIR) + "/examples/iran-iraq-accord.txt";

TEST(CliCode, ExampleArticleYieldsTheAgreementBothWays) {
  CliResult r = Dyad("code " + kExample + " --date 2017-07-23 --no-progress");
  ASSERT_EQ(r.status, 0) << r.err;
  bool irn_irq = false, irq_irn = false, from_link_line = false;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    auto e = nlohmann::json::parse(line);
    ASSERT_TRUE(e.contains("source") && e.contains("cameo") && e.contains("plover") && e.contains("goldstein"));
    EXPECT_EQ(e["pub_date"], "2017-07-23");
    if (e["text"].get<std::string>().rfind("Read:", 0) == 0) from_link_line = true;
    if (e["cameo"] != "057" || e["target"].is_null()) continue;
    std::string s = e["source"]["country"], t = e["target"]["country"];
    irn_irq = irn_irq || (s == "IRN" && t == "IRQ");
    irq_irn = irq_irn || (s == "IRQ" && t == "IRN");
    EXPECT_EQ(e["plover"], "SUPPORT");
    EXPECT_EQ(e["quad_class"], 1);
    // "signed ... on Sunday" (the publication day), in Tehran (the text or the dateline).
    EXPECT_EQ(e["date"], "2017-07-23");
    EXPECT_EQ(e["date_precision"], "day");
    EXPECT_EQ(e["location"]["name"], "Tehran");
    EXPECT_EQ(e["location"]["country"], "IRN");
    // Offsets point into the original text.
    EXPECT_LT(e["verb"]["start"].get<int>(), e["verb"]["end"].get<int>());
  }
  EXPECT_TRUE(irn_irq);
  EXPECT_TRUE(irq_irn);
  EXPECT_FALSE(from_link_line);
}

TEST(CliCode, GazetteerNoneCodesTheSameEventsUnplaced) {
  CliResult placed = Dyad("code " + kExample + " --date 2017-07-23 --no-progress");
  CliResult bare = Dyad("code " + kExample + " --date 2017-07-23 --no-progress --gazetteer none");
  ASSERT_EQ(bare.status, 0) << bare.err;
  EXPECT_EQ(std::count(placed.out.begin(), placed.out.end(), '\n'), std::count(bare.out.begin(), bare.out.end(), '\n'));
  std::istringstream lines(bare.out);
  for (std::string line; std::getline(lines, line);) EXPECT_TRUE(nlohmann::json::parse(line)["location"].is_null());
  CliResult missing = Dyad("code " + kExample + " --no-progress --gazetteer /nonexistent/places.tsv.gz");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("/nonexistent/places.tsv.gz"), std::string::npos) << missing.err;
}

TEST(CliCode, EveryOutputFormat) {
  for (const char* format : {"csv", "petrarch", "gdelt"}) {
    CliResult r = Dyad("code " + kExample + " --date 2017-07-23 --no-progress --format " + format);
    ASSERT_EQ(r.status, 0) << format << ": " << r.err;
    EXPECT_NE(r.out.find("057"), std::string::npos) << format;
  }
  CliResult gdelt = Dyad("code " + kExample + " --date 2017-07-23 --no-progress --format gdelt");
  std::string first = gdelt.out.substr(0, gdelt.out.find('\n'));
  EXPECT_EQ(std::count(first.begin(), first.end(), '\t'), 60);
  CliResult bad = Dyad("code " + kExample + " --format yaml --no-progress");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("yaml"), std::string::npos);
}

TEST(CliCode, ExplainShowsPatternsAndOutcomes) {
  CliResult r = Dyad("explain " + kExample + " --date 2017-07-23 --no-progress");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("(dateline, not coded)"), std::string::npos);
  EXPECT_NE(r.out.find("=> event 057 IRN->IRQ"), std::string::npos);
  CliResult j = Dyad("explain " + kExample + " --date 2017-07-23 --no-progress --json");
  ASSERT_EQ(j.status, 0) << j.err;
  std::istringstream lines(j.out);
  std::string line;
  size_t sentences = 0;
  while (std::getline(lines, line)) {
    auto s = nlohmann::json::parse(line);
    EXPECT_TRUE(s.contains("tokens") && s.contains("mentions") && s.contains("verbs"));
    ++sentences;
  }
  EXPECT_GT(sentences, 5u);
}

TEST(CliCode, MissingDictionariesAreAClearError) {
  CliResult r = Dyad("code " + kExample + " --dictionaries dyad:/nonexistent --no-progress");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent"), std::string::npos);
  CliResult k = Dyad("code " + kExample + " --dictionaries bogus --no-progress");
  EXPECT_EQ(k.status, 2);
  EXPECT_NE(k.err.find("expected dyad:DIR"), std::string::npos);
}

TEST(CliDict, ShippedDictionariesCheckCleanAndCount) {
  CliResult check = Dyad("dict check");
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.err.find("0 problems"), std::string::npos);
  CliResult stats = Dyad("dict stats");
  ASSERT_EQ(stats.status, 0);
  EXPECT_NE(stats.out.find("verbs and patterns by CAMEO root: 01:"), std::string::npos);
}

TEST(CliDict, BrokenDictionaryNamesFileAndLine) {
  fs::path dir = fs::temp_directory_path() / ("dyad_broken_dict." + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "bad.dyad") << "actor Iran = IRN\nactor Iraq = IRQ 2003-13-01..\nverb sign = 9999\n"
                                      "actor Alpha Konare = MLIIGOAFRAFU\n";
  CliResult r = Dyad("dict check --dictionaries dyad:" + dir.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("bad.dyad:2: malformed date"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad.dyad:3: '9999' is not a CAMEO event code"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad.dyad:4: code MLIIGOAFRAFU puts a country before"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

}  // namespace

namespace {

// Lemmas and every other field must stay valid UTF-8 whatever the input's accents.
TEST(CliCode, OutputIsValidUtf8OnAccentedNames) {
  fs::path file = fs::temp_directory_path() / ("dyad_accents." + std::to_string(::getpid()) + ".txt");
  std::ofstream(file) << "P\xC3\xA9rez Molina accused Iran. Jim\xC3\xA9nez and M\xC3\xBCller met Erdo\xC4\x9F"
                         "an in Z\xC3\xBCrich. Qu\xC3\xA9" "bec's premier criticised \xC3\x89" "douard.\n";
  CliResult r = Dyad("explain " + file.string() + " --date 2020-01-01 --no-progress --json");
  fs::remove(file);
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) EXPECT_NO_THROW(nlohmann::json::parse(line)) << line;
}

TEST(CliServe, UnusableOptionsExitWithTwoAndSayWhy) {
  CliResult r = Dyad("serve --max-body-mb 0");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--max-body-mb 0: give 1..1024"), std::string::npos) << r.err;
  r = Dyad("serve --port 70000");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--port 70000: not a port number"), std::string::npos) << r.err;
  r = Dyad("serve --port 0 --web-dir /nonexistent/dyad-ui");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("web UI directory '/nonexistent/dyad-ui' does not exist"), std::string::npos) << r.err;
}

}  // namespace
