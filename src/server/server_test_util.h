// A real dyad server on a loopback port for the server tests: the engine (dyad's dictionaries and
// models from the source tree) is loaded once per test binary and shared, as in `dyad serve`.
#ifndef DYAD_SERVER_SERVER_TEST_UTIL_H_
#define DYAD_SERVER_SERVER_TEST_UTIL_H_

#include <memory>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "pipeline/engine.h"
#include "server/server.h"

namespace dyad::server {

inline const pipeline::Engine& SharedEngine() {
  static const pipeline::Engine* engine = [] {
    pipeline::EngineOptions o;
    o.models_dir = DYAD_SOURCE_DIR "/data/models";
    o.dictionaries = "dyad:" DYAD_SOURCE_DIR "/data/dictionaries";
    auto e = pipeline::Engine::Open(o);
    if (!e.ok()) {
      ADD_FAILURE() << e.status().ToString();
      std::abort();
    }
    return e->release();
  }();
  return *engine;
}

// Starts a server on a free port in a thread; stops and joins it on destruction.
class TestServer {
 public:
  explicit TestServer(ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    auto s = Server::Start(&SharedEngine(), options);
    if (!s.ok()) {
      ADD_FAILURE() << s.status().ToString();
      return;
    }
    server_ = std::move(*s);
    thread_ = std::thread([this] { status_ = server_->Run(); });
    // Wait until it answers.
    httplib::Client c = client();
    for (int i = 0; i < 200 && !c.Get("/healthz"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~TestServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    EXPECT_TRUE(status_.ok()) << status_.ToString();
  }
  bool ok() const { return server_ != nullptr; }
  int port() const { return server_->port(); }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port());
    c.set_read_timeout(30);
    return c;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status status_;
};

inline std::string ReadFileOrDie(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::string s;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
  std::fclose(f);
  return s;
}

}  // namespace dyad::server

#endif  // DYAD_SERVER_SERVER_TEST_UTIL_H_
