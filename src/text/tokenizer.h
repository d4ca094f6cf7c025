// Tokenization in the style of UD English EWT, which dyad's tagger and parser are trained on:
// punctuation split off ("(Reuters)" -> "(", "Reuters", ")"), clitics split ("Iran's" -> "Iran",
// "'s"; "don't" -> "do", "n't"; "cannot" -> "can", "not"), hyphenated words split at the hyphen
// except after prefixes ("al-Hiyali" -> "al", "-", "Hiyali"; "non-state" stays whole), numbers kept
// whole ("1,000", "3.5", "9/11", "1:38"), abbreviations keeping their period ("U.S.", "Gen."), URLs
// and e-mail addresses kept whole.
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad::text {

struct RawToken {
  uint32_t start = 0;           // byte span in the tokenized text
  uint32_t end = 0;
  uint16_t newlines_before = 0; // line breaks in the white space before the token (capped)
  bool space_before = false;    // white space (or the start of the text) precedes the token
};

// Appends the tokens of `text` to `out`. Tokens never exceed model::Token::kMaxTokenBytes (longer
// runs are cut at code point boundaries). REQUIRES: text is valid UTF-8 and shorter than 4 GiB.
// Thread-safe; allocates only by growing `out`.
void Tokenize(std::string_view text, std::vector<RawToken>& out);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TOKENIZER_H_
