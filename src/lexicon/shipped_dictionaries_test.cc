// dyad's own dictionaries (data/dictionaries) must load without a single diagnostic and pass every
// consistency check; a few facts the coder relies on are pinned here.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "lexicon/dictionary_check.h"
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

TEST(ShippedDictionaries, CheckIsClean) {
  std::vector<std::string> problems = CheckDictionarySet(Shipped());
  std::string all;
  for (size_t i = 0; i < problems.size() && i < 40; ++i) all += problems[i] + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems, first ones:\n" << all;
}

TEST(ShippedDictionaries, CoverEveryCameoRoot) {
  DictionaryStats stats = ComputeStats(Shipped());
  std::vector<std::string> missing;
  for (int root = 1; root <= 20; ++root) {
    std::string r = fmt::format("{:02d}", root);
    bool found = false;
    for (const auto& [name, count] : stats.patterns_by_root) found = found || (name == r && count > 0);
    if (!found) missing.push_back(r);
  }
  EXPECT_TRUE(missing.empty()) << "roots without verbs or patterns: " << testing::PrintToString(missing);
}

// The code on `date` of the one-word actor phrase `upper`, "?" when no actor has it.
std::string CodeOf(std::string_view upper, std::string_view date = "2020-01-01") {
  for (const Actor& a : Shipped().actors.actors) {
    for (const ActorPhrase& p : a.phrases) {
      if (p.words.size() != 1 || p.words[0].text != upper) continue;
      const DatedCode* code = ActorDictionary::CodeFor(a, *model::ParseIsoDate(date));
      return code == nullptr ? "" : code->code;
    }
  }
  return "?";
}

TEST(ShippedDictionaries, ProvincesAreCodedAsTheirCountry) {
  // "The government of Sindh province ordered patrols": a province's government is its country's.
  EXPECT_EQ(CodeOf("SINDH"), "PAK");
  EXPECT_EQ(CodeOf("BALOCHISTAN"), "PAK");
  EXPECT_EQ(CodeOf("ASSAM"), "IND");
  EXPECT_EQ(CodeOf("KERALA"), "IND");
}

TEST(ShippedDictionaries, ArmedMovementsFollowTheirPeaceAccords) {
  EXPECT_EQ(CodeOf("UNITA", "1995-01-01"), "AGOREB");
  EXPECT_EQ(CodeOf("UNITA", "2010-01-01"), "AGOOPP");
  EXPECT_EQ(CodeOf("SPLA", "1990-01-01"), "SDNREB");
  EXPECT_EQ(CodeOf("SPLA", "2015-01-01"), "SSDMIL");
  EXPECT_EQ(CodeOf("LTTE", "2000-01-01"), "LKAREB");
  EXPECT_EQ(CodeOf("FSLN", "1985-01-01"), "NICGOV");
  EXPECT_EQ(CodeOf("FSLN", "1995-01-01"), "NICOPP");
}

}  // namespace
}  // namespace dyad::lexicon
