#include "coding/actor_matcher.h"

#include <gtest/gtest.h>

#include "lexicon/loaders.h"

namespace dyad::coding {
namespace {

// How many mentions `forms` holds for a matcher built with or without stems.
size_t CountMentions(std::vector<std::string_view> forms, bool stems) {
  lexicon::AgentDictionary agents;
  std::vector<lexicon::Diagnostic> diagnostics;
  EXPECT_TRUE(lexicon::ParseAgents("DIPLOMAT [~GOV]\n", "test.agents", false, {}, &agents, &diagnostics).ok());
  ActorMatcher matcher;
  matcher.Build(nullptr, &agents, stems);
  ActorMatcher::Workspace ws;
  std::vector<ActorMatcher::Match> out;
  matcher.FindAll(forms, ws, out);
  return out.size();
}

TEST(ActorMatcher, StemsAreOptional) {
  // TABARI's stems: DIPLOMAT matches "diplomatic"; PETRARCH2's whole words (plurals listed) do not.
  EXPECT_EQ(CountMentions({"full", "diplomatic", "ties"}, true), 1u);
  EXPECT_EQ(CountMentions({"full", "diplomatic", "ties"}, false), 0u);
  EXPECT_EQ(CountMentions({"the", "diplomats"}, false), 1u);
}

}  // namespace
}  // namespace dyad::coding
