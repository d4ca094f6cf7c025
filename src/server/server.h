// dyad's HTTP API and web UI: `dyad serve`. A Server codes text with a shared pipeline::Engine
// and, when given a store file, ingests into and queries an EventStore.
//
// Endpoints (the OpenAPI document at /v1/openapi.json, openapi.cc, is the reference):
//   GET  /healthz               liveness and what the server has (store or not)
//   GET  /v1/openapi.json       the OpenAPI 3 description of every endpoint
//   POST /v1/code               text or article JSON -> events and per-sentence analysis
//   POST /v1/ingest             articles -> coded and stored                      (needs a store)
//   GET  /v1/events             stored events, filtered, cursor-paginated          (needs a store)
//   GET  /v1/stats/timeseries   events per period and quad class                   (needs a store)
//   GET  /v1/stats/dyads        top source-target country pairs                    (needs a store)
//   GET  /, /app.js, ...        the web UI (static files from ServerOptions::web_dir)
//
// Limits, so that no client can take the server down: bodies above max_body_bytes get 413 before
// they are read; every read and write on a socket times out after timeout_s (slow clients); coding
// checks a per-request deadline of timeout_s between documents (503 when passed); `threads`
// workers serve connections from a bounded queue (the acceptor waits when it is full, leaving new
// connections in the kernel's backlog). Every error is JSON, {"error": "what is wrong"}, with a
// 4xx status for the client's mistakes. When `token` is set, POST /v1/ingest (the one endpoint
// that writes) requires "Authorization: Bearer TOKEN" (401 otherwise).
//
// Thread safety: Start() once; Stop() from any thread.
#ifndef DYAD_SERVER_SERVER_H_
#define DYAD_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "dyad/status.h"
#include "pipeline/engine.h"

namespace dyad::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                         // 0: any free port (tests); see Server::port()
  std::string db_path;                     // the event store; "" = coding only
  std::string token;                       // bearer token for write endpoints; "" = none needed
  int threads = 4;                         // worker threads
  size_t max_body_bytes = size_t{8} << 20;
  int timeout_s = 30;                      // socket read/write timeout and coding deadline
  std::string web_dir;                     // static UI assets; "" = no UI
  std::string version;                     // reported by /healthz and the OpenAPI document
};

class Server {
 public:
  // Checks the options, opens the store (creating it) when db_path is set and binds the socket.
  // `engine` must outlive the Server. kInvalidArgument for bad options, kUnavailable when the
  // address cannot be bound, the store's errors as they are.
  static StatusOr<std::unique_ptr<Server>> Start(const pipeline::Engine* engine, const ServerOptions& options);
  ~Server();

  // The bound port (the chosen one when options.port was 0).
  int port() const;

  // Serves until Stop(). Returns non-OK when the listener failed.
  Status Run();

  // Makes Run() return after the requests in progress; safe from any thread and signal-free.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_SERVER_H_
