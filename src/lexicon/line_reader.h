// Shared machinery of the dictionary loaders: line splitting with encoding repair, the diagnostic
// sink, and the small lexical pieces every format uses (comments, [codes], words joined by '_').
// Internal to src/lexicon.
#ifndef DYAD_LEXICON_LINE_READER_H_
#define DYAD_LEXICON_LINE_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lexicon/dictionary.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon::internal {

// Collects diagnostics for one file; in strict mode remembers the first as a fatal Status.
class Reporter {
 public:
  Reporter(std::string_view file, const LoadOptions& options, std::vector<Diagnostic>* out)
      : file_(file), strict_(options.strict), out_(out) {}
  void Warn(uint32_t line, std::string message);
  // OK, or (strict mode) the first diagnostic as kInvalidArgument.
  Status status() const { return first_; }
  int count() const { return count_; }

 private:
  std::string file_;
  bool strict_;
  std::vector<Diagnostic>* out_;
  Status first_;
  int count_ = 0;
};

// Splits text into lines. Drops a leading BOM and CR before LF; transcodes lines that are not valid
// UTF-8 from Latin-1 (warning); skips over-long lines (warning). The returned view is valid until
// the next call.
class LineReader {
 public:
  LineReader(std::string_view text, const LoadOptions& options, Reporter* reporter);
  bool Next(std::string_view* line);
  uint32_t line_number() const { return line_number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_number_ = 0;
  size_t max_line_;
  Reporter* reporter_;
  std::string scratch_;
};

std::string_view Trim(std::string_view s);
std::string Upper(std::string_view s);  // ASCII letters only
std::vector<std::string_view> SplitWhitespace(std::string_view s);
// Cuts at the first character of `markers` ("#", ";" or "#;") that is not inside [...].
std::string_view StripComment(std::string_view s, std::string_view markers);

// Parses the contents of [...] ("042:043", ":173", "---", "025?"). nullopt when empty or when it
// holds blanks or brackets.
std::optional<EventCode> ParseCode(std::string_view inside);

// Splits "WORD_WORD WORD_" into words: '_' between words sets `joined`, a trailing '_' sets `exact`,
// "&NAME" gives kSynset, "$ + ^ % *" the slot kinds (when `slots`). Words are upper-cased.
WordSeq ParseWords(std::string_view s, bool slots);

// Parses a date "YYMMDD" (00-30 -> 20YY, else 19YY) or "YYYYMMDD"; nullopt otherwise.
std::optional<model::Date> ParseDictionaryDate(std::string_view s);

}  // namespace dyad::lexicon::internal

#endif  // DYAD_LEXICON_LINE_READER_H_
