// Spot checks of data/dictionaries/people/*.dyad: a person's code depends on the document date.
#include <gtest/gtest.h>

#include <string>

#include "lexicon/dictionary_set.h"

namespace dyad::lexicon {
namespace {

const DictionarySet& Shipped() {
  static const DictionarySet set = [] {
    auto loaded = LoadDictionarySet(std::string("dyad:") + DYAD_SOURCE_DIR + "/data/dictionaries");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(loaded).value() : DictionarySet{};
  }();
  return set;
}

std::string Key(const WordSeq& words) {
  std::string key;
  for (const PatternWord& w : words) key += (key.empty() ? "" : " ") + w.text + (w.exact ? "" : "*");
  return key;
}

// The actor that owns `phrase` (written upper-case, words separated by one blank).
const Actor* Find(const std::string& phrase) {
  for (const Actor& a : Shipped().actors.actors) {
    for (const ActorPhrase& p : a.phrases) {
      if (Key(p.words) == phrase) return &a;
    }
  }
  return nullptr;
}

// The code of `phrase` on `date`, "" when the person is not coded then, "?" when unknown.
std::string CodeOn(const std::string& phrase, const std::string& date) {
  const Actor* actor = Find(phrase);
  if (actor == nullptr) return "?";
  auto d = model::ParseIsoDate(date);
  EXPECT_TRUE(d.has_value()) << date;
  const DatedCode* code = ActorDictionary::CodeFor(*actor, *d);
  return code == nullptr ? "" : code->code;
}

TEST(PeopleDictionary, UnitedStates) {
  EXPECT_EQ(CodeOn("TRUMP", "2016-06-01"), "USAELI");
  EXPECT_EQ(CodeOn("TRUMP", "2018-06-01"), "USAGOV");
  EXPECT_EQ(CodeOn("TRUMP", "2021-01-20"), "USAELI");  // until is exclusive: Biden took office
  EXPECT_EQ(CodeOn("TRUMP", "2022-06-01"), "USAELI");
  EXPECT_EQ(CodeOn("TRUMP", "2025-06-01"), "USAGOV");
  EXPECT_EQ(CodeOn("BIDEN", "2012-03-01"), "USAGOV");  // vice president
  EXPECT_EQ(CodeOn("HEGSETH", "2025-06-01"), "USAMIL");
  // "Bush" alone is coded only while George W. Bush was president.
  EXPECT_EQ(CodeOn("BUSH", "2005-01-01"), "USAGOV");
  EXPECT_EQ(CodeOn("BUSH", "2015-01-01"), "");
}

TEST(PeopleDictionary, RussiaAndUkraine) {
  EXPECT_EQ(CodeOn("PUTIN", "2010-01-01"), "RUSGOV");  // prime minister
  EXPECT_EQ(CodeOn("VLADIMIR PUTIN", "2024-01-01"), "RUSGOV");
  EXPECT_EQ(CodeOn("SHOIGU", "2020-01-01"), "RUSMIL");
  EXPECT_EQ(CodeOn("SHOIGU", "2024-06-01"), "RUSGOV");  // Security Council secretary
  EXPECT_EQ(CodeOn("ZELENSKIY", "2018-01-01"), "UKRELI");
  EXPECT_EQ(CodeOn("ZELENSKYY", "2022-03-01"), "UKRGOV");
  EXPECT_EQ(CodeOn("YANUKOVYCH", "2016-01-01"), "UKRELI");
}

TEST(PeopleDictionary, MiddleEast) {
  EXPECT_EQ(CodeOn("NETANYAHU", "2015-01-01"), "ISRGOV");
  EXPECT_EQ(CodeOn("NETANYAHU", "2022-01-01"), "ISROPP");
  EXPECT_EQ(CodeOn("KHAMENEI", "2003-01-01"), "IRNGOV");
  EXPECT_EQ(CodeOn("ERDOGAN", "2010-01-01"), "TURGOV");
  EXPECT_EQ(CodeOn("ASSAD", "2010-01-01"), "SYRGOV");
  EXPECT_EQ(CodeOn("ASSAD", "2025-01-01"), "SYRELI");
  EXPECT_EQ(CodeOn("JOLANI", "2020-01-01"), "SYRREB");
  EXPECT_EQ(CodeOn("AHMED AL-SHARAA", "2025-06-01"), "SYRGOV");
  EXPECT_EQ(CodeOn("MOHAMMED BIN SALMAN", "2016-01-01"), "SAUMIL");  // defence minister
  EXPECT_EQ(CodeOn("MBS", "2023-01-01"), "SAUGOV");
  EXPECT_EQ(CodeOn("GADDAFI", "2005-01-01"), "LBYGOV");
  EXPECT_EQ(CodeOn("QADDAFI", "2005-01-01"), "LBYGOV");
  EXPECT_EQ(CodeOn("ISMAIL HANIYEH", "2006-06-01"), "PSEGOV");  // PA prime minister
  EXPECT_EQ(CodeOn("ISMAIL HANIYEH", "2020-06-01"), "PSEREBHMS");  // Hamas, as organizations.dyad codes it
  EXPECT_EQ(CodeOn("NASRALLAH", "2020-06-01"), "LBNREBHEZ");
  // "President Aoun" is Michel Aoun, then Joseph Aoun, and no one in between.
  EXPECT_EQ(CodeOn("PRESIDENT AOUN", "2019-01-01"), "LBNGOV");
  EXPECT_EQ(CodeOn("PRESIDENT AOUN", "2023-06-01"), "");
  EXPECT_EQ(CodeOn("PRESIDENT AOUN", "2025-06-01"), "LBNGOV");
  EXPECT_EQ(CodeOn("HIBATULLAH AKHUNDZADA", "2019-01-01"), "AFGREB");
  EXPECT_EQ(CodeOn("HIBATULLAH AKHUNDZADA", "2022-01-01"), "AFGGOV");
}

TEST(PeopleDictionary, AsiaEuropeAndInternational) {
  EXPECT_EQ(CodeOn("XI JINPING", "2020-01-01"), "CHNGOV");
  EXPECT_EQ(CodeOn("KIM JONG UN", "2010-01-01"), "PRKELI");
  EXPECT_EQ(CodeOn("KIM JONG UN", "2018-01-01"), "PRKGOV");
  EXPECT_EQ(CodeOn("MODI", "2020-01-01"), "INDGOV");
  EXPECT_EQ(CodeOn("MERKEL", "2010-01-01"), "DEUGOV");
  EXPECT_EQ(CodeOn("URSULA VON DER LEYEN", "2016-01-01"), "DEUMIL");
  EXPECT_EQ(CodeOn("URSULA VON DER LEYEN", "2021-01-01"), "IGOEUREEC");
  EXPECT_EQ(CodeOn("GUTERRES", "2020-01-01"), "IGOUNO");
  EXPECT_EQ(CodeOn("STOLTENBERG", "2020-01-01"), "IGOWSTNAT");
  EXPECT_EQ(CodeOn("KEIR STARMER", "2023-01-01"), "GBROPP");
  EXPECT_EQ(CodeOn("KEIR STARMER", "2025-01-01"), "GBRGOV");
}

TEST(PeopleDictionary, Since1979) {
  EXPECT_EQ(CodeOn("PRESIDENT YOWERI MUSEVENI", "1996-05-01"), "UGAGOV");
  EXPECT_EQ(CodeOn("MUSEVENI", "1983-01-01"), "UGAREB");  // NRA rebel leader
  EXPECT_EQ(CodeOn("NELSON MANDELA", "1985-01-01"), "ZAFELI");  // in prison
  EXPECT_EQ(CodeOn("PRESIDENT MANDELA", "1992-01-01"), "ZAFOPP");
  EXPECT_EQ(CodeOn("MUGABE", "2010-01-01"), "ZWEGOV");
  EXPECT_EQ(CodeOn("MUGABE", "2018-06-01"), "ZWEELI");
  EXPECT_EQ(CodeOn("CHAVEZ", "2005-01-01"), "VENGOV");
  EXPECT_EQ(CodeOn("THATCHER", "1985-01-01"), "GBRGOV");
  EXPECT_EQ(CodeOn("GORBACHEV", "1987-01-01"), "RUSGOV");  // countries.dyad codes the Soviet Union RUS
  EXPECT_EQ(CodeOn("MILOSEVIC", "1995-01-01"), "SRBGOV");
  EXPECT_EQ(CodeOn("NETANYAHU", "1997-01-01"), "ISRGOV");
  // Phrases naming two people of one family are coded only while one of them held office.
  EXPECT_EQ(CodeOn("PRESIDENT BUSH", "1990-06-01"), "USAGOV");
  EXPECT_EQ(CodeOn("BUSH", "1995-01-01"), "");
  EXPECT_EQ(CodeOn("TRUDEAU", "1982-01-01"), "CANGOV");
  EXPECT_EQ(CodeOn("TRUDEAU", "2005-01-01"), "");
  EXPECT_EQ(CodeOn("KABILA", "2005-01-01"), "CODGOV");
  EXPECT_EQ(CodeOn("BHUTTO", "1995-01-01"), "PAKGOV");
  EXPECT_EQ(CodeOn("BHUTTO", "2010-01-01"), "");
  // International posts keep their organization's code, not a country prefix.
  EXPECT_EQ(CodeOn("ALPHA OUMAR KONARE", "2005-01-01"), "IGOAFRAFU");
  EXPECT_EQ(CodeOn("MICHELLE BACHELET", "2020-01-01"), "IGOUNOHRI");
}

// Ambiguous surnames are not entries of their own.
TEST(PeopleDictionary, AmbiguousSurnamesAreNotPeople) {
  for (const char* phrase : {"KIM", "LEE", "LI", "WANG", "JOHNSON", "BROWN", "SINGH", "KHAN", "ALI", "CLINTON",
                             "KIRCHNER", "KING ABDULLAH", "SALMAN", "KOIZUMI", "ABE",
                             "BEGIN", "DOE", "MAJOR", "GANDHI", "DENG", "ORTEGA"}) {
    EXPECT_EQ(Find(phrase), nullptr) << phrase;
  }
}

}  // namespace
}  // namespace dyad::lexicon
