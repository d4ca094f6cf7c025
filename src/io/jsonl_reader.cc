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
// Parsing uses nlohmann::json; its exceptions stay inside ParseLine.
#include <nlohmann/json.hpp>

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

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ...";
// the file and line are already in our prefix.
std::string ShortJsonError(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  if (what.starts_with("parse error at line 1, ")) what.remove_prefix(23);
  return std::string(what);
}

Status OptionalString(const Json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return InvalidArgumentError(std::string("\"") + key + "\" must be a string, not " + it->type_name());
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

Status FillDocument(Json& obj, const ReadOptions& options, model::Document* doc) {
  if (!obj.is_object()) {
    return InvalidArgumentError(std::string("expected a JSON object, not ") + obj.type_name());
  }
  auto text = obj.find("text");
  if (text == obj.end() || text->is_null()) return InvalidArgumentError("missing \"text\"");
  if (!text->is_string()) {
    return InvalidArgumentError(std::string("\"text\" must be a string, not ") + text->type_name());
  }
  doc->text = std::move(text->get_ref<std::string&>());  // the line's largest value: no copy
  if (size_t nul = doc->text.find('\0'); nul != std::string::npos) {
    return DataLossError("\"text\" holds a NUL character at byte " + std::to_string(nul));
  }

  if (auto id = obj.find("id"); id != obj.end() && !id->is_null()) {
    if (id->is_string()) {
      doc->id = id->get<std::string>();
    } else if (id->is_number_integer()) {
      doc->id = id->dump();
    } else {
      return InvalidArgumentError(std::string("\"id\" must be a string or an integer, not ") +
                                  id->type_name());
    }
  }
  std::string date;
  DYAD_RETURN_IF_ERROR(OptionalString(obj, "date", &date));
  if (!date.empty()) {
    doc->date = model::ParseIsoDate(date);
    if (!doc->date) return InvalidArgumentError("bad date '" + date + "' (expected YYYY-MM-DD)");
    if (date.size() > 10) doc->datetime = date;
  } else {
    doc->date = options.default_date;
  }
  DYAD_RETURN_IF_ERROR(OptionalString(obj, "title", &doc->title));
  DYAD_RETURN_IF_ERROR(OptionalString(obj, "source", &doc->source));
  DYAD_RETURN_IF_ERROR(OptionalString(obj, "url", &doc->url));
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& key = it.key();
    if (key == "id" || key == "date" || key == "text" || key == "title" || key == "source" ||
        key == "url") {
      continue;
    }
    doc->metadata.emplace_back(key, it.value().dump());
  }
  return Status::Ok();
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
  return FillDocument(obj, options, doc);
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
