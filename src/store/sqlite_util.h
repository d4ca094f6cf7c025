// A thin RAII layer over the SQLite C API for the store: prepared statements that are reset and
// re-bound per row (the ingest hot path prepares each statement once), and SQLite result codes
// turned into dyad Status codes. Internal to src/store.
#ifndef DYAD_STORE_SQLITE_UTIL_H_
#define DYAD_STORE_SQLITE_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <sqlite3.h>

#include "dyad/status.h"

namespace dyad::store {

// The Status for SQLite result `rc` on `db`: "what: sqlite message". SQLITE_CORRUPT and NOTADB are
// kDataLoss, BUSY/LOCKED/IOERR/CANTOPEN/FULL/READONLY kUnavailable, a plain SQL error (bad syntax, bad
// FTS query) kInvalidArgument, anything else kInternal.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

// Runs SQL without results (schema, BEGIN/COMMIT, pragmas).
Status Exec(sqlite3* db, const char* sql);

// A prepared statement. Text is bound with SQLITE_STATIC: the bound strings must outlive the next
// Step()/Reset(), which every caller in the store guarantees by binding from live records.
class Statement {
 public:
  Statement() = default;
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(stmt_);
      db_ = o.db_;
      stmt_ = o.stmt_;
      o.stmt_ = nullptr;
    }
    return *this;
  }

  // Prepares exactly one statement; kInvalidArgument when `sql` holds more than one.
  static StatusOr<Statement> Prepare(sqlite3* db, std::string_view sql);

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }

  // True when a row is ready, false when done.
  StatusOr<bool> Step();
  // Steps to completion (an INSERT or UPDATE) and resets.
  Status Run();
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  // Columns are 0-based, as in SQLite.
  int Columns() const { return sqlite3_column_count(stmt_); }
  const char* ColumnName(int c) const { return sqlite3_column_name(stmt_, c); }
  bool IsNull(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(stmt_, c); }
  double Double(int c) const { return sqlite3_column_double(stmt_, c); }
  std::string_view Text(int c) const {
    const unsigned char* p = sqlite3_column_text(stmt_, c);
    return p ? std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, c))
             : std::string_view();
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// Steps `s` to the end, collecting its column names and every row as text (NULL as "").
Status ReadTable(Statement& s, std::vector<std::string>& columns,
                 std::vector<std::vector<std::string>>& rows);

}  // namespace dyad::store

#endif  // DYAD_STORE_SQLITE_UTIL_H_
