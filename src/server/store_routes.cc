// See store_routes.h.
#include "server/store_routes.h"

#include <charconv>

#include <fmt/format.h>

#include "io/event_writer.h"
#include "io/json_writer.h"
#include "server/code_request.h"
#include "server/http_util.h"

namespace dyad::server {

namespace {

StatusOr<int> IntParam(const httplib::Request& req, const char* name, int fallback, int min, int max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < min || n > max) {
    return InvalidArgumentError(fmt::format("{}={}: give an integer in {}..{}", name, v, min, max));
  }
  return n;
}

// The event's location, for the map, while the JSONL record does not carry one.
void AppendLocation(const model::EventLocation& l, std::string& out) {
  out += ",\"location\":{\"name\":";
  io::AppendJsonString(out, l.name);
  out += ",\"country\":";
  io::AppendJsonString(out, l.country);
  out += ",\"admin1\":";
  io::AppendJsonString(out, l.admin1);
  out += fmt::format(",\"lat\":{},\"lon\":{},\"precision\":", l.lat, l.lon);
  io::AppendJsonString(out, l.precision);
  out += '}';
}

}  // namespace

StatusOr<store::EventFilter> FilterFromParams(const httplib::Params& params, std::initializer_list<const char*> extra) {
  store::EventFilter f;
  for (const auto& [key, value] : params) {
    if (key == "from") f.date_from = value;
    else if (key == "to") f.date_to = value;
    else if (key == "actor") f.actor = value;
    else if (key == "country") f.country = value;
    else if (key == "root") f.root = value;
    else if (key == "cameo") f.cameo = value;
    else if (key == "plover") f.plover = value;
    else if (key == "place") f.place = value;
    else if (key == "q") f.text = value;
    else if (key == "quad_class") {
      if (value.empty()) continue;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), f.quad_class);
      if (ec != std::errc() || end != value.data() + value.size() || f.quad_class < 0 || f.quad_class > 4) {
        return InvalidArgumentError(fmt::format("quad_class={}: give 0..4", value));
      }
    } else if (std::find(extra.begin(), extra.end(), std::string_view(key)) == extra.end()) {
      return InvalidArgumentError(fmt::format(
          "unknown parameter '{}' (filters: from, to, actor, country, root, cameo, plover, quad_class, place, q)", key));
    }
  }
  return f;
}

StatusOr<std::unique_ptr<StoreRoutes>> StoreRoutes::Open(const std::string& path, const pipeline::Engine* engine,
                                                         std::string token, int timeout_s) {
  auto writer = store::EventStore::Open(path);
  if (!writer.ok()) return writer.status().WithContext(path);
  std::unique_ptr<StoreRoutes> r(new StoreRoutes());
  r->path_ = path;
  r->engine_ = engine;
  r->token_ = std::move(token);
  r->timeout_s_ = timeout_s;
  r->writer_ = std::move(*writer);
  return r;
}

StatusOr<StoreRoutes::Reader> StoreRoutes::AcquireReader() {
  std::unique_ptr<store::EventStore> s;
  {
    std::lock_guard lock(readers_mu_);
    if (!idle_readers_.empty()) {
      s = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    }
  }
  if (!s) {
    auto opened = store::EventStore::Open(path_, {.read_only = true});
    if (!opened.ok()) return opened.status().WithContext(path_);
    s = std::move(*opened);
  }
  return Reader(s.release(), [this](store::EventStore* p) {
    std::lock_guard lock(readers_mu_);
    idle_readers_.emplace_back(p);
  });
}

void StoreRoutes::Register(httplib::Server& http) {
  http.Post("/v1/ingest", [this](const httplib::Request& req, httplib::Response& res) { Ingest(req, res); });
  http.Get("/v1/events", [this](const httplib::Request& req, httplib::Response& res) { Events(req, res); });
  http.Get("/v1/stats/timeseries",
           [this](const httplib::Request& req, httplib::Response& res) { TimeSeries(req, res); });
  http.Get("/v1/stats/dyads", [this](const httplib::Request& req, httplib::Response& res) { Dyads(req, res); });
}

void StoreRoutes::Ingest(const httplib::Request& req, httplib::Response& res) {
  if (!Authorized(req, res, token_)) return;
  auto docs = ParseDocuments(req.body, IsJsonContent(req), req.get_param_value("date"));
  if (!docs.ok()) return SetError(res, docs.status());
  thread_local pipeline::Engine::Workspace ws;
  const Deadline deadline(timeout_s_);
  std::vector<std::vector<model::Event>> events(docs->size());
  std::vector<store::IngestItem> batch(docs->size());
  for (size_t i = 0; i < docs->size(); ++i) {
    if (Status s = deadline.Check(fmt::format("{} of {} documents coded", i, docs->size())); !s.ok()) {
      return SetError(res, s);
    }
    model::Document& doc = (*docs)[i];
    if (Status s = engine_->Code(doc, ws, events[i]); !s.ok()) return SetError(res, s.WithContext(doc.id));
    batch[i] = {&doc, events[i]};
  }
  StatusOr<store::IngestStats> stats = [&] {
    std::lock_guard lock(writer_mu_);
    return writer_->IngestBatch(batch);
  }();
  if (!stats.ok()) return SetError(res, stats.status());
  res.set_content(fmt::format("{{\"documents_added\":{},\"documents_skipped\":{},\"mentions_added\":{},"
                              "\"events_added\":{}}}\n",
                              stats->documents_added, stats->documents_skipped, stats->mentions_added,
                              stats->events_added),
                  kJsonType);
}

void StoreRoutes::Events(const httplib::Request& req, httplib::Response& res) {
  auto filter = FilterFromParams(req.params, {"limit", "cursor"});
  if (!filter.ok()) return SetError(res, filter.status());
  auto limit = IntParam(req, "limit", 100, 1, 10000);
  if (!limit.ok()) return SetError(res, limit.status());
  auto reader = AcquireReader();
  if (!reader.ok()) return SetError(res, reader.status());
  auto page = (*reader)->Events(*filter, req.get_param_value("cursor"), *limit);
  if (!page.ok()) return SetError(res, page.status());
  std::string out = "{\"events\":[";
  std::string line;
  for (size_t i = 0; i < page->events.size(); ++i) {
    const store::StoredEvent& se = page->events[i];
    line.clear();
    io::AppendEventJsonLine(se.event, line);
    line.pop_back();  // newline
    line.pop_back();  // the closing brace: the store's counts follow
    if (i) out += ',';
    out += fmt::format("{{\"id\":{},\"num_mentions\":{},\"num_sources\":{},\"num_articles\":{},", se.id,
                       se.num_mentions, se.num_sources, se.num_articles);
    out.append(line, 1);
    if (!se.event.location.empty() && line.find("\"location\":") == std::string::npos) {
      AppendLocation(se.event.location, out);
    }
    out += '}';
  }
  out += "],\"next_cursor\":";
  if (page->next_cursor.empty()) out += "null"; else io::AppendJsonString(out, page->next_cursor);
  out += "}\n";
  res.set_content(out, kJsonType);
}

void StoreRoutes::TimeSeries(const httplib::Request& req, httplib::Response& res) {
  auto filter = FilterFromParams(req.params, {"period"});
  if (!filter.ok()) return SetError(res, filter.status());
  const std::string period = req.has_param("period") ? req.get_param_value("period") : "month";
  if (period != "month" && period != "day") {
    return SetError(res, 400, fmt::format("period={}: give month or day", period));
  }
  auto reader = AcquireReader();
  if (!reader.ok()) return SetError(res, reader.status());
  auto points = (*reader)->TimeSeries(*filter, period == "day" ? store::Period::kDay : store::Period::kMonth);
  if (!points.ok()) return SetError(res, points.status());
  std::string out = fmt::format("{{\"period\":\"{}\",\"points\":[", period);
  for (size_t i = 0; i < points->size(); ++i) {
    const store::TimeSeriesPoint& p = (*points)[i];
    out += fmt::format("{}{{\"period\":", i ? "," : "");
    io::AppendJsonString(out, p.period);
    out += fmt::format(",\"quad_class\":{},\"events\":{},\"mentions\":{},\"mean_goldstein\":{:.2f}}}", p.quad_class,
                       p.events, p.mentions, p.mean_goldstein);
  }
  out += "]}\n";
  res.set_content(out, kJsonType);
}

void StoreRoutes::Dyads(const httplib::Request& req, httplib::Response& res) {
  auto filter = FilterFromParams(req.params, {"limit"});
  if (!filter.ok()) return SetError(res, filter.status());
  auto limit = IntParam(req, "limit", 50, 1, 1000);
  if (!limit.ok()) return SetError(res, limit.status());
  auto reader = AcquireReader();
  if (!reader.ok()) return SetError(res, reader.status());
  auto dyads = (*reader)->Dyads(*filter, *limit);
  if (!dyads.ok()) return SetError(res, dyads.status());
  std::string out = "{\"dyads\":[";
  for (size_t i = 0; i < dyads->size(); ++i) {
    const store::DyadCount& d = (*dyads)[i];
    out += fmt::format("{}{{\"source_country\":", i ? "," : "");
    io::AppendJsonString(out, d.source_country);
    out += ",\"target_country\":";
    io::AppendJsonString(out, d.target_country);
    out += fmt::format(",\"events\":{},\"mentions\":{},\"mean_goldstein\":{:.2f}}}", d.events, d.mentions,
                       d.mean_goldstein);
  }
  out += "]}\n";
  res.set_content(out, kJsonType);
}

}  // namespace dyad::server
