// dyad's shipped verb lexicon (data/dictionaries/verbs/*.dyad) on hand-parsed news sentences: the
// core verbs of every CAMEO root 01-20, light-verb idioms, both directions of a signed agreement,
// deferral of "threatened to attack", negation and discards. Actors come from the shipped country
// dictionary; any of the few names used here that it lacks are added from a small local fixture.
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "coding/shipped_coder_test_util.h"
#include "model/tagset.h"

namespace dyad::coding {
namespace {

using testing::Code;

// ---- 01 MAKE PUBLIC STATEMENT

TEST(VerbLexicon, Root01DenyAndConcern) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    denied deny VERB 0 root
    the the DET 4 det
    accusations accusation NOUN 2 obj
    by by ADP 6 case
    Iraq Iraq PROPN 4 nmod)"),
            "IRN>IRQ:016 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    expressed express VERB 0 root
    concern concern NOUN 2 obj
    over over ADP 5 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:012 ");
}

TEST(VerbLexicon, Root01DeniedPermissionIsARejection) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    denied deny VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    permits permit NOUN 2 obj)"),
            "IRN>IRQ:120 ");
}

TEST(VerbLexicon, Root01AnnouncedSuspensionOfAidIsACut) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    announced announce VERB 0 root
    a a DET 4 det
    suspension suspension NOUN 2 obj
    of of ADP 6 case
    aid aid NOUN 4 nmod
    to to ADP 8 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:162 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    announced announce VERB 0 root
    the the DET 4 det
    deployment deployment NOUN 2 obj
    of of ADP 6 case
    troops troop NOUN 4 nmod
    to to ADP 8 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:154 ");
}

TEST(VerbLexicon, ReportingVerbsAreNotEvents) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    told tell VERB 0 root
    Iraq Iraq PROPN 2 obj)"),
            "");
}

// ---- 02 APPEAL

TEST(VerbLexicon, Root02CallOnToRelease) {
  // "release" is an infinitive under a coded verb: only the appeal is coded.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    called call VERB 0 root
    on on ADP 4 case
    Iraq Iraq PROPN 2 obl
    to to PART 6 mark
    release release VERB 2 xcomp
    the the DET 8 det
    prisoners prisoner NOUN 6 obj)"),
            "IRN>IRQ:0253 ");
}

TEST(VerbLexicon, Root02CallForSanctionsAgainstIsADenunciation) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    called call VERB 0 root
    for for ADP 4 case
    sanctions sanction NOUN 2 obl
    against against ADP 6 case
    Iraq Iraq PROPN 4 nmod)"),
            "IRN>IRQ:111 ");
}

TEST(VerbLexicon, Root02UrgeTalks) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    urged urge VERB 0 root
    Iraq Iraq PROPN 2 obj
    to to PART 5 mark
    hold hold VERB 2 xcomp
    talks talk NOUN 5 obj)"),
            "IRN>IRQ:026 ");
}

// ---- 03 EXPRESS INTENT TO COOPERATE

TEST(VerbLexicon, Root03PledgeToHelp) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    pledged pledge VERB 0 root
    to to PART 4 mark
    help help VERB 2 xcomp
    Iraq Iraq PROPN 4 obj)"),
            "IRN>IRQ:033 ");
  // A decision is the action taken, not a promise of it.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    decided decide VERB 0 root
    to to PART 4 mark
    release release VERB 2 xcomp
    Iraqi Iraqi ADJ 6 amod
    prisoners prisoner NOUN 4 obj)"),
            "IRN>IRQ:0841 ");
}

TEST(VerbLexicon, Root03AgreeingToACeasefirePromisesIt) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    agreed agree VERB 0 root
    to to ADP 5 case
    a a DET 5 det
    ceasefire ceasefire NOUN 2 obl
    with with ADP 7 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:0356 IRQ>IRN:0356 ");
}

// ---- 04 CONSULT

TEST(VerbLexicon, Root04MeetVisitHoldTalks) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    met meet VERB 0 root
    with with ADP 4 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:040 ");
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    visited visit VERB 0 root
    Iran Iran PROPN 2 obj)"),
            "IRQ>IRN:042 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    held hold VERB 0 root
    talks talk NOUN 2 obj
    with with ADP 5 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:046 ");
}

TEST(VerbLexicon, Root04APhoneCallIsBothWays) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    telephoned telephone VERB 0 root
    Iraq Iraq PROPN 2 obj)"),
            "IRN>IRQ:041 IRQ>IRN:041 ");
}

// ---- 05 ENGAGE IN DIPLOMATIC COOPERATION

TEST(VerbLexicon, Root05SignAgreementBothWays) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    signed sign VERB 0 root
    an a DET 4 det
    agreement agreement NOUN 2 obj
    with with ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:057 IRQ>IRN:057 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 4 nsubj
    and and CCONJ 3 cc
    Iraq Iraq PROPN 1 conj
    signed sign VERB 0 root
    a a DET 6 det
    memorandum memorandum NOUN 4 obj)"),
            "IRN>IRQ:057 IRQ>IRN:057 ");
  // Signing a law is not an agreement.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    signed sign VERB 0 root
    a a DET 4 det
    law law NOUN 2 obj
    on on ADP 6 case
    Iraq Iraq PROPN 4 nmod)"),
            "");
}

TEST(VerbLexicon, Root05Praise) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    praised praise VERB 0 root
    Iraq Iraq PROPN 2 obj)"),
            "IRN>IRQ:051 ");
}

TEST(VerbLexicon, Root05ApprovingAMaterialActIsThatAct) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    approved approve VERB 0 root
    the the DET 4 det
    extradition extradition NOUN 2 obj
    to to ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:063 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    approved approve VERB 0 root
    aid aid NOUN 2 obj
    to to ADP 5 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:070 ");
}

// ---- 06 MATERIAL COOPERATION, 07 PROVIDE AID

TEST(VerbLexicon, Root06ShareIntelligence) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    shared share VERB 0 root
    intelligence intelligence NOUN 2 obj
    with with ADP 5 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:064 ");
  // Military intelligence handed to one side is military aid.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    provided provide VERB 0 root
    military military ADJ 4 amod
    intelligence intelligence NOUN 2 obj
    to to ADP 6 case
    Iraq Iraq PROPN 4 nmod)"),
            "IRN>IRQ:072 ");
}

TEST(VerbLexicon, Root07SendHumanitarianAid) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    sent send VERB 0 root
    humanitarian humanitarian ADJ 4 amod
    aid aid NOUN 2 obj
    to to ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:073 ");
}

TEST(VerbLexicon, Root07MoneyGivenOrDonatedIsAid) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    donated donate VERB 0 root
    $ $ SYM 2 obj
    5 5 NUM 5 compound
    million million NUM 3 nummod
    to to ADP 7 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:071 ");
}

// ---- 08 YIELD

TEST(VerbLexicon, Root08ReleaseAndWithdraw) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    released release VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    prisoners prisoner NOUN 2 obj)"),
            "IRN>IRQ:0841 ");
  // A released report is not a release.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    released release VERB 0 root
    a a DET 5 det
    Iraqi Iraqi ADJ 5 amod
    report report NOUN 2 obj)"),
            "");
  EXPECT_EQ(Code(R"(
    Russia Russia PROPN 2 nsubj
    withdrew withdraw VERB 0 root
    its its PRON 4 nmod:poss
    troops troop NOUN 2 obj
    from from ADP 6 case
    Syria Syria PROPN 2 obl)"),
            "RUS>SYR:0874 ");
}

TEST(VerbLexicon, Root08ReturnedAntiquitiesAreReturnedProperty) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    returned return VERB 0 root
    looted loot VERB 4 amod
    antiquities antiquity NOUN 2 obj
    to to ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:0842 ");
}

TEST(VerbLexicon, Root08LetFreeAndLaidDownArms) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    let let VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    prisoners prisoner NOUN 2 obj
    free free ADJ 2 xcomp)"),
            "IRN>IRQ:0841 ");
  EXPECT_EQ(Code(R"(
    Iraqi Iraqi ADJ 2 amod
    rebels rebel NOUN 3 nsubj
    laid lay VERB 0 root
    down down ADP 3 compound:prt
    their their PRON 6 nmod:poss
    arms arm NOUN 3 obj)"),
            "IRQ>IRQ:0873 ");
}

TEST(VerbLexicon, Root08CalledOffStrikeIsLabourUnlessMilitary) {
  EXPECT_EQ(Code(R"(
    Iraqi Iraqi ADJ 2 amod
    teachers teacher NOUN 3 nsubj
    called call VERB 0 root
    off off ADP 3 compound:prt
    their their PRON 6 nmod:poss
    strike strike NOUN 3 obj
    against against ADP 8 case
    Iran Iran PROPN 6 nmod)"),
            "IRQ>IRN:082 ");
  EXPECT_EQ(Code(R"(
    Israel Israel PROPN 2 nsubj
    called call VERB 0 root
    off off ADP 2 compound:prt
    a a DET 6 det
    military military ADJ 6 amod
    strike strike NOUN 2 obj
    against against ADP 8 case
    Iran Iran PROPN 2 obl)"),
            "ISR>IRN:087 ");
}

TEST(VerbLexicon, Root08WorkersWhoStopWorkStrike) {
  EXPECT_EQ(Code(R"(
    Iraqi Iraqi ADJ 2 amod
    workers worker NOUN 3 nsubj
    stopped stop VERB 0 root
    work work NOUN 3 obj)"),
            "IRQ>IRQ:143 ");
}

TEST(VerbLexicon, Root08CancelledRestrictionsEaseThem) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    cancelled cancel VERB 0 root
    restrictions restriction NOUN 2 obj
    on on ADP 5 case
    Iraqis Iraqi PROPN 3 nmod)"),
            "IRN>IRQ:081 ");
}

// ---- 09 INVESTIGATE, 10 DEMAND

TEST(VerbLexicon, Root09Investigate) {
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    investigated investigate VERB 0 root
    the the DET 5 det
    Iranian Iranian ADJ 5 amod
    attack attack NOUN 2 obj)"),
            "IRQ>IRN:093 ");
}

TEST(VerbLexicon, Root10DemandRelease) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    demanded demand VERB 0 root
    the the DET 4 det
    release release NOUN 2 obj
    of of ADP 7 case
    Iraqi Iraqi ADJ 7 amod
    prisoners prisoner NOUN 4 nmod)"),
            "IRN>IRQ:1053 ");
}

// ---- 11 DISAPPROVE

TEST(VerbLexicon, Root09SentToInvestigateAndOpenedHearing) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    sent send VERB 0 root
    experts expert NOUN 2 obj
    to to ADP 5 case
    Iraq Iraq PROPN 2 obl
    to to PART 7 mark
    investigate investigate VERB 2 advcl
    the the DET 9 det
    attack attack NOUN 7 obj)"),
            "IRN>IRQ:090 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    opened open VERB 0 root
    a a DET 4 det
    hearing hearing NOUN 2 obj
    into into ADP 7 case
    Iraqi Iraqi ADJ 7 amod
    abuses abuse NOUN 2 obl)"),
            "IRN>IRQ:090 ");
}

TEST(VerbLexicon, Root10AMustClauseOfTheObjectIsADemand) {
  // "Iran issued a reminder that Iraq must cooperate": the reminder's content is demanded of Iraq.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    issued issue VERB 0 root
    a a DET 4 det
    reminder reminder NOUN 2 obj
    that that SCONJ 8 mark
    Iraq Iraq PROPN 8 nsubj
    must must AUX 8 aux
    cooperate cooperate VERB 4 acl)"),
            "IRN>IRQ:100 ");
}

TEST(VerbLexicon, Root11CondemnAccuse) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    condemned condemn VERB 0 root
    Israel Israel PROPN 2 obj)"),
            "IRN>ISR:111 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    criticised criticise VERB 0 root
    Israel Israel PROPN 2 obj)"),
            "IRN>ISR:111 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Israel Israel PROPN 2 obj)"),
            "IRN>ISR:112 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    accused accuse VERB 0 root
    Israel Israel PROPN 2 obj
    of of ADP 5 case
    espionage espionage NOUN 2 obl)"),
            "IRN>ISR:1125 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    blamed blame VERB 0 root
    Israel Israel PROPN 2 obj
    for for ADP 6 case
    the the DET 6 det
    attack attack NOUN 2 obl)"),
            "IRN>ISR:1123 ");
}

TEST(VerbLexicon, Root11ChargesAreAccusationsNotArrests) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    indicted indict VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    officials official NOUN 2 obj)"),
            "IRN>IRQ:1121 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    charged charge VERB 0 root
    Israeli Israeli ADJ 4 amod
    citizens citizen NOUN 2 obj
    with with ADP 6 case
    espionage espionage NOUN 2 obl)"),
            "IRN>ISR:1125 ");
}

// ---- 12 REJECT, 13 THREATEN

TEST(VerbLexicon, Root12RejectProposal) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    rejected reject VERB 0 root
    Iraq Iraq PROPN 5 nmod:poss
    's 's PART 3 case
    proposal proposal NOUN 2 obj)"),
            "IRN>IRQ:120 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    rejected reject VERB 0 root
    talks talk NOUN 2 obj
    with with ADP 5 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:125 ");
}

TEST(VerbLexicon, Root12AViolatedBanIsDefianceNotABorderViolation) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    violated violate VERB 0 root
    a a DET 4 det
    ban ban NOUN 2 obj
    on on ADP 6 case
    entry entry NOUN 4 nmod
    into into ADP 9 case
    Iraqi Iraqi ADJ 9 amod
    territory territory NOUN 6 nmod)"),
            "IRN>IRQ:128 ");
}

TEST(VerbLexicon, Root12FailingToReachAgreementIsARejection) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 4 nsubj
    and and CCONJ 3 cc
    Iraq Iraq PROPN 1 conj
    failed fail VERB 0 root
    to to PART 6 mark
    reach reach VERB 4 xcomp
    agreement agreement NOUN 6 obj)"),
            "IRN>IRQ:120 IRQ>IRN:120 ");
}

TEST(VerbLexicon, Root13ThreatenToAttackCodesOnlyTheThreat) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    threatened threaten VERB 0 root
    to to PART 4 mark
    attack attack VERB 2 xcomp
    Israel Israel PROPN 4 obj)"),
            "IRN>ISR:138 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    threatened threaten VERB 0 root
    Israel Israel PROPN 2 obj
    with with ADP 5 case
    sanctions sanction NOUN 2 obl)"),
            "IRN>ISR:1312 ");
}

// ---- 14 PROTEST, 15 FORCE POSTURE, 16 REDUCE RELATIONS

TEST(VerbLexicon, Root14Protest) {
  EXPECT_EQ(Code(R"(
    Iranians Iranian PROPN 2 nsubj
    protested protest VERB 0 root
    against against ADP 4 case
    Israel Israel PROPN 2 obl)"),
            "IRN>ISR:141 ");
}

TEST(VerbLexicon, Root14ADemandThatIsTheProtestsTopicIsTheProtest) {
  // Youths blocking roads is a protest (144), and what they demand of Iran is its topic, not a
  // demand (104) of its own.
  EXPECT_EQ(Code(R"(
    Young young ADJ 2 amod
    Iraqis Iraqi PROPN 3 nsubj
    blocked block VERB 0 root
    roads road NOUN 3 obj
    , , PUNCT 6 punct
    demanding demand VERB 3 advcl
    reforms reform NOUN 6 obj
    from from ADP 9 case
    Iran Iran PROPN 6 obl)"),
            "IRQ>IRN:144 ");
  // A demand with a subject of its own stays a demand.
  EXPECT_EQ(Code(R"(
    Iraqis Iraqi PROPN 2 nsubj
    protested protest VERB 0 root
    as as SCONJ 5 mark
    Iran Iran PROPN 5 nsubj
    demanded demand VERB 2 advcl
    reforms reform NOUN 5 obj
    from from ADP 8 case
    Syria Syria PROPN 5 obl)"),
            "IRN>SYR:104 ");
}

TEST(VerbLexicon, Root14ThrownStonesAreARiot) {
  EXPECT_EQ(Code(R"(
    Iraqis Iraqi PROPN 2 nsubj
    threw throw VERB 0 root
    stones stone NOUN 2 obj
    at at ADP 5 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:145 ");
  EXPECT_EQ(Code(R"(
    Iraqis Iraqi PROPN 2 nsubj
    resorted resort VERB 0 root
    to to SCONJ 5 case
    throwing throw VERB 5 amod
    stones stone NOUN 2 obl
    against against ADP 7 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:145 ");
}

TEST(VerbLexicon, Root15MobilisedLobbiesAreNoForcePosture) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    mobilized mobilize VERB 0 root
    pressure pressure NOUN 4 compound
    groups group NOUN 2 obj
    in in ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "");
}

TEST(VerbLexicon, Root15Deploy) {
  EXPECT_EQ(Code(R"(
    Russia Russia PROPN 2 nsubj
    deployed deploy VERB 0 root
    troops troop NOUN 2 obj
    to to ADP 5 case
    Syria Syria PROPN 2 obl)"),
            "RUS>SYR:154 ");
}

TEST(VerbLexicon, Root16ExpelDiplomatsImposeSanctions) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    expelled expel VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    diplomats diplomat NOUN 2 obj)"),
            "IRN>IRQ:161 ");
  EXPECT_EQ(Code(R"(
    Israel Israel PROPN 2 nsubj
    imposed impose VERB 0 root
    sanctions sanction NOUN 2 obj
    on on ADP 5 case
    Iran Iran PROPN 2 obl)"),
            "ISR>IRN:163 ");
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    cut cut VERB 0 root
    ties tie NOUN 2 obj
    with with ADP 5 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:161 ");
}

TEST(VerbLexicon, PromiseToContinueAidIsAnIntentNotAThreat) {
  // "war-torn" beside the aid must not make the promise a threat to continue a war.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    promised promise VERB 0 root
    to to PART 4 mark
    continue continue VERB 2 xcomp
    military military ADJ 6 amod
    aid aid NOUN 4 obj
    to to ADP 11 case
    war war NOUN 11 compound
    - - PUNCT 10 punct
    torn torn ADJ 11 amod
    Iraq Iraq PROPN 6 nmod)"),
            "IRN>IRQ:0332 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    vowed vow VERB 0 root
    to to PART 4 mark
    continue continue VERB 2 xcomp
    the the DET 6 det
    war war NOUN 4 obj
    against against ADP 8 case
    Iraq Iraq PROPN 6 nmod)"),
            "IRN>IRQ:138 ");
}

TEST(VerbLexicon, AnnouncementLeavesTheEventToItsClause) {
  // "Iran announced it would halt aid to Iraq": a threat to cut aid, not an announcement of aid.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    announced announce VERB 0 root
    it it PRON 5 nsubj
    would would AUX 5 aux
    halt halt VERB 2 ccomp
    aid aid NOUN 5 obj
    to to ADP 8 case
    Iraq Iraq PROPN 6 nmod)"),
            "IRN>IRQ:1311 ");  // threaten to reduce or stop aid
  // "Iran announced it is prepared to impose martial law on Iraqis": the clause's verb is the
  // infinitive of an adjective; the threat (1324) parallels the imposed martial law (1724).
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    announced announce VERB 0 root
    it it PRON 5 nsubj
    is be AUX 5 cop
    prepared prepared ADJ 2 ccomp
    to to PART 7 mark
    impose impose VERB 5 xcomp
    martial martial ADJ 9 amod
    law law NOUN 7 obj
    on on ADP 11 case
    Iraqis Iraqi PROPN 7 obl)"),
            "IRN>IRQ:1324 ");
}

TEST(VerbLexicon, AcceptingAFormulaOrFrameworkIsAgreement) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    accepted accept VERB 0 root
    a a DET 4 det
    formula formula NOUN 2 obj
    from from ADP 6 case
    Iraq Iraq PROPN 4 nmod)"),
            "IRN>IRQ:030 ");
}

TEST(VerbLexicon, InstituteOrEnforceIsImpose) {
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    instituted institute VERB 0 root
    a a DET 4 det
    curfew curfew NOUN 2 obj
    in in ADP 6 case
    Kuwait Kuwait PROPN 2 obl)"),
            "IRQ>KWT:1723 ");
  EXPECT_EQ(Code(R"(
    Israel Israel PROPN 2 nsubj
    reimposed reimpose VERB 0 root
    a a DET 5 det
    naval naval ADJ 5 amod
    blockade blockade NOUN 2 obj
    on on ADP 7 case
    Lebanon Lebanon PROPN 2 obl)"),
            "ISR>LBN:191 ");
}

// ---- 17 COERCE, 18 ASSAULT

TEST(VerbLexicon, Root17Arrest) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    arrested arrest VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    journalists journalist NOUN 2 obj)"),
            "IRN>IRQ:173 ");
}

TEST(VerbLexicon, Root18AbductAndBomb) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    abducted abduct VERB 0 root
    Iraqi Iraqi ADJ 4 amod
    engineers engineer NOUN 2 obj)"),
            "IRN>IRQ:181 ");
  EXPECT_EQ(Code(R"(
    Iraqi Iraqi ADJ 2 amod
    militants militant NOUN 3 nsubj
    bombed bomb VERB 0 root
    an a DET 6 det
    Iranian Iranian ADJ 6 amod
    market market NOUN 3 obj)"),
            "IRQ>IRN:183 ");
}

// ---- 19 FIGHT

TEST(VerbLexicon, Root19ShellBombAirstrikeFire) {
  EXPECT_EQ(Code(R"(
    Israel Israel PROPN 2 nsubj
    shelled shell VERB 0 root
    Lebanon Lebanon PROPN 2 obj)"),
            "ISR>LBN:194 ");
  EXPECT_EQ(Code(R"(
    Israeli Israeli ADJ 2 amod
    jets jet NOUN 3 nsubj
    bombed bomb VERB 0 root
    Syria Syria PROPN 3 obj)"),
            "ISR>SYR:195 ");
  EXPECT_EQ(Code(R"(
    Israel Israel PROPN 2 nsubj
    carried carry VERB 0 root
    out out ADP 2 compound:prt
    airstrikes airstrike NOUN 2 obj
    on on ADP 6 case
    Syria Syria PROPN 2 obl)"),
            "ISR>SYR:195 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    fired fire VERB 0 root
    rockets rocket NOUN 2 obj
    at at ADP 5 case
    Israel Israel PROPN 2 obl)"),
            "IRN>ISR:194 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Israel Israel PROPN 2 obj
    with with ADP 5 case
    drones drone NOUN 2 obl)"),
            "IRN>ISR:1952 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    launched launch VERB 0 root
    an a DET 4 det
    offensive offensive NOUN 2 obj
    against against ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:190 ");
}

TEST(VerbLexicon, Root19NonViolentStrikes) {
  // Disasters and sanctions "hit" countries; deals are "struck".
  EXPECT_EQ(Code(R"(
    Iraqi Iraqi ADJ 2 amod
    sanctions sanction NOUN 3 nsubj
    hit hit VERB 0 root
    Iran Iran PROPN 3 obj)"),
            "");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    struck strike VERB 0 root
    a a DET 4 det
    deal deal NOUN 2 obj
    with with ADP 6 case
    Iraq Iraq PROPN 2 obl)"),
            "IRN>IRQ:057 IRQ>IRN:057 ");
}

// ---- 20 MASS VIOLENCE

TEST(VerbLexicon, Root20MassacreAndChemicalWeapons) {
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    massacred massacre VERB 0 root
    Iranian Iranian ADJ 4 amod
    civilians civilian NOUN 2 obj)"),
            "IRQ>IRN:202 ");
  EXPECT_EQ(Code(R"(
    Iraq Iraq PROPN 2 nsubj
    used use VERB 0 root
    chemical chemical ADJ 4 amod
    weapons weapon NOUN 2 obj
    against against ADP 6 case
    Iran Iran PROPN 2 obl)"),
            "IRQ>IRN:2041 ");
}

// ---- negation, discards

TEST(VerbLexicon, NegatedVerbsAreNotCoded) {
  constexpr std::string_view kNotAttack = R"(
    Iran Iran PROPN 4 nsubj
    did do AUX 4 aux
    not not PART 4 advmod
    attack attack VERB 0 root
    Israel Israel PROPN 4 obj)";
  EXPECT_EQ(Code(kNotAttack), "");
  EXPECT_EQ(Code(kNotAttack, /*code_negated=*/true), "IRN>ISR:190 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 3 nsubj
    never never ADV 3 advmod
    signed sign VERB 0 root
    the the DET 5 det
    agreement agreement NOUN 3 obj
    with with ADP 7 case
    Iraq Iraq PROPN 3 obl)"),
            "");
}

TEST(VerbLexicon, NegatedAnnouncedCooperationIsARefusal) {
  constexpr std::string_view kWillNotRelease = R"(
    Iran Iran PROPN 4 nsubj
    will will AUX 4 aux
    not not PART 4 advmod
    release release VERB 0 root
    Iraqi Iraqi ADJ 6 amod
    prisoners prisoner NOUN 4 obj)";
  EXPECT_EQ(Code(kWillNotRelease), "IRN>IRQ:1243 ");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 4 nsubj
    would would AUX 4 aux
    not not PART 4 advmod
    meet meet VERB 0 root
    Iraqi Iraqi ADJ 6 amod
    leaders leader NOUN 4 obj)"),
            "IRN>IRQ:125 ");
  // A negated threat of force is no event at all.
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 4 nsubj
    will will AUX 4 aux
    not not PART 4 advmod
    attack attack VERB 0 root
    Iraq Iraq PROPN 4 obj)"),
            "");
}

TEST(VerbLexicon, SportsSentencesAreDiscarded) {
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    beat beat VERB 0 root
    Iraq Iraq PROPN 2 obj
    in in ADP 8 case
    a a DET 8 det
    World World PROPN 7 compound
    Cup Cup PROPN 8 compound
    qualifier qualifier NOUN 2 obl)"),
            "");
  EXPECT_EQ(Code(R"(
    Iran Iran PROPN 2 nsubj
    attacked attack VERB 0 root
    Iraq Iraq PROPN 2 obj
    in in ADP 7 case
    the the DET 7 det
    Champions Champions PROPN 7 compound
    League League PROPN 2 obl)"),
            "");
}

}  // namespace
}  // namespace dyad::coding
