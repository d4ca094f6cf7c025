// Test helpers shared by the tests that code hand-parsed sentences with dyad's shipped
// dictionaries (data/dictionaries): Shipped() loads them once, Code() codes one CoNLL-U sentence
// and summarises its events as "IRN>IRQ:057 " with country codes.
#ifndef DYAD_CODING_SHIPPED_CODER_TEST_UTIL_H_
#define DYAD_CODING_SHIPPED_CODER_TEST_UTIL_H_

#include <cctype>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "coding/coder.h"
#include "lexicon/dictionary_set.h"
#include "lexicon/dyad_format.h"
#include "model/parsed_sentence_test_util.h"

namespace dyad::coding::testing {

inline model::Document Parsed(std::string_view conll) {
  return model::testing::ParsedSentence(conll, "2019-06-01", "verb-lexicon");
}

// Used only for the names the shipped actor dictionaries do not (yet) have.
inline constexpr std::string_view kFixtureActors = R"(
actor Iran | Iranian | Iranians = IRN
actor Iraq | Iraqi | Iraqis = IRQ
actor Israel | Israeli | Israelis = ISR
actor Syria | Syrian | Syrians = SYR
actor Russia | Russian | Russians = RUS
actor Lebanon | Lebanese = LBN
)";

inline bool HasActorPhrase(const lexicon::ActorDictionary& actors, std::string_view upper) {
  for (const auto& a : actors.actors) {
    for (const auto& p : a.phrases) {
      if (p.words.size() == 1 && p.words[0].text == upper) return true;
    }
  }
  return false;
}

inline std::shared_ptr<const lexicon::DictionarySet> Shipped() {
  static const std::shared_ptr<const lexicon::DictionarySet> set = [] {
    auto loaded = lexicon::LoadDictionarySet(std::string("dyad:") + DYAD_SOURCE_DIR + "/data/dictionaries");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    auto s = std::make_shared<lexicon::DictionarySet>(loaded.ok() ? std::move(loaded).value()
                                                                  : lexicon::DictionarySet{});
    std::string missing;
    std::istringstream lines{std::string(kFixtureActors)};
    for (std::string line; std::getline(lines, line);) {
      if (line.size() < 7) continue;
      std::string name = line.substr(6, line.find(' ', 6) - 6);
      std::string upper = name;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (!HasActorPhrase(s->actors, upper)) missing += line + "\n";
    }
    if (!missing.empty()) {
      lexicon::DyadDictionaries out{nullptr, &s->actors, nullptr, nullptr};
      EXPECT_TRUE(lexicon::ParseDyadDictionary(missing, "fixture.dyad", {}, out, &s->diagnostics).ok());
    }
    return s;
  }();
  return set;
}

// "IRN>IRQ:057 ..." with country codes only, so that the agent dictionary's sectors do not
// matter here.
inline std::string Code(std::string_view conll, bool code_negated = false) {
  CoderOptions options;
  options.code_negated = code_negated;
  auto coder = Coder::Create(Shipped(), options);
  EXPECT_TRUE(coder.ok()) << coder.status().message();
  if (!coder.ok()) return "";
  Coder::Workspace ws;
  std::vector<model::Event> events;
  std::vector<SentenceTrace> traces;
  (*coder)->CodeDocument(Parsed(conll), ws, events, &traces);
  std::string s;
  for (const auto& e : events) {
    s += (e.source.country.empty() ? e.source.code : e.source.country) + ">" +
         (e.target.country.empty() ? e.target.code : e.target.country) + ":" + e.cameo + " ";
  }
  return s;
}

}  // namespace dyad::coding::testing

#endif  // DYAD_CODING_SHIPPED_CODER_TEST_UTIL_H_
