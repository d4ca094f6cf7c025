// See openapi.h. The schema of an event is the JSONL record of io/event_writer.h.
#include "server/openapi.h"

namespace dyad::server {

namespace {

constexpr std::string_view kDocument = R"JSON({
  "openapi": "3.0.3",
  "info": {
    "title": "dyad",
    "version": "@VERSION@",
    "description": "Political event coding from news text: who did what to whom, when and where. Errors are JSON objects {\"error\": \"what is wrong\"} with a 4xx status for the client's mistakes (400 malformed input, 401 missing or wrong token, 404 unknown path, 413 body or batch too large) and 503 when a request exceeds the server's time limit or the server has no event store."
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "Required by write endpoints when the server runs with --token."}},
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
      "Article": {
        "type": "object", "required": ["text"],
        "properties": {
          "text": {"type": "string", "description": "The article text (UTF-8)."},
          "doc_id": {"type": "string", "description": "Document id (\"id\" is accepted too). Default: request, request:N in a batch."},
          "date": {"type": "string", "description": "Publication date, YYYY-MM-DD or an ISO datetime."},
          "title": {"type": "string"}, "source": {"type": "string"}, "url": {"type": "string"}
        },
        "additionalProperties": true
      },
      "Batch": {
        "type": "object", "required": ["documents"],
        "properties": {"documents": {"type": "array", "minItems": 1, "maxItems": 1000, "items": {"$ref": "#/components/schemas/Article"}}}
      },
      "Actor": {
        "type": "object", "nullable": true,
        "properties": {
          "text": {"type": "string"}, "code": {"type": "string"},
          "country": {"type": "string", "nullable": true, "description": "ISO 3166-1 alpha-3"},
          "sector": {"type": "string", "nullable": true},
          "start": {"type": "integer", "description": "byte offset in the document text"}, "end": {"type": "integer"}
        }
      },
      "Event": {
        "type": "object",
        "description": "The record `dyad code --format jsonl` writes.",
        "properties": {
          "doc_id": {"type": "string"}, "sentence": {"type": "integer"},
          "date": {"type": "string", "nullable": true, "format": "date"},
          "source": {"$ref": "#/components/schemas/Actor"}, "target": {"$ref": "#/components/schemas/Actor"},
          "cameo": {"type": "string", "example": "057"}, "root": {"type": "string", "nullable": true, "example": "05"},
          "plover": {"type": "string", "nullable": true, "example": "SUPPORT"},
          "goldstein": {"type": "number", "nullable": true}, "quad_class": {"type": "integer", "minimum": 0, "maximum": 4},
          "verb": {"type": "object", "properties": {"text": {"type": "string"}, "lemma": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}}},
          "pattern": {"type": "string", "description": "file:line of the dictionary rule that fired"},
          "text": {"type": "string", "description": "the sentence"},
          "location": {"type": "object", "description": "where the event happened, when the context stage placed it", "properties": {"name": {"type": "string"}, "country": {"type": "string"}, "lat": {"type": "number"}, "lon": {"type": "number"}}}
        }
      },
      "StoredEvent": {
        "allOf": [
          {"$ref": "#/components/schemas/Event"},
          {"type": "object", "properties": {"id": {"type": "integer"}, "num_mentions": {"type": "integer"}, "num_sources": {"type": "integer"}, "num_articles": {"type": "integer"}}}
        ]
      },
      "Sentence": {
        "type": "object",
        "description": "The object `dyad explain --json` writes, plus the indexes of its events.",
        "properties": {
          "doc_id": {"type": "string"}, "sentence": {"type": "integer"}, "dateline": {"type": "boolean"}, "link_line": {"type": "boolean"},
          "text": {"type": "string"},
          "tokens": {"type": "array", "items": {"type": "object", "properties": {
            "form": {"type": "string"}, "lemma": {"type": "string"}, "upos": {"type": "string"}, "xpos": {"type": "string"},
            "head": {"type": "integer", "description": "1-based index of the head token, 0 = root"}, "deprel": {"type": "string"},
            "start": {"type": "integer"}, "end": {"type": "integer"}}}},
          "discarded": {"type": "string", "nullable": true},
          "mentions": {"type": "array", "items": {"type": "object", "properties": {
            "begin": {"type": "integer"}, "end": {"type": "integer", "description": "token range [begin, end), 0-based"},
            "kind": {"type": "string", "enum": ["actor", "agent"]}, "code": {"type": "string"}, "where": {"type": "string"}}}},
          "verbs": {"type": "array", "items": {"type": "object", "properties": {
            "token": {"type": "integer", "description": "0-based"}, "lemma": {"type": "string"}, "block": {"type": "string"},
            "patterns": {"type": "array", "items": {"type": "object", "properties": {
              "pattern": {"type": "string"}, "where": {"type": "string"}, "matched": {"type": "boolean"}, "score": {"type": "integer"}, "why": {"type": "string"}}}},
            "outcome": {"type": "string"}}}},
          "events": {"type": "array", "items": {"type": "integer"}, "description": "indexes into the response's events"}
        }
      }
    },
    "parameters": {
      "from": {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "first event date, inclusive"},
      "to": {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "last event date, inclusive"},
      "actor": {"name": "actor", "in": "query", "schema": {"type": "string"}, "description": "actor code prefix of the source or target (USA finds USAGOV)"},
      "country": {"name": "country", "in": "query", "schema": {"type": "string"}, "description": "ISO3 country of the source or target"},
      "root": {"name": "root", "in": "query", "schema": {"type": "string"}, "description": "CAMEO root, 01-20"},
      "cameo": {"name": "cameo", "in": "query", "schema": {"type": "string"}, "description": "CAMEO code, exact"},
      "plover": {"name": "plover", "in": "query", "schema": {"type": "string"}, "description": "PLOVER event type"},
      "quad_class": {"name": "quad_class", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 4}},
      "place": {"name": "place", "in": "query", "schema": {"type": "string"}, "description": "location name or ISO3 country of the event"},
      "q": {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "full-text query over the event sentences (SQLite FTS5 syntax)"}
    }
  },
  "paths": {
    "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}, "version": {"type": "string"}, "store": {"type": "boolean"}}}}}}}}},
    "/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3 document"}}}},
    "/v1/code": {"post": {
      "summary": "Code text into events",
      "description": "Send plain text (any content type but application/json; ?date=YYYY-MM-DD sets its date), one article object, or a batch. Nothing is stored.",
      "parameters": [{"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "publication date for documents that give none"}],
      "requestBody": {"required": true, "content": {
        "text/plain": {"schema": {"type": "string"}},
        "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Article"}, {"$ref": "#/components/schemas/Batch"}]}}}},
      "responses": {
        "200": {"description": "events and per-sentence analysis", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "documents": {"type": "integer"},
          "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
          "sentences": {"type": "array", "items": {"$ref": "#/components/schemas/Sentence"}}}}}}},
        "400": {"description": "malformed body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "413": {"description": "body or batch too large", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "503": {"description": "time limit exceeded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/v1/ingest": {"post": {
      "summary": "Code articles and store their events",
      "description": "Idempotent by document id: a document already stored is skipped.",
      "security": [{"bearer": []}],
      "parameters": [{"name": "date", "in": "query", "schema": {"type": "string", "format": "date"}}],
      "requestBody": {"required": true, "content": {
        "text/plain": {"schema": {"type": "string"}},
        "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Article"}, {"$ref": "#/components/schemas/Batch"}]}}}},
      "responses": {
        "200": {"description": "what was stored", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "documents_added": {"type": "integer"}, "documents_skipped": {"type": "integer"}, "mentions_added": {"type": "integer"}, "events_added": {"type": "integer"}}}}}},
        "400": {"description": "malformed body", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "401": {"description": "missing or wrong bearer token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "413": {"description": "body or batch too large", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "503": {"description": "no store, or time limit exceeded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/v1/events": {"get": {
      "summary": "Stored events, filtered and paginated",
      "parameters": [
        {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/actor"},
        {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"}, {"$ref": "#/components/parameters/cameo"},
        {"$ref": "#/components/parameters/plover"}, {"$ref": "#/components/parameters/quad_class"}, {"$ref": "#/components/parameters/place"},
        {"$ref": "#/components/parameters/q"},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000, "default": 100}},
        {"name": "cursor", "in": "query", "schema": {"type": "string"}, "description": "next_cursor of the previous page"}],
      "responses": {
        "200": {"description": "one page", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "events": {"type": "array", "items": {"$ref": "#/components/schemas/StoredEvent"}},
          "next_cursor": {"type": "string", "nullable": true, "description": "null on the last page"}}}}}},
        "400": {"description": "bad filter or cursor", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "503": {"description": "no store", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/v1/stats/timeseries": {"get": {
      "summary": "Events per period and quad class, with mean Goldstein",
      "parameters": [
        {"name": "period", "in": "query", "schema": {"type": "string", "enum": ["month", "day"], "default": "month"}},
        {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/actor"},
        {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"}, {"$ref": "#/components/parameters/cameo"},
        {"$ref": "#/components/parameters/plover"}, {"$ref": "#/components/parameters/quad_class"}, {"$ref": "#/components/parameters/place"},
        {"$ref": "#/components/parameters/q"}],
      "responses": {
        "200": {"description": "points in ascending period, then quad class", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "period": {"type": "string"},
          "points": {"type": "array", "items": {"type": "object", "properties": {
            "period": {"type": "string"}, "quad_class": {"type": "integer"}, "events": {"type": "integer"}, "mentions": {"type": "integer"}, "mean_goldstein": {"type": "number"}}}}}}}}},
        "400": {"description": "bad filter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "503": {"description": "no store", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
    "/v1/stats/dyads": {"get": {
      "summary": "Source-target country pairs with most events",
      "parameters": [
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50}},
        {"$ref": "#/components/parameters/from"}, {"$ref": "#/components/parameters/to"}, {"$ref": "#/components/parameters/actor"},
        {"$ref": "#/components/parameters/country"}, {"$ref": "#/components/parameters/root"}, {"$ref": "#/components/parameters/cameo"},
        {"$ref": "#/components/parameters/plover"}, {"$ref": "#/components/parameters/quad_class"}, {"$ref": "#/components/parameters/place"},
        {"$ref": "#/components/parameters/q"}],
      "responses": {
        "200": {"description": "pairs by number of events", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "dyads": {"type": "array", "items": {"type": "object", "properties": {
            "source_country": {"type": "string"}, "target_country": {"type": "string"}, "events": {"type": "integer"}, "mentions": {"type": "integer"}, "mean_goldstein": {"type": "number"}}}}}}}}},
        "400": {"description": "bad filter", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "503": {"description": "no store", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}}
  }
}
)JSON";

}  // namespace

std::string OpenApiJson(std::string_view version) {
  std::string doc(kDocument);
  constexpr std::string_view kSlot = "@VERSION@";
  doc.replace(doc.find(kSlot), kSlot.size(), version);
  return doc;
}

}  // namespace dyad::server
