// TABARI / PETRARCH-1 dictionaries are coded by TABARI's word-order rules (coder_linear.cc). The
// sentences here get a flat parse and no verb tags on purpose: none of these rules may depend on
// the parse.
#include <sstream>

#include <gtest/gtest.h>

#include "coding/coder.h"
#include "lexicon/loaders.h"
#include "model/parsed_sentence_test_util.h"

namespace dyad::coding {
namespace {

constexpr std::string_view kTabariVerbs = R"(
RESTOR  [064]
- * FXLL DIPLOMATIC  [+++]
FREE [---]
- + * FROM $  [066]
MEET [---]
- % HAVE POSTPONED *  [191]
CONDEMN [122]
PROMISE [050]
ATTACK [190]
DEPART_ [032]
BAN= [191]
ACT [---]
- SAID IT WOULD_* [101]
SAID  [023?]
WELCOM [041]
SHOT [223]
- + WAS * DEAD [224]
CALL [---]
- * FOR [095]
CALLED_ON [094]
WARN [160]
- * AT ^ + [162]
)";

constexpr std::string_view kActors = R"(
<NOUN>
SHEEP
GOATS
</NOUN>
<ADJECTIVE>
EVIL
AWFUL
</ADJECTIVE>
ARNOR [ARN]
GONDOR [GON]
ROHAN [ROH]
FORNOST [FOR]
BREE [BRE]
OSGILIATH [OSG]
MORDOR [MOR]
ITHILEN [ITH]
CALENARDHON [CAL]
ESTONIA [EST]
LIBYA [LBY]
LORIEN [ELR/GAL]
NASGUL [###]
AMNESTY_INTERNATIONAL [NGM]
STEWARD [--- <950630] [STW]
)";

constexpr std::string_view kAgents = R"(
AMBASSADORS [~GOV]
MILITIA [~MIL]
HUMAN_RIGHTS_ACTIVISTS_ [NGM~]
)";

std::shared_ptr<const lexicon::DictionarySet> Dictionaries(lexicon::VerbFormat format, std::string_view verbs) {
  auto set = std::make_shared<lexicon::DictionarySet>();
  set->spec = format == lexicon::VerbFormat::kTabari ? "tabari:test.project" : "petrarch1:test";
  lexicon::LoadOptions options;
  auto parsed = lexicon::ParseLinearVerbs(verbs, "test.verbs", format, options, &set->diagnostics);
  EXPECT_TRUE(parsed.ok()) << parsed.status().message();
  set->verbs = std::move(parsed).value();
  EXPECT_TRUE(lexicon::ParseActors(kActors, "test.actors", options, &set->actors, &set->diagnostics).ok());
  EXPECT_TRUE(lexicon::ParseAgents(kAgents, "test.agents", true, options, &set->agents, &set->diagnostics).ok());
  return set;
}

// "SOURCE>TARGET:CODE " per event, in order, for `text` (blank-separated tokens) under a flat
// parse: every token depends on the first, none is tagged a verb.
std::string CodeText(std::string_view text, lexicon::VerbFormat format = lexicon::VerbFormat::kTabari,
                     std::string_view verbs = kTabariVerbs, CoderOptions options = {},
                     std::string_view complex_option = "") {
  std::istringstream in{std::string(text)};
  std::string conll, w;
  for (int i = 0; in >> w; ++i) conll += w + " " + w + " X " + (i == 0 ? "0 root\n" : "1 dep\n");
  model::Document doc = model::testing::ParsedSentence(conll, "1995-01-01");
  auto set = std::make_shared<lexicon::DictionarySet>(*Dictionaries(format, verbs));
  if (!complex_option.empty()) set->tabari_options.options.push_back({"COMPLEX", std::string(complex_option), {}});
  auto coder = Coder::Create(set, options);
  EXPECT_TRUE(coder.ok());
  Coder::Workspace ws;
  std::vector<model::Event> events;
  (*coder)->CodeDocument(doc, ws, events);
  std::string s;
  for (const auto& e : events) s += e.source.code + ">" + e.target.code + ":" + e.cameo + " ";
  return s;
}

TEST(CoderLinear, SourceBeforeTheVerbTargetAfterItWhateverTheParse) {
  EXPECT_EQ(CodeText("Arnor is about to restore full diplomatic ties with Gondor ."), "ARN>GON:064 ");
}

TEST(CoderLinear, SlotsBindTheirActorPhrases) {
  // "- + * FROM $": the actor before the verb is the target, the one after FROM the source.
  EXPECT_EQ(CodeText("Ithilen 's militia was freed from Mordor ."), "MOR>ITHMIL:066 ");
  // '%' binds a compound that acts on itself; "meeting" is a verb of the dictionary, tag or not.
  EXPECT_EQ(CodeText("Gondor and Osgiliath have postponed their meeting ."), "GON>OSG:191 OSG>GON:191 ");
  // A '+' before the verb is not the source too: the source is the actor after the verb.
  EXPECT_EQ(CodeText("Ithilen 's militia was shot dead in Mordor ."), "MOR>ITHMIL:224 ");
}

TEST(CoderLinear, CompoundListsNeedAnAnd) {
  EXPECT_EQ(CodeText("Fornost , Bree and the evil awful Rohan welcomed Gondor ."),
            "FOR>GON:041 BRE>GON:041 ROH>GON:041 ");
  // A comma alone is an apposition, not a list.
  EXPECT_EQ(CodeText("Fornost welcomed Gondor , Rohan 's neighbour ."), "FOR>GON:041 ");
}

TEST(CoderLinear, AnAgentJoinsTheActorAfterFromOrIn) {
  EXPECT_EQ(CodeText("Militia from Gondor condemned Mordor ."), "GONMIL>MOR:122 ");
  EXPECT_EQ(CodeText("Ambassadors in Arnor condemned Mordor ."), "ARNGOV>MOR:122 ");
  // Two actors are two participants, whatever joins them.
  EXPECT_EQ(CodeText("Calenardhon condemned Osgiliath in Ithilen ."), "CAL>OSG:122 ");
}

TEST(CoderLinear, ASkipPassesOverAnArticleAndOfJoinsNoTwoActors) {
  // '^' skips "the Gondor", not "the"; the '+' phrase "Rohan" does not reach back to Gondor.
  EXPECT_EQ(CodeText("Arnor warned at the Gondor of the Rohan ."), "ARN>ROH:162 ");
}

TEST(CoderLinear, ShortCommaClausesAreDropped) {
  // TABARI drops ", rumoured to come from Mordor ," (2 to 10 words) before coding.
  EXPECT_EQ(CodeText("Arnor condemned reports , rumoured to come from Mordor , that Gondor left ."), "ARN>GON:122 ");
  // Not an item of a list, nor under COMMA: OFF.
  EXPECT_EQ(CodeText("Arnor , the evil Rohan , and Bree condemned Gondor ."), "ARN>GON:122 ROH>GON:122 BRE>GON:122 ");
  CoderOptions off;
  off.comma_clauses = false;
  EXPECT_EQ(CodeText("Arnor condemned reports , rumoured to come from Mordor , that Gondor left .",
                     lexicon::VerbFormat::kTabari, kTabariVerbs, off),
            "ARN>MOR:122 ");
}

TEST(CoderLinear, ComplexLimitsVoidTheSentence) {
  constexpr std::string_view kText = "Condemning Arnor , Gondor attacked Rohan .";
  EXPECT_EQ(CodeText(kText), "ARN>ROH:190 ");
  // NOACTPRIOR: no actor before the first coded verb.
  EXPECT_EQ(CodeText(kText, lexicon::VerbFormat::kTabari, kTabariVerbs, {}, "NOACTPRIOR"), "");
  // VERBS[1]: two verbs are too many.
  EXPECT_EQ(CodeText("Gondor condemned Arnor and attacked Rohan .", lexicon::VerbFormat::kTabari, kTabariVerbs, {},
                     "VERBS[1]"),
            "");
  EXPECT_EQ(CodeText("Gondor condemned Arnor .", lexicon::VerbFormat::kTabari, kTabariVerbs, {}, "VERBS[1]"),
            "GON>ARN:122 ");
}

TEST(CoderLinear, AnActorAfterAConjunctionStartsAClauseAndObjectPronounsNameTheFirstActor) {
  EXPECT_EQ(CodeText("Gondor condemned Mordor on Monday and Rohan attacked him ."), "GON>MOR:122 ROH>GON:190 ");
}

TEST(CoderLinear, ASubjectPronounOpeningAClauseNamesTheFirstActor) {
  // "it" stands for Gondor, and Rohan, named after it but before the verb, is the target.
  EXPECT_EQ(CodeText("Gondor condemned Mordor on Monday and then it said that Rohan attacked ."),
            "GON>MOR:122 GON>ROH:190 ");
  // After the clause's first actor a pronoun changes nothing.
  EXPECT_EQ(CodeText("Gondor said that it condemned Mordor ."), "GON>MOR:122 ");
}

TEST(CoderLinear, AnActorNullOnTheStorysDateIsPlainWords) {
  // The story is of 1995-01-01, when the steward's code is "---": Gondor is the target.
  EXPECT_EQ(CodeText("Arnor condemned the Steward in Gondor ."), "ARN>GON:122 ");
}

TEST(CoderLinear, AnAgentTheActorsCodeCarriesIsNotAddedAgain) {
  EXPECT_EQ(CodeText("Human rights activists of Gondor condemned Mordor ."), "NGMGON>MOR:122 ");
  EXPECT_EQ(CodeText("Human rights activists Amnesty International condemned Mordor ."), "NGM>MOR:122 ");
}

TEST(CoderLinear, ConvertAgentCodesAnAgentWithNoActor) {
  CoderOptions convert;
  convert.convert_agents = true;
  EXPECT_EQ(CodeText("Militia condemned Mordor .", lexicon::VerbFormat::kTabari, kTabariVerbs, convert), "MIL>MOR:122 ");
  EXPECT_EQ(CodeText("Arnor condemned the militia .", lexicon::VerbFormat::kTabari, kTabariVerbs, convert),
            "ARN>MIL:122 ");
  // Without the option an agent alone names no one.
  EXPECT_EQ(CodeText("Militia condemned Mordor ."), "");
}

TEST(CoderLinear, SlashCodesNameSeveralActors) {
  EXPECT_EQ(CodeText("Arnor welcomed Lorien ."), "ARN>ELR:041 ARN>GAL:041 ");
}

TEST(CoderLinear, ArticlesAndCapitalsMakeAVerbANoun) {
  // "the restore" and "To Restore" are nouns to TABARI; only the attack is coded, with the
  // clause's first actor as its source.
  EXPECT_EQ(CodeText("Arnor is about the restore of ties with Gondor after Rohan attacked Bree ."),
            "ARN>BRE:190 ");
  EXPECT_EQ(CodeText("Arnor is about To Restore ties with Gondor ."), "");
  // So does a noun ending: "welcome's".
  EXPECT_EQ(CodeText("Arnor welcome 's Gondor ."), "");
  EXPECT_EQ(CodeText("Arnor welcome Gondor ."), "ARN>GON:041 ");
}

TEST(CoderLinear, OneEventPerClauseAndTheSourceCarriesOver) {
  // "and promised" starts a clause, which keeps the source of the clause before it.
  EXPECT_EQ(CodeText("Calenardhon condemned Osgiliath on Thursday and promised aid to Ithilen ."),
            "CAL>OSG:122 CAL>ITH:050 ");
  // The first coded verb of a clause is its event; "attacking" is not coded again.
  EXPECT_EQ(CodeText("Calenardhon condemned Osgiliath attacking Ithilen ."), "CAL>OSG:122 ");
  // "Bree and Rohan" is a compound, not a clause; "nor" joins a compound too.
  EXPECT_EQ(CodeText("Calenardhon condemned Bree and Rohan ."), "CAL>BRE:122 CAL>ROH:122 ");
  EXPECT_EQ(CodeText("Neither Bree nor Rohan condemned Gondor ."), "BRE>GON:122 ROH>GON:122 ");
  // A conjunction before anything else ends the clause: "then" is no actor.
  EXPECT_EQ(CodeText("Calenardhon condemned Osgiliath and then Bree promised aid to Ithilen ."),
            "CAL>OSG:122 BRE>ITH:050 ");
  // <NOUN> words joined by "and" start no clause ("sheep and evil awful goats"): "attacking"
  // stays in the clause of "condemned" and is not coded.
  EXPECT_EQ(CodeText("Calenardhon condemned sheep and evil goats attacking Ithilen ."), "CAL>ITH:122 ");
}

TEST(CoderLinear, QuestionCodesYieldToTheClausesOtherVerbs) {
  EXPECT_EQ(CodeText("Estonia said it would act with Libya ."), "EST>LBY:101 ");
  EXPECT_EQ(CodeText("Estonia said Libya was wrong ."), "EST>LBY:023 ");
}

TEST(CoderLinear, VerbStemsTakeRegularEndingsOnly) {
  EXPECT_EQ(CodeText("Estonia departed from Libya ."), "EST>LBY:032 ");
  EXPECT_EQ(CodeText("Estonia departen from Libya ."), "EST>LBY:032 ");
  // "BAN=" takes no endings at all.
  EXPECT_EQ(CodeText("Estonia will ban Libya ."), "EST>LBY:191 ");
  EXPECT_EQ(CodeText("Estonia is baning Libya ."), "");
  EXPECT_EQ(CodeText("Estonia departx from Libya ."), "");
}

TEST(CoderLinear, AFormOfAMultiWordVerbIsStillAFormOfItsStem) {
  EXPECT_EQ(CodeText("Estonia called on Libya ."), "EST>LBY:094 ");
  // "called" without "on" is CALL.
  EXPECT_EQ(CodeText("Estonia called for talks with Libya ."), "EST>LBY:095 ");
}

TEST(CoderLinear, DiscardAndComplexCodesVoidTheSentence) {
  EXPECT_EQ(CodeText("Arnor condemned Gondor after Nasgul sightings ."), "");
  // A pattern coded [+++] voids it too.
  EXPECT_EQ(CodeText("Arnor is about to restore fxll diplomatic ties with Gondor ."), "");
}

TEST(CoderLinear, NoSyntacticNegationPatternsDecide) {
  EXPECT_EQ(CodeText("Calenardhon did not condemn Osgiliath ."), "CAL>OSG:122 ");
}

constexpr std::string_view kPetrarch1Verbs = R"(
--- PRESENT [---] ---
PRESENT
- * CREDENTIALS [032]
--- WELCOME [041] ---
WELCOME
)";

TEST(CoderLinear, Petrarch1CarriesAnAgentOverTheList) {
  EXPECT_EQ(CodeText("The ambassadors of Arnor , Osgiliath and Gondor presented credentials to Ithilen .",
                     lexicon::VerbFormat::kPetrarch1, kPetrarch1Verbs),
            "ARNGOV>ITH:032 OSGGOV>ITH:032 GONGOV>ITH:032 ");
  // TABARI's rule: the agent stays with its own actor.
  EXPECT_EQ(CodeText("The ambassadors of Arnor , Osgiliath and Gondor welcomed Ithilen ."),
            "ARNGOV>ITH:041 OSG>ITH:041 GON>ITH:041 ");
}

}  // namespace
}  // namespace dyad::coding
