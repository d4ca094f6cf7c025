// Accuracy of the context stage on news sentences annotated for it (src/context/testdata/: 75
// development sentences in news_context.jsonl and 26 held-out ones in news_context_heldout.jsonl,
// written for dyad in wire style, each with a publication date, the verb of one event, and the
// expected place, event date, attribution and modality).
//
// The whole pipeline runs on each sentence (segmentation, tagger, parser with data/models; the
// shipped gazetteer; the coder's actor matcher for the attribution and source codes), but the
// event is built from the annotated verb, not taken from the coder, so the figures measure
// context alone, whatever the dictionaries cover. Floors sit just below the figures measured at
// commit time (README, "Context").
#include <cctype>
#include <cstdio>
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

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
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

struct Scores {
  int items = 0, date = 0, country = 0, place = 0, attribution = 0, modality = 0;
  std::string misses;
  double Pct(int n) const { return 100.0 * n / items; }
  std::string Summary() const {
    return fmt::format("{} sentences: date {:.1f}%, place country {:.1f}%, place exact {:.1f}%, attribution {:.1f}%, "
                       "modality {:.1f}%", items, Pct(date), Pct(country), Pct(place), Pct(attribution), Pct(modality));
  }
};

class ContextEval : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions options;
    options.models_dir = DYAD_SOURCE_DIR "/data/models";
    options.dictionaries = "dyad:" DYAD_SOURCE_DIR "/data/dictionaries";
    options.gazetteer = DYAD_SOURCE_DIR "/data/gazetteer/places.tsv.gz";
    auto engine = Engine::Open(options);
    if (engine.ok()) engine_ = std::move(*engine).release();
    else std::fprintf(stderr, "cannot open the engine: %s\n", engine.status().message().c_str());
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  // Scores the context stage on the annotated sentences of `file` (in src/context/testdata).
  static Scores Evaluate(const std::string& file) {
    Scores scores;
    std::ifstream in(DYAD_SOURCE_DIR "/src/context/testdata/" + file);
    EXPECT_TRUE(in) << "missing " << file;
    Engine::Workspace ws;
    for (std::string line; std::getline(in, line);) {
      auto item = nlohmann::json::parse(line);
      ++scores.items;
      model::Document doc;
      doc.id = Str(item, "id");
      doc.text = Str(item, "text");
      doc.date = model::ParseIsoDate(Str(item, "date"));
      EXPECT_TRUE(engine_->Analyze(doc, ws).ok());

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
      if (verb < 0) {
        ADD_FAILURE() << doc.id << ": no token '" << verb_form << "'";
        continue;
      }
      e.verb.start = tree.token(verb).start;
      e.verb.end = tree.token(verb).end;
      auto code_phrase = [&](size_t s, uint32_t b, uint32_t end) {
        return engine_->coder().CodePhrase(doc, s, b, end, ws.coder);
      };
      if (int subject = tree.Child(verb, "nsubj"); subject >= 0) {
        auto [b, end] = tree.Subtree(subject);
        e.source.start = tree.token(b).start;
        e.source.end = tree.token(end - 1).end;
        e.source.text = std::string(tree.Text(b, end));
        e.source.code = code_phrase(e.sentence, b, end);
      }
      engine_->context().Resolve(doc, ws.context, std::span(&e, 1), code_phrase);

      static constexpr const char* kPrecision[] = {"day", "month", "year"};
      const std::string got_date = e.date ? model::FormatIsoDate(*e.date) : "";
      const bool date_right = got_date == Str(item, "event_date") &&
                              kPrecision[static_cast<int>(e.date_precision)] == Str(item, "date_precision");
      const bool country_right = e.location.country == Str(item, "country");
      const bool place_right = country_right && e.location.precision == Str(item, "place_precision");
      const bool attribution_right = Lower(e.attribution.text) == Lower(Str(item, "attribution"));
      std::string want_modality;
      for (const auto& m : item["modality"]) want_modality += (want_modality.empty() ? "" : ",") + m.get<std::string>();
      const bool modality_right = ModalityString(e.modality) == want_modality;
      scores.date += date_right;
      scores.country += country_right;
      scores.place += place_right;
      scores.attribution += attribution_right;
      scores.modality += modality_right;
      if (!date_right || !place_right || !attribution_right || !modality_right) {
        scores.misses += fmt::format("  {}: date {} {} | place {} {} {} | attribution '{}' | modality [{}]\n", doc.id,
                                     got_date, kPrecision[static_cast<int>(e.date_precision)], e.location.name,
                                     e.location.country, e.location.precision, e.attribution.text,
                                     ModalityString(e.modality));
      }
    }
    return scores;
  }

  static const Engine* engine_;
};

const Engine* ContextEval::engine_ = nullptr;

// The set the rules were developed on: figures are optimistic.
TEST_F(ContextEval, DevelopmentSet) {
  ASSERT_NE(engine_, nullptr);
  Scores s = Evaluate("news_context.jsonl");
  ASSERT_GT(s.items, 60);
  std::printf("context, development set, %s\nmisses:\n%s", s.Summary().c_str(), s.misses.c_str());
  EXPECT_GE(s.Pct(s.date), 95.0);
  EXPECT_GE(s.Pct(s.country), 92.0);
  EXPECT_GE(s.Pct(s.place), 92.0);
  EXPECT_GE(s.Pct(s.attribution), 97.0);
  EXPECT_GE(s.Pct(s.modality), 97.0);
}

// Sentences written after the rules were frozen and never tuned on: the honest figures.
TEST_F(ContextEval, HeldOutSet) {
  ASSERT_NE(engine_, nullptr);
  Scores s = Evaluate("news_context_heldout.jsonl");
  ASSERT_GT(s.items, 20);
  std::printf("context, held-out set, %s\nmisses:\n%s", s.Summary().c_str(), s.misses.c_str());
  EXPECT_GE(s.Pct(s.date), 92.0);
  EXPECT_GE(s.Pct(s.country), 69.0);
  EXPECT_GE(s.Pct(s.place), 69.0);
  EXPECT_GE(s.Pct(s.attribution), 95.0);
  EXPECT_GE(s.Pct(s.modality), 95.0);
}

}  // namespace
}  // namespace dyad::pipeline
