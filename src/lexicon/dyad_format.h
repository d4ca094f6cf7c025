// dyad's own dictionary format: one readable, line-based syntax for actors, agents, discards and
// verb patterns written over lemmas and dependency roles. See doc/dictionary-format.md.
//
//   actor Iran | Islamic Republic of Iran | Iranian* | Tehran = IRN
//   actor Donald Trump | Trump
//       USAELI ..2017-01-20
//       USAGOV 2017-01-20..2021-01-20
//   agent defence minister | defense minister = ~GOVMIL
//   discard football | soccer
//   verb sign | ink = ---
//       obj=agreement|accord|memorandum -> 057 <->
//       obj=ceasefire|truce -> 0871 <->
//   verb attack = 190
//       with=rocket|missile -> 195
//
// Files compile into the same structs as the PETRARCH2 loaders (dictionary.h), so one coder runs
// every dictionary set. Words are matched exactly (upper-cased) unless they end in '*' (a stem).
#ifndef DYAD_LEXICON_DYAD_FORMAT_H_
#define DYAD_LEXICON_DYAD_FORMAT_H_

#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "lexicon/dictionary.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon {

struct DyadDictionaries {
  VerbDictionary* verbs = nullptr;
  ActorDictionary* actors = nullptr;
  AgentDictionary* agents = nullptr;
  DiscardList* discards = nullptr;
};

// Parses one file into `out` (appending). Bad lines are skipped with a diagnostic; fails only in
// strict mode. Call FinishDyadVerbs() once after the last file.
Status ParseDyadDictionary(std::string_view text, std::string_view name, const LoadOptions& options,
                           const DyadDictionaries& out, std::vector<Diagnostic>* diagnostics);
Status LoadDyadDictionary(const std::string& path, const LoadOptions& options, const DyadDictionaries& out,
                          std::vector<Diagnostic>* diagnostics);
void FinishDyadVerbs(VerbDictionary* verbs);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_DYAD_FORMAT_H_
