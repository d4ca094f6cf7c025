// EventStore: opening, ingest and the plain SQL entry point. Queries are in event_query.cc, exports
// in event_export.cc; the schema is in schema.cc.
//
// Ingest keeps one set of prepared statements for the life of the store and runs each batch in one
// IMMEDIATE transaction (the write lock is taken up front, so a batch never fails half-way on a
// lock). The de-duplication key is the events table's UNIQUE index; an event's counts are
// recomputed from its mentions once per batch for every event the batch touched, which stays
// exact however documents arrive (the same outlet twice, an event split over batches).
#include "store/event_store.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include <fmt/format.h>

#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dyad::store {

struct EventStore::Statements {
  Statement find_document;
  Statement insert_document;
  Statement insert_sentence;
  Statement insert_fts;
  Statement find_event;
  Statement insert_event;
  Statement insert_mention;
  Statement set_first_mention;
  Statement recount;
};

namespace {

StatusOr<EventStore::Statements> PrepareIngest(sqlite3* db) {
  EventStore::Statements s;
  DYAD_ASSIGN_OR_RETURN(s.find_document,
                        Statement::Prepare(db, "SELECT id FROM documents WHERE doc_id = ?"));
  DYAD_ASSIGN_OR_RETURN(
      s.insert_document,
      Statement::Prepare(db,
                         "INSERT INTO documents(doc_id, source, url, title, pub_date, datetime, "
                         "text_bytes, origin) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
  DYAD_ASSIGN_OR_RETURN(
      s.insert_sentence,
      Statement::Prepare(db,
                         "INSERT INTO sentences(doc, idx, start, end, paragraph, flags, text) "
                         "VALUES(?, ?, ?, ?, ?, ?, ?)"));
  DYAD_ASSIGN_OR_RETURN(
      s.insert_fts, Statement::Prepare(db, "INSERT INTO sentences_fts(rowid, text) VALUES(?, ?)"));
  DYAD_ASSIGN_OR_RETURN(
      s.find_event,
      Statement::Prepare(db,
                         "SELECT id FROM events WHERE date = ? AND source_code = ? AND "
                         "target_code = ? AND cameo = ? AND place_name = ? AND place_country = ?"));
  DYAD_ASSIGN_OR_RETURN(
      s.insert_event,
      Statement::Prepare(db,
                         "INSERT INTO events(date, source_code, target_code, cameo, place_name, "
                         "place_country, root, plover, goldstein, quad_class, source_country, "
                         "target_country, first_mention, num_mentions, num_sources, num_articles) "
                         "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0)"));
  std::string placeholders;
  for (int i = 0; i < kMentionColumnCount; ++i) placeholders += ", ?";
  DYAD_ASSIGN_OR_RETURN(
      s.insert_mention,
      Statement::Prepare(db, fmt::format("INSERT INTO mentions(event, doc, ordinal, {}) "
                                         "VALUES(?, ?, ?{})",
                                         kMentionColumns, placeholders)));
  DYAD_ASSIGN_OR_RETURN(
      s.set_first_mention,
      Statement::Prepare(db, "UPDATE events SET first_mention = ? WHERE id = ?"));
  // An outlet is the document's source; documents without one each count as their own outlet.
  DYAD_ASSIGN_OR_RETURN(
      s.recount,
      Statement::Prepare(
          db,
          "UPDATE events SET "
          "num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1), "
          "num_articles = (SELECT count(DISTINCT doc) FROM mentions WHERE event = ?1), "
          "num_sources = (SELECT count(DISTINCT CASE WHEN d.source <> '' THEN d.source END) + "
          "count(DISTINCT CASE WHEN d.source = '' THEN d.id END) "
          "FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.event = ?1) "
          "WHERE id = ?1"));
  return s;
}

std::string DateText(const std::optional<model::Date>& d) {
  return d ? model::FormatIsoDate(*d) : std::string();
}

}  // namespace

EventStore::EventStore(sqlite3* db, bool read_only, std::string path)
    : db_(db), read_only_(read_only), path_(std::move(path)) {}

EventStore::~EventStore() {
  stmts_.reset();  // statements are finalized before the connection closes
  sqlite3_close(db_);
}

StatusOr<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path,
                                                       const OpenOptions& options) {
  std::error_code ec;
  if (options.read_only && !std::filesystem::exists(path, ec)) {
    return NotFoundError(fmt::format("store {} does not exist", path));
  }
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = UnavailableError(fmt::format("cannot open store {}: {}", path,
                                            db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<EventStore> store(new EventStore(db, options.read_only, path));
  auto context = [&path](const Status& s) { return s.WithContext("store " + path); };
  sqlite3_busy_timeout(db, 10000);

  // The first read of the file: a file that is not SQLite fails here.
  int64_t application_id = 0, version = 0, objects = 0;
  {
    auto header = Statement::Prepare(
        db, "SELECT (SELECT application_id FROM pragma_application_id), "
            "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)");
    StatusOr<bool> row = header.ok() ? header->Step() : StatusOr<bool>(header.status());
    if (!row.ok()) {
      if (row.status().code() == StatusCode::kDataLoss) {
        return FailedPreconditionError(
            fmt::format("{} is not a dyad store: {}", path, row.status().message()));
      }
      return context(row.status());
    }
    application_id = header->Int(0);
    version = header->Int(1);
    objects = header->Int(2);
  }
  const bool fresh = application_id == 0 && version == 0 && objects == 0;
  if (fresh && options.read_only) {
    return FailedPreconditionError(fmt::format("{} is empty, not a dyad store", path));
  }
  if (!fresh && application_id != kApplicationId) {
    return FailedPreconditionError(
        fmt::format("{} is an SQLite database but not a dyad store", path));
  }
  if (version > kSchemaVersion) {
    return FailedPreconditionError(fmt::format(
        "{} was written by a newer dyad (store schema version {}; this dyad reads up to {})", path,
        version, kSchemaVersion));
  }
  if (!fresh && version < 1) {
    return FailedPreconditionError(fmt::format("{} has no store schema version", path));
  }
  if (options.read_only) return store;

  // WAL: readers (the server, `dyad query`) never block the ingest; NORMAL sync: a commit is
  // durable once the WAL is checkpointed, and a crash never corrupts (it may lose the last batch).
  DYAD_RETURN_IF_ERROR(context(Exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")));
  if (fresh) {
    DYAD_RETURN_IF_ERROR(context(Exec(db, "BEGIN IMMEDIATE")));
    Status s = CreateSchema(db);
    if (!s.ok()) {
      (void)Exec(db, "ROLLBACK");
      return context(s);
    }
    DYAD_RETURN_IF_ERROR(context(Exec(db, "COMMIT")));
  }
  auto stmts = PrepareIngest(db);
  if (!stmts.ok()) return context(stmts.status());
  store->stmts_ = std::make_unique<Statements>(std::move(stmts).value());
  return store;
}

Status EventStore::IngestDocument(const model::Document& doc, std::span<const model::Event> events,
                                  std::vector<int64_t>& touched, IngestStats& stats) {
  Statements& s = *stmts_;
  const std::string pub_date = DateText(doc.date);
  s.insert_document.Bind(1, doc.id).Bind(2, doc.source).Bind(3, doc.url).Bind(4, doc.title);
  if (pub_date.empty()) {
    s.insert_document.BindNull(5);
  } else {
    s.insert_document.Bind(5, pub_date);
  }
  s.insert_document.Bind(6, doc.datetime)
      .Bind(7, static_cast<int64_t>(doc.text.size()))
      .Bind(8, doc.origin);
  DYAD_RETURN_IF_ERROR(s.insert_document.Run());
  const int64_t doc_row = sqlite3_last_insert_rowid(db_);

  std::vector<int64_t> sentence_rows(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const model::Sentence& sen = doc.sentences[i];
    s.insert_sentence.Bind(1, doc_row)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, int64_t{sen.start})
        .Bind(4, int64_t{sen.end})
        .Bind(5, int64_t{sen.paragraph})
        .Bind(6, int64_t{sen.flags})
        .Bind(7, doc.Text(sen));
    DYAD_RETURN_IF_ERROR(s.insert_sentence.Run());
    sentence_rows[i] = sqlite3_last_insert_rowid(db_);
  }

  // Per sentence: events so far (the next ordinal) and whether its text is in the FTS index.
  std::vector<uint32_t> ordinals(doc.sentences.size(), 0);
  for (const model::Event& e : events) {
    if (e.sentence >= doc.sentences.size()) {
      return InvalidArgumentError(
          fmt::format("document {}: an event in sentence {} but the document has {} sentences",
                      doc.id, e.sentence, doc.sentences.size()));
    }
    const std::string date = DateText(e.date);
    const std::string event_pub_date = DateText(e.pub_date);
    s.find_event.Bind(1, date).Bind(2, e.source.code).Bind(3, e.target.code).Bind(4, e.cameo);
    s.find_event.Bind(5, e.location.name).Bind(6, e.location.country);
    DYAD_ASSIGN_OR_RETURN(bool found, s.find_event.Step());
    int64_t event_id = found ? s.find_event.Int(0) : 0;
    s.find_event.Reset();
    if (!found) {
      std::string_view root = e.root.empty() ? std::string_view(e.cameo).substr(0, 2) : e.root;
      s.insert_event.Bind(1, date).Bind(2, e.source.code).Bind(3, e.target.code).Bind(4, e.cameo);
      s.insert_event.Bind(5, e.location.name).Bind(6, e.location.country).Bind(7, root);
      s.insert_event.Bind(8, e.plover).Bind(9, e.goldstein).Bind(10, int64_t{e.quad_class});
      s.insert_event.Bind(11, e.source.country).Bind(12, e.target.country);
      DYAD_RETURN_IF_ERROR(s.insert_event.Run());
      event_id = sqlite3_last_insert_rowid(db_);
      ++stats.events_added;
    }
    s.insert_mention.Bind(1, event_id).Bind(2, doc_row).Bind(3, int64_t{ordinals[e.sentence]});
    BindMention(s.insert_mention, 4, e, date, event_pub_date);
    DYAD_RETURN_IF_ERROR(s.insert_mention.Run());
    if (!found) {
      s.set_first_mention.Bind(1, static_cast<int64_t>(sqlite3_last_insert_rowid(db_))).Bind(2, event_id);
      DYAD_RETURN_IF_ERROR(s.set_first_mention.Run());
    }
    // Only sentences that carry events are searchable: the text filter selects events.
    if (ordinals[e.sentence]++ == 0) {
      s.insert_fts.Bind(1, sentence_rows[e.sentence]).Bind(2, doc.Text(doc.sentences[e.sentence]));
      DYAD_RETURN_IF_ERROR(s.insert_fts.Run());
    }
    touched.push_back(event_id);
    ++stats.mentions_added;
  }
  ++stats.documents_added;
  return Status::Ok();
}

StatusOr<IngestStats> EventStore::IngestBatch(std::span<const IngestItem> batch) {
  if (read_only_) return FailedPreconditionError(fmt::format("store {} is open read-only", path_));
  auto context = [this](const Status& s) { return s.WithContext("store " + path_); };
  DYAD_RETURN_IF_ERROR(context(Exec(db_, "BEGIN IMMEDIATE")));
  IngestStats stats;
  std::vector<int64_t> touched;
  std::unordered_set<std::string_view> in_batch;
  Status status;
  for (const IngestItem& item : batch) {
    const model::Document& doc = *item.doc;
    stmts_->find_document.Bind(1, doc.id);
    StatusOr<bool> stored = stmts_->find_document.Step();
    stmts_->find_document.Reset();
    if (!stored.ok()) {
      status = stored.status();
      break;
    }
    if (*stored || !in_batch.insert(doc.id).second) {
      ++stats.documents_skipped;
      continue;
    }
    status = IngestDocument(doc, item.events, touched, stats);
    if (!status.ok()) break;
  }
  if (status.ok()) {
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (int64_t id : touched) {
      status = stmts_->recount.Bind(1, id).Run();
      if (!status.ok()) break;
    }
  }
  if (status.ok()) status = Exec(db_, "COMMIT");
  if (!status.ok()) {
    (void)Exec(db_, "ROLLBACK");
    return context(status);
  }
  return stats;
}

StatusOr<std::unordered_set<std::string>> EventStore::DocumentIds() const {
  DYAD_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, "SELECT doc_id FROM documents"));
  std::unordered_set<std::string> ids;
  for (;;) {
    DYAD_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ids.emplace(s.Text(0));
  }
  return ids;
}

StatusOr<EventStore::Counts> EventStore::Count() const {
  DYAD_ASSIGN_OR_RETURN(
      Statement s,
      Statement::Prepare(db_, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM "
                              "sentences), (SELECT count(*) FROM mentions), (SELECT count(*) "
                              "FROM events)"));
  DYAD_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return InternalError("count returned no row");
  return Counts{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
}

StatusOr<QueryResult> EventStore::Query(std::string_view sql) const {
  DYAD_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, sql));
  QueryResult result;
  DYAD_RETURN_IF_ERROR(ReadTable(s, result.columns, result.rows));
  return result;
}

}  // namespace dyad::store
