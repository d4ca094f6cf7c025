// ABUSE: thousands of malformed requests (random bytes, truncated JSON, wrong types, bodies over
// the limit, declared lengths far over it, slow clients that stall mid-request), interleaved with
// valid requests that must keep getting the right answer. The server must not crash, must keep
// answering, and its memory must stay bounded (VmRSS before and after, this process being the
// server's).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "server/server_test_util.h"

// AddressSanitizer keeps freed blocks in a quarantine (256 MB by default) before reusing them, so
// resident memory grows with the traffic even without a leak; LeakSanitizer checks leaks there.
#if defined(__SANITIZE_ADDRESS__)
#define DYAD_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DYAD_UNDER_ASAN 1
#endif
#endif
#ifdef DYAD_UNDER_ASAN
constexpr long kRssGrowthBudgetKb = 256 * 1024;
#else
constexpr long kRssGrowthBudgetKb = 32 * 1024;
#endif

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
  // Reads one response (headers and Content-Length bytes of body), or what came before the server
  // closed or the receive timeout passed.
  std::string ReadResponse() {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = recv(fd_, buf, sizeof buf, 0)) > 0;) {
      out.append(buf, static_cast<size_t>(n));
      size_t head_end = out.find("\r\n\r\n");
      if (head_end == std::string::npos) continue;
      size_t length_at = out.find("Content-Length: ");
      size_t length = length_at < head_end ? std::strtoul(out.c_str() + length_at + 16, nullptr, 10) : 0;
      if (out.size() >= head_end + 4 + length) break;
    }
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
    o.threads = 12;
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

// One round of junk from one client thread; counts what it sent and the statuses it got back.
struct Junk {
  int sent = 0;
  std::map<int, int> statuses;  // raw responses by status (0: the server closed without one)
};

void SendJunk(int port, std::mt19937& rng, Junk& junk) {
  auto random_bytes = [&](size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
  };
  auto send_raw = [&](const std::string& bytes, bool hang_up) {
    RawConnection c(port);
    EXPECT_TRUE(c.connected());
    c.Send(bytes);
    if (hang_up) c.FinishSending();  // the server sees EOF mid-request
    int status = StatusOf(c.ReadResponse());
    ++junk.statuses[status];
    ++junk.sent;
    return status;
  };
  const std::string valid_json = R"({"text": "Iran and Iraq signed a border security agreement.", "date": "2017-07-23"})";
  // Random bytes, ended or cut off; one a round after a plausible request line (the server then
  // reads on until its 2 s timeout, so only one).
  for (int i = 0; i < 20; ++i) {
    std::string junk_bytes = i == 0 ? "POST /v1/code HTTP/1.1\r\n" + random_bytes(1 + rng() % 500) : random_bytes(1 + rng() % 2000);
    int status = send_raw(junk_bytes + (i % 4 < 2 ? "\r\n\r\n" : ""), i % 4 >= 2);
    EXPECT_TRUE(status == 0 || status == 400 || status == 404 || status == 413) << status;
  }
  // Truncated JSON, at every kind of cut.
  for (int i = 0; i < 20; ++i) {
    std::string cut = valid_json.substr(0, rng() % valid_json.size());
    EXPECT_EQ(send_raw(HttpPost(cut, "application/json"), false), 400) << "truncated JSON: " << cut;
  }
  // Wrong types.
  for (const char* body : {R"({"text": 1})", R"({"text": ["a"]})", R"({"documents": 3})", R"({"documents": [1, 2]})",
                           R"({"text": "x", "date": {}})", R"(null)", R"("text")", R"({"text": "x", "title": false})",
                           R"({"documents": [{"text": "x", "id": 1.5}]})"}) {
    EXPECT_EQ(send_raw(HttpPost(body, "application/json"), false), 400) << body;
  }
  // Bodies over the limit: sent whole (twice), and a declared length of 10 GB with no body (which
  // the server answers after its timeout: one a round).
  for (int i = 0; i < 3; ++i) {
    int status = send_raw(i ? HttpPost(std::string(100 << 10, 'x'), "text/plain")
                            : "POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n",
                          false);
    EXPECT_TRUE(status == 413 || status == 0) << status;  // 0: closed while we were still sending
  }
  // A lying Content-Length (shorter than the body), a header line of 20 kB, an unknown method,
  // a body that is not UTF-8.
  EXPECT_EQ(send_raw("POST /v1/code HTTP/1.1\r\nConnection: close\r\nContent-Length: 3\r\n"
                     "Content-Type: application/json\r\n\r\n{\"text\": 1}", false), 400);
  EXPECT_EQ(send_raw("GET /healthz HTTP/1.1\r\nX: " + std::string(20000, 'a') + "\r\n\r\n", false), 400);
  EXPECT_EQ(send_raw("BREW /v1/code HTTP/1.1\r\nConnection: close\r\n\r\n", false), 400);
  EXPECT_EQ(send_raw(HttpPost(random_bytes(300) + "\xff", "text/plain"), false), 400);
}

TEST_F(AbuseTest, ThousandsOfMalformedRequestsLeaveTheServerServing) {
  // Warm up: the first requests allocate thread-local workspaces and httplib's buffers.
  for (int i = 0; i < 50; ++i) ExpectValidRequestWorks("warm-up");
  const long rss_before = VmRssKb();

  // Four clients send junk concurrently while this thread checks that valid requests still work.
  constexpr int kClients = 6, kRounds = 11;
  std::vector<Junk> junk(kClients);
  std::vector<std::thread> clients;
  std::atomic<int> running = kClients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      std::mt19937 rng(42 + c);
      for (int r = 0; r < kRounds; ++r) SendJunk(server_->port(), rng, junk[c]);
      --running;
    });
  }
  int valid = 0;
  while (running > 0) {
    ExpectValidRequestWorks("beside the junk");
    ++valid;
    if (valid % 20 == 0) {
      // Slow clients: connections that stall in the headers and in the body; the server drops
      // them after its 2 s timeout, and meanwhile serves others.
      std::vector<std::unique_ptr<RawConnection>> slow;
      for (int i = 0; i < 3; ++i) {
        slow.push_back(std::make_unique<RawConnection>(server_->port()));
        slow.back()->Send(i == 0   ? "POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Le"
                          : i == 1 ? "POST /v1/code HTTP/1.1\r\nContent-Length: 500\r\n\r\n{\"text\": \"Ir"
                                   : "GET /healthz HTTP/1.1\r\nX: " + std::string(5000, 'a'));
      }
      ExpectValidRequestWorks("beside slow clients");
      for (auto& c : slow) {
        int status = StatusOf(c->ReadResponse());
        EXPECT_TRUE(status == 0 || status == 400 || status == 408) << status;
        ++junk[0].sent;
      }
    }
  }
  for (std::thread& t : clients) t.join();
  int malformed = 0;
  std::map<int, int> statuses;
  for (const Junk& j : junk) {
    malformed += j.sent;
    for (auto [status, n] : j.statuses) statuses[status] += n;
  }
  EXPECT_GT(malformed, 3000);

  // Memory stays bounded: the rounds above push > 10 MB of junk through the server.
  for (int i = 0; i < 50; ++i) ExpectValidRequestWorks("cool-down");
  const long rss_after = VmRssKb();
  RecordProperty("vmrss_before_kb", static_cast<int>(rss_before));
  RecordProperty("vmrss_after_kb", static_cast<int>(rss_after));
  EXPECT_LT(rss_after - rss_before, kRssGrowthBudgetKb) << "VmRSS grew from " << rss_before << " to " << rss_after << " kB";
  std::string seen;
  for (auto [status, n] : statuses) seen += " " + std::to_string(status) + ":" + std::to_string(n);
  std::printf("%d malformed requests; raw responses by status:%s; VmRSS %ld -> %ld kB\n", malformed, seen.c_str(),
              rss_before, rss_after);
}

}  // namespace
}  // namespace dyad::server
