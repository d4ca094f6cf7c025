// Tests of the word classes: the exchange algorithm separates obvious word groups, the file
// survives a round trip, damaged or missing files are errors that name the file.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/clusters.h"
#include "nlp/nlp_test_util.h"
#include "nlp/pipeline.h"

namespace dyad::nlp {
namespace {

// "the <animal> <verb> ." for every animal and verb: animals and verbs are the two groups.
ClusterCorpus AnimalsAndVerbs() {
  ClusterCorpus corpus;
  const std::vector<std::string_view> animals = {"cat", "dog", "fox", "cow"}, verbs = {"runs", "eats", "sleeps", "jumps"};
  for (int repeat = 0; repeat < 3; ++repeat) {
    for (std::string_view a : animals) {
      for (std::string_view v : verbs) {
        const std::string_view sentence[] = {"The", a, v, "."};
        corpus.AddSentence(sentence);
      }
    }
  }
  return corpus;
}

WordClusters TrainSmall() {
  ClusterOptions options;
  options.classes = 4;
  options.min_count = 1;
  return WordClusters::Train(AnimalsAndVerbs(), options, nullptr);
}

uint32_t Fine(const WordClusters& c, std::string_view word) {
  std::string scratch;
  return WordClusters::Level(c.Classes(word, scratch), 0);
}

TEST(WordClusters, ExchangeSeparatesTwoWordGroups) {
  WordClusters c = TrainSmall();
  EXPECT_EQ(c.num_words(), 10u);
  for (std::string_view a : {"dog", "fox", "cow"}) EXPECT_EQ(Fine(c, a), Fine(c, "cat")) << a;
  for (std::string_view v : {"eats", "sleeps", "jumps"}) EXPECT_EQ(Fine(c, v), Fine(c, "runs")) << v;
  EXPECT_NE(Fine(c, "cat"), Fine(c, "runs"));
  EXPECT_NE(Fine(c, "cat"), 0u);
  EXPECT_EQ(Fine(c, "Cat"), Fine(c, "cat"));  // normal form: lowercase
  EXPECT_EQ(Fine(c, "zebra"), 0u);              // unknown word: no class
}

TEST(WordClusters, NormalFormFoldsCaseAndDigits) {
  std::string out;
  ClusterNormalForm("G-20 1,987", out);
  EXPECT_EQ(out, "g-00 0,000");
}

TEST(WordClusters, SaveLoadRoundTrip) {
  WordClusters c = TrainSmall();
  const std::string path = ::testing::TempDir() + "/round-trip-clusters.bin";
  ASSERT_TRUE(c.Save(path, "test").ok());
  auto loaded = WordClusters::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  std::string s1, s2;
  for (std::string_view w : {"the", "cat", "runs", ".", "zebra"}) {
    EXPECT_EQ(loaded->Classes(w, s1), c.Classes(w, s2)) << w;
  }
  for (int level = 0; level < kClusterLevels; ++level) EXPECT_EQ(loaded->num_classes(level), c.num_classes(level));
}

TEST(WordClusters, BadOrMissingFileIsAnErrorNamingIt) {
  const std::string path = ::testing::TempDir() + "/bad-clusters.bin";
  std::ofstream(path) << "not a cluster file at all";
  auto bad = WordClusters::Load(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find(path), std::string::npos) << bad.status().ToString();
  auto missing = WordClusters::Load(path + ".missing");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().ToString().find(path + ".missing"), std::string::npos);
}

// A tagger trained with word classes needs them beside its file; one trained without does not.
TEST(WordClusters, ModelTrainedWithClassesNeedsTheFile) {
  const auto docs = testing::ParseFixture(testing::ReadTestFile("tiny.conllu"));
  WordClusters clusters = TrainSmall();
  TaggerOptions options;
  options.epochs = 2;
  options.clusters = &clusters;
  TaggerModel model;
  model.tagger = Tagger::Train(docs, {}, options, nullptr);
  model.uses_clusters = true;
  const std::string dir = ::testing::TempDir() + "/clusters-model";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir + "/" + kClustersFile);
  ASSERT_TRUE(SaveTaggerModel(dir + "/" + kTaggerFile, model).ok());
  auto without = LoadTaggerModel(dir + "/" + kTaggerFile);
  ASSERT_FALSE(without.ok());
  EXPECT_NE(without.status().ToString().find(kClustersFile), std::string::npos) << without.status().ToString();
  ASSERT_TRUE(clusters.Save(dir + "/" + kClustersFile, "test").ok());
  auto with = LoadTaggerModel(dir + "/" + kTaggerFile);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  EXPECT_TRUE(with->uses_clusters);
  ASSERT_NE(with->clusters, nullptr);
  EXPECT_EQ(with->clusters->num_words(), clusters.num_words());
}

// With word classes the parser still scores a token's cached feature groups exactly as the
// uncached reference does (the class features sit in the groups their tokens belong to).
TEST(WordClusters, ParserWithClassesMatchesTheUncachedReference) {
  const auto docs = testing::ParseFixture(testing::ReadTestFile("tiny.conllu"));
  ClusterCorpus corpus;
  std::vector<std::string_view> forms;
  for (const model::Document& d : docs) {
    for (const model::Sentence& s : d.sentences) {
      forms.clear();
      for (const model::Token& t : d.Tokens(s)) forms.push_back(d.Form(t));
      corpus.AddSentence(forms);
    }
  }
  ClusterOptions copt;
  copt.classes = 8;
  copt.min_count = 1;
  WordClusters clusters = WordClusters::Train(corpus, copt, nullptr);
  ParserOptions popt;
  popt.epochs = 5;
  popt.clusters = &clusters;
  const Parser parser = Parser::Train(docs, {}, nullptr, popt, nullptr);
  const std::vector<std::string> vocab = {"The", "army", "attacked", "rebels", "in", "Paris", ".", "and",
                                          "police", "arrested", "men", "two", "by", ",", "who", "said"};
  std::mt19937 rng(5);
  ParserWorkspace ws;
  for (int k = 0; k < 100; ++k) {
    std::vector<std::string> words;
    for (int i = 0, n = 1 + rng() % 40; i < n; ++i) words.push_back(vocab[rng() % vocab.size()]);
    model::Document fast = testing::MakeSentence(words);
    for (model::Token& t : fast.tokens) {  // arbitrary but fixed tags
      t.upos = static_cast<uint8_t>(1 + rng() % 17);
      t.xpos = static_cast<uint8_t>(1 + rng() % 40);
    }
    model::Document reference = fast;
    parser.Parse(fast, fast.sentences[0], ws);
    parser.ParseReference(reference, reference.sentences[0], ws);
    for (size_t j = 0; j < fast.tokens.size(); ++j) {
      EXPECT_EQ(fast.tokens[j].head, reference.tokens[j].head) << k << ":" << j;
      EXPECT_EQ(fast.tokens[j].deprel, reference.tokens[j].deprel) << k << ":" << j;
    }
  }
}

}  // namespace
}  // namespace dyad::nlp
