#include "context/resolver.h"

#include <gtest/gtest.h>

#include "context/context_test_util.h"

namespace dyad::context {
namespace {

// An event of `doc` whose verb is token `verb` (1-based) and whose source is tokens [s, s + 1).
model::Event EventAt(const model::Document& doc, uint32_t verb, uint32_t source, std::string code) {
  model::Event e;
  e.doc_id = doc.id;
  e.date = doc.date;
  e.verb.start = doc.tokens[verb - 1].start;
  e.verb.end = doc.tokens[verb - 1].end;
  e.source.start = doc.tokens[source - 1].start;
  e.source.end = doc.tokens[source - 1].end;
  e.source.text = std::string(doc.Text(doc.tokens[source - 1]));
  e.source.country = code.substr(0, 3);
  e.source.code = std::move(code);
  return e;
}

class ResolverTest : public ::testing::Test {
 protected:
  ResolverTest() : resolver_(std::shared_ptr<const Gazetteer>(testing::SmallGazetteer())) {}
  // Codes "Iraq"/"Iraqi ..." IRQ and "Iran" IRN, like the coder's actor matcher would.
  static std::string Code(const model::Document& doc, size_t, uint32_t b, uint32_t e) {
    std::string text(doc.text.substr(doc.tokens[b].start, doc.tokens[e - 1].end - doc.tokens[b].start));
    if (text.starts_with("Iraq")) return "IRQ";
    if (text.starts_with("Iran")) return "IRN";
    return "";
  }
  void Resolve(const model::Document& doc, std::span<model::Event> events) {
    resolver_.Resolve(doc, ws_, events, [&](size_t s, uint32_t b, uint32_t e) { return Code(doc, s, b, e); });
  }
  Resolver resolver_;
  Resolver::Workspace ws_;
};

TEST_F(ResolverTest, ClaimDatedAndPlaced) {
  // "Iraq said Iran attacked Kuwait in Tehran yesterday"
  model::Document doc = model::testing::ParsedSentence(R"(Iraq Iraq PROPN 2 nsubj
said say VERB 0 root
Iran Iran PROPN 4 nsubj
attacked attack VERB 2 ccomp
Kuwait Kuwait PROPN 4 obj
in in ADP 7 case
Tehran Tehran PROPN 4 obl
yesterday yesterday NOUN 4 obl:tmod)", "2017-07-23");
  model::Event e = EventAt(doc, 4, 3, "IRN");
  Resolve(doc, std::span(&e, 1));
  EXPECT_EQ(model::FormatIsoDate(*e.date), "2017-07-22");
  EXPECT_EQ(model::FormatIsoDate(*e.pub_date), "2017-07-23");
  EXPECT_EQ(e.date_precision, model::DatePrecision::kDay);
  EXPECT_EQ(e.location.name, "Tehran");
  EXPECT_EQ(e.location.precision, "city");
  EXPECT_EQ(e.location.geonameid, 112931);
  EXPECT_EQ(e.attribution.text, "Iraq");
  EXPECT_EQ(e.attribution.code, "IRQ");
  EXPECT_EQ(e.attribution.start, 0u);
  EXPECT_EQ(e.attribution.end, 4u);
  EXPECT_EQ(e.modality, model::kModalityQuoted);
}

TEST_F(ResolverTest, OwnActNotAClaimAndCoordinatedVerbSharesTheDate) {
  // "Iran said it signed the accord on Friday and pledged to expand trade"
  model::Document doc = model::testing::ParsedSentence(R"(Iran Iran PROPN 2 nsubj
said say VERB 0 root
it it PRON 4 nsubj
signed sign VERB 2 ccomp
the the DET 6 det
accord accord NOUN 4 obj
on on ADP 8 case
Friday Friday PROPN 4 obl
and and CCONJ 10 cc
pledged pledge VERB 4 conj
to to PART 12 mark
expand expand VERB 10 xcomp
trade trade NOUN 12 obj)", "2017-07-23");
  model::Event events[] = {EventAt(doc, 4, 3, "IRN"), EventAt(doc, 10, 3, "IRN")};
  Resolve(doc, events);
  for (const model::Event& e : events) {
    EXPECT_EQ(model::FormatIsoDate(*e.date), "2017-07-21");
    EXPECT_EQ(e.attribution.code, "IRN");
    EXPECT_EQ(e.modality, model::kModalityNone);
    EXPECT_TRUE(e.location.empty());
  }
}

TEST_F(ResolverTest, NoPublicationDateNoPlaceNoReporter) {
  model::Document doc = model::testing::ParsedSentence(R"(Iran Iran PROPN 3 nsubj
will will AUX 3 aux
sign sign VERB 0 root
the the DET 5 det
accord accord NOUN 3 obj
on on ADP 7 case
Sunday Sunday PROPN 3 obl)", "");
  model::Event e = EventAt(doc, 3, 1, "IRN");
  Resolve(doc, std::span(&e, 1));
  EXPECT_FALSE(e.date.has_value());
  EXPECT_TRUE(e.location.empty());
  EXPECT_TRUE(e.attribution.empty());
  EXPECT_EQ(e.modality, model::kModalityFuture);
}

TEST_F(ResolverTest, WithoutAGazetteerEventsStayUnplaced) {
  Resolver bare(nullptr);
  model::Document doc = model::testing::ParsedSentence(R"(Iran Iran PROPN 2 nsubj
signed sign VERB 0 root
in in ADP 4 case
Tehran Tehran PROPN 2 obl)", "2017-07-23");
  model::Event e = EventAt(doc, 2, 1, "IRN");
  bare.Resolve(doc, ws_, std::span(&e, 1), nullptr);
  EXPECT_TRUE(e.location.empty());
  EXPECT_EQ(model::FormatIsoDate(*e.date), "2017-07-23");
}

}  // namespace
}  // namespace dyad::context
