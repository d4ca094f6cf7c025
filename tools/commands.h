// The dyad CLI's subcommands. Each Add*Command registers itself on the app and sets `*run` to the
// function that executes it once the command line is parsed; that function returns the exit code.
#ifndef DYAD_TOOLS_COMMANDS_H_
#define DYAD_TOOLS_COMMANDS_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace dyad::tools {

using CommandRunner = std::function<int()>;

void AddSegmentCommand(CLI::App& app, CommandRunner* run);
void AddTrainCommand(CLI::App& app, CommandRunner* run);
void AddParseCommand(CLI::App& app, CommandRunner* run);
void AddEvalParseCommand(CLI::App& app, CommandRunner* run);
void AddCodeCommand(CLI::App& app, CommandRunner* run);
void AddExplainCommand(CLI::App& app, CommandRunner* run);
void AddDictCommand(CLI::App& app, CommandRunner* run);
void AddValidateCommand(CLI::App& app, CommandRunner* run);
void AddIngestCommand(CLI::App& app, CommandRunner* run);
void AddQueryCommand(CLI::App& app, CommandRunner* run);
void AddExportCommand(CLI::App& app, CommandRunner* run);
void AddServeCommand(CLI::App& app, CommandRunner* run);

}  // namespace dyad::tools

#endif  // DYAD_TOOLS_COMMANDS_H_
