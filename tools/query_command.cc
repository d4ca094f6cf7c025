// dyad query: SQL or a ready report over an event store, printed as an aligned table, CSV or JSONL.
// The store is opened read-only, so a query can never change it (and can run beside an ingest).
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "commands.h"
#include "io/event_writer.h"
#include "io/json_writer.h"
#include "store/event_store.h"

namespace dyad::tools {

namespace {

struct QueryFlags {
  std::string db;
  std::string sql;
  std::string report;
  std::string format = "table";
  int limit = 0;
  store::EventFilter filter;
};

constexpr size_t kMaxCellWidth = 60;  // table cells beyond this are cut (use csv/jsonl for all)

// A cell cut to `width` bytes without splitting a UTF-8 character.
std::string_view Cut(std::string_view cell, size_t width) {
  if (cell.size() <= width) return cell;
  size_t end = width;
  while (end > 0 && (static_cast<unsigned char>(cell[end]) & 0xC0) == 0x80) --end;
  return cell.substr(0, end);
}

std::string FormatTable(const store::QueryResult& r) {
  std::vector<size_t> width(r.columns.size());
  for (size_t c = 0; c < r.columns.size(); ++c) width[c] = r.columns[c].size();
  for (const auto& row : r.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], Cut(row[c], kMaxCellWidth).size());
    }
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string_view cell = Cut(cells[c], kMaxCellWidth);
      out += cell;
      if (c + 1 < cells.size()) out.append(width[c] - cell.size() + 2, ' ');
    }
    out += '\n';
  };
  line(r.columns);
  std::vector<std::string> rule;
  for (size_t w : width) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : r.rows) line(row);
  fmt::format_to(std::back_inserter(out), "({} rows)\n", r.rows.size());
  return out;
}

std::string FormatCsv(const store::QueryResult& r) {
  std::string out;
  auto line = [&out](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += ',';
      io::AppendCsvField(out, cells[c]);
    }
    out += "\r\n";
  };
  line(r.columns);
  for (const auto& row : r.rows) line(row);
  return out;
}

// One JSON object per row; SQL numbers are JSON numbers, text (even "057") JSON strings, NULL "".
std::string FormatJsonl(const store::QueryResult& r) {
  std::string out;
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    out += '{';
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      io::AppendJsonString(out, r.columns[c]);
      out += ':';
      if (r.numeric[i][c]) {
        out += row[c];
      } else {
        io::AppendJsonString(out, row[c]);
      }
    }
    out += "}\n";
  }
  return out;
}

bool FilterIsEmpty(const store::EventFilter& f) {
  return f.date_from.empty() && f.date_to.empty() && f.actor.empty() && f.country.empty() &&
         f.root.empty() && f.cameo.empty() && f.plover.empty() && f.quad_class < 0 &&
         f.place.empty() && f.text.empty();
}

int RunQuery(const QueryFlags& q) {
  if (q.sql.empty() == q.report.empty()) {
    fmt::print(stderr, "dyad query: give either SQL or --report NAME\n");
    return 2;
  }
  if (!q.sql.empty() && !FilterIsEmpty(q.filter)) {
    fmt::print(stderr, "dyad query: the filter options apply to --report only (put them in the SQL)\n");
    return 2;
  }
  if (q.format != "table" && q.format != "csv" && q.format != "jsonl") {
    fmt::print(stderr, "dyad query: --format '{}' (expected table, csv or jsonl)\n", q.format);
    return 2;
  }
  auto store = store::EventStore::Open(q.db, {.read_only = true});
  if (!store.ok()) {
    fmt::print(stderr, "dyad query: {}\n", store.status().message());
    return 2;
  }
  StatusOr<store::QueryResult> result = InvalidArgumentError("no query");
  if (!q.sql.empty()) {
    result = (*store)->Query(q.sql);
  } else {
    auto report = store::ParseReport(q.report);
    if (!report.ok()) {
      fmt::print(stderr, "dyad query: --report: {}\n", report.status().message());
      return 2;
    }
    result = (*store)->RunReport(*report, q.filter, q.limit);
  }
  if (!result.ok()) {
    fmt::print(stderr, "dyad query: {}\n", result.status().message());
    return 1;
  }
  std::string out = q.format == "csv"     ? FormatCsv(*result)
                    : q.format == "jsonl" ? FormatJsonl(*result)
                                          : FormatTable(*result);
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    fmt::print(stderr, "dyad query: writing stdout failed\n");
    return 2;
  }
  return 0;
}

}  // namespace

void AddQueryCommand(CLI::App& app, CommandRunner* run) {
  auto q = std::make_shared<QueryFlags>();
  CLI::App* cmd = app.add_subcommand("query", "SQL or a ready report over an event store");
  cmd->add_option("--db", q->db, "Event store file")->required();
  cmd->add_option("sql", q->sql, "One SQL statement (tables: documents, sentences, mentions, events)");
  cmd->add_option("--report", q->report,
                  "monthly-dyads|top-dyads|goldstein-by-pair|events-by-root");
  cmd->add_option("--format", q->format, "table|csv|jsonl")->capture_default_str();
  cmd->add_option("--limit", q->limit, "Report rows at most (0: all)")->capture_default_str();
  store::EventFilter& f = q->filter;
  cmd->add_option("--from", f.date_from, "Report: events on or after YYYY-MM-DD");
  cmd->add_option("--to", f.date_to, "Report: events on or before YYYY-MM-DD");
  cmd->add_option("--actor", f.actor, "Report: source or target actor code starting so (USA, IRNGOV)");
  cmd->add_option("--country", f.country, "Report: source or target country (ISO3)");
  cmd->add_option("--root", f.root, "Report: CAMEO root (05)");
  cmd->add_option("--cameo", f.cameo, "Report: CAMEO code (057)");
  cmd->add_option("--plover", f.plover, "Report: PLOVER type (SUPPORT)");
  cmd->add_option("--quad-class", f.quad_class, "Report: quad class 0-4");
  cmd->add_option("--place", f.place, "Report: place name or its country (ISO3)");
  cmd->add_option("--text", f.text, "Report: full-text query over the events' sentences");
  cmd->footer(
      "Examples:\n"
      "  dyad query --db events.sqlite --report top-dyads --limit 10\n"
      "  dyad query --db events.sqlite --report monthly-dyads --country IRN --format csv\n"
      "  dyad query --db events.sqlite \"SELECT root, count(*) FROM events GROUP BY root\"");
  cmd->callback([q, run] {
    *run = [q] { return RunQuery(*q); };
  });
}

}  // namespace dyad::tools
