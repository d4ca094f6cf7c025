#include "store/event_store.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Coded;
using testing::Day;
using testing::MakeDocument;
using testing::MakeEvent;

// A raw SQLite statement on `path`, for damaging stores on purpose.
void RawSql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST(EventStoreOpen, CreatesAndReopens) {
  io::testing::TempDir dir;
  const std::string path = dir.path() + "/s.sqlite";
  {
    auto store = testing::OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    auto mode = store->Query("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok());
    EXPECT_EQ(mode->rows[0][0], "wal");
    auto version = store->Query("PRAGMA user_version");
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(version->rows[0][0], std::to_string(kSchemaVersion));
  }
  auto again = EventStore::Open(path, {.read_only = true});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  auto counts = (*again)->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 0);
}

TEST(EventStoreOpen, RefusesAFileThatIsNotAStore) {
  io::testing::TempDir dir;
  std::string text = dir.Write("notes.sqlite", std::string(5000, 'x'));
  auto s = EventStore::Open(text);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("not a dyad store"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("notes.sqlite"), std::string::npos);

  const std::string other = dir.path() + "/other.sqlite";
  RawSql(other, "CREATE TABLE t(x)");
  s = EventStore::Open(other);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("SQLite database but not a dyad store"), std::string::npos);
}

TEST(EventStoreOpen, RefusesANewerSchema) {
  io::testing::TempDir dir;
  const std::string path = dir.path() + "/s.sqlite";
  ASSERT_NE(testing::OpenOrDie(path), nullptr);
  RawSql(path, "PRAGMA user_version = 99");
  auto s = EventStore::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.status().message().find("newer dyad"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("99"), std::string::npos);
}

TEST(EventStoreOpen, ReadOnlyNeedsAnExistingStore) {
  io::testing::TempDir dir;
  auto missing = EventStore::Open(dir.path() + "/none.sqlite", {.read_only = true});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  std::string empty = dir.Write("empty.sqlite", "");
  auto s = EventStore::Open(empty, {.read_only = true});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kFailedPrecondition);
}

TEST(EventStoreOpen, ReadOnlyStoreRefusesWrites) {
  io::testing::TempDir dir;
  const std::string path = dir.path() + "/s.sqlite";
  ASSERT_NE(testing::OpenOrDie(path), nullptr);
  auto store = testing::OpenOrDie(path, {.read_only = true});
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->Query("DELETE FROM events").ok());
  std::vector<Coded> coded = {{MakeDocument("a", "", std::nullopt, {"x"}), {}}};
  auto ingest = store->IngestBatch(testing::Items(coded));
  ASSERT_FALSE(ingest.ok());
  EXPECT_EQ(ingest.status().code(), StatusCode::kFailedPrecondition);
}

TEST(EventStoreQuery, OneStatementAtATime) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  auto r = store->Query("SELECT 1; SELECT 2");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  auto bad = store->Query("SELEKT 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  auto ok = store->Query("SELECT 1 + 1 AS two, NULL AS missing;");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->columns, (std::vector<std::string>{"two", "missing"}));
  EXPECT_EQ(ok->rows, (std::vector<std::vector<std::string>>{{"2", ""}}));
}

// Three articles: A (Reuters) reports the accord twice, B (AFP) once, C (Reuters again) once,
// D (no source) once; A also reports a clash, and B the accord placed in Baghdad.
std::vector<Coded> Corpus() {
  std::vector<Coded> c(4);
  c[0].doc = MakeDocument("A", "Reuters", Day(2017, 7, 23),
                          {"Iran signed an accord with Iraq.", "The accord was signed by Iran.",
                           "Iraq attacked Kuwait."});
  c[0].events = {MakeEvent(c[0].doc, 0, "IRN", "IRQ", "057", 8.0, 1),
                 MakeEvent(c[0].doc, 1, "IRN", "IRQ", "057", 8.0, 1),
                 MakeEvent(c[0].doc, 2, "IRQ", "KWT", "190", -10.0, 4)};
  c[1].doc = MakeDocument("B", "AFP", Day(2017, 7, 23), {"Iran and Iraq signed.", "In Baghdad."});
  c[1].events = {MakeEvent(c[1].doc, 0, "IRN", "IRQ", "057", 8.0, 1),
                 MakeEvent(c[1].doc, 0, "IRN", "IRQ", "057", 8.0, 1)};
  c[1].events[1].location = {.name = "Baghdad", .country = "IRQ", .admin1 = "Baghdad",
                             .lat = 33.34, .lon = 44.4, .geonameid = 98182, .precision = "city"};
  c[2].doc = MakeDocument("C", "Reuters", Day(2017, 7, 23), {"Iran signed with Iraq."});
  c[2].events = {MakeEvent(c[2].doc, 0, "IRN", "IRQ", "057", 8.0, 1)};
  c[3].doc = MakeDocument("D", "", Day(2017, 7, 23), {"Iran signed with Iraq."});
  c[3].events = {MakeEvent(c[3].doc, 0, "IRN", "IRQ", "057", 8.0, 1)};
  return c;
}

TEST(EventStoreIngest, FoldsMentionsAcrossSentencesAndArticles) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  std::vector<Coded> corpus = Corpus();
  IngestStats stats = testing::IngestOrDie(*store, corpus);
  EXPECT_EQ(stats.documents_added, 4);
  EXPECT_EQ(stats.mentions_added, 7);
  EXPECT_EQ(stats.events_added, 3);  // the accord, the accord in Baghdad, the attack
  auto page = store->Events({}, "", 100);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->events.size(), 3u);
  const StoredEvent& accord = page->events[0];
  EXPECT_EQ(accord.event.cameo, "057");
  EXPECT_TRUE(accord.event.location.empty());
  EXPECT_EQ(accord.num_mentions, 5);  // A twice, B, C, D
  EXPECT_EQ(accord.num_articles, 4);
  EXPECT_EQ(accord.num_sources, 3);   // Reuters (A, C), AFP, D on its own
  EXPECT_EQ(accord.event.doc_id, "A");
  EXPECT_EQ(accord.event.sentence, 0u);
  EXPECT_EQ(accord.event.sentence_text, "Iran signed an accord with Iraq.");
  const StoredEvent& attack = page->events[1];
  EXPECT_EQ(attack.event.cameo, "190");
  EXPECT_EQ(attack.num_mentions, 1);
  const StoredEvent& placed = page->events[2];
  EXPECT_EQ(placed.event.location.name, "Baghdad");
  EXPECT_EQ(placed.num_mentions, 1);
  EXPECT_EQ(placed.num_sources, 1);
}

TEST(EventStoreIngest, CountsStayExactWhenAnEventSpansBatches) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  std::vector<Coded> corpus = Corpus();
  for (const Coded& c : corpus) testing::IngestOrDie(*store, std::vector<Coded>{c});
  auto page = store->Events({.cameo = "057", .place = ""}, "", 100);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 2u);
  EXPECT_EQ(page->events[0].num_mentions, 5);
  EXPECT_EQ(page->events[0].num_articles, 4);
  EXPECT_EQ(page->events[0].num_sources, 3);
}

TEST(EventStoreIngest, SameInputTwiceChangesNothing) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  std::vector<Coded> corpus = Corpus();
  testing::IngestOrDie(*store, corpus);
  auto before = store->Count();
  std::string export_before = testing::ExportOrDie(*store, ExportFormat::kGdelt);
  std::string mentions_before = testing::ExportOrDie(*store, ExportFormat::kGdeltMentions);
  IngestStats again = testing::IngestOrDie(*store, corpus);
  EXPECT_EQ(again.documents_added, 0);
  EXPECT_EQ(again.documents_skipped, 4);
  EXPECT_EQ(again.mentions_added, 0);
  auto after = store->Count();
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(after->documents, before->documents);
  EXPECT_EQ(after->sentences, before->sentences);
  EXPECT_EQ(after->mentions, before->mentions);
  EXPECT_EQ(after->events, before->events);
  EXPECT_EQ(testing::ExportOrDie(*store, ExportFormat::kGdelt), export_before);
  EXPECT_EQ(testing::ExportOrDie(*store, ExportFormat::kGdeltMentions), mentions_before);
}

TEST(EventStoreIngest, ADocumentRepeatedInABatchIsStoredOnce) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  std::vector<Coded> corpus = Corpus();
  corpus.push_back(corpus[0]);
  IngestStats stats = testing::IngestOrDie(*store, corpus);
  EXPECT_EQ(stats.documents_added, 4);
  EXPECT_EQ(stats.documents_skipped, 1);
  EXPECT_EQ(stats.mentions_added, 7);
}

TEST(EventStoreIngest, AFailingBatchLeavesNothing) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  std::vector<Coded> corpus = Corpus();
  corpus[2].events[0].sentence = 7;  // C has one sentence
  auto stats = store->IngestBatch(testing::Items(corpus));
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(stats.status().message().find("document C"), std::string::npos) << stats.status().message();
  auto counts = store->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 0);
  EXPECT_EQ(counts->mentions, 0);
  EXPECT_EQ(counts->events, 0);
  // The store is usable after the rollback.
  corpus[2].events[0].sentence = 0;
  EXPECT_EQ(testing::IngestOrDie(*store, corpus).documents_added, 4);
}

TEST(EventStoreIngest, EveryEventFieldRoundTrips) {
  io::testing::TempDir dir;
  auto store = testing::OpenOrDie(dir.path() + "/s.sqlite");
  std::vector<Coded> corpus(1);
  corpus[0].doc = MakeDocument("X", "IRNA", Day(2017, 7, 23), {"Last month Iran reportedly signed."});
  model::Event e = MakeEvent(corpus[0].doc, 0, "IRNGOV", "", "057", 8.0, 1);
  e.date = Day(2017, 6, 1);
  e.date_precision = model::DatePrecision::kMonth;
  e.source.sector = "GOV";
  e.location = {.name = "Tehran", .country = "IRN", .admin1 = "Tehran", .lat = 35.69,
                .lon = 51.42, .geonameid = 112931, .precision = "city"};
  e.attribution = {.text = "IRNA", .code = "IRNMED"};
  e.modality = model::kModalityQuoted | model::kModalityFuture;
  corpus[0].events = {e};
  testing::IngestOrDie(*store, corpus);
  auto page = store->Events({}, "", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->events.size(), 1u);
  const model::Event& r = page->events[0].event;
  EXPECT_EQ(r.date, e.date);
  EXPECT_EQ(r.pub_date, e.pub_date);
  EXPECT_EQ(r.date_precision, model::DatePrecision::kMonth);
  EXPECT_EQ(r.source.code, "IRNGOV");
  EXPECT_EQ(r.source.sector, "GOV");
  EXPECT_EQ(r.source.start, e.source.start);
  EXPECT_EQ(r.source.end, e.source.end);
  EXPECT_TRUE(r.target.empty());
  EXPECT_EQ(r.verb.lemma, "sign");
  EXPECT_EQ(r.pattern, "test.dyad:1");
  EXPECT_EQ(r.location.name, "Tehran");
  EXPECT_EQ(r.location.admin1, "Tehran");
  EXPECT_DOUBLE_EQ(r.location.lat, 35.69);
  EXPECT_DOUBLE_EQ(r.location.lon, 51.42);
  EXPECT_EQ(r.location.geonameid, 112931);
  EXPECT_EQ(r.location.precision, "city");
  EXPECT_EQ(r.attribution.text, "IRNA");
  EXPECT_EQ(r.attribution.code, "IRNMED");
  EXPECT_EQ(r.modality, e.modality);
  EXPECT_DOUBLE_EQ(r.goldstein, 8.0);
}

}  // namespace
}  // namespace dyad::store
