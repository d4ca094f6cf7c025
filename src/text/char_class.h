// Unicode character classes the tokenizer and segmenter need, with an ASCII fast path.
#ifndef DYAD_TEXT_CHAR_CLASS_H_
#define DYAD_TEXT_CHAR_CLASS_H_

#include <cstdint>

namespace dyad::text {

enum class CharClass : uint8_t {
  kSpace,   // white space, including no-break and zero-width spaces
  kLetter,  // letters and combining marks
  kDigit,   // decimal digits
  kPunct,   // punctuation: quotes, brackets, dashes, . , ; : ! ?
  kSymbol,  // currency, math and other symbols ($ % + = © ...)
  kOther,   // controls and unassigned
};

CharClass ClassifyNonAscii(char32_t c);
bool IsUpperNonAscii(char32_t c);

inline CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) return CharClass::kSpace;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c < 0x20 || c == 0x7F) return CharClass::kOther;
    switch (c) {
      case '$': case '%': case '+': case '<': case '=': case '>': case '^': case '|': case '~':
      case '`': case '#': case '&': case '*': case '@': case '\\':
        return CharClass::kSymbol;
      default:
        return CharClass::kPunct;
    }
  }
  return ClassifyNonAscii(c);
}

inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return IsUpperNonAscii(c);
}

inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return Classify(c) == CharClass::kLetter && !IsUpperNonAscii(c);
}

}  // namespace dyad::text

#endif  // DYAD_TEXT_CHAR_CLASS_H_
