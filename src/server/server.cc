// See server.h. Routes are registered on one httplib::Server; handlers are thin: parse the
// request (code_request.h, store_routes.h), run the engine or the store, write JSON.
#include "server/server.h"

#include <sys/socket.h>

#include <filesystem>

#include <fmt/format.h>

#include "server/code_request.h"
#include "server/http_util.h"
#include "server/openapi.h"
#include "server/store_routes.h"
#include "server/task_queue.h"

namespace dyad::server {

struct Server::Impl {
  const pipeline::Engine* engine;
  ServerOptions options;
  httplib::Server http;
  std::unique_ptr<StoreRoutes> store;  // null without --db
  int port = 0;

  void AddRoutes();
  void Code(const httplib::Request& req, httplib::Response& res) const;
};

namespace {

Status CheckOptions(const ServerOptions& o) {
  if (o.port < 0 || o.port > 65535) return InvalidArgumentError(fmt::format("--port {}: not a port number", o.port));
  if (o.threads < 1 || o.threads > 256) return InvalidArgumentError(fmt::format("--threads {}: give 1..256", o.threads));
  if (o.max_body_bytes < 1024) return InvalidArgumentError("--max-body-mb: give at least 1");
  if (o.timeout_s < 1 || o.timeout_s > 3600) {
    return InvalidArgumentError(fmt::format("--timeout-s {}: give 1..3600", o.timeout_s));
  }
  if (!o.web_dir.empty() && !std::filesystem::is_directory(o.web_dir)) {
    return NotFoundError(fmt::format("web UI directory '{}' does not exist", o.web_dir));
  }
  return Status::Ok();
}

}  // namespace

void Server::Impl::Code(const httplib::Request& req, httplib::Response& res) const {
  auto docs = ParseDocuments(req.body, IsJsonContent(req), req.get_param_value("date"));
  if (!docs.ok()) return SetError(res, docs.status());
  thread_local pipeline::Engine::Workspace ws;
  const Deadline deadline(options.timeout_s);
  std::vector<CodedDocument> coded(docs->size());
  for (size_t i = 0; i < coded.size(); ++i) {
    if (Status s = deadline.Check(fmt::format("{} of {} documents coded", i, coded.size())); !s.ok()) {
      return SetError(res, s);
    }
    coded[i].doc = std::move((*docs)[i]);
    if (Status s = engine->Code(coded[i].doc, ws, coded[i].events, &coded[i].traces); !s.ok()) {
      return SetError(res, s.WithContext(coded[i].doc.id));
    }
  }
  res.set_content(CodeResponseJson(coded, engine->coder()), kJsonType);
}

void Server::Impl::AddRoutes() {
  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(fmt::format("{{\"status\":\"ok\",\"version\":\"{}\",\"store\":{}}}\n", options.version,
                                !options.db_path.empty()),
                    kJsonType);
  });
  http.Get("/v1/openapi.json", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(OpenApiJson(options.version), kJsonType);
  });
  http.Post("/v1/code", [this](const httplib::Request& req, httplib::Response& res) { Code(req, res); });
  if (store) {
    store->Register(http);
  } else {
    auto no_store = [](const httplib::Request&, httplib::Response& res) {
      SetError(res, 503, "this server has no event store: start it with 'dyad serve --db FILE'");
    };
    http.Post("/v1/ingest", no_store);
    for (const char* path : {"/v1/events", "/v1/stats/timeseries", "/v1/stats/dyads"}) http.Get(path, no_store);
  }
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

StatusOr<std::unique_ptr<Server>> Server::Start(const pipeline::Engine* engine, const ServerOptions& options) {
  DYAD_RETURN_IF_ERROR(CheckOptions(options));
  auto impl = std::make_unique<Impl>();
  impl->engine = engine;
  impl->options = options;
  httplib::Server& http = impl->http;
  const size_t threads = options.threads;
  http.new_task_queue = [threads] { return new BoundedTaskQueue(threads, 4 * threads); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second `dyad serve` on
  // the same port would start silently and take half the connections.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.timeout_s);
  http.set_write_timeout(options.timeout_s);
  // Idle keep-alive connections hold a worker; give them back quickly.
  http.set_keep_alive_timeout(std::min(options.timeout_s, 2));
  // Every error a client sees is JSON; httplib's own (404, 413, 400 for a bad request line) come
  // here with an empty body.
  http.set_error_handler([max = options.max_body_bytes](const httplib::Request& req, httplib::Response& res) {
    if (res.get_header_value("Content-Type") == kJsonType) return;
    switch (res.status) {
      case 404: return SetError(res, 404, fmt::format("no such endpoint: {} {} (see /v1/openapi.json)", req.method, req.path));
      case 413: return SetError(res, 413, fmt::format("request body larger than the {} byte limit", max));
      default: return SetError(res, res.status, fmt::format("the request could not be served (HTTP {})", res.status));
    }
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    SetError(res, 500, "internal error: " + what);
  });
  if (!options.db_path.empty()) {
    auto store = StoreRoutes::Open(options.db_path, engine, options.token, options.timeout_s);
    if (!store.ok()) return store.status();
    impl->store = std::move(*store);
  }
  impl->AddRoutes();
  if (!options.web_dir.empty() && !http.set_mount_point("/", options.web_dir)) {
    return UnavailableError(fmt::format("cannot serve the web UI from '{}'", options.web_dir));
  }
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
    if (impl->port < 0) return UnavailableError(fmt::format("cannot bind {}:<any port>", options.host));
  } else {
    if (!http.bind_to_port(options.host, options.port)) {
      return UnavailableError(fmt::format("cannot bind {}:{} (in use, or not an address of this machine)",
                                          options.host, options.port));
    }
    impl->port = options.port;
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) {
    return UnavailableError(fmt::format("listening on {}:{} failed", impl_->options.host, impl_->port));
  }
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace dyad::server
