// Loads the real PETRARCH2, PETRARCH validation, UniversalPetrarch and TABARI dictionaries from
// ../shared and checks the counts verified by hand (see doc/dictionaries.md) and that the only
// diagnostics are the known defects of those files, each counted per file.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lexicon/loaders.h"

namespace dyad::lexicon {
namespace {

const std::string kShared = DYAD_SHARED_DIR "/data/";

#define REQUIRE_SHARED(sub)                                                                    \
  if (!std::filesystem::exists(kShared + sub)) {                                               \
    GTEST_SKIP() << kShared + sub << " is absent: dictionary load evaluation skipped";        \
  }

std::map<std::string, int> CountByFile(const std::vector<Diagnostic>& diags) {
  std::map<std::string, int> out;
  for (const Diagnostic& d : diags) out[std::filesystem::path(d.file).filename().string()]++;
  return out;
}

int CountContaining(const std::vector<Diagnostic>& diags, std::string_view needle) {
  int n = 0;
  for (const Diagnostic& d : diags) n += d.message.find(needle) != std::string::npos;
  return n;
}

size_t VerbEntries(const VerbDictionary& d) {
  size_t n = 0;
  for (const VerbBlock& b : d.blocks) n += b.verbs.size();
  return n;
}

TEST(LexiconLoadEval, Petrarch2PhoenixSet) {
  REQUIRE_SHARED("dictionaries/petrarch2");
  const std::string dir = kShared + "dictionaries/petrarch2/";
  std::vector<Diagnostic> diags;
  auto start = std::chrono::steady_clock::now();
  auto verbs = LoadPetrarchVerbs(dir + "CAMEO.2.0.txt", VerbFormat::kPetrarch2, {}, &diags);
  std::vector<std::string> actor_files = {dir + "Phoenix.Countries.actors.txt", dir + "Phoenix.International.actors.txt",
                                          dir + "Phoenix.MilNonState.actors.txt"};
  auto actors = LoadActors(actor_files, {}, &diags);
  auto agents = LoadAgents(dir + "Phoenix.agents.txt", false, {}, &diags);
  auto discards = LoadDiscards(dir + "Phoenix.discards.txt", {}, &diags);
  auto issues = LoadIssues(dir + "Phoenix.IssueCoding.txt", {}, &diags);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(verbs.ok()) << verbs.status().ToString();
  ASSERT_TRUE(actors.ok()) << actors.status().ToString();
  ASSERT_TRUE(agents.ok()) << agents.status().ToString();
  ASSERT_TRUE(discards.ok()) << discards.status().ToString();
  ASSERT_TRUE(issues.ok()) << issues.status().ToString();
  EXPECT_LT(seconds, 1.0) << "the issue's budget for the full PETRARCH2 set";

  // CAMEO.2.0.txt: 40 synsets, 397 blocks, 4,668 "- " pattern lines of which 4 are dropped
  // (2 with a stray ')' and text glued to the code, 2 naming undefined synsets), 8 transformations.
  EXPECT_EQ(verbs->synsets.size(), 40u);
  EXPECT_EQ(verbs->blocks.size(), 397u);
  EXPECT_EQ(verbs->PatternCount(), 4664u);
  EXPECT_EQ(verbs->transformations.size(), 8u);
  EXPECT_EQ(VerbEntries(*verbs), 1817u);
  EXPECT_EQ(verbs->index.size(), 6758u);
  ASSERT_NE(verbs->Find("SAID"), nullptr);

  // 18,390 + 7,841 + 1,021 primary phrases (the README's 7,840 leaves out the stray
  // "Source: MNC.MLH.actors" line, which we keep and flag as an actor without a code).
  EXPECT_EQ(actors->actors.size(), 27252u);
  EXPECT_EQ(actors->PhraseCount(), 35616u);
  EXPECT_EQ(actors->CodeCount(), 37299u);

  EXPECT_EQ(agents->substitutions.size(), 2u);
  EXPECT_EQ(agents->agents.size(), 5224u);
  EXPECT_EQ(discards->discards.size(), 506u);
  size_t story = 0;
  for (const Discard& d : discards->discards) story += d.story;
  EXPECT_EQ(story, 64u);
  EXPECT_EQ(issues->categories.size(), 52u);
  EXPECT_EQ(issues->phrases.size(), 4886u);

  // Known defects of the files, nothing else.
  auto by_file = CountByFile(diags);
  EXPECT_EQ(by_file["CAMEO.2.0.txt"], 6);
  EXPECT_EQ(by_file["Phoenix.Countries.actors.txt"], 47);
  EXPECT_EQ(by_file["Phoenix.International.actors.txt"], 7);
  EXPECT_EQ(by_file["Phoenix.MilNonState.actors.txt"], 0);
  EXPECT_EQ(by_file["Phoenix.agents.txt"], 2);
  EXPECT_EQ(by_file["Phoenix.discards.txt"], 0);
  EXPECT_EQ(by_file["Phoenix.IssueCoding.txt"], 18);
  EXPECT_EQ(CountContaining(diags, "undefined synset"), 2);
  EXPECT_EQ(CountContaining(diags, "actor has no code"), 41);
  EXPECT_EQ(CountContaining(diags, "malformed date"), 6);
  EXPECT_EQ(CountContaining(diags, "issue phrase without a [code]"), 13);
  EXPECT_EQ(CountContaining(diags, "invalid UTF-8"), 0);
  EXPECT_EQ(diags.size(), 80u);
}

TEST(LexiconLoadEval, PetrarchValidationSet) {
  REQUIRE_SHARED("compat/petrarch-unittest");
  const std::string dir = kShared + "compat/petrarch-unittest/";
  std::vector<Diagnostic> diags;
  auto verbs = LoadLinearVerbs(dir + "PETR.Validate.verbs.txt", VerbFormat::kPetrarch1, {}, &diags);
  std::vector<std::string> actor_files = {dir + "PETR.Validate.actors.txt"};
  auto actors = LoadActors(actor_files, {}, &diags);
  auto agents = LoadAgents(dir + "PETR.Validate.agents.txt", false, {}, &diags);
  auto discards = LoadDiscards(dir + "PETR.Validate.discards.txt", {}, &diags);
  ASSERT_TRUE(verbs.ok() && actors.ok() && agents.ok() && discards.ok());
  EXPECT_EQ(verbs->blocks.size(), 261u);
  EXPECT_EQ(verbs->synsets.size(), 17u);
  EXPECT_EQ(verbs->PatternCount(), 474u);
  EXPECT_EQ(actors->actors.size(), 128u);  // the README's 128 primary phrases and 33 synonyms
  EXPECT_EQ(actors->PhraseCount(), 161u);
  EXPECT_EQ(agents->agents.size(), 165u);
  EXPECT_EQ(discards->discards.size(), 9u);
  // "--- DELAY [120]  [031:031] ---" has two codes.
  ASSERT_EQ(diags.size(), 1u) << diags[0].ToString();
  EXPECT_NE(diags[0].message.find("more than one code"), std::string::npos);
}

TEST(LexiconLoadEval, UniversalPetrarchValidationSet) {
  REQUIRE_SHARED("compat/universalpetrarch-validate");
  const std::string dir = kShared + "compat/universalpetrarch-validate/";
  std::vector<Diagnostic> diags;
  auto verbs = LoadPetrarchVerbs(dir + "PETR_Validate_verbs_2_02.txt", VerbFormat::kUniversalPetrarch, {}, &diags);
  std::vector<std::string> actor_files = {dir + "PETR_Validate_actors_2_02.txt"};
  auto actors = LoadActors(actor_files, {}, &diags);
  auto agents = LoadAgents(dir + "PETR_Validate_agents_2_02.txt", false, {}, &diags);
  auto discards = LoadDiscards(dir + "PETR_Validate_discards_2_02.txt", {}, &diags);
  ASSERT_TRUE(verbs.ok() && actors.ok() && agents.ok() && discards.ok());
  EXPECT_EQ(verbs->blocks.size(), 69u);
  EXPECT_EQ(verbs->synsets.size(), 30u);
  EXPECT_EQ(verbs->PatternCount(), 354u);
  for (const VerbBlock& b : verbs->blocks) {
    for (const VerbEntry& v : b.verbs) EXPECT_TRUE(v.regular_forms.empty());
  }
  EXPECT_EQ(actors->actors.size(), 133u);
  EXPECT_EQ(agents->agents.size(), 165u);
  // &PREPOSIT1 defined twice, one pattern without its '- ', five patterns naming synsets the file
  // does not define (&DEFENSE, &PKO x2, &REFUGEE, &SECURITY).
  auto by_file = CountByFile(diags);
  EXPECT_EQ(by_file["PETR_Validate_verbs_2_02.txt"], 7);
  EXPECT_EQ(CountContaining(diags, "undefined synset"), 5);
  EXPECT_EQ(diags.size(), 7u);
}

TEST(LexiconLoadEval, TabariValidationProject) {
  REQUIRE_SHARED("compat/tabari-validation");
  std::vector<Diagnostic> diags;
  auto project = LoadTabariProject(kShared + "compat/tabari-validation/Validate.project", {}, &diags);
  ASSERT_TRUE(project.ok()) << project.status().ToString();
  EXPECT_EQ(project->sessions, 109);
  ASSERT_EQ(project->verbs_files.size(), 1u);
  ASSERT_EQ(project->agents_files.size(), 1u);
  auto verbs = LoadLinearVerbs(project->verbs_files[0], VerbFormat::kTabari, {}, &diags);
  auto actors = LoadActors(project->actors_files, {}, &diags);
  auto agents = LoadAgents(project->agents_files[0], true, {}, &diags);
  auto options = LoadTabariOptions(project->options_file, {}, &diags);
  ASSERT_TRUE(verbs.ok() && actors.ok() && agents.ok() && options.ok());
  EXPECT_EQ(verbs->blocks.size(), 283u);
  EXPECT_EQ(verbs->synsets.size(), 5u);
  EXPECT_EQ(verbs->PatternCount(), 407u);
  EXPECT_EQ(verbs->time_phrases.size(), 9u);
  EXPECT_EQ(actors->actors.size(), 120u);
  EXPECT_EQ(actors->nouns.size(), 8u);
  EXPECT_EQ(actors->adjectives.size(), 5u);
  EXPECT_EQ(agents->agents.size(), 86u);
  EXPECT_EQ(options->options.size(), 96u);
  EXPECT_EQ(options->labels.size(), 89u);
  // "FOREVER_AND_A_DAY [- - -]" in <TIME> is a deliberately malformed test line.
  ASSERT_EQ(diags.size(), 1u) << diags[0].ToString();
  EXPECT_NE(diags[0].message.find("time phrase"), std::string::npos);
}

}  // namespace
}  // namespace dyad::lexicon
