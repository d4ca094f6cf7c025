// EventStore: coded events kept in one SQLite file, de-duplicated into real-world events, queried
// by filters, reports and exports. The CLI (`dyad ingest|query|export`) and the HTTP server use it.
//
// Tables (schema version kSchemaVersion, kept in PRAGMA user_version; application_id marks the file
// as a dyad store):
//   documents  one row per Document, keyed by Document::id (unique): source, url, title, dates,
//              text length, sentence count. Ingest is idempotent by this key.
//   sentences  every sentence of every document: span, paragraph, flags, text. Sentences that carry
//              a coded event are also indexed by the FTS5 table sentences_fts (free-text filter).
//   mentions   one row per coded event mention (every model::Event field), unique by
//              (document, sentence, ordinal within the sentence), pointing to its event.
//   events     de-duplicated real-world events, GDELT style: mentions with the same (date, source
//              code, target code, CAMEO code, place name, place country) fold into one event, the
//              empty string standing for a missing value. Its descriptive columns (actors, root,
//              Goldstein, location...) are those of its first mention. NumMentions counts mentions,
//              NumArticles distinct documents, NumSources distinct outlets (Document::source, or the
//              document id when the document names no source). The counts of every event a batch
//              touches are recomputed from the mentions, so they are right after any re-ingest.
//
// Durability: WAL journal, synchronous=NORMAL, one transaction per IngestBatch(). A process killed
// mid-batch loses that batch only (rolled back on the next open); re-running the same ingest then
// skips the documents already stored, so a killed and resumed ingest ends identical to a clean one.
//
// Thread safety: an EventStore is used by one thread at a time. For concurrent readers open one
// EventStore per thread (WAL lets readers run beside one writer).
#ifndef DYAD_STORE_EVENT_STORE_H_
#define DYAD_STORE_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"
#include "model/event.h"

struct sqlite3;

namespace dyad::store {

inline constexpr int kSchemaVersion = 1;

struct OpenOptions {
  bool read_only = false;  // true: the file must exist; writes fail (query, export, server)
};

// One document and the events coded from it, in coding order (as pipeline::Engine::Code gives
// them). The ordinal of an event within its sentence is its position among the events of that
// sentence here.
struct IngestItem {
  const model::Document* doc = nullptr;
  std::span<const model::Event> events;
};

struct IngestStats {
  int64_t documents_added = 0;
  int64_t documents_skipped = 0;  // already in the store: left unchanged
  int64_t mentions_added = 0;
  int64_t events_added = 0;       // new de-duplicated events (others gained mentions)
};

// Every field optional (empty / -1 = no constraint); the constraints are ANDed.
struct EventFilter {
  std::string date_from;  // YYYY-MM-DD, inclusive
  std::string date_to;    // YYYY-MM-DD, inclusive
  std::string actor;      // actor code prefix of the source or the target ("USA" finds "USAGOV")
  std::string country;    // ISO 3166-1 alpha-3 of the source or the target
  std::string root;       // CAMEO root, "05"
  std::string cameo;      // CAMEO code, exact, "057"
  std::string plover;     // PLOVER type, "SUPPORT"
  int quad_class = -1;    // 0-4 as in Phoenix
  std::string place;      // location name (case-insensitive) or location country (ISO3)
  std::string text;       // FTS5 query over the text of the event's sentences ("border AND accord")
};

// A de-duplicated event. `event` is its first mention's record (doc_id, sentence, text, spans).
struct StoredEvent {
  int64_t id = 0;  // events.id; the GLOBALEVENTID of GDELT exports
  model::Event event;
  int64_t num_mentions = 0;
  int64_t num_sources = 0;
  int64_t num_articles = 0;
};

struct EventPage {
  std::vector<StoredEvent> events;  // ascending id
  std::string next_cursor;          // pass to the next Events() call; empty on the last page
};

enum class Period { kMonth, kDay };

// One period and quad class: how many events, with the mean Goldstein score.
struct TimeSeriesPoint {
  std::string period;  // "2017-07" (kMonth) or "2017-07-23" (kDay)
  int quad_class = 0;
  int64_t events = 0;
  int64_t mentions = 0;
  double mean_goldstein = 0.0;
};

// A source-target country pair.
struct DyadCount {
  std::string source_country;
  std::string target_country;
  int64_t events = 0;
  int64_t mentions = 0;
  double mean_goldstein = 0.0;
};

// A table of text cells, for SQL given by the user and ready reports.
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // NULL is ""
};

// The ready reports of `dyad query --report NAME`.
enum class Report {
  kMonthlyDyads,     // month, source country, target country: events, mentions, mean Goldstein
  kTopDyads,         // country pairs by number of events
  kGoldsteinByPair,  // country pairs by mean Goldstein (most hostile first)
  kEventsByRoot,     // CAMEO root: events, mentions, mean Goldstein
};
// "monthly-dyads", "top-dyads", "goldstein-by-pair", "events-by-root"; kInvalidArgument otherwise.
StatusOr<Report> ParseReport(std::string_view name);

// What Export() writes: one line per record, in ingest order.
enum class ExportFormat {
  kJsonl,          // mentions, as `dyad code --format jsonl` writes them
  kCsv,            // mentions, as `dyad code --format csv` (header row first)
  kPetrarch,       // mentions, PETRARCH2 TSV
  kGdelt,          // de-duplicated events, GDELT 2.0 events TSV (61 columns) with their counts
  kGdeltMentions,  // mentions, GDELT 2.0 mentions TSV (16 columns), GlobalEventID = events.id
};
// "jsonl", "csv", "petrarch", "gdelt", "gdelt-mentions"; kInvalidArgument otherwise.
StatusOr<ExportFormat> ParseExportFormat(std::string_view name);

class EventStore {
 public:
  // Opens (creating unless read-only) the store at `path`. Errors: kNotFound (read-only and
  // missing), kFailedPrecondition (the file is not a dyad store, or was written by a newer dyad),
  // kUnavailable (cannot open or lock).
  static StatusOr<std::unique_ptr<EventStore>> Open(const std::string& path,
                                                    const OpenOptions& options = {});
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // Stores the documents and their events in one transaction: all or nothing. A document whose id
  // is already stored (or repeated in the batch) is skipped with its events, so ingesting the same
  // input twice changes nothing. The Documents must have their sentences (the text layer's output).
  StatusOr<IngestStats> IngestBatch(std::span<const IngestItem> batch);

  // The ids of every stored document (lets `dyad ingest` skip coding what is already stored).
  StatusOr<std::unordered_set<std::string>> DocumentIds() const;

  // De-duplicated events matching `filter`, at most `limit` (1..10000), after `cursor` (empty for
  // the first page). Pages are keyset by id, so they stay stable while ingest adds events.
  // kInvalidArgument for a malformed cursor, limit or filter (bad date, bad FTS query).
  StatusOr<EventPage> Events(const EventFilter& filter, std::string_view cursor, int limit) const;

  // Events per period and quad class, with mean Goldstein; ascending period, then quad class.
  StatusOr<std::vector<TimeSeriesPoint>> TimeSeries(const EventFilter& filter, Period period) const;

  // The `limit` source-target country pairs with most events (events without a country on either
  // side are left out); ties by pair.
  StatusOr<std::vector<DyadCount>> Dyads(const EventFilter& filter, int limit) const;

  // Runs one SQL statement (read-only stores refuse writes) and returns its rows as text.
  StatusOr<QueryResult> Query(std::string_view sql) const;
  // A ready report over the events matching `filter`, at most `limit` rows (<= 0: all).
  StatusOr<QueryResult> RunReport(Report report, const EventFilter& filter, int limit) const;

  // Writes the export in chunks to `write` (which returns non-OK to stop, e.g. disk full).
  Status Export(ExportFormat format, const std::function<Status(std::string_view)>& write) const;

  // Counts of the four tables, for summaries and tests.
  struct Counts {
    int64_t documents = 0, sentences = 0, mentions = 0, events = 0;
  };
  StatusOr<Counts> Count() const;

  struct Statements;  // the ingest statements, prepared once, reused by every batch

 private:
  EventStore(sqlite3* db, bool read_only, std::string path);
  // Inserts one new document, its sentences and its mentions; appends the ids of the events it
  // touched. REQUIRES: inside the batch's transaction, the document not yet stored.
  Status IngestDocument(const model::Document& doc, std::span<const model::Event> events,
                        std::vector<int64_t>& touched, IngestStats& stats);

  sqlite3* db_;
  bool read_only_;
  std::string path_;
  std::unique_ptr<Statements> stmts_;  // null when read-only
};

}  // namespace dyad::store

#endif  // DYAD_STORE_EVENT_STORE_H_
