// Every export format: mentions come back exactly as `dyad code` would write them; GDELT rows have
// their 61 / 16 columns and carry the de-duplicated counts.
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "io/event_writer.h"
#include "store/event_store.h"
#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Day;
using testing::MakeDocument;
using testing::MakeEvent;

std::vector<std::vector<std::string>> TsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    auto& row = rows.emplace_back();
    size_t start = 0;
    for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
      row.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    row.push_back(line.substr(start));
  }
  return rows;
}

class EventExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenOrDie(dir_.path() + "/x.sqlite");
    ASSERT_NE(store_, nullptr);
    corpus_.resize(3);
    corpus_[0].doc = MakeDocument("a", "Reuters", Day(2017, 7, 23),
                                  {"TEHRAN (Reuters) -", "Iran signed, \"finally\", with Iraq.",
                                   "Iraq\tattacked Kuwait."});
    corpus_[0].doc.sentences[0].flags = model::Sentence::kDateline;
    corpus_[0].doc.sentences[1].paragraph = 1;
    corpus_[0].events = {MakeEvent(corpus_[0].doc, 1, "IRN", "IRQ", "057", 8.0, 1),
                         MakeEvent(corpus_[0].doc, 1, "IRQ", "IRN", "057", 8.0, 1),
                         MakeEvent(corpus_[0].doc, 2, "IRQ", "KWT", "190", -10.0, 4)};
    corpus_[1].doc = MakeDocument("b", "", Day(2017, 7, 24), {"No events here."});
    corpus_[2].doc = MakeDocument("c", "AFP", Day(2017, 7, 24), {"Iran signed with Iraq."});
    corpus_[2].events = {MakeEvent(corpus_[2].doc, 0, "IRN", "IRQ", "057", 8.0, 1)};
    corpus_[2].events[0].date = Day(2017, 7, 23);  // the same accord, reported a day later
    testing::IngestOrDie(*store_, corpus_);
  }

  // What `dyad code --format F` writes for the corpus.
  std::string CodeOutput(io::EventFormat f) {
    std::string out(io::EventHeader(f));
    for (const auto& c : corpus_) io::AppendEvents(f, c.doc, c.events, out);
    return out;
  }

  io::testing::TempDir dir_;
  std::unique_ptr<EventStore> store_;
  std::vector<testing::Coded> corpus_;
};

TEST_F(EventExportTest, MentionFormatsEqualWhatCodeWrites) {
  EXPECT_EQ(testing::ExportOrDie(*store_, ExportFormat::kJsonl), CodeOutput(io::EventFormat::kJsonl));
  EXPECT_EQ(testing::ExportOrDie(*store_, ExportFormat::kCsv), CodeOutput(io::EventFormat::kCsv));
  std::string petrarch = testing::ExportOrDie(*store_, ExportFormat::kPetrarch);
  EXPECT_EQ(petrarch, CodeOutput(io::EventFormat::kPetrarch));
  auto rows = TsvRows(petrarch);
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), 11u);
}

TEST_F(EventExportTest, GdeltEventsAreDeduplicatedWithCounts) {
  auto rows = TsvRows(testing::ExportOrDie(*store_, ExportFormat::kGdelt));
  ASSERT_EQ(rows.size(), 3u);  // IRN->IRQ (twice reported), IRQ->IRN, IRQ->KWT
  for (const auto& row : rows) ASSERT_EQ(row.size(), 61u);
  EXPECT_EQ(rows[0][0], "1");  // GLOBALEVENTID = events.id
  EXPECT_EQ(rows[0][1], "20170723");
  EXPECT_EQ(rows[0][5], "IRN");
  EXPECT_EQ(rows[0][15], "IRQ");
  EXPECT_EQ(rows[0][25], "1");  // IsRootEvent: the lead paragraph after the dateline
  EXPECT_EQ(rows[0][26], "057");
  EXPECT_EQ(rows[0][31], "2");  // NumMentions
  EXPECT_EQ(rows[0][32], "2");  // NumSources
  EXPECT_EQ(rows[0][33], "2");  // NumArticles
  EXPECT_EQ(rows[0][59], "20170723000000");
  EXPECT_EQ(rows[0][60], "https://news.example/a");
  EXPECT_EQ(rows[2][26], "190");
  EXPECT_EQ(rows[2][25], "0");  // the third sentence is in a later paragraph
  EXPECT_EQ(rows[2][31], "1");
}

TEST_F(EventExportTest, GdeltMentionsPointAtTheirEvents) {
  auto events = TsvRows(testing::ExportOrDie(*store_, ExportFormat::kGdelt));
  std::set<std::string> ids;
  for (const auto& row : events) ids.insert(row[0]);
  auto rows = TsvRows(testing::ExportOrDie(*store_, ExportFormat::kGdeltMentions));
  ASSERT_EQ(rows.size(), 4u);
  std::map<std::string, int> per_event;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 16u);
    EXPECT_TRUE(ids.count(row[0])) << row[0];
    ++per_event[row[0]];
  }
  EXPECT_EQ(per_event["1"], 2);
  // The later report: its own MentionTimeDate, the event's first-seen EventTimeDate.
  const auto& late = rows[3];
  EXPECT_EQ(late[0], "1");
  EXPECT_EQ(late[1], "20170723000000");
  EXPECT_EQ(late[2], "20170724000000");
  EXPECT_EQ(late[4], "AFP");
  EXPECT_EQ(late[6], "1");
  EXPECT_EQ(late[12], std::to_string(corpus_[2].doc.text.size()));
  EXPECT_EQ(rows[0][6], "2");  // sentence 1 of document a
}

TEST_F(EventExportTest, AFailingSinkStopsTheExport) {
  int calls = 0;
  Status s = store_->Export(ExportFormat::kJsonl, [&calls](std::string_view) {
    ++calls;
    return UnavailableError("disk full");
  });
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(ParseExportFormat("gdelt-mentions").ok());
  EXPECT_FALSE(ParseExportFormat("xml").ok());
}

}  // namespace
}  // namespace dyad::store
