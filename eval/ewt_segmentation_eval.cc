// Sentence and token boundary F1 of the text layer on UD English EWT (test split).
//
// Documents are rebuilt from the treebank's comments: sentences of a paragraph (# newpar) joined
// by one space, paragraphs by a blank line, documents at # newdoc. Gold token spans come from the
// word forms (multiword tokens such as "don't" count as their words "do" + "n't", which is how
// dyad tokenizes). Skips when ../shared is absent.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/analyzer.h"
#include "text/normalizer.h"
#include "text/utf8.h"

namespace dyad {
namespace {

struct Span {
  uint32_t start, end;
  bool operator<(const Span& o) const { return start != o.start ? start < o.start : end < o.end; }
  bool operator==(const Span& o) const = default;
};

struct GoldDocument {
  std::string text;
  std::vector<Span> sentences;
  std::vector<Span> tokens;
};

// Reads the EWT file into documents with gold spans.
std::vector<GoldDocument> ReadEwt(const std::string& path) {
  std::ifstream in(path);
  std::vector<GoldDocument> docs;
  std::string line, sentence_text;
  bool new_par = false;
  size_t cursor = 0;  // next byte of the sentence text to align a word to
  uint32_t sentence_start = 0;
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0) {
      docs.emplace_back();
      new_par = true;
    } else if (line.rfind("# newpar", 0) == 0) {
      new_par = true;
    } else if (line.rfind("# text = ", 0) == 0) {
      if (docs.empty()) docs.emplace_back();
      GoldDocument& d = docs.back();
      sentence_text = line.substr(9);
      if (!d.text.empty()) d.text += new_par ? "\n\n" : " ";
      new_par = false;
      sentence_start = static_cast<uint32_t>(d.text.size());
      d.text += sentence_text;
      d.sentences.push_back({sentence_start, static_cast<uint32_t>(d.text.size())});
      cursor = 0;
    } else if (!line.empty() && line[0] != '#') {
      size_t tab1 = line.find('\t');
      std::string id = line.substr(0, tab1);
      if (id.find('-') != std::string::npos || id.find('.') != std::string::npos) continue;
      size_t tab2 = line.find('\t', tab1 + 1);
      std::string form = line.substr(tab1 + 1, tab2 - tab1 - 1);
      while (cursor < sentence_text.size() && sentence_text[cursor] == ' ') ++cursor;
      if (sentence_text.compare(cursor, form.size(), form) == 0) {
        docs.back().tokens.push_back({static_cast<uint32_t>(sentence_start + cursor),
                                      static_cast<uint32_t>(sentence_start + cursor + form.size())});
        cursor += form.size();
      }
      // A word whose form is not spelled out in the text (rare normalized MWT parts) is left out
      // of the gold set; the prediction's token there then counts as a false positive.
    }
  }
  return docs;
}

struct Counts {
  size_t gold = 0, predicted = 0, correct = 0;
  void Add(std::vector<Span> gold_spans, std::vector<Span> predicted_spans) {
    std::sort(gold_spans.begin(), gold_spans.end());
    std::sort(predicted_spans.begin(), predicted_spans.end());
    gold += gold_spans.size();
    predicted += predicted_spans.size();
    std::vector<Span> both;
    std::set_intersection(gold_spans.begin(), gold_spans.end(), predicted_spans.begin(),
                          predicted_spans.end(), std::back_inserter(both));
    correct += both.size();
  }
  double F1() const {
    double p = predicted ? double(correct) / predicted : 0, r = gold ? double(correct) / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

TEST(EwtSegmentation, SentenceAndTokenF1) {
  const std::string path = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared is absent: " << path << " not found";
  std::vector<GoldDocument> docs = ReadEwt(path);
  ASSERT_GT(docs.size(), 100u);
  Counts sentences, tokens;
  size_t checked_tokens = 0;
  for (const GoldDocument& gold : docs) {
    model::Document doc;
    doc.text = gold.text;
    text::SegmentAndTokenize(doc);
    std::vector<Span> ps, pt;
    for (const auto& s : doc.sentences) ps.push_back({s.start, s.end});
    for (const auto& t : doc.tokens) {
      pt.push_back({t.start, t.end});
      // Offsets round-trip: each token is a non-empty slice of the text, cut at character
      // boundaries, and its form is exactly the normalized slice.
      ASSERT_LT(t.start, t.end);
      ASSERT_LE(t.end, doc.text.size());
      std::string_view slice = doc.Text(t);
      ASSERT_EQ(text::FindInvalidUtf8(slice), std::string_view::npos) << slice;
      std::string form;
      text::AppendNormalizedForm(slice, form);
      ASSERT_EQ(doc.Form(t), form);
      ++checked_tokens;
    }
    sentences.Add(gold.sentences, ps);
    tokens.Add(gold.tokens, pt);
  }
  std::printf("EWT test: documents=%zu sentences gold=%zu predicted=%zu sentence_F1=%.4f "
              "tokens gold=%zu predicted=%zu token_F1=%.4f\n",
              docs.size(), sentences.gold, sentences.predicted, sentences.F1(), tokens.gold,
              tokens.predicted, tokens.F1());
  EXPECT_EQ(checked_tokens, tokens.predicted);
  EXPECT_GE(sentences.F1(), 0.80);
  EXPECT_GE(tokens.F1(), 0.99);
}

}  // namespace
}  // namespace dyad
