#include "io/conllu.h"

#include <gtest/gtest.h>

#include "model/tagset.h"

namespace dyad::io {
namespace {

constexpr char kSample[] =
    "# newdoc id = d1\n"
    "# sent_id = 1\n"
    "# text = They don't want war.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\twant\twant\tVERB\tVB\t_\t0\troot\t0:root\t_\n"
    "5\twar\twar\tNOUN\tNN\t_\t4\tobj\t4:obj\tSpaceAfter=No\n"
    "5.1\tx\tx\tNOUN\tNN\t_\t_\t_\t4:obj\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = 2\n"
    "1\tPeace\tpeace\tNOUN\tNN\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n"
    "\n"
    "# newdoc id = d2\n"
    "# text = Hi\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"
    "\n";

TEST(Conllu, ReadsDocumentsWordsAndExactOffsets) {
  auto docs = ParseConllu(kSample, "sample.conllu");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  const model::Document& d = (*docs)[0];
  EXPECT_EQ(d.id, "d1");
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(d.text, "They don't want war.\nPeace!");
  ASSERT_EQ(d.tokens.size(), 8u);  // MWT range and empty node skipped
  EXPECT_EQ(d.Text(d.tokens[1]), "do");
  EXPECT_EQ(d.Text(d.tokens[2]), "n't");
  EXPECT_EQ(d.Text(d.tokens[4]), "war");
  EXPECT_EQ(d.Text(d.tokens[7]), "!");
  EXPECT_EQ(d.Lemma(d.tokens[2]), "not");
  EXPECT_EQ(d.tokens[0].head, 3);
  EXPECT_EQ(d.tokens[3].head, -1);
  EXPECT_EQ(d.tokens[3].deprel, model::kDeprelRoot);
  EXPECT_EQ(d.tokens[0].upos, model::UposId("PRON"));
  EXPECT_EQ(d.tokens[0].xpos, model::XposId("PRP"));
  EXPECT_EQ((*docs)[1].text, "Hi");
}

TEST(Conllu, WritesWhatItReads) {
  auto docs = ParseConllu(kSample, "sample.conllu");
  ASSERT_TRUE(docs.ok());
  std::string out;
  for (const auto& d : *docs) AppendConllu(d, out);
  auto again = ParseConllu(out, "out.conllu");
  ASSERT_TRUE(again.ok()) << again.status().ToString() << "\n" << out;
  ASSERT_EQ(again->size(), 2u);
  EXPECT_EQ((*again)[0].text, (*docs)[0].text);
  std::string out2;
  for (const auto& d : *again) AppendConllu(d, out2);
  EXPECT_EQ(out, out2);
  EXPECT_NE(out.find("5\twar\twar\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No\n"), std::string::npos) << out;
}

TEST(Conllu, RebuildsTextWithoutTextComment) {
  auto docs = ParseConllu("1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_\n"
                          "3\tworld\tworld\tNOUN\tNN\t_\t1\tvocative\t_\t_\n\n", "x");
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ((*docs)[0].text, "Hello, world");
  EXPECT_EQ((*docs)[0].Text((*docs)[0].tokens[2]), "world");
}

TEST(Conllu, ErrorsNameFileAndLine) {
  auto bad_columns = ParseConllu("# c\n1\tHello\n", "bad.conllu");
  ASSERT_FALSE(bad_columns.ok());
  EXPECT_EQ(bad_columns.status().message(), "bad.conllu:2: expected 10 tab-separated columns");
  auto bad_head = ParseConllu("1\ta\ta\tX\tFW\t_\t7\tdep\t_\t_\n\n", "h.conllu");
  ASSERT_FALSE(bad_head.ok());
  EXPECT_NE(bad_head.status().message().find("h.conllu:1:"), std::string::npos);
  auto bad_id = ParseConllu("2\ta\ta\tX\tFW\t_\t0\troot\t_\t_\n\n", "i.conllu");
  EXPECT_EQ(bad_id.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadConlluFile("/nonexistent/x.conllu").status().code(), StatusCode::kNotFound);
}

// Found by fuzz/io_conllu_fuzzer (crash input in fuzz/corpus/io_conllu/): a multiword range that
// the sentence ends before completing ("1-3" with words 1 and 2 only), or that the next range cuts
// short, made the span assignment read past the last word. Each word now keeps a span inside the
// text, with or without "# text".
TEST(Conllu, IncompleteMultiwordRangeStaysInsideTheSentence) {
  for (const char* text : {"# text = abc d\n", ""}) {
    std::string input = std::string(text) +
                        "1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "1\ta\ta\tX\tFW\t_\t0\troot\t_\t_\n"
                        "2\tb\tb\tX\tFW\t_\t1\tdep\t_\t_\n\n"
                        "1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "1\ta\ta\tX\tFW\t_\t0\troot\t_\t_\n"
                        "2-3\tbc\t_\t_\t_\t_\t_\t_\t_\t_\n"
                        "2\tb\tb\tX\tFW\t_\t1\tdep\t_\t_\n"
                        "3\tc\tc\tX\tFW\t_\t1\tdep\t_\t_\n\n";
    auto docs = ParseConllu(input, "mwt.conllu");
    ASSERT_TRUE(docs.ok()) << docs.status().ToString();
    ASSERT_EQ(docs->size(), 1u);
    const model::Document& d = (*docs)[0];
    ASSERT_EQ(d.tokens.size(), 5u);
    for (const model::Token& t : d.tokens) {
      EXPECT_LT(t.start, t.end);
      EXPECT_LE(t.end, d.text.size());
    }
    EXPECT_EQ(d.Text(d.tokens[0]), "abc");  // the whole range: its words do not spell it
  }
}

// Found by fuzz/pipeline_conllu_fuzzer: words that spell more than their multiword token's
// surface ("1-2 ab" over "abc" and "d") made the span check read past the surface (an
// out_of_range exception that ended the process).
TEST(Conllu, WordsLongerThanTheirMultiwordTokenGetItsSpan) {
  auto docs = ParseConllu("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"
                          "1\tabc\tabc\tX\tFW\t_\t0\troot\t_\t_\n"
                          "2\tdefgh\td\tX\tFW\t_\t1\tdep\t_\t_\n\n",
                          "long.conllu");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  const model::Document& d = (*docs)[0];
  ASSERT_EQ(d.tokens.size(), 2u);
  EXPECT_EQ(d.Text(d.tokens[0]), "ab");
  EXPECT_EQ(d.Text(d.tokens[1]), "ab");
}

// Found by fuzz/io_conllu_fuzzer: an empty FORM column made an empty token, which no later stage
// expects. It is an error naming the line, as the format requires "_" for a blank field.
TEST(Conllu, EmptyFormIsAnError) {
  auto docs = ParseConllu("1\ta\ta\tX\tFW\t_\t0\troot\t_\t_\n2\t\tb\tX\tFW\t_\t1\tdep\t_\t_\n\n",
                          "empty.conllu");
  ASSERT_FALSE(docs.ok());
  EXPECT_EQ(docs.status().message(), "empty.conllu:2: empty FORM");
}

TEST(Conllu, SplitsLongUnmarkedFilesIntoDocuments) {
  std::string many;
  for (size_t i = 0; i < kMaxSentencesPerDocument + 5; ++i) many += "1\tx\tx\tX\tFW\t_\t0\troot\t_\t_\n\n";
  auto docs = ParseConllu(many, "m");
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[1].sentences.size(), 5u);
}

}  // namespace
}  // namespace dyad::io
