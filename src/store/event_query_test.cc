// Filters, keyset pagination, time series, dyads and reports over a small hand-made store.
#include <set>

#include <gtest/gtest.h>

#include "store/event_store.h"
#include "store/store_test_util.h"

namespace dyad::store {
namespace {

using testing::Coded;
using testing::Day;
using testing::MakeDocument;
using testing::MakeEvent;

class EventQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenOrDie(dir_.path() + "/q.sqlite");
    ASSERT_NE(store_, nullptr);
    std::vector<Coded> c(3);
    c[0].doc = MakeDocument("jul", "Reuters", Day(2017, 7, 23),
                            {"Iran signed a border accord with Iraq.", "Iraq shelled Kuwait."});
    c[0].events = {MakeEvent(c[0].doc, 0, "IRNGOV", "IRQGOV", "057", 8.0, 1),
                   MakeEvent(c[0].doc, 1, "IRQMIL", "KWT", "195", -10.0, 4)};
    c[1].doc = MakeDocument("aug", "AFP", Day(2017, 8, 2),
                            {"Iran praised Iraq.", "Protesters in Basra rallied against Iran."});
    c[1].events = {MakeEvent(c[1].doc, 0, "IRN", "IRQ", "051", 3.4, 1),
                   MakeEvent(c[1].doc, 1, "IRQOPP", "IRN", "141", -6.5, 3)};
    c[1].events[1].location = {.name = "Basra", .country = "IRQ", .precision = "city"};
    c[2].doc = MakeDocument("aug2", "AFP", Day(2017, 8, 3), {"Iran praised Iraq again."});
    c[2].events = {MakeEvent(c[2].doc, 0, "IRN", "IRQ", "051", 3.4, 1)};
    testing::IngestOrDie(*store_, c);
  }

  // The CAMEO codes of the events matching `f`, in id order.
  std::vector<std::string> Matching(const EventFilter& f) {
    auto page = store_->Events(f, "", 100);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> codes;
    if (page.ok()) {
      for (const StoredEvent& e : page->events) codes.push_back(e.event.cameo);
    }
    return codes;
  }

  io::testing::TempDir dir_;
  std::unique_ptr<EventStore> store_;
};

using Codes = std::vector<std::string>;

TEST_F(EventQueryTest, EachFilter) {
  EXPECT_EQ(Matching({}), (Codes{"057", "195", "051", "141", "051"}));
  EXPECT_EQ(Matching({.date_from = "2017-08-01"}), (Codes{"051", "141", "051"}));
  EXPECT_EQ(Matching({.date_to = "2017-08-02"}), (Codes{"057", "195", "051", "141"}));
  EXPECT_EQ(Matching({.date_from = "2017-08-03", .date_to = "2017-08-03"}), (Codes{"051"}));
  EXPECT_EQ(Matching({.actor = "IRQ"}), (Codes{"057", "195", "051", "141", "051"}));
  EXPECT_EQ(Matching({.actor = "IRQMIL"}), (Codes{"195"}));
  EXPECT_EQ(Matching({.actor = "IRNGOV"}), (Codes{"057"}));
  EXPECT_EQ(Matching({.actor = "IR_"}), Codes{});  // wildcards are literal
  EXPECT_EQ(Matching({.country = "KWT"}), (Codes{"195"}));
  EXPECT_EQ(Matching({.root = "05"}), (Codes{"057", "051", "051"}));
  EXPECT_EQ(Matching({.cameo = "051"}), (Codes{"051", "051"}));
  EXPECT_EQ(Matching({.plover = "FIGHT"}), (Codes{"195"}));
  EXPECT_EQ(Matching({.quad_class = 3}), (Codes{"141"}));
  EXPECT_EQ(Matching({.place = "basra"}), (Codes{"141"}));
  EXPECT_EQ(Matching({.place = "IRQ"}), (Codes{"141"}));
  EXPECT_EQ(Matching({.text = "border"}), (Codes{"057"}));
  EXPECT_EQ(Matching({.text = "praised AND again"}), (Codes{"051"}));
  EXPECT_EQ(Matching({.text = "protest*"}), (Codes{"141"}));
  EXPECT_EQ(Matching({.country = "IRN", .quad_class = 1, .text = "Iraq"}), (Codes{"057", "051", "051"}));
}

TEST_F(EventQueryTest, BadFiltersAreInvalidArguments) {
  for (const EventFilter& f : {EventFilter{.date_from = "2017-13-01"}, EventFilter{.date_to = "july"},
                               EventFilter{.quad_class = 7}, EventFilter{.text = "\"unclosed"}}) {
    auto page = store_->Events(f, "", 10);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument) << page.status().ToString();
  }
}

TEST_F(EventQueryTest, CursorPagesAreStableWhileIngestGoesOn) {
  std::vector<int64_t> ids;
  std::string cursor;
  auto first = store_->Events({}, "", 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->events.size(), 2u);
  for (const auto& e : first->events) ids.push_back(e.id);
  cursor = first->next_cursor;
  ASSERT_FALSE(cursor.empty());
  // A new event arrives between pages: it lands after the existing ones, nothing shifts.
  std::vector<Coded> late(1);
  late[0].doc = MakeDocument("late", "AP", Day(2017, 9, 1), {"Kuwait thanked Iraq."});
  late[0].events = {MakeEvent(late[0].doc, 0, "KWT", "IRQ", "051", 3.4, 1)};
  testing::IngestOrDie(*store_, late);
  while (!cursor.empty()) {
    auto page = store_->Events({}, cursor, 2);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const auto& e : page->events) ids.push_back(e.id);
    cursor = page->next_cursor;
  }
  ASSERT_EQ(ids.size(), 6u);
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_LT(ids[i - 1], ids[i]);
  // The last page is full but has no successor: no empty trailing page.
  auto all = store_->Events({}, "", 6);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->events.size(), 6u);
  EXPECT_TRUE(all->next_cursor.empty());
  // Filtered pages.
  auto filtered = store_->Events({.root = "05"}, "", 1);
  ASSERT_TRUE(filtered.ok());
  auto next = store_->Events({.root = "05"}, filtered->next_cursor, 10);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(filtered->events.size() + next->events.size(), 4u);
  EXPECT_TRUE(next->next_cursor.empty());
}

TEST_F(EventQueryTest, MalformedCursorsAndLimits) {
  for (std::string_view cursor : {"abc", "-4", "12x", "0"}) {
    auto page = store_->Events({}, cursor, 10);
    ASSERT_FALSE(page.ok()) << cursor;
    EXPECT_EQ(page.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_FALSE(store_->Events({}, "", 0).ok());
  EXPECT_FALSE(store_->Events({}, "", 10001).ok());
  EXPECT_FALSE(store_->Dyads({}, 0).ok());
}

TEST_F(EventQueryTest, TimeSeriesByMonthAndDay) {
  auto months = store_->TimeSeries({}, Period::kMonth);
  ASSERT_TRUE(months.ok()) << months.status().ToString();
  ASSERT_EQ(months->size(), 4u);
  EXPECT_EQ((*months)[0].period, "2017-07");
  EXPECT_EQ((*months)[0].quad_class, 1);
  EXPECT_EQ((*months)[0].events, 1);
  EXPECT_EQ((*months)[1].period, "2017-07");
  EXPECT_EQ((*months)[1].quad_class, 4);
  EXPECT_EQ((*months)[2].period, "2017-08");
  EXPECT_EQ((*months)[2].quad_class, 1);
  EXPECT_EQ((*months)[2].events, 2);
  EXPECT_DOUBLE_EQ((*months)[2].mean_goldstein, 3.4);
  EXPECT_EQ((*months)[3].quad_class, 3);
  auto days = store_->TimeSeries({.root = "05"}, Period::kDay);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ((*days)[0].period, "2017-07-23");
  EXPECT_EQ((*days)[2].period, "2017-08-03");
}

TEST_F(EventQueryTest, DyadsByCount) {
  auto dyads = store_->Dyads({}, 10);
  ASSERT_TRUE(dyads.ok()) << dyads.status().ToString();
  ASSERT_EQ(dyads->size(), 3u);
  EXPECT_EQ((*dyads)[0].source_country, "IRN");
  EXPECT_EQ((*dyads)[0].target_country, "IRQ");
  EXPECT_EQ((*dyads)[0].events, 3);
  EXPECT_NEAR((*dyads)[0].mean_goldstein, (8.0 + 3.4 + 3.4) / 3, 1e-9);
  EXPECT_EQ((*dyads)[1].source_country, "IRQ");
  EXPECT_EQ((*dyads)[1].target_country, "IRN");
  auto top = store_->Dyads({.quad_class = 4}, 1);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].target_country, "KWT");
}

TEST_F(EventQueryTest, EachReport) {
  auto run = [&](std::string_view name, const EventFilter& f = {}, int limit = 0) {
    auto report = ParseReport(name);
    EXPECT_TRUE(report.ok());
    auto r = store_->RunReport(*report, f, limit);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : QueryResult{};
  };
  QueryResult monthly = run("monthly-dyads");
  EXPECT_EQ(monthly.columns,
            (std::vector<std::string>{"month", "source_country", "target_country", "events",
                                      "mentions", "mean_goldstein"}));
  ASSERT_EQ(monthly.rows.size(), 4u);
  EXPECT_EQ(monthly.rows[0], (std::vector<std::string>{"2017-07", "IRN", "IRQ", "1", "1", "8.0"}));
  EXPECT_EQ(monthly.rows[2], (std::vector<std::string>{"2017-08", "IRN", "IRQ", "2", "2", "3.4"}));

  QueryResult top = run("top-dyads", {}, 1);
  ASSERT_EQ(top.rows.size(), 1u);
  EXPECT_EQ(top.rows[0], (std::vector<std::string>{"IRN", "IRQ", "3", "3", "4.93"}));

  QueryResult hostile = run("goldstein-by-pair");
  ASSERT_EQ(hostile.rows.size(), 3u);
  EXPECT_EQ(hostile.rows[0][0], "IRQ");
  EXPECT_EQ(hostile.rows[0][1], "KWT");
  EXPECT_EQ(hostile.rows[0][2], "-10.0");

  QueryResult roots = run("events-by-root", {.date_from = "2017-08-01"});
  EXPECT_EQ(roots.rows, (std::vector<std::vector<std::string>>{{"05", "2", "2", "3.4"},
                                                               {"14", "1", "1", "-6.5"}}));
  EXPECT_FALSE(ParseReport("best-dyads").ok());
}

}  // namespace
}  // namespace dyad::store
