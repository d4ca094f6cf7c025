#include "text/tokenizer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/document.h"

namespace dyad::text {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<RawToken> raw;
  Tokenize(text, raw);
  std::vector<std::string> out;
  for (const RawToken& t : raw) out.emplace_back(text.substr(t.start, t.end - t.start));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsPunctuationAndKeepsAbbreviations) {
  EXPECT_EQ(Tokens("TEHRAN (Reuters) - Iran's Gen. Soleimani met U.S. envoys."),
            (V{"TEHRAN", "(", "Reuters", ")", "-", "Iran", "'s", "Gen.", "Soleimani", "met", "U.S.",
               "envoys", "."}));
  EXPECT_EQ(Tokens("\"We will fight,\" he said."), (V{"\"", "We", "will", "fight", ",", "\"", "he", "said", "."}));
  EXPECT_EQ(Tokens("Ms. Doe, etc."), (V{"Ms.", "Doe", ",", "etc."}));
}

TEST(Tokenizer, SplitsClitics) {
  EXPECT_EQ(Tokens("don't can't won't I'm they're we've she'll he'd"),
            (V{"do", "n't", "ca", "n't", "wo", "n't", "I", "'m", "they", "'re", "we", "'ve", "she",
               "'ll", "he", "'d"}));
  EXPECT_EQ(Tokens("Iran\xE2\x80\x99s ministers' cannot gonna"),
            (V{"Iran", "\xE2\x80\x99s", "ministers", "'", "can", "not", "gon", "na"}));
  EXPECT_EQ(Tokens("dont"), (V{"do", "nt"}));
  EXPECT_EQ(Tokens("O'Neill"), (V{"O'Neill"}));
}

TEST(Tokenizer, HyphensAsInEwt) {
  EXPECT_EQ(Tokens("al-Hiyali long-time Iran-Iraq"),
            (V{"al", "-", "Hiyali", "long", "-", "time", "Iran", "-", "Iraq"}));
  EXPECT_EQ(Tokens("non-state e-mail anti-war"), (V{"non-state", "e-mail", "anti-war"}));
  EXPECT_EQ(Tokens("F-16 5-3 345-8702"), (V{"F", "-", "16", "5", "-", "3", "345-8702"}));
  EXPECT_EQ(Tokens("war--and peace -- again"), (V{"war", "--", "and", "peace", "--", "again"}));
  EXPECT_EQ(Tokens("-5 degrees"), (V{"-", "5", "degrees"}));
}

TEST(Tokenizer, KeepsNumbersUrlsAndEmails) {
  EXPECT_EQ(Tokens("1,000 3.5 9/11 1:38 pm $50 5% 1980s"),
            (V{"1,000", "3.5", "9/11", "1:38", "pm", "$", "50", "5", "%", "1980s"}));
  EXPECT_EQ(Tokens("See https://example.org/a?b=c. Mail info@example.com."),
            (V{"See", "https://example.org/a?b=c", ".", "Mail", "info@example.com", "."}));
  EXPECT_EQ(Tokens("3pm and/or 01-Feb-02"), (V{"3", "pm", "and", "/", "or", "01-Feb-02"}));
}

TEST(Tokenizer, GroupsRepeatedPunctuation) {
  EXPECT_EQ(Tokens("What?! No... wait!!!"), (V{"What", "?!", "No", "...", "wait", "!!!"}));
  EXPECT_EQ(Tokens("(:) :)"), (V{"(", ":", ")", ":)"}));
}

TEST(Tokenizer, RecordsLayout) {
  std::string text = "A b\n\nC";
  std::vector<RawToken> raw;
  Tokenize(text, raw);
  ASSERT_EQ(raw.size(), 3u);
  EXPECT_TRUE(raw[0].space_before);
  EXPECT_EQ(raw[1].newlines_before, 0);
  EXPECT_EQ(raw[2].newlines_before, 2);
  EXPECT_EQ(raw[2].start, 5u);
}

TEST(Tokenizer, BoundsTokenLength) {
  std::string text(5000, 'a');
  std::vector<RawToken> raw;
  Tokenize(text, raw);
  ASSERT_GE(raw.size(), 5u);
  for (const RawToken& t : raw) EXPECT_LE(t.end - t.start, model::Token::kMaxTokenBytes);
  EXPECT_EQ(raw.back().end, 5000u);
}

TEST(Tokenizer, NonAsciiSpacesAndPunctuation) {
  EXPECT_EQ(Tokens("Iran\xC2\xA0" "and \xE2\x80\x9CIraq\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9"),
            (V{"Iran", "and", "\xE2\x80\x9C", "Iraq", "\xE2\x80\x9D", "\xE2\x80\x94", "caf\xC3\xA9"}));
  EXPECT_TRUE(Tokens("  \n\t ").empty());
}

}  // namespace
}  // namespace dyad::text
