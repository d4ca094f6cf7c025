#include "coding/word_ids.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "coding/discard_matcher.h"
#include "model/parsed_sentence_test_util.h"

namespace dyad::coding {
namespace {

// "Rebels attacked the capital": forms and lemmas differ in case and inflection.
constexpr std::string_view kSentence = R"(
Rebels rebel NOUN 2 nsubj
attacked attack VERB 0 root
the the DET 4 det
capital capital NOUN 2 obj
)";

struct Parsed {
  model::Document doc = model::testing::ParsedSentence(kSentence, "2020-01-01");
  SentenceView view;
  SentenceWords words;
  void Look(const WordVocabulary& vocabulary) {
    view.Reset(doc, doc.Tokens(doc.sentences[0]));
    words.Reset(view, vocabulary);
  }
};

TEST(WordVocabularyTest, InternsOnce) {
  WordVocabulary v;
  uint32_t a = v.Intern("ATTACK");
  EXPECT_EQ(v.Intern("ATTACK"), a);
  EXPECT_NE(v.Intern("REBEL"), a);
  EXPECT_EQ(v.Find("ATTACK"), a);
  EXPECT_EQ(v.Find("attack"), kNoWord);  // callers upper-case
  EXPECT_EQ(v.size(), 2u);
}

TEST(WordVocabularyTest, KeepsIdsAcrossGrowth) {
  // Thousands of words rehash the table several times; every id must stay findable.
  WordVocabulary v;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("W" + std::to_string(i * 7919));
  for (size_t i = 0; i < words.size(); ++i) ASSERT_EQ(v.Intern(words[i]), i);
  for (size_t i = 0; i < words.size(); ++i) EXPECT_EQ(v.Find(words[i]), i);
  EXPECT_EQ(v.Find("W1"), kNoWord);
  EXPECT_EQ(v.Find(""), kNoWord);
  EXPECT_EQ(v.size(), words.size());
}

TEST(SentenceWordsTest, StemsAreThePrefixesOfTheUpperCasedToken) {
  // "capital": forms cut by one to three letters are CAPITA, CAPIT, CAPI.
  WordVocabulary v;
  const uint32_t capita = v.Intern("CAPITA"), capit = v.Intern("CAPIT"), capi = v.Intern("CAPI");
  v.Intern("CAP");
  Parsed p;
  p.Look(v);
  const SentenceWords::Token& t = p.words.token(3);
  EXPECT_EQ(t.form, kNoWord);
  EXPECT_EQ(t.stems[0], capita);
  EXPECT_EQ(t.stems[1], capit);
  EXPECT_EQ(t.stems[2], capi);
}

TEST(SentenceWordsTest, FormsLemmasAndStems) {
  WordVocabulary v;
  const WordKey attack = CompileWord(v, "ATTACK", /*exact=*/false);
  const WordKey attacked_exact = CompileWord(v, "ATTACKED", /*exact=*/true);
  const WordKey attac_exact = CompileWord(v, "ATTAC", /*exact=*/true);
  const WordKey att = CompileWord(v, "ATT", /*exact=*/false);  // a stem of "attack" (3 more letters)
  const WordKey cap = CompileWord(v, "CAP", /*exact=*/false);  // "capital" has 4 more: too many
  const WordKey the = CompileWord(v, "TH", /*exact=*/false);   // under 3 letters: whole words only
  const WordKey capit = CompileWord(v, "CAPIT", /*exact=*/false);
  const WordKey rebels = CompileWord(v, "REBELS", /*exact=*/true);
  EXPECT_TRUE(attack.stem);
  EXPECT_FALSE(the.stem);
  Parsed p;
  p.Look(v);
  ASSERT_EQ(p.words.size(), 4u);
  EXPECT_TRUE(p.words.Matches(1, attack));          // the lemma, and a stem of the form
  EXPECT_TRUE(p.words.Matches(1, attacked_exact));  // the form, upper-cased
  EXPECT_FALSE(p.words.Matches(1, attac_exact));    // exact words need the whole token
  EXPECT_TRUE(p.words.Matches(1, att));             // through the lemma, not the form
  EXPECT_FALSE(p.words.Matches(3, cap));
  EXPECT_FALSE(p.words.Matches(2, the));
  EXPECT_TRUE(p.words.Matches(3, capit));           // "capital": 2 letters beyond
  EXPECT_TRUE(p.words.Matches(0, rebels));
  EXPECT_FALSE(p.words.Matches(2, WordKey{}));      // an unknown word matches nothing
}

TEST(DiscardMatcherTest, FirstDiscardInListOrderWins) {
  lexicon::VerbDictionary verbs;
  WordVocabulary v;
  VerbMatcher matcher(verbs, v);
  auto word = [](std::string text, bool exact) {
    lexicon::PatternWord w;
    w.text = std::move(text);
    w.exact = exact;
    return w;
  };
  lexicon::DiscardList list;
  list.discards.push_back({{word("THE", true), word("CAPITOL", true)}, false, {}});  // absent
  list.discards.push_back({{word("THE", true), word("CAPIT", false)}, false, {}});   // stem: matches
  list.discards.push_back({{word("REBEL", false)}, false, {}});                      // matches too, later
  list.discards.push_back({{}, false, {}});                                          // empty: never
  DiscardMatcher discards(list, matcher, v);
  Parsed p;
  p.Look(v);
  EXPECT_EQ(discards.Find(p.words), 1);

  lexicon::DiscardList none;
  none.discards.push_back({{word("ATTACKE", true)}, false, {}});
  none.discards.push_back({{word("CAPITAL", true), word("THE", true)}, false, {}});  // wrong order
  DiscardMatcher no_match(none, matcher, v);
  p.Look(v);
  EXPECT_EQ(no_match.Find(p.words), -1);
}

}  // namespace
}  // namespace dyad::coding
