#include "context/temporal.h"

#include <numeric>
#include <sstream>

#include <gtest/gtest.h>

#include "context/context_test_util.h"

namespace dyad::context {
namespace {

// 2017-07-23 is a Sunday.
constexpr std::string_view kPub = "2017-07-23";

// Resolves the temporal expression in `words` (the whole sentence taken as the clause; the
// resolver reads forms only).
std::string Resolve(std::string_view words, std::string_view pub = kPub, bool future = false) {
  std::string conll;
  std::istringstream in{std::string(words)};
  for (std::string w; in >> w;) conll += w + " " + w + " X 0 root\n";
  model::Document doc = model::testing::ParsedSentence(conll, pub);
  DepTree tree;
  tree.Reset(doc, 0);
  std::vector<uint32_t> clause(tree.size());
  std::iota(clause.begin(), clause.end(), 0u);
  auto d = ResolveDate(tree, clause, doc.date, future);
  if (!d) return "none";
  static constexpr const char* kPrecision[] = {"day", "month", "year"};
  return model::FormatIsoDate(d->date) + " " + kPrecision[static_cast<int>(d->precision)];
}

TEST(TemporalTest, DeicticDays) {
  EXPECT_EQ(Resolve("Iran signed the accord yesterday"), "2017-07-22 day");
  EXPECT_EQ(Resolve("Iran signs the accord today"), "2017-07-23 day");
  EXPECT_EQ(Resolve("Iran signs the accord tonight"), "2017-07-23 day");
  EXPECT_EQ(Resolve("Iran will sign the accord tomorrow", kPub, true), "2017-07-24 day");
}

TEST(TemporalTest, WeekdaysCountBackFromPublication) {
  EXPECT_EQ(Resolve("Iran signed the accord on Sunday"), "2017-07-23 day");  // published on a Sunday
  EXPECT_EQ(Resolve("Iran signed the accord on Friday"), "2017-07-21 day");
  EXPECT_EQ(Resolve("Iran signed the accord on Monday"), "2017-07-17 day");
  EXPECT_EQ(Resolve("Iran signed the accord last Sunday"), "2017-07-16 day");
  EXPECT_EQ(Resolve("talks resumed on Saturday night"), "2017-07-22 day");
}

TEST(TemporalTest, WeekdaysOfAnnouncedEventsCountForward) {
  EXPECT_EQ(Resolve("Iran will sign the accord on Friday", kPub, true), "2017-07-28 day");
  EXPECT_EQ(Resolve("Iran will sign the accord on Sunday", kPub, true), "2017-07-30 day");
  EXPECT_EQ(Resolve("ministers meet next Tuesday"), "2017-07-25 day");
}

TEST(TemporalTest, MonthAndDay) {
  EXPECT_EQ(Resolve("Iran signed the accord on July 4"), "2017-07-04 day");
  EXPECT_EQ(Resolve("Iran signed the accord on July 4th"), "2017-07-04 day");
  EXPECT_EQ(Resolve("Iran signed the accord on 4 July"), "2017-07-04 day");
  // A day after publication without a year is last year's, unless the event is announced.
  EXPECT_EQ(Resolve("Iran signed the accord on December 4"), "2016-12-04 day");
  EXPECT_EQ(Resolve("Iran will sign the accord on December 4", kPub, true), "2017-12-04 day");
  EXPECT_EQ(Resolve("Iran signed the accord on Sept. 9", "2018-01-03"), "2017-09-09 day");
}

TEST(TemporalTest, FullDates) {
  EXPECT_EQ(Resolve("Iran signed the accord on July 23 , 2015"), "2015-07-23 day");
  EXPECT_EQ(Resolve("Iran signed the accord on 23 July 2015"), "2015-07-23 day");
  EXPECT_EQ(Resolve("Iran signed the accord on February 30 , 2015"), "none");
}

TEST(TemporalTest, MonthsAndYears) {
  EXPECT_EQ(Resolve("Iran signed the accord in March"), "2017-03-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord in September"), "2016-09-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord in March 2003"), "2003-03-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord in May"), "2017-05-01 month");
  EXPECT_EQ(Resolve("Saddam Hussein was toppled in 2003"), "2003-01-01 year");
  EXPECT_EQ(Resolve("the war has raged since 2011"), "2011-01-01 year");
  EXPECT_EQ(Resolve("Iran signed the accord last March"), "2017-03-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord last September"), "2016-09-01 month");
}

TEST(TemporalTest, RelativePeriods) {
  EXPECT_EQ(Resolve("Iran signed the accord last week"), "2017-07-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord earlier this month"), "2017-07-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord last month"), "2017-06-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord last month", "2017-01-10"), "2016-12-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord this year"), "2017-01-01 year");
  EXPECT_EQ(Resolve("Iran signed the accord earlier this year"), "2017-01-01 year");
  EXPECT_EQ(Resolve("Iran signed the accord last year"), "2016-01-01 year");
  EXPECT_EQ(Resolve("Iran will sign the accord next month", kPub, true), "2017-08-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord last weekend"), "2017-07-22 day");
}

TEST(TemporalTest, Ago) {
  EXPECT_EQ(Resolve("Iran signed the accord two days ago"), "2017-07-21 day");
  EXPECT_EQ(Resolve("Iran signed the accord 10 days ago"), "2017-07-13 day");
  EXPECT_EQ(Resolve("Iran signed the accord three weeks ago"), "2017-07-02 day");
  EXPECT_EQ(Resolve("Iran signed the accord a month ago"), "2017-06-01 month");
  EXPECT_EQ(Resolve("Iran signed the accord three years ago"), "2014-01-01 year");
}

TEST(TemporalTest, MostPreciseExpressionWins) {
  EXPECT_EQ(Resolve("in 2015 Iran signed the accord on July 23"), "2017-07-23 day");
}

TEST(TemporalTest, NotDates) {
  EXPECT_EQ(Resolve("a march in Tehran drew thousands"), "none");
  EXPECT_EQ(Resolve("Iran may sign the accord"), "none");
  EXPECT_EQ(Resolve("the blast killed 2003 people"), "none");
  EXPECT_EQ(Resolve("Iran signed the accord"), "none");
}

TEST(TemporalTest, WithoutPublicationDateOnlyExplicitYearsResolve) {
  EXPECT_EQ(Resolve("Saddam Hussein was toppled in 2003", ""), "2003-01-01 year");
  EXPECT_EQ(Resolve("Iran signed the accord on July 23 , 2015", ""), "2015-07-23 day");
  EXPECT_EQ(Resolve("Iran signed the accord yesterday", ""), "none");
  EXPECT_EQ(Resolve("Iran signed the accord on Sunday", ""), "none");
  EXPECT_EQ(Resolve("Iran signed the accord in March", ""), "none");
}

}  // namespace
}  // namespace dyad::context
