// dyad parse: raw text in any reader format -> CoNLL-U (segmented, tagged, lemmatized, parsed).
#include <cstdio>

#include "commands.h"
#include "driver.h"
#include "io/conllu.h"
#include "nlp/pipeline.h"
#include "text/analyzer.h"

namespace dyad::tools {

void AddParseCommand(CLI::App& app, CommandRunner* run) {
  auto options = std::make_shared<InputOptions>();
  auto models = std::make_shared<std::string>(DYAD_DATA_DIR "/models");
  CLI::App* cmd = app.add_subcommand("parse", "Tag, lemmatize and parse documents (CoNLL-U output)");
  AddInputOptions(cmd, options.get());
  cmd->add_option("--models", *models, "Directory of en-tagger.bin and en-parser.bin")->capture_default_str();
  cmd->callback([options, models, run] {
    *run = [options, models] {
      auto pipeline = nlp::Pipeline::Load(*models);
      if (!pipeline.ok()) {
        std::fprintf(stderr, "dyad parse: %s\n", pipeline.status().ToString().c_str());
        return 2;
      }
      const nlp::Pipeline& p = **pipeline;
      return RunDocuments("parse", *options, [&p](model::Document& doc, std::string& out) {
        text::SegmentAndTokenize(doc);
        p.Analyze(doc);
        io::AppendConllu(doc, out);
        return Status::Ok();
      });
    };
  });
}

}  // namespace dyad::tools
