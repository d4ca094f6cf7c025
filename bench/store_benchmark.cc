// Event store figures.
//  1. Reuters-21578 (../shared/data/news/reuters21578_docs.jsonl): documents/s of `dyad ingest`'s
//     work (code + store, one thread), of the store alone (IngestBatch of coded batches of 64), and
//     bytes of store per event and per mention. Skipped with a message when ../shared is absent.
//  2. A generated store of >= 1,000,000 de-duplicated events (deterministic, seed 42): build time,
//     bytes per event, and the latency of each report, a time series, the dyads and filtered
//     Events pages (median of 5 runs after one warm-up).
// Usage: store_benchmark [--docs N] [--events N] [--dir DIR]   (stores are written in DIR, /tmp)
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "io/document_stream.h"
#include "pipeline/engine.h"
#include "store/event_store.h"

namespace {

using Clock = std::chrono::steady_clock;
using dyad::store::EventStore;
namespace fs = std::filesystem;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// CPU seconds of this process: on the shared machine wall time also counts other jobs' turns.
double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

void Die(const dyad::Status& s) {
  std::fprintf(stderr, "store_benchmark: %s\n", s.ToString().c_str());
  std::exit(1);
}

std::unique_ptr<EventStore> Create(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  auto store = EventStore::Open(path);
  if (!store.ok()) Die(store.status());
  return std::move(store).value();
}

// Bytes of the store once its WAL is folded into the main file.
uint64_t StoreBytes(EventStore& store, const std::string& path) {
  auto r = store.Query("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!r.ok()) Die(r.status());
  return fs::file_size(path);
}

void Reuters(size_t limit, const std::string& dir) {
  const std::string corpus = DYAD_SHARED_DIR "/data/news/reuters21578_docs.jsonl";
  if (!fs::exists(corpus)) {
    std::printf("reuters: skip: %s not found (../shared is absent)\n", corpus.c_str());
    return;
  }
  dyad::pipeline::EngineOptions options;
  options.dictionaries = "dyad:" DYAD_DATA_DIR "/dictionaries";
  options.models_dir = DYAD_DATA_DIR "/models";
  auto engine = dyad::pipeline::Engine::Open(options);
  if (!engine.ok()) Die(engine.status());
  dyad::io::ReadOptions read_options;
  read_options.format = dyad::io::InputFormat::kJsonl;
  auto stream = dyad::io::DocumentStream::Open({corpus}, read_options);
  if (!stream.ok()) Die(stream.status());
  const std::string path = dir + "/dyad_bench_reuters.sqlite";
  auto store = Create(path);

  dyad::pipeline::Engine::Workspace ws;
  std::vector<dyad::model::Document> docs;
  std::vector<std::vector<dyad::model::Event>> events;
  double code_secs = 0, store_secs = 0;
  size_t n = 0, sentences = 0;
  auto flush = [&] {
    std::vector<dyad::store::IngestItem> items;
    for (size_t i = 0; i < docs.size(); ++i) items.push_back({&docs[i], events[i]});
    auto t = Clock::now();
    auto stats = store->IngestBatch(items);
    store_secs += Seconds(t);
    if (!stats.ok()) Die(stats.status());
    docs.clear();
    events.clear();
  };
  for (;;) {
    if (n >= limit) break;
    dyad::model::Document doc;
    dyad::Status error;
    auto ev = (*stream)->Next(&doc, &error);
    if (ev == dyad::io::ReadEvent::kEnd) break;
    if (ev == dyad::io::ReadEvent::kError) continue;
    auto t = Clock::now();
    std::vector<dyad::model::Event> coded;
    if (dyad::Status s = (*engine)->Code(doc, ws, coded); !s.ok()) Die(s);
    code_secs += Seconds(t);
    sentences += doc.sentences.size();
    docs.push_back(std::move(doc));
    events.push_back(std::move(coded));
    ++n;
    if (docs.size() == 64) flush();
  }
  flush();
  auto counts = store->Count();
  if (!counts.ok()) Die(counts.status());
  uint64_t bytes = StoreBytes(*store, path);
  std::printf("reuters: %zu documents, %zu sentences -> %lld mentions, %lld events\n", n, sentences,
              static_cast<long long>(counts->mentions), static_cast<long long>(counts->events));
  std::printf("reuters: code + store %.0f documents/s (coding %.1f s, store %.1f s); store alone %.0f documents/s\n",
              n / (code_secs + store_secs), code_secs, store_secs, n / store_secs);
  std::printf("reuters: store %.1f MB = %.0f bytes/event, %.0f bytes/mention (every sentence's text is kept)\n",
              bytes / 1e6, double(bytes) / counts->events, double(bytes) / counts->mentions);
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

// A deterministic news-like event stream: 4 sentences per document, one event each; one event in
// five repeats a recent one (another outlet reporting it), so mentions fold into events.
class Generator {
 public:
  void NextDocument(int64_t i, dyad::model::Document& doc, std::vector<dyad::model::Event>& events) {
    static const char* kCountries[] = {"IRN", "IRQ", "SYR", "TUR", "ISR", "EGY", "FRA", "DEU",
                                       "JPN", "CHN", "RUS", "IND", "PAK", "USA", "GBR", "SAU",
                                       "UKR", "AFG", "NGA", "BRA", "MEX", "KOR", "PRK", "LBN",
                                       "JOR", "YEM", "SDN", "ETH", "KEN", "ZAF"};
    struct Code { const char* cameo; const char* plover; double goldstein; int quad; };
    static const Code kCodes[] = {
        {"010", "", 0.0, 0},     {"020", "", 3.0, 0},          {"036", "CONSULT", 4.0, 1},
        {"040", "CONSULT", 1.0, 1}, {"042", "CONSULT", 1.9, 1}, {"051", "SUPPORT", 3.4, 1},
        {"057", "SUPPORT", 8.0, 1}, {"061", "COOPERATE", 6.4, 2}, {"070", "AID", 7.0, 2},
        {"073", "AID", 7.4, 2},  {"111", "DISAPPROVE", -2.0, 3}, {"112", "ACCUSE", -2.0, 3},
        {"120", "REJECT", -4.0, 3}, {"130", "THREATEN", -4.4, 3}, {"141", "PROTEST", -6.5, 3},
        {"163", "SANCTION", -8.0, 3}, {"173", "SEIZE", -5.0, 4}, {"180", "ASSAULT", -9.0, 4},
        {"190", "FIGHT", -10.0, 4}, {"195", "FIGHT", -10.0, 4}};
    static const char* kPlaces[] = {"Tehran", "Baghdad", "Damascus", "Ankara", "Cairo", "Paris",
                                    "Berlin", "Tokyo", "Beijing", "Moscow"};
    static const char* kOutlets[] = {"Reuters", "AFP", "AP", "IRNA", "Xinhua", "TASS", "BBC"};
    doc = dyad::model::Document();
    doc.id = fmt::format("gen-{:08}", i);
    doc.source = kOutlets[rng_() % 7];
    int day = static_cast<int>(rng_() % 3650);  // ten years
    auto date = std::chrono::sys_days(std::chrono::year(2016) / 1 / 1) + std::chrono::days(day);
    doc.date = dyad::model::Date(date);
    events.clear();
    for (uint32_t s = 0; s < 4; ++s) {
      Key key;
      if (!recent_.empty() && rng_() % 5 == 0) {
        key = recent_[rng_() % recent_.size()];
      } else {
        key.source = static_cast<int>(rng_() % 30);
        key.target = static_cast<int>((key.source + 1 + rng_() % 29) % 30);
        key.code = static_cast<int>(rng_() % 20);
        key.place = rng_() % 3 == 0 ? static_cast<int>(rng_() % 10) : -1;
        key.day = day;
        if (recent_.size() < 10000) {
          recent_.push_back(key);
        } else {
          recent_[rng_() % recent_.size()] = key;
        }
      }
      const Code& c = kCodes[key.code];
      std::string text = fmt::format("{} officials said on day {} that {} {} {} near the border.",
                                     kCountries[key.source], key.day, kCountries[key.source],
                                     c.plover[0] ? c.plover : "met", kCountries[key.target]);
      dyad::model::Sentence sentence;
      sentence.start = static_cast<uint32_t>(doc.text.size());
      doc.text += text;
      sentence.end = static_cast<uint32_t>(doc.text.size());
      sentence.paragraph = s;
      doc.text += ' ';
      doc.sentences.push_back(sentence);
      dyad::model::Event& e = events.emplace_back();
      e.doc_id = doc.id;
      e.sentence = s;
      e.date = dyad::model::Date(std::chrono::sys_days(std::chrono::year(2016) / 1 / 1) +
                                 std::chrono::days(key.day));
      e.pub_date = doc.date;
      e.source = {.text = kCountries[key.source], .code = kCountries[key.source],
                  .country = kCountries[key.source], .sector = "", .start = sentence.start,
                  .end = sentence.start + 3};
      e.target = {.text = kCountries[key.target], .code = kCountries[key.target],
                  .country = kCountries[key.target], .sector = "", .start = sentence.end - 20,
                  .end = sentence.end - 17};
      e.cameo = c.cameo;
      e.root = e.cameo.substr(0, 2);
      e.plover = c.plover;
      e.goldstein = c.goldstein;
      e.quad_class = c.quad;
      e.verb = {.text = "said", .lemma = "say", .start = sentence.start + 14, .end = sentence.start + 18};
      e.pattern = "generated:1";
      e.sentence_text = text;
      if (key.place >= 0) {
        e.location = {.name = kPlaces[key.place], .country = kCountries[key.place],
                      .precision = "city"};
      }
    }
  }

 private:
  struct Key { int source = 0, target = 0, code = 0, place = -1, day = 0; };
  std::mt19937_64 rng_{42};
  std::vector<Key> recent_;
};

// Median of 5 timed runs after a warm-up, in milliseconds.
double MedianMs(const std::function<void()>& f) {
  f();
  std::vector<double> ms;
  for (int i = 0; i < 5; ++i) {
    auto t = Clock::now();
    f();
    ms.push_back(Seconds(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms[2];
}

template <typename T>
void Check(const dyad::StatusOr<T>& r) {
  if (!r.ok()) Die(r.status());
}

void Generated(int64_t target_events, const std::string& dir) {
  const std::string path = dir + "/dyad_bench_generated.sqlite";
  auto store = Create(path);
  Generator gen;
  std::vector<dyad::model::Document> docs(256);
  std::vector<std::vector<dyad::model::Event>> events(256);
  int64_t made = 0, doc_count = 0;
  auto t = Clock::now();
  double cpu = CpuSeconds();
  while (made < target_events) {
    std::vector<dyad::store::IngestItem> items;
    for (size_t i = 0; i < docs.size(); ++i) {
      gen.NextDocument(doc_count++, docs[i], events[i]);
      items.push_back({&docs[i], events[i]});
    }
    auto stats = store->IngestBatch(items);
    Check(stats);
    made += stats->events_added;
  }
  double build = Seconds(t);
  cpu = CpuSeconds() - cpu;
  auto counts = store->Count();
  Check(counts);
  uint64_t bytes = StoreBytes(*store, path);
  std::printf("generated: %lld documents, %lld mentions, %lld events in %.1f s, %.1f s CPU "
              "(%.0f documents/s, %.0f mentions/s of CPU); %.0f MB = %.0f bytes/event\n",
              static_cast<long long>(counts->documents), static_cast<long long>(counts->mentions),
              static_cast<long long>(counts->events), build, cpu, counts->documents / cpu,
              counts->mentions / cpu, bytes / 1e6, double(bytes) / counts->events);

  using dyad::store::EventFilter;
  using dyad::store::Report;
  const std::pair<const char*, Report> reports[] = {
      {"monthly-dyads", Report::kMonthlyDyads},
      {"top-dyads", Report::kTopDyads},
      {"goldstein-by-pair", Report::kGoldsteinByPair},
      {"events-by-root", Report::kEventsByRoot}};
  for (const auto& [name, report] : reports) {
    std::printf("query: report %-28s %8.1f ms\n", name,
                MedianMs([&, report = report] { Check(store->RunReport(report, {}, 0)); }));
  }
  auto page = [&](const char* name, const EventFilter& f) {
    std::printf("query: %-35s %8.1f ms\n", name,
                MedianMs([&] { Check(store->Events(f, "", 100)); }));
  };
  page("Events page (100), no filter", {});
  page("Events page, country IRN + root 19", {.country = "IRN", .root = "19"});
  page("Events page, 2020-03, actor ISR", {.date_from = "2020-03-01", .date_to = "2020-03-31", .actor = "ISR"});
  page("Events page, place Baghdad + quad 4", {.quad_class = 4, .place = "Baghdad"});
  page("Events page, text 'border AND SANCTION'", {.text = "border AND SANCTION"});
  // A page deep in the store: the cursor of the 5,000th page.
  std::string deep = std::to_string(counts->events / 2);
  std::printf("query: %-35s %8.1f ms\n", "Events page at mid-store cursor",
              MedianMs([&] { Check(store->Events({}, deep, 100)); }));
  std::printf("query: %-35s %8.1f ms\n", "TimeSeries by month, country IRN",
              MedianMs([&] { Check(store->TimeSeries({.country = "IRN"}, dyad::store::Period::kMonth)); }));
  std::printf("query: %-35s %8.1f ms\n", "Dyads top 20",
              MedianMs([&] { Check(store->Dyads({}, 20)); }));
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

}  // namespace

int main(int argc, char** argv) {
  size_t docs = SIZE_MAX;
  int64_t events = 1000000;
  std::string dir = fs::temp_directory_path().string();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--docs")) docs = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--events")) events = std::stoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
  }
  if (docs > 0) Reuters(docs, dir);
  if (events > 0) Generated(events, dir);
  return 0;
}
