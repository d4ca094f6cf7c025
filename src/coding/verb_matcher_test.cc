#include "coding/verb_matcher.h"

#include <gtest/gtest.h>

#include "lexicon/loaders.h"
#include "model/parsed_sentence_test_util.h"

namespace dyad::coding {
namespace {

// Patterns over the words of the sentences below. "(DESPITE $)" before the verb: the pre-verb
// material is matched by its nouns only, so the preposition is not needed (the pattern skip
// must not assume it is).
constexpr std::string_view kVerbs = R"(
&HARSH
+HARSH
+VERY_STRONG
+STRONGLY_
--- CRITICIZE [111] ---
CRITICIZE
- (DESPITE $) * [123]
- * CLOSURE [112]
- * (OF HOUSES) [113]
- * {RECENT CLOSURE} (IN $) [114]
- &HARSH * [115]
- * MINISTRY [116]
--- CONDEMN [111] ---
CONDEMN
- * MINISTRY [116]
- (DESPITE $) * [123]
)";

// "Hamfast very strongly criticized the recent closure of guest houses in Bree."
constexpr std::string_view kSentence = R"(
Hamfast Hamfast PROPN 4 nsubj
very very ADV 3 advmod
strongly strongly ADV 4 advmod
criticized criticize VERB 0 root
the the DET 7 det
recent recent ADJ 7 amod
closure closure NOUN 4 obj
of of ADP 10 case
guest guest NOUN 10 compound
houses house NOUN 7 nmod
in in ADP 12 case
Bree Bree PROPN 4 obl
)";

// The best pattern of the first block of `verbs` for the verb at token `verb` of `parse` (subject
// at token `subject`), matched under `rules`; every trial is appended to `trials` when not null.
PatternMatch BestPattern(const lexicon::VerbDictionary& verbs, VerbMatcherRules rules, std::string_view parse,
                         size_t verb, int subject, std::vector<PatternTrial>* trials) {
  model::Document doc = model::testing::ParsedSentence(parse, "2020-01-01");
  WordVocabulary vocabulary;
  VerbMatcher matcher(verbs, vocabulary, rules);
  SentenceView view;
  view.Reset(doc, doc.Tokens(doc.sentences[0]));
  SentenceWords words;
  words.Reset(view, vocabulary);
  return matcher.Match(view, words, verb, subject, verbs.blocks[0], trials);
}

TEST(VerbMatcherTest, SkippingPatternsNeverChangesTheBestMatch) {
  lexicon::LoadOptions options;
  std::vector<lexicon::Diagnostic> diagnostics;
  auto verbs = lexicon::ParsePetrarchVerbs(kVerbs, "test.verbs", lexicon::VerbFormat::kPetrarch2, options,
                                           &diagnostics);
  ASSERT_TRUE(verbs.ok()) << verbs.status().message();
  ASSERT_EQ(verbs->blocks.size(), 2u);
  const lexicon::VerbBlock& block = verbs->blocks[0];
  ASSERT_EQ(block.patterns.size(), 6u);
  WordVocabulary vocabulary;
  VerbMatcher matcher(*verbs, vocabulary);
  model::Document doc = model::testing::ParsedSentence(kSentence, "2020-01-01");
  SentenceView view;
  view.Reset(doc, doc.Tokens(doc.sentences[0]));
  SentenceWords words;
  words.Reset(view, vocabulary);

  // With trials every pattern is tried; without, patterns lacking a needed word are skipped.
  std::vector<PatternTrial> trials;
  PatternMatch traced = matcher.Match(view, words, 3, 0, block, &trials);
  PatternMatch fast = matcher.Match(view, words, 3, 0, block, nullptr);
  ASSERT_EQ(trials.size(), 6u);
  EXPECT_TRUE(trials[0].matched);   // (DESPITE $): no "despite" needed before the verb
  EXPECT_TRUE(trials[1].matched);   // CLOSURE
  EXPECT_TRUE(trials[3].matched);   // {RECENT CLOSURE} (IN $)
  EXPECT_FALSE(trials[2].matched);  // "of" marks "houses", not a complement of the verb
  EXPECT_FALSE(trials[4].matched);  // &HARSH: nothing in the subject's subtree
  EXPECT_FALSE(trials[5].matched);  // MINISTRY is not in the sentence
  EXPECT_EQ(trials[5].why, "no post-verb phrase");
  ASSERT_NE(traced.pattern, nullptr);
  EXPECT_EQ(fast.pattern, traced.pattern);
  EXPECT_EQ(fast.score, traced.score);
  EXPECT_EQ(fast.target_token, traced.target_token);
  EXPECT_EQ(traced.pattern->code.active, "114");  // the most literal words

  // Where only the pre-verb "(DESPITE $)" matches, skipping must not drop it for want of DESPITE.
  const lexicon::VerbBlock& condemn = verbs->blocks[1];
  PatternMatch only = matcher.Match(view, words, 3, 0, condemn, nullptr);
  ASSERT_NE(only.pattern, nullptr);
  EXPECT_EQ(only.pattern->code.active, "123");
  EXPECT_EQ(only.source_token, 0);
}

// With a peer's rules, "(BY)" after a noun reads a prepositional phrase inside the verb's object:
// "condemned an attack by soldiers" takes the longer "* ATTACK (BY)"; a phrase in the subject
// does not count. dyad's own rules read only the phrases the verb governs.
TEST(VerbMatcherTest, PrepositionalPhraseInsideTheObjectMatches) {
  constexpr std::string_view kCondemn = R"(
--- CONDEMN [111] ---
CONDEMN
- * ATTACK (BY) [112]
- * ATTACK [113]
- * (OF) [114]
)";
  constexpr std::string_view kParse = R"(
Aides Aide NOUN 4 nsubj
of of ADP 3 case
Gondor Gondor PROPN 1 nmod
condemned condemn VERB 0 root
an a DET 6 det
attack attack NOUN 4 obj
by by ADP 8 case
soldiers soldier NOUN 6 nmod
)";
  lexicon::LoadOptions options;
  std::vector<lexicon::Diagnostic> diagnostics;
  auto verbs = lexicon::ParsePetrarchVerbs(kCondemn, "test.verbs", lexicon::VerbFormat::kPetrarch2, options,
                                           &diagnostics);
  ASSERT_TRUE(verbs.ok()) << verbs.status().message();
  for (bool nested : {false, true}) {
    std::vector<PatternTrial> trials;
    PatternMatch match = BestPattern(*verbs, VerbMatcherRules{.nested_prep_phrases = nested}, kParse, 3, 0, &trials);
    ASSERT_EQ(trials.size(), 3u);
    EXPECT_EQ(trials[0].matched, nested);
    EXPECT_TRUE(trials[1].matched);
    EXPECT_FALSE(trials[2].matched);  // "of Gondor" is inside the subject, not after the verb
    ASSERT_NE(match.pattern, nullptr);
    EXPECT_EQ(match.pattern->code.active, nested ? "112" : "113");
  }
}

// Under dyad's rules a post-verb word must lie in the verb's own phrases: "siege" in the adverbial
// clause of "cancelled a visit after a siege was declared" or in the circumstance "after the
// siege" is no cancelled siege; a purpose infinitive still counts ("to end the siege").
TEST(VerbMatcherTest, OwnArgumentsOnlySkipsAdverbialClauses) {
  constexpr std::string_view kCancel = R"(
--- CANCEL [---] ---
CANCEL
- * SIEGE [0872]
- * VISIT [160]
)";
  lexicon::LoadOptions options;
  std::vector<lexicon::Diagnostic> diagnostics;
  auto verbs = lexicon::ParsePetrarchVerbs(kCancel, "test.verbs", lexicon::VerbFormat::kPetrarch2, options,
                                           &diagnostics);
  ASSERT_TRUE(verbs.ok()) << verbs.status().message();
  constexpr std::string_view kAfter = R"(
Gondor Gondor PROPN 2 nsubj
cancelled cancel VERB 0 root
a a DET 4 det
visit visit NOUN 2 obj
after after SCONJ 9 mark
a a DET 7 det
siege siege NOUN 9 nsubj:pass
was be AUX 9 aux:pass
declared declare VERB 2 advcl
)";
  constexpr std::string_view kPurpose = R"(
Gondor Gondor PROPN 2 nsubj
cancelled cancel VERB 0 root
a a DET 4 det
visit visit NOUN 2 obj
to to PART 6 mark
end end VERB 2 advcl
the the DET 8 det
siege siege NOUN 6 obj
)";
  constexpr std::string_view kAfterPhrase = R"(
Gondor Gondor PROPN 2 nsubj
cancelled cancel VERB 0 root
a a DET 4 det
visit visit NOUN 2 obj
after after ADP 7 case
the the DET 7 det
siege siege NOUN 2 obl
)";
  struct Case {
    std::string_view parse;
    bool own_arguments_only;
    std::string_view code;
  };
  for (const Case& c : {Case{kAfter, false, "0872"}, Case{kAfter, true, "160"}, Case{kAfterPhrase, false, "0872"},
                        Case{kAfterPhrase, true, "160"}, Case{kPurpose, true, "0872"}}) {
    PatternMatch match =
        BestPattern(*verbs, VerbMatcherRules{.own_arguments_only = c.own_arguments_only}, c.parse, 1, 0, nullptr);
    ASSERT_NE(match.pattern, nullptr);
    EXPECT_EQ(match.pattern->code.active, c.code) << c.parse;
  }
}

// PETRARCH2 pattern words are TABARI stems ("MEET" matches "meeting"); UniversalPetrarch's are UD
// lemmas matched whole.
TEST(VerbMatcherTest, UniversalPetrarchWordsAreWholeLemmas) {
  constexpr std::string_view kDelay = R"(
--- DELAY [120] ---
POSTPONE
- * MEET [161]
)";
  constexpr std::string_view kParse = R"(
Gondor Gondor PROPN 2 nsubj
postponed postpone VERB 0 root
the the DET 4 det
meeting meeting NOUN 2 obj
)";
  model::Document doc = model::testing::ParsedSentence(kParse, "2020-01-01");
  for (auto format : {lexicon::VerbFormat::kPetrarch2, lexicon::VerbFormat::kUniversalPetrarch}) {
    lexicon::LoadOptions options;
    std::vector<lexicon::Diagnostic> diagnostics;
    auto verbs = lexicon::ParsePetrarchVerbs(kDelay, "test.verbs", format, options, &diagnostics);
    ASSERT_TRUE(verbs.ok()) << verbs.status().message();
    WordVocabulary vocabulary;
    VerbMatcher matcher(*verbs, vocabulary);
    SentenceView view;
    view.Reset(doc, doc.Tokens(doc.sentences[0]));
    SentenceWords words;
    words.Reset(view, vocabulary);
    PatternMatch match = matcher.Match(view, words, 1, 0, verbs->blocks[0], nullptr);
    EXPECT_EQ(match.pattern != nullptr, format == lexicon::VerbFormat::kPetrarch2);
  }
}

}  // namespace
}  // namespace dyad::coding
