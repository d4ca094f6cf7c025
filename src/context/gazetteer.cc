#include "context/gazetteer.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace dyad::context {

namespace {

constexpr std::string_view kMagic = "# dyad gazetteer v1";

bool IsAlnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::string_view PrecisionName(Place::Kind kind) {
  switch (kind) {
    case Place::Kind::kCountry: return "country";
    case Place::Kind::kAdmin1: return "admin1";
    case Place::Kind::kCity: return "city";
  }
  return "city";
}

std::string PlaceKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (unsigned char c : name) {
    if (IsAlnum(c)) {
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c != '.' && c != '\'' && !key.empty() && key.back() != ' ') {
      key += ' ';  // "U.S." -> "us", "Ma'rib" -> "marib", "Deir ez-Zor" -> "deir ez zor"
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.starts_with("the ")) key.erase(0, 4);
  // Arabic article: "Al-Hasakah", "Ar Raqqah", "As Sulaymaniyah" spelled with or without it.
  static constexpr std::string_view kArticles[] = {"al ", "el ", "ar ", "as ", "ash ", "ad ", "an ", "at ", "az "};
  for (std::string_view a : kArticles) {
    if (key.starts_with(a) && key.size() >= a.size() + 4) {
      key.erase(0, a.size());
      break;
    }
  }
  if (key.size() > 3 && key.ends_with("ah")) key.pop_back();  // "Raqqah" = "Raqqa"
  return key;
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return NotFoundError("cannot open gazetteer '" + path + "'");
  std::string text;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  int err = Z_OK;
  const char* msg = gzerror(f, &err);
  const bool failed = n < 0 || (err != Z_OK && err != Z_STREAM_END);
  const std::string what = failed ? std::string(msg) : "";
  gzclose(f);
  if (failed) return DataLossError(path + ": corrupt gazetteer: " + what);
  return Parse(text, path);
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Parse(std::string_view text, const std::string& origin) {
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  size_t line_no = 0;
  std::string_view fields[9];
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    auto fail = [&](const std::string& what) {
      return DataLossError(origin + ":" + std::to_string(line_no) + ": " + what);
    };
    if (line_no == 1) {
      if (!line.starts_with(kMagic)) return fail("not a dyad gazetteer (expected a first line '" + std::string(kMagic) + "')");
      continue;
    }
    if (line.empty()) continue;
    size_t count = 0;
    for (size_t start = 0;; ++count) {
      size_t tab = line.find('\t', start);
      if (count < 9) fields[count] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
      if (tab == std::string_view::npos) {
        ++count;
        break;
      }
      start = tab + 1;
    }
    if (count != 9) return fail("expected 9 tab-separated fields, found " + std::to_string(count));
    Place p;
    if (fields[0] == "C") p.kind = Place::Kind::kCountry;
    else if (fields[0] == "A") p.kind = Place::Kind::kAdmin1;
    else if (fields[0] == "P") p.kind = Place::Kind::kCity;
    else if (fields[0] == "K") p.kind = Place::Kind::kCity, p.capital = true;
    else return fail("unknown kind '" + std::string(fields[0]) + "' (expected C, A, P or K)");
    if (!ParseNumber(fields[1], &p.geonameid)) return fail("bad GeoNames id '" + std::string(fields[1]) + "'");
    if (fields[2].empty()) return fail("empty name");
    if (fields[3].size() != 3) return fail("bad country code '" + std::string(fields[3]) + "'");
    // Written as "not within" so that NaN ("nan" parses) is refused too.
    if (!ParseNumber(fields[5], &p.lat) || !ParseNumber(fields[6], &p.lon) || !(std::abs(p.lat) <= 90) ||
        !(std::abs(p.lon) <= 180)) {
      return fail("bad coordinates '" + std::string(fields[5]) + "', '" + std::string(fields[6]) + "'");
    }
    // A negative population would make Best's log-population score NaN and match nothing.
    if (!ParseNumber(fields[7], &p.population) || p.population < 0) {
      return fail("bad population '" + std::string(fields[7]) + "'");
    }
    p.name = fields[2];
    p.country = fields[3];
    p.admin1 = fields[4];
    const uint32_t id = static_cast<uint32_t>(g->places_.size());
    auto add = [&](std::string_view name) {
      std::string key = PlaceKey(name);
      if (key.empty()) return;
      std::vector<uint32_t>& ids = g->index_[key];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    };
    add(p.name);
    for (std::string_view aliases = fields[8]; !aliases.empty();) {
      size_t bar = aliases.find('|');
      add(aliases.substr(0, bar));
      aliases.remove_prefix(bar == std::string_view::npos ? aliases.size() : bar + 1);
    }
    g->places_.push_back(std::move(p));
  }
  if (line_no == 0) return DataLossError(origin + ": empty gazetteer");
  // Countries first, so a caller that wants "the country called X" looks at the front.
  for (auto& [key, ids] : g->index_) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return (g->places_[a].kind == Place::Kind::kCountry) > (g->places_[b].kind == Place::Kind::kCountry);
    });
  }
  return g;
}

std::span<const uint32_t> Gazetteer::Find(std::string_view name) const {
  auto it = index_.find(PlaceKey(name));
  if (it == index_.end()) return {};
  return it->second;
}

const Place* Gazetteer::Best(std::string_view name, std::span<const std::string> likely_countries,
                             bool region_wanted) const {
  std::span<const uint32_t> ids = Find(name);
  if (ids.empty()) return nullptr;
  if (places_[ids.front()].kind == Place::Kind::kCountry) return &places_[ids.front()];
  const Place* best = nullptr;
  double best_score = -1e9;
  for (uint32_t id : ids) {
    const Place& p = places_[id];
    // Population decides between namesakes (Tripoli, Libya over Tripoli, Lebanon), unless the
    // document is about one of their countries; a region loses to its own seat ("in Tehran" is
    // the city) unless the text asks for a region ("in southern Hasaka").
    double score = std::log10(static_cast<double>(p.population) + 1.0);
    if (std::find(likely_countries.begin(), likely_countries.end(), p.country) != likely_countries.end()) {
      score += 2.0;
    }
    // A region's population is the sum of its cities', so it gets a handicap ("in Washington" is
    // the capital, not the state) unless asked for.
    if (p.kind == Place::Kind::kAdmin1) score += region_wanted ? 1.0 : -1.0;
    if (p.capital) score += 0.5;
    if (score > best_score) {
      best_score = score;
      best = &p;
    }
  }
  return best;
}

}  // namespace dyad::context
