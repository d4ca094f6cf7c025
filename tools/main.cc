// dyad: political event coding from news text. See README.md for the commands.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"dyad: turns news text into political event data (who did what to whom, when, where)"};
  app.set_version_flag("--version", std::string("dyad ") + DYAD_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  dyad code examples/iran-iraq-accord.txt --date 2017-07-23\n"
      "  dyad explain examples/iran-iraq-accord.txt --date 2017-07-23\n"
      "  dyad segment examples/iran-iraq-accord.txt --date 2017-07-23\n"
      "  dyad segment corpus/ --input-format jsonl --threads 2 -o sentences.jsonl\n"
      "  zstdcat news.jsonl.zst | dyad segment - --input-format jsonl\n"
      "  dyad ingest --db events.sqlite news.jsonl && dyad query --db events.sqlite --report top-dyads\n"
      "  dyad serve --port 8080 --db events.db\n"
      "Run 'dyad COMMAND --help' for a command's options.");

  dyad::tools::CommandRunner run;
  dyad::tools::AddSegmentCommand(app, &run);
  dyad::tools::AddTrainCommand(app, &run);
  dyad::tools::AddParseCommand(app, &run);
  dyad::tools::AddEvalParseCommand(app, &run);
  dyad::tools::AddCodeCommand(app, &run);
  dyad::tools::AddExplainCommand(app, &run);
  dyad::tools::AddDictCommand(app, &run);
  dyad::tools::AddValidateCommand(app, &run);
  dyad::tools::AddIngestCommand(app, &run);
  dyad::tools::AddQueryCommand(app, &run);
  dyad::tools::AddExportCommand(app, &run);
  dyad::tools::AddServeCommand(app, &run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return run ? run() : 2;
}
