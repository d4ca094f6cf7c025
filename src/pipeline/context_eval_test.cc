// Accuracy of the context stage on news sentences annotated for it (src/context/testdata/
// news_context.jsonl: 75 sentences written for dyad in wire style, each with a publication date,
// the verb of one event, and the expected place, event date, attribution and modality).
//
// The whole pipeline runs on each sentence (segmentation, tagger, parser with data/models; the
// shipped gazetteer; the coder's actor matcher for the attribution and source codes), but the
// event is built from the annotated verb, not taken from the coder, so the figures measure
// context alone, whatever the dictionaries cover. Floors sit just below the figures measured at
// commit time (README, "Context").
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "context/dep_tree.h"
#include "context/gazetteer.h"
#include "pipeline/engine.h"

namespace dyad::pipeline {
namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

std::string ModalityString(uint8_t m) {
  std::string s;
  static constexpr std::pair<uint8_t, const char*> kNames[] = {{model::kModalityNegated, "negated"},
                                                                {model::kModalityHypothetical, "hypothetical"},
                                                                {model::kModalityFuture, "future"},
                                                                {model::kModalityQuoted, "quoted"}};
  for (const auto& [bit, name] : kNames) {
    if (m & bit) s += s.empty() ? name : std::string(",") + name;
  }
  return s;
}

TEST(ContextEval, AnnotatedNewsSentences) {
  EngineOptions options;
  options.models_dir = DYAD_SOURCE_DIR "/data/models";
  options.dictionaries = "dyad:" DYAD_SOURCE_DIR "/data/dictionaries";
  options.gazetteer = DYAD_SOURCE_DIR "/data/gazetteer/places.tsv.gz";
  options.coder.code_negated = true;
  auto engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok()) << engine.status().message();
  Engine::Workspace ws;

  std::ifstream in(DYAD_SOURCE_DIR "/src/context/testdata/news_context.jsonl");
  ASSERT_TRUE(in) << "missing src/context/testdata/news_context.jsonl";
  int items = 0, date_ok = 0, country_ok = 0, place_ok = 0, attribution_ok = 0, modality_ok = 0;
  std::string misses;
  for (std::string line; std::getline(in, line);) {
    auto item = nlohmann::json::parse(line);
    ++items;
    model::Document doc;
    doc.id = Str(item, "id");
    doc.text = Str(item, "text");
    doc.date = model::ParseIsoDate(Str(item, "date"));
    ASSERT_TRUE((*engine)->Analyze(doc, ws).ok());

    // The event: the annotated verb, its subject as the source (coded by the coder's matcher).
    const std::string verb_form = Str(item, "verb");
    model::Event e;
    e.doc_id = doc.id;
    e.date = doc.date;
    context::DepTree tree;
    int verb = -1;
    for (size_t s = 0; s < doc.sentences.size() && verb < 0; ++s) {
      tree.Reset(doc, s);
      for (size_t t = 0; t < tree.size() && verb < 0; ++t) {
        if (tree.Form(t) == verb_form) verb = static_cast<int>(t);
      }
      e.sentence = static_cast<uint32_t>(s);
    }
    ASSERT_GE(verb, 0) << doc.id << ": no token '" << verb_form << "'";
    e.verb.start = tree.token(verb).start;
    e.verb.end = tree.token(verb).end;
    if (int subject = tree.Child(verb, "nsubj"); subject >= 0) {
      auto [b, end] = tree.Subtree(subject);
      e.source.start = tree.token(b).start;
      e.source.end = tree.token(end - 1).end;
      e.source.text = std::string(tree.Text(b, end));
      e.source.code = (*engine)->coder().CodePhrase(doc, e.sentence, b, end, ws.coder);
    }
    auto code_phrase = [&](size_t s, uint32_t b, uint32_t end) {
      return (*engine)->coder().CodePhrase(doc, s, b, end, ws.coder);
    };
    (*engine)->context().Resolve(doc, ws.context, std::span(&e, 1), code_phrase);

    static constexpr const char* kPrecision[] = {"day", "month", "year"};
    const std::string got_date = e.date ? model::FormatIsoDate(*e.date) : "";
    const bool date_right = got_date == Str(item, "event_date") &&
                            kPrecision[static_cast<int>(e.date_precision)] == Str(item, "date_precision");
    const bool country_right = e.location.country == Str(item, "country");
    const bool place_right = country_right && e.location.precision == Str(item, "place_precision");
    const std::string want_attribution = Str(item, "attribution");
    auto lower = [](std::string s) {
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    };
    const bool attribution_right = lower(e.attribution.text) == lower(want_attribution);
    std::string want_modality;
    for (const auto& m : item["modality"]) want_modality += (want_modality.empty() ? "" : ",") + m.get<std::string>();
    const bool modality_right = ModalityString(e.modality) == want_modality;
    date_ok += date_right;
    country_ok += country_right;
    place_ok += place_right;
    attribution_ok += attribution_right;
    modality_ok += modality_right;
    if (!date_right || !place_right || !attribution_right || !modality_right) {
      misses += fmt::format("  {}: date {} {} | place {} {} {} | attribution '{}' | modality [{}]\n", doc.id, got_date,
                            kPrecision[static_cast<int>(e.date_precision)], e.location.name, e.location.country,
                            e.location.precision, e.attribution.text, ModalityString(e.modality));
    }
  }
  ASSERT_GT(items, 60);
  auto pct = [&](int n) { return 100.0 * n / items; };
  std::printf("context on %d annotated sentences: date %.1f%%, place country %.1f%%, place exact %.1f%%, "
              "attribution %.1f%%, modality %.1f%%\nmisses:\n%s",
              items, pct(date_ok), pct(country_ok), pct(place_ok), pct(attribution_ok), pct(modality_ok),
              misses.c_str());
  EXPECT_GE(pct(date_ok), 85.0);
  EXPECT_GE(pct(country_ok), 80.0);
  EXPECT_GE(pct(place_ok), 75.0);
  EXPECT_GE(pct(attribution_ok), 80.0);
  EXPECT_GE(pct(modality_ok), 85.0);
}

}  // namespace
}  // namespace dyad::pipeline
