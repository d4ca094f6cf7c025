// See http_util.h.
#include "server/http_util.h"

#include <fmt/format.h>

#include "io/json_writer.h"

namespace dyad::server {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
    case StatusCode::kOutOfRange: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

void SetError(httplib::Response& res, int http_status, std::string_view message) {
  std::string body = "{\"error\":";
  io::AppendJsonString(body, message);
  body += "}\n";
  res.status = http_status;
  res.set_content(body, kJsonType);
}

void SetError(httplib::Response& res, const Status& status) {
  SetError(res, HttpStatusFor(status.code()), status.message());
}

bool Authorized(const httplib::Request& req, httplib::Response& res, const std::string& token) {
  if (token.empty()) return true;
  const std::string given = req.get_header_value("Authorization");
  const std::string expected = "Bearer " + token;
  // Constant time over the expected length, so timing does not reveal a matching prefix.
  unsigned diff = given.size() != expected.size();
  for (size_t i = 0; i < expected.size(); ++i) {
    diff |= static_cast<unsigned char>(expected[i]) ^ static_cast<unsigned char>(i < given.size() ? given[i] : 0);
  }
  if (diff == 0) return true;
  res.set_header("WWW-Authenticate", "Bearer");
  SetError(res, 401,
           given.empty() ? "this endpoint needs a bearer token: send \"Authorization: Bearer TOKEN\""
                         : "wrong bearer token");
  return false;
}

bool IsJsonContent(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == kJsonType;
}

Status Deadline::Check(std::string_view what) const {
  if (std::chrono::steady_clock::now() < end_) return Status::Ok();
  return UnavailableError(fmt::format("the request took longer than the {} s limit ({}); send less text per request",
                                      seconds_, what));
}

}  // namespace dyad::server
