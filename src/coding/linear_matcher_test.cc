#include "coding/linear_matcher.h"

#include <sstream>

#include <gtest/gtest.h>

#include "lexicon/loaders.h"
#include "model/tagset.h"

namespace dyad::coding {
namespace {

// A TABARI verbs file: each root "VERB [code]" is a block, patterns follow it.
constexpr std::string_view kVerbs = R"(
<SYNSETS>
&TIETYPES
+DIPLOMATIC
+TRADE_AGREEMENT
+&CURRENCY
&CURRENCY
+DUCATS
+GOLD_CROWNS
+SILVER MARKS
</SYNSETS>
RESTORE [064]
- * &TIETYPES TIES [902]
- * NEW_&TIETYPES_RELATIONS [903]
FREE [066]
- + * FROM $  [066]
POSTPONE [---]
- % HAVE *  [032]
PLAN [---]
- * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT | EMBARGO }  [172]
- FAILED_TO_*  [111]
- DIDN'T *  [081]
- IN_*  [075]
- IN *  [072]
- SAID WOULD_*_TALKS  [102]
- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111]
OFFER [050]
- * { WARM SUPPORT | FULL_AID }  [051]
- * &CURRENCY  [052]
)";

struct Sentence {
  model::Document doc;
  SentenceView view;
  std::vector<ActorMatcher::Match> mentions;
  std::vector<int> mention_at;
};

// Words separated by blanks, every token its own lemma; "[" and "]" around words mark an actor
// phrase (a mention), e.g. "[Gondor] freed [Arnor 's militia]".
void Build(std::string_view text, Sentence* s) {
  std::istringstream in{std::string(text)};
  std::string w;
  int open = -1;
  model::Document& doc = s->doc;
  doc = model::Document{};
  while (in >> w) {
    bool starts = w.front() == '[';
    bool ends = w.back() == ']';
    if (starts) w.erase(0, 1);
    if (ends) w.pop_back();
    uint32_t index = static_cast<uint32_t>(doc.tokens.size());
    if (starts) open = static_cast<int>(index);
    if (!doc.text.empty()) doc.text += ' ';
    model::Token t;
    t.start = static_cast<uint32_t>(doc.text.size());
    doc.text += w;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form_start = static_cast<uint32_t>(doc.forms.size());
    doc.forms += w;
    t.form_length = static_cast<uint16_t>(w.size());
    t.lemma_start = t.form_start;
    t.lemma_length = t.form_length;
    t.upos = model::UposId("X");
    t.head = -1;
    doc.tokens.push_back(t);
    if (ends && open >= 0) {
      ActorMatcher::Match m;
      m.begin = static_cast<uint32_t>(open);
      m.end = index + 1;
      s->mentions.push_back(m);
      open = -1;
    }
  }
  model::Sentence sent;
  sent.end = static_cast<uint32_t>(doc.text.size());
  sent.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(sent);
  s->view.Reset(doc, doc.Tokens(doc.sentences[0]));
  s->mention_at.assign(doc.tokens.size(), -1);
  for (size_t m = 0; m < s->mentions.size(); ++m) {
    for (uint32_t t = s->mentions[m].begin; t < s->mentions[m].end; ++t) s->mention_at[t] = static_cast<int>(m);
  }
}

class LinearMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto verbs = lexicon::ParseLinearVerbs(kVerbs, "test.verbs", lexicon::VerbFormat::kTabari, {}, &diagnostics_);
    ASSERT_TRUE(verbs.ok()) << verbs.status().ToString();
    dict_ = std::move(*verbs);
    for (const auto& d : diagnostics_) ADD_FAILURE() << d.ToString();
    matcher_ = std::make_unique<LinearMatcher>(dict_);
  }

  const lexicon::VerbBlock& Block(std::string_view name) {
    for (const auto& b : dict_.blocks) {
      if (b.name == name) return b;
    }
    ADD_FAILURE() << "no block " << name;
    return dict_.blocks.front();
  }

  size_t TokenOf(const Sentence& s, std::string_view form) {
    for (size_t i = 0; i < s.view.size(); ++i) {
      if (s.view.Form(i) == form) return i;
    }
    ADD_FAILURE() << "no token " << form;
    return 0;
  }

  // The code of the best pattern of block `verb` for the token `form`, or "" when none matched.
  std::string Code(std::string_view text, std::string_view verb, std::string_view form, LinearMatch* out = nullptr) {
    Sentence s;
    Build(text, &s);
    LinearMatch m = matcher_->Match(s.view, TokenOf(s, form), s.mentions, s.mention_at, Block(verb));
    if (out != nullptr) *out = m;
    return m.pattern ? m.pattern->code.active : "";
  }

  std::vector<lexicon::Diagnostic> diagnostics_;
  lexicon::VerbDictionary dict_;
  std::unique_ptr<LinearMatcher> matcher_;
};

TEST_F(LinearMatcherTest, GapsBetweenWordsAndSynsets) {
  EXPECT_EQ(Code("[Arnor] will restore full diplomatic ties with [Gondor]", "RESTORE", "restore"), "902");
  // TIES must come after the synset member.
  EXPECT_EQ(Code("[Arnor] will restore ties that are diplomatic", "RESTORE", "restore"), "");
  // Multi-word member, joined words: NEW_ then the synset then _RELATIONS, adjacent.
  EXPECT_EQ(Code("[Arnor] will restore new trade agreement relations", "RESTORE", "restore"), "903");
  EXPECT_EQ(Code("[Arnor] will restore new and trade agreement relations", "RESTORE", "restore"), "");
  // Nested synset (&CURRENCY inside &TIETYPES) with a two-word member.
  EXPECT_EQ(Code("[Arnor] will restore gold crowns ties", "RESTORE", "restore"), "902");
}

TEST_F(LinearMatcherTest, NestedSynsetWinsOverShorterPattern) {
  // Both patterns match; the one with more literal elements wins (3 vs 2).
  EXPECT_EQ(Code("[Arnor] will restore new diplomatic relations and diplomatic ties", "RESTORE", "restore"), "903");
}

TEST_F(LinearMatcherTest, SlotsBindActorPhrases) {
  LinearMatch m;
  EXPECT_EQ(Code("[Ithilen 's militia] was freed from [Barad-dur] after talks", "FREE", "freed", &m), "066");
  EXPECT_EQ(m.target_token, 0);
  EXPECT_EQ(m.source_token, 6);
  EXPECT_FALSE(m.compound);
  // No actor phrase after FROM: the pattern does not match.
  EXPECT_EQ(Code("[Ithilen] was freed from prison", "FREE", "freed"), "");
}

TEST_F(LinearMatcherTest, CompoundSlot) {
  LinearMatch m;
  EXPECT_EQ(Code("Old foes [Gondor and Osgiliath] have postponed their meeting", "POSTPONE", "postponed", &m), "032");
  EXPECT_TRUE(m.compound);
  EXPECT_EQ(m.source_token, 2);
}

TEST_F(LinearMatcherTest, Alternatives) {
  EXPECT_EQ(Code("[Gondor] plans for a total boycott of [Mordor]", "PLAN", "plans"), "172");
  EXPECT_EQ(Code("[Gondor] plans for an embargo", "PLAN", "plans"), "172");
  EXPECT_EQ(Code("[Gondor] plans for a total ban", "PLAN", "plans"), "");
}

TEST_F(LinearMatcherTest, WordsWrittenApartMayHaveWordsBetweenThem) {
  EXPECT_EQ(Code("[Gondor] will offer warm and open support", "OFFER", "offer"), "051");
  EXPECT_EQ(Code("[Gondor] will offer silver and copper marks", "OFFER", "offer"), "052");
  // Still in order, and words joined by '_' still touch.
  EXPECT_EQ(Code("[Gondor] will offer support warm", "OFFER", "offer"), "");
  EXPECT_EQ(Code("[Gondor] will offer full military aid", "OFFER", "offer"), "");
  EXPECT_EQ(Code("[Gondor] will offer gold and crowns", "OFFER", "offer"), "");
}

TEST_F(LinearMatcherTest, AdjacencyToTheVerb) {
  EXPECT_EQ(Code("[Gondor] in plans", "PLAN", "plans"), "075");
  EXPECT_EQ(Code("[Gondor] in its plans", "PLAN", "plans"), "072");
  EXPECT_EQ(Code("[Gondor] failed to plans", "PLAN", "plans"), "111");
  EXPECT_EQ(Code("[Gondor] failed then to plans", "PLAN", "plans"), "");
  EXPECT_EQ(Code("[Gondor] said it would plans talks", "PLAN", "plans"), "102");
  EXPECT_EQ(Code("[Gondor] said it would plans new talks", "PLAN", "plans"), "");
}

TEST_F(LinearMatcherTest, ShortWordsAreWholeWordsLongOnesAreStems) {
  // "IN" must not match INDIA; "SAID" is a stem but needs its own letters.
  EXPECT_EQ(Code("[India] plans", "PLAN", "plans"), "");
  EXPECT_EQ(Code("[Gondor] failed to plans", "PLAN", "plans"), "111");
  lexicon::PatternWord stem;
  stem.text = "CONTRIBUT";
  Sentence s;
  Build("contributions", &s);
  EXPECT_TRUE(LinearMatcher::WordMatches(s.view, 0, stem));
  lexicon::PatternWord exact = stem;
  exact.exact = true;
  EXPECT_FALSE(LinearMatcher::WordMatches(s.view, 0, exact));
}

TEST_F(LinearMatcherTest, AWordTheTokenizerCutMatchesItsPieces) {
  EXPECT_EQ(Code("[Gondor] didn't plans", "PLAN", "plans"), "081");
  EXPECT_EQ(Code("[Gondor] did n't plans", "PLAN", "plans"), "081");
  EXPECT_EQ(Code("[Gondor] did not plans", "PLAN", "plans"), "");
}

TEST_F(LinearMatcherTest, JoinedGroupAndSlotBeforeVerb) {
  LinearMatch m;
  EXPECT_EQ(Code("[Gondor] suggested [Arnor] plans demand international conventions", "PLAN", "plans", &m), "111");
  EXPECT_EQ(m.target_token, 2);
  EXPECT_EQ(Code("[Gondor] suggested [Arnor] plans demand geneva conventions", "PLAN", "plans"), "111");
  EXPECT_EQ(Code("[Gondor] suggested [Arnor] plans demand new geneva conventions", "PLAN", "plans"), "");
}

TEST_F(LinearMatcherTest, BudgetStopsPathologicalInput) {
  // Many repeated words: the matcher gives up within its step budget rather than exploring all.
  std::string text = "[Gondor] plans";
  for (int i = 0; i < 300; ++i) text += " for";
  EXPECT_EQ(Code(text, "PLAN", "plans"), "");
}

}  // namespace
}  // namespace dyad::coding
