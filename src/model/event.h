// A coded event: the coder's output and the record every writer, the store and the UI read.
// Spans are byte offsets into the Document's text; `sentence` indexes Document::sentences.
#ifndef DYAD_MODEL_EVENT_H_
#define DYAD_MODEL_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "model/document.h"

namespace dyad::model {

struct EventActor {
  std::string text;     // surface text as matched ("Iranian Defence Minister Hossein Dehghan")
  std::string code;     // CAMEO-style actor code ("IRNMIL", "IGOUNO"); empty when unknown
  std::string country;  // ISO 3166-1 alpha-3, empty when none (non-state actors)
  std::string sector;   // 3-letter sector ("GOV", "MIL", "REB", ...), empty when none
  uint32_t start = 0;   // byte span in Document::text
  uint32_t end = 0;

  bool empty() const { return code.empty() && text.empty(); }
};

struct EventVerb {
  std::string text;
  std::string lemma;
  uint32_t start = 0;
  uint32_t end = 0;
};

// How exactly `Event::date` is known: the day, only the month, or only the year.
enum class DatePrecision : uint8_t { kDay = 0, kMonth = 1, kYear = 2 };

// Where the event happened; filled by the context stage (src/context) from the place phrase
// governing the verb, else the dateline. `precision` says which ("city", "admin1", "country").
struct EventLocation {
  std::string name;       // "Tehran"
  std::string country;    // ISO 3166-1 alpha-3
  std::string admin1;     // first-level region name, empty when unknown
  double lat = 0.0;
  double lon = 0.0;
  int64_t geonameid = 0;  // 0 when the place is not a GeoNames entry (a country, say)
  std::string precision;  // "city", "admin1", "country"

  bool empty() const { return name.empty() && country.empty(); }
};

// Who reports the event: "..., IRNA reported", "according to officials".
struct EventAttribution {
  std::string text;  // the reporting phrase's actor text ("IRNA", "officials")
  std::string code;  // its actor code, empty when none matched
  uint32_t start = 0;  // byte span of `text` in Document::text
  uint32_t end = 0;

  bool empty() const { return text.empty(); }
};

// Flags that let users filter events that may not have happened as stated.
enum Modality : uint8_t {
  kModalityNone = 0,
  kModalityNegated = 1,       // "did not sign" (kept only when negated events are asked for)
  kModalityHypothetical = 2,  // "could", "would", "if ..."
  kModalityFuture = 4,        // "will sign", "plans to"
  kModalityQuoted = 8,        // a claim inside reported speech: "X said Y attacked Z"
};

struct Event {
  std::string doc_id;
  uint32_t sentence = 0;           // index into Document::sentences
  std::optional<Date> date;        // the event's date (publication date until context resolves it)
  std::optional<Date> pub_date;    // the document's publication date
  DatePrecision date_precision = DatePrecision::kDay;
  EventActor source;
  EventActor target;
  std::string cameo;               // "057": 2-4 digits, leading zeros kept
  std::string root;                // "05"
  std::string plover;              // "SUPPORT"; empty where PLOVER has no type (CAMEO 01, 02)
  double goldstein = 0.0;
  int quad_class = 0;              // 0-4 as in Phoenix
  EventVerb verb;
  std::string pattern;             // "file:line" of the dictionary rule that fired
  std::string sentence_text;       // the sentence, for readers of the record
  EventLocation location;          // empty until the context stage places the event
  EventAttribution attribution;    // empty when the sentence names no reporter
  uint8_t modality = kModalityNone;  // bit set of Modality flags
};

}  // namespace dyad::model

#endif  // DYAD_MODEL_EVENT_H_
