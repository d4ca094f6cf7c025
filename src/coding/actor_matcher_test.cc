#include "coding/actor_matcher.h"

#include <gtest/gtest.h>

#include "lexicon/loaders.h"

namespace dyad::coding {
namespace {

// The mentions `forms` holds for a matcher of `actors_text` and `agents_text` built with `rules`.
std::vector<ActorMatcher::Match> FindMentions(std::vector<std::string_view> forms, ActorMatchRules rules,
                                              std::string_view agents_text, std::string_view actors_text = "") {
  lexicon::AgentDictionary agents;
  lexicon::ActorDictionary actors;
  std::vector<lexicon::Diagnostic> diagnostics;
  EXPECT_TRUE(lexicon::ParseAgents(agents_text, "test.agents", false, {}, &agents, &diagnostics).ok());
  EXPECT_TRUE(lexicon::ParseActors(actors_text, "test.actors", {}, &actors, &diagnostics).ok());
  ActorMatcher matcher;
  WordVocabulary vocabulary;
  matcher.Build(&actors, &agents, vocabulary, rules);
  // A sentence of untagged tokens: the forms are their own lemmas.
  model::Document doc;
  for (std::string_view f : forms) {
    model::Token t;
    t.form_start = t.lemma_start = static_cast<uint32_t>(doc.forms.size());
    t.form_length = t.lemma_length = static_cast<uint16_t>(f.size());
    t.head = -1;
    doc.forms += f;
    doc.tokens.push_back(t);
  }
  SentenceView view;
  view.Reset(doc, doc.tokens);
  SentenceWords words;
  words.Reset(view, vocabulary);
  std::vector<ActorMatcher::Match> out;
  matcher.FindAll(forms, words, out);
  return out;
}

// How many mentions `forms` holds for a matcher of `agents_text` built with or without stems
// and noun endings.
size_t CountMentions(std::vector<std::string_view> forms, bool stems, bool noun_endings = false,
                     std::string_view agents_text = "DIPLOMAT [~GOV]\n") {
  return FindMentions(forms, ActorMatchRules{.stems = stems, .noun_endings = noun_endings}, agents_text).size();
}

TEST(ActorMatcher, StemsAreOptional) {
  // TABARI's stems: DIPLOMAT matches "diplomatic"; PETRARCH2's whole words (plurals listed) do not.
  EXPECT_EQ(CountMentions({"full", "diplomatic", "ties"}, true), 1u);
  EXPECT_EQ(CountMentions({"full", "diplomatic", "ties"}, false), 0u);
  EXPECT_EQ(CountMentions({"the", "diplomats"}, false), 1u);
}

TEST(ActorMatcher, TabariWholeWordsTakeRegularNounEndings) {
  constexpr std::string_view kWhole = "STATE_RADIO_ {} [~RAD]\nWITNESS_ {} [~CVL]\n";
  EXPECT_EQ(CountMentions({"state", "radios"}, true, true, kWhole), 1u);
  EXPECT_EQ(CountMentions({"witnesses"}, true, true, kWhole), 1u);
  EXPECT_EQ(CountMentions({"state", "radiox"}, true, true, kWhole), 0u);
  // A word written with '=' takes no ending at all.
  EXPECT_EQ(CountMentions({"mouses"}, true, true, "MOUSE= {} [~MUS]\n"), 0u);
  EXPECT_EQ(CountMentions({"mouse"}, true, true, "MOUSE= {} [~MUS]\n"), 1u);
  // Without the option a whole word matches only itself.
  EXPECT_EQ(CountMentions({"state", "radios"}, true, false, kWhole), 0u);
}

TEST(ActorMatcher, TabariBlanksLetOtherWordsIntervene) {
  constexpr std::string_view kActors = "KING FAR_ISLES [FAR]\nKING [KNG]\nJO_SMITH [JOS]\nJO SMITH [JSM]\n";
  const ActorMatchRules tabari{.noun_endings = true, .gaps = true};
  // "the King of the Far Isles": one mention at "King", its later words used up.
  std::vector<ActorMatcher::Match> m =
      FindMentions({"the", "King", "of", "the", "Far", "Isles", "spoke"}, tabari, "", kActors);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, 1u);
  EXPECT_EQ(m[0].end, 2u);
  EXPECT_EQ(m[0].index, 0u);
  // Words joined by '_' may be written as one token with '_', or with '-' (which the tokenizer cuts).
  m = FindMentions({"King", "of", "Far_Isles"}, tabari, "", kActors);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].index, 0u);
  EXPECT_EQ(FindMentions({"Jo", "-", "Smith"}, tabari, "", kActors).at(0).index, 2u);
  // Adjacent words prefer the phrase that joins them; words apart, the one with the blank.
  EXPECT_EQ(FindMentions({"Jo", "Smith"}, tabari, "", kActors).at(0).index, 2u);
  EXPECT_EQ(FindMentions({"Jo", "the", "Smith"}, tabari, "", kActors).at(0).index, 3u);
  // Never across a comma, and never without the rule.
  m = FindMentions({"King", ",", "Far", "Isles"}, tabari, "", kActors);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].index, 1u);
  m = FindMentions({"King", "of", "Far", "Isles"}, ActorMatchRules{}, "", kActors);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].index, 1u);
}

}  // namespace
}  // namespace dyad::coding
