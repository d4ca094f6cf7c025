#include <gtest/gtest.h>

#include "io/document_stream.h"
#include "io/io_test_util.h"
#include "model/tagset.h"

namespace dyad::io {
namespace {

using dyad::io::testing::TempDir;

constexpr char kTwoDocs[] =
    "# newdoc id = a\n"
    "# text = Iran signed.\n"
    "1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = b\n"
    "# text = Iraq agreed\n"
    "1\tIraq\tIraq\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "\n";

std::vector<model::Document> ReadAll(const std::string& path, std::vector<std::string>* errors) {
  ReadOptions options;
  options.format = InputFormat::kConllu;
  auto stream = DocumentStream::Open({path}, options);
  EXPECT_TRUE(stream.ok());
  std::vector<model::Document> docs;
  model::Document doc;
  Status error;
  for (;;) {
    ReadEvent ev = (*stream)->Next(&doc, &error);
    if (ev == ReadEvent::kEnd) break;
    if (ev == ReadEvent::kError) {
      errors->push_back(error.message());
    } else {
      docs.push_back(doc);
    }
  }
  return docs;
}

TEST(ConlluReader, StreamsDocumentsWithTheirParses) {
  TempDir dir;
  std::vector<std::string> errors;
  auto docs = ReadAll(dir.Write("in.conllu", kTwoDocs), &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[1].id, "b");
  ASSERT_EQ(docs[0].tokens.size(), 3u);
  EXPECT_EQ(docs[0].Lemma(docs[0].tokens[1]), "sign");
  EXPECT_EQ(docs[0].tokens[0].head, 1);
  EXPECT_EQ(docs[0].tokens[1].upos, model::UposId("VERB"));
  EXPECT_EQ(docs[0].Text(docs[0].tokens[1]), "signed");
}

TEST(ConlluReader, AnErrorNamesTheFileLineAndReadingGoesOn) {
  TempDir dir;
  std::string bad = std::string(kTwoDocs).replace(std::string(kTwoDocs).find("1\tIran"), 1, "x");
  std::vector<std::string> errors;
  auto docs = ReadAll(dir.Write("bad.conllu", bad), &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("bad.conllu:3:"), std::string::npos) << errors[0];
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "b");
}

}  // namespace
}  // namespace dyad::io
