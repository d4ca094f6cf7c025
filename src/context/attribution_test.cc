#include "context/attribution.h"

#include <gtest/gtest.h>

#include "model/event.h"
#include "model/parsed_sentence_test_util.h"

namespace dyad::context {
namespace {

struct Parsed {
  model::Document doc;
  DepTree tree;
  explicit Parsed(std::string_view conll) : doc(model::testing::ParsedSentence(conll, "2017-07-23")) {
    tree.Reset(doc, 0);
  }
  // "text" or "text (claim)" of the attribution of verb token `verb` (1-based), or "none".
  std::string AttributionOf(uint32_t verb) const {
    Attribution a;
    if (!FindAttribution(tree, verb - 1, &a)) return "none";
    return std::string(tree.Text(a.begin, a.end)) + (a.complement ? " (claim)" : "");
  }
  uint8_t Modality(uint32_t verb) const { return VerbModality(tree, verb - 1); }
};

TEST(AttributionTest, ParentheticalReport) {
  Parsed p(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 0 root
the the DET 4 det
accord accord NOUN 2 obj
, , PUNCT 7 punct
IRNA IRNA PROPN 7 nsubj
reported report VERB 2 parataxis)");
  EXPECT_EQ(p.AttributionOf(2), "IRNA");
}

TEST(AttributionTest, ReportAsRoot) {
  Parsed p(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 6 parataxis
the the DET 4 det
accord accord NOUN 2 obj
, , PUNCT 2 punct
reported report VERB 0 root
state state NOUN 8 compound
media media NOUN 6 nsubj)");
  EXPECT_EQ(p.AttributionOf(2), "state media");
}

TEST(AttributionTest, SpeechComplementIsAClaim) {
  Parsed p(R"(Iraqi Iraqi ADJ 2 amod
officials official NOUN 3 nsubj
said say VERB 0 root
Iran Iran PROPN 5 nsubj
attacked attack VERB 3 ccomp
Kuwait Kuwait PROPN 5 obj)");
  EXPECT_EQ(p.AttributionOf(5), "Iraqi officials (claim)");
  EXPECT_EQ(p.AttributionOf(3), "none");
}

TEST(AttributionTest, ReporterPhraseStopsAtApposition) {
  Parsed p(R"(The the DET 2 det
minister minister NOUN 6 nsubj
, , PUNCT 4 punct
Zarif Zarif PROPN 2 appos
, , PUNCT 4 punct
said say VERB 0 root
Iran Iran PROPN 8 nsubj
signed sign VERB 6 ccomp)");
  EXPECT_EQ(p.AttributionOf(8), "The minister (claim)");
}

TEST(AttributionTest, AccordingTo) {
  Parsed p(R"(Iran Iran PROPN 2 nsubj
attacked attack VERB 0 root
Kuwait Kuwait PROPN 2 obj
, , PUNCT 8 punct
according accord VERB 8 case
to to ADP 5 fixed
Kuwaiti Kuwaiti ADJ 8 amod
officials official NOUN 2 obl)");
  EXPECT_EQ(p.AttributionOf(2), "Kuwaiti officials");
}

TEST(AttributionTest, ClosingReportWhateverTheParse) {
  // "reported" attached to "agency" as a relative clause, as the tagger/parser may leave it.
  Parsed p(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 0 root
, , PUNCT 6 punct
the the DET 6 det
news news NOUN 6 compound
agency agency NOUN 2 obl
IRNA IRNA PROPN 8 nsubj
said say VERB 6 acl:relcl
. . PUNCT 2 punct)");
  EXPECT_EQ(p.AttributionOf(2), "the news agency IRNA");
}

TEST(ModalityTest, Future) {
  Parsed will(R"(Iran Iran PROPN 3 nsubj
will will AUX 3 aux
sign sign VERB 0 root)");
  EXPECT_EQ(will.Modality(3), model::kModalityFuture);
  Parsed plans(R"(Iran Iran PROPN 2 nsubj
plans plan VERB 0 root
to to PART 4 mark
sign sign VERB 2 xcomp)");
  EXPECT_EQ(plans.Modality(4), model::kModalityFuture);
  Parsed expected(R"(Iran Iran PROPN 3 nsubj:pass
is be AUX 3 aux:pass
expected expect VERB 0 root
to to PART 5 mark
sign sign VERB 3 xcomp)");
  EXPECT_EQ(expected.Modality(5), model::kModalityFuture);
}

TEST(ModalityTest, HypotheticalAndConditions) {
  Parsed could(R"(Iran Iran PROPN 3 nsubj
could could AUX 3 aux
sign sign VERB 0 root)");
  EXPECT_EQ(could.Modality(3), model::kModalityHypothetical);
  Parsed cond(R"(If if SCONJ 3 mark
Iran Iran PROPN 3 nsubj
attacks attack VERB 7 advcl
, , PUNCT 3 punct
Iraq Iraq PROPN 7 nsubj
will will AUX 7 aux
respond respond VERB 0 root)");
  EXPECT_EQ(cond.Modality(3), model::kModalityHypothetical);
  EXPECT_EQ(cond.Modality(7), model::kModalityFuture);
}

TEST(ModalityTest, NegatedAndPlain) {
  Parsed neg(R"(Iran Iran PROPN 4 nsubj
did do AUX 4 aux
not not PART 4 advmod
sign sign VERB 0 root)");
  EXPECT_EQ(neg.Modality(4), model::kModalityNegated);
  Parsed refuse(R"(Iran Iran PROPN 4 nsubj
did do AUX 4 aux
n't not PART 4 advmod
agree agree VERB 0 root
to to PART 6 mark
sign sign VERB 4 xcomp)");
  EXPECT_EQ(refuse.Modality(6), model::kModalityNegated);
  Parsed plain(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 0 root)");
  EXPECT_EQ(plain.Modality(2), model::kModalityNone);
}

}  // namespace
}  // namespace dyad::context
