#include "io/event_writer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace dyad::io {
namespace {

using model::Date;
using model::Document;
using model::Event;

// "Iran signed a deal with Iraq." as one sentence of a one-paragraph document.
Document SampleDocument() {
  Document doc;
  doc.id = "doc1";
  doc.text = "Iran signed a deal with Iraq.";
  doc.url = "https://example.com/a";
  doc.source = "Reuters";
  doc.date = Date(std::chrono::year(2017), std::chrono::month(7), std::chrono::day(23));
  doc.sentences.push_back({.start = 0, .end = 29, .paragraph = 0});
  return doc;
}

Event SampleEvent() {
  Event e;
  e.doc_id = "doc1";
  e.sentence = 0;
  e.date = Date(std::chrono::year(2017), std::chrono::month(7), std::chrono::day(23));
  e.source = {.text = "Iran", .code = "IRN", .country = "IRN", .sector = "", .start = 0, .end = 4};
  e.target = {.text = "Iraq", .code = "IRQ", .country = "IRQ", .sector = "", .start = 24, .end = 28};
  e.cameo = "057";
  e.root = "05";
  e.plover = "SUPPORT";
  e.goldstein = 8.0;
  e.quad_class = 1;
  e.verb = {.text = "signed", .lemma = "sign", .start = 5, .end = 11};
  e.pattern = "verbs.txt:12";
  e.sentence_text = "Iran signed a deal with Iraq.";
  return e;
}

std::string Write(EventFormat format, const Document& doc, const std::vector<Event>& events,
                  const EventWriterOptions& options = {}) {
  std::string out;
  AppendEvents(format, doc, events, out, options);
  return out;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl = s.find('\n'); nl != std::string::npos; nl = s.find('\n', start)) {
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  EXPECT_EQ(start, s.size()) << "output does not end with a newline";
  return lines;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

// ---- formats by name ----

TEST(ParseEventFormat, KnowsTheFourFormats) {
  for (EventFormat f :
       {EventFormat::kJsonl, EventFormat::kCsv, EventFormat::kPetrarch, EventFormat::kGdelt}) {
    StatusOr<EventFormat> parsed = ParseEventFormat(EventFormatName(f));
    ASSERT_TRUE(parsed.ok()) << EventFormatName(f);
    EXPECT_EQ(*parsed, f);
  }
}

TEST(ParseEventFormat, RejectsUnknownNames) {
  for (std::string_view bad : {"", "json", "JSONL", "tsv", "gdelt1", " csv"}) {
    StatusOr<EventFormat> parsed = ParseEventFormat(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(parsed.status().message().find("jsonl, csv, petrarch or gdelt"), std::string::npos);
  }
}

// ---- jsonl ----

TEST(JsonlWriter, GoldenLine) {
  EXPECT_EQ(Write(EventFormat::kJsonl, SampleDocument(), {SampleEvent()}),
            R"({"doc_id":"doc1","sentence":0,"date":"2017-07-23",)"
            R"("source":{"text":"Iran","code":"IRN","country":"IRN","sector":null,"start":0,"end":4},)"
            R"("target":{"text":"Iraq","code":"IRQ","country":"IRQ","sector":null,"start":24,"end":28},)"
            R"("cameo":"057","root":"05","plover":"SUPPORT","goldstein":8.0,"quad_class":1,)"
            R"("verb":{"text":"signed","lemma":"sign","start":5,"end":11},)"
            R"("pattern":"verbs.txt:12","text":"Iran signed a deal with Iraq."})"
            "\n");
}

TEST(JsonlWriter, NoTargetNoDateNoPloverAreNull) {
  Event e = SampleEvent();
  e.target = {};
  e.date.reset();
  e.cameo = "010";
  e.root = "01";
  e.plover = "";
  e.goldstein = 0.0;
  e.quad_class = 0;
  e.source.sector = "GOV";
  std::string out = Write(EventFormat::kJsonl, SampleDocument(), {e});
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(out);
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_TRUE(j["plover"].is_null());
  EXPECT_EQ(j["source"]["sector"], "GOV");
  EXPECT_NE(out.find(R"("goldstein":0.0,"quad_class":0,)"), std::string::npos) << out;
}

TEST(JsonlWriter, KeysInContractOrder) {
  nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(Write(EventFormat::kJsonl, SampleDocument(), {SampleEvent()}));
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"doc_id", "sentence", "date", "source", "target",
                                            "cameo", "root", "plover", "goldstein", "quad_class",
                                            "verb", "pattern", "text"}));
  std::vector<std::string> actor_keys;
  for (auto& [k, v] : j["source"].items()) actor_keys.push_back(k);
  EXPECT_EQ(actor_keys,
            (std::vector<std::string>{"text", "code", "country", "sector", "start", "end"}));
}

TEST(JsonlWriter, EscapesOddText) {
  Event e = SampleEvent();
  e.sentence_text = "He said \"no\"\tthen\nleft \\ \x01 caf\xC3\xA9";
  e.source.text = "O'Brien \"the\" envoy";
  e.doc_id = "a\"b";
  std::string out = Write(EventFormat::kJsonl, SampleDocument(), {e});
  ASSERT_EQ(SplitLines(out).size(), 1u);  // the newline in the text is escaped
  EXPECT_NE(out.find(R"("text":"He said \"no\"\tthen\nleft \\ \u0001 café")"), std::string::npos)
      << out;
  nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_EQ(j["text"], e.sentence_text);
  EXPECT_EQ(j["source"]["text"], e.source.text);
  EXPECT_EQ(j["doc_id"], "a\"b");
}

TEST(JsonlWriter, NegativeGoldsteinAndNegativeZero) {
  Event e = SampleEvent();
  e.goldstein = -10.0;
  EXPECT_NE(Write(EventFormat::kJsonl, SampleDocument(), {e}).find(R"("goldstein":-10.0,)"),
            std::string::npos);
  e.goldstein = -0.0;
  EXPECT_NE(Write(EventFormat::kJsonl, SampleDocument(), {e}).find(R"("goldstein":0.0,)"),
            std::string::npos);
  e.goldstein = -0.3;
  EXPECT_NE(Write(EventFormat::kJsonl, SampleDocument(), {e}).find(R"("goldstein":-0.3,)"),
            std::string::npos);
}

TEST(JsonlWriter, AppendsOneLinePerEventInOrder) {
  Event a = SampleEvent();
  Event b = SampleEvent();
  b.cameo = "190";
  std::string out = "previous\n";
  AppendEvents(EventFormat::kJsonl, SampleDocument(), std::vector<Event>{a, b}, out);
  std::vector<std::string> lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "previous");
  EXPECT_NE(lines[1].find(R"("cameo":"057")"), std::string::npos);
  EXPECT_NE(lines[2].find(R"("cameo":"190")"), std::string::npos);
}

TEST(JsonlWriter, UnknownCodeIsWrittenAsIs) {
  Event e = SampleEvent();
  e.cameo = "999";
  e.root = "";
  e.plover = "";
  e.goldstein = 0.0;
  e.quad_class = 0;
  nlohmann::json j = nlohmann::json::parse(Write(EventFormat::kJsonl, SampleDocument(), {e}));
  EXPECT_EQ(j["cameo"], "999");
  EXPECT_TRUE(j["root"].is_null());
  EXPECT_TRUE(j["plover"].is_null());
}

TEST(JsonlWriter, NoEventsWritesNothing) {
  EXPECT_EQ(Write(EventFormat::kJsonl, SampleDocument(), {}), "");
  EXPECT_EQ(Write(EventFormat::kGdelt, SampleDocument(), {}), "");
}

// ---- csv ----

TEST(CsvWriter, HeaderOnlyForCsv) {
  EXPECT_EQ(CsvHeader(),
            "doc_id,sentence,date,source_text,source_code,source_country,source_sector,"
            "target_text,target_code,target_country,target_sector,cameo,root,plover,goldstein,"
            "quad_class,verb,verb_lemma,pattern,text\r\n");
  EXPECT_EQ(EventHeader(EventFormat::kCsv), CsvHeader());
  EXPECT_EQ(EventHeader(EventFormat::kJsonl), "");
  EXPECT_EQ(EventHeader(EventFormat::kPetrarch), "");
  EXPECT_EQ(EventHeader(EventFormat::kGdelt), "");
}

TEST(CsvWriter, GoldenRow) {
  EXPECT_EQ(Write(EventFormat::kCsv, SampleDocument(), {SampleEvent()}),
            "doc1,0,2017-07-23,Iran,IRN,IRN,,Iraq,IRQ,IRQ,,057,05,SUPPORT,8.0,1,signed,sign,"
            "verbs.txt:12,Iran signed a deal with Iraq.\r\n");
}

TEST(CsvWriter, NoTargetLeavesTargetColumnsEmpty) {
  Event e = SampleEvent();
  e.target = {};
  e.date.reset();
  EXPECT_EQ(Write(EventFormat::kCsv, SampleDocument(), {e}),
            "doc1,0,,Iran,IRN,IRN,,,,,,057,05,SUPPORT,8.0,1,signed,sign,"
            "verbs.txt:12,Iran signed a deal with Iraq.\r\n");
}

TEST(CsvWriter, QuotesCommaQuoteAndNewline) {
  Event e = SampleEvent();
  e.source.text = "Smith, John";
  e.target.text = "the \"hawks\"";
  e.sentence_text = "Line one\nline two\r\nend";
  e.verb.text = "said\ttabbed";  // a tab needs no quoting in CSV
  std::string out = Write(EventFormat::kCsv, SampleDocument(), {e});
  EXPECT_EQ(out,
            "doc1,0,2017-07-23,\"Smith, John\",IRN,IRN,,\"the \"\"hawks\"\"\",IRQ,IRQ,,057,05,"
            "SUPPORT,8.0,1,said\ttabbed,sign,verbs.txt:12,\"Line one\nline two\r\nend\"\r\n");
}

TEST(CsvWriter, FieldOfOnlyQuotes) {
  Event e = SampleEvent();
  e.pattern = "\"\"";
  std::string out = Write(EventFormat::kCsv, SampleDocument(), {e});
  EXPECT_NE(out.find(",\"\"\"\"\"\","), std::string::npos) << out;
}

// ---- petrarch ----

TEST(PetrarchWriter, GoldenRow) {
  EXPECT_EQ(Write(EventFormat::kPetrarch, SampleDocument(), {SampleEvent()}),
            "20170723\tIRN\tIRQ\t057\t\tdoc1_0\thttps://example.com/a\tReuters\tIran\tIraq\t"
            "signed\n");
}

TEST(PetrarchWriter, MissingValuesUsePetrarchPlaceholders) {
  Document doc = SampleDocument();
  doc.url.clear();
  doc.source.clear();
  Event e = SampleEvent();
  e.target = {};
  e.source.code.clear();
  e.date.reset();
  e.sentence = 3;
  EXPECT_EQ(Write(EventFormat::kPetrarch, doc, {e}),
            "\t---\t---\t057\t\tdoc1_3\t\tNULL\tIran\t---\tsigned\n");
}

TEST(PetrarchWriter, TabsAndNewlinesNeverSplitARow) {
  Document doc = SampleDocument();
  doc.source = "Reu\tters";
  Event e = SampleEvent();
  e.source.text = "Iran\t\n";
  e.doc_id = "doc\r1";
  e.verb.text = "signed\nit";
  std::vector<std::string> lines = SplitLines(Write(EventFormat::kPetrarch, doc, {e}));
  ASSERT_EQ(lines.size(), 1u);
  std::vector<std::string> fields = SplitTabs(lines[0]);
  ASSERT_EQ(fields.size(), 11u);
  EXPECT_EQ(fields[5], "doc 1_0");
  EXPECT_EQ(fields[7], "Reu ters");
  EXPECT_EQ(fields[8], "Iran  ");
  EXPECT_EQ(fields[10], "signed it");
}

// ---- gdelt ----

TEST(GdeltEventId, StableAndDistinct) {
  // Pinned: changing the scheme changes every id users have stored.
  EXPECT_EQ(GdeltEventId("doc1", 0, 0), GdeltEventId("doc1", 0, 0));
  EXPECT_EQ(GdeltEventId("doc1", 0, 0), 2299561422939342u);  // computed independently in Python
  EXPECT_NE(GdeltEventId("doc1", 0, 0), GdeltEventId("doc1", 0, 1));
  EXPECT_NE(GdeltEventId("doc1", 0, 0), GdeltEventId("doc1", 1, 0));
  EXPECT_NE(GdeltEventId("doc1", 0, 0), GdeltEventId("doc2", 0, 0));
  EXPECT_NE(GdeltEventId("a", 0, 0), GdeltEventId("", 0, 0));
  for (uint32_t s = 0; s < 100; ++s) {
    uint64_t id = GdeltEventId("doc1", s, 0);
    EXPECT_GT(id, 0u);
    EXPECT_LT(id, uint64_t{1} << 53);
  }
}

TEST(GdeltWriter, GoldenRow) {
  std::vector<std::string> expected(61);
  expected[0] = std::to_string(GdeltEventId("doc1", 0, 0));
  expected[1] = "20170723";
  expected[2] = "201707";
  expected[3] = "2017";
  expected[4] = "2017.5562";  // ((7-1)*30 + 23) / 365 = 0.55616
  expected[5] = "IRN";
  expected[6] = "Iran";
  expected[7] = "IRN";
  expected[15] = "IRQ";
  expected[16] = "Iraq";
  expected[17] = "IRQ";
  expected[25] = "1";
  expected[26] = "057";
  expected[27] = "057";
  expected[28] = "05";
  expected[29] = "1";
  expected[30] = "8.0";
  expected[31] = "1";
  expected[32] = "1";
  expected[33] = "1";
  expected[59] = "20170723000000";
  expected[60] = "https://example.com/a";
  std::string row;
  for (size_t i = 0; i < expected.size(); ++i) row += (i ? "\t" : "") + expected[i];
  EXPECT_EQ(Write(EventFormat::kGdelt, SampleDocument(), {SampleEvent()}), row + "\n");
}

TEST(GdeltWriter, FractionDateMatchesGdeltFiles) {
  Event e = SampleEvent();
  e.date = Date(std::chrono::year(1979), std::chrono::month(1), std::chrono::day(1));
  std::vector<std::string> f = SplitTabs(SplitLines(Write(EventFormat::kGdelt, {}, {e}))[0]);
  EXPECT_EQ(f[1], "19790101");
  EXPECT_EQ(f[4], "1979.0027");  // as in GDELT 1.0's first row
  e.date = Date(std::chrono::year(2015), std::chrono::month(12), std::chrono::day(31));
  f = SplitTabs(SplitLines(Write(EventFormat::kGdelt, {}, {e}))[0]);
  EXPECT_EQ(f[2], "201512");
  EXPECT_EQ(f[4], "2015.9890");  // 361/365
}

TEST(GdeltWriter, AlwaysSixtyOneColumnsEvenWithTabsAndNewlines) {
  Document doc = SampleDocument();
  doc.url = "http://x/\ta";
  Event e = SampleEvent();
  e.source.text = "Iran\tIslamic\nRepublic";
  e.target.text = "\r\n\t";
  e.source.sector = "G\tV";
  e.cameo = "0\t5";
  std::string out = Write(EventFormat::kGdelt, doc, {e, SampleEvent()});
  std::vector<std::string> lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 2u);
  for (const std::string& line : lines) EXPECT_EQ(SplitTabs(line).size(), 61u);
  std::vector<std::string> f = SplitTabs(lines[0]);
  EXPECT_EQ(f[6], "Iran Islamic Republic");
  EXPECT_EQ(f[16], "   ");
  EXPECT_EQ(f[12], "G V");
  EXPECT_EQ(f[60], "http://x/ a");
}

TEST(GdeltWriter, NoTargetNoDateNoUrl) {
  Document doc = SampleDocument();
  doc.url.clear();
  doc.date.reset();
  Event e = SampleEvent();
  e.target = {};
  e.date.reset();
  e.source.sector = "GOV";
  std::vector<std::string> f = SplitTabs(SplitLines(Write(EventFormat::kGdelt, doc, {e}))[0]);
  ASSERT_EQ(f.size(), 61u);
  for (int i = 1; i <= 4; ++i) EXPECT_EQ(f[i], "") << i;
  EXPECT_EQ(f[12], "GOV");  // Actor1Type1Code
  for (int i = 15; i <= 24; ++i) EXPECT_EQ(f[i], "") << i;
  EXPECT_EQ(f[59], "");
  EXPECT_EQ(f[60], "doc1");
}

TEST(GdeltWriter, DateAddedOption) {
  EventWriterOptions options;
  options.date_added = "20240102030405";
  std::vector<std::string> f = SplitTabs(
      SplitLines(Write(EventFormat::kGdelt, SampleDocument(), {SampleEvent()}, options))[0]);
  EXPECT_EQ(f[59], "20240102030405");
}

TEST(GdeltWriter, CodesAndQuadClass) {
  Event e = SampleEvent();
  e.cameo = "0211";
  e.root = "02";
  e.quad_class = 0;  // Phoenix: neutral statements -> GDELT verbal cooperation
  e.goldstein = 3.4;
  std::vector<std::string> f =
      SplitTabs(SplitLines(Write(EventFormat::kGdelt, SampleDocument(), {e}))[0]);
  EXPECT_EQ(f[26], "0211");
  EXPECT_EQ(f[27], "021");
  EXPECT_EQ(f[28], "02");
  EXPECT_EQ(f[29], "1");
  EXPECT_EQ(f[30], "3.4");
  e.cameo = "19";
  e.root = "";
  e.quad_class = 4;
  f = SplitTabs(SplitLines(Write(EventFormat::kGdelt, SampleDocument(), {e}))[0]);
  EXPECT_EQ(f[26], "19");
  EXPECT_EQ(f[27], "19");
  EXPECT_EQ(f[28], "19");  // from the code when root is empty
  EXPECT_EQ(f[29], "4");
  e.quad_class = 9;  // not a quad class: left empty rather than invented
  f = SplitTabs(SplitLines(Write(EventFormat::kGdelt, SampleDocument(), {e}))[0]);
  EXPECT_EQ(f[29], "");
}

TEST(GdeltWriter, UnknownCodeIsWrittenAsIs) {
  Event e = SampleEvent();
  e.cameo = "9999";
  e.root = "";
  std::vector<std::string> f =
      SplitTabs(SplitLines(Write(EventFormat::kGdelt, SampleDocument(), {e}))[0]);
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[26], "9999");
  EXPECT_EQ(f[27], "999");
  EXPECT_EQ(f[28], "99");
}

TEST(GdeltWriter, EventIdsCountEventsWithinTheirSentence) {
  Document doc = SampleDocument();
  std::vector<Event> events(4, SampleEvent());
  events[0].sentence = 0;
  events[1].sentence = 0;
  events[2].sentence = 2;
  events[3].sentence = 2;
  std::vector<std::string> lines = SplitLines(Write(EventFormat::kGdelt, doc, events));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(SplitTabs(lines[0])[0], std::to_string(GdeltEventId("doc1", 0, 0)));
  EXPECT_EQ(SplitTabs(lines[1])[0], std::to_string(GdeltEventId("doc1", 0, 1)));
  EXPECT_EQ(SplitTabs(lines[2])[0], std::to_string(GdeltEventId("doc1", 2, 0)));
  EXPECT_EQ(SplitTabs(lines[3])[0], std::to_string(GdeltEventId("doc1", 2, 1)));

  // Out of order: ids still depend only on the events of the same sentence before it.
  std::vector<Event> mixed = {events[2], events[0], events[3], events[1]};
  lines = SplitLines(Write(EventFormat::kGdelt, doc, mixed));
  EXPECT_EQ(SplitTabs(lines[0])[0], std::to_string(GdeltEventId("doc1", 2, 0)));
  EXPECT_EQ(SplitTabs(lines[1])[0], std::to_string(GdeltEventId("doc1", 0, 0)));
  EXPECT_EQ(SplitTabs(lines[2])[0], std::to_string(GdeltEventId("doc1", 2, 1)));
  EXPECT_EQ(SplitTabs(lines[3])[0], std::to_string(GdeltEventId("doc1", 0, 1)));
}

TEST(GdeltWriter, IsRootEventFollowsTheLeadParagraph) {
  Document doc;
  doc.id = "d";
  // Paragraph 0 is a dateline on its own; the lead is paragraph 1.
  doc.sentences = {{.paragraph = 0, .flags = model::Sentence::kDateline},
                   {.paragraph = 1},
                   {.paragraph = 1},
                   {.paragraph = 2}};
  std::vector<Event> events(5, SampleEvent());
  for (uint32_t i = 0; i < 5; ++i) events[i].sentence = i;  // 4 is past the end
  std::vector<std::string> lines = SplitLines(Write(EventFormat::kGdelt, doc, events));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(SplitTabs(lines[0])[25], "1");
  EXPECT_EQ(SplitTabs(lines[1])[25], "1");
  EXPECT_EQ(SplitTabs(lines[2])[25], "1");
  EXPECT_EQ(SplitTabs(lines[3])[25], "0");
  EXPECT_EQ(SplitTabs(lines[4])[25], "0");

  // Without a text layer: the first three sentences.
  doc.sentences.clear();
  lines = SplitLines(Write(EventFormat::kGdelt, doc, events));
  EXPECT_EQ(SplitTabs(lines[2])[25], "1");
  EXPECT_EQ(SplitTabs(lines[3])[25], "0");
}

TEST(GdeltEvent, StoredEventCarriesItsIdAndCounts) {
  std::string out;
  AppendGdeltEvent(SampleDocument(), SampleEvent(),
                   {.id = 42, .num_mentions = 5, .num_sources = 3, .num_articles = 4}, out);
  std::vector<std::string> lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 1u);
  std::vector<std::string> cols = SplitTabs(lines[0]);
  ASSERT_EQ(cols.size(), 61u);
  EXPECT_EQ(cols[0], "42");
  EXPECT_EQ(cols[25], "1");  // IsRootEvent: the lead sentence
  EXPECT_EQ(cols[31], "5");  // NumMentions
  EXPECT_EQ(cols[32], "3");  // NumSources
  EXPECT_EQ(cols[33], "4");  // NumArticles
}

TEST(GdeltMention, SixteenColumnsInCodebookOrder) {
  Document doc = SampleDocument();
  Event e = SampleEvent();
  std::string out;
  AppendGdeltMention(doc, e, 42, "20170723000000", doc.text.size(), out);
  e.target = {};
  e.modality = model::kModalityFuture;
  doc.url.clear();
  doc.source.clear();
  AppendGdeltMention(doc, e, 43, "20170723000000", doc.text.size(), out);
  std::vector<std::string> lines = SplitLines(out);
  ASSERT_EQ(lines.size(), 2u);
  std::vector<std::string> a = SplitTabs(lines[0]);
  ASSERT_EQ(a.size(), 16u);
  EXPECT_EQ(a[0], "42");
  EXPECT_EQ(a[1], "20170723000000");
  EXPECT_EQ(a[2], "20170723000000");
  EXPECT_EQ(a[3], "1");
  EXPECT_EQ(a[4], "Reuters");
  EXPECT_EQ(a[5], "https://example.com/a");
  EXPECT_EQ(a[6], "1");   // sentence 0 is GDELT's sentence 1
  EXPECT_EQ(a[7], "0");   // Iran
  EXPECT_EQ(a[8], "24");  // Iraq
  EXPECT_EQ(a[9], "5");   // signed
  EXPECT_EQ(a[10], "1");
  EXPECT_EQ(a[11], "100");
  EXPECT_EQ(a[12], "29");
  EXPECT_EQ(a[13], "");
  std::vector<std::string> b = SplitTabs(lines[1]);
  ASSERT_EQ(b.size(), 16u);
  EXPECT_EQ(b[4], "doc1");  // no source: the document id
  EXPECT_EQ(b[5], "doc1");  // no url: the document id
  EXPECT_EQ(b[8], "-1");    // no target
  EXPECT_EQ(b[11], "50");   // a future event is less certain
}

}  // namespace
}  // namespace dyad::io
