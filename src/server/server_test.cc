// The server on a real loopback port, driven by httplib's client: every endpoint, and the errors
// a client can provoke (malformed JSON, wrong types, bad dates, oversized bodies, unknown paths).
#include "server/server.h"

#include <nlohmann/json.hpp>

#include "io/event_writer.h"
#include "server/code_request.h"
#include "server/server_test_util.h"

namespace dyad::server {
namespace {

using Json = nlohmann::json;

constexpr char kExample[] = DYAD_SOURCE_DIR "/examples/iran-iraq-accord.txt";

class ServerTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerOptions o;
    o.threads = 2;
    o.max_body_bytes = 1 << 20;
    o.version = "test";
    server_ = new TestServer(o);
  }
  static void TearDownTestSuite() { delete server_; }

  // POSTs `body` and returns (status, parsed JSON body); the body must be JSON whatever the status.
  static std::pair<int, Json> Post(const std::string& path, const std::string& body, const std::string& type) {
    auto res = server_->client().Post(path.c_str(), body, type.c_str());
    if (!res) {
      ADD_FAILURE() << "no response: " << httplib::to_string(res.error());
      return {0, Json()};
    }
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << res->body;
    return {res->status, Json::parse(res->body, nullptr, /*allow_exceptions=*/false)};
  }
  static std::pair<int, Json> Get(const std::string& path) {
    auto res = server_->client().Get(path.c_str());
    if (!res) {
      ADD_FAILURE() << "no response: " << httplib::to_string(res.error());
      return {0, Json()};
    }
    return {res->status, Json::parse(res->body, nullptr, false)};
  }

  static TestServer* server_;
};

TestServer* ServerTest::server_ = nullptr;

bool HasEvent(const Json& events, const std::string& source, const std::string& target, const std::string& cameo) {
  for (const Json& e : events) {
    if (e["source"]["code"] == source && !e["target"].is_null() && e["target"]["code"] == target &&
        e["cameo"] == cameo) {
      return true;
    }
  }
  return false;
}

TEST_F(ServerTest, HealthzSaysOk) {
  auto [status, body] = Get("/healthz");
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["version"], "test");
  EXPECT_EQ(body["store"], false);
}

TEST_F(ServerTest, OpenApiDescribesEveryEndpoint) {
  auto [status, body] = Get("/v1/openapi.json");
  ASSERT_EQ(status, 200);
  ASSERT_TRUE(body.is_object()) << "not JSON";
  EXPECT_EQ(body["openapi"], "3.0.3");
  EXPECT_EQ(body["info"]["version"], "test");
  for (const char* path : {"/healthz", "/v1/openapi.json", "/v1/code", "/v1/ingest", "/v1/events",
                           "/v1/stats/timeseries", "/v1/stats/dyads"}) {
    EXPECT_TRUE(body["paths"].contains(path)) << path;
  }
}

TEST_F(ServerTest, CodesPlainTextLikeTheCli) {
  auto [status, body] = Post("/v1/code?date=2017-07-23", ReadFileOrDie(kExample), "text/plain");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["documents"], 1);
  EXPECT_TRUE(HasEvent(body["events"], "IRN", "IRQ", "057")) << body["events"].dump(1);
  EXPECT_EQ(body["events"][0]["date"], "2017-07-23");

  // The same events, byte for byte, as the JSONL writer of `dyad code` gives for the document.
  model::Document doc;
  doc.id = "request";
  doc.text = ReadFileOrDie(kExample);
  doc.date = model::ParseIsoDate("2017-07-23");
  pipeline::Engine::Workspace ws;
  std::vector<model::Event> events;
  ASSERT_TRUE(SharedEngine().Code(doc, ws, events).ok());
  std::string jsonl;
  io::AppendEvents(io::EventFormat::kJsonl, doc, events, jsonl);
  ASSERT_EQ(body["events"].size(), events.size());
  size_t line_start = 0;
  for (const Json& e : body["events"]) {
    size_t line_end = jsonl.find('\n', line_start);
    EXPECT_EQ(e.dump(), Json::parse(jsonl.substr(line_start, line_end - line_start)).dump());
    line_start = line_end + 1;
  }
}

TEST_F(ServerTest, SentencesCarryTokensActorsVerbsAndTheirEvents) {
  auto [status, body] = Post("/v1/code", R"({"text": "Iran and Iraq signed a border security agreement on Sunday.",
                                            "date": "2017-07-23", "doc_id": "accord"})",
                             "application/json");
  ASSERT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["sentences"].size(), 1u);
  const Json& s = body["sentences"][0];
  EXPECT_EQ(s["doc_id"], "accord");
  EXPECT_EQ(s["tokens"][0]["form"], "Iran");
  EXPECT_EQ(s["tokens"][0]["start"], 0);
  EXPECT_EQ(s["tokens"][0]["end"], 4);
  EXPECT_EQ(s["tokens"][3]["lemma"], "sign");
  EXPECT_EQ(s["tokens"][3]["head"], 0);  // the root
  ASSERT_GE(s["mentions"].size(), 2u);
  EXPECT_EQ(s["mentions"][0]["code"], "IRN");
  ASSERT_FALSE(s["verbs"].empty());
  EXPECT_EQ(s["verbs"][0]["lemma"], "sign");
  ASSERT_FALSE(s["events"].empty());
  for (const Json& index : s["events"]) {
    EXPECT_EQ(body["events"][index.get<size_t>()]["sentence"], 0);
    EXPECT_EQ(body["events"][index.get<size_t>()]["doc_id"], "accord");
  }
  EXPECT_TRUE(HasEvent(body["events"], "IRN", "IRQ", "057"));
}

TEST_F(ServerTest, CodesABatchInOrder) {
  auto [status, body] = Post("/v1/code", R"({"documents": [
      {"text": "Iran and Iraq signed an accord.", "date": "2017-07-23", "doc_id": "a"},
      {"text": "Russia attacked Ukraine.", "date": "2022-02-24"},
      {"text": "Nothing happened here.", "id": 7}]})",
                             "application/json");
  ASSERT_EQ(status, 200) << body.dump();
  EXPECT_EQ(body["documents"], 3);
  ASSERT_EQ(body["sentences"].size(), 3u);
  EXPECT_EQ(body["sentences"][0]["doc_id"], "a");
  EXPECT_EQ(body["sentences"][1]["doc_id"], "request:1");
  EXPECT_EQ(body["sentences"][2]["doc_id"], "7");
  EXPECT_TRUE(HasEvent(body["events"], "RUS", "UKR", "190") || HasEvent(body["events"], "RUS", "UKR", "19"))
      << body["events"].dump();
  // Event indexes count across documents.
  for (const Json& index : body["sentences"][1]["events"]) {
    EXPECT_EQ(body["events"][index.get<size_t>()]["doc_id"], "request:1");
  }
}

struct BadRequest {
  const char* name;
  const char* body;
  const char* type;
  int status;
  const char* error;  // a substring of the error message
};

TEST_F(ServerTest, BadRequestsGetJsonErrorsThatSayWhatIsWrong) {
  const BadRequest cases[] = {
      {"malformed JSON", R"({"text": "Iran)", "application/json", 400, "invalid JSON"},
      {"not an object", R"(["Iran"])", "application/json", 400, "expected a JSON object, not array"},
      {"text missing", R"({"date": "2017-07-23"})", "application/json", 400, "missing \"text\""},
      {"text a number", R"({"text": 5})", "application/json", 400, "\"text\" must be a string, not number"},
      {"bad date", R"({"text": "x", "date": "2017-13-45"})", "application/json", 400, "bad date '2017-13-45'"},
      {"date a number", R"({"text": "x", "date": 2017})", "application/json", 400, "\"date\" must be a string"},
      {"documents not an array", R"({"documents": {"text": "x"}})", "application/json", 400,
       "\"documents\" must be an array, not object"},
      {"documents empty", R"({"documents": []})", "application/json", 400, "\"documents\" is empty"},
      {"bad document in a batch", R"({"documents": [{"text": "x"}, {"text": null}]})", "application/json", 400,
       "documents[1]: missing \"text\""},
      {"doc_id and id", R"({"text": "x", "doc_id": "a", "id": "b"})", "application/json", 400, "not both"},
      {"NUL in text", R"({"text": "a\u0000b"})", "application/json", 400, "NUL"},
      {"empty text body", "  \n", "text/plain", 400, "empty body"},
      {"invalid UTF-8", "Iran \xff signed", "text/plain", 400, "invalid UTF-8"},
  };
  for (const BadRequest& c : cases) {
    auto [status, body] = Post("/v1/code", c.body, c.type);
    EXPECT_EQ(status, c.status) << c.name;
    ASSERT_TRUE(body.contains("error")) << c.name << ": " << body.dump();
    EXPECT_NE(body["error"].get<std::string>().find(c.error), std::string::npos)
        << c.name << ": " << body["error"];
  }
}

TEST_F(ServerTest, BadDateParameterIs400) {
  auto [status, body] = Post("/v1/code?date=yesterday", "Iran and Iraq signed an accord.", "text/plain");
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"].get<std::string>().find("bad date 'yesterday'"), std::string::npos) << body;
}

TEST_F(ServerTest, TooManyDocumentsIs413) {
  std::string body = R"({"documents": [)";
  for (size_t i = 0; i <= kMaxDocumentsPerRequest; ++i) body += std::string(i ? "," : "") + R"({"text": "x"})";
  body += "]}";
  auto [status, json] = Post("/v1/code", body, "application/json");
  EXPECT_EQ(status, 413);
  EXPECT_NE(json["error"].get<std::string>().find("at most 1000"), std::string::npos) << json;
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  auto [status, body] = Post("/v1/code", std::string((1 << 20) + 1, 'a'), "text/plain");
  EXPECT_EQ(status, 413);
  EXPECT_NE(body["error"].get<std::string>().find("1048576 byte limit"), std::string::npos) << body;
  // And the server still answers.
  EXPECT_EQ(Get("/healthz").first, 200);
}

TEST_F(ServerTest, UnknownPathIsJson404) {
  auto [status, body] = Get("/v1/nothing");
  EXPECT_EQ(status, 404);
  EXPECT_NE(body["error"].get<std::string>().find("no such endpoint: GET /v1/nothing"), std::string::npos) << body;
}

TEST(ServerOptionsTest, BadOptionsAreRejected) {
  ServerOptions o;
  o.port = 0;
  o.threads = 0;
  EXPECT_EQ(Server::Start(&SharedEngine(), o).status().code(), StatusCode::kInvalidArgument);
  o.threads = 2;
  o.timeout_s = 0;
  EXPECT_EQ(Server::Start(&SharedEngine(), o).status().code(), StatusCode::kInvalidArgument);
  o.timeout_s = 5;
  o.web_dir = "/nonexistent/web";
  EXPECT_EQ(Server::Start(&SharedEngine(), o).status().code(), StatusCode::kNotFound);
}

TEST(ServerOptionsTest, APortInUseIsUnavailable) {
  ServerOptions o;
  o.port = 0;
  TestServer first(o);
  ASSERT_TRUE(first.ok());
  o.port = first.port();
  auto second = Server::Start(&SharedEngine(), o);
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace dyad::server
