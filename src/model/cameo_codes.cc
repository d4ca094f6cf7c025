// Lookups over the generated table (src/model/cameo_table.cc). A sorted array and a binary search
// rather than a hash map: 318 rows fit in a few cache lines of views, the search needs no
// construction at startup, and a failed lookup is decided by the length/digit check before it.
#include "model/cameo_codes.h"

#include <algorithm>

namespace dyad::model {

namespace {

bool IsCodeShaped(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const CameoCode* FindCameoCode(std::string_view code) {
  if (!IsCodeShaped(code)) return nullptr;
  std::span<const CameoCode> table = AllCameoCodes();
  auto it = std::lower_bound(table.begin(), table.end(), code,
                             [](const CameoCode& row, std::string_view c) { return row.code < c; });
  if (it == table.end() || it->code != code) return nullptr;
  return &*it;
}

bool AssignCameoAttributes(Event& event, GoldsteinScale scale) {
  const CameoCode* row = FindCameoCode(event.cameo);
  if (row == nullptr) return false;
  event.root.assign(row->root());
  event.plover.assign(row->plover);
  event.goldstein = scale == GoldsteinScale::kPhoenix ? row->goldstein_phoenix : row->goldstein;
  event.quad_class = row->quad_class;
  return true;
}

}  // namespace dyad::model
