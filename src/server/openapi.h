// The OpenAPI 3 description of dyad's HTTP API, served at /v1/openapi.json. Kept by hand beside
// the routes (server.cc, store_routes.cc); server_test.cc checks that every route is described.
#ifndef DYAD_SERVER_OPENAPI_H_
#define DYAD_SERVER_OPENAPI_H_

#include <string>
#include <string_view>

namespace dyad::server {

// The document, with info.version = `version`.
std::string OpenApiJson(std::string_view version);

}  // namespace dyad::server

#endif  // DYAD_SERVER_OPENAPI_H_
