// Abbreviations that keep their period as part of the token ("Gen.", "U.S.", "etc."), and whether
// each may also end a sentence. English news relies on a small closed set plus dotted acronyms and
// initials; a wrong split here would cut "Gen. Qassem Soleimani" into two sentences.
#ifndef DYAD_TEXT_ABBREVIATIONS_H_
#define DYAD_TEXT_ABBREVIATIONS_H_

#include <string_view>

namespace dyad::text {

enum class AbbreviationKind {
  kNone,        // not an abbreviation: the period is a token of its own
  kNeverFinal,  // titles, months, "No.", initials: always followed by more of the sentence
  kMaybeFinal,  // "Inc.", "U.S.", "etc.", "a.m.": may end a sentence too
};

// REQUIRES: `word` ends with '.'.
AbbreviationKind ClassifyAbbreviation(std::string_view word);

}  // namespace dyad::text

#endif  // DYAD_TEXT_ABBREVIATIONS_H_
