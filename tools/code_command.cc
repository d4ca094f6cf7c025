// dyad code: documents in any reader format -> coded events (JSONL, CSV, PETRARCH TSV, GDELT TSV).
#include <cstdio>

#include "commands.h"
#include "driver.h"
#include "engine_options.h"
#include "io/event_writer.h"

namespace dyad::tools {

void AddCodeCommand(CLI::App& app, CommandRunner* run) {
  auto options = std::make_shared<InputOptions>();
  auto flags = std::make_shared<EngineFlags>();
  auto format = std::make_shared<std::string>("jsonl");
  CLI::App* cmd = app.add_subcommand("code", "Code events: who did what to whom (JSONL by default)");
  AddInputOptions(cmd, options.get());
  AddEngineOptions(cmd, flags.get());
  cmd->add_option("--format", *format, "jsonl|csv|petrarch|gdelt")->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  dyad code examples/iran-iraq-accord.txt --date 2017-07-23\n"
      "  dyad code news.jsonl --threads 2 --format gdelt -o events.tsv\n"
      "  dyad code parsed.conllu --dictionaries petrarch2:PETRARCH2/dictionaries");
  cmd->callback([options, flags, format, run] {
    *run = [options, flags, format] {
      auto event_format = io::ParseEventFormat(*format);
      if (!event_format.ok()) {
        std::fprintf(stderr, "dyad code: --format: %s\n", event_format.status().message().c_str());
        return 2;
      }
      auto engine = pipeline::Engine::Open(flags->ToOptions());
      if (!engine.ok()) {
        std::fprintf(stderr, "dyad code: %s\n", engine.status().message().c_str());
        return 2;
      }
      const pipeline::Engine& e = **engine;
      const io::EventFormat f = *event_format;
      return RunDocuments(
          "code", *options,
          [&e, f](model::Document& doc, std::string& out) {
            thread_local pipeline::Engine::Workspace ws;
            thread_local std::vector<model::Event> events;
            events.clear();
            DYAD_RETURN_IF_ERROR(e.Code(doc, ws, events));
            io::AppendEvents(f, doc, events, out);
            return Status::Ok();
          },
          std::string(io::EventHeader(f)));
    };
  });
}

}  // namespace dyad::tools
