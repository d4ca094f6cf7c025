// EventStore::Export: the store written back out through io/event_writer, so an export is byte for
// byte what `dyad code` writes for the same events (jsonl, csv, petrarch), or GDELT's events and
// mentions tables. Rows stream in id order; a document's metadata and sentence layout (what the
// writers read) are loaded once per run of consecutive rows from the same document.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "store/event_store.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace dyad::store {

namespace {

constexpr size_t kChunkBytes = size_t{1} << 20;

// The writers' view of a stored document: id, source, url, title, dates and sentence spans; not
// the text (writers never read it), whose length is kept apart for GDELT's MentionDocLen.
class DocumentLoader {
 public:
  static StatusOr<DocumentLoader> Create(sqlite3* db) {
    DocumentLoader l;
    DYAD_ASSIGN_OR_RETURN(
        l.document_,
        Statement::Prepare(db, "SELECT doc_id, source, url, title, pub_date, datetime, text_bytes "
                               "FROM documents WHERE id = ?"));
    DYAD_ASSIGN_OR_RETURN(
        l.sentences_,
        Statement::Prepare(db, "SELECT start, end, paragraph, flags FROM sentences WHERE doc = ? "
                               "ORDER BY idx"));
    return l;
  }

  // The document with row id `row`; loads it unless it is the one loaded last.
  Status Load(int64_t row) {
    if (row == row_) return Status::Ok();
    doc_ = model::Document();
    document_.Bind(1, row);
    DYAD_ASSIGN_OR_RETURN(bool found, document_.Step());
    if (!found) {
      document_.Reset();
      return DataLossError(fmt::format("a mention refers to document row {}, which is missing", row));
    }
    doc_.id = document_.Text(0);
    doc_.source = document_.Text(1);
    doc_.url = document_.Text(2);
    doc_.title = document_.Text(3);
    if (!document_.IsNull(4)) doc_.date = model::ParseIsoDate(document_.Text(4));
    doc_.datetime = document_.Text(5);
    text_bytes_ = static_cast<size_t>(document_.Int(6));
    document_.Reset();
    sentences_.Bind(1, row);
    for (;;) {
      DYAD_ASSIGN_OR_RETURN(bool more, sentences_.Step());
      if (!more) break;
      model::Sentence& s = doc_.sentences.emplace_back();
      s.start = static_cast<uint32_t>(sentences_.Int(0));
      s.end = static_cast<uint32_t>(sentences_.Int(1));
      s.paragraph = static_cast<uint32_t>(sentences_.Int(2));
      s.flags = static_cast<uint32_t>(sentences_.Int(3));
    }
    sentences_.Reset();
    row_ = row;
    return Status::Ok();
  }

  const model::Document& doc() const { return doc_; }
  size_t text_bytes() const { return text_bytes_; }

 private:
  Statement document_, sentences_;
  int64_t row_ = 0;
  model::Document doc_;
  size_t text_bytes_ = 0;
};

// GDELT's YYYYMMDDHHMMSS from a stored YYYY-MM-DD date; empty when there is none.
std::string GdeltTimestamp(std::string_view date) {
  if (date.size() != 10) return std::string();
  return fmt::format("{}{}{}000000", date.substr(0, 4), date.substr(5, 2), date.substr(8, 2));
}

}  // namespace

StatusOr<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "petrarch") return ExportFormat::kPetrarch;
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "gdelt-mentions") return ExportFormat::kGdeltMentions;
  return InvalidArgumentError(fmt::format(
      "unknown export format '{}' (expected jsonl, csv, petrarch, gdelt or gdelt-mentions)", name));
}

Status EventStore::Export(ExportFormat format,
                          const std::function<Status(std::string_view)>& write) const {
  DYAD_ASSIGN_OR_RETURN(DocumentLoader loader, DocumentLoader::Create(db_));
  std::string out;
  auto flush = [&](bool force) {
    if (out.empty() || (!force && out.size() < kChunkBytes)) return Status::Ok();
    Status s = write(out);
    out.clear();
    return s;
  };

  if (format == ExportFormat::kGdelt) {
    DYAD_ASSIGN_OR_RETURN(Statement s, Statement::Prepare(db_, StoredEventSelect() + "ORDER BY e.id"));
    for (;;) {
      DYAD_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      StoredEvent e = ReadStoredEvent(s);
      DYAD_RETURN_IF_ERROR(loader.Load(s.Int(kStoredEventDocColumn)));
      io::AppendGdeltEvent(loader.doc(), e.event,
                           {.id = static_cast<uint64_t>(e.id),
                            .num_mentions = e.num_mentions,
                            .num_sources = e.num_sources,
                            .num_articles = e.num_articles},
                           out);
      DYAD_RETURN_IF_ERROR(flush(false));
    }
    return flush(true);
  }

  // Mentions. Columns: 0 document row, 1 event id, 2 doc_id, 3 sentence text, 4 the publication
  // date of the event's first mention (GDELT's EventTimeDate), then the mention.
  DYAD_ASSIGN_OR_RETURN(
      Statement s,
      Statement::Prepare(
          db_, fmt::format("SELECT m.doc, m.event, d.doc_id, s.text, fd.pub_date, {} "
                           "FROM mentions m JOIN documents d ON d.id = m.doc "
                           "JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence "
                           "JOIN events e ON e.id = m.event "
                           "JOIN mentions fm ON fm.id = e.first_mention "
                           "JOIN documents fd ON fd.id = fm.doc ORDER BY m.id",
                           kMentionColumnsQualified)));
  io::EventFormat event_format = io::EventFormat::kJsonl;
  if (format == ExportFormat::kCsv) event_format = io::EventFormat::kCsv;
  if (format == ExportFormat::kPetrarch) event_format = io::EventFormat::kPetrarch;
  out += io::EventHeader(event_format);
  std::vector<model::Event> events;  // the current document's mentions, written together
  int64_t events_doc = 0;
  auto write_document = [&] {
    if (events.empty()) return Status::Ok();
    DYAD_RETURN_IF_ERROR(loader.Load(events_doc));
    io::AppendEvents(event_format, loader.doc(), events, out);
    events.clear();
    return flush(false);
  };
  for (;;) {
    DYAD_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const int64_t doc_row = s.Int(0);
    model::Event e;
    e.doc_id = s.Text(2);
    e.sentence_text = s.Text(3);
    ReadMention(s, 5, e);
    if (format == ExportFormat::kGdeltMentions) {
      DYAD_RETURN_IF_ERROR(loader.Load(doc_row));
      io::AppendGdeltMention(loader.doc(), e, static_cast<uint64_t>(s.Int(1)),
                             GdeltTimestamp(s.Text(4)), loader.text_bytes(), out);
      DYAD_RETURN_IF_ERROR(flush(false));
      continue;
    }
    if (doc_row != events_doc) {
      DYAD_RETURN_IF_ERROR(write_document());
      events_doc = doc_row;
    }
    events.push_back(std::move(e));
  }
  DYAD_RETURN_IF_ERROR(write_document());
  return flush(true);
}

}  // namespace dyad::store
