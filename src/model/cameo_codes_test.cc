#include "model/cameo_codes.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace dyad::model {
namespace {

TEST(CameoCodes, TableHasEveryCodeOnceInOrder) {
  std::span<const CameoCode> all = AllCameoCodes();
  ASSERT_EQ(all.size(), 318u);
  int roots = 0, three = 0, four = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(all[i - 1].code, all[i].code);
    }
    switch (all[i].level()) {
      case 1: ++roots; break;
      case 2: ++three; break;
      case 3: ++four; break;
      default: ADD_FAILURE() << all[i].code;
    }
  }
  EXPECT_EQ(roots, 20);
  EXPECT_EQ(three, 149);
  EXPECT_EQ(four, 149);
}

TEST(CameoCodes, RowsAreConsistent) {
  std::set<std::string_view> codes;
  for (const CameoCode& c : AllCameoCodes()) codes.insert(c.code);
  for (const CameoCode& c : AllCameoCodes()) {
    SCOPED_TRACE(std::string(c.code));
    EXPECT_FALSE(c.name.empty());
    EXPECT_GE(c.goldstein, -10.0);
    EXPECT_LE(c.goldstein, 10.0);
    EXPECT_GE(c.goldstein_phoenix, -10.0);
    EXPECT_LE(c.goldstein_phoenix, 10.0);
    // Every non-root code has its parent in the table, and shares the parent's quad class.
    if (c.level() > 1) {
      const CameoCode* parent = FindCameoCode(c.code.substr(0, c.code.size() - 1));
      ASSERT_NE(parent, nullptr);
      EXPECT_EQ(parent->quad_class, c.quad_class);
    }
    // PLOVER drops 01 entirely; appeals (02) are requests, like demands (10); every code of the
    // other roots except the root 08 has a type.
    EXPECT_EQ(c.plover.empty(), c.root() == "01" || c.code == "08");
    if (c.root() == "02") EXPECT_EQ(c.plover, "REQUEST");
  }
}

TEST(CameoCodes, PhoenixQuadClassByRoot) {
  const int kExpected[21] = {-1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 3, 4, 4, 4, 4};
  for (const CameoCode& c : AllCameoCodes()) {
    int root = std::stoi(std::string(c.root()));
    EXPECT_EQ(c.quad_class, kExpected[root]) << c.code;
  }
}

TEST(CameoCodes, FindsKnownCodes) {
  const CameoCode* c = FindCameoCode("057");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->code, "057");
  EXPECT_EQ(c->name, "Sign formal agreement");
  EXPECT_EQ(c->root(), "05");
  EXPECT_EQ(c->goldstein, 8.0);
  EXPECT_EQ(c->quad_class, 1);
  EXPECT_EQ(c->plover, "SUPPORT");

  // First and last rows, and a four-digit code next to its parent.
  ASSERT_NE(FindCameoCode("01"), nullptr);
  EXPECT_EQ(FindCameoCode("01")->name, "MAKE PUBLIC STATEMENT");
  ASSERT_NE(FindCameoCode("2042"), nullptr);
  EXPECT_EQ(FindCameoCode("2042")->plover_context, "cbrn");
  ASSERT_NE(FindCameoCode("0211"), nullptr);
  EXPECT_EQ(FindCameoCode("0211")->level(), 3);
  // Kept for PETRARCH-2 dictionaries although not in CAMEO 1.1b3's list.
  EXPECT_NE(FindCameoCode("1213"), nullptr);
  EXPECT_NE(FindCameoCode("1214"), nullptr);
}

TEST(CameoCodes, GoldsteinByMeaningDiffersFromPhoenixWhereNumberingMoved) {
  const CameoCode* deny = FindCameoCode("016");  // Deny responsibility
  ASSERT_NE(deny, nullptr);
  EXPECT_EQ(deny->goldstein, -5.0);
  EXPECT_EQ(deny->goldstein_phoenix, 3.4);
  const CameoCode* embargo = FindCameoCode("163");  // Impose embargo, boycott, or sanctions
  ASSERT_NE(embargo, nullptr);
  EXPECT_EQ(embargo->goldstein, -8.0);
  EXPECT_EQ(embargo->goldstein_phoenix, -6.5);
}

TEST(CameoCodes, PloverTypesFollowThePloverManualWhereTheConversionTableDiffers) {
  ASSERT_NE(FindCameoCode("163"), nullptr);
  EXPECT_EQ(FindCameoCode("163")->plover, "SANCTION");  // sanctions: SANCTION 'discontinue'
  EXPECT_EQ(FindCameoCode("163")->plover_mode, "discontinue");
  EXPECT_EQ(FindCameoCode("0813")->plover, "CONCEDE");  // removing curfews
  EXPECT_EQ(FindCameoCode("0814")->plover, "CONCEDE");
  EXPECT_EQ(FindCameoCode("0831")->plover, "RETREAT");  // resignations of officials
  EXPECT_EQ(FindCameoCode("0831")->plover_mode, "resign");
  EXPECT_EQ(FindCameoCode("192")->plover, "ASSAULT");   // occupying territory is not "short of violence"
  EXPECT_EQ(FindCameoCode("172")->plover, "COERCE");    // the conversion table elsewhere
}

TEST(CameoCodes, RejectsUnknownAndMalformedCodes) {
  const std::string_view kBad[] = {"",    "0",    "00",   "21",  "058",
                                   "0577", "99999", "05a", "5",   " 05",
                                   "057 ", "-05",  std::string_view("05\0", 3)};
  for (std::string_view bad : kBad) {
    EXPECT_EQ(FindCameoCode(bad), nullptr) << "'" << bad << "'";
  }
}

TEST(CameoCodes, AssignFillsEventFields) {
  Event e;
  e.cameo = "016";
  ASSERT_TRUE(AssignCameoAttributes(e));
  EXPECT_EQ(e.root, "01");
  EXPECT_EQ(e.plover, "");
  EXPECT_EQ(e.goldstein, -5.0);
  EXPECT_EQ(e.quad_class, 0);

  ASSERT_TRUE(AssignCameoAttributes(e, GoldsteinScale::kPhoenix));
  EXPECT_EQ(e.goldstein, 3.4);

  e.cameo = "1823";
  ASSERT_TRUE(AssignCameoAttributes(e));
  EXPECT_EQ(e.root, "18");
  EXPECT_EQ(e.plover, "ASSAULT");
  EXPECT_EQ(e.goldstein, -10.0);
  EXPECT_EQ(e.quad_class, 4);
}

// PLOVER's REQUEST is all requests: an appeal takes the type and mode of the parallel demand,
// and keeps CAMEO's Goldstein and Phoenix quad class.
TEST(CameoCodes, AppealsAreRequests) {
  Event e;
  e.cameo = "0233";
  ASSERT_TRUE(AssignCameoAttributes(e));
  EXPECT_EQ(e.plover, "REQUEST");
  EXPECT_EQ(e.goldstein, 3.4);
  EXPECT_EQ(e.quad_class, 0);
  const CameoCode* appeal = FindCameoCode("0233");
  const CameoCode* demand = FindCameoCode("1033");
  ASSERT_NE(appeal, nullptr);
  ASSERT_NE(demand, nullptr);
  EXPECT_EQ(appeal->plover_mode, demand->plover_mode);
  EXPECT_EQ(appeal->plover_context, demand->plover_context);
  EXPECT_EQ(FindCameoCode("026")->plover_mode, "meet");
}

TEST(CameoCodes, AssignLeavesEventUnchangedForUnknownCode) {
  Event e;
  e.cameo = "999";
  e.root = "keep";
  e.plover = "KEEP";
  e.goldstein = 1.5;
  e.quad_class = 3;
  EXPECT_FALSE(AssignCameoAttributes(e));
  EXPECT_EQ(e.root, "keep");
  EXPECT_EQ(e.plover, "KEEP");
  EXPECT_EQ(e.goldstein, 1.5);
  EXPECT_EQ(e.quad_class, 3);
}

TEST(CameoCodes, GdeltQuadClassFoldsStatementsIntoVerbalCooperation) {
  EXPECT_EQ(GdeltQuadClass(0), 1);
  EXPECT_EQ(GdeltQuadClass(1), 1);
  EXPECT_EQ(GdeltQuadClass(2), 2);
  EXPECT_EQ(GdeltQuadClass(3), 3);
  EXPECT_EQ(GdeltQuadClass(4), 4);
  EXPECT_EQ(GdeltQuadClass(-1), 0);
  EXPECT_EQ(GdeltQuadClass(5), 0);
  static_assert(GdeltQuadClass(0) == 1);
}

}  // namespace
}  // namespace dyad::model
