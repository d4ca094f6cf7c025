// The store endpoints on a real loopback port: ingest (with the bearer token), events with
// filters and cursor pages, time series and dyads; and their errors.
#include <unistd.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "server/server_test_util.h"

namespace dyad::server {
namespace {

using Json = nlohmann::json;

constexpr char kBatch[] = R"({"documents": [
  {"doc_id": "a", "date": "2017-07-23", "text": "Iran and Iraq signed a border security agreement."},
  {"doc_id": "b", "date": "2017-08-02", "text": "The United States accused Iran of arming militias in Iraq."},
  {"doc_id": "c", "date": "2017-09-14", "text": "Russia and China signed an energy agreement."}]})";

class ServerStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("dyad_server_store_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    ServerOptions o;
    o.threads = 2;
    o.db_path = (dir_ / "events.db").string();
    o.token = "s3cret";
    server_ = std::make_unique<TestServer>(o);
    ASSERT_TRUE(server_->ok());
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::pair<int, Json> Ingest(const std::string& body, const std::string& token) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    auto res = server_->client().Post("/v1/ingest", headers, body, "application/json");
    if (!res) return {0, Json()};
    return {res->status, Json::parse(res->body, nullptr, false)};
  }
  std::pair<int, Json> Get(const std::string& path) {
    auto res = server_->client().Get(path.c_str());
    if (!res) return {0, Json()};
    return {res->status, Json::parse(res->body, nullptr, false)};
  }

  std::filesystem::path dir_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(ServerStoreTest, IngestNeedsTheToken) {
  auto [status, body] = Ingest(kBatch, "");
  EXPECT_EQ(status, 401);
  EXPECT_NE(body["error"].get<std::string>().find("bearer token"), std::string::npos) << body;
  std::tie(status, body) = Ingest(kBatch, "wrong");
  EXPECT_EQ(status, 401);
  EXPECT_EQ(body["error"], "wrong bearer token");
  // Nothing was stored.
  std::tie(status, body) = Get("/v1/events");
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(body["events"].empty());
}

TEST_F(ServerStoreTest, IngestThenQuery) {
  auto [status, body] = Ingest(kBatch, "s3cret");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["documents_added"], 3);
  EXPECT_GT(body["events_added"].get<int>(), 3);
  // Idempotent by document id.
  std::tie(status, body) = Ingest(kBatch, "s3cret");
  EXPECT_EQ(body["documents_added"], 0);
  EXPECT_EQ(body["documents_skipped"], 3);

  std::tie(status, body) = Get("/v1/events?root=05&country=IRN");
  ASSERT_EQ(status, 200) << body;
  ASSERT_FALSE(body["events"].empty());
  for (const Json& e : body["events"]) {
    EXPECT_EQ(e["root"], "05");
    EXPECT_TRUE(e["source"]["country"] == "IRN" || e["target"]["country"] == "IRN") << e;
    EXPECT_GE(e["num_mentions"].get<int>(), 1);
    EXPECT_TRUE(e.contains("id") && e.contains("pattern") && e.contains("text"));
  }
  EXPECT_TRUE(body["next_cursor"].is_null());

  std::tie(status, body) = Get("/v1/events?q=militias");
  ASSERT_EQ(status, 200) << body;
  ASSERT_FALSE(body["events"].empty());
  EXPECT_EQ(body["events"][0]["doc_id"], "b");
}

TEST_F(ServerStoreTest, CursorPagesCoverEveryEventOnce) {
  ASSERT_EQ(Ingest(kBatch, "s3cret").first, 200);
  auto [status, all] = Get("/v1/events?limit=1000");
  ASSERT_EQ(status, 200);
  std::vector<int64_t> ids;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    auto [s, body] = Get("/v1/events?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(s, 200) << body;
    EXPECT_LE(body["events"].size(), 2u);
    for (const Json& e : body["events"]) ids.push_back(e["id"]);
    if (body["next_cursor"].is_null()) break;
    cursor = body["next_cursor"];
  }
  ASSERT_EQ(ids.size(), all["events"].size());
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], all["events"][i]["id"]);
}

TEST_F(ServerStoreTest, TimeSeriesAndDyads) {
  ASSERT_EQ(Ingest(kBatch, "s3cret").first, 200);
  auto [status, body] = Get("/v1/stats/timeseries");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["period"], "month");
  std::set<std::string> periods;
  for (const Json& p : body["points"]) periods.insert(p["period"]);
  EXPECT_EQ(periods, (std::set<std::string>{"2017-07", "2017-08", "2017-09"}));
  std::tie(status, body) = Get("/v1/stats/timeseries?period=day&from=2017-08-01");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["points"][0]["period"], "2017-08-02");

  std::tie(status, body) = Get("/v1/stats/dyads?limit=10");
  ASSERT_EQ(status, 200) << body;
  bool irn_irq = false;
  for (const Json& d : body["dyads"]) irn_irq |= d["source_country"] == "IRN" && d["target_country"] == "IRQ";
  EXPECT_TRUE(irn_irq) << body;
}

TEST_F(ServerStoreTest, BadQueriesAre400WithTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"/v1/events?from=2017-02-30", "2017-02-30"},
      {"/v1/events?quad_class=7", "quad_class=7"},
      {"/v1/events?quad_class=x", "quad_class=x"},
      {"/v1/events?limit=0", "limit=0"},
      {"/v1/events?cursor=garbage", "cursor"},
      {"/v1/events?acter=USA", "unknown parameter 'acter'"},
      {"/v1/stats/timeseries?period=week", "period=week"},
      {"/v1/stats/dyads?limit=-3", "limit=-3"},
  };
  for (const auto& [path, reason] : cases) {
    auto [status, body] = Get(path);
    EXPECT_EQ(status, 400) << path << ": " << body;
    ASSERT_TRUE(body.contains("error")) << path;
    EXPECT_NE(body["error"].get<std::string>().find(reason), std::string::npos) << path << ": " << body["error"];
  }
}

TEST(ServerNoStoreTest, StoreEndpointsSayThereIsNoStore) {
  ServerOptions o;
  TestServer server(o);
  ASSERT_TRUE(server.ok());
  auto res = server.client().Get("/v1/events");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_NE(res->body.find("--db FILE"), std::string::npos) << res->body;
}

}  // namespace
}  // namespace dyad::server
