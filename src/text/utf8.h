// UTF-8 validation and decoding. Readers validate every record once (ValidateUtf8); after that
// the text layer decodes with DecodeUtf8, which may assume valid input.
#ifndef DYAD_TEXT_UTF8_H_
#define DYAD_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::text {

// Byte offset of the first invalid sequence in `s` (overlong forms, surrogates, code points past
// U+10FFFF and truncated sequences are invalid), or std::string_view::npos when all is valid.
size_t FindInvalidUtf8(std::string_view s);

// Describes the problem at `offset` for an error message: "invalid UTF-8 byte 0xC3 at byte 41".
std::string DescribeInvalidUtf8(std::string_view s, size_t offset);

// Decodes the code point starting at s[i] and advances i past it.
// REQUIRES: i < s.size() and s is valid UTF-8.
inline char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  auto cont = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
  char32_t c;
  if (b0 < 0xE0) {
    c = (static_cast<char32_t>(b0 & 0x1F) << 6) | cont(1);
    i += 2;
  } else if (b0 < 0xF0) {
    c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    i += 3;
  } else {
    c = (static_cast<char32_t>(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
    i += 4;
  }
  return c;
}

// Appends the UTF-8 encoding of `c` to `out`. REQUIRES: c is a Unicode scalar value.
void AppendUtf8(std::string& out, char32_t c);

}  // namespace dyad::text

#endif  // DYAD_TEXT_UTF8_H_
