#include "store/sqlite_util.h"

#include <cctype>

#include <fmt/format.h>

namespace dyad::store {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  std::string message = fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DataLossError(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return UnavailableError(std::move(message));
    case SQLITE_ERROR:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      return InvalidArgumentError(std::move(message));
    default:
      return InternalError(std::move(message));
  }
}

Status Exec(sqlite3* db, const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, sql);
  return Status::Ok();
}

StatusOr<Statement> Statement::Prepare(sqlite3* db, std::string_view sql) {
  Statement s;
  s.db_ = db;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &s.stmt_, &tail);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, "SQL");
  if (s.stmt_ == nullptr) return InvalidArgumentError("SQL: no statement");
  for (const char* end = sql.data() + sql.size(); tail != nullptr && tail < end; ++tail) {
    if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') {
      return InvalidArgumentError("SQL: one statement at a time");
    }
  }
  return s;
}

StatusOr<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = SqliteStatus(db_, rc, "SQL");
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  StatusOr<bool> r = Step();
  Reset();
  if (!r.ok()) return r.status();
  return Status::Ok();
}

Status ReadTable(Statement& s, std::vector<std::string>& columns,
                 std::vector<std::vector<std::string>>& rows) {
  for (int c = 0; c < s.Columns(); ++c) columns.emplace_back(s.ColumnName(c));
  for (;;) {
    DYAD_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    auto& cells = rows.emplace_back();
    for (int c = 0; c < s.Columns(); ++c) cells.emplace_back(s.Text(c));
  }
}

}  // namespace dyad::store
