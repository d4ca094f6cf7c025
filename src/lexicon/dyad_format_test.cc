#include "lexicon/dyad_format.h"

#include <chrono>

#include <gtest/gtest.h>

#include "lexicon/dictionary_check.h"

namespace dyad::lexicon {
namespace {

struct Loaded {
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  DiscardList discards;
  std::vector<Diagnostic> diagnostics;
  Status status;
};

Loaded Load(std::string_view text) {
  Loaded l;
  l.status = ParseDyadDictionary(text, "t.dyad", LoadOptions{},
                                 DyadDictionaries{&l.verbs, &l.actors, &l.agents, &l.discards}, &l.diagnostics);
  FinishDyadVerbs(&l.verbs);
  return l;
}

TEST(DyadFormat, ActorsWithNamesStemsAndDates) {
  auto l = Load(R"(
# countries
actor Iran | Islamic Republic of Iran | Iranian* = IRN
actor Donald Trump | Trump   # dated codes follow
    USAELI ..2017-01-20
    USAGOV 2017-01-20..2021-01-20
)");
  ASSERT_TRUE(l.status.ok());
  EXPECT_TRUE(l.diagnostics.empty());
  ASSERT_EQ(l.actors.actors.size(), 2u);
  const auto& iran = l.actors.actors[0];
  ASSERT_EQ(iran.phrases.size(), 3u);
  EXPECT_EQ(iran.phrases[1].words.size(), 4u);
  EXPECT_EQ(iran.phrases[1].words[0].text, "ISLAMIC");
  EXPECT_TRUE(iran.phrases[0].words[0].exact);
  EXPECT_FALSE(iran.phrases[2].words[0].exact);
  EXPECT_EQ(iran.phrases[2].words[0].text, "IRANIAN");
  const auto& trump = l.actors.actors[1];
  ASSERT_EQ(trump.codes.size(), 2u);
  auto d = [](const char* s) { return *model::ParseIsoDate(s); };
  EXPECT_EQ(ActorDictionary::CodeFor(trump, d("2016-05-01"))->code, "USAELI");
  EXPECT_EQ(ActorDictionary::CodeFor(trump, d("2018-05-01"))->code, "USAGOV");
  EXPECT_EQ(ActorDictionary::CodeFor(trump, d("2022-05-01")), nullptr);
  EXPECT_EQ(ActorDictionary::CommonCountry(trump), "USA");  // the coder's fallback for such dates
  EXPECT_EQ(l.actors.Where(trump.codes[1].where), "t.dyad:6");
}

TEST(DyadFormat, AgentsAndDiscards) {
  auto l = Load(R"(
agent defence minister | defense minister = ~GOVMIL
agent aid group = NGO~
discard football | story soccer match
discard story horoscope
)");
  ASSERT_EQ(l.agents.agents.size(), 3u);
  EXPECT_EQ(l.agents.agents[1].code, "GOVMIL");
  EXPECT_FALSE(l.agents.agents[1].prefix);
  EXPECT_TRUE(l.agents.agents[2].prefix);
  EXPECT_EQ(l.agents.agents[2].code, "NGO");
  ASSERT_EQ(l.discards.discards.size(), 3u);
  EXPECT_TRUE(l.discards.discards[2].story);
}

TEST(DyadFormat, VerbsAndPatterns) {
  auto l = Load(R"(
verb sign | ink = ---
    obj=agreement|accord|memorandum -> 057 <->
    obj=contract -> 060
verb step_up = 030
verb attack = 190
    with=rocket|missile -> 195
    against=+ -> 190
    to=cooperate -> 030/031
)");
  ASSERT_TRUE(l.diagnostics.empty()) << l.diagnostics[0].ToString();
  ASSERT_EQ(l.verbs.blocks.size(), 3u);
  const auto& sign = l.verbs.blocks[0];
  EXPECT_EQ(sign.verbs.size(), 2u);
  EXPECT_TRUE(sign.code.IsNull());
  ASSERT_EQ(sign.patterns.size(), 2u);
  EXPECT_EQ(sign.patterns[0].code.active, "057");
  EXPECT_EQ(sign.patterns[0].code.passive, "057");
  EXPECT_EQ(sign.patterns[0].after[0].nouns[0].words[0].kind, WordKind::kSynset);
  EXPECT_NE(l.verbs.FindSynset(sign.patterns[0].after[0].nouns[0].words[0].text), nullptr);
  EXPECT_EQ(sign.patterns[1].after[0].nouns[0].words[0].text, "CONTRACT");
  EXPECT_EQ(l.verbs.blocks[1].verbs[0].lemma.verb, "STEP");
  EXPECT_EQ(l.verbs.blocks[1].verbs[0].lemma.after, std::vector<std::string>{"UP"});
  const auto& attack = l.verbs.blocks[2];
  EXPECT_TRUE(attack.patterns[0].after[0].is_prep);
  EXPECT_EQ(attack.patterns[0].after[0].preposition.text, "WITH");
  EXPECT_EQ(attack.patterns[1].after[0].nouns[0].words[0].kind, WordKind::kTarget);
  EXPECT_EQ(attack.patterns[2].code.passive, "031");
  ASSERT_NE(l.verbs.Find("INK"), nullptr);
  EXPECT_EQ(l.verbs.Find("SIGNED"), nullptr);  // lemmas only
}

TEST(DyadFormat, ASinglePhraseIsASynsetOfOneMember) {
  // "obj=ethnic_cleansing" alone must match the two tokens "ethnic cleansing", as in a list.
  auto l = Load(R"(verb engage = ---
    in=ethnic_cleansing -> 203
)");
  ASSERT_TRUE(l.diagnostics.empty()) << l.diagnostics[0].ToString();
  const auto& word = l.verbs.blocks[0].patterns[0].after[0].nouns[0].words[0];
  ASSERT_EQ(word.kind, WordKind::kSynset);
  const lexicon::Synset* set = l.verbs.FindSynset(word.text);
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->members.size(), 1u);
  ASSERT_EQ(set->members[0].words.size(), 2u);
  EXPECT_EQ(set->members[0].words[1].text, "CLEANSING");
}

TEST(DyadFormat, TwoListsOnOneLineKeepTheirOwnWords) {
  // Each list is a synset found by name: the second must not resolve to the first.
  auto l = Load(R"(verb vow = 030
    to=fight|continue obj=war|jihad -> 138
)");
  ASSERT_TRUE(l.diagnostics.empty()) << l.diagnostics[0].ToString();
  const auto& after = l.verbs.blocks[0].patterns[0].after;
  ASSERT_EQ(after.size(), 2u);
  const lexicon::Synset* to = l.verbs.FindSynset(after[0].nouns[0].words[0].text);
  const lexicon::Synset* obj = l.verbs.FindSynset(after[1].nouns[0].words[0].text);
  ASSERT_NE(to, nullptr);
  ASSERT_NE(obj, nullptr);
  EXPECT_EQ(to->members[0].words[0].text, "FIGHT");
  EXPECT_EQ(obj->members[0].words[0].text, "WAR");
}

TEST(DyadFormat, BadLinesAreReportedWithFileAndLine) {
  auto l = Load(R"(actor Iran = IR-N
actor Iraq = IRQ 2003-01-01..2002-01-01
actor Syria = SYR 2003-13-01..
agent police = COP
verb attack = 1900
verb sign = 057
    obj=treaty
    nonsense
    -> 057
person Putin = RUS
  USA
)");
  std::vector<std::string> messages;
  for (const auto& d : l.diagnostics) messages.push_back(d.ToString());
  ASSERT_EQ(messages.size(), 9u) << testing::PrintToString(messages);
  EXPECT_EQ(messages[0], "t.dyad:1: actor code 'IR-N' may hold only letters and digits");
  EXPECT_EQ(messages[1], "t.dyad:2: empty date range '2003-01-01..2002-01-01'");
  EXPECT_EQ(messages[2], "t.dyad:3: malformed date in '2003-13-01..' (dates are YYYY-MM-DD)");
  EXPECT_EQ(messages[3], "t.dyad:4: agent code 'COP' must be ~CODE or CODE~");
  EXPECT_EQ(messages[4], "t.dyad:5: '1900' is not a CAMEO event code (or --- for none)");
  EXPECT_EQ(messages[5], "t.dyad:7: pattern needs '-> CODE'");
  EXPECT_EQ(messages[6], "t.dyad:8: pattern needs '-> CODE'");
  EXPECT_EQ(messages[7], "t.dyad:10: unknown entry 'person' (expected actor, agent, discard or verb)");
  EXPECT_EQ(messages[8], "t.dyad:11: indented line outside an actor or verb entry");
  EXPECT_TRUE(l.status.ok());  // not strict
}

// A hand-edited file pasted into itself many times: 100,000 lines of the same five. Loading stays
// linear, keeps every entry (events are not multiplied: tests/cli_hostile_test.cc) and `dyad dict check`
// names each duplicate with the line of its first definition.
TEST(DyadFormat, HundredThousandLinesOfDuplicatesLoadAndAreReported) {
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += "actor Iran | Islamic Republic of Iran = IRN\nagent defence minister = ~GOVMIL\n"
            "discard football\nverb sign = ---\n    obj=accord -> 057 <->\n";
  }
  auto start = std::chrono::steady_clock::now();
  auto l = Load(text);
  ASSERT_TRUE(l.status.ok());
  EXPECT_TRUE(l.diagnostics.empty());
  EXPECT_EQ(l.actors.actors.size(), 20000u);
  EXPECT_EQ(l.agents.agents.size(), 20000u);

  DictionarySet set;
  set.actors = std::move(l.actors);
  std::vector<std::string> problems = CheckDictionarySet(set);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  ASSERT_EQ(problems.size(), 2u * 19999);
  EXPECT_EQ(problems[0], "t.dyad:6: phrase 'IRAN' is already an actor at t.dyad:1");
}

}  // namespace
}  // namespace dyad::lexicon
