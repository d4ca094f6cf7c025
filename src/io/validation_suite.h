// Validation suites of dyad's peers, read into records with their expected events, so that
// `dyad validate` can code each record's text through dyad's own pipeline and compare.
//
// Three suites are known:
//   kTabari             TABARI's Validate.text (records "YYMMDD ID", text, and a /* ... */ comment
//                       holding the expectations), with the dictionaries its .project names;
//   kPetrarch           PETRARCH's unit-test records (PETR.UnitTest.records.xml), PETRARCH-1
//                       (linear) dictionaries in the same folder;
//   kUniversalPetrarch  UniversalPetrarch's PETR_Validate_records_2_02.xml, PETRARCH2-syntax
//                       dictionaries matched on UD lemmas ("up:" dictionary set).
// Both XML suites have <Sentence id date category ...> records with <EventCoding .../> children
// and <Text>; their <Parse> is ignored (dyad parses the text itself). The XML is read with
// io's PETRARCH XML reader (petrarch_xml_reader.cc), which tolerates the real files' quirks.
//
// What the markers mean (and so what "exactly right" means for a record):
//   { SRC / TGT / CODE }  an event expected. The record passes when the set of (source, target,
//                         code) dyad codes from its text equals the set of expected events. A
//                         trailing date after '}' is TABARI's event date and is not compared.
//   { ~X / ... }          TABARI's converted agent (SET: CONVERT AGENT): an agent with no actor
//                         codes as the agent code. '~' is dropped; the records coded while the
//                         option is set say so (convert_agents).
//   {---}                 no event expected.
//   {###}                 TABARI discards the sentence (a discard phrase or a [###] code): no event.
//   {+++}                 TABARI found the sentence too complex (or lacking an actor before the
//                         verb under NOACTPRIOR) and coded nothing: no event expected.
//   -{ ... }              "do not check": the event is allowed but not required. A record whose
//                         expectations are all of this kind is skipped.
//   { OPTION: ... }       an option change that holds for the records that follow (see below).
//   noevents="True"       (XML) no event expected.
//   error="..."           (XML) PETRARCH reports an error (dateline, bad parse, discard) and codes
//                         nothing: no event expected.
// Records that are skipped, counted as skipped and never as passed or failed:
//   evaluate="false" (UniversalPetrarch: bypassed), sentence="false" (PETRARCH: "currently not
//   implemented"), a category absent from the file's <Environment><Include> (UniversalPetrarch:
//   not implemented), records without expectations, TABARI option-only records, TABARI records
//   from FINAL-01 on (debugging records, expected to fail), and TABARI records coded while an
//   option dyad does not implement is in effect: DEFAULT: actors, SET: CODE BY SENTENCE / CODE
//   ALL, and COMMA: with non-default limits. SET: MINIMUM WORDS, SET: CONVERT AGENT and COMMA: OFF
//   are honoured (min_words, convert_agents, comma_clauses).
//   Options that change only the output (TIME SHIFT, YYYY, OUTPUT, FORWARD, COMPLEX's EXPLAIN)
//   do not matter to the comparison.
#ifndef DYAD_IO_VALIDATION_SUITE_H_
#define DYAD_IO_VALIDATION_SUITE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"

namespace dyad::io {

enum class SuiteKind { kTabari, kPetrarch, kUniversalPetrarch };

// "tabari", "petrarch", "up" (also "universalpetrarch"); kInvalidArgument otherwise.
StatusOr<SuiteKind> ParseSuiteKind(std::string_view name);
std::string_view SuiteKindName(SuiteKind kind);

struct ExpectedEvent {
  std::string source, target, code;  // as written, upper-cased, '~' and quotes removed
  friend bool operator==(const ExpectedEvent&, const ExpectedEvent&) = default;
  friend auto operator<=>(const ExpectedEvent&, const ExpectedEvent&) = default;
};

struct SuiteRecord {
  std::string id;
  std::string category;             // XML category attribute; TABARI: the id up to its first '-'
  std::optional<model::Date> date;
  std::string text;
  std::vector<ExpectedEvent> expected;  // the exact set expected (empty: no event expected)
  std::vector<ExpectedEvent> allowed;   // TABARI -{...}: may be coded, not required
  std::string marker;                   // "---", "###", "+++", "noevents", "error=dateline", or ""
  std::string skip;                     // non-empty: not evaluated, and why
  int min_words = 0;                    // TABARI SET: MINIMUM WORDS in effect: shorter texts are not coded
  bool convert_agents = false;          // TABARI SET: CONVERT AGENT in effect (CoderOptions::convert_agents)
  bool comma_clauses = true;            // false: TABARI COMMA: OFF in effect (CoderOptions::comma_clauses)
  size_t line = 0;                      // where the record starts in its file
};

struct ValidationSuite {
  SuiteKind kind = SuiteKind::kTabari;
  std::string records_file;
  std::string dictionaries;               // a dictionary set spec for lexicon::LoadDictionarySet
  std::vector<std::string> environment;   // dictionary files the suite names (checked to exist)
  std::vector<std::string> include;       // XML <Include> categories (empty: all)
  std::vector<SuiteRecord> records;       // in file order
  std::vector<std::string> warnings;      // "file:line: what" for input the reader could not use
};

// Reads the suite in `path`: its folder, or (XML suites) the records file itself. kNotFound when
// the records file or a dictionary file it names is missing; kInvalidArgument when it is unusable.
StatusOr<ValidationSuite> ReadValidationSuite(SuiteKind kind, const std::string& path);

// The TABARI records of `text` (a Validate.text), `name` naming it in warnings. Exposed for tests.
std::vector<SuiteRecord> ParseTabariValidation(std::string_view text, std::string_view name,
                                               std::vector<std::string>* warnings);

// The records of a PETRARCH / UniversalPetrarch validation XML file, with its <Environment>.
// Exposed for tests.
Status ReadPetrarchValidation(const std::string& xml_path, ValidationSuite* suite);

// Number of words TABARI counts for SET: MINIMUM WORDS: blank-separated runs holding a letter or digit.
int CountWords(std::string_view text);

}  // namespace dyad::io

#endif  // DYAD_IO_VALIDATION_SUITE_H_
