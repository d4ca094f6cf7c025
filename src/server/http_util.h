// What every route shares: Status -> HTTP status, JSON error bodies, bearer-token checks and the
// per-request deadline. Internal to the server stage.
#ifndef DYAD_SERVER_HTTP_UTIL_H_
#define DYAD_SERVER_HTTP_UTIL_H_

#include <chrono>
#include <string>
#include <string_view>

#include <httplib.h>

#include "dyad/status.h"

namespace dyad::server {

inline constexpr char kJsonType[] = "application/json";

// kInvalidArgument, kDataLoss, kOutOfRange -> 400; kNotFound -> 404; kFailedPrecondition -> 409;
// kResourceExhausted -> 413; kUnavailable -> 503; kInternal and anything else -> 500.
int HttpStatusFor(StatusCode code);

// Sets `res` to {"error": message} with `http_status`.
void SetError(httplib::Response& res, int http_status, std::string_view message);
// Sets `res` to {"error": status.message()} with HttpStatusFor(status.code()).
void SetError(httplib::Response& res, const Status& status);

// True when no token is configured or the request carries "Authorization: Bearer <token>"; the
// comparison takes the same time wherever the strings differ. Otherwise sets a 401 and returns false.
bool Authorized(const httplib::Request& req, httplib::Response& res, const std::string& token);

// True when the request's Content-Type is application/json (parameters ignored).
bool IsJsonContent(const httplib::Request& req);

// A request's time budget, checked between units of work.
class Deadline {
 public:
  explicit Deadline(int seconds)
      : seconds_(seconds), end_(std::chrono::steady_clock::now() + std::chrono::seconds(seconds)) {}
  // kUnavailable naming the limit and `what` was done when the deadline has passed.
  Status Check(std::string_view what) const;

 private:
  int seconds_;
  std::chrono::steady_clock::time_point end_;
};

}  // namespace dyad::server

#endif  // DYAD_SERVER_HTTP_UTIL_H_
