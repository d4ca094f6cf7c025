// dyad export: an event store written out as JSONL, CSV or PETRARCH TSV (every mention, as `dyad
// code` writes them), GDELT 2.0 events (de-duplicated, with their counts) or GDELT 2.0 mentions.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "commands.h"
#include "store/event_store.h"

namespace dyad::tools {

namespace {

struct ExportFlags {
  std::string db;
  std::string format = "jsonl";
  std::string output = "-";
};

int RunExport(const ExportFlags& x) {
  auto format = store::ParseExportFormat(x.format);
  if (!format.ok()) {
    fmt::print(stderr, "dyad export: --format: {}\n", format.status().message());
    return 2;
  }
  auto store = store::EventStore::Open(x.db, {.read_only = true});
  if (!store.ok()) {
    fmt::print(stderr, "dyad export: {}\n", store.status().message());
    return 2;
  }
  std::FILE* out = stdout;
  const std::string name = x.output == "-" ? "stdout" : x.output;
  if (x.output != "-" && (out = std::fopen(x.output.c_str(), "wb")) == nullptr) {
    fmt::print(stderr, "dyad export: cannot write {}: {}\n", x.output, std::strerror(errno));
    return 2;
  }
  auto failed = [&name] {
    return UnavailableError(fmt::format("writing {} failed: {}", name, std::strerror(errno)));
  };
  Status s = (*store)->Export(*format, [&](std::string_view chunk) {
    return std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size() ? Status::Ok() : failed();
  });
  if (s.ok() && std::fflush(out) != 0) s = failed();
  if (out != stdout && std::fclose(out) != 0 && s.ok()) s = failed();
  if (!s.ok()) {
    fmt::print(stderr, "dyad export: {}\n", s.message());
    return s.code() == StatusCode::kUnavailable ? 2 : 1;
  }
  return 0;
}

}  // namespace

void AddExportCommand(CLI::App& app, CommandRunner* run) {
  auto x = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand("export", "Write an event store out as JSONL, CSV, PETRARCH or GDELT");
  cmd->add_option("--db", x->db, "Event store file")->required();
  cmd->add_option("--format", x->format,
                  "jsonl|csv|petrarch (every mention, as dyad code writes them), gdelt "
                  "(de-duplicated events, 61 columns), gdelt-mentions (16 columns)")
      ->capture_default_str();
  cmd->add_option("-o,--output", x->output, "Output file ('-' is stdout)")->capture_default_str();
  cmd->footer(
      "Examples:\n"
      "  dyad export --db events.sqlite --format gdelt -o events.export.tsv\n"
      "  dyad export --db events.sqlite --format gdelt-mentions -o events.mentions.tsv");
  cmd->callback([x, run] {
    *run = [x] { return RunExport(*x); };
  });
}

}  // namespace dyad::tools
