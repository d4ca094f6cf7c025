// See code_request.h.
#include "server/code_request.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/article_json.h"
#include "io/event_writer.h"
#include "io/explain_writer.h"
#include "io/record_reader.h"

namespace dyad::server {

namespace {

using Json = nlohmann::json;

// One article object. The API names the id "doc_id" like the event record; "id" (the JSONL
// reader's key) is accepted too.
Status ParseArticle(Json& obj, const io::ReadOptions& options, std::string fallback_id,
                    model::Document* doc) {
  if (obj.is_object()) {
    if (auto it = obj.find("doc_id"); it != obj.end()) {
      if (obj.contains("id")) return InvalidArgumentError("give \"doc_id\" or \"id\", not both");
      obj["id"] = std::move(*it);
      obj.erase("doc_id");
    }
  }
  DYAD_RETURN_IF_ERROR(io::DocumentFromJson(obj, options, doc));
  if (doc->id.empty()) doc->id = std::move(fallback_id);
  doc->origin = doc->id;
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<model::Document>> ParseDocuments(std::string_view body, bool json,
                                                      std::string_view default_date) {
  io::ReadOptions options;
  if (!default_date.empty()) {
    options.default_date = model::ParseIsoDate(default_date);
    if (!options.default_date) {
      return InvalidArgumentError(fmt::format("bad date '{}' (expected YYYY-MM-DD)", default_date));
    }
  }
  std::vector<model::Document> docs;
  if (!json) {
    body = io::StripBom(body);
    DYAD_RETURN_IF_ERROR(io::CheckRecordBytes(body).WithContext("body"));
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return InvalidArgumentError("empty body: send the article text");
    }
    model::Document& doc = docs.emplace_back();
    doc.id = "request";
    doc.origin = doc.id;
    doc.text = std::string(body);
    doc.date = options.default_date;
    return docs;
  }

  Json root;
  try {
    root = Json::parse(body);
  } catch (const Json::exception& e) {
    return InvalidArgumentError("invalid JSON: " + io::ShortJsonError(e.what()));
  }
  if (!root.is_object()) {
    return InvalidArgumentError(std::string("expected a JSON object, not ") + root.type_name());
  }
  auto list = root.find("documents");
  if (list == root.end()) {
    DYAD_RETURN_IF_ERROR(ParseArticle(root, options, "request", &docs.emplace_back()));
    return docs;
  }
  if (root.size() != 1) return InvalidArgumentError("\"documents\" must be the only key of the object");
  if (!list->is_array()) {
    return InvalidArgumentError(std::string("\"documents\" must be an array, not ") + list->type_name());
  }
  if (list->empty()) return InvalidArgumentError("\"documents\" is empty");
  if (list->size() > kMaxDocumentsPerRequest) {
    return Status(StatusCode::kResourceExhausted,
                  fmt::format("{} documents in one request; at most {}", list->size(), kMaxDocumentsPerRequest));
  }
  docs.resize(list->size());
  for (size_t i = 0; i < list->size(); ++i) {
    DYAD_RETURN_IF_ERROR(ParseArticle((*list)[i], options, fmt::format("request:{}", i), &docs[i])
                             .WithContext(fmt::format("documents[{}]", i)));
  }
  return docs;
}

std::string CodeResponseJson(const std::vector<CodedDocument>& docs, const coding::Coder& coder) {
  std::string out;
  out += fmt::format("{{\"documents\":{},\"events\":[", docs.size());
  std::string line;
  bool first = true;
  for (const CodedDocument& d : docs) {
    for (const model::Event& e : d.events) {
      line.clear();
      io::AppendEventJsonLine(e, line);
      line.pop_back();  // the newline
      if (!first) out += ',';
      first = false;
      out += line;
    }
  }
  out += "],\"sentences\":[";
  first = true;
  size_t event_base = 0;
  for (const CodedDocument& d : docs) {
    for (size_t i = 0; i < d.doc.sentences.size(); ++i) {
      if (!first) out += ',';
      first = false;
      io::AppendSentenceJson(d.doc, coder, i, i < d.traces.size() ? &d.traces[i] : nullptr, out);
      out.pop_back();  // reopen the object to add the indexes of its events
      out += ",\"events\":[";
      bool first_event = true;
      for (size_t k = 0; k < d.events.size(); ++k) {
        if (d.events[k].sentence != i) continue;
        out += fmt::format("{}{}", first_event ? "" : ",", event_base + k);
        first_event = false;
      }
      out += "]}";
    }
    event_base += d.events.size();
  }
  out += "]}\n";
  return out;
}

}  // namespace dyad::server
