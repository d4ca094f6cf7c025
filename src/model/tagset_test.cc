#include "model/tagset.h"

#include <gtest/gtest.h>

namespace dyad::model {
namespace {

TEST(Tagset, RoundTripsEveryName) {
  for (int i = 1; i < kUposCount; ++i) EXPECT_EQ(UposId(UposName(i)), i);
  for (int i = 1; i < kXposCount; ++i) EXPECT_EQ(XposId(XposName(i)), i);
  for (int i = 1; i < kDeprelCount; ++i) EXPECT_EQ(DeprelId(DeprelName(i)), i) << i;
}

TEST(Tagset, UnknownIsZero) {
  EXPECT_EQ(UposId("FOO"), 0);
  EXPECT_EQ(XposId("_"), 0);
  EXPECT_EQ(DeprelName(0), "_");
  EXPECT_EQ(DeprelName(250), "_");
}

TEST(Tagset, KnowsEwtSpecials) {
  EXPECT_NE(XposId("-LRB-"), 0);
  EXPECT_NE(XposId("NFP"), 0);
  EXPECT_NE(XposId("XX"), 0);
  EXPECT_EQ(DeprelName(kDeprelRoot), "root");
  EXPECT_EQ(DeprelName(kDeprelDep), "dep");
  EXPECT_EQ(DeprelBase(DeprelId("nsubj:pass")), DeprelId("nsubj"));
  EXPECT_EQ(DeprelBase(DeprelId("obj")), DeprelId("obj"));
}

}  // namespace
}  // namespace dyad::model
