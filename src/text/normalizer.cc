#include "text/normalizer.h"

#include <cstdlib>

#include <utf8proc.h>

#include "text/utf8.h"

namespace dyad::text {

namespace {

// The ASCII replacement for a typographic character, or nullptr to keep it.
const char* Fold(char32_t c) {
  switch (c) {
    case U'\u2018': case U'\u2019': case U'\u201A': case U'\u201B': case U'\u2032': case U'\u00B4':
    case U'\u02BC':
      return "'";
    case U'\u201C': case U'\u201D': case U'\u201E': case U'\u201F': case U'\u2033': case U'\u00AB':
    case U'\u00BB':
      return "\"";
    case U'\u2010': case U'\u2011': case U'\u2012': case U'\u2013': case U'\u2212':
      return "-";
    case U'\u2014': case U'\u2015':
      return "--";
    case U'\u2026':
      return "...";
    case U'\u00A0': case U'\u202F':
      return " ";
    case U'\u00AD': case U'\u200B': case U'\u200C': case U'\u200D': case U'\uFEFF':
      return "";  // soft hyphen and zero-width characters
    default:
      return nullptr;
  }
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}


// NFC changes a string only when it holds a combining mark or one of the few singleton
// decompositions; checking for those first avoids a copy and a call per token with a curly quote.
bool MayChangeUnderNfc(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = DecodeUtf8(s, i);
    if (c < 0x300) continue;
    if ((c >= 0x340 && c <= 0x344) || c == 0x2126 || c == 0x212A || c == 0x212B ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F) ||
        (c >= 0x1100 && c <= 0x11FF)) {
      return true;
    }
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME) {
      return true;
    }
  }
  return false;
}

void AppendFolded(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    size_t begin = i;
    char32_t c = DecodeUtf8(s, i);
    if (const char* folded = Fold(c)) {
      out.append(folded);
    } else {
      out.append(s.substr(begin, i - begin));
    }
  }
}

}  // namespace

void AppendNormalizedForm(std::string_view token, std::string& out) {
  if (IsAscii(token)) {
    out.append(token);
    return;
  }
  if (!MayChangeUnderNfc(token)) {
    AppendFolded(token, out);
    return;
  }
  utf8proc_uint8_t* nfc = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(token.data()),
                                    static_cast<utf8proc_ssize_t>(token.size()), &nfc,
                                    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0 || nfc == nullptr) {
    AppendFolded(token, out);  // cannot happen on valid UTF-8; keep the text rather than drop it
  } else {
    AppendFolded(std::string_view(reinterpret_cast<const char*>(nfc), static_cast<size_t>(n)), out);
  }
  std::free(nfc);
}

}  // namespace dyad::text
