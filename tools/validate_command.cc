// dyad validate: runs a peer's validation suite (TABARI, PETRARCH unit tests, UniversalPetrarch)
// through dyad's own pipeline, from the text: segmentation, dyad's tagger and parser, the coder with
// the suite's own dictionaries. A record passes when the set of (source, target, code) dyad codes
// equals the set the suite expects (io/validation_suite.h says what each suite marker means).
//
// Output: with --verbose, each failure (expected vs got, and the text); then per-category counts,
// event-level figures (expected events found, extra events), the skipped records by reason, and
// last "N passed, N failed". Exit 0 when the suite ran, whatever the pass rate; 2 on unusable input.
#include <cstdio>
#include <map>
#include <set>

#include <fmt/format.h>

#include "commands.h"
#include "engine_options.h"
#include "io/validation_suite.h"

namespace dyad::tools {

namespace {

using Triple = io::ExpectedEvent;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

std::string Format(const std::set<Triple>& events) {
  if (events.empty()) return "(none)";
  std::string out;
  for (const Triple& e : events) {
    out += fmt::format("{}{}/{}/{}", out.empty() ? "" : " ", e.source.empty() ? "-" : e.source,
                       e.target.empty() ? "-" : e.target, e.code);
  }
  return out;
}

struct Tally {
  int passed = 0, failed = 0, skipped = 0;
};

}  // namespace

void AddValidateCommand(CLI::App& app, CommandRunner* run) {
  struct Args {
    std::string suite, path;
    std::string models = kDefaultModels;
    bool verbose = false;
    bool parse_all = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("validate", "Run a TABARI/PETRARCH/UniversalPetrarch validation suite");
  cmd->add_option("SUITE", args->suite, "tabari, petrarch or up")->required();
  cmd->add_option("PATH", args->path, "The suite's folder (or, for petrarch/up, its records XML)")->required();
  cmd->add_option("--models", args->models, "Directory of en-tagger.bin and en-parser.bin")->capture_default_str();
  cmd->add_flag("--verbose,-v", args->verbose, "Print each failing record: expected vs got, and its text");
  cmd->add_flag("--parse-all", args->parse_all, kParseAllHelp);
  cmd->footer(
      "Examples:\n"
      "  dyad validate tabari ../shared/data/compat/tabari-validation\n"
      "  dyad validate petrarch ../shared/data/compat/petrarch-unittest --verbose\n"
      "  dyad validate up ../shared/data/compat/universalpetrarch-validate");
  cmd->callback([args, run] {
    *run = [args] {
      auto kind = io::ParseSuiteKind(args->suite);
      if (!kind.ok()) {
        std::fprintf(stderr, "dyad validate: %s\n", kind.status().message().c_str());
        return 2;
      }
      auto suite = io::ReadValidationSuite(*kind, args->path);
      if (!suite.ok()) {
        std::fprintf(stderr, "dyad validate: %s\n", suite.status().message().c_str());
        return 2;
      }
      for (const std::string& w : suite->warnings) std::fprintf(stderr, "dyad validate: warning: %s\n", w.c_str());

      pipeline::EngineOptions options;
      options.models_dir = args->models;
      options.dictionaries = suite->dictionaries;
      options.parse_all = args->parse_all;
      auto engine = pipeline::Engine::Open(options);
      if (!engine.ok()) {
        std::fprintf(stderr, "dyad validate: %s\n", engine.status().message().c_str());
        return 2;
      }
      std::printf("suite %s: %s (%zu records), dictionaries %s\n", std::string(io::SuiteKindName(*kind)).c_str(),
                  suite->records_file.c_str(), suite->records.size(), suite->dictionaries.c_str());

      // Records coded under TABARI's SET: CONVERT AGENT or COMMA: OFF get an engine of their own
      // per combination, opened once.
      std::map<std::pair<bool, bool>, std::unique_ptr<pipeline::Engine>> variants;
      pipeline::Engine::Workspace ws;
      std::vector<model::Event> events;
      std::map<std::string, Tally> categories;
      std::map<std::string, int> skip_reasons;
      Tally total;
      size_t expected_events = 0, found_events = 0, coded_events = 0, extra_events = 0;
      for (const io::SuiteRecord& r : suite->records) {
        Tally& cat = categories[r.category.empty() ? "(none)" : r.category];
        if (!r.skip.empty()) {
          ++cat.skipped;
          ++total.skipped;
          ++skip_reasons[r.skip];
          continue;
        }
        std::set<Triple> got;
        std::string error;
        if (r.min_words <= 0 || io::CountWords(r.text) >= r.min_words) {
          model::Document doc;
          doc.id = r.id;
          doc.date = r.date;
          doc.text = r.text;
          events.clear();
          pipeline::Engine* coding = engine->get();
          if (r.convert_agents || !r.comma_clauses) {
            std::unique_ptr<pipeline::Engine>& variant = variants[{r.convert_agents, r.comma_clauses}];
            if (variant == nullptr) {
              pipeline::EngineOptions variant_options = options;
              variant_options.coder.convert_agents = r.convert_agents;
              variant_options.coder.comma_clauses = r.comma_clauses;
              auto opened = pipeline::Engine::Open(variant_options);
              if (!opened.ok()) {
                std::fprintf(stderr, "dyad validate: %s\n", opened.status().message().c_str());
                return 2;
              }
              variant = std::move(opened).value();
            }
            coding = variant.get();
          }
          Status s = coding->Code(doc, ws, events);
          if (!s.ok()) error = s.message();
          for (const model::Event& e : events) got.insert(Triple{Upper(e.source.code), Upper(e.target.code), Upper(e.cameo)});
        }
        const std::set<Triple> expected(r.expected.begin(), r.expected.end());
        const std::set<Triple> allowed(r.allowed.begin(), r.allowed.end());
        bool ok = error.empty();
        for (const Triple& e : expected) ok = ok && got.count(e) > 0;
        size_t found = 0, extra = 0;
        for (const Triple& e : expected) found += got.count(e);
        for (const Triple& g : got) {
          if (!expected.count(g) && !allowed.count(g)) ++extra;
        }
        ok = ok && extra == 0;
        expected_events += expected.size();
        found_events += found;
        coded_events += got.size();
        extra_events += extra;
        if (ok) {
          ++cat.passed;
          ++total.passed;
          continue;
        }
        ++cat.failed;
        ++total.failed;
        if (args->verbose) {
          std::printf("FAIL %s (%s, %s:%zu)\n  expected: %s%s\n  got:      %s\n", r.id.c_str(), r.category.c_str(),
                      suite->records_file.c_str(), r.line, Format(expected).c_str(),
                      r.marker.empty() ? "" : fmt::format(" {{{}}}", r.marker).c_str(), Format(got).c_str());
          if (!error.empty()) std::printf("  error:    %s\n", error.c_str());
          std::string text = r.text;
          for (char& c : text) {
            if (c == '\n') c = ' ';
          }
          std::printf("  text:     %s\n", text.c_str());
        }
      }

      std::printf("\n%-12s %7s %7s %8s %10s\n", "category", "passed", "failed", "skipped", "pass rate");
      for (const auto& [name, t] : categories) {
        int evaluated = t.passed + t.failed;
        std::string rate = evaluated ? fmt::format("{:.1f}%", 100.0 * t.passed / evaluated) : "-";
        std::printf("%-12s %7d %7d %8d %10s\n", name.c_str(), t.passed, t.failed, t.skipped, rate.c_str());
      }
      int evaluated = total.passed + total.failed;
      std::printf("%-12s %7d %7d %8d %10s\n", "all", total.passed, total.failed, total.skipped,
                  evaluated ? fmt::format("{:.1f}%", 100.0 * total.passed / evaluated).c_str() : "-");
      std::printf("events: %zu expected, %zu found (%.1f%%); %zu coded, %zu extra (%.1f%%)\n", expected_events,
                  found_events, expected_events ? 100.0 * found_events / expected_events : 0.0, coded_events,
                  extra_events, coded_events ? 100.0 * extra_events / coded_events : 0.0);
      std::string reasons;
      for (const auto& [why, count] : skip_reasons) reasons += fmt::format("{}{} {}", reasons.empty() ? "" : "; ", count, why);
      std::printf("%d skipped%s%s%s\n", total.skipped, reasons.empty() ? "" : " (", reasons.c_str(),
                  reasons.empty() ? "" : ")");
      std::printf("%d passed, %d failed\n", total.passed, total.failed);
      return 0;
    };
  });
}

}  // namespace dyad::tools
