#include "lexicon/coding_ontology.h"

#include <gtest/gtest.h>

namespace dyad::lexicon {
namespace {

// A made-up ontology: 150 is 040 plus the negation offset, 160 is 030 minus it.
constexpr std::string_view kOntology = R"(# a made-up ontology -->
#   with a comment block

030:0x3000#Intend
040:0x4000   # Consult
041:0x4001
150:0xFFFF+0x4000#0x9000#Posture
160:-0xFFFF+0x3000
170:0x0FFFF
---:0
)";

TEST(CodingOntologyTest, ReadsValuesAsSumsOfHexNumbers) {
  std::vector<Diagnostic> diags;
  auto ontology = ParseCodingOntology(kOntology, "pico.txt", {}, &diags);
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(ontology->value_of.at("040"), 0x4000);
  EXPECT_EQ(ontology->value_of.at("150"), 0x13FFF);  // the text after '#' is a comment
  EXPECT_EQ(ontology->value_of.at("160"), 0x3000 - 0xFFFF);
  EXPECT_EQ(ontology->value_of.at("---"), 0);
  EXPECT_EQ(ontology->code_of.at(0x4001), "041");
}

TEST(CodingOntologyTest, NegationSubtractsTheOffsetAndReadsTheCodeBack) {
  auto ontology = ParseCodingOntology(kOntology, "pico.txt", {}, nullptr);
  ASSERT_TRUE(ontology.ok());
  EXPECT_EQ(ontology->Negated("150"), "040");
  EXPECT_EQ(ontology->Negated("151"), "040");  // absent: read as its cue category 150
  EXPECT_EQ(ontology->Negated("170"), "---");  // lands on the null code
  EXPECT_EQ(ontology->Negated("040"), "");     // nothing 0xFFFF below
  EXPECT_EQ(ontology->Negated("160"), "");
  EXPECT_EQ(ontology->Negated("190"), "");     // neither it nor 190 is known
  EXPECT_EQ(ontology->Negated("0411"), "0411");  // above 200: kept as it is
  EXPECT_EQ(ontology->Negated("---"), "");
  EXPECT_EQ(ontology->Negated(""), "");
}

TEST(CodingOntologyTest, MalformedLinesAreSkippedWithFileAndLine) {
  constexpr std::string_view kBad = "040:0x4000\n041 0x4001\nABC:0x1\n042:0x40G2\n043:0x1++0x2\n044:\n040:0x4004\n";
  std::vector<Diagnostic> diags;
  auto ontology = ParseCodingOntology(kBad, "bad.txt", {}, &diags);
  ASSERT_TRUE(ontology.ok());
  ASSERT_EQ(diags.size(), 6u);
  EXPECT_EQ(diags[0].ToString(), "bad.txt:2: expected CODE:VALUE; skipped");
  EXPECT_EQ(diags[1].line, 3u);
  EXPECT_EQ(diags[2].line, 4u);
  EXPECT_EQ(diags[3].line, 5u);
  EXPECT_EQ(diags[4].line, 6u);
  EXPECT_EQ(diags[5].ToString(), "bad.txt:7: code 040 given again; the later value kept");
  EXPECT_EQ(ontology->value_of.size(), 1u);
  EXPECT_EQ(ontology->value_of.at("040"), 0x4004);

  LoadOptions strict;
  strict.strict = true;
  auto failed = ParseCodingOntology(kBad, "bad.txt", strict, nullptr);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(failed.status().message().find("bad.txt:2:"), std::string::npos);
}

TEST(CodingOntologyTest, MissingFileIsNotFound) {
  auto ontology = LoadCodingOntology("/nonexistent/pico.txt", {}, nullptr);
  ASSERT_FALSE(ontology.ok());
  EXPECT_EQ(ontology.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad::lexicon
