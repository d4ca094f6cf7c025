#include "coding/coder.h"
#include "coding/sentence_view.h"

#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "model/parsed_sentence_test_util.h"

#include "lexicon/coding_ontology.h"
#include "lexicon/loaders.h"
#include "model/tagset.h"

namespace dyad::coding {
namespace {

model::Document Parsed(std::string_view conll, std::string date = "2017-07-23") {
  return model::testing::ParsedSentence(conll, date);
}

constexpr std::string_view kVerbs = R"(
####### VERB PATTERNS #######

---  SIGN   [---]  ---
SIGN
- * AGREEMENT                 [057:057]  # SIGN
- * MEMORANDUM                [057]      # SIGN

---  ACCUSE   [112]  ---
ACCUSE [112]
DENY [016]
- * (OF TORTURE)              [1122]     # ACCUSE

---  ATTACK   [190]  ---
ATTACK
- * (WITH ROCKETS)            [195]      # ATTACK

---  THREATEN   [130]  ---
THREATEN

---  SAY   [---]  ---
SAY

---  MEET   [040]  ---
MEET
- % * [043]                             # MEET
- $ (IN) ^ * [041]                      # MEET
)";

constexpr std::string_view kActors = R"(
IRAN_  [IRN]
+IRANIAN
+TEHRAN_
IRAQ_  [IRQ]
+IRAQI
UNITED_STATES_ [USA]
+US_
DONALD_TRUMP_ [USAELI 20000101-20170120] [USAGOV 20170120-20210120] [USAELI >20210120]
+TRUMP_
)";

constexpr std::string_view kAgents = R"(
DEFENCE_MINISTER [~GOVMIL]
MILITARY [~MIL]
TROOPS [~MIL]
MINISTERS [~GOV]
MEDIA [~MED]
)";

std::shared_ptr<const lexicon::DictionarySet> Dictionaries(std::string spec = "") {
  auto set = std::make_shared<lexicon::DictionarySet>();
  set->spec = std::move(spec);
  lexicon::LoadOptions options;
  auto verbs = lexicon::ParsePetrarchVerbs(kVerbs, "test.verbs", lexicon::VerbFormat::kPetrarch2, options,
                                           &set->diagnostics);
  EXPECT_TRUE(verbs.ok()) << verbs.status().message();
  set->verbs = std::move(verbs).value();
  EXPECT_TRUE(lexicon::ParseActors(kActors, "test.actors", options, &set->actors, &set->diagnostics).ok());
  EXPECT_TRUE(lexicon::ParseAgents(kAgents, "test.agents", false, options, &set->agents, &set->diagnostics).ok());
  return set;
}

struct Coded {
  std::vector<model::Event> events;
  std::vector<SentenceTrace> traces;
};

Coded Code(const model::Document& doc, CoderOptions options = {}, std::string spec = "") {
  auto coder = Coder::Create(Dictionaries(std::move(spec)), options);
  EXPECT_TRUE(coder.ok());
  Coder::Workspace ws;
  Coded out;
  (*coder)->CodeDocument(doc, ws, out.events, &out.traces);
  return out;
}

std::string Summary(const std::vector<model::Event>& events) {
  std::string s;
  for (const auto& e : events) {
    s += e.source.code + ">" + (e.target.code.empty() ? "-" : e.target.code) + ":" + e.cameo + " ";
  }
  return s;
}

TEST(Coder, SubjectVerbObjectWithPattern) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    signed sign VERB 0 root
    a a DET 4 det
    memorandum memorandum NOUN 2 obj
    with with ADP 6 case
    Iraq Iraq PROPN 2 obl)");
  auto coded = Code(doc);
  EXPECT_EQ(Summary(coded.events), "IRN>IRQ:057 ");
  const auto& e = coded.events.at(0);
  EXPECT_EQ(e.source.country, "IRN");
  EXPECT_EQ(e.source.text, "Iran");
  EXPECT_EQ(e.target.text, "Iraq");
  EXPECT_EQ(e.verb.lemma, "sign");
  EXPECT_EQ(e.plover, "SUPPORT");
  EXPECT_EQ(e.quad_class, 1);
  EXPECT_EQ(e.pattern, "test.verbs:7");
}

TEST(Coder, CompoundSubjectWithoutTargetIsReciprocal) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    and and CCONJ 3 cc
    Iraq Iraq PROPN 1 conj
    signed sign VERB 0 root
    an a DET 6 det
    agreement agreement NOUN 4 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:057 IRQ>IRN:057 ");
}

TEST(Coder, AgentsComposeWithCountries) {
  auto doc = Parsed(R"(
    The the DET 3 det
    US US PROPN 3 compound
    military military NOUN 5 nsubj
    has have AUX 5 aux
    accused accuse VERB 0 root
    Iranian Iranian ADJ 8 amod
    defence defence NOUN 8 compound
    minister minister NOUN 5 obj)");
  auto coded = Code(doc);
  EXPECT_EQ(Summary(coded.events), "USAMIL>IRNGOVMIL:112 ");
  EXPECT_EQ(coded.events.at(0).source.sector, "MIL");
  EXPECT_EQ(coded.events.at(0).source.text, "US military");
}

TEST(Coder, DatedActorCodesFollowTheDocumentDate) {
  constexpr std::string_view kSentence = R"(
    Trump Trump PROPN 2 nsubj
    accused accuse VERB 0 root
    Iran Iran PROPN 2 obj)";
  EXPECT_EQ(Summary(Code(Parsed(kSentence, "2017-07-23")).events), "USAGOV>IRN:112 ");
  EXPECT_EQ(Summary(Code(Parsed(kSentence, "2022-03-01")).events), "USAELI>IRN:112 ");
  // The story's title outranks a dictionary that has the person out of office.
  constexpr std::string_view kTitled = R"(
    Defence defence PROPN 2 compound
    Minister minister PROPN 3 compound
    Trump Trump PROPN 4 nsubj
    accused accuse VERB 0 root
    Iran Iran PROPN 4 obj)";
  EXPECT_EQ(Summary(Code(Parsed(kTitled, "2022-03-01")).events), "USAGOVMIL>IRN:112 ");
  EXPECT_EQ(Summary(Code(Parsed(kTitled, "2022-03-01"), {}, "petrarch2:test").events), "USAELI>IRN:112 ");
}

TEST(Coder, PassiveVoiceByAgentIsTheSource) {
  auto doc = Parsed(R"(
    Iraq Iraq PROPN 3 nsubj:pass
    was be AUX 3 aux:pass
    attacked attack VERB 0 root
    by by ADP 5 case
    Iran Iran PROPN 3 obl:agent
    with with ADP 7 case
    rockets rocket NOUN 3 obl)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:195 ");
}

TEST(Coder, PassiveSubjectBesideAnObjectWithoutAuxiliaryIsTheSource) {
  // "Iran attacked Iraq" with "attacked" misread as a participle: no auxiliary, an object.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj:pass
    attacked attack VERB 0 root
    Iraq Iraq PROPN 2 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:190 ");
}

TEST(SentenceView, CyclicHeadsAreCutIntoAForest) {
  // A user's CoNLL-U file may say Iran <- agreement <- signed <- Iran; walks must still end.
  auto doc = Parsed(R"(
    Iran Iran PROPN 3 nsubj
    signed sign VERB 1 root
    agreement agreement NOUN 2 obj)");
  SentenceView view;
  view.Reset(doc, doc.Tokens(doc.sentences[0]));
  int roots = 0;
  for (size_t i = 0; i < view.size(); ++i) {
    roots += view.head(i) < 0;
    int x = static_cast<int>(i);
    for (size_t hops = 0; x >= 0; ++hops, x = view.head(x)) ASSERT_LE(hops, view.size());
    EXPECT_LE(view.Subtree(i).second, view.size());
  }
  EXPECT_EQ(roots, 1);
  Code(doc);  // ends
}

TEST(SentenceView, SubtreesSpanEveryDescendant) {
  // "the talks with Iran on trade ended": the subject's subtree reaches past its own children.
  auto doc = Parsed(R"(
    the the DET 2 det
    talks talk NOUN 7 nsubj
    with with ADP 4 case
    Iran Iran PROPN 2 nmod
    on on ADP 6 case
    trade trade NOUN 4 nmod
    ended end VERB 0 root)");
  SentenceView view;
  view.Reset(doc, doc.Tokens(doc.sentences[0]));
  EXPECT_EQ(view.Subtree(1), (std::pair<uint32_t, uint32_t>{0, 6}));
  EXPECT_EQ(view.Subtree(3), (std::pair<uint32_t, uint32_t>{2, 6}));
  EXPECT_EQ(view.Subtree(5), (std::pair<uint32_t, uint32_t>{4, 6}));
  EXPECT_EQ(view.Subtree(6), (std::pair<uint32_t, uint32_t>{0, 7}));
}

TEST(Coder, NegationSuppressesUnlessAsked) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    did do AUX 4 aux
    not not PART 4 advmod
    attack attack VERB 0 root
    Iraq Iraq PROPN 4 obj)");
  auto coded = Code(doc);
  EXPECT_EQ(Summary(coded.events), "");
  EXPECT_EQ(coded.traces.at(0).verbs.at(0).outcome, "negated");
  CoderOptions options;
  options.code_negated = true;
  EXPECT_EQ(Summary(Code(doc, options).events), "IRN>IRQ:190 ");
}

// Issue 4: under UniversalPetrarch's dictionaries a negated verb takes the code its coding ontology
// puts 0xFFFF below the verb's own; one with no such code, or an "active:passive" code, is dropped.
TEST(Coder, UniversalPetrarchNegatesThroughItsOntology) {
  auto set = std::make_shared<lexicon::DictionarySet>(*Dictionaries("up:test"));
  auto ontology = lexicon::ParseCodingOntology("057:0x0087\n190:0xFFFF+0x0087\n", "pico.txt", {}, nullptr);
  ASSERT_TRUE(ontology.ok());
  set->ontology = std::move(ontology).value();
  auto coder = Coder::Create(set, {});
  ASSERT_TRUE(coder.ok());
  // "Iran did not VERB Iraq"
  auto did_not = [](std::string_view verb) {
    return Parsed(fmt::format(R"(
      Iran Iran PROPN 4 nsubj
      did do AUX 4 aux
      not not PART 4 advmod
      {0} {0} VERB 0 root
      Iraq Iraq PROPN 4 obj)", verb));
  };
  auto code = [&](const model::Document& doc) {
    Coded out;
    Coder::Workspace ws;
    (*coder)->CodeDocument(doc, ws, out.events, &out.traces);
    return out;
  };
  EXPECT_EQ(Summary(code(did_not("attack")).events), "IRN>IRQ:057 ");
  Coded threaten = code(did_not("threaten"));
  EXPECT_EQ(Summary(threaten.events), "");
  EXPECT_EQ(threaten.traces.at(0).verbs.at(0).outcome, "negated [130]: the ontology has no opposite code");
  Coded sign = code(Parsed(R"(
    Iran Iran PROPN 4 nsubj
    did do AUX 4 aux
    not not PART 4 advmod
    sign sign VERB 0 root
    an a DET 6 det
    agreement agreement NOUN 4 obj
    with with ADP 8 case
    Iraq Iraq PROPN 4 obl)"));
  EXPECT_EQ(Summary(sign.events), "");
  EXPECT_EQ(sign.traces.at(0).verbs.at(0).outcome, "negated [057:057]: the ontology has no opposite code");
  // Without an ontology (PETRARCH2's set) the negated verb is dropped, as in dyad's own.
  EXPECT_EQ(Summary(Code(did_not("attack"), {}, "petrarch2:test").events), "");
}

TEST(Coder, InfinitiveDefersToGoverningVerb) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    threatened threaten VERB 0 root
    to to PART 4 mark
    attack attack VERB 2 xcomp
    Iraq Iraq PROPN 4 obj)");
  // THREATEN finds its target inside its infinitive complement, so the threat is coded and ATTACK
  // defers to it: "threatened to attack" is a threat, not an attack.
  auto coded = Code(doc);
  EXPECT_EQ(Summary(coded.events), "IRN>IRQ:130 ");
  EXPECT_EQ(coded.traces.at(0).verbs.at(1).outcome, "deferred to the governing verb");
}

TEST(Coder, TargetDeepInTheObjectsModifiers) {
  // "welcomed a resumption of ties with Iraq": the target is two prepositional levels down.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    a a DET 4 det
    resumption resumption NOUN 2 obj
    of of ADP 6 case
    ties tie NOUN 4 nmod
    with with ADP 8 case
    Iraq Iraq PROPN 6 nmod)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:112 ");
}

TEST(Coder, CoordinatedModifierTakesTheHeadsAgent) {
  // "The ministers of Iran and Iraq": each conjunct is a source, with the head's agent.
  auto doc = Parsed(R"(
    The the DET 2 det
    ministers minister NOUN 7 nsubj
    of of ADP 4 case
    Iran Iran PROPN 2 nmod
    and and CCONJ 6 cc
    Iraq Iraq PROPN 4 conj
    accused accuse VERB 0 root
    US US PROPN 7 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRNGOV>USA:112 IRQGOV>USA:112 ");
}

TEST(SentenceView, CaselessModifierAfterItsWordJoinsOnlyNextToIt) {
  // "talks in Iran Thursday": the date is no reason to read "in Iran" as part of "talks".
  auto doc = Parsed(R"(
    talks talk NOUN 5 nsubj
    in in ADP 3 case
    Iran Iran PROPN 1 nmod
    Thursday Thursday PROPN 1 nmod
    ended end VERB 0 root)");
  SentenceView view;
  view.Reset(doc, doc.Tokens(doc.sentences[0]));
  EXPECT_EQ(view.NounPhrase(0), (std::pair<uint32_t, uint32_t>{0, 1}));
  // Right after its word it still belongs: "talks Thursday in Iran".
  auto next = Parsed(R"(
    talks talk NOUN 5 nsubj
    Thursday Thursday PROPN 1 nmod
    in in ADP 4 case
    Iran Iran PROPN 1 nmod
    ended end VERB 0 root)");
  view.Reset(next, next.Tokens(next.sentences[0]));
  EXPECT_EQ(view.NounPhrase(0), (std::pair<uint32_t, uint32_t>{0, 2}));
}

TEST(Coder, CaselessNominalModifierBelongsToThePhrase) {
  // "Iranian Defence Minister Dehghan" with the title parsed as nmod:desc of the name.
  auto doc = Parsed(R"(
    Iranian Iranian ADJ 3 amod
    Defence defence NOUN 3 compound
    Minister minister PROPN 4 nmod:desc
    Dehghan Dehghan PROPN 5 nsubj
    accused accuse VERB 0 root
    Iraq Iraq PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRNGOVMIL>IRQ:112 ");
}

TEST(Coder, ConjunctWithoutConjunctionIsPartOfTheSamePhrase) {
  // "US Defence Minister Trump accused Iran" with the name parsed as a conjunct of "US": one
  // source, coded by the longest actor phrase, not US and Trump as two.
  auto doc = Parsed(R"(
    US US PROPN 5 nsubj
    Defence defence PROPN 3 compound
    Minister minister PROPN 4 nmod:desc
    Trump Trump PROPN 1 conj
    accused accuse VERB 0 root
    Iran Iran PROPN 5 obj)");
  auto coded = Code(doc);
  EXPECT_EQ(Summary(coded.events), "USAGOV>IRN:112 ");
  EXPECT_EQ(coded.events.at(0).source.text, "US Defence Minister Trump");
  SentenceView view;
  view.Reset(doc, doc.Tokens(doc.sentences[0]));
  EXPECT_TRUE(view.IsRunOnConjunct(3));
  EXPECT_EQ(view.NounPhrase(0), (std::pair<uint32_t, uint32_t>{0, 4}));
  // A conjunction or comma between the words keeps a list, whether the conjunction hangs on the
  // second conjunct (UD v2) or the first (UD v1).
  for (std::string_view joiner : {"and CCONJ 3 cc", "and CCONJ 1 cc", ", PUNCT 3 punct"}) {
    auto listed = Parsed(fmt::format(R"(
      Iraq Iraq PROPN 4 nsubj
      {} {}
      Iran Iran PROPN 1 conj
      accused accuse VERB 0 root
      US US PROPN 4 obj)", joiner.substr(0, joiner.find(' ')), joiner));
    EXPECT_EQ(Summary(Code(listed).events), "IRQ>USA:112 IRN>USA:112 ") << joiner;
  }
}

TEST(Coder, PronounTakesTheNearestActorOfTheSentence) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    said say VERB 0 root
    it it PRON 4 nsubj
    attacked attack VERB 2 ccomp
    Iraq Iraq PROPN 4 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:190 ");
}

TEST(Coder, WordOrderFallbackWhenTheParseMissesTheSubject) {
  // The parser made "Iran" a compound of "today" and left the verb without a subject.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 compound
    today today NOUN 3 obl:tmod
    accused accuse VERB 0 root
    a a DET 5 det
    minister minister NOUN 3 obj
    in in ADP 7 case
    Iraq Iraq PROPN 5 nmod)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:112 ");
}

TEST(Coder, WordOrderTargetStaysInTheVerbsClause) {
  // "Iran accused Iraq, attacking US troops": the adverbial clause's actor is not ACCUSE's
  // target when ACCUSE has none of its own.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    signed sign VERB 0 root
    , , PUNCT 4 punct
    attacking attack VERB 2 advcl
    US US PROPN 6 compound
    troops troop NOUN 4 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>USAMIL:190 ");
}

TEST(Coder, AnnouncedActionsAreIntentsOrThreats) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 3 nsubj
    will will AUX 3 aux
    attack attack VERB 0 root
    Iraq Iraq PROPN 3 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:138 ");
  // A peer's dictionary set codes as the peer would: the attack itself.
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRN>IRQ:190 ");
  auto willing = Parsed(R"(
    Iran Iran PROPN 3 nsubj
    is be AUX 3 cop
    willing willing ADJ 0 root
    to to PART 5 mark
    sign sign VERB 3 xcomp
    an a DET 7 det
    agreement agreement NOUN 5 obj
    with with ADP 9 case
    Iraq Iraq PROPN 5 obl)");
  EXPECT_EQ(Summary(Code(willing).events), "IRN>IRQ:032 IRQ>IRN:032 ");
}

TEST(Coder, MisLemmatizedVerbIsFoundFromItsForm) {
  // The lemmatizer cut "accused" to "accus"; the form's inflection gives ACCUSE back.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accus VERB 0 root
    Iraq Iraq PROPN 2 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:112 ");
}

TEST(Coder, ComplementClauseCodesWithItsOwnSubject) {
  // "Iran noted that Iraq accused the US": the embedded verb has its own source.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    noted note VERB 0 root
    that that SCONJ 5 mark
    Iraq Iraq PROPN 5 nsubj
    accused accuse VERB 2 ccomp
    the the DET 7 det
    US US PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRQ>USA:112 ");
}

TEST(Coder, RelativePronounStandsForItsNoun) {
  auto doc = Parsed(R"(
    Trump Trump PROPN 0 root
    , , PUNCT 1 punct
    who who PRON 5 nsubj
    often often ADV 5 advmod
    accused accuse VERB 1 acl:relcl
    Tehran Tehran PROPN 5 obj
    of of ADP 8 case
    torture torture NOUN 5 obl)");
  EXPECT_EQ(Summary(Code(doc).events), "USAGOV>IRN:1122 ");
}

TEST(Coder, SourceInheritedAcrossCoordinatedVerbs) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    denies deny VERB 0 root
    this this PRON 2 obj
    , , PUNCT 5 punct
    accusing accuse VERB 2 advcl
    US US PROPN 7 compound
    troops troop NOUN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>USAMIL:112 ");
}

TEST(Coder, LowercaseShortWordsAreNotAcronyms) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    us we PRON 2 obj)");
  // "us" names no target, so the event is domestic (dyad's rules): Iran's own country.
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRN:112 ");
  auto upper = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    US US PROPN 2 obj)");
  EXPECT_EQ(Summary(Code(upper).events), "IRN>USA:112 ");
}

TEST(Coder, EventWithoutTargetOnlyWhenTheSentenceHasNoDyad) {
  // "Iraq denied the report": no target, so the sentence's one event has none.
  auto alone = Parsed(R"(
    Iraq Iraq PROPN 2 nsubj
    denied deny VERB 0 root
    the the DET 4 det
    report report NOUN 2 obj)");
  // dyad's rules make it domestic: the target is the source's country, with no text of its own.
  auto coded = Code(alone);
  EXPECT_EQ(Summary(coded.events), "IRQ>IRQ:016 ");
  ASSERT_EQ(coded.events.size(), 1u);
  EXPECT_EQ(coded.events[0].target.country, "IRQ");
  EXPECT_TRUE(coded.events[0].target.text.empty());
  // A peer's dictionary set keeps PETRARCH's require_dyad: no event at all.
  EXPECT_EQ(Summary(Code(alone, {}, "petrarch2:test").events), "");
  // With a dyadic event in the sentence, the target-less one is dropped.
  auto with_dyad = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Iraq Iraq PROPN 2 obj
    and and CCONJ 5 cc
    denied deny VERB 2 conj
    the the DET 7 det
    report report NOUN 5 obj)");
  EXPECT_EQ(Summary(Code(with_dyad).events), "IRN>IRQ:112 ");
}

TEST(Coder, MustClauseUnderASpeechVerbIsADemand) {
  // "Iran said Iraq must attack the US": Iran demands (100) of Iraq; the attack did not happen.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    said say VERB 0 root
    Iraq Iraq PROPN 5 nsubj
    must must AUX 5 aux
    attack attack VERB 2 ccomp
    US US PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:100 ");
  // A peer's dictionary set codes the clause as PETRARCH does.
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRQ>USA:190 ");
  // "Iran said that Iraq must attack the US", the "that" clause misread as conjoined.
  auto conjoined = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    said say VERB 0 root
    that that SCONJ 6 mark
    Iraq Iraq PROPN 6 nsubj
    must must AUX 6 aux
    attack attack VERB 2 conj
    US US PROPN 6 obj)");
  EXPECT_EQ(Summary(Code(conjoined).events), "IRN>IRQ:100 ");
}

TEST(Coder, WordOrderTargetIsNotTheStorysReporter) {
  // "Iran attacked, and Iraqi officials said": the officials report, they are not attacked.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    and and CCONJ 6 cc
    Iraqi Iraqi ADJ 5 amod
    officials official NOUN 6 nsubj
    said say VERB 2 conj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRN:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRN>IRQ:190 ");
}

TEST(Coder, CompoundSubjectActsOnItselfNotOnThePlaceItActsIn) {
  // "Iran and Iraq signed an agreement in US": the place found by word order is no target.
  auto doc = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    and and CCONJ 3 cc
    Iraq Iraq PROPN 1 conj
    signed sign VERB 0 root
    agreement agreement NOUN 4 obj
    in in ADP 7 case
    US US PROPN 5 nmod)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:057 IRQ>IRN:057 ");
  // A single subject still takes the actor after the verb.
  auto single = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    signed sign VERB 0 root
    agreement agreement NOUN 2 obj
    in in ADP 5 case
    US US PROPN 3 nmod)");
  EXPECT_EQ(Summary(Code(single).events), "IRN>USA:057 USA>IRN:057 ");
  // "Iran and Iraq attacked Iraqi positions": a member of the compound is not its target either.
  auto member = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    and and CCONJ 3 cc
    Iraq Iraq PROPN 1 conj
    attacked attack VERB 0 root
    Iraqi Iraqi ADJ 6 amod
    positions position NOUN 4 obj)");
  EXPECT_EQ(Summary(Code(member).events), "IRN>IRQ:190 IRQ>IRN:190 ");
}

TEST(Coder, APurposeOfANonFactiveComplementIsNoEvent) {
  // "Iran tried attacking Iraq to accuse the US": neither the attack nor its aim happened.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    tried try VERB 0 root
    attacking attack VERB 2 xcomp
    Iraq Iraq PROPN 3 obj
    to to PART 6 mark
    accuse accuse VERB 3 advcl
    US US PROPN 6 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "");
}

TEST(Coder, AForClauseIsAReasonNotAnEvent) {
  // "Iran attacked Iraq for accusing the US": the accusation is the attack's stated reason.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 2 obj
    for for SCONJ 5 mark
    accusing accuse VERB 2 advcl
    US US PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:190 ");
}

TEST(Coder, PeopleAreCodedByTheCountryTheyLiveIn) {
  // "Iranians in Iraq accused the US": PLOVER codes an ethnic group where it lives.
  auto living = Parsed(R"(
    Iranians Iranian PROPN 4 nsubj
    in in ADP 3 case
    Iraq Iraq PROPN 1 nmod
    accused accuse VERB 0 root
    the the DET 6 det
    US US PROPN 4 obj)");
  EXPECT_EQ(Summary(Code(living).events), "IRQ>USA:112 ");
  // Without a place, and for a country's own name, the name's country stands.
  auto people = Parsed(R"(
    Iranians Iranian PROPN 2 nsubj
    accused accuse VERB 0 root
    the the DET 4 det
    US US PROPN 2 obj)");
  EXPECT_EQ(Summary(Code(people).events), "IRN>USA:112 ");
  auto country = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    in in ADP 3 case
    Iraq Iraq PROPN 1 nmod
    accused accuse VERB 0 root
    the the DET 6 det
    US US PROPN 4 obj)");
  EXPECT_EQ(Summary(Code(country).events), "IRN>USA:112 ");
}

TEST(Coder, CoordinatedCountryModifiersAreOneActorEach) {
  // "US and Iraqi troops attacked Iran": two sources, each with the head's agent.
  auto doc = Parsed(R"(
    US US PROPN 4 compound
    and and CCONJ 3 cc
    Iraqi Iraqi ADJ 1 conj
    troops troops NOUN 5 nsubj
    attacked attack VERB 0 root
    Iran Iran PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "USAMIL>IRN:190 IRQMIL>IRN:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "USAMIL>IRN:190 ");
}

TEST(Coder, ListSplitByTheParserStillGoesOn) {
  // "Iran accused the US, Iraq in May" with Iraq conjoined to May: Iraq is a target too.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    the the DET 4 det
    US US PROPN 2 obj
    , , PUNCT 6 punct
    Iraq Iraq PROPN 8 conj
    in in ADP 8 case
    May May PROPN 2 obl)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>USA:112 IRN>IRQ:112 ");
  // An actor after a comma that is no conjunct starts something else: "..., Iraq said".
  auto said = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    the the DET 4 det
    US US PROPN 2 obj
    , , PUNCT 7 punct
    Iraq Iraq PROPN 7 nsubj
    said say VERB 2 parataxis)");
  EXPECT_EQ(Summary(Code(said).events), "IRN>USA:112 ");
  // "Tehran, Iran" is one place: a conjunct of the same country is no second actor.
  auto place = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Trump Trump PROPN 2 obj
    , , PUNCT 5 punct
    US US PROPN 7 conj
    in in ADP 7 case
    May May PROPN 2 obl)");
  EXPECT_EQ(Summary(Code(place).events), "IRN>USAGOV:112 ");
}

TEST(Coder, AbbreviationInParenthesesRestatesTheNameBeforeIt) {
  // "Iraqi (TRUMP) ministers accused Iran": the letters abbreviate the Iraqi name, whoever else
  // they may stand for.
  auto doc = Parsed(R"(
    Iraqi Iraqi ADJ 5 amod
    ( ( PUNCT 3 punct
    TRUMP TRUMP PROPN 5 compound
    ) ) PUNCT 3 punct
    ministers minister NOUN 6 nsubj
    accused accuse VERB 0 root
    Iran Iran PROPN 6 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRQGOV>IRN:112 ");
  // With no other name in the phrase, the abbreviation codes it.
  auto alone = Parsed(R"(
    the the DET 5 det
    ( ( PUNCT 3 punct
    TRUMP TRUMP PROPN 5 compound
    ) ) PUNCT 3 punct
    ministers minister NOUN 6 nsubj
    accused accuse VERB 0 root
    Iran Iran PROPN 6 obj)");
  auto coded = Code(alone);
  EXPECT_EQ(Summary(coded.events), "USAGOV>IRN:112 ");
  EXPECT_TRUE(coded.events.at(0).source.text.starts_with("TRUMP")) << coded.events.at(0).source.text;
}

TEST(Coder, PossessorOfARelationWordIsNotTheOneNamed) {
  // "Iran attacked Iraq's ally in the US": the ally is someone else, placed in the US.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 5 nmod:poss
    's 's PART 3 case
    ally ally NOUN 2 obj
    in in ADP 8 case
    the the DET 8 det
    US US PROPN 5 nmod)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>USA:190 ");
  // Any other possessed word still names its possessor: "Iraq's troops".
  auto troops = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 5 nmod:poss
    's 's PART 3 case
    troops troops NOUN 2 obj)");
  EXPECT_EQ(Summary(Code(troops).events), "IRN>IRQMIL:190 ");
}

TEST(Coder, HyphenatedParticipleIsNoClauseOfItsOwn) {
  // "Iran attacked war-torn Iraq" with "torn" parsed as an adverbial clause taking Iraq.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    war war NOUN 2 obj
    - - PUNCT 5 punct
    torn tear VERB 2 advcl
    Iraq Iraq PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:190 ");
}

TEST(Coder, ParticipleWithAPossessorIsNoEvent) {
  // "Iran accused Iraq's attacking US troops", "attacking" read as a verb taking the troops as its
  // object: it modifies them; only the accusation is an event.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Iraq Iraq PROPN 5 nmod:poss
    's 's PART 3 case
    attacking attack VERB 2 obj
    US US PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:112 ");
}

TEST(Coder, PurposeClauseOfACodedVerbIsNoSecondEvent) {
  // "Iran attacked Iraq to threaten the US": the threat is the attack's aim.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 2 obj
    to to PART 5 mark
    threaten threaten VERB 2 advcl
    US US PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRN>IRQ:190 IRN>USA:130 ");
  // "Iran attacked Iraq, threatening the US": a bare participle tells the attack's outcome.
  auto participle = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 2 obj
    , , PUNCT 5 punct
    threatening threaten VERB 2 advcl
    US US PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(participle).events), "IRN>IRQ:190 ");
}

TEST(Coder, ClausesUnderADeferredVerbAreNoEventEither) {
  // "Iran attacked Iraq to threaten to attack the US": the threat is the first attack's aim, and
  // the attack it announces belongs to the threat.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 2 obj
    to to PART 5 mark
    threaten threaten VERB 2 advcl
    to to PART 7 mark
    attack attack VERB 5 xcomp
    US US PROPN 7 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRN>IRQ:190 IRN>USA:130 ");
}

TEST(Coder, PurposeClauseOfAVerbWithoutTargetIsNoEventEither) {
  // "Iraq denied the report to accuse Iran": the accusation is the denial's aim; the sentence
  // keeps the denial, as a domestic event.
  auto doc = Parsed(R"(
    Iraq Iraq PROPN 2 nsubj
    denied deny VERB 0 root
    the the DET 4 det
    report report NOUN 2 obj
    to to PART 6 mark
    accuse accuse VERB 2 advcl
    Iran Iran PROPN 6 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRQ>IRQ:016 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRQ>IRN:112 ");
}

TEST(Coder, ComplementClauseSubjectIsTheTargetOfAVerbWithoutOne) {
  // "Iran accused that Iraq attacked", the "that" clause misread as adverbial (out of reach of the
  // word-order fallback): the accusation is aimed at Iraq.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    that that SCONJ 5 mark
    Iraq Iraq PROPN 5 nsubj
    attacked attack VERB 2 advcl)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:112 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "");
}

TEST(Coder, PastFormReadAsAdjectiveAfterItsSubjectIsTheVerb) {
  // "Iranian troops attacked Iraqi ministers", "attacked" misread as an adjective of "ministers".
  auto doc = Parsed(R"(
    Iranian Iranian ADJ 2 amod
    troops troop NOUN 0 root
    attacked attack VERB 5 amod
    Iraqi Iraqi ADJ 5 amod
    ministers minister NOUN 2 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRNMIL>IRQGOV:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "");
  // "Iran accused two attacked ministers": a modifier of the same noun before it, a true adjective
  // (only the accusation is coded, as a domestic event).
  auto modifier = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    two two NUM 5 nummod
    attacked attack VERB 5 amod
    ministers minister NOUN 2 obj)");
  EXPECT_EQ(Summary(Code(modifier).events), "IRN>IRN:112 ");
}

TEST(Coder, ConditionClauseIsNoEvent) {
  // "Iran will accuse Iraq if the US attacks": the attack is a condition.
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Iraq Iraq PROPN 2 obj
    if if SCONJ 6 mark
    US US PROPN 6 nsubj
    attacks attack VERB 2 advcl
    Tehran Tehran PROPN 6 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRN>IRQ:112 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRN>IRQ:112 USA>IRN:190 ");
  // "Iran accused Iraq unless the US threatens to attack Tehran": nor is the condition's infinitive.
  auto infinitive = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Iraq Iraq PROPN 2 obj
    unless unless SCONJ 6 mark
    US US PROPN 6 nsubj
    threatens threaten VERB 2 advcl
    to to PART 8 mark
    attack attack VERB 6 xcomp
    Tehran Tehran PROPN 8 obj)");
  EXPECT_EQ(Summary(Code(infinitive).events), "IRN>IRQ:112 ");
}

TEST(Coder, SubjectWithOnlyAnAgentIsCodedByIt) {
  // "Troops attacked Iraqi ministers": no country is named for the troops; they act within their
  // target's country.
  auto doc = Parsed(R"(
    Troops troop NOUN 2 nsubj
    attacked attack VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    ministers minister NOUN 2 obj)");
  EXPECT_EQ(Summary(Code(doc).events), "IRQMIL>IRQGOV:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "");
  // With no target either, the agent alone is the source.
  auto alone = Parsed(R"(
    Troops troop NOUN 2 nsubj
    attacked attack VERB 0 root)");
  EXPECT_EQ(Summary(Code(alone).events), "MIL>-:190 ");
}

TEST(Coder, TraceExplainsEveryVerb) {
  auto doc = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    signed sign VERB 0 root
    a a DET 4 det
    memorandum memorandum NOUN 2 obj)");
  auto coded = Code(doc);
  ASSERT_EQ(coded.traces.size(), 1u);
  const auto& t = coded.traces[0];
  ASSERT_EQ(t.mentions.size(), 1u);
  EXPECT_EQ(t.mentions[0].code, "IRN");
  ASSERT_EQ(t.verbs.size(), 1u);
  EXPECT_EQ(t.verbs[0].block, "SIGN");
  EXPECT_EQ(t.verbs[0].trials.size(), 2u);
  EXPECT_EQ(t.verbs[0].outcome, "no target actor (kept if the sentence has no event with one)");
}

// Sentences joined into one document, as the nlp stage would leave an article.
model::Document Article(std::initializer_list<std::string_view> sentences) {
  model::Document doc = Parsed("");
  doc.sentences.clear();
  for (std::string_view conll : sentences) {
    const model::Document one = Parsed(conll);
    if (!doc.text.empty()) doc.text += ' ';
    const auto text_shift = static_cast<uint32_t>(doc.text.size());
    const auto form_shift = static_cast<uint32_t>(doc.forms.size());
    const auto token_shift = static_cast<uint32_t>(doc.tokens.size());
    doc.text += one.text;
    doc.forms += one.forms;
    for (model::Token t : one.tokens) {
      t.start += text_shift;
      t.end += text_shift;
      t.form_start += form_shift;
      t.lemma_start += form_shift;
      doc.tokens.push_back(t);
    }
    model::Sentence sentence = one.sentences.at(0);
    sentence.start += text_shift;
    sentence.end += text_shift;
    sentence.token_begin += token_shift;
    sentence.token_end += token_shift;
    doc.sentences.push_back(sentence);
  }
  return doc;
}

// Codes `parsed` through the lazy CodeDocument from a copy stripped of tags, lemmas and parse,
// which the analyzer copies back sentence by sentence; `analyzed` receives "index:tag" and
// "index:parse" for each call.
std::vector<model::Event> CodeLazily(const model::Document& parsed, const Coder& coder, std::string* analyzed) {
  model::Document doc = parsed;
  for (model::Token& t : doc.tokens) t = model::Token{t.start, t.end, t.form_start, 0, t.form_length, 0, -1, 0, 0, 0, t.flags};
  auto analyze = [&](size_t index, bool parse) {
    *analyzed += fmt::format("{}:{} ", index, parse ? "parse" : "tag");
    const model::Sentence& s = doc.sentences[index];
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      model::Token& t = doc.tokens[k];
      const model::Token& full = parsed.tokens[k];
      if (parse) {
        t.head = full.head;
        t.deprel = full.deprel;
      } else {
        t.upos = full.upos;
        t.xpos = full.xpos;
        t.lemma_start = full.lemma_start;
        t.lemma_length = full.lemma_length;
      }
    }
  };
  Coder::Workspace ws;
  std::vector<model::Event> events;
  coder.CodeDocument(doc, ws, analyze, events);
  return events;
}

std::string Details(const std::vector<model::Event>& events) {
  std::string s;
  for (const auto& e : events) {
    s += fmt::format("{} {}@{} {}@{} {} {}@{}; ", e.sentence, e.source.code, e.source.start, e.target.code,
                     e.target.start, e.cameo, e.verb.lemma, e.verb.start);
  }
  return s;
}

// Codes `doc` from its full parse and lazily with the rules of dictionary spec `spec`.
struct BothWays {
  std::string full, lazy;  // Details() of the events
  std::string summary;     // Summary() of the full parse's events
  std::string analyzed;    // CodeLazily()'s calls
};

BothWays CodeBothWays(const model::Document& doc, std::string spec = "") {
  BothWays out;
  auto coder = Coder::Create(Dictionaries(std::move(spec)));
  EXPECT_TRUE(coder.ok());
  if (!coder.ok()) return out;
  Coder::Workspace ws;
  std::vector<model::Event> full;
  (*coder)->CodeDocument(doc, ws, full);
  out.full = Details(full);
  out.summary = Summary(full);
  out.lazy = Details(CodeLazily(doc, **coder, &out.analyzed));
  return out;
}

TEST(Coder, LazyAnalysisGivesTheEventsOfTheFullParse) {
  const model::Document doc = Article({
      R"(Iran Iran PROPN 2 nsubj
         signed sign VERB 0 root
         a a DET 4 det
         memorandum memorandum NOUN 2 obj
         with with ADP 6 case
         Iraq Iraq PROPN 2 obl)",
      // No actor, agent or pronoun: never tagged.
      R"(The the DET 2 det
         talks talk NOUN 3 nsubj
         ended end VERB 0 root)",
      // An actor but no verb the dictionary knows: tagged (its actor is the next pronoun's
      // antecedent), not parsed.
      R"(Iraq Iraq PROPN 2 nsubj
         praised praise VERB 0 root
         the the DET 4 det
         deal deal NOUN 2 obj)",
      // A pronoun once the document has named an actor: parsed, and coded by the antecedent.
      R"(It it PRON 2 nsubj
         attacked attack VERB 0 root
         the the DET 4 det
         convoy convoy NOUN 2 obj)",
  });
  const BothWays coded = CodeBothWays(doc);
  EXPECT_EQ(coded.summary, "IRN>IRQ:057 IRQ>IRQ:190 ");
  EXPECT_EQ(coded.lazy, coded.full);
  EXPECT_EQ(coded.analyzed, "0:tag 0:parse 2:tag 3:tag 3:parse ");
}

TEST(Coder, LazyAnalysisSkipsAPronounWithNoAntecedent) {
  const model::Document doc = Article({R"(It it PRON 2 nsubj
                                          signed sign VERB 0 root
                                          a a DET 4 det
                                          memorandum memorandum NOUN 2 obj)"});
  auto coder = Coder::Create(Dictionaries());
  ASSERT_TRUE(coder.ok());
  std::string analyzed;
  EXPECT_TRUE(CodeLazily(doc, **coder, &analyzed).empty());
  EXPECT_EQ(analyzed, "");
}

TEST(Coder, LazyAnalysisParsesAVerbWithNoCodeOnlyForADemand) {
  const model::Document doc = Article({
      // SAY has no code: nothing to parse for.
      R"(Iraq Iraq PROPN 2 nsubj
         said say VERB 0 root
         talks talk NOUN 4 nsubj
         ended end VERB 2 ccomp)",
      // ... unless it says what another must do: a demand (100).
      R"(Iran Iran PROPN 2 nsubj
         said say VERB 0 root
         Iraq Iraq PROPN 5 nsubj
         must must AUX 5 aux
         withdraw withdraw VERB 2 ccomp)",
  });
  const BothWays coded = CodeBothWays(doc);
  EXPECT_EQ(coded.summary, "IRN>IRQ:100 ");
  EXPECT_EQ(coded.lazy, coded.full);
  EXPECT_EQ(coded.analyzed, "0:tag 1:tag 1:parse ");
}

TEST(Coder, LazyAnalysisUnderPeerRulesParsesOnlySentencesWithTwoParticipants) {
  // PETRARCH2's rules want a target: one actor alone can yield no event.
  const model::Document doc = Article({
      R"(Iran Iran PROPN 2 nsubj
         signed sign VERB 0 root
         a a DET 4 det
         memorandum memorandum NOUN 2 obj)",
      R"(Iran Iran PROPN 2 nsubj
         attacked attack VERB 0 root
         Iraq Iraq PROPN 2 obj)",
  });
  const BothWays coded = CodeBothWays(doc, "petrarch2:test");
  EXPECT_EQ(coded.summary, "IRN>IRQ:190 ");
  EXPECT_EQ(coded.lazy, coded.full);
  EXPECT_EQ(coded.analyzed, "0:tag 1:tag 1:parse ");
}

// UniversalPetrarch's own readings (up: sets only): a pre-verb "(IN)" needs that phrase in the
// subject, and a "%" pattern pairs its compound subject before any word-order target.
TEST(Coder, UniversalPetrarchPairsACompoundUnderPercent) {
  // "Iran and Iraq met in the US"
  auto doc = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    and and CCONJ 3 cc
    Iraq Iraq PROPN 1 conj
    met meet VERB 0 root
    in in ADP 7 case
    the the DET 7 det
    US US PROPN 4 obl)");
  EXPECT_EQ(Summary(Code(doc, {}, "up:test").events), "IRN>IRQ:043 IRQ>IRN:043 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRN>USA:043 IRQ>USA:043 ");
  // "Iran in Iraq met the US": the subject holds the "(IN)" phrase.
  auto in_subject = Parsed(R"(
    Iran Iran PROPN 4 nsubj
    in in ADP 3 case
    Iraq Iraq PROPN 1 nmod
    met meet VERB 0 root
    the the DET 6 det
    US US PROPN 4 obj)");
  EXPECT_EQ(Summary(Code(in_subject, {}, "up:test").events), "IRN>USA:041 ");
}

TEST(Coder, UniversalPetrarchPassiveWithoutByTakesItsObliqueAsSource) {
  // "Iraq was attacked over its dispute with Iran"
  auto doc = Parsed(R"(
    Iraq Iraq PROPN 3 nsubj:pass
    was be AUX 3 aux:pass
    attacked attack VERB 0 root
    over over ADP 6 case
    its its PRON 6 nmod:poss
    dispute dispute NOUN 3 obl
    with with ADP 8 case
    Iran Iran PROPN 6 nmod)");
  EXPECT_EQ(Summary(Code(doc, {}, "up:test").events), "IRN>IRQ:190 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "");
}

TEST(Coder, UniversalPetrarchReadsClausesAndInfinitivesForTheTarget) {
  // "Iran threatened the troops sent by Iraq": the participle clause names the target.
  auto clause = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    threatened threaten VERB 0 root
    the the DET 4 det
    troops troop NOUN 2 obj
    sent send VERB 4 acl
    by by ADP 7 case
    Iraq Iraq PROPN 5 obl:agent)");
  EXPECT_EQ(Summary(Code(clause, {}, "up:test").events), "IRN>IRQMIL:130 ");
  // "Iran threatened yesterday to strike at Iraq": a "to" infinitive is part of its verb's phrase.
  auto infinitive = Parsed(R"(
    Iran Iran PROPN 2 nsubj
    threatened threaten VERB 0 root
    yesterday yesterday NOUN 2 obl:tmod
    to to PART 5 mark
    strike strike VERB 2 advcl
    at at ADP 7 case
    Iraq Iraq PROPN 5 obl)");
  EXPECT_EQ(Summary(Code(infinitive, {}, "up:test").events), "IRN>IRQ:130 ");
}

TEST(Coder, UniversalPetrarchSharesActorsWithAgentConjuncts) {
  // "Iranian media and ministers accused Iraq"
  auto doc = Parsed(R"(
    Iranian Iranian ADJ 2 amod
    media media NOUN 5 nsubj
    and and CCONJ 4 cc
    ministers minister NOUN 2 conj
    accused accuse VERB 0 root
    Iraq Iraq PROPN 5 obj)");
  EXPECT_EQ(Summary(Code(doc, {}, "up:test").events), "IRNMED>IRQ:112 IRNGOV>IRQ:112 ");
  EXPECT_EQ(Summary(Code(doc, {}, "petrarch2:test").events), "IRNMED>IRQ:112 ");
}

TEST(Coder, UniversalPetrarchReadsACoordinatedModifierAsAConjunct) {
  // "Iran and the United States met", "States" misread as a case-less nmod holding the "and".
  auto doc = Parsed(R"(
    Iran Iran PROPN 6 nsubj
    and and CCONJ 5 cc
    the the DET 5 det
    United United PROPN 5 compound
    States States PROPN 1 nmod
    met meet VERB 0 root)");
  EXPECT_EQ(Summary(Code(doc, {}, "up:test").events), "IRN>USA:043 USA>IRN:043 ");
}

TEST(Coder, LazyAnalysisKeepsUniversalPetrarchsReadingOfTheParse) {
  // The coordinated-modifier repair above must also hold when the parse arrives lazily.
  const model::Document doc = Article({R"(Iran Iran PROPN 6 nsubj
                                          and and CCONJ 5 cc
                                          the the DET 5 det
                                          United United PROPN 5 compound
                                          States States PROPN 1 nmod
                                          met meet VERB 0 root)"});
  const BothWays coded = CodeBothWays(doc, "up:test");
  EXPECT_EQ(coded.summary, "IRN>USA:043 USA>IRN:043 ");
  EXPECT_EQ(coded.lazy, coded.full);
}

}  // namespace
}  // namespace dyad::coding
