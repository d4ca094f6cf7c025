// The CAMEO event-code reference table, compiled into dyad: for each of the 318 codes of CAMEO
// 1.1b3 (plus 1213 and 1214, which CAMEO 0.7b5, PETRARCH-2 and CAMEO2PLOVER still use) its name,
// Goldstein value, Phoenix quad class and PLOVER type.
//
// Source: ../shared/reference/cameo-codes.tsv, turned into src/model/cameo_table.cc by
// scripts/gen-cameo-table.py; the generated file is committed, so building dyad never needs
// ../shared, and eval/cameo_table_eval.cc checks it against the TSV row by row.
//
// Goldstein: two values per code.
//   goldstein          Schrodt's CAMEO.SCALE 0.5B1 keyed by *meaning*. That scale was written for
//                      an earlier CAMEO numbering; where codes moved (01x, 12x, 16x) Phoenix keys it
//                      by number and gets the wrong event (016 "Deny responsibility" is -5.0 here,
//                      3.4 in Phoenix). Codes with no same-meaning entry take their parent's value.
//                      dyad's default.
//   goldstein_phoenix  what the Phoenix pipeline assigns (its code-keyed value, else the root's),
//                      for users who must reproduce Phoenix/GDELT-style numbers. 19 codes differ.
// Quad class: Phoenix's, by root: 01-02 -> 0 (neutral statements), 03-05 -> 1 verbal cooperation,
//   06-08 -> 2 material cooperation, 09-13 and 16 -> 3 verbal conflict, 14-15 and 17-20 -> 4
//   material conflict. GdeltQuadClass() folds it into GDELT's 1-4 (see there).
// PLOVER: type, mode and context from CAMEO2PLOVER-2021; the type is empty for 01 (PLOVER drops
//   it) and for the root 08 itself (080-083 are CONCEDE, 084-087 RETREAT). That table drops the
//   appeals (02) too; dyad gives each the type, mode and context of its parallel demand (10):
//   PLOVER's REQUEST is all requests (scripts/gen-cameo-table.py).
//
// Thread safety: the table is immutable static data; every function here is safe to call
// concurrently.
#ifndef DYAD_MODEL_CAMEO_CODES_H_
#define DYAD_MODEL_CAMEO_CODES_H_

#include <span>
#include <string_view>

#include "model/event.h"

namespace dyad::model {

// One row of the table. Views point into static storage and live as long as the program.
struct CameoCode {
  std::string_view code;            // "0211": 2-4 ASCII digits, leading zeros kept
  std::string_view name;            // CAMEO 1.1b3 name ("Make pessimistic comment"; roots in capitals)
  double goldstein;                 // -10..10, by meaning (dyad's default)
  double goldstein_phoenix;         // -10..10, as Phoenix assigns it
  int quad_class;                   // Phoenix quad class, 0-4
  std::string_view plover;          // PLOVER type ("SUPPORT"); empty where PLOVER has none
  std::string_view plover_mode;     // PLOVER mode ("visit"); often empty
  std::string_view plover_context;  // PLOVER contexts joined with ';' ("crime;corruption"); often empty

  std::string_view root() const { return code.substr(0, 2); }
  // 1 for a root ("05"), 2 for a three-digit code ("057"), 3 for a four-digit code ("0571").
  int level() const { return static_cast<int>(code.size()) - 1; }
};

// Every code, sorted by code in byte order ("01" < "010" < ... < "019" < "02" < ...), so a root
// comes right before its children.
std::span<const CameoCode> AllCameoCodes();

// The row for `code` ("057"), or nullptr when it is not a CAMEO code (wrong length, non-digits,
// unknown). Binary search over 318 rows: at most 9 comparisons of 2-4 byte strings, no allocation.
const CameoCode* FindCameoCode(std::string_view code);

enum class GoldsteinScale {
  kByMeaning,  // CameoCode::goldstein (default)
  kPhoenix,    // CameoCode::goldstein_phoenix
};

// Fills event.root, event.plover, event.goldstein and event.quad_class from event.cameo and
// returns true. Returns false and leaves `event` unchanged when event.cameo is not a CAMEO code:
// callers (dictionary loaders) should have rejected such codes, so this is a diagnostic, not an
// expected path.
bool AssignCameoAttributes(Event& event, GoldsteinScale scale = GoldsteinScale::kByMeaning);

// GDELT's QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict) from a Phoenix quad class; 0 when `phoenix_quad_class` is outside 0-4.
//
// GDELT has no class 0. No verified source gives GDELT's own root -> QuadClass table, so dyad keeps
// Phoenix's classes and folds Phoenix 0 (01 statements, 02 appeals: cooperative-leaning verbal
// acts) into 1, as GDELT data does for root 04 and as the commonly quoted "01-05 = verbal
// cooperation" has it. Result by root: 01-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3, 14-15 and
// 17-20 -> 4. (Splits quoted elsewhere for GDELT differ for some roots, e.g. 16 as material
// conflict; they could not be verified.)
constexpr int GdeltQuadClass(int phoenix_quad_class) {
  if (phoenix_quad_class < 0 || phoenix_quad_class > 4) return 0;
  return phoenix_quad_class == 0 ? 1 : phoenix_quad_class;
}

}  // namespace dyad::model

#endif  // DYAD_MODEL_CAMEO_CODES_H_
