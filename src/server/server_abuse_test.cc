// ABUSE: thousands of malformed requests (random bytes, truncated JSON, wrong types, bodies over
// the limit, declared lengths far over it, slow clients that stall mid-request), interleaved with
// valid requests that must keep getting the right answer. The server must not crash, must keep
// answering, and its memory must stay bounded (VmRSS before and after, this process being the
// server's).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "server/server_test_util.h"

namespace dyad::server {
namespace {

using Json = nlohmann::json;

long VmRssKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// A raw connection, for what httplib's client would refuse to send.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { close(fd_); }
  bool connected() const { return connected_; }
  void Send(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (413): fine
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }
  // Tells the server nothing more comes (it sees EOF).
  void FinishSending() { shutdown(fd_, SHUT_WR); }
  // Reads until the server closes or the receive timeout; returns what came.
  std::string ReadAll() {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = recv(fd_, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

std::string HttpPost(std::string_view body, std::string_view type, std::string_view extra_headers = "") {
  return "POST /v1/code HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + std::string(type) +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + std::string(extra_headers) + "\r\n" +
         std::string(body);
}

// The status code of a raw response ("HTTP/1.1 400 Bad Request" -> 400), 0 when there is none.
int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.substr(9, 3).c_str());
}

class AbuseTest : public testing::Test {
 protected:
  void SetUp() override {
    ServerOptions o;
    o.threads = 8;
    o.max_body_bytes = 64 << 10;
    o.timeout_s = 2;  // slow clients are dropped after 2 s
    server_ = std::make_unique<TestServer>(o);
    ASSERT_TRUE(server_->ok());
  }

  // A valid request must get the right events.
  void ExpectValidRequestWorks(const char* when) {
    auto res = server_->client().Post("/v1/code", R"({"text": "Iran and Iraq signed a border security agreement.",
                                                     "date": "2017-07-23"})",
                                      "application/json");
    ASSERT_TRUE(res) << when << ": no response";
    ASSERT_EQ(res->status, 200) << when << ": " << res->body;
    Json body = Json::parse(res->body);
    bool found = false;
    for (const Json& e : body["events"]) found |= e["cameo"] == "057" && e["source"]["code"] == "IRN";
    EXPECT_TRUE(found) << when << ": " << res->body;
  }

  std::unique_ptr<TestServer> server_;
};

TEST_F(AbuseTest, ThousandsOfMalformedRequestsLeaveTheServerServing) {
  std::mt19937 rng(42);
  auto random_bytes = [&](size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
  };
  const std::string valid_json = R"({"text": "Iran and Iraq signed a border security agreement.", "date": "2017-07-23"})";
  const char* wrong_types[] = {R"({"text": 1})", R"({"text": ["a"]})", R"({"documents": 3})",
                               R"({"documents": [1, 2]})", R"({"text": "x", "date": {}})", R"(null)", R"("text")",
                               R"({"text": "x", "title": false})", R"({"documents": [{"text": "x", "id": 1.5}]})"};

  // Warm up: the first requests allocate thread-local workspaces and httplib's buffers.
  for (int i = 0; i < 50; ++i) ExpectValidRequestWorks("warm-up");
  const long rss_before = VmRssKb();

  int malformed = 0;
  std::map<int, int> statuses;
  for (int round = 0; round < 40; ++round) {
    // Random bytes, with and without a plausible request line.
    for (int i = 0; i < 20; ++i, ++malformed) {
      RawConnection c(server_->port());
      ASSERT_TRUE(c.connected());
      c.Send(i % 2 ? random_bytes(1 + rng() % 2000) : "POST /v1/code HTTP/1.1\r\n" + random_bytes(1 + rng() % 500));
      c.FinishSending();
      ++statuses[StatusOf(c.ReadAll())];
    }
    // Truncated JSON, at every kind of cut.
    for (int i = 0; i < 20; ++i, ++malformed) {
      RawConnection c(server_->port());
      std::string cut = valid_json.substr(0, rng() % valid_json.size());
      c.Send(HttpPost(cut, "application/json"));
      int status = StatusOf(c.ReadAll());
      ++statuses[status];
      EXPECT_EQ(status, 400) << "truncated JSON: " << cut;
    }
    // Wrong types.
    for (const char* body : wrong_types) {
      ++malformed;
      auto res = server_->client().Post("/v1/code", body, "application/json");
      ASSERT_TRUE(res) << body;
      EXPECT_EQ(res->status, 400) << body << ": " << res->body;
      EXPECT_TRUE(Json::parse(res->body, nullptr, false).contains("error")) << res->body;
    }
    // A body over the limit, sent whole, and a declared length of 10 GB with no body.
    for (int i = 0; i < 5; ++i, ++malformed) {
      RawConnection c(server_->port());
      c.Send(i % 2 ? HttpPost(std::string(100 << 10, 'x'), "text/plain")
                   : std::string("POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n"));
      int status = StatusOf(c.ReadAll());
      ++statuses[status];
      EXPECT_TRUE(status == 413 || status == 0) << status;  // 0: closed while we were still sending
    }
    // A lying Content-Length (shorter than the body), a header with no end, an unknown method.
    for (const std::string& raw :
         {std::string("POST /v1/code HTTP/1.1\r\nContent-Length: 3\r\nContent-Type: application/json\r\n\r\n{\"text\": 1}"),
          std::string("GET /healthz HTTP/1.1\r\nX: ") + std::string(20000, 'a'),
          std::string("BREW /v1/code HTTP/1.1\r\nHost: x\r\n\r\n")}) {
      ++malformed;
      RawConnection c(server_->port());
      c.Send(raw);
      c.FinishSending();
      ++statuses[StatusOf(c.ReadAll())];
    }
    if (round % 10 == 0) {
      // Slow clients: 4 connections that stall in the headers and in the body, while valid
      // requests go on (8 workers; the stalled ones are dropped after the 2 s timeout).
      std::vector<std::unique_ptr<RawConnection>> slow;
      for (int i = 0; i < 4; ++i) {
        slow.push_back(std::make_unique<RawConnection>(server_->port()));
        slow.back()->Send(i % 2 ? "POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Le"
                                : "POST /v1/code HTTP/1.1\r\nContent-Length: 500\r\n\r\n{\"text\": \"Ir");
        ++malformed;
      }
      ExpectValidRequestWorks("beside slow clients");
      for (auto& c : slow) {
        int status = StatusOf(c->ReadAll());  // the server gives up on them
        EXPECT_TRUE(status == 0 || status == 400 || status == 408) << status;
      }
    }
    ExpectValidRequestWorks("between rounds");
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(malformed, 3000);

  // Memory stays bounded: the rounds above push > 10 MB of junk through the server.
  for (int i = 0; i < 50; ++i) ExpectValidRequestWorks("cool-down");
  const long rss_after = VmRssKb();
  RecordProperty("vmrss_before_kb", static_cast<int>(rss_before));
  RecordProperty("vmrss_after_kb", static_cast<int>(rss_after));
  EXPECT_LT(rss_after - rss_before, 32 * 1024) << "VmRSS grew from " << rss_before << " to " << rss_after << " kB";
  std::string seen;
  for (auto [status, n] : statuses) seen += " " + std::to_string(status) + ":" + std::to_string(n);
  std::printf("%d malformed requests; raw responses by status:%s; VmRSS %ld -> %ld kB\n", malformed, seen.c_str(),
              rss_before, rss_after);
}

}  // namespace
}  // namespace dyad::server
