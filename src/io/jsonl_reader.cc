// JSONL: one article per line, {"id", "date", "text", "title", "source", "url", ...}.
//
// Only "text" is required. "date" is "YYYY-MM-DD" or an ISO datetime ("2019-01-04T10:30:00Z");
// a datetime is also kept verbatim in Document::datetime. "id" may be a string or an integer;
// a missing or empty id becomes "NAME:LINE". Other keys are kept in Document::metadata as
// (key, compact JSON text), in the order of the line. null counts as absent for every optional
// key. Blank lines are skipped; each bad line is one error ("NAME:LINE: what") and reading goes on
// with the next line.
//
// Each line is checked for NUL bytes and invalid UTF-8 before parsing, so these get the same
// messages as in the other formats; the text itself may still hold "\u0000", which is rejected.
// Parsing uses nlohmann::json; its exceptions stay inside ParseLine. The article object itself is
// read by DocumentFromJson (article_json.h), which the server shares.
#include <nlohmann/json.hpp>

#include "io/article_json.h"
#include "io/record_reader.h"

namespace dyad::io {

namespace {

using Json = nlohmann::json;

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

}  // namespace

Status ParseJsonlRecord(std::string_view line, const ReadOptions& options, model::Document* doc) {
  DYAD_RETURN_IF_ERROR(CheckRecordBytes(line));
  Json obj;
  try {
    obj = Json::parse(line);
  } catch (const Json::exception& e) {
    return InvalidArgumentError("invalid JSON: " + ShortJsonError(e.what()));
  }
  *doc = model::Document();
  return DocumentFromJson(obj, options, doc);
}

namespace {

class JsonlReader : public RecordReader {
 public:
  explicit JsonlReader(ReaderInput input) : input_(std::move(input)) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    while (!done_) {
      BufferedReader::Result r = input_.in->ReadLine(&line_, input_.options.max_record_bytes);
      if (r == BufferedReader::Result::kEnd) break;
      if (r == BufferedReader::Result::kError) {
        done_ = true;
        *error = AtLine(input_.in->status(), input_.name, line_number_ + 1);
        return ReadEvent::kError;
      }
      ++line_number_;
      if (r == BufferedReader::Result::kTooLong) {
        *error = AtLine(RecordTooLargeError(input_.options), input_.name, line_number_);
        return ReadEvent::kError;
      }
      std::string_view line = line_;
      if (line_number_ == 1) line = StripBom(line);
      if (IsBlank(line)) continue;
      if (Status s = ParseLine(line, doc); !s.ok()) {
        *error = AtLine(s, input_.name, line_number_);
        return ReadEvent::kError;
      }
      return ReadEvent::kDocument;
    }
    done_ = true;
    return ReadEvent::kEnd;
  }

 private:
  Status ParseLine(std::string_view line, model::Document* doc) {
    DYAD_RETURN_IF_ERROR(ParseJsonlRecord(line, input_.options, doc));
    if (doc->id.empty()) doc->id = input_.name + ":" + std::to_string(line_number_);
    doc->origin = input_.name + ":" + std::to_string(line_number_);
    return Status::Ok();
  }

  ReaderInput input_;
  std::string line_;
  size_t line_number_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewJsonlReader(ReaderInput input) {
  return std::make_unique<JsonlReader>(std::move(input));
}

}  // namespace dyad::io
