// Fixed tag inventories of the nlp stage, as small integer ids stored in model::Token.
//
// Ids are uint8 and 0 always means "none" (untagged, unparsed). The inventories are fixed at
// compile time and only ever grow at the end, so ids written into model files stay valid:
//   UPOS    the 17 Universal POS tags of UD v2;
//   XPOS    the Penn Treebank tags as used by UD English EWT (incl. -LRB-, ADD, GW, NFP, XX, AFX);
//   DEPREL  UD relations with every subtype EWT v2.15 uses, plus older ones (obl:tmod, ...)
//           so that other English treebanks load.
// Lookups by name are linear over at most ~70 entries: they run when reading CoNLL-U or loading
// a model, never per token of raw text.
#ifndef DYAD_MODEL_TAGSET_H_
#define DYAD_MODEL_TAGSET_H_

#include <cstdint>
#include <string_view>

namespace dyad::model {

// Number of ids including 0 ("none"); valid tag ids are 1 .. k*Count - 1.
inline constexpr int kUposCount = 18;
inline constexpr int kXposCount = 52;
inline constexpr int kDeprelCount = 72;

// Name of an id; "_" for 0 or an out-of-range id.
std::string_view UposName(uint8_t id);
std::string_view XposName(uint8_t id);
std::string_view DeprelName(uint8_t id);

// Id of a name; 0 when unknown ("_" is unknown too).
uint8_t UposId(std::string_view name);
uint8_t XposId(std::string_view name);
uint8_t DeprelId(std::string_view name);

// The id of the universal part of a relation ("nsubj" for "nsubj:pass"); 0 for 0.
uint8_t DeprelBase(uint8_t id);

// Frequently needed ids.
inline constexpr uint8_t kDeprelRoot = 1;  // "root"
inline constexpr uint8_t kDeprelDep = 2;   // "dep", the unspecified relation

}  // namespace dyad::model

#endif  // DYAD_MODEL_TAGSET_H_
