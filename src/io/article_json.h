// One article as a JSON object, {"id", "date", "text", "title", "source", "url", ...}: the record
// of the JSONL reader (jsonl_reader.cc documents the keys) and of the server's request bodies.
// nlohmann::json is the parser; callers catch its parse exceptions, these functions throw none.
#ifndef DYAD_IO_ARTICLE_JSON_H_
#define DYAD_IO_ARTICLE_JSON_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "dyad/status.h"
#include "io/document_stream.h"
#include "model/document.h"

namespace dyad::io {

// Fills `doc` from `obj` (its "text" string is moved out). kInvalidArgument naming the key at
// fault ("\"date\" must be a string, not number", "bad date '2017-13-01' ..."); kDataLoss for a
// NUL character in the text. `options.default_date` applies when "date" is absent. Leaves
// doc->id empty when the object has none.
Status DocumentFromJson(nlohmann::json& obj, const ReadOptions& options, model::Document* doc);

// nlohmann's exception message without its "[json.exception.parse_error.101] " prefix (and
// "parse error at line 1, ", the caller names the line).
std::string ShortJsonError(std::string_view what);

}  // namespace dyad::io

#endif  // DYAD_IO_ARTICLE_JSON_H_
