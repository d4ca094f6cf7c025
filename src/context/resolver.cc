#include "context/resolver.h"

#include <algorithm>

#include "context/attribution.h"
#include "context/places.h"
#include "context/temporal.h"

namespace dyad::context {

namespace {

void AddCountry(std::vector<std::string>& countries, const std::string& c) {
  if (!c.empty() && std::find(countries.begin(), countries.end(), c) == countries.end()) countries.push_back(c);
}

// True when the reporter is (part of) the event's source: "Iran said it signed" reports its own
// act; "Iraq said Iran attacked" reports a claim about another.
bool ReporterIsSource(const model::EventAttribution& a, const model::EventActor& source) {
  if (a.start < source.end && source.start < a.end) return true;
  // "Iraq" and "Iraqi forces" (IRQ, IRQMIL) are one side; "Afghan officials" and "the Taliban"
  // (AFGGOV, AFGREB) are not.
  if (!a.code.empty() && !source.code.empty()) {
    return a.code.starts_with(source.code) || source.code.starts_with(a.code);
  }
  return a.text.size() == source.text.size() && EqualsLower(a.text, source.text);
}

void SetLocation(const Place& p, model::EventLocation* loc) {
  loc->name = p.name;
  loc->country = p.country;
  loc->admin1 = p.kind == Place::Kind::kCountry ? "" : p.admin1;
  loc->lat = p.lat;
  loc->lon = p.lon;
  loc->geonameid = p.geonameid;
  loc->precision = std::string(PrecisionName(p.kind));
}

}  // namespace

void Resolver::Resolve(const model::Document& doc, Workspace& ws, std::span<model::Event> events,
                       const PhraseCoder& coder) const {
  ws.countries.clear();
  for (const model::Event& e : events) {
    AddCountry(ws.countries, e.source.country);
    AddCountry(ws.countries, e.target.country);
  }
  const Place* dateline = gazetteer_ ? DatelinePlace(doc, *gazetteer_, ws.countries) : nullptr;
  if (dateline != nullptr) AddCountry(ws.countries, dateline->country);

  size_t current = doc.sentences.size();
  for (model::Event& e : events) {
    if (e.sentence >= doc.sentences.size()) continue;
    if (e.sentence != current) {
      current = e.sentence;
      ws.tree.Reset(doc, current);
    }
    const DepTree& tree = ws.tree;
    const int verb = tree.TokenAt(e.verb.start);
    if (verb < 0) continue;
    e.pub_date = doc.date;
    e.modality |= VerbModality(tree, static_cast<uint32_t>(verb));
    const bool future = e.modality & model::kModalityFuture;

    // The verb's own clause, then the clause it is coordinated with or the complement of
    // ("signed the accord on Sunday and pledged to ...").
    std::optional<ResolvedDate> date;
    const Place* place = nullptr;
    uint32_t cur = static_cast<uint32_t>(verb);
    for (int steps = 0; steps < 8; ++steps) {
      tree.Clause(cur, ws.clause);
      if (!date) date = ResolveDate(tree, ws.clause, doc.date, future);
      if (place == nullptr && gazetteer_) place = PlaceOfClause(tree, cur, ws.clause, *gazetteer_, ws.countries);
      // Up through coordination and control, and through a verb the parser made a modifier
      // ("Israeli aircraft struck targets in Gaza" with "struck" an amod of "targets").
      std::string_view rel = tree.DeprelBase(cur);
      const bool misparsed = rel == "amod" || tree.Deprel(cur) == "acl";
      if ((date && place) || tree.head(cur) < 0 || (rel != "conj" && rel != "xcomp" && !misparsed)) break;
      cur = static_cast<uint32_t>(tree.head(cur));
    }
    if (!date || place == nullptr) {
      tree.Verbless(ws.clause);
      if (!date) date = ResolveDate(tree, ws.clause, doc.date, future);
      if (place == nullptr && gazetteer_) {
        place = PlaceOfClause(tree, static_cast<uint32_t>(verb), ws.clause, *gazetteer_, ws.countries);
      }
    }
    if (date) {
      e.date = date->date;
      e.date_precision = date->precision;
    } else {
      e.date = doc.date;
      e.date_precision = model::DatePrecision::kDay;
    }
    if (place == nullptr) place = dateline;
    e.location = {};
    if (place != nullptr) SetLocation(*place, &e.location);

    Attribution a;
    if (FindAttribution(tree, static_cast<uint32_t>(verb), &a)) {
      e.attribution.text = std::string(tree.Text(a.begin, a.end));
      e.attribution.start = tree.token(a.begin).start;
      e.attribution.end = tree.token(a.end - 1).end;
      e.attribution.code = coder ? coder(current, a.begin, a.end) : "";
      if (a.complement && !ReporterIsSource(e.attribution, e.source)) e.modality |= model::kModalityQuoted;
    }
  }
}

}  // namespace dyad::context
