#include "text/analyzer.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/normalizer.h"

namespace dyad::text {
namespace {

TEST(Normalizer, FoldsTypographyAndComposes) {
  std::string out;
  AppendNormalizedForm("Iran\xE2\x80\x99s", out);
  EXPECT_EQ(out, "Iran's");
  out.clear();
  AppendNormalizedForm("\xE2\x80\x9C" "x" "\xE2\x80\x9D" "\xE2\x80\x94" "\xE2\x80\xA6", out);
  EXPECT_EQ(out, "\"x\"--...");
  out.clear();
  AppendNormalizedForm("cafe\xCC\x81", out);  // e + combining acute -> é
  EXPECT_EQ(out, "caf\xC3\xA9");
  out.clear();
  AppendNormalizedForm("plain", out);
  EXPECT_EQ(out, "plain");
}

TEST(Analyzer, OffsetsRoundTripAndFormsAreFolded) {
  model::Document doc;
  doc.text = "TEHRAN (Reuters) \xE2\x80\x94 Iran\xE2\x80\x99s minister signed.\n\nRead: more";
  SegmentAndTokenize(doc);
  ASSERT_FALSE(doc.tokens.empty());
  for (const auto& s : doc.sentences) {
    for (const auto& t : doc.Tokens(s)) {
      EXPECT_LE(t.end, doc.text.size());
      EXPECT_EQ(doc.Text(t), doc.text.substr(t.start, t.end - t.start));
    }
  }
  EXPECT_EQ(doc.Form(doc.tokens[6]), "'s");
  EXPECT_EQ(doc.Text(doc.tokens[6]), "\xE2\x80\x99s");
  EXPECT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].flags, model::Sentence::kDateline);
  EXPECT_EQ(doc.sentences[2].paragraph, 1u);
  EXPECT_TRUE(doc.tokens[0].flags & model::Token::kSpaceAfter);
}

TEST(Analyzer, EmptyAndWhitespaceDocuments) {
  model::Document doc;
  SegmentAndTokenize(doc);
  EXPECT_TRUE(doc.sentences.empty());
  doc.text = " \n\n\t ";
  SegmentAndTokenize(doc);
  EXPECT_TRUE(doc.tokens.empty());
}

// The hand-annotated news set: the segmenter must get edited news prose nearly perfect.
TEST(Analyzer, NewsProseSentenceF1) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/src/text/testdata/news_sentences.txt");
  ASSERT_TRUE(in) << "testdata missing";
  model::Document doc;
  std::vector<std::pair<uint32_t, uint32_t>> gold;
  std::string line;
  bool new_paragraph = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') continue;
    if (line.empty()) {
      new_paragraph = true;
      continue;
    }
    if (!doc.text.empty()) doc.text += new_paragraph ? "\n\n" : " ";
    new_paragraph = false;
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += line;
    gold.emplace_back(start, static_cast<uint32_t>(doc.text.size()));
  }
  ASSERT_GE(gold.size(), 60u);
  SegmentAndTokenize(doc);
  size_t correct = 0;
  std::ostringstream wrong;
  for (const auto& s : doc.sentences) {
    if (std::find(gold.begin(), gold.end(), std::make_pair(s.start, s.end)) != gold.end()) {
      ++correct;
    } else {
      wrong << "  [" << doc.Text(s) << "]\n";
    }
  }
  double precision = double(correct) / doc.sentences.size();
  double recall = double(correct) / gold.size();
  double f1 = 2 * precision * recall / (precision + recall);
  EXPECT_GE(f1, 0.97) << "wrong sentences:\n" << wrong.str();
  EXPECT_EQ(wrong.str(), "") << "F1 " << f1;
}

}  // namespace
}  // namespace dyad::text
