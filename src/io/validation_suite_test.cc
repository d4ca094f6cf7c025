#include "io/validation_suite.h"

#include <gtest/gtest.h>

#include "io/io_test_util.h"

namespace dyad::io {
namespace {

using testing::TempDir;

ExpectedEvent E(std::string s, std::string t, std::string c) { return {s, t, c}; }

constexpr std::string_view kTabari = R"(
##################################################################
#   TABARI VALIDATION SUITE
##################################################################

950101  DEMO-01
Arnor is about to restore full diplomatic ties with Gondor almost
five years after crowds trashed its embassy.
/*\n------------------------------------------------------------------
\n[Simple coding]
\n{ ARN / GON / 064 } */

950103  DEMO-04  FBIS-EXTRA-FIELD
Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith./*
\n{ DAG / GON / 032 } 950103
\n{ GON / DAG / 032 } 950103
\n{ GON / DAG / 032 } 950103   */

950101  DEMO-05
Arnor is about to restore fxll diplomatic ties with Gondor.
/*\n[may require COMPLEX=1]
\n-{ARN / GON / 064  } */

950105  DISCARD-1
Gondor's hopes of success in their first World Cup soccer finals.
/*\n{###} */

950105  NOUNEND-05
Estoniab is about to restore full diplomatic ties with Libyaq.
/*\n{ +++ } */

950105  NULL-01
Nothing happened
/*\n{ --- } */

950101  CONV-Modify
Changing the .options file command
/*\n{ OPTION: SET: CONVERT AGENT = TRUE } */

950101  CONV-01
Arnor is about to restore full diplomatic ties with the Muslims.
/*\n{ ARN / ~MOS / 064 } */

950101 DEFAULT-CMD01
Switch DEFAULT: commands on
/*\n{ OPTION:  DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER  } */

950101 DEFAULT-01
Fxrnost is about to restore full diplomatic ties with Gondor.
/*\n{ DEFSRC / GON / 064 } */

950101 DEFAULT-CMD02
Switch off
/*\n{ OPTION: DEFAULT: OFF } */

970102 MINWRD-ACTIVATE
Reducing the minimum words
/*\n{ OPTION: SET: MINIMUM WORDS = 4  */

19950103  MINWRD-02
Gondor's planes attacked Osgiliath.
/*\n{ GON / OSG / 225 } */

950112  DEBUG-08b
First part of the text.
/*\n** \n{+++} \n** */
Text after the comment.

990101  FINAL-01
This is the end of the standard validation records.
/*\n{+++} */

950101  AFTER-01
Debugging record.
/*\n{ ARN / GON / 064 } */
)";

TEST(TabariValidationTest, RecordsMarkersAndOptions) {
  std::vector<std::string> warnings;
  std::vector<SuiteRecord> r = ParseTabariValidation(kTabari, "Validate.text", &warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  ASSERT_EQ(r.size(), 16u);

  EXPECT_EQ(r[0].id, "DEMO-01");
  EXPECT_EQ(r[0].category, "DEMO");
  EXPECT_EQ(r[0].text, "Arnor is about to restore full diplomatic ties with Gondor almost\n"
                       "five years after crowds trashed its embassy.");
  EXPECT_EQ(r[0].expected, (std::vector<ExpectedEvent>{E("ARN", "GON", "064")}));
  EXPECT_TRUE(r[0].skip.empty());
  EXPECT_EQ(r[0].date, model::ParseIsoDate("1995-01-01"));

  // "/*" at the end of a text line; duplicate expectations collapse; dates after '}' ignored.
  EXPECT_EQ(r[1].text, "Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith.");
  EXPECT_EQ(r[1].expected, (std::vector<ExpectedEvent>{E("DAG", "GON", "032"), E("GON", "DAG", "032")}));

  // -{...} only: not checked.
  EXPECT_EQ(r[2].allowed, (std::vector<ExpectedEvent>{E("ARN", "GON", "064")}));
  EXPECT_FALSE(r[2].skip.empty());

  EXPECT_EQ(r[3].marker, "###");
  EXPECT_TRUE(r[3].expected.empty());
  EXPECT_TRUE(r[3].skip.empty());
  EXPECT_EQ(r[4].marker, "+++");
  EXPECT_TRUE(r[4].skip.empty());
  EXPECT_EQ(r[5].marker, "---");

  EXPECT_EQ(r[6].skip, "option record");
  EXPECT_EQ(r[7].expected, (std::vector<ExpectedEvent>{E("ARN", "MOS", "064")}));  // '~' dropped
  EXPECT_TRUE(r[7].convert_agents);
  EXPECT_FALSE(r[0].convert_agents);

  EXPECT_EQ(r[8].skip, "option record");
  EXPECT_EQ(r[9].skip, "DEFAULT: actors not implemented");
  EXPECT_EQ(r[10].skip, "option record");

  // An OPTION without its closing brace still applies; YYYYMMDD headers are read.
  EXPECT_EQ(r[11].skip, "option record");
  EXPECT_EQ(r[12].min_words, 4);
  EXPECT_TRUE(r[12].skip.empty());
  EXPECT_EQ(r[12].date, model::ParseIsoDate("1995-01-03"));
  EXPECT_EQ(r[0].min_words, 0);

  EXPECT_EQ(r[13].text, "First part of the text.\nText after the comment.");
  EXPECT_EQ(r[13].marker, "+++");

  EXPECT_FALSE(r[14].skip.empty());
  EXPECT_FALSE(r[15].skip.empty());
}

TEST(TabariValidationTest, UnknownExpectationIsReported) {
  std::vector<std::string> warnings;
  auto r = ParseTabariValidation("950101  X-01\nText here.\n/*\\n{ ARN / GON } */\n", "v.text", &warnings);
  ASSERT_EQ(r.size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("v.text:1: X-01"), std::string::npos) << warnings[0];
  EXPECT_EQ(r[0].skip, "no expectations");
}

TEST(ValidationSuiteTest, CountWords) {
  EXPECT_EQ(CountWords("Gondor's planes attacked Osgiliath."), 4);
  EXPECT_EQ(CountWords("  a -- b\n c "), 3);
  EXPECT_EQ(CountWords(""), 0);
}

TEST(ValidationSuiteTest, SuiteKinds) {
  EXPECT_EQ(*ParseSuiteKind("tabari"), SuiteKind::kTabari);
  EXPECT_EQ(*ParseSuiteKind("PETRARCH"), SuiteKind::kPetrarch);
  EXPECT_EQ(*ParseSuiteKind("up"), SuiteKind::kUniversalPetrarch);
  EXPECT_EQ(ParseSuiteKind("cameo").status().code(), StatusCode::kInvalidArgument);
}

constexpr std::string_view kUpXml = R"(<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!-- Use <Sentence ... evaluate="false"> to bypass -->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt</Actorfile>
    <Include>DEMO COMPOUND </Include>
</Environment>
<Sentences>
<Sentence category="DEMO" date="19950101" id="DEMO-01" evaluate="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor is about to restore full diplomatic ties with Gondor.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	0	root	_	_
</Parse></Sentence>
<Sentence category="DEMO" date="19950101" id="DEMO-02" evaluate="false">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Skipped.</Text>
</Sentence>
<Sentence category="PARSING" date="19950101" id="PARSING-01" evaluate="true">
<EventCoding noevents="True" />
<Text>Not included.</Text>
</Sentence>
<Sentence date = "20080801" id ="COMPOUND-01"  category="COMPOUND" sentence="true">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding noevents = "True"></EventCoding>
<Text>Quoted codes.</Text>
</Sentence>
<Sentence category="COMPOUND" date="19950101" id="COMPOUND-02" sentence="false">
<EventCoding error="dateline"></EventCoding>
<Text>Not implemented.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrarchValidationTest, RecordsEnvironmentAndSkips) {
  TempDir dir;
  dir.Write("v.txt", "");
  dir.Write("a.txt", "");
  std::string xml = dir.Write("PETR_Validate_records_2_02.xml", kUpXml);
  auto suite = ReadValidationSuite(SuiteKind::kUniversalPetrarch, dir.path());
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->records_file, xml);
  EXPECT_EQ(suite->dictionaries, "up:" + dir.path());
  EXPECT_EQ(suite->environment.size(), 2u);
  EXPECT_EQ(suite->include, (std::vector<std::string>{"DEMO", "COMPOUND"}));
  ASSERT_EQ(suite->records.size(), 5u);
  const auto& r = suite->records;
  EXPECT_EQ(r[0].id, "DEMO-01");
  EXPECT_EQ(r[0].text, "Arnor is about to restore full diplomatic ties with Gondor.");
  EXPECT_EQ(r[0].expected, (std::vector<ExpectedEvent>{E("ARN", "GON", "050")}));
  EXPECT_TRUE(r[0].skip.empty());
  EXPECT_EQ(r[1].skip, "evaluate=\"false\"");
  EXPECT_EQ(r[2].skip, "category not in <Include>");
  EXPECT_EQ(r[3].date, model::ParseIsoDate("2008-08-01"));
  EXPECT_EQ(r[3].expected, (std::vector<ExpectedEvent>{E("INJURY TOLL", "OSG", "223")}));
  EXPECT_EQ(r[3].marker, "noevents");
  EXPECT_TRUE(r[3].skip.empty());
  EXPECT_EQ(r[4].marker, "error=dateline");
  EXPECT_FALSE(r[4].skip.empty());
}

TEST(PetrarchValidationTest, MissingDictionaryNamedByEnvironment) {
  TempDir dir;
  dir.Write("v.txt", "");
  dir.Write("PETR.UnitTest.records.xml", kUpXml);
  auto suite = ReadValidationSuite(SuiteKind::kPetrarch, dir.path());
  EXPECT_EQ(suite.status().code(), StatusCode::kNotFound);
  EXPECT_NE(suite.status().message().find("a.txt"), std::string::npos);
}

TEST(ValidationSuiteTest, MissingSuite) {
  TempDir dir;
  EXPECT_EQ(ReadValidationSuite(SuiteKind::kTabari, dir.path() + "/nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadValidationSuite(SuiteKind::kTabari, dir.path()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadValidationSuite(SuiteKind::kPetrarch, dir.path()).status().code(), StatusCode::kNotFound);
}

TEST(ValidationSuiteTest, TabariProject) {
  TempDir dir;
  dir.Write("V.project", "desc\n<actorsfile> a.actors\n<verbsfile> v.verbs\n<textfile>  V.text\n");
  dir.Write("a.actors", "");
  dir.Write("v.verbs", "");
  dir.Write("V.text", "950101  DEMO-01\nArnor met Gondor.\n/*\\n{ ARN / GON / 031 } */\n");
  auto suite = ReadValidationSuite(SuiteKind::kTabari, dir.path());
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->dictionaries, "tabari:" + dir.path() + "/V.project");
  ASSERT_EQ(suite->records.size(), 1u);
  EXPECT_EQ(suite->records[0].expected, (std::vector<ExpectedEvent>{E("ARN", "GON", "031")}));
}

}  // namespace
}  // namespace dyad::io
