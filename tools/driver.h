// What every document-processing command shares: the input options, a parallel run over the
// documents with output in input order, the progress bar and the closing summary.
#ifndef DYAD_TOOLS_DRIVER_H_
#define DYAD_TOOLS_DRIVER_H_

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/status.h"
#include "model/document.h"
#include "model/event.h"

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

// Registers inputs (positional), --input-format, --date, -o (unless `with_output` is false),
// --threads, --strict, --progress, --no-progress and --max-record-mb on `cmd`.
void AddInputOptions(CLI::App* cmd, InputOptions* options, bool with_output = true);

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

// For commands that store events instead of printing them (`dyad ingest`): workers code each
// document into `events` (thread-safe, as DocumentProcessor); the calling thread then gets every
// batch's successfully processed documents in input order, ~64 at a time. A non-OK Status from
// `consume` ends the run with exit code 2 (the store is unusable); it is printed with the summary.
using CodingProcessor = std::function<Status(model::Document& doc, std::vector<model::Event>& events)>;
struct CodedDocument {
  const model::Document* doc;
  const std::vector<model::Event>* events;
};
using BatchConsumer = std::function<Status(std::span<const CodedDocument> batch)>;
int RunCodedBatches(const std::string& command, const InputOptions& options,
                    const CodingProcessor& process, const BatchConsumer& consume);

}  // namespace dyad::tools

#endif  // DYAD_TOOLS_DRIVER_H_
