#include "model/document.h"

#include <gtest/gtest.h>

#include "dyad/status.h"

namespace dyad::model {
namespace {

TEST(ParseIsoDate, AcceptsDatesAndDatetimes) {
  auto d = ParseIsoDate("2017-07-23");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatIsoDate(*d), "2017-07-23");
  auto dt = ParseIsoDate("2017-07-23T13:38:00Z");
  ASSERT_TRUE(dt.has_value());
  EXPECT_EQ(FormatIsoDate(*dt), "2017-07-23");
}

TEST(ParseIsoDate, RejectsMalformedAndImpossibleDays) {
  EXPECT_FALSE(ParseIsoDate("2017-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2017-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("17-07-23").has_value());
  EXPECT_FALSE(ParseIsoDate("2017/07/23").has_value());
  EXPECT_FALSE(ParseIsoDate("2017-07-23junk").has_value());
  EXPECT_FALSE(ParseIsoDate("").has_value());
}

TEST(Document, SpansPointIntoOriginalText) {
  Document doc;
  doc.text = "Iran signed.";
  doc.forms = "Iransigned.";
  doc.tokens.resize(3);
  doc.tokens[0] = Token{.start = 0, .end = 4, .form_start = 0, .form_length = 4};
  doc.tokens[1] = Token{.start = 5, .end = 11, .form_start = 4, .form_length = 6};
  doc.tokens[2] = Token{.start = 11, .end = 12, .form_start = 10, .form_length = 1};
  doc.sentences = {Sentence{0, 12, 0, 3, 0}};
  EXPECT_EQ(doc.Text(doc.tokens[1]), "signed");
  EXPECT_EQ(doc.Form(doc.tokens[2]), ".");
  EXPECT_EQ(doc.Tokens(doc.sentences[0]).size(), 3u);
  EXPECT_EQ(doc.Text(doc.sentences[0]), "Iran signed.");
}

TEST(Status, CarriesCodeAndContext) {
  Status s = InvalidArgumentError("bad date");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.WithContext("a.jsonl:3").message(), "a.jsonl:3: bad date");
  EXPECT_EQ(s.ToString(), "INVALID_ARGUMENT: bad date");
  EXPECT_TRUE(Status::Ok().WithContext("x").ok());
  StatusOr<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  StatusOr<int> e = NotFoundError("nope");
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad::model
