// Event output: the events of one document appended to a string, in one of four formats. The CLI
// codes documents in parallel and writes each document's string in input order, so a writer
// sees one document at a time and keeps no state between documents.
//
// Formats (one event a line in all of them; a line never breaks inside a TSV field):
//
//   jsonl     dyad's own record, the format the scorer reads (../shared/eval/score.py). Keys in
//             this order:
//               {"doc_id", "sentence", "date": "YYYY-MM-DD"|null (the event's date),
//                "pub_date": "YYYY-MM-DD"|null, "date_precision": "day"|"month"|"year" (a month or
//                year date is its first day),
//                "source": ACTOR, "target": ACTOR|null (null when the event has no target),
//                "cameo": "057", "root": "05", "plover": "SUPPORT"|null, "goldstein": 8.0,
//                "quad_class": 1, "verb": {"text", "lemma", "start", "end"},
//                "pattern": "file:line",
//                "location": {"name", "country": ISO3|null, "admin1": name|null, "lat", "lon"
//                  (4 decimals), "geonameid": int|null, "precision": "city"|"admin1"|"country"}
//                  | null,
//                "attribution": {"text", "code": actor code|null, "start", "end"} | null,
//                "modality": [] or some of "negated", "hypothetical", "future", "quoted" in that
//                  order,
//                "text": the sentence}
//             ACTOR = {"text", "code" (a string, "" when unknown), "country": ISO3|null,
//                      "sector": "GOV"|null, "start", "end"}; offsets are bytes into the document
//             text. goldstein has one decimal (8.0, -10.0); root is null when empty.
//
//   csv       RFC 4180: header row (CsvHeader()), comma-separated, CRLF line ends, a field quoted
//             (with "" for a quote) when it holds a comma, quote, CR or LF. Columns:
//               doc_id, sentence, date, source_text, source_code, source_country, source_sector,
//               target_text, target_code, target_country, target_sector, cameo, root, plover,
//               goldstein, quad_class, verb, verb_lemma, pattern, text, pub_date, date_precision,
//               location_name, location_country, location_admin1, location_lat, location_lon,
//               location_geonameid, location_precision, attribution_text, attribution_code,
//               modality (flags joined by ';')
//             Unknown values are empty fields; byte offsets are left out (use jsonl for them).
//
//   petrarch  PETRARCH-2's tab-separated event file (PETRwriter.write_events), one row per event,
//             always these 11 columns:
//               1 date YYYYMMDD       2 source actor code   3 target actor code   4 CAMEO code
//               5 issues              6 ids                 7 url                 8 story source
//               9 source actor text  10 target actor text  11 event (verb) text
//             Differences from PETRARCH-2, all so that every row has the same columns: the url
//             column is always present (empty when the document has none; PETRARCH drops it); the
//             actor and event text columns (PETRARCH's WriteActorText/WriteEventText options) are
//             always written. As in PETRARCH, a missing actor code is "---", a missing story
//             source is "NULL", and ids is "<doc_id>_<sentence>" (dyad's 0-based sentence index).
//             dyad codes no issues, so column 5 is empty. PETRARCH-2 also keeps one event per
//             (date, source, target, code) and story; dyad writes every event it is given.
//
//   gdelt     GDELT 2.0 Event table row (*.export.CSV: tab-separated, no header), all 61 columns
//             in codebook order, empty where dyad has no value:
//               GLOBALEVENTID  GdeltEventId(doc_id, sentence, ordinal), ordinal = index of the event
//                              among the given events of the same sentence (see GdeltEventId).
//               SQLDATE, MonthYear, Year, FractionDate  from the event date (empty without one);
//                              FractionDate = Year + ((month-1)*30 + day)/365 to 4 decimals, which
//                              is what GDELT's files hold (19790101 -> 1979.0027) although the
//                              codebook writes month*30.
//               Actor{1,2}Code / Name / CountryCode / Type1Code  from source / target: code,
//                              surface text (GDELT writes a normalized upper-case name), country,
//                              sector. KnownGroup, Ethnic, Religion and Type2/3 codes are empty:
//                              the actor record has no separate fields for them (the full code,
//                              e.g. "IGOUNO", is in ActorCode). All Actor2 columns are empty when
//                              the event has no target.
//               CountryCode caveat: GDELT's is a 3-letter CAMEO country code, dyad's is ISO 3166-1
//                              alpha-3. They agree for most countries; they differ where CAMEO kept
//                              older or its own codes (e.g. Romania ROM in CAMEO vs ROU in ISO) and
//                              for CAMEO regions (AFR, EUR, ...), which have no ISO code. dyad
//                              writes its ISO3 value unchanged.
//               IsRootEvent    1 when the event's sentence is in the lead paragraph: the paragraph
//                              of the first sentence that is not a dateline. When the document
//                              carries no sentences (events re-read from a store), sentences 0-2.
//               EventCode / EventBaseCode / EventRootCode  the CAMEO code, its first 3 digits (the
//                              code itself for 2-3 digits), event.root (else its first 2 digits).
//               QuadClass      model::GdeltQuadClass(event.quad_class): Phoenix 0 -> 1, 1-4 kept.
//               GoldsteinScale event.goldstein, one decimal.
//               NumMentions, NumSources, NumArticles  1 (one document; a de-duplicated event
//                              from the store carries its own, see AppendGdeltEvent); AvgTone empty.
//               Actor1Geo_*, Actor2Geo_* (36-51) empty: dyad places events, not actors.
//               ActionGeo_* (52-59) from event.location: Type 1 country, 2 US state, 3 US city,
//                              4 world city, 5 world region (admin1); FullName "name, admin1,
//                              ISO3"; CountryCode ISO3 (same caveat as actors); ADM1Code and
//                              ADM2Code empty (the gazetteer keeps admin1 names, not codes); Lat,
//                              Long 4 decimals; FeatureID the GeoNames id (GDELT uses GNS ids),
//                              the ISO3 code for countries and regions. All empty without one.
//               DATEADDED      options.date_added, else the document's publication date as
//                              YYYYMMDD000000, else empty; never the wall clock, so output is
//                              reproducible.
//               SOURCEURL      Document::url, else the document id.
//
// TSV formats (petrarch, gdelt) replace tab, CR and LF inside a field with a space, so a row
// always has exactly its column count. Thread safety: all functions are pure; call them
// concurrently on different output strings.
#ifndef DYAD_IO_EVENT_WRITER_H_
#define DYAD_IO_EVENT_WRITER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "dyad/status.h"
#include "model/document.h"
#include "model/event.h"

namespace dyad::io {

enum class EventFormat { kJsonl, kCsv, kPetrarch, kGdelt };

// "jsonl", "csv", "petrarch" or "gdelt" (exactly, lower case); kInvalidArgument otherwise.
StatusOr<EventFormat> ParseEventFormat(std::string_view name);
std::string_view EventFormatName(EventFormat format);

struct EventWriterOptions {
  // GDELT DATEADDED, written as given (YYYYMMDDHHMMSS). Empty: see the file comment.
  std::string date_added;
};

// The CSV header row, CRLF-terminated.
std::string_view CsvHeader();

// Appends `s` as one RFC 4180 field: as is, or quoted (quotes doubled) when it holds a comma,
// quote, CR or LF. For other tables written as CSV (`dyad query --format csv`).
void AppendCsvField(std::string& out, std::string_view s);

// What to write once before the first document: CsvHeader() for kCsv, empty for the others.
std::string_view EventHeader(EventFormat format);

// Appends `events` (all from `doc`, in coding order) to `out`, one line each. `doc` supplies
// what events do not carry: url and source (petrarch, gdelt), paragraphs (gdelt IsRootEvent),
// publication date (gdelt DATEADDED); its text is not read. Events with codes outside the CAMEO
// table are written as they are: writers never drop or fix events.
void AppendEvents(EventFormat format, const model::Document& doc,
                  std::span<const model::Event> events, std::string& out,
                  const EventWriterOptions& options = {});

// Appends one event as the jsonl format writes it (one line, newline included). For callers that
// embed events in a larger JSON document (the server).
void AppendEventJsonLine(const model::Event& event, std::string& out);

// What a de-duplicated event (from the store) brings to its GDELT row instead of the one-document
// defaults: its GLOBALEVENTID and how many mentions, sources and articles report it.
struct GdeltEventCounts {
  uint64_t id = 0;
  int64_t num_mentions = 1;
  int64_t num_sources = 1;
  int64_t num_articles = 1;
};

// Appends one GDELT 2.0 event row (61 columns, as kGdelt) for `event`, whose first mention is in
// `doc`, with the given id and counts.
void AppendGdeltEvent(const model::Document& doc, const model::Event& event,
                      const GdeltEventCounts& counts, std::string& out,
                      const EventWriterOptions& options = {});

// One row of the GDELT 2.0 Mentions table (*.mentions.CSV: tab-separated, no header), 16 columns
// in codebook order, for the mention `event` (from `doc`) of the event with id `global_event_id`:
//   GlobalEventID      global_event_id (the events row's GLOBALEVENTID)
//   EventTimeDate      event_time_date as given (the event's DATEADDED, YYYYMMDDHHMMSS)
//   MentionTimeDate    the document's publication date as YYYYMMDD000000, else empty
//   MentionType        1 (WEB): dyad reads article text
//   MentionSourceName  Document::source, else the document id
//   MentionIdentifier  Document::url, else the document id
//   SentenceID         1-based sentence of the mention (event.sentence + 1)
//   Actor1CharOffset, Actor2CharOffset, ActionCharOffset  byte offsets of the source, target
//                      and verb in the document text (GDELT counts characters; dyad's offsets are
//                      bytes, equal for ASCII); -1 when there is no such actor, as in GDELT
//   InRawText          1: every dyad actor is found in the text itself
//   Confidence         100, or 50 when the event carries a modality flag (negated, hypothetical,
//                      future, quoted claim): dyad has no finer confidence yet
//   MentionDocLen      doc_length: bytes of the document text
//   MentionDocTone, MentionDocTranslationInfo, Extras   empty
void AppendGdeltMention(const model::Document& doc, const model::Event& event,
                        uint64_t global_event_id, std::string_view event_time_date,
                        size_t doc_length, std::string& out);

// GDELT GLOBALEVENTID for the `ordinal`-th event (0-based) of sentence `sentence` of document
// `doc_id`: FNV-1a 64 over the bytes of doc_id, a 0xFF separator (never in UTF-8), then sentence and
// ordinal as 4 little-endian bytes each; the hash is folded (h ^ h >> 53) to 53 bits, so ids stay
// exact when read as doubles (pandas, JavaScript); 0 becomes 1. Stable across runs, machines and
// batch splits; ids of different events collide with probability ~n^2 / 2^54.
uint64_t GdeltEventId(std::string_view doc_id, uint32_t sentence, uint32_t ordinal);

}  // namespace dyad::io

#endif  // DYAD_IO_EVENT_WRITER_H_
