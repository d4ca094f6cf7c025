#include "nlp/perceptron.h"

#include <gtest/gtest.h>

#include <vector>

namespace dyad::nlp {
namespace {

// Version 3 SparseWeights bytes of two features over 6 classes:
//   0x100 -> {class 0: -7, class 5: 9}, 0x200 -> {class 3: 5}.
std::string TwoFeaturesV3() {
  ByteWriter w;
  w.U32(6);
  w.U64(2);
  w.U64(3);
  w.U64(0x100);
  w.U64(0x200);
  w.U8(2);
  w.U8(1);
  for (auto [weight, cls] : {std::pair{-7, 0}, {9, 5}, {5, 3}}) {
    w.U16(static_cast<uint16_t>(weight));
    w.U8(static_cast<uint8_t>(cls));
  }
  return w.bytes();
}

std::vector<int32_t> ScoresOf(const SparseWeights& s, std::vector<uint64_t> features) {
  std::vector<int32_t> scores(s.num_classes(), 0);
  s.Score(features, scores.data());
  return scores;
}

TEST(SparseWeights, Version3LoadsScoresAndSavesTheSameBytes) {
  std::string bytes = TwoFeaturesV3();
  ByteReader r(bytes);
  SparseWeights s;
  ASSERT_TRUE(s.Load(r, 3));
  EXPECT_TRUE(r.at_end());
  EXPECT_EQ(s.num_features(), 2u);
  // Unknown features (and the hash 0, which marks empty slots) add nothing.
  EXPECT_EQ(ScoresOf(s, {0x100, 0x200, 0x999, 0}), (std::vector<int32_t>{-7, 0, 0, 5, 0, 9}));
  ByteWriter again;
  s.Save(again);
  EXPECT_EQ(again.bytes(), bytes);
}

TEST(SparseWeights, Version2LayoutStillLoads) {
  // Versions 1-2: {hash, u16 count, entries} per feature, in any order.
  ByteWriter w;
  w.U32(6);
  w.U64(2);
  w.U64(3);
  w.U64(0x200);
  w.U16(1);
  w.U16(5);
  w.U8(3);
  w.U64(0x100);
  w.U16(2);
  w.U16(static_cast<uint16_t>(-7));
  w.U8(0);
  w.U16(9);
  w.U8(5);
  ByteReader r(w.bytes());
  SparseWeights s;
  ASSERT_TRUE(s.Load(r, 2));
  EXPECT_EQ(ScoresOf(s, {0x100, 0x200}), (std::vector<int32_t>{-7, 0, 0, 5, 0, 9}));
  ByteWriter v3;
  s.Save(v3);
  EXPECT_EQ(v3.bytes(), TwoFeaturesV3());  // `dyad train resave` converts like this
}

TEST(SparseWeights, InconsistentTablesAreRejected) {
  const std::string good = TwoFeaturesV3();
  auto loads = [](const std::string& bytes) {
    ByteReader r(bytes);
    SparseWeights s;
    return s.Load(r, 3) && r.at_end();
  };
  ASSERT_TRUE(loads(good));
  for (size_t cut = 0; cut < good.size(); ++cut) EXPECT_FALSE(loads(good.substr(0, cut))) << cut;
  // Offsets: classes 0, features 4, entries 12, hashes 20 and 28, counts 36 and 37, entries 38.
  auto patched = [&](size_t pos, uint8_t byte) {
    std::string b = good;
    b[pos] = static_cast<char>(byte);
    return b;
  };
  EXPECT_FALSE(loads(patched(0, 0))) << "no classes";
  EXPECT_FALSE(loads(patched(0, 2))) << "class 5 beyond 2 classes";
  EXPECT_FALSE(loads(patched(4, 0xff))) << "more features than bytes";
  EXPECT_FALSE(loads(patched(12, 4))) << "counts do not add up to the entries";
  EXPECT_FALSE(loads(patched(29, 0))) << "hashes not ascending (0x200 -> 0x000)";
  EXPECT_FALSE(loads(patched(36, 0))) << "a feature without entries";
  EXPECT_FALSE(loads(patched(36, 7))) << "more entries than classes";
  EXPECT_FALSE(loads(patched(43, 0))) << "class 0 twice in one feature";
  EXPECT_FALSE(loads(patched(40, 6))) << "class id out of range";
  std::string zero_hash = good;
  zero_hash[21] = 0;  // first hash 0x100 -> 0: the empty-slot marker
  EXPECT_FALSE(loads(zero_hash));
}

TEST(SparseWeights, TrainedWeightsRoundTripDenseAndSparse) {
  for (int classes : {4, 9}) {
    PerceptronTrainer trainer(classes);
    std::vector<uint64_t> all;
    for (uint64_t f = 1; f <= 300; ++f) {
      uint64_t feats[2] = {f * 0x9e3779b97f4a7c15ULL, f};
      all.insert(all.end(), feats, feats + 2);
      trainer.Update(feats, static_cast<int>(f % classes), 1.0f + static_cast<float>(f % 7));
      trainer.Tick();
    }
    SparseWeights trained = trainer.Finish();
    ByteWriter w;
    trained.Save(w);
    ByteReader r(w.bytes());
    SparseWeights loaded;
    ASSERT_TRUE(loaded.Load(r, 3)) << classes;
    EXPECT_EQ(loaded.num_features(), trained.num_features());
    EXPECT_GT(loaded.num_features(), 500u);
    for (uint64_t h : all) EXPECT_EQ(ScoresOf(loaded, {h}), ScoresOf(trained, {h})) << classes << " " << h;
    // Pruning on load drops small weights, and features left without any.
    ByteReader again(w.bytes());
    SparseWeights pruned;
    ASSERT_TRUE(pruned.Load(again, 3, 20000));
    EXPECT_LT(pruned.num_features(), trained.num_features());
    EXPECT_GT(pruned.num_features(), 0u);
  }
}

TEST(SparseWeights, FeatureWithMoreEntriesThanASlotHoldsScoresEveryClass) {
  constexpr int kClasses = 20;
  PerceptronTrainer trainer(kClasses);
  const uint64_t feature[1] = {42};
  for (int c = 0; c < kClasses; ++c) {
    trainer.Tick();  // update c happens at step c + 2 of 21
    trainer.Update(feature, c, static_cast<float>(c + 1));
  }
  // Averaged weight of class c: (c + 1) * (1 - (c + 2) / 21), largest 100 / 21 (c = 9); class 19
  // averages to 0 and is dropped, leaving 19 entries: more than a table slot holds.
  std::vector<int32_t> expected(kClasses);
  for (int c = 0; c < kClasses; ++c) expected[c] = (c + 1) * (19 - c) * 320;
  SparseWeights trained = trainer.Finish();
  EXPECT_EQ(ScoresOf(trained, {42}), expected);
  ByteWriter w;
  trained.Save(w);
  ByteReader r(w.bytes());
  SparseWeights loaded;
  ASSERT_TRUE(loaded.Load(r, 3));
  std::vector<int32_t> twice = expected;
  for (int32_t& v : twice) v *= 2;
  EXPECT_EQ(ScoresOf(loaded, {42, 7, 42}), twice);
}

TEST(ScoreCache, GivesTheSumsOfScoreOnMissesAndHitsForTheWeightsItIsUsedWith) {
  std::string bytes = TwoFeaturesV3();
  ByteReader r(bytes);
  SparseWeights first;
  ASSERT_TRUE(first.Load(r, 3));
  ScoreCache cache;
  const std::vector<uint64_t> group = {0x100, 0x200};
  std::vector<int32_t> none(6, 0);
  cache.Add(SparseWeights(), group, none.data());  // empty weights (id 0) add nothing
  EXPECT_EQ(none, std::vector<int32_t>(6, 0));
  for (int pass = 0; pass < 2; ++pass) {  // a miss, then a hit
    std::vector<int32_t> scores = {1, 1, 1, 1, 1, 1};
    cache.Add(first, group, scores.data());
    EXPECT_EQ(scores, (std::vector<int32_t>{-6, 1, 1, 6, 1, 10})) << pass;
  }
  std::vector<int32_t> scores(6, 0);
  cache.Add(first, std::vector<uint64_t>{0x200}, scores.data());
  EXPECT_EQ(scores, (std::vector<int32_t>{0, 0, 0, 5, 0, 0}));
  // Other weights: the same group has their sums.
  ByteReader again(bytes);
  SparseWeights second;
  ASSERT_TRUE(second.Load(again, 3, 8));  // the -7 and the 5 pruned
  ASSERT_NE(second.id(), first.id());
  std::fill(scores.begin(), scores.end(), 0);
  cache.Add(second, group, scores.data());
  EXPECT_EQ(scores, (std::vector<int32_t>{0, 0, 0, 0, 0, 9}));
}

}  // namespace
}  // namespace dyad::nlp
