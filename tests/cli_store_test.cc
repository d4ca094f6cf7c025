// End-to-end: `dyad ingest`, `dyad query` and `dyad export` on generated news, and the durability
// test: an ingest killed with SIGKILL mid-way, then re-run, ends identical to a clean ingest.
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/io_test_util.h"
#include "store/event_store.h"
#include "tests/cli_test_util.h"

namespace {

namespace fs = std::filesystem;
using dyad::io::testing::TempDir;
using dyad::testing::CliResult;
using dyad::testing::Dyad;

// `n` wire-style articles, two to four political sentences each, dated over a year, from five
// outlets. Every third article repeats an earlier one's events under a new id (de-duplication).
std::string GenerateNews(int n) {
  const char* countries[] = {"Iran", "Iraq", "Syria", "Turkey", "Israel", "Egypt", "France",
                             "Germany", "Japan", "China", "Russia", "India", "Pakistan"};
  const char* templates[] = {
      "{} signed a border security agreement with {} on Sunday.",
      "{} accused {} of violating the ceasefire.",
      "{} praised {} for its help with the talks.",
      "Troops from {} attacked positions held by {}.",
      "{} sent humanitarian aid to {}.",
      "{} threatened {} with sanctions.",
  };
  const char* outlets[] = {"Reuters", "AFP", "AP", "IRNA", "Anadolu"};
  std::string jsonl;
  for (int i = 0; i < n; ++i) {
    int seed = i % 3 == 2 ? i - 1 : i;  // the repeat of the previous article
    std::string text;
    for (int s = 0; s < 2 + seed % 3; ++s) {
      int a = (seed * 7 + s * 3) % 13, b = (seed * 5 + s * 11 + 1) % 13;
      if (a == b) b = (b + 1) % 13;
      if (!text.empty()) text += s % 2 ? " " : "\n\n";
      text += fmt::format(fmt::runtime(templates[(seed + s) % 6]), countries[a], countries[b]);
    }
    nlohmann::json doc = {{"id", fmt::format("gen-{:05}", i)},
                          {"date", fmt::format("2017-{:02}-{:02}", 1 + seed % 12, 1 + seed % 28)},
                          {"source", outlets[i % 5]},
                          {"text", text}};
    jsonl += doc.dump() + "\n";
  }
  return jsonl;
}

std::unique_ptr<dyad::store::EventStore> OpenStore(const std::string& path) {
  auto store = dyad::store::EventStore::Open(path, {.read_only = true});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

std::string Scalar(const dyad::store::EventStore& store, const std::string& sql) {
  auto r = store.Query(sql);
  EXPECT_TRUE(r.ok()) << sql << ": " << r.status().ToString();
  return r.ok() && !r->rows.empty() ? r->rows[0][0] : "";
}

int CountLines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(CliStore, IngestQueryExport) {
  TempDir dir;
  const std::string news = dir.Write("news.jsonl", GenerateNews(30));
  const std::string db = dir.path() + "/events.sqlite";
  CliResult first = Dyad("ingest --db " + db + " " + news + " --no-progress");
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("30 documents added"), std::string::npos) << first.err;
  CliResult again = Dyad("ingest --db " + db + " " + news + " --no-progress");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("0 documents added, 30 already stored"), std::string::npos) << again.err;

  auto store = OpenStore(db);
  ASSERT_NE(store, nullptr);
  auto counts = store->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 30);
  EXPECT_GT(counts->mentions, 30);
  EXPECT_LT(counts->events, counts->mentions);  // repeated articles fold into the same events

  // JSONL export equals what `dyad code` writes for the same input.
  CliResult code = Dyad("code " + news + " --no-progress");
  ASSERT_EQ(code.status, 0) << code.err;
  CliResult jsonl = Dyad("export --db " + db + " --format jsonl");
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  EXPECT_EQ(jsonl.out, code.out);
  CliResult gdelt = Dyad("export --db " + db + " --format gdelt");
  ASSERT_EQ(gdelt.status, 0);
  EXPECT_EQ(CountLines(gdelt.out), counts->events);
  std::istringstream rows(gdelt.out);
  for (std::string row; std::getline(rows, row);) EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 60);
  const std::string out = dir.path() + "/mentions.tsv";
  CliResult mentions = Dyad("export --db " + db + " --format gdelt-mentions -o " + out);
  ASSERT_EQ(mentions.status, 0) << mentions.err;
  std::ifstream in(out);
  int lines = 0;
  for (std::string row; std::getline(in, row); ++lines) EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 15);
  EXPECT_EQ(lines, counts->mentions);
  for (const char* f : {"csv", "petrarch"}) {
    CliResult r = Dyad("export --db " + db + " --format " + f);
    ASSERT_EQ(r.status, 0) << f << r.err;
    EXPECT_EQ(CountLines(r.out), counts->mentions + (std::string(f) == "csv" ? 1 : 0)) << f;
  }

  for (const char* report : {"monthly-dyads", "top-dyads", "goldstein-by-pair", "events-by-root"}) {
    CliResult r = Dyad(fmt::format("query --db {} --report {} --format csv", db, report));
    ASSERT_EQ(r.status, 0) << report << ": " << r.err;
    EXPECT_GT(CountLines(r.out), 1) << report;
  }
  CliResult top = Dyad("query --db " + db + " --report top-dyads --limit 3");
  ASSERT_EQ(top.status, 0) << top.err;
  EXPECT_EQ(top.out.substr(0, top.out.find('\n')).find("source_country"), 0u) << top.out;
  EXPECT_NE(top.out.find("(3 rows)"), std::string::npos) << top.out;
  CliResult sql = Dyad("query --db " + db + " \"SELECT count(*) AS n FROM documents\" --format jsonl");
  ASSERT_EQ(sql.status, 0) << sql.err;
  EXPECT_EQ(sql.out, "{\"n\":30}\n");
}

TEST(CliStore, ClearErrors) {
  TempDir dir;
  const std::string notes = dir.Write("notes.txt", "not a database at all, just some notes\n");
  CliResult r = Dyad("query --db " + notes + " --report top-dyads");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("notes.txt is not a dyad store"), std::string::npos) << r.err;
  r = Dyad("export --db " + dir.path() + "/missing.sqlite --format gdelt");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  const std::string db = dir.path() + "/e.sqlite";
  const std::string news = dir.Write("n.jsonl", GenerateNews(2));
  ASSERT_EQ(Dyad("ingest --db " + db + " " + news + " --no-progress").status, 0);
  r = Dyad("export --db " + db + " --format xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("xml"), std::string::npos);
  r = Dyad("query --db " + db + " \"DELETE FROM events\"");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("readonly"), std::string::npos) << r.err;
  r = Dyad("query --db " + db);
  EXPECT_EQ(r.status, 2);
}

// Starts `dyad ARGS...` without waiting; stdout and stderr go to /dev/null.
pid_t Spawn(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(DYAD_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DYAD_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

TEST(CliStoreDurability, KilledIngestResumesToTheSameStore) {
  TempDir dir;
  constexpr int kDocuments = 1500;
  const std::string news = dir.Write("news.jsonl", GenerateNews(kDocuments));
  const std::string killed = dir.path() + "/killed.sqlite", clean = dir.path() + "/clean.sqlite";
  const std::vector<std::string> args = {"ingest", "--db", killed, news, "--no-progress"};

  pid_t pid = Spawn(args);
  ASSERT_GT(pid, 0);
  // Wait for the first committed batches, then kill without warning.
  int64_t stored_at_kill = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!fs::exists(killed)) continue;
    auto store = dyad::store::EventStore::Open(killed, {.read_only = true});
    if (!store.ok()) continue;  // the schema may not be committed yet
    auto counts = (*store)->Count();
    if (counts.ok() && counts->documents >= 128) {
      stored_at_kill = counts->documents;
      break;
    }
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, WNOHANG), 0) << "the ingest ended before it could be killed";
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_GT(stored_at_kill, 0);
  ASSERT_LT(stored_at_kill, kDocuments);

  CliResult resumed = Dyad("ingest --db " + killed + " " + news + " --no-progress");
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("already stored"), std::string::npos);
  CliResult fresh = Dyad("ingest --db " + clean + " " + news + " --no-progress");
  ASSERT_EQ(fresh.status, 0) << fresh.err;

  auto a = OpenStore(killed), b = OpenStore(clean);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(Scalar(*a, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(Scalar(*a, "SELECT count(*) FROM documents"), std::to_string(kDocuments));
  EXPECT_EQ(Scalar(*a, "SELECT count(DISTINCT doc_id) FROM documents"), std::to_string(kDocuments));
  EXPECT_EQ(Scalar(*a, "SELECT count(*) FROM (SELECT 1 FROM mentions GROUP BY doc, sentence, "
                       "ordinal HAVING count(*) > 1)"),
            "0");
  EXPECT_EQ(Scalar(*a, "SELECT count(*) FROM events WHERE num_mentions <> (SELECT count(*) FROM "
                       "mentions m WHERE m.event = events.id)"),
            "0");
  auto ca = a->Count(), cb = b->Count();
  ASSERT_TRUE(ca.ok() && cb.ok());
  EXPECT_EQ(ca->documents, cb->documents);
  EXPECT_EQ(ca->sentences, cb->sentences);
  EXPECT_EQ(ca->mentions, cb->mentions);
  EXPECT_EQ(ca->events, cb->events);
  // Same ids, same counts, same rows: the resumed store is the clean one.
  for (auto format : {dyad::store::ExportFormat::kGdelt, dyad::store::ExportFormat::kGdeltMentions}) {
    std::string ea, eb;
    ASSERT_TRUE(a->Export(format, [&ea](std::string_view c) { ea += c; return dyad::Status::Ok(); }).ok());
    ASSERT_TRUE(b->Export(format, [&eb](std::string_view c) { eb += c; return dyad::Status::Ok(); }).ok());
    EXPECT_EQ(ea, eb);
    EXPECT_FALSE(ea.empty());
  }
}

}  // namespace
