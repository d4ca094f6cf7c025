#include "store/schema.h"

#include <string>

#include <fmt/format.h>

#include "store/event_store.h"

namespace dyad::store {

namespace {

// Text columns are NOT NULL with '' for "none" so they can be compared and grouped without
// NULL handling; only dates (and the location coordinates) are NULL when unknown.
constexpr char kSchema[] = R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  pub_date TEXT,
  datetime TEXT NOT NULL,
  text_bytes INTEGER NOT NULL,
  origin TEXT NOT NULL
);
CREATE TABLE sentences(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  flags INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(doc, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  cameo TEXT NOT NULL,
  place_name TEXT NOT NULL,
  place_country TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quad_class INTEGER NOT NULL,
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  first_mention INTEGER NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  UNIQUE(date, source_code, target_code, cameo, place_name, place_country)
);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_countries ON events(source_country, target_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_cameo ON events(cameo);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  date TEXT,
  pub_date TEXT,
  date_precision INTEGER NOT NULL,
  source_text TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_country TEXT NOT NULL,
  source_sector TEXT NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  target_text TEXT NOT NULL,
  target_code TEXT NOT NULL,
  target_country TEXT NOT NULL,
  target_sector TEXT NOT NULL,
  target_start INTEGER NOT NULL,
  target_end INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quad_class INTEGER NOT NULL,
  verb_text TEXT NOT NULL,
  verb_lemma TEXT NOT NULL,
  verb_start INTEGER NOT NULL,
  verb_end INTEGER NOT NULL,
  pattern TEXT NOT NULL,
  location_name TEXT NOT NULL,
  location_country TEXT NOT NULL,
  location_admin1 TEXT NOT NULL,
  location_lat REAL,
  location_lon REAL,
  location_geonameid INTEGER NOT NULL,
  location_precision TEXT NOT NULL,
  attribution_text TEXT NOT NULL,
  attribution_code TEXT NOT NULL,
  modality INTEGER NOT NULL,
  UNIQUE(doc, sentence, ordinal)
);
CREATE INDEX mentions_event ON mentions(event);
)sql";

}  // namespace

const char kMentionColumns[] =
    "date, pub_date, date_precision, "
    "source_text, source_code, source_country, source_sector, source_start, source_end, "
    "target_text, target_code, target_country, target_sector, target_start, target_end, "
    "cameo, root, plover, goldstein, quad_class, "
    "verb_text, verb_lemma, verb_start, verb_end, pattern, "
    "location_name, location_country, location_admin1, location_lat, location_lon, "
    "location_geonameid, location_precision, attribution_text, attribution_code, modality, "
    "sentence";

const char kMentionColumnsQualified[] =
    "m.date, m.pub_date, m.date_precision, "
    "m.source_text, m.source_code, m.source_country, m.source_sector, m.source_start, m.source_end, "
    "m.target_text, m.target_code, m.target_country, m.target_sector, m.target_start, m.target_end, "
    "m.cameo, m.root, m.plover, m.goldstein, m.quad_class, "
    "m.verb_text, m.verb_lemma, m.verb_start, m.verb_end, m.pattern, "
    "m.location_name, m.location_country, m.location_admin1, m.location_lat, m.location_lon, "
    "m.location_geonameid, m.location_precision, m.attribution_text, m.attribution_code, m.modality, "
    "m.sentence";

const std::string& StoredEventSelect() {
  static const std::string sql = fmt::format(
      "SELECT e.id, e.num_mentions, e.num_sources, e.num_articles, d.doc_id, s.text, {}, m.doc "
      "FROM events e JOIN mentions m ON m.id = e.first_mention JOIN documents d ON d.id = m.doc "
      "JOIN sentences s ON s.doc = m.doc AND s.idx = m.sentence ",
      kMentionColumnsQualified);
  return sql;
}

Status CreateSchema(sqlite3* db) {
  DYAD_RETURN_IF_ERROR(Exec(db, kSchema));
  std::string pragmas = fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};",
                                    kApplicationId, kSchemaVersion);
  return Exec(db, pragmas.c_str());
}

namespace {

void BindActor(Statement& s, int i, const model::EventActor& a) {
  s.Bind(i, a.text).Bind(i + 1, a.code).Bind(i + 2, a.country).Bind(i + 3, a.sector);
  s.Bind(i + 4, int64_t{a.start}).Bind(i + 5, int64_t{a.end});
}

void ReadActor(const Statement& s, int c, model::EventActor& a) {
  a.text = s.Text(c);
  a.code = s.Text(c + 1);
  a.country = s.Text(c + 2);
  a.sector = s.Text(c + 3);
  a.start = static_cast<uint32_t>(s.Int(c + 4));
  a.end = static_cast<uint32_t>(s.Int(c + 5));
}

void BindDate(Statement& s, int i, const std::string& date) {
  if (date.empty()) {
    s.BindNull(i);
  } else {
    s.Bind(i, date);
  }
}

}  // namespace

void BindMention(Statement& s, int i, const model::Event& e, const std::string& date,
                 const std::string& pub_date) {
  BindDate(s, i, date);
  BindDate(s, i + 1, pub_date);
  s.Bind(i + 2, int64_t{static_cast<uint8_t>(e.date_precision)});
  BindActor(s, i + 3, e.source);
  BindActor(s, i + 9, e.target);
  s.Bind(i + 15, e.cameo).Bind(i + 16, e.root).Bind(i + 17, e.plover);
  s.Bind(i + 18, e.goldstein).Bind(i + 19, int64_t{e.quad_class});
  s.Bind(i + 20, e.verb.text).Bind(i + 21, e.verb.lemma);
  s.Bind(i + 22, int64_t{e.verb.start}).Bind(i + 23, int64_t{e.verb.end}).Bind(i + 24, e.pattern);
  const model::EventLocation& l = e.location;
  s.Bind(i + 25, l.name).Bind(i + 26, l.country).Bind(i + 27, l.admin1);
  if (l.empty()) {
    s.BindNull(i + 28).BindNull(i + 29);
  } else {
    s.Bind(i + 28, l.lat).Bind(i + 29, l.lon);
  }
  s.Bind(i + 30, l.geonameid).Bind(i + 31, l.precision);
  s.Bind(i + 32, e.attribution.text).Bind(i + 33, e.attribution.code);
  s.Bind(i + 34, int64_t{e.modality}).Bind(i + 35, int64_t{e.sentence});
}

void ReadMention(const Statement& s, int c, model::Event& e) {
  e.date = s.IsNull(c) ? std::nullopt : model::ParseIsoDate(s.Text(c));
  e.pub_date = s.IsNull(c + 1) ? std::nullopt : model::ParseIsoDate(s.Text(c + 1));
  e.date_precision = static_cast<model::DatePrecision>(s.Int(c + 2));
  ReadActor(s, c + 3, e.source);
  ReadActor(s, c + 9, e.target);
  e.cameo = s.Text(c + 15);
  e.root = s.Text(c + 16);
  e.plover = s.Text(c + 17);
  e.goldstein = s.Double(c + 18);
  e.quad_class = static_cast<int>(s.Int(c + 19));
  e.verb.text = s.Text(c + 20);
  e.verb.lemma = s.Text(c + 21);
  e.verb.start = static_cast<uint32_t>(s.Int(c + 22));
  e.verb.end = static_cast<uint32_t>(s.Int(c + 23));
  e.pattern = s.Text(c + 24);
  model::EventLocation& l = e.location;
  l.name = s.Text(c + 25);
  l.country = s.Text(c + 26);
  l.admin1 = s.Text(c + 27);
  l.lat = s.Double(c + 28);
  l.lon = s.Double(c + 29);
  l.geonameid = s.Int(c + 30);
  l.precision = s.Text(c + 31);
  e.attribution.text = s.Text(c + 32);
  e.attribution.code = s.Text(c + 33);
  e.modality = static_cast<uint8_t>(s.Int(c + 34));
  e.sentence = static_cast<uint32_t>(s.Int(c + 35));
}

StoredEvent ReadStoredEvent(const Statement& s) {
  StoredEvent r;
  r.id = s.Int(0);
  r.num_mentions = s.Int(1);
  r.num_sources = s.Int(2);
  r.num_articles = s.Int(3);
  r.event.doc_id = s.Text(4);
  r.event.sentence_text = s.Text(5);
  ReadMention(s, 6, r.event);
  return r;
}

}  // namespace dyad::store
