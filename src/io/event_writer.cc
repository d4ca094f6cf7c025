#include "io/event_writer.h"

#include <cassert>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "io/json_writer.h"
#include "model/cameo_codes.h"

namespace dyad::io {

namespace {

constexpr int kPetrarchColumns = 11;
constexpr int kGdeltColumns = 61;
constexpr int kGdeltMentionColumns = 16;

// fmt appends straight into `out`: no temporary strings per field.
template <typename... Args>
void Append(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
  fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

// Goldstein values have one decimal; -0.0 prints as 0.0. Returns false (nothing written) for NaN
// or infinity, which only a broken coder produces; callers write null / an empty field.
bool AppendGoldstein(std::string& out, double value) {
  if (!std::isfinite(value)) return false;
  if (value == 0.0) value = 0.0;  // drops the sign of -0.0
  Append(out, "{:.1f}", value);
  return true;
}

void AppendDate(std::string& out, const model::Date& d, bool dashes) {
  int y = static_cast<int>(d.year());
  unsigned m = static_cast<unsigned>(d.month()), day = static_cast<unsigned>(d.day());
  if (dashes) {
    Append(out, "{:04}-{:02}-{:02}", y, m, day);
  } else {
    Append(out, "{:04}{:02}{:02}", y, m, day);
  }
}

std::string_view PrecisionName(model::DatePrecision p) {
  switch (p) {
    case model::DatePrecision::kDay: return "day";
    case model::DatePrecision::kMonth: return "month";
    case model::DatePrecision::kYear: return "year";
  }
  return "day";
}

// Calls f(name, first) for each flag set in `modality`, in a fixed order.
template <typename F>
void ForEachModality(uint8_t modality, F&& f) {
  static constexpr std::pair<uint8_t, std::string_view> kFlags[] = {
      {model::kModalityNegated, "negated"},
      {model::kModalityHypothetical, "hypothetical"},
      {model::kModalityFuture, "future"},
      {model::kModalityQuoted, "quoted"}};
  bool first = true;
  for (const auto& [bit, name] : kFlags) {
    if (modality & bit) {
      f(name, first);
      first = false;
    }
  }
}

// ---- jsonl ----

void AppendJsonStringOrNull(std::string& out, std::string_view s) {
  if (s.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, s);
  }
}

void AppendJsonActor(std::string& out, const model::EventActor& a) {
  out += "{\"text\":";
  AppendJsonString(out, a.text);
  out += ",\"code\":";
  AppendJsonString(out, a.code);
  out += ",\"country\":";
  AppendJsonStringOrNull(out, a.country);
  out += ",\"sector\":";
  AppendJsonStringOrNull(out, a.sector);
  Append(out, ",\"start\":{},\"end\":{}}}", a.start, a.end);
}

void AppendJsonlEvent(const model::Event& e, std::string& out) {
  out += "{\"doc_id\":";
  AppendJsonString(out, e.doc_id);
  Append(out, ",\"sentence\":{},\"date\":", e.sentence);
  if (e.date) {
    out.push_back('"');
    AppendDate(out, *e.date, /*dashes=*/true);
    out.push_back('"');
  } else {
    out += "null";
  }
  out += ",\"pub_date\":";
  if (e.pub_date) {
    out.push_back('"');
    AppendDate(out, *e.pub_date, /*dashes=*/true);
    out.push_back('"');
  } else {
    out += "null";
  }
  Append(out, ",\"date_precision\":\"{}\",\"source\":", PrecisionName(e.date_precision));
  AppendJsonActor(out, e.source);
  out += ",\"target\":";
  if (e.target.empty()) {
    out += "null";
  } else {
    AppendJsonActor(out, e.target);
  }
  out += ",\"cameo\":";
  AppendJsonString(out, e.cameo);
  out += ",\"root\":";
  AppendJsonStringOrNull(out, e.root);
  out += ",\"plover\":";
  AppendJsonStringOrNull(out, e.plover);
  out += ",\"goldstein\":";
  if (!AppendGoldstein(out, e.goldstein)) out += "null";
  Append(out, ",\"quad_class\":{},\"verb\":{{\"text\":", e.quad_class);
  AppendJsonString(out, e.verb.text);
  out += ",\"lemma\":";
  AppendJsonString(out, e.verb.lemma);
  Append(out, ",\"start\":{},\"end\":{}}},\"pattern\":", e.verb.start, e.verb.end);
  AppendJsonString(out, e.pattern);
  out += ",\"location\":";
  if (e.location.empty()) {
    out += "null";
  } else {
    const model::EventLocation& l = e.location;
    out += "{\"name\":";
    AppendJsonString(out, l.name);
    out += ",\"country\":";
    AppendJsonStringOrNull(out, l.country);
    out += ",\"admin1\":";
    AppendJsonStringOrNull(out, l.admin1);
    Append(out, ",\"lat\":{:.4f},\"lon\":{:.4f},\"geonameid\":", l.lat, l.lon);
    if (l.geonameid != 0) {
      Append(out, "{}", l.geonameid);
    } else {
      out += "null";
    }
    out += ",\"precision\":";
    AppendJsonString(out, l.precision);
    out += "}";
  }
  out += ",\"attribution\":";
  if (e.attribution.empty()) {
    out += "null";
  } else {
    out += "{\"text\":";
    AppendJsonString(out, e.attribution.text);
    out += ",\"code\":";
    AppendJsonStringOrNull(out, e.attribution.code);
    Append(out, ",\"start\":{},\"end\":{}}}", e.attribution.start, e.attribution.end);
  }
  out += ",\"modality\":[";
  ForEachModality(e.modality, [&](std::string_view name, bool first) {
    if (!first) out.push_back(',');
    AppendJsonString(out, name);
  });
  out += "],\"text\":";
  AppendJsonString(out, e.sentence_text);
  out += "}\n";
}

// ---- csv ----

constexpr std::string_view kCsvHeader =
    "doc_id,sentence,date,source_text,source_code,source_country,source_sector,"
    "target_text,target_code,target_country,target_sector,cameo,root,plover,goldstein,"
    "quad_class,verb,verb_lemma,pattern,text,pub_date,date_precision,location_name,location_country,"
    "location_admin1,location_lat,location_lon,location_geonameid,location_precision,attribution_text,"
    "attribution_code,modality\r\n";

void AppendCsvActor(std::string& out, const model::EventActor& a) {
  AppendCsvField(out, a.text);
  out.push_back(',');
  AppendCsvField(out, a.code);
  out.push_back(',');
  AppendCsvField(out, a.country);
  out.push_back(',');
  AppendCsvField(out, a.sector);
}

void AppendCsvEvent(const model::Event& e, std::string& out) {
  AppendCsvField(out, e.doc_id);
  Append(out, ",{},", e.sentence);
  if (e.date) AppendDate(out, *e.date, /*dashes=*/true);
  out.push_back(',');
  AppendCsvActor(out, e.source);
  out.push_back(',');
  AppendCsvActor(out, e.target);  // all four empty when there is no target
  out.push_back(',');
  AppendCsvField(out, e.cameo);
  out.push_back(',');
  AppendCsvField(out, e.root);
  out.push_back(',');
  AppendCsvField(out, e.plover);
  out.push_back(',');
  AppendGoldstein(out, e.goldstein);
  Append(out, ",{},", e.quad_class);
  AppendCsvField(out, e.verb.text);
  out.push_back(',');
  AppendCsvField(out, e.verb.lemma);
  out.push_back(',');
  AppendCsvField(out, e.pattern);
  out.push_back(',');
  AppendCsvField(out, e.sentence_text);
  out.push_back(',');
  if (e.pub_date) AppendDate(out, *e.pub_date, /*dashes=*/true);
  Append(out, ",{},", PrecisionName(e.date_precision));
  const model::EventLocation& l = e.location;
  AppendCsvField(out, l.name);
  out.push_back(',');
  AppendCsvField(out, l.country);
  out.push_back(',');
  AppendCsvField(out, l.admin1);
  out.push_back(',');
  if (l.empty()) {
    out.push_back(',');  // no lat, no lon
  } else {
    Append(out, "{:.4f},{:.4f}", l.lat, l.lon);
  }
  out.push_back(',');
  if (l.geonameid != 0) Append(out, "{}", l.geonameid);
  out.push_back(',');
  AppendCsvField(out, l.precision);
  out.push_back(',');
  AppendCsvField(out, e.attribution.text);
  out.push_back(',');
  AppendCsvField(out, e.attribution.code);
  out.push_back(',');
  ForEachModality(e.modality, [&](std::string_view name, bool first) {
    if (!first) out.push_back(';');
    out += name;
  });
  out += "\r\n";
}

// ---- TSV (petrarch, gdelt) ----

// Builds one tab-separated row and counts its columns, so a format change that forgets a column
// trips an assert in the tests instead of shifting every later column in the users' files.
class TsvRow {
 public:
  explicit TsvRow(std::string& out) : out_(out) {}

  // A text field; tab, CR and LF become spaces so the row keeps its shape.
  TsvRow& Text(std::string_view s) {
    Separate();
    size_t run = 0;
    for (size_t i = s.find_first_of("\t\r\n"); i != std::string_view::npos;
         i = s.find_first_of("\t\r\n", i + 1)) {
      out_.append(s, run, i - run);
      out_.push_back(' ');
      run = i + 1;
    }
    out_.append(s, run);
    return *this;
  }
  TsvRow& Empty() {
    Separate();
    return *this;
  }
  TsvRow& Empty(int n) {
    for (int i = 0; i < n; ++i) Separate();
    return *this;
  }
  template <typename... Args>
  TsvRow& Format(fmt::format_string<Args...> f, Args&&... args) {
    Separate();
    Append(out_, f, std::forward<Args>(args)...);
    return *this;
  }
  TsvRow& Date(const std::optional<model::Date>& d) {
    Separate();
    if (d) AppendDate(out_, *d, /*dashes=*/false);
    return *this;
  }
  TsvRow& Goldstein(double g) {
    Separate();
    AppendGoldstein(out_, g);
    return *this;
  }

  void End([[maybe_unused]] int expected_columns) {
    assert(columns_ == expected_columns);
    out_.push_back('\n');
  }

 private:
  void Separate() {
    if (columns_++ > 0) out_.push_back('\t');
  }

  std::string& out_;
  int columns_ = 0;
};

std::string_view CodeOrDashes(std::string_view code) { return code.empty() ? "---" : code; }

void AppendPetrarchEvent(const model::Document& doc, const model::Event& e, std::string& out) {
  TsvRow row(out);
  row.Date(e.date)
      .Text(CodeOrDashes(e.source.code))
      .Text(CodeOrDashes(e.target.code))
      .Text(e.cameo)
      .Empty();  // issues
  // ids: "<doc_id>_<sentence>", the doc id sanitized like any text field.
  row.Text(e.doc_id);
  Append(out, "_{}", e.sentence);
  row.Text(doc.url)
      .Text(doc.source.empty() ? std::string_view("NULL") : std::string_view(doc.source))
      .Text(e.source.text.empty() ? std::string_view("---") : std::string_view(e.source.text))
      .Text(e.target.text.empty() ? std::string_view("---") : std::string_view(e.target.text))
      .Text(e.verb.text.empty() ? std::string_view("---") : std::string_view(e.verb.text))
      .End(kPetrarchColumns);
}

// The paragraph GDELT would call the lead: that of the first sentence that is not a dateline
// ("TEHRAN (Reuters) -" heads the lead in the wire format, but is not prose).
uint32_t LeadParagraph(const model::Document& doc) {
  for (const model::Sentence& s : doc.sentences) {
    if (!(s.flags & model::Sentence::kNotProse)) return s.paragraph;
  }
  return 0;
}

bool IsRootEvent(const model::Document& doc, uint32_t lead_paragraph, uint32_t sentence) {
  if (doc.sentences.empty()) return sentence < 3;
  if (sentence >= doc.sentences.size()) return false;
  return doc.sentences[sentence].paragraph <= lead_paragraph;
}

void AppendGdeltActor(TsvRow& row, const model::EventActor& a) {
  row.Text(a.code)     // ActorCode
      .Text(a.text)     // ActorName
      .Text(a.country)  // ActorCountryCode (ISO3, see the header)
      .Empty(4)         // KnownGroupCode, EthnicCode, Religion1Code, Religion2Code
      .Text(a.sector)   // Type1Code
      .Empty(2);        // Type2Code, Type3Code
}

// ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID; all empty
// when the event has no location.
void AppendGdeltGeo(TsvRow& row, const model::EventLocation& l) {
  if (l.empty()) {
    row.Empty(8);
    return;
  }
  const bool us = l.country == "USA";
  int type = l.precision == "country" ? 1 : l.precision == "admin1" ? (us ? 2 : 5) : (us ? 3 : 4);
  std::string full = l.name;
  if (!l.admin1.empty() && l.admin1 != l.name) full += ", " + l.admin1;
  if (l.precision != "country") full += ", " + l.country;
  row.Format("{}", type).Text(full).Text(l.country).Empty(2).Format("{:.4f}", l.lat).Format("{:.4f}", l.lon);
  if (l.geonameid != 0) {
    row.Format("{}", l.geonameid);
  } else {
    row.Text(l.country);
  }
}

void AppendGdeltRow(const model::Document& doc, const model::Event& e, const GdeltEventCounts& counts,
                    bool root_event, const EventWriterOptions& options, std::string& out) {
  TsvRow row(out);
  row.Format("{}", counts.id);
  if (e.date) {
    int year = static_cast<int>(e.date->year());
    unsigned month = static_cast<unsigned>(e.date->month());
    unsigned day = static_cast<unsigned>(e.date->day());
    // ((month-1)*30 + day) / 365 in ten-thousandths, rounded; at most 361/365, so never 10000.
    unsigned fraction = (((month - 1) * 30 + day) * 10000 + 182) / 365;
    row.Date(e.date)
        .Format("{:04}{:02}", year, month)
        .Format("{:04}", year)
        .Format("{:04}.{:04}", year, fraction);
  } else {
    row.Empty(4);
  }
  AppendGdeltActor(row, e.source);
  if (e.target.empty()) {
    row.Empty(10);
  } else {
    AppendGdeltActor(row, e.target);
  }
  std::string_view code = e.cameo;
  std::string_view root = e.root.empty() ? code.substr(0, 2) : std::string_view(e.root);
  row.Format("{}", root_event ? 1 : 0)
      .Text(code)
      .Text(code.substr(0, 3))
      .Text(root);
  int quad = model::GdeltQuadClass(e.quad_class);
  if (quad > 0) {
    row.Format("{}", quad);
  } else {
    row.Empty();
  }
  row.Goldstein(e.goldstein)
      .Format("{}", counts.num_mentions)
      .Format("{}", counts.num_sources)
      .Format("{}", counts.num_articles)
      .Empty()      // AvgTone
      .Empty(16);   // Actor1Geo_*, Actor2Geo_*: dyad places events, not actors
  AppendGdeltGeo(row, e.location);
  if (!options.date_added.empty()) {
    row.Text(options.date_added);
  } else if (doc.date) {
    row.Date(doc.date);
    out += "000000";
  } else {
    row.Empty();
  }
  row.Text(doc.url.empty() ? std::string_view(e.doc_id) : std::string_view(doc.url))
      .End(kGdeltColumns);
}

}  // namespace

void AppendCsvField(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out.push_back('"');
  size_t run = 0;
  for (size_t i = s.find('"'); i != std::string_view::npos; i = s.find('"', i + 1)) {
    out.append(s, run, i + 1 - run);  // through the quote, then double it
    out.push_back('"');
    run = i + 1;
  }
  out.append(s, run);
  out.push_back('"');
}

StatusOr<EventFormat> ParseEventFormat(std::string_view name) {
  if (name == "jsonl") return EventFormat::kJsonl;
  if (name == "csv") return EventFormat::kCsv;
  if (name == "petrarch") return EventFormat::kPetrarch;
  if (name == "gdelt") return EventFormat::kGdelt;
  return InvalidArgumentError(fmt::format(
      "unknown event format '{}' (expected jsonl, csv, petrarch or gdelt)", name));
}

std::string_view EventFormatName(EventFormat format) {
  switch (format) {
    case EventFormat::kJsonl: return "jsonl";
    case EventFormat::kCsv: return "csv";
    case EventFormat::kPetrarch: return "petrarch";
    case EventFormat::kGdelt: return "gdelt";
  }
  return "unknown";
}

std::string_view CsvHeader() { return kCsvHeader; }

std::string_view EventHeader(EventFormat format) {
  return format == EventFormat::kCsv ? kCsvHeader : std::string_view();
}

void AppendEventJsonLine(const model::Event& event, std::string& out) { AppendJsonlEvent(event, out); }

uint64_t GdeltEventId(std::string_view doc_id, uint32_t sentence, uint32_t ordinal) {
  constexpr uint64_t kOffset = 14695981039346656037ull;
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t h = kOffset;
  auto mix = [&h](unsigned char byte) {
    h ^= byte;
    h *= kPrime;
  };
  for (char c : doc_id) mix(static_cast<unsigned char>(c));
  mix(0xFF);
  for (int shift = 0; shift < 32; shift += 8) mix(static_cast<unsigned char>(sentence >> shift));
  for (int shift = 0; shift < 32; shift += 8) mix(static_cast<unsigned char>(ordinal >> shift));
  constexpr uint64_t kMask53 = (uint64_t{1} << 53) - 1;
  uint64_t id = (h ^ (h >> 53)) & kMask53;
  return id == 0 ? 1 : id;
}

void AppendEvents(EventFormat format, const model::Document& doc,
                  std::span<const model::Event> events, std::string& out,
                  const EventWriterOptions& options) {
  switch (format) {
    case EventFormat::kJsonl:
      for (const model::Event& e : events) AppendJsonlEvent(e, out);
      return;
    case EventFormat::kCsv:
      for (const model::Event& e : events) AppendCsvEvent(e, out);
      return;
    case EventFormat::kPetrarch:
      for (const model::Event& e : events) AppendPetrarchEvent(doc, e, out);
      return;
    case EventFormat::kGdelt: {
      uint32_t lead = LeadParagraph(doc);
      // Ordinal of each event within its sentence. Coders emit events in sentence order, so a
      // running counter does; if the order is ever mixed, count the earlier events of the
      // sentence instead, so ids never depend on the order of other sentences' events.
      bool in_order = true;
      uint32_t ordinal = 0;
      for (size_t i = 0; i < events.size(); ++i) {
        const model::Event& e = events[i];
        if (i > 0 && e.sentence < events[i - 1].sentence) in_order = false;
        if (in_order) {
          ordinal = (i > 0 && e.sentence == events[i - 1].sentence) ? ordinal + 1 : 0;
        } else {
          ordinal = 0;
          for (size_t j = 0; j < i; ++j) ordinal += events[j].sentence == e.sentence;
        }
        GdeltEventCounts counts;
        counts.id = GdeltEventId(e.doc_id, e.sentence, ordinal);
        AppendGdeltRow(doc, e, counts, IsRootEvent(doc, lead, e.sentence), options, out);
      }
      return;
    }
  }
}

void AppendGdeltEvent(const model::Document& doc, const model::Event& event,
                      const GdeltEventCounts& counts, std::string& out,
                      const EventWriterOptions& options) {
  AppendGdeltRow(doc, event, counts, IsRootEvent(doc, LeadParagraph(doc), event.sentence), options,
                 out);
}

void AppendGdeltMention(const model::Document& doc, const model::Event& event,
                        uint64_t global_event_id, std::string_view event_time_date,
                        size_t doc_length, std::string& out) {
  TsvRow row(out);
  row.Format("{}", global_event_id).Text(event_time_date);
  if (doc.date) {
    row.Date(doc.date);
    out += "000000";
  } else {
    row.Empty();
  }
  auto offset = [](const model::EventActor& a) { return a.empty() ? int64_t{-1} : int64_t{a.start}; };
  row.Format("1")  // MentionType: WEB
      .Text(doc.source.empty() ? std::string_view(doc.id) : std::string_view(doc.source))
      .Text(doc.url.empty() ? std::string_view(doc.id) : std::string_view(doc.url))
      .Format("{}", uint64_t{event.sentence} + 1)
      .Format("{}", offset(event.source))
      .Format("{}", offset(event.target))
      .Format("{}", event.verb.start)
      .Format("1")  // InRawText
      .Format("{}", event.modality == model::kModalityNone ? 100 : 50)
      .Format("{}", doc_length)
      .Empty(3)  // MentionDocTone, MentionDocTranslationInfo, Extras
      .End(kGdeltMentionColumns);
}

}  // namespace dyad::io
