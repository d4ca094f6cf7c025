// dyad serve: the HTTP API and the web UI (src/server/server.h). Runs until SIGINT or SIGTERM.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "commands.h"
#include "engine_options.h"
#include "server/server.h"

namespace dyad::tools {

namespace {

// Set by the signal handler, polled by a watcher thread that stops the server (httplib's stop()
// is not async-signal-safe).
volatile std::sig_atomic_t g_stop = 0;
extern "C" void OnStopSignal(int) { g_stop = 1; }

}  // namespace

void AddServeCommand(CLI::App& app, CommandRunner* run) {
  auto flags = std::make_shared<EngineFlags>();
  auto options = std::make_shared<server::ServerOptions>();
  auto body_mb = std::make_shared<size_t>(8);
  options->web_dir = DYAD_WEB_DIR;
  CLI::App* cmd = app.add_subcommand("serve", "HTTP API and web UI: code text, ingest, query a store");
  AddEngineOptions(cmd, flags.get());
  cmd->add_option("--port", options->port, "TCP port (0: any free port, printed at start)")->capture_default_str();
  cmd->add_option("--host", options->host, "Address to bind; 0.0.0.0 exposes the server to the network")
      ->capture_default_str();
  cmd->add_option("--db", options->db_path, "Event store (SQLite file, created when missing) for ingest and queries");
  cmd->add_option("--token", options->token, "Bearer token required by write endpoints (POST /v1/ingest)");
  cmd->add_option("--threads", options->threads, "Worker threads")->capture_default_str();
  cmd->add_option("--max-body-mb", *body_mb, "Largest request body accepted (413 above)")->capture_default_str();
  cmd->add_option("--timeout-s", options->timeout_s, "Per-request time limit and socket timeout")
      ->capture_default_str();
  cmd->add_option("--web-dir", options->web_dir, "Web UI files (\"\" serves the API only)")->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  dyad serve --port 8080 --db events.db            # then open http://127.0.0.1:8080/\n"
      "  curl -s --data-binary @examples/iran-iraq-accord.txt 'http://127.0.0.1:8080/v1/code?date=2017-07-23'\n"
      "API reference: GET /v1/openapi.json");
  cmd->callback([flags, options, body_mb, run] {
    *run = [flags, options, body_mb] {
      if (*body_mb < 1 || *body_mb > 1024) {
        std::fprintf(stderr, "dyad serve: --max-body-mb %zu: give 1..1024\n", *body_mb);
        return 2;
      }
      options->max_body_bytes = *body_mb << 20;
      // The build's asset folder is gone when the binary was copied elsewhere: serve the API.
      if (options->web_dir == DYAD_WEB_DIR && !std::filesystem::is_directory(options->web_dir)) {
        std::fprintf(stderr, "dyad serve: no web UI at %s; serving the API only (--web-dir DIR)\n", DYAD_WEB_DIR);
        options->web_dir.clear();
      }
      options->version = DYAD_VERSION;
      auto engine = pipeline::Engine::Open(flags->ToOptions());
      if (!engine.ok()) {
        std::fprintf(stderr, "dyad serve: %s\n", engine.status().message().c_str());
        return 2;
      }
      auto server = server::Server::Start(engine->get(), *options);
      if (!server.ok()) {
        std::fprintf(stderr, "dyad serve: %s\n", server.status().message().c_str());
        return 2;
      }
      std::signal(SIGINT, OnStopSignal);
      std::signal(SIGTERM, OnStopSignal);
      std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up mid-response is not our death
      std::fprintf(stderr, "dyad serve: listening on http://%s:%d/ (%d threads%s%s)\n", options->host.c_str(),
                   (*server)->port(), options->threads, options->db_path.empty() ? "" : ", store ",
                   options->db_path.c_str());
      std::thread watcher([&server] {
        while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        (*server)->Stop();
      });
      Status s = (*server)->Run();
      g_stop = 1;
      watcher.join();
      if (!s.ok()) {
        std::fprintf(stderr, "dyad serve: %s\n", s.message().c_str());
        return 1;
      }
      std::fprintf(stderr, "dyad serve: stopped\n");
      return 0;
    };
  });
}

}  // namespace dyad::tools
