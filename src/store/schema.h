// The store's SQL schema and the mention columns shared by ingest, queries and exports.
//
// Version history (PRAGMA user_version):
//   1  documents, sentences (+ sentences_fts), mentions, events.
// A store written by a newer dyad is refused rather than misread; PRAGMA application_id marks the
// file as a dyad store, so any other SQLite database is refused too.
#ifndef DYAD_STORE_SCHEMA_H_
#define DYAD_STORE_SCHEMA_H_

#include <cstdint>
#include <string>

#include "model/event.h"
#include "store/event_store.h"
#include "store/sqlite_util.h"

namespace dyad::store {

inline constexpr int32_t kApplicationId = 0x64796164;  // "dyad"

// Creates every table and index and sets application_id and user_version. REQUIRES: an empty
// database, inside a transaction.
Status CreateSchema(sqlite3* db);

// The model::Event columns of `mentions`, in order; kMentionColumnCount of them. Ingest binds them
// with BindMention, queries select them (prefixed "m.") and read them back with ReadMention.
extern const char kMentionColumns[];
extern const char kMentionColumnsQualified[];  // the same, each prefixed "m."
inline constexpr int kMentionColumnCount = 36;

// Binds `e`'s fields to parameters first..first+kMentionColumnCount-1. `date` and `pub_date` are
// the event's dates as YYYY-MM-DD ("" binds NULL); they must outlive the statement's next step.
void BindMention(Statement& s, int first, const model::Event& e, const std::string& date,
                 const std::string& pub_date);

// Reads columns first..first+kMentionColumnCount-1 into `e` (every field but doc_id and
// sentence_text, which come from the documents and sentences tables).
void ReadMention(const Statement& s, int first, model::Event& e);

// "SELECT ... FROM ..." of a de-duplicated event (alias e) joined to its first mention (m), that
// mention's document (d) and sentence (s); append WHERE/ORDER BY. ReadStoredEvent reads a row;
// column kStoredEventDocColumn is the mention's documents row id.
const std::string& StoredEventSelect();
inline constexpr int kStoredEventDocColumn = 6 + kMentionColumnCount;
StoredEvent ReadStoredEvent(const Statement& s);

}  // namespace dyad::store

#endif  // DYAD_STORE_SCHEMA_H_
