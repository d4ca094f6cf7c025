// Accuracy of the shipped nlp models (data/models) on UD English EWT test, gold tokenization.
// Skips when ../shared is absent. The floors are the shipped models' figures minus a small
// margin: a change that loses accuracy fails here. The targets (UPOS 96.0, LEMMA 97.5,
// UAS 88.0, LAS 85.5) are printed next to the figures; see data/models/README.md.
#include <filesystem>

#include <gtest/gtest.h>

#include "io/conllu.h"
#include "nlp/evaluation.h"
#include "nlp/pipeline.h"

namespace dyad {
namespace {

// The shipped models' EWT test figures (data/models/README.md) minus ~0.3 points.
constexpr double kUposFloor = 95.0, kXposFloor = 94.3, kLemmaFloor = 96.5, kUasFloor = 84.8,
                 kLasFloor = 81.2;

TEST(ParseEval, EwtTestWithGoldTokenization) {
  const std::string gold_path = std::string(DYAD_SHARED_DIR) + "/data/ud-english-ewt/en_ewt-ud-test.conllu";
  if (!std::filesystem::exists(gold_path)) GTEST_SKIP() << gold_path << " not found (../shared absent)";
  auto pipeline = nlp::Pipeline::Load(std::string(DYAD_SOURCE_DIR) + "/data/models");
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  auto gold = io::ReadConlluFile(gold_path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  nlp::ParseScores scores;
  for (const model::Document& g : *gold) {
    model::Document d = nlp::StripAnalysis(g);
    (*pipeline)->Analyze(d);
    ASSERT_TRUE(nlp::AddScores(g, d, &scores).ok());
  }
  std::printf("EWT test: %s (targets UPOS=96.00 LEMMA=97.50 UAS=88.00 LAS=85.50)\n",
              scores.Summary().c_str());
  EXPECT_GT(scores.tokens, 25000u);
  EXPECT_GE(scores.Percent(scores.upos), kUposFloor);
  EXPECT_GE(scores.Percent(scores.xpos), kXposFloor);
  EXPECT_GE(scores.Percent(scores.lemma), kLemmaFloor);
  EXPECT_GE(scores.Percent(scores.uas), kUasFloor);
  EXPECT_GE(scores.Percent(scores.las), kLasFloor);
}

}  // namespace
}  // namespace dyad
