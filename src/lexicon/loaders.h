// Loaders for the dictionary formats of PETRARCH2, UniversalPetrarch, PETRARCH-1 and TABARI.
//
// Policy: a bad line is skipped (or read with a stated repair) and reported as a Diagnostic
// "file:line: what"; the load fails only on fatal problems: a file that cannot be read (kNotFound,
// kUnavailable), or any diagnostic when LoadOptions::strict is set (kInvalidArgument, first one).
// Never crashes on damaged input: lines, expansions and nesting are bounded.
// Each Load* reads files; each Parse* takes the text itself (for tests and embedded data), with
// `name` used in diagnostics and locations.
//
// Encoding: lines that are not valid UTF-8 are read as Latin-1 and transcoded, with a warning; a
// UTF-8 byte order mark is dropped; CR before LF is dropped.
#ifndef DYAD_LEXICON_LOADERS_H_
#define DYAD_LEXICON_LOADERS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lexicon/dictionary.h"

namespace dyad::lexicon {

struct LoadOptions {
  bool strict = false;               // fail on the first diagnostic
  size_t max_line_bytes = 1 << 16;   // longer lines are skipped
  size_t max_expansions = 4096;      // per line: issue +/n:/v: forms, agent substitutions
};

// Reads a whole file. kNotFound when it does not exist, kUnavailable when it cannot be read.
StatusOr<std::string> ReadDictionaryFile(const std::string& path);

// PETRARCH2 (CAMEO.2.0.txt) or UniversalPetrarch verb dictionary; `format` must be one of those two.
StatusOr<VerbDictionary> LoadPetrarchVerbs(const std::string& path, VerbFormat format,
                                           const LoadOptions& options, std::vector<Diagnostic>* diagnostics);
StatusOr<VerbDictionary> ParsePetrarchVerbs(std::string_view text, std::string_view name, VerbFormat format,
                                            const LoadOptions& options, std::vector<Diagnostic>* diagnostics);

// TABARI .verbs or PETRARCH-1 (PETR.Validate.verbs.txt) linear-pattern verb dictionary.
StatusOr<VerbDictionary> LoadLinearVerbs(const std::string& path, VerbFormat format,
                                         const LoadOptions& options, std::vector<Diagnostic>* diagnostics);
StatusOr<VerbDictionary> ParseLinearVerbs(std::string_view text, std::string_view name, VerbFormat format,
                                          const LoadOptions& options, std::vector<Diagnostic>* diagnostics);

// Actors: PETRARCH2 (.txt, '#' comments) and TABARI (.actors, ';' comments, <NOUN>/<ADJECTIVE>)
// files share one syntax; comments of both kinds are recognized. Several files load into one.
StatusOr<ActorDictionary> LoadActors(std::span<const std::string> paths, const LoadOptions& options,
                                     std::vector<Diagnostic>* diagnostics);
Status ParseActors(std::string_view text, std::string_view name, const LoadOptions& options,
                   ActorDictionary* dict, std::vector<Diagnostic>* diagnostics);

// Agents. `tabari` = TABARI syntax: ';' comments, no generated plurals (TABARI matches stems).
StatusOr<AgentDictionary> LoadAgents(const std::string& path, bool tabari, const LoadOptions& options,
                                     std::vector<Diagnostic>* diagnostics);
Status ParseAgents(std::string_view text, std::string_view name, bool tabari, const LoadOptions& options,
                   AgentDictionary* dict, std::vector<Diagnostic>* diagnostics);

StatusOr<DiscardList> LoadDiscards(const std::string& path, const LoadOptions& options,
                                   std::vector<Diagnostic>* diagnostics);
Status ParseDiscards(std::string_view text, std::string_view name, const LoadOptions& options,
                     DiscardList* list, std::vector<Diagnostic>* diagnostics);

StatusOr<IssueList> LoadIssues(const std::string& path, const LoadOptions& options,
                               std::vector<Diagnostic>* diagnostics);
Status ParseIssues(std::string_view text, std::string_view name, const LoadOptions& options, IssueList* list,
                   std::vector<Diagnostic>* diagnostics);

StatusOr<TabariOptions> LoadTabariOptions(const std::string& path, const LoadOptions& options,
                                          std::vector<Diagnostic>* diagnostics);
Status ParseTabariOptions(std::string_view text, std::string_view name, const LoadOptions& options,
                          TabariOptions* out, std::vector<Diagnostic>* diagnostics);

// Reads a TABARI .project file; does not load the files it names.
StatusOr<TabariProject> LoadTabariProject(const std::string& path, const LoadOptions& options,
                                          std::vector<Diagnostic>* diagnostics);
StatusOr<TabariProject> ParseTabariProject(std::string_view text, std::string_view name,
                                           std::string_view folder, const LoadOptions& options,
                                           std::vector<Diagnostic>* diagnostics);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_LOADERS_H_
