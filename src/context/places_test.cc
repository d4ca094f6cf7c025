#include "context/places.h"

#include <gtest/gtest.h>

#include "context/context_test_util.h"

namespace dyad::context {
namespace {

class PlacesTest : public ::testing::Test {
 protected:
  void SetUp() override { gazetteer_ = testing::SmallGazetteer(); }

  // The place of the event whose verb is token `verb` (1-based, as in the CoNLL lines).
  std::string PlaceOf(std::string_view conll, uint32_t verb, std::span<const std::string> likely = {}) {
    model::Document doc = model::testing::ParsedSentence(conll, "2017-07-23");
    DepTree tree;
    tree.Reset(doc, 0);
    std::vector<uint32_t> clause;
    tree.Clause(verb - 1, clause);
    const Place* p = PlaceOfClause(tree, verb - 1, clause, *gazetteer_, likely);
    if (p == nullptr) return "none";
    return p->name + " " + p->country + " " + std::string(PrecisionName(p->kind));
  }

  std::unique_ptr<Gazetteer> gazetteer_;
};

TEST_F(PlacesTest, CityAfterIn) {
  EXPECT_EQ(PlaceOf(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 0 root
the the DET 4 det
accord accord NOUN 2 obj
in in ADP 6 case
Tehran Tehran PROPN 2 obl)", 2),
            "Tehran IRN city");
}

TEST_F(PlacesTest, PlacePhraseAttachedToTheObject) {
  EXPECT_EQ(PlaceOf(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 0 root
an a DET 4 det
accord accord NOUN 2 obj
in in ADP 6 case
Tehran Tehran PROPN 4 nmod)", 2),
            "Tehran IRN city");
}

TEST_F(PlacesTest, BorderWithACountry) {
  EXPECT_EQ(PlaceOf(R"(Clashes clash NOUN 2 nsubj
erupted erupt VERB 0 root
near near ADP 5 case
the the DET 5 det
border border NOUN 2 obl
with with ADP 7 case
Turkey Turkey PROPN 5 nmod)", 2),
            "Turkiye TUR country");
}

TEST_F(PlacesTest, DemonymOfACountry) {
  EXPECT_EQ(PlaceOf(R"(Gunmen gunman NOUN 2 nsubj
attacked attack VERB 0 root
a a DET 4 det
convoy convoy NOUN 2 obj
near near ADP 8 case
the the DET 8 det
Turkish Turkish ADJ 8 amod
border border NOUN 2 obl)", 2),
            "Turkiye TUR country");
}

TEST_F(PlacesTest, DirectionAsksForTheRegion) {
  constexpr std::string_view kSouthern = R"(Jets jet NOUN 2 nsubj
struck strike VERB 0 root
in in ADP 5 case
southern southern ADJ 5 amod
Hasaka Hasaka PROPN 2 obl)";
  EXPECT_EQ(PlaceOf(kSouthern, 2), "Al-Hasakah SYR admin1");
  EXPECT_EQ(PlaceOf(R"(Jets jet NOUN 2 nsubj
struck strike VERB 0 root
in in ADP 4 case
Hasaka Hasaka PROPN 2 obl)", 2),
            "Al Hasakah SYR city");
}

TEST_F(PlacesTest, NamesakesByPopulationOrByTheDocumentsCountries) {
  constexpr std::string_view kTripoli = R"(Militias militia NOUN 2 nsubj
clashed clash VERB 0 root
in in ADP 4 case
Tripoli Tripoli PROPN 2 obl)";
  EXPECT_EQ(PlaceOf(kTripoli, 2), "Tripoli LBY city");
  const std::string lebanon[] = {"LBN"};
  EXPECT_EQ(PlaceOf(kTripoli, 2, lebanon), "Tripoli LBN city");
}

TEST_F(PlacesTest, MultiWordNames) {
  EXPECT_EQ(PlaceOf(R"(Protesters protester NOUN 2 nsubj
marched march VERB 0 root
in in ADP 5 case
New New PROPN 5 compound
York York PROPN 2 obl)", 2),
            "New York City USA city");
}

TEST_F(PlacesTest, NoPlaceInOtherClausesOrWithoutALocativePreposition) {
  // "Iran said on Monday that Iraq signed the accord in Tehran": the place is the signing's.
  constexpr std::string_view kSaid = R"(Iran Iran PROPN 2 nsubj
said say VERB 0 root
that that SCONJ 5 mark
Iraq Iraq PROPN 5 nsubj
signed sign VERB 2 ccomp
it it PRON 5 obj
in in ADP 8 case
Tehran Tehran PROPN 5 obl)";
  EXPECT_EQ(PlaceOf(kSaid, 2), "none");
  EXPECT_EQ(PlaceOf(kSaid, 5), "Tehran IRN city");
  EXPECT_EQ(PlaceOf(R"(Iran Iran PROPN 2 nsubj
thanked thank VERB 0 root
Lebanon Lebanon PROPN 2 obj)", 2),
            "none");
}

TEST_F(PlacesTest, Dateline) {
  // Sentence 0: "BEIRUT ( Reuters ) -", a dateline; sentence 1: "Militias clashed".
  model::Document doc = model::testing::ParsedSentence(R"(BEIRUT Beirut PROPN 0 root
( ( PUNCT 0 root
Reuters Reuters PROPN 0 root
) ) PUNCT 0 root
- - PUNCT 0 root
Militias militia NOUN 2 nsubj
clashed clash VERB 0 root)", "2017-07-23");
  doc.sentences.push_back(doc.sentences[0]);
  doc.sentences[0].token_end = 5;
  doc.sentences[0].flags = model::Sentence::kDateline;
  doc.sentences[1].token_begin = 5;
  const Place* p = DatelinePlace(doc, *gazetteer_, {});
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Beirut");
  doc.sentences[0].flags = 0;
  EXPECT_EQ(DatelinePlace(doc, *gazetteer_, {}), nullptr);
}

}  // namespace
}  // namespace dyad::context
