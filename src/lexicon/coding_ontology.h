// UniversalPetrarch's PETRARCH Internal Coding Ontology (PICO): a number for each CAMEO code, whose
// hex digits are features (category, cooperation, issue), so that arithmetic on the numbers composes
// meanings. UniversalPetrarch uses it for one thing: a negated verb's code minus 0xFFFF, read back as
// a CAMEO code, is what "not doing" the action means. The file gives an opposed code exactly
// 0xFFFF apart ("110:0x1007f" is 0xFFFF + 0x80, and 0x80 is 050, so "did not clash" -> 050); most
// codes have none, and a negated verb with such a code yields no event.
//
// Syntax, one mapping a line: CODE:VALUE, where VALUE is hex numbers joined by '+' and '-' with an
// optional leading sign ("0x1000", "-0xFFFF+0x2045+0x300"); '#' starts a comment; "---:0" names
// the null code.
#ifndef DYAD_LEXICON_CODING_ONTOLOGY_H_
#define DYAD_LEXICON_CODING_ONTOLOGY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/status.h"
#include "lexicon/dictionary.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon {

struct CodingOntology {
  std::unordered_map<std::string, int64_t> value_of;  // CAMEO code -> PICO number
  std::unordered_map<int64_t, std::string> code_of;   // PICO number -> CAMEO code (the later line wins)

  bool empty() const { return value_of.empty(); }

  // The code UniversalPetrarch gives the negation of a verb coded `code`: its number minus 0xFFFF
  // read back as a CAMEO code (a code absent from the file counts as its cue category, "014" ->
  // "010"). Codes above 200 (four-digit subcodes among them) are kept as they are, as
  // UniversalPetrarch does; "" when the negation has no code (no event), or `code` is no number.
  std::string Negated(std::string_view code) const;
};

StatusOr<CodingOntology> LoadCodingOntology(const std::string& path, const LoadOptions& options,
                                            std::vector<Diagnostic>* diagnostics);
StatusOr<CodingOntology> ParseCodingOntology(std::string_view text, std::string_view name,
                                             const LoadOptions& options, std::vector<Diagnostic>* diagnostics);

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_CODING_ONTOLOGY_H_
