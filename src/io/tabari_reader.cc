// TABARI text records (TABARI manual 4.3), as in TABARI's Validate.text:
//
//   # comment lines between records
//   950101  DEMO-01 [more fields]
//   Arnor is about to restore full diplomatic ties with Gondor almost
//   five years after crowds trashed its embassy.
//   /*\n------------------------------------------
//   \n{ ARN / GON / 064 } */
//   <blank line>
//
// The header is a YYMMDD date (or YYYYMMDD: TABARI's "SET: YYYY = TRUE" mode, whose records
// Validate.text mixes in), blanks, the record id and optionally more fields (kept in metadata as
// "tabari_fields", e.g. FBIS story ids). Two-digit years pivot as TABARI's own data does:
// 00-39 -> 2000-2039, 40-99 -> 1940-1999 (Validate.text has 000101 and 061118 for 2000 and
// 2006, 920102 and 950101 for the 1990s). Any other digit count is a bad header. The text is the following lines up to a
// blank line, joined with '\n', each with trailing blanks (and '\r') removed; /* ... */ comment
// blocks, which hold the expected codings and may span lines, are cut out. A record whose
// header has a malformed date ("9501201  ACTORSYN-01") is reported and its lines skipped.
// Non-blank lines between records that are neither '#' comments nor headers are reported once
// per run of such lines, so no text is dropped silently.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/format_sniffer.h"
#include "io/record_reader.h"

namespace dyad::io {

namespace {

bool IsBlankChar(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsBlankChar(s.back())) s.remove_suffix(1);
  return s;
}
std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsBlankChar(s.front())) s.remove_prefix(1);
  return s;
}

class TabariReader : public RecordReader {
 public:
  explicit TabariReader(ReaderInput input) : input_(std::move(input)) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    if (done_) return ReadEvent::kEnd;
    // Find the next header.
    size_t header_line = 0;
    std::string header;
    for (;;) {
      BufferedReader::Result r = ReadLine();
      if (r == BufferedReader::Result::kEnd) {
        done_ = true;
        return ReadEvent::kEnd;
      }
      if (r == BufferedReader::Result::kError) return ReadError(error);
      if (r == BufferedReader::Result::kTooLong) {
        *error = AtLine(RecordTooLargeError(input_.options), input_.name, line_number_);
        SkipRecord();
        return ReadEvent::kError;
      }
      std::string_view line = TrimRight(line_);
      if (line_number_ == 1) line = StripBom(line);
      if (line.empty()) {
        in_stray_ = false;
        continue;
      }
      if (line.front() == '#') continue;
      if (line.front() >= '0' && line.front() <= '9') {
        header = std::string(line);
        header_line = line_number_;
        in_stray_ = false;
        break;
      }
      if (!in_stray_) {
        in_stray_ = true;
        *error = AtLine(InvalidArgumentError(fmt::format(
                            "text outside a record (expected a 'YYMMDD ID' line): '{}'",
                            line.substr(0, 40))),
                        input_.name, line_number_);
        return ReadEvent::kError;
      }
    }
    ++record_number_;

    // Parse the header before the body so that a bad date still consumes the record.
    Status header_status = ParseHeader(header, doc);
    std::string text;
    bool in_comment = false;
    bool too_large = false;
    size_t body_bytes = 0;
    for (;;) {
      BufferedReader::Result r = ReadLine();
      if (r == BufferedReader::Result::kEnd) {
        done_ = true;
        break;
      }
      if (r == BufferedReader::Result::kError) return ReadError(error);
      if (r == BufferedReader::Result::kTooLong) {
        too_large = true;
        continue;
      }
      std::string_view line = TrimRight(line_);
      if (line.empty()) break;
      body_bytes += line.size() + 1;
      if (body_bytes > input_.options.max_record_bytes) too_large = true;
      if (too_large) continue;
      std::string kept = StripComments(line, &in_comment);
      std::string_view k = TrimRight(kept);
      if (k.empty()) continue;
      if (!text.empty()) text.push_back('\n');
      text.append(k);
    }
    if (too_large) {
      *error = AtLine(RecordTooLargeError(input_.options), input_.name, header_line);
      return ReadEvent::kError;
    }
    if (!header_status.ok()) {
      *error = AtLine(header_status, input_.name, header_line);
      return ReadEvent::kError;
    }
    if (Status s = CheckRecordBytes(text); !s.ok()) {
      *error = AtLine(s, input_.name, header_line);
      return ReadEvent::kError;
    }
    if (doc->id.empty()) doc->id = fmt::format("{}:{}", input_.name, record_number_);
    doc->origin = fmt::format("{}:{}", input_.name, header_line);
    doc->text = std::move(text);
    return ReadEvent::kDocument;
  }

 private:
  BufferedReader::Result ReadLine() {
    BufferedReader::Result r = input_.in->ReadLine(&line_, input_.options.max_record_bytes);
    if (r == BufferedReader::Result::kOk || r == BufferedReader::Result::kTooLong) ++line_number_;
    return r;
  }

  ReadEvent ReadError(Status* error) {
    done_ = true;
    *error = AtLine(input_.in->status(), input_.name, line_number_ + 1);
    return ReadEvent::kError;
  }

  // Skips to the blank line that ends the current record.
  void SkipRecord() {
    for (;;) {
      BufferedReader::Result r = ReadLine();
      if (r != BufferedReader::Result::kOk && r != BufferedReader::Result::kTooLong) return;
      if (r == BufferedReader::Result::kOk && TrimRight(line_).empty()) return;
    }
  }

  Status ParseHeader(std::string_view header, model::Document* doc) {
    *doc = model::Document();
    size_t digits = 0;
    while (digits < header.size() && header[digits] >= '0' && header[digits] <= '9') ++digits;
    std::string_view date = header.substr(0, digits);
    std::string_view rest = TrimLeft(header.substr(digits));
    if (!IsTabariHeader(header)) {
      return InvalidArgumentError(fmt::format("bad TABARI record header '{}' (expected 'YYMMDD ID')",
                                              header.substr(0, 60)));
    }
    doc->date = date.size() == 8 ? ParseCompactDate(date) : ParseTwoDigitYearDate(date);
    if (!doc->date) {
      return InvalidArgumentError(fmt::format("bad date '{}' (expected YYMMDD or YYYYMMDD)", date));
    }
    size_t id_end = 0;
    while (id_end < rest.size() && !IsBlankChar(rest[id_end])) ++id_end;
    doc->id = std::string(rest.substr(0, id_end));
    std::string_view fields = TrimLeft(rest.substr(id_end));
    if (!fields.empty()) {
      if (Status s = CheckRecordBytes(fields); !s.ok()) return s;
      doc->metadata.emplace_back("tabari_fields", nlohmann::json(std::string(fields)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return CheckRecordBytes(doc->id);
  }

  // Removes /* ... */ blocks from `line`, which may open or close on other lines.
  static std::string StripComments(std::string_view line, bool* in_comment) {
    std::string out;
    size_t pos = 0;
    while (pos < line.size()) {
      if (*in_comment) {
        size_t close = line.find("*/", pos);
        if (close == std::string_view::npos) return out;
        *in_comment = false;
        pos = close + 2;
      } else {
        size_t open = line.find("/*", pos);
        if (open == std::string_view::npos) {
          out.append(line.substr(pos));
          return out;
        }
        out.append(line.substr(pos, open - pos));
        *in_comment = true;
        pos = open + 2;
      }
    }
    return out;
  }

  ReaderInput input_;
  std::string line_;
  size_t line_number_ = 0;
  size_t record_number_ = 0;
  bool in_stray_ = false;  // inside a run of text outside records (reported at its first line)
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewTabariReader(ReaderInput input) {
  return std::make_unique<TabariReader>(std::move(input));
}

}  // namespace dyad::io
