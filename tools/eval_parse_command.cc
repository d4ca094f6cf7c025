// dyad eval-parse: accuracy of the nlp models on a gold CoNLL-U file with gold tokenization.
//
// Prints one line per metric group and, last, the summary line
// "UPOS=.. XPOS=.. LEMMA=.. UAS=.. LAS=.." that scripts and the eval test parse.
#include <chrono>
#include <cstdio>

#include <fmt/format.h>

#include "commands.h"
#include "io/conllu.h"
#include "nlp/evaluation.h"
#include "nlp/pipeline.h"

namespace dyad::tools {

namespace {

struct EvalOptions {
  std::string gold;
  std::string models = DYAD_DATA_DIR "/models";
  std::string tagger, parser;  // override single files
  std::string output;          // predicted CoNLL-U, optional
};

int RunEval(const EvalOptions& o) {
  auto fail = [](const Status& s) {
    std::fprintf(stderr, "dyad eval-parse: %s\n", s.ToString().c_str());
    return 2;
  };
  auto t0 = std::chrono::steady_clock::now();
  auto tagger = nlp::LoadTaggerModel(o.tagger.empty() ? o.models + "/" + nlp::kTaggerFile : o.tagger);
  if (!tagger.ok()) return fail(tagger.status());
  auto parser = nlp::LoadParserModel(o.parser.empty() ? o.models + "/" + nlp::kParserFile : o.parser);
  if (!parser.ok()) return fail(parser.status());
  auto pipeline = nlp::Pipeline::FromModels(std::move(*tagger), std::move(*parser));
  auto t1 = std::chrono::steady_clock::now();
  auto gold = io::ReadConlluFile(o.gold);
  if (!gold.ok()) return fail(gold.status());

  std::vector<model::Document> predicted;
  predicted.reserve(gold->size());
  for (const model::Document& g : *gold) predicted.push_back(nlp::StripAnalysis(g));
  nlp::Pipeline::Workspace ws;
  auto t2 = std::chrono::steady_clock::now();
  for (model::Document& d : predicted) pipeline->Analyze(d, ws);
  auto t3 = std::chrono::steady_clock::now();

  nlp::ParseScores scores;
  for (size_t i = 0; i < gold->size(); ++i) {
    if (Status s = nlp::AddScores((*gold)[i], predicted[i], &scores); !s.ok()) return fail(s);
  }
  if (!o.output.empty()) {
    std::string out;
    for (const model::Document& d : predicted) io::AppendConllu(d, out);
    if (Status s = nlp::WriteFileBytes(o.output, out); !s.ok()) return fail(s);
  }
  double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  double secs = std::chrono::duration<double>(t3 - t2).count();
  std::printf("tokens: %zu, sentences: %zu\n", scores.tokens,
              [&] { size_t n = 0; for (auto& d : *gold) n += d.sentences.size(); return n; }());
  std::printf("models loaded in %.0f ms; analysis %.2f s (%.0f tokens/s, 1 thread, incl. lemmas)\n",
              load_ms, secs, secs > 0 ? scores.tokens / secs : 0.0);
  std::printf("LAS with subtypes: %.2f\n", scores.Percent(scores.las_full));
  std::printf("%s\n", scores.Summary().c_str());
  return 0;
}

}  // namespace

void AddEvalParseCommand(CLI::App& app, CommandRunner* run) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval-parse", "Score the tagger, lemmatizer and parser on gold CoNLL-U (gold tokenization)");
  cmd->add_option("gold", o->gold, "Gold CoNLL-U file")->required();
  cmd->add_option("--models", o->models, "Directory of en-tagger.bin and en-parser.bin")->capture_default_str();
  cmd->add_option("--tagger", o->tagger, "Tagger model file (overrides --models)");
  cmd->add_option("--parser", o->parser, "Parser model file (overrides --models)");
  cmd->add_option("-o,--output", o->output, "Also write the predicted CoNLL-U here");
  cmd->callback([o, run] { *run = [o] { return RunEval(*o); }; });
}

}  // namespace dyad::tools
