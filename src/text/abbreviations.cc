#include "text/abbreviations.h"

#include <algorithm>
#include <array>

namespace dyad::text {

namespace {

// Sorted, without the final period; matched case-sensitively.
constexpr auto kNeverFinal = std::to_array<std::string_view>({
    "Adm", "Amb", "Apr", "Aug", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Cpt", "Dec", "Det",
    "Dr", "Feb", "Fig", "Fr", "Ft", "Gen", "Gov", "Hon", "Insp", "Jan", "Jul", "Jun", "Lt", "Maj",
    "Messrs", "Mmes", "Mr", "Mrs", "Ms", "Mt", "No", "Nos", "Nov", "Oct", "Pres", "Prof", "Pvt",
    "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "St", "Supt", "Vol", "approx", "cf",
    "e.g", "eg", "esp", "est", "fig", "i.e", "ie", "nos", "p", "pp", "ref", "v", "viz", "vol",
    "vs", "Gens", "Drs", "Profs"});

constexpr auto kMaybeFinal = std::to_array<std::string_view>({
    "Ave", "Blvd", "Bros", "Co", "Corp", "Dept", "Inc", "Jr", "Llc", "Ltd", "Plc", "Rd", "Sr",
    "Univ", "al", "cent", "etc", "ft", "hr", "hrs", "mins", "yrs",
    // US states and Canadian provinces, as AP style abbreviates them after a city.
    "Ala", "Alta", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
    "Kan", "Ky", "La", "Man", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "Okla", "Ont", "Ore", "Pa", "Que", "Sask", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo"});

template <size_t N>
constexpr std::array<std::string_view, N> Sorted(std::array<std::string_view, N> a) {
  std::sort(a.begin(), a.end());
  return a;
}

constexpr auto kNeverFinalSorted = Sorted(kNeverFinal);
constexpr auto kMaybeFinalSorted = Sorted(kMaybeFinal);

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// "U.S.", "a.m.", "U.S.A." (the final period already removed: "U.S", "a.m").
bool IsDottedAcronym(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(w[i]) : w[i] != '.') return false;
  }
  return true;
}

}  // namespace

AbbreviationKind ClassifyAbbreviation(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return AbbreviationKind::kNone;
  std::string_view w = word.substr(0, word.size() - 1);
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return AbbreviationKind::kNeverFinal;  // initial
  if (std::binary_search(kNeverFinalSorted.begin(), kNeverFinalSorted.end(), w)) {
    return AbbreviationKind::kNeverFinal;
  }
  if (std::binary_search(kMaybeFinalSorted.begin(), kMaybeFinalSorted.end(), w)) {
    return AbbreviationKind::kMaybeFinal;
  }
  if (IsDottedAcronym(w)) {
    return (w == "e.g" || w == "i.e") ? AbbreviationKind::kNeverFinal : AbbreviationKind::kMaybeFinal;
  }
  return AbbreviationKind::kNone;
}

}  // namespace dyad::text
