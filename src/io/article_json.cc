// See article_json.h.
#include "io/article_json.h"

namespace dyad::io {

namespace {

using Json = nlohmann::json;

Status OptionalString(const Json& obj, const char* key, std::string* out) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) {
    return InvalidArgumentError(std::string("\"") + key + "\" must be a string, not " + it->type_name());
  }
  *out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace

std::string ShortJsonError(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  if (what.starts_with("parse error at line 1, ")) what.remove_prefix(23);
  return std::string(what);
}

Status DocumentFromJson(nlohmann::json& obj, const ReadOptions& options, model::Document* doc) {
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

}  // namespace dyad::io
