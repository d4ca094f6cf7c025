#include "coding/actor_matcher.h"

#include <gtest/gtest.h>

#include "lexicon/loaders.h"

namespace dyad::coding {
namespace {

// How many mentions `forms` holds for a matcher of `agents_text` built with or without stems
// and noun endings.
size_t CountMentions(std::vector<std::string_view> forms, bool stems, bool noun_endings = false,
                     std::string_view agents_text = "DIPLOMAT [~GOV]\n") {
  lexicon::AgentDictionary agents;
  std::vector<lexicon::Diagnostic> diagnostics;
  EXPECT_TRUE(lexicon::ParseAgents(agents_text, "test.agents", false, {}, &agents, &diagnostics).ok());
  ActorMatcher matcher;
  WordVocabulary vocabulary;
  matcher.Build(nullptr, &agents, vocabulary, stems, noun_endings);
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
  return out.size();
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
  // Without the option a whole word matches only itself.
  EXPECT_EQ(CountMentions({"state", "radios"}, true, false, kWhole), 0u);
}

}  // namespace
}  // namespace dyad::coding
