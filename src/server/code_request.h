// What POST /v1/code accepts and answers, without HTTP: the request body (plain text, one article
// object, or {"documents": [...]}) becomes Documents, and the coded documents become the response
// JSON. The server (server.cc) only moves bytes and maps Status codes to HTTP statuses.
//
// Request bodies:
//   text/plain (or any non-JSON content type)  the article text; id "request", date from the
//       `date` query parameter when given.
//   application/json  {"text", "date"?, "doc_id"|"id"?, "title"?, "source"?, "url"?} (the JSONL
//       reader's article object, io/article_json.h) or {"documents": [article, ...]}.
// Response: {"documents": N, "events": [event, ...], "sentences": [sentence, ...]} where each
// event is exactly the record `dyad code --format jsonl` writes (io/event_writer.h) and each
// sentence the object `dyad explain --json` writes (io/explain_writer.h), with an added
// "events" key listing the indexes into "events" of the events coded from it.
#ifndef DYAD_SERVER_CODE_REQUEST_H_
#define DYAD_SERVER_CODE_REQUEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "coding/coder.h"
#include "dyad/status.h"
#include "model/document.h"
#include "model/event.h"

namespace dyad::server {

// At most this many documents in one {"documents": [...]} request.
inline constexpr size_t kMaxDocumentsPerRequest = 1000;

// Parses a /v1/code or /v1/ingest body. `json` says the body is JSON (content type
// application/json); `default_date` ("" or YYYY-MM-DD) applies to documents without a date.
// kInvalidArgument with a message naming the field at fault ("documents[2]: \"text\" must be a
// string, not number"); kDataLoss for bytes that are not UTF-8 text.
StatusOr<std::vector<model::Document>> ParseDocuments(std::string_view body, bool json,
                                                      std::string_view default_date);

// One coded document: the document (analyzed), its events and one trace per sentence.
struct CodedDocument {
  model::Document doc;
  std::vector<model::Event> events;
  std::vector<coding::SentenceTrace> traces;
};

// The /v1/code response body for `docs`, in order.
std::string CodeResponseJson(const std::vector<CodedDocument>& docs, const coding::Coder& coder);

}  // namespace dyad::server

#endif  // DYAD_SERVER_CODE_REQUEST_H_
