// The endpoints over the event store: POST /v1/ingest, GET /v1/events, /v1/stats/timeseries and
// /v1/stats/dyads. Query parameters become a store::EventFilter here (unknown parameters are
// errors, so a typo never silently widens a query); the store checks the values.
//
// An EventStore serves one thread at a time: readers come from a pool of read-only connections
// (WAL lets them read beside the writer), ingest uses the one writer under a mutex.
#ifndef DYAD_SERVER_STORE_ROUTES_H_
#define DYAD_SERVER_STORE_ROUTES_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <httplib.h>

#include "dyad/status.h"
#include "pipeline/engine.h"
#include "store/event_store.h"

namespace dyad::server {

// The filter of a request: from, to, actor, country, root, cameo, plover, quad_class, place, q;
// `extra` names the other parameters the endpoint takes. kInvalidArgument for an unknown
// parameter or a quad_class that is not an integer.
StatusOr<store::EventFilter> FilterFromParams(const httplib::Params& params, std::initializer_list<const char*> extra);

class StoreRoutes {
 public:
  // Opens (creating) the store at `path` for writing. `engine` codes ingested text.
  static StatusOr<std::unique_ptr<StoreRoutes>> Open(const std::string& path, const pipeline::Engine* engine,
                                                     std::string token, int timeout_s);

  void Register(httplib::Server& http);

 private:
  StoreRoutes() = default;
  // A read-only connection from the pool, returned by the deleter.
  using Reader = std::unique_ptr<store::EventStore, std::function<void(store::EventStore*)>>;
  StatusOr<Reader> AcquireReader();

  void Ingest(const httplib::Request& req, httplib::Response& res);
  void Events(const httplib::Request& req, httplib::Response& res);
  void TimeSeries(const httplib::Request& req, httplib::Response& res);
  void Dyads(const httplib::Request& req, httplib::Response& res);

  std::string path_;
  const pipeline::Engine* engine_ = nullptr;
  std::string token_;
  int timeout_s_ = 30;
  std::mutex writer_mu_;
  std::unique_ptr<store::EventStore> writer_;
  std::mutex readers_mu_;
  std::vector<std::unique_ptr<store::EventStore>> idle_readers_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_STORE_ROUTES_H_
