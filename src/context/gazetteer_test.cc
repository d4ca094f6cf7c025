#include "context/gazetteer.h"

#include <gtest/gtest.h>

#include "context/context_test_util.h"

namespace dyad::context {
namespace {

TEST(PlaceKeyTest, ForgivesNewsSpelling) {
  EXPECT_EQ(PlaceKey("Al-Hasakah"), "hasaka");
  EXPECT_EQ(PlaceKey("Al Hasakah"), "hasaka");
  EXPECT_EQ(PlaceKey("HASAKA"), "hasaka");
  EXPECT_EQ(PlaceKey("Ar Raqqah"), PlaceKey("Raqqa"));
  EXPECT_EQ(PlaceKey("U.S."), PlaceKey("US"));
  EXPECT_EQ(PlaceKey("the Netherlands"), "netherlands");
  EXPECT_EQ(PlaceKey("Deir ez-Zor"), "deir ez zor");
  EXPECT_EQ(PlaceKey("Al Ain"), "al ain");  // too short to lose its article
  EXPECT_EQ(PlaceKey("..."), "");
}

TEST(GazetteerTest, FindsByNameAndAliasCountriesFirst) {
  auto g = testing::SmallGazetteer();
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->size(), 12u);
  auto ids = g->Find("Tehran");
  ASSERT_EQ(ids.size(), 2u);
  auto turkey = g->Find("Turkey");
  ASSERT_EQ(turkey.size(), 1u);
  EXPECT_EQ(g->place(turkey[0]).country, "TUR");
  EXPECT_EQ(g->place(turkey[0]).kind, Place::Kind::kCountry);
  EXPECT_TRUE(g->Find("Atlantis").empty());
}

TEST(GazetteerTest, BestPrefersPopulationThenDocumentCountriesThenRegionsWhenAsked) {
  auto g = testing::SmallGazetteer();
  ASSERT_NE(g, nullptr);
  const Place* p = g->Best("Tripoli", {}, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "LBY");
  const std::string lebanon[] = {"LBN"};
  p = g->Best("Tripoli", lebanon, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "LBN");
  p = g->Best("Tehran", {}, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, Place::Kind::kCity);  // the city, though its province is more populous
  p = g->Best("Hasaka", {}, true);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, Place::Kind::kAdmin1);
  EXPECT_EQ(p->name, "Al-Hasakah");
  p = g->Best("New York", {}, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->geonameid, 5128581);
}

TEST(GazetteerTest, BadLinesNameFileAndLine) {
  auto bad = [](std::string_view body) {
    auto g = Gazetteer::Parse("# dyad gazetteer v1\n" + std::string(body), "places.tsv");
    return g.ok() ? std::string("ok") : g.status().message();
  };
  EXPECT_EQ(bad("P\t1\tX\tIRN\t\t1\t2\t3\t\n"), "ok");
  EXPECT_EQ(bad("P\t1\tX\tIRN\t\t1\t2\t3\n"), "places.tsv:2: expected 9 tab-separated fields, found 8");
  EXPECT_EQ(bad("C\t0\tX\tIRN\t\t1\t2\t0\t\nQ\t1\tX\tIRN\t\t1\t2\t3\t\n"),
            "places.tsv:3: unknown kind 'Q' (expected C, A, P or K)");
  EXPECT_EQ(bad("P\t1\tX\tIRN\t\t91\t2\t3\t\n"), "places.tsv:2: bad coordinates '91', '2'");
  EXPECT_EQ(bad("P\tx\tX\tIRN\t\t1\t2\t3\t\n"), "places.tsv:2: bad GeoNames id 'x'");
  EXPECT_EQ(bad("P\t1\tX\tIR\t\t1\t2\t3\t\n"), "places.tsv:2: bad country code 'IR'");
  EXPECT_EQ(bad("P\t1\t\tIRN\t\t1\t2\t3\t\n"), "places.tsv:2: empty name");
  EXPECT_EQ(bad("P\t1\tX\tIRN\t\t1\t2\tmany\t\n"), "places.tsv:2: bad population 'many'");
  // Found by the context fuzzer: a negative population left Best() with no place for a known name.
  EXPECT_EQ(bad("P\t1\tX\tIRN\t\t1\t2\t-5\t\n"), "places.tsv:2: bad population '-5'");
  EXPECT_EQ(bad("P\t1\tX\tIRN\t\tnan\t2\t5\t\n"), "places.tsv:2: bad coordinates 'nan', '2'");
  auto g = Gazetteer::Parse("id\tname\n", "cities.tsv");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("cities.tsv:1: not a dyad gazetteer"), std::string::npos);
  EXPECT_FALSE(Gazetteer::Parse("", "empty.tsv").ok());
}

TEST(GazetteerTest, MissingAndCorruptFiles) {
  auto missing = Gazetteer::Load("/nonexistent/places.tsv.gz");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  const std::string path = ::testing::TempDir() + "/corrupt-places.tsv.gz";
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const unsigned char junk[] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3};
    std::fwrite(junk, 1, sizeof junk, f);
    std::fclose(f);
  }
  auto corrupt = Gazetteer::Load(path);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.status().message().find(path), std::string::npos);
}

TEST(GazetteerTest, ShippedGazetteerLoads) {
  auto g = Gazetteer::Load(DYAD_SOURCE_DIR "/data/gazetteer/places.tsv.gz");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_GT((*g)->size(), 25000u);
  const Place* p = (*g)->Best("Tehran", {}, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->geonameid, 112931);
  p = (*g)->Best("Washington", {}, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "USA");
  EXPECT_EQ(p->admin1, "District of Columbia");
  p = (*g)->Best("Turkey", {}, false);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "TUR");
  p = (*g)->Best("Hasaka", {}, true);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "SYR");
  EXPECT_EQ(p->kind, Place::Kind::kAdmin1);
}

}  // namespace
}  // namespace dyad::context
