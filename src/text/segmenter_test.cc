#include "text/segmenter.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

struct Segmented {
  std::vector<std::string> sentences;
  std::vector<bool> datelines;
};

Segmented SegmentText(std::string_view text) {
  std::vector<RawToken> raw;
  Tokenize(text, raw);
  std::vector<model::Sentence> sentences;
  Segment(text, raw, sentences);
  Segmented out;
  for (const auto& s : sentences) {
    out.sentences.emplace_back(text.substr(s.start, s.end - s.start));
    out.datelines.push_back((s.flags & model::Sentence::kDateline) != 0);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Segmenter, SplitsAtFinalPunctuation) {
  EXPECT_EQ(SegmentText("Iran signed. Iraq agreed! Why? Nobody knows.").sentences,
            (V{"Iran signed.", "Iraq agreed!", "Why?", "Nobody knows."}));
}

TEST(Segmenter, AbbreviationsDoNotSplit) {
  EXPECT_EQ(SegmentText("Gen. Aoun met Mr. Smith on Jan. 5 in the U.S. capital. He left.").sentences,
            (V{"Gen. Aoun met Mr. Smith on Jan. 5 in the U.S. capital.", "He left."}));
  EXPECT_EQ(SegmentText("He works for Acme Inc. The company is big.").sentences,
            (V{"He works for Acme Inc.", "The company is big."}));
  EXPECT_EQ(SegmentText("Ask for No. 5 please.").sentences, (V{"Ask for No. 5 please."}));
}

TEST(Segmenter, QuotesStayWithTheirSentence) {
  EXPECT_EQ(SegmentText("\"We will fight,\" he said. \"We will win.\" Then he left.").sentences,
            (V{"\"We will fight,\" he said.", "\"We will win.\"", "Then he left."}));
  EXPECT_EQ(SegmentText("\"Will you?\" he asked.").sentences, (V{"\"Will you?\" he asked."}));
}

TEST(Segmenter, DatelinesAreTheirOwnSentence) {
  auto r = SegmentText("TEHRAN (Reuters) - Iran and Iraq signed an accord.");
  EXPECT_EQ(r.sentences, (V{"TEHRAN (Reuters) -", "Iran and Iraq signed an accord."}));
  EXPECT_EQ(r.datelines, (std::vector<bool>{true, false}));
  r = SegmentText("BEIRUT, July 23 (AFP) \xE2\x80\x94 Talks resumed.");
  EXPECT_EQ(r.sentences, (V{"BEIRUT, July 23 (AFP) \xE2\x80\x94", "Talks resumed."}));
  // A hyphen inside an ordinary first sentence is not a dateline.
  r = SegmentText("The Iran - Iraq border reopened.");
  EXPECT_EQ(r.sentences, (V{"The Iran - Iraq border reopened."}));
}

TEST(Segmenter, ParagraphsAndShortLinesBreak) {
  auto r = SegmentText("Iran and Iraq sign accord\n\nJuly 23, 2017\n\nThe deal was signed in Tehran. It covers training.");
  EXPECT_EQ(r.sentences, (V{"Iran and Iraq sign accord", "July 23, 2017", "The deal was signed in Tehran.",
                            "It covers training."}));
  r = SegmentText("By Jane Doe\nTEHRAN (Reuters) - Talks began.");
  EXPECT_EQ(r.sentences, (V{"By Jane Doe", "TEHRAN (Reuters) -", "Talks began."}));
  // Hard-wrapped prose lines do not break.
  r = SegmentText("The minister said on Sunday that the talks with the delegation would\ncontinue next week in Geneva.");
  EXPECT_EQ(r.sentences.size(), 1u);
}

TEST(Segmenter, LinkLinesAreFlagged) {
  std::vector<model::Sentence> sentences;
  std::vector<RawToken> raw;
  std::string text = "Iran signed an accord.\n\nRead: Iran announces new missile line\n\nAlso read Iraq votes\n\nThey read: the text.";
  Tokenize(text, raw);
  Segment(text, raw, sentences);
  ASSERT_EQ(sentences.size(), 4u);
  EXPECT_EQ(sentences[0].flags, 0u);
  EXPECT_EQ(sentences[1].flags, model::Sentence::kLinkLine);
  EXPECT_EQ(sentences[2].flags, model::Sentence::kLinkLine);
  EXPECT_EQ(sentences[3].flags, 0u);
}

TEST(Segmenter, ListItemsBreak) {
  auto r = SegmentText("The accord covers:\n- border security\n- training");
  EXPECT_EQ(r.sentences, (V{"The accord covers:", "- border security", "- training"}));
}

TEST(Segmenter, EveryTokenInOneSentenceInOrder) {
  std::string text = "A. B? c! \"D.\" (E.) F... g";
  std::vector<RawToken> raw;
  Tokenize(text, raw);
  std::vector<model::Sentence> sentences;
  Segment(text, raw, sentences);
  uint32_t next = 0;
  for (const auto& s : sentences) {
    EXPECT_EQ(s.token_begin, next);
    EXPECT_LT(s.token_begin, s.token_end);
    next = s.token_end;
  }
  EXPECT_EQ(next, raw.size());
}

TEST(Segmenter, CutsOverlongSentences) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "word, ";
  std::vector<RawToken> raw;
  Tokenize(text, raw);
  std::vector<model::Sentence> sentences;
  Segment(text, raw, sentences);
  ASSERT_GT(sentences.size(), 10u);
  for (const auto& s : sentences) EXPECT_LE(s.size(), kMaxSentenceTokens);
}

}  // namespace
}  // namespace dyad::text
