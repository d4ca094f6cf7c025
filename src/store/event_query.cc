// EventStore queries: filtered pages of de-duplicated events, time series, dyads and reports.
// Every query reads the `events` table (one row per real-world event, alias `e`); the filter turns
// into a WHERE clause with bound parameters, never into SQL built from user text.
#include <charconv>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "store/event_store.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dyad::store {

namespace {

constexpr int kMaxPage = 10000;

struct SqlFilter {
  std::string where;  // " AND ..." clauses over `e`, empty when the filter is empty
  std::vector<std::variant<std::string, int64_t>> params;

  void Add(std::string_view clause, std::initializer_list<std::variant<std::string, int64_t>> ps) {
    where += " AND (";
    where += clause;
    where += ')';
    params.insert(params.end(), ps);
  }
  // Binds the parameters from 1; returns the next free parameter index.
  int Bind(Statement& s) const {
    int i = 1;
    for (const auto& p : params) {
      if (const auto* text = std::get_if<std::string>(&p)) {
        s.Bind(i++, std::string_view(*text));
      } else {
        s.Bind(i++, std::get<int64_t>(p));
      }
    }
    return i;
  }
};

// LIKE with the pattern's wildcards escaped, so an actor prefix is matched literally.
std::string LikePrefix(std::string_view prefix) {
  std::string p;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  p.push_back('%');
  return p;
}

StatusOr<SqlFilter> BuildFilter(const EventFilter& f) {
  SqlFilter q;
  for (const std::string* date : {&f.date_from, &f.date_to}) {
    if (!date->empty() && !model::ParseIsoDate(*date)) {
      return InvalidArgumentError(fmt::format("date '{}' is not a valid YYYY-MM-DD date", *date));
    }
  }
  if (!f.date_from.empty()) q.Add("e.date >= ?", {f.date_from});
  if (!f.date_to.empty()) q.Add("e.date <> '' AND e.date <= ?", {f.date_to});
  if (!f.actor.empty()) {
    std::string like = LikePrefix(f.actor);
    q.Add("e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\'", {like, like});
  }
  if (!f.country.empty()) q.Add("e.source_country = ? OR e.target_country = ?", {f.country, f.country});
  if (!f.root.empty()) q.Add("e.root = ?", {f.root});
  if (!f.cameo.empty()) q.Add("e.cameo = ?", {f.cameo});
  if (!f.plover.empty()) q.Add("e.plover = ?", {f.plover});
  if (f.quad_class >= 0) {
    if (f.quad_class > 4) return InvalidArgumentError("quad class must be 0-4");
    q.Add("e.quad_class = ?", {int64_t{f.quad_class}});
  }
  if (!f.place.empty()) {
    q.Add("e.place_name = ? COLLATE NOCASE OR e.place_country = ?", {f.place, f.place});
  }
  if (!f.text.empty()) {
    q.Add("e.id IN (SELECT m.event FROM mentions m JOIN sentences s ON s.doc = m.doc AND "
          "s.idx = m.sentence WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE "
          "sentences_fts MATCH ?))",
          {f.text});
  }
  return q;
}

// Runs `sql` (its parameters: the filter's, then `extra`) and collects every row with `read`.
template <typename Row>
StatusOr<std::vector<Row>> Collect(sqlite3* db, const std::string& sql, const SqlFilter& filter,
                                   std::initializer_list<int64_t> extra,
                                   Row (*read)(const Statement&)) {
  DYAD_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db, sql));
  int i = filter.Bind(s);
  for (int64_t v : extra) s.Bind(i++, v);
  std::vector<Row> rows;
  for (;;) {
    DYAD_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    rows.push_back(read(s));
  }
  return rows;
}

TimeSeriesPoint ReadPoint(const Statement& s) {
  return {std::string(s.Text(0)), static_cast<int>(s.Int(1)), s.Int(2), s.Int(3), s.Double(4)};
}

DyadCount ReadDyad(const Statement& s) {
  return {std::string(s.Text(0)), std::string(s.Text(1)), s.Int(2), s.Int(3), s.Double(4)};
}

// The reports' SQL: `{}` takes the filter's WHERE clauses, the one `?` after them the row limit.
constexpr const char* kReportSql[] = {
    // kMonthlyDyads
    "SELECT substr(e.date, 1, 7) AS month, e.source_country, e.target_country, count(*) AS events, "
    "sum(e.num_mentions) AS mentions, round(avg(e.goldstein), 2) AS mean_goldstein FROM events e "
    "WHERE e.date <> '' AND e.source_country <> '' AND e.target_country <> ''{} "
    "GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC, 2, 3 LIMIT ?",
    // kTopDyads
    "SELECT e.source_country, e.target_country, count(*) AS events, sum(e.num_mentions) AS "
    "mentions, round(avg(e.goldstein), 2) AS mean_goldstein FROM events e "
    "WHERE e.source_country <> '' AND e.target_country <> ''{} "
    "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
    // kGoldsteinByPair
    "SELECT e.source_country, e.target_country, round(avg(e.goldstein), 2) AS mean_goldstein, "
    "count(*) AS events, sum(e.num_mentions) AS mentions FROM events e "
    "WHERE e.source_country <> '' AND e.target_country <> ''{} "
    "GROUP BY 1, 2 ORDER BY avg(e.goldstein), 4 DESC, 1, 2 LIMIT ?",
    // kEventsByRoot
    "SELECT e.root, count(*) AS events, sum(e.num_mentions) AS mentions, "
    "round(avg(e.goldstein), 2) AS mean_goldstein FROM events e WHERE 1{} "
    "GROUP BY 1 ORDER BY 1 LIMIT ?",
};

}  // namespace

StatusOr<Report> ParseReport(std::string_view name) {
  if (name == "monthly-dyads") return Report::kMonthlyDyads;
  if (name == "top-dyads") return Report::kTopDyads;
  if (name == "goldstein-by-pair") return Report::kGoldsteinByPair;
  if (name == "events-by-root") return Report::kEventsByRoot;
  return InvalidArgumentError(fmt::format(
      "unknown report '{}' (expected monthly-dyads, top-dyads, goldstein-by-pair or "
      "events-by-root)",
      name));
}

StatusOr<EventPage> EventStore::Events(const EventFilter& filter, std::string_view cursor,
                                       int limit) const {
  if (limit < 1 || limit > kMaxPage) {
    return InvalidArgumentError(fmt::format("page size {} outside 1..{}", limit, kMaxPage));
  }
  int64_t after = 0;
  if (!cursor.empty()) {
    auto [end, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), after);
    if (ec != std::errc() || end != cursor.data() + cursor.size() || after < 1) {
      return InvalidArgumentError(fmt::format("malformed cursor '{}'", cursor));
    }
  }
  DYAD_ASSIGN_OR_RETURN(SqlFilter q, BuildFilter(filter));
  q.Add("e.id > ?", {after});
  std::string sql =
      fmt::format("{} WHERE 1{} ORDER BY e.id LIMIT ?", StoredEventSelect(), q.where);
  // One row more than asked tells whether another page follows.
  DYAD_ASSIGN_OR_RETURN(std::vector<StoredEvent> rows,
                        Collect(db_, sql, q, {int64_t{limit} + 1}, &ReadStoredEvent));
  EventPage page;
  if (rows.size() > static_cast<size_t>(limit)) {
    rows.pop_back();
    page.next_cursor = std::to_string(rows.back().id);
  }
  page.events = std::move(rows);
  return page;
}

StatusOr<std::vector<TimeSeriesPoint>> EventStore::TimeSeries(const EventFilter& filter,
                                                              Period period) const {
  DYAD_ASSIGN_OR_RETURN(SqlFilter q, BuildFilter(filter));
  std::string sql = fmt::format(
      "SELECT substr(e.date, 1, {}) AS period, e.quad_class, count(*), sum(e.num_mentions), "
      "avg(e.goldstein) FROM events e WHERE e.date <> ''{} GROUP BY 1, 2 ORDER BY 1, 2",
      period == Period::kMonth ? 7 : 10, q.where);
  return Collect(db_, sql, q, {}, &ReadPoint);
}

StatusOr<std::vector<DyadCount>> EventStore::Dyads(const EventFilter& filter, int limit) const {
  if (limit < 1) return InvalidArgumentError(fmt::format("dyad limit {} is not positive", limit));
  DYAD_ASSIGN_OR_RETURN(SqlFilter q, BuildFilter(filter));
  std::string sql = fmt::format(
      "SELECT e.source_country, e.target_country, count(*), sum(e.num_mentions), avg(e.goldstein) "
      "FROM events e WHERE e.source_country <> '' AND e.target_country <> ''{} "
      "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
      q.where);
  return Collect(db_, sql, q, {int64_t{limit}}, &ReadDyad);
}

StatusOr<QueryResult> EventStore::RunReport(Report report, const EventFilter& filter,
                                            int limit) const {
  DYAD_ASSIGN_OR_RETURN(SqlFilter q, BuildFilter(filter));
  std::string sql = fmt::format(fmt::runtime(kReportSql[static_cast<int>(report)]), q.where);
  DYAD_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, sql));
  s.Bind(q.Bind(s), int64_t{limit > 0 ? limit : -1});  // LIMIT -1: no limit
  QueryResult result;
  DYAD_RETURN_IF_ERROR(ReadTable(s, result.columns, result.rows));
  return result;
}

}  // namespace dyad::store
