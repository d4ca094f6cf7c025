// dyad's shipped dictionaries on idioms where the event is a noun of a light or aspectual verb
// ("began a hunger strike", "engaged in ethnic cleansing", "remained on alert"), on nouns of the
// provider and receiver of peacekeepers and inspectors, and on historical country names.
#include <gtest/gtest.h>

#include "coding/shipped_coder_test_util.h"

namespace dyad::coding {
namespace {

using testing::Code;

TEST(VerbIdioms, AspectualVerbsTakeTheirNounsEvent) {
  EXPECT_EQ(Code(R"(
    Iranians Iranian PROPN 2 nsubj
    began begin VERB 0 root
    a a DET 5 det
    hunger hunger NOUN 5 compound
    strike strike NOUN 2 obj
    against against ADP 7 case
    Israel Israel PROPN 2 obl)"),
            "IRN>ISR:142 ");
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    started start VERB 0 root
    talks talk NOUN 2 obj
    with with ADP 5 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:046 ");
  // Talks renewed "on relations" are talks, not renewed relations (050).
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    renewed renew VERB 0 root
    talks talk NOUN 2 obj
    with with ADP 5 case
    Iran Iran PROPN 2 obl
    on on ADP 8 case
    their their PRON 8 nmod:poss
    relations relation NOUN 3 nmod)"),
            "IRQ>IRN:046 ");
}

TEST(VerbIdioms, CompletedWithdrawalAndJointExercises) {
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    completed complete VERB 0 root
    its its PRON 4 nmod:poss
    withdrawal withdrawal NOUN 2 obj
    from from ADP 6 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:0874 ");
  // Joint exercises are cooperation (062), one country's a show of force (150).
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 4 nsubj
    and and CCONJ 3 cc
    Iran Iran PROPN 1 conj
    conducted conduct VERB 0 root
    joint joint ADJ 6 amod
    drills drill NOUN 4 obj)"),
            "IRQ>IRN:062 IRN>IRQ:062 ");
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    launched launch VERB 0 root
    exercises exercise NOUN 2 obj
    with with ADP 5 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:062 ");
}

TEST(VerbIdioms, ClosedBordersSiegeShieldsAndCyberWarfare) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    closed close VERB 0 root
    its its PRON 4 nmod:poss
    borders border NOUN 2 obj
    with with ADP 6 case
    Iraq Iraq PROPN 4 nmod)"),
            "IRN>IRQ:191 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    declared declare VERB 0 root
    a a DET 4 det
    state state NOUN 2 obj
    of of ADP 6 case
    siege siege NOUN 4 nmod)"),
            "IRN>IRN:1724 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    holds hold VERB 0 root
    more more ADJ 2 obj
    Iraqis Iraqi PROPN 3 obl
    as as ADP 7 case
    human human ADJ 7 amod
    shields shield NOUN 3 obl)"),
            "IRN>IRQ:184 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    launched launch VERB 0 root
    cyber cyber NOUN 4 compound
    warfare warfare NOUN 2 obj
    against against ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:176 ");
}

TEST(VerbIdioms, ATimeIsNoTargetSlot) {
  // "on Monday" says when: it fills no "on +" slot, so "war" (190 on a target) does not outscore
  // "war games" (150).
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    launched launch VERB 0 root
    war war NOUN 4 compound
    games game NOUN 2 obj
    on on ADP 6 case
    Monday Monday PROPN 2 obl)"),
            "IRN>IRN:150 ");
}

TEST(VerbIdioms, MediationBetweenTwoParties) {
  EXPECT_EQ(Code(R"(
    Russia Russia PROPN 2 nsubj
    launched launch VERB 0 root
    a a DET 4 det
    mediation mediation NOUN 2 obj
    between between ADP 6 case
    Iran Iran PROPN 2 obl
    and and CCONJ 8 cc
    Iraq Iraq PROPN 6 conj)"),
            "RUS>IRN:045 RUS>IRQ:045 ");
}

TEST(VerbIdioms, EngagedInTheNounsEvent) {
  EXPECT_EQ(Code(R"(
    Syrian Syrian ADJ 2 amod
    forces force NOUN 4 nsubj
    were be AUX 4 aux
    engaged engage VERB 0 root
    in in ADP 7 case
    ethnic ethnic ADJ 7 amod
    cleansing cleansing NOUN 4 obl
    against against ADP 9 case
    Lebanese Lebanese PROPN 4 obl)"),
            "SYR>LBN:203 ");
}

TEST(VerbIdioms, TroopsRemainingOnAlert) {
  // No target is named: the alert is coded as domestic.
  EXPECT_EQ(Code(R"(
    Israeli Israeli ADJ 2 amod
    troops troop NOUN 3 nsubj
    remained remain VERB 0 root
    on on ADP 5 case
    alert alert NOUN 3 obl)"),
            "ISR>ISR:152 ");
}

TEST(VerbIdioms, PeacekeepersAndInspectors) {
  EXPECT_EQ(Code(R"(
    Russian Russian ADJ 2 amod
    peacekeepers peacekeeper NOUN 3 nsubj
    arrived arrive VERB 0 root
    in in ADP 5 case
    Syria Syria PROPN 3 obl)"),
            "RUS>SYR:074 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    received receive VERB 0 root
    inspectors inspector NOUN 2 obj
    from from ADP 5 case
    Russia Russia PROPN 3 nmod)"),
            "IRN>RUS:0862 ");
}

TEST(VerbIdioms, HistoricalCountryNames) {
  EXPECT_EQ(Code(R"(
    Kampuchean Kampuchean ADJ 2 amod
    guerrillas guerrilla NOUN 3 nsubj
    attacked attack VERB 0 root
    Zaire Zaire PROPN 3 obj)"),
            "KHM>COD:190 ");
  EXPECT_EQ(Code(R"(
    Yugoslavia Yugoslavia PROPN 2 nsubj
    accused accuse VERB 0 root
    East East PROPN 4 compound
    Germany Germany PROPN 2 obj)"),
            "SRB>DEU:112 ");
}

}  // namespace
}  // namespace dyad::coding
