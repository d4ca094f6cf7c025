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

struct Event {
  std::string doc_id;
  uint32_t sentence = 0;           // index into Document::sentences
  std::optional<Date> date;        // the event's date (publication date until context resolves it)
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
};

}  // namespace dyad::model

#endif  // DYAD_MODEL_EVENT_H_
