// Token forms for matching: NFC, with typographic quotes, dashes and ellipses folded to ASCII so
// that dictionaries and models see "Iran's" whether the article wrote ’ or '. Offsets never
// change: forms are stored beside the original text (Document::forms), not in place of it.
#ifndef DYAD_TEXT_NORMALIZER_H_
#define DYAD_TEXT_NORMALIZER_H_

#include <string>
#include <string_view>

namespace dyad::text {

// Appends the matching form of `token` to `out`. ASCII tokens are copied as they are.
// REQUIRES: token is valid UTF-8.
void AppendNormalizedForm(std::string_view token, std::string& out);

}  // namespace dyad::text

#endif  // DYAD_TEXT_NORMALIZER_H_
