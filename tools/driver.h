// What every document-processing command shares: the input options, a parallel run over the
// documents with output in input order, the progress bar and the closing summary.
#ifndef DYAD_TOOLS_DRIVER_H_
#define DYAD_TOOLS_DRIVER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/status.h"
#include "model/document.h"

namespace dyad::tools {

struct InputOptions {
  std::vector<std::string> inputs;
  std::string input_format = "auto";
  std::string date;            // --date YYYY-MM-DD for inputs that carry none
  std::string output = "-";    // -o FILE; "-" is stdout
  int threads = 1;
  bool strict = false;
  bool progress = false;
  bool no_progress = false;
  size_t max_record_mb = 64;
};

// Registers inputs (positional), --input-format, --date, -o, --threads, --strict, --progress,
// --no-progress and --max-record-mb on `cmd`.
void AddInputOptions(CLI::App* cmd, InputOptions* options);

// Turns one document into output text appended to `out`. Called from worker threads, one call
// per document, so it must be thread-safe; a non-OK Status counts the document as failed.
using DocumentProcessor = std::function<Status(model::Document& doc, std::string& out)>;

// Reads every document, runs `process` on --threads workers and writes the outputs in input
// order. Prints errors as "file:line: what" and a summary line on stderr. Returns the exit code:
// 0 when every record was processed, 1 when any failed (or the first failure with --strict),
// 2 when the options or the output are unusable.
// `header` is written once before the first output (a CSV header row).
int RunDocuments(const std::string& command, const InputOptions& options,
                 const DocumentProcessor& process, const std::string& header = "");

}  // namespace dyad::tools

#endif  // DYAD_TOOLS_DRIVER_H_
