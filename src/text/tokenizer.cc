// The tokenizer works chunk by chunk (a chunk is a run of non-space characters): it peels opening
// punctuation off the front and closing punctuation off the back, then splits clitics off the end
// of what remains and cuts the core at internal punctuation. Each step looks at a few bytes around
// a position, so the whole pass is linear; tokens are written straight into the output vector.
#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "model/document.h"
#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace dyad::text {

namespace {

constexpr uint32_t kMaxTokenBytes = model::Token::kMaxTokenBytes;

// Code point starting at byte i (valid UTF-8), with its length.
inline char32_t At(std::string_view s, size_t i, size_t* len) {
  size_t j = i;
  char32_t c = DecodeUtf8(s, j);
  *len = j - i;
  return c;
}

// Start of the code point that ends at byte `end` (exclusive).
inline size_t PrevStart(std::string_view s, size_t end) {
  size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

inline bool IsApostrophe(char32_t c) { return c == '\'' || c == U'\u2019' || c == U'\u00B4'; }
inline bool IsLetter(char32_t c) { return Classify(c) == CharClass::kLetter; }
inline bool IsDigit(char32_t c) { return Classify(c) == CharClass::kDigit; }
inline bool IsHyphen(char32_t c) { return c == '-' || c == U'\u2010' || c == U'\u2011'; }

bool IsOpening(char32_t c) {
  switch (c) {
    case '(': case '[': case '{': case '"': case '\'': case '`': case '*':
    case U'\u201C': case U'\u2018': case U'\u00AB': case U'\u2039': case U'\u00BF': case U'\u00A1':
    case U'\u2022': case U'\u00B7': case U'\u201E': case '$': case U'\u00A3': case U'\u20AC':
    case U'\u00A5': case '#': case '<': case '~':
      return true;
    default:
      return false;
  }
}

bool IsClosing(char32_t c) {
  switch (c) {
    case ',': case ';': case ':': case '!': case '?': case '"': case '\'': case ')': case ']':
    case '}': case '%': case '*': case '>': case U'\u201D': case U'\u2019': case U'\u00BB':
    case U'\u203A': case U'\u2026': case U'\u2014': case U'\u2013': case '-':
      return true;
    default:
      return false;
  }
}

// Runs of these stay one token: "--", "...", "!!!", "?!", "``", "''".
bool Groups(char32_t c) {
  return c == '-' || c == '.' || c == '!' || c == '?' || c == '`' || c == '\'' || c == '*' ||
         c == U'\u2014';
}

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// Prefixes that EWT keeps attached to the following word ("non-state", "e-mail", "co-workers").
bool IsKeptPrefix(std::string_view word) {
  static constexpr std::array<std::string_view, 21> kPrefixes = {
      "anti", "co", "counter", "cyber", "e", "ex", "inter", "mid", "multi", "neo", "non", "post",
      "pre", "pro", "re", "semi", "socio", "sub", "trans", "un", "vice"};
  if (word.size() > 7) return false;
  char lower[8];
  for (size_t i = 0; i < word.size(); ++i) lower[i] = static_cast<char>(word[i] | 0x20);
  std::string_view w(lower, word.size());
  return std::find(kPrefixes.begin(), kPrefixes.end(), w) != kPrefixes.end();
}

// Packs a word of at most 8 ASCII letters, lowercased, into an integer for fast set tests.
constexpr uint64_t PackLower(std::string_view w) {
  uint64_t key = 0;
  for (char c : w) key = (key << 8) | static_cast<unsigned char>(c | 0x20);
  return key;
}

// Contractions written without an apostrophe, split as EWT does ("dont" -> "do", "nt").
// Returns the length of the first part, or 0 when `w` is not one of them.
size_t ApostrophelessSplit(std::string_view w) {
  struct Split {
    uint64_t key;
    size_t cut;
  };
  static constexpr auto kWords = std::to_array<Split>(
      {{PackLower("dont"), 2}, {PackLower("didnt"), 3}, {PackLower("doesnt"), 4},
       {PackLower("isnt"), 2}, {PackLower("wasnt"), 3}, {PackLower("arent"), 3},
       {PackLower("werent"), 4}, {PackLower("couldnt"), 5}, {PackLower("wouldnt"), 5},
       {PackLower("shouldnt"), 6}, {PackLower("havent"), 4}, {PackLower("hasnt"), 3},
       {PackLower("hadnt"), 3}, {PackLower("cant"), 2}, {PackLower("wont"), 2},
       {PackLower("aint"), 2}, {PackLower("im"), 1}, {PackLower("ive"), 1},
       {PackLower("thats"), 4}, {PackLower("theres"), 5}, {PackLower("heres"), 4},
       {PackLower("whats"), 4}, {PackLower("alot"), 1}, {PackLower("youre"), 3}});
  if (w.size() < 2 || w.size() > 8) return 0;
  const uint64_t key = PackLower(w);
  for (const Split& k : kWords) {
    if (k.key == key) return k.cut;
  }
  return 0;
}

class ChunkSplitter {
 public:
  ChunkSplitter(std::string_view text, std::vector<RawToken>& out) : text_(text), out_(out) {}

  void Split(size_t a, size_t b, uint16_t newlines, bool space_before) {
    newlines_ = newlines;
    space_before_ = space_before;
    if (SplitPlainWord(a, b)) return;
    if (IsWholeClitic(a, b) || IsEmoticon(text_.substr(a, b - a))) {
      Emit(a, b);
      return;
    }
    a = PeelOpening(a, b);
    trailing_count_ = 0;
    size_t e = PeelClosing(a, b);
    if (e > a) SplitCore(a, e);
    // Closing tokens were collected back to front.
    for (size_t k = trailing_count_; k-- > 0;) Emit(trailing_[k].first, trailing_[k].second);
  }

 private:
  void Emit(size_t a, size_t b) {
    while (b - a > kMaxTokenBytes) {
      size_t cut = a + kMaxTokenBytes;
      while ((static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) --cut;
      EmitOne(a, cut);
      a = cut;
    }
    if (b > a) EmitOne(a, b);
  }
  void EmitOne(size_t a, size_t b) {
    RawToken t;
    t.start = static_cast<uint32_t>(a);
    t.end = static_cast<uint32_t>(b);
    t.newlines_before = newlines_;
    t.space_before = space_before_;
    newlines_ = 0;
    space_before_ = false;
    out_.push_back(t);
  }

  // Fast path for most chunks: ASCII letters, optionally followed by one , ; : . ! ? ) or ".
  // Returns false (and emits nothing) when the chunk needs the general path.
  bool SplitPlainWord(size_t a, size_t b) {
    size_t e = b;
    switch (text_[b - 1]) {
      case ',': case ';': case ':': case '.': case '!': case '?': case ')': case '"':
        --e;
        break;
      default:
        break;
    }
    if (e == a) return false;
    for (size_t k = a; k < e; ++k) {
      if (((text_[k] | 0x20) < 'a') || ((text_[k] | 0x20) > 'z')) return false;
    }
    std::string_view word = text_.substr(a, e - a);
    if (word.size() <= 8 &&
        (ApostrophelessSplit(word) != 0 || IsContractedPair(word) || word == "XD" || word == "xD")) {
      return false;
    }
    if (e == b || (text_[e] == '.' && ClassifyAbbreviation(text_.substr(a, b - a)) != AbbreviationKind::kNone)) {
      Emit(a, b);
    } else {
      Emit(a, e);
      Emit(e, b);
    }
    return true;
  }
  static bool IsContractedPair(std::string_view w) {
    return EqualsIgnoreCase(w, "cannot") || EqualsIgnoreCase(w, "gonna") ||
           EqualsIgnoreCase(w, "gotta") || EqualsIgnoreCase(w, "wanna");
  }

  static bool IsEmoticon(std::string_view w) {
    static constexpr auto kEmoticons = std::to_array<std::string_view>(
        {":)", ":-)", ":(", ":-(", ":D", ":-D", ";)", ";-)", ":P", ":-P", ":p", ":/", ":'(", "<3",
         "^^", "^_^", ":o", ":O", "XD", "xD", ":|", "=)", "(:"});
    return std::find(kEmoticons.begin(), kEmoticons.end(), w) != kEmoticons.end();
  }

  bool IsWholeClitic(size_t a, size_t b) const {
    std::string_view w = text_.substr(a, b - a);
    size_t len;
    if (w.empty() || !IsApostrophe(At(w, 0, &len))) {
      return EqualsIgnoreCase(w, "n't");
    }
    std::string_view rest = w.substr(len);
    return EqualsIgnoreCase(rest, "s") || EqualsIgnoreCase(rest, "re") ||
           EqualsIgnoreCase(rest, "ve") || EqualsIgnoreCase(rest, "ll") ||
           EqualsIgnoreCase(rest, "d") || EqualsIgnoreCase(rest, "m");
  }

  size_t PeelOpening(size_t a, size_t b) {
    while (a < b) {
      size_t len;
      char32_t c = At(text_, a, &len);
      size_t e = a + len;
      if (c == '.' || c == '-') {
        size_t run_end = e;
        while (run_end < b && text_[run_end] == static_cast<char>(c)) ++run_end;
        if (c == '.' && run_end == e && run_end < b) {
          size_t l2;
          if (IsDigit(At(text_, run_end, &l2))) return a;  // ".5"
        }
        Emit(a, run_end);
        a = run_end;
        continue;
      }
      if (!IsOpening(c)) return a;
      if (c == '#' || c == '~') {
        // "#hashtag" stays whole; a lone "#" before digits splits ("#1").
        size_t l2;
        if (e < b && !IsDigit(At(text_, e, &l2))) return a;
      }
      if (c == '\'' && e < b) {
        // "'90s" and "'em" keep their apostrophe.
        size_t l2;
        char32_t next = At(text_, e, &l2);
        if (IsDigit(next)) return a;
      }
      if (Groups(c)) {
        while (e < b && text_.compare(e, len, text_, a, len) == 0) e += len;
      }
      Emit(a, e);
      a = e;
    }
    return a;
  }

  // Collects closing punctuation from the end into trailing_; returns the end of the core.
  size_t PeelClosing(size_t a, size_t e) {
    while (e > a && trailing_count_ < trailing_.size()) {
      size_t s = PrevStart(text_, e);
      size_t len = e - s;
      char32_t c = At(text_, s, &len);
      if (c == '.') {
        size_t run = s;
        while (run > a && text_[run - 1] == '.') --run;
        if (e - run >= 2) {
          Push(run, e);
          e = run;
          continue;
        }
        if (s == a) break;  // a lone "." is the core
        if (ClassifyAbbreviation(text_.substr(a, e - a)) != AbbreviationKind::kNone) break;
        Push(s, e);
        e = s;
        continue;
      }
      if (!IsClosing(c)) break;
      if (s == a) break;  // the chunk is all punctuation: the core keeps the last character
      size_t run = s;
      if (c == '!' || c == '?') {
        while (run > a && (text_[run - 1] == '!' || text_[run - 1] == '?')) --run;
      } else if (Groups(c)) {
        while (run >= a + len && text_.compare(run - len, len, text_, s, len) == 0) run -= len;
        if (run == a) break;
      }
      if (IsHyphenLike(c) && run > a) {
        // A hyphen glued to a letter at the end ("pre-") stays when it is a single hyphen.
        size_t p = PrevStart(text_, run);
        size_t l2;
        if (c == '-' && e - run == 1 && IsLetter(At(text_, p, &l2))) break;
      }
      Push(run, e);
      e = run;
    }
    return e;
  }
  static bool IsHyphenLike(char32_t c) { return c == '-' || c == U'\u2013' || c == U'\u2014'; }

  void Push(size_t a, size_t b) { trailing_[trailing_count_++] = {a, b}; }

  static bool StartsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
  }

  bool IsUrlOrEmail(std::string_view w) const {
    if (StartsWith(w, "http://") || StartsWith(w, "https://") || StartsWith(w, "www.") ||
        StartsWith(w, "ftp://")) {
      return true;
    }
    size_t at = w.find('@');
    return at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos;
  }

  void SplitCore(size_t a, size_t e) {
    std::string_view w = text_.substr(a, e - a);
    if (IsUrlOrEmail(w)) {
      Emit(a, e);
      return;
    }
    // Whole-word splits.
    if (IsContractedPair(w)) {  // "can|not", "gon|na"
      Emit(a, a + 3);
      Emit(a + 3, e);
      return;
    }
    if (IsDashedDate(w)) {  // "01-Feb-02"
      Emit(a, e);
      return;
    }
    if (size_t cut = ApostrophelessSplit(w)) {
      Emit(a, a + cut);
      Emit(a + cut, e);
      return;
    }
    bool has_apostrophe = w.find('\'') != std::string_view::npos ||
                          w.find("\xE2\x80\x99") != std::string_view::npos ||
                          w.find("\xC2\xB4") != std::string_view::npos;
    size_t clitic = has_apostrophe ? CliticStart(a, e) : e;
    SplitInternal(a, clitic);
    if (clitic < e) Emit(clitic, e);
  }

  // Start of a clitic at the end of [a, e) ("'s", "n't", "'ll"...), or e when there is none.
  size_t CliticStart(size_t a, size_t e) const {
    std::string_view w = text_.substr(a, e - a);
    auto ends_with = [&](std::string_view suffix_lower, size_t apostrophe_at_from_end) -> size_t {
      // Tries the suffix with ' and with ’ (3 bytes) at the apostrophe position.
      for (std::string_view apo : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
        std::string_view head = suffix_lower.substr(0, suffix_lower.size() - apostrophe_at_from_end - 1);
        std::string_view tail = suffix_lower.substr(suffix_lower.size() - apostrophe_at_from_end);
        size_t total = head.size() + apo.size() + tail.size();
        if (w.size() <= total) continue;
        std::string_view end = w.substr(w.size() - total);
        if (EqualsIgnoreCase(end.substr(0, head.size()), head) &&
            end.substr(head.size(), apo.size()) == apo &&
            EqualsIgnoreCase(end.substr(head.size() + apo.size()), tail)) {
          return e - total;
        }
      }
      return e;
    };
    size_t s;
    if ((s = ends_with("n't", 1)) != e) {
      size_t len;
      return IsLetter(At(text_, PrevStart(text_, s), &len)) ? s : e;
    }
    for (std::string_view suffix : {"'s", "'m", "'d"}) {
      if ((s = ends_with(suffix, 1)) != e) return s;
    }
    for (std::string_view suffix : {"'re", "'ve", "'ll"}) {
      if ((s = ends_with(suffix, 2)) != e) return s;
    }
    return e;
  }

  // Splits [a, e) at internal punctuation: hyphens between letters (except after kept prefixes),
  // slashes between words, commas and colons not inside numbers, dashes, brackets and quotes.
  void SplitInternal(size_t a, size_t e) {
    size_t piece = a;
    size_t i = a;
    char32_t prev = 0;
    while (i < e) {
      size_t len;
      char32_t c = At(text_, i, &len);
      size_t next_i = i + len;
      char32_t next = 0;
      size_t next_len = 0;
      if (next_i < e) next = At(text_, next_i, &next_len);
      bool split = false;
      size_t sep_end = next_i;
      if (IsHyphen(c)) {
        if (IsLetter(prev) && IsLetter(next)) {
          split = !IsKeptPrefix(text_.substr(piece, i - piece));
        } else if (IsDigit(prev) && IsDigit(next)) {
          split = !IsPhoneNumberTail(next_i, e);  // "5-3" splits, "345-8702" stays
        } else if ((IsLetter(prev) || IsDigit(prev)) && (IsLetter(next) || IsDigit(next))) {
          split = true;  // "F-16", "5,000-strong"
        } else if (next == c) {  // "word--word"
          split = true;
          while (sep_end < e && text_.compare(sep_end, len, text_, i, len) == 0) sep_end += len;
        }
      } else if (c == U'\u2014' || c == U'\u2013' || c == U'\u2026' || c == '(' || c == ')' ||
                 c == '[' || c == ']' || c == '"' || c == U'\u201C' || c == U'\u201D' || c == ';' ||
                 c == '!' || c == '?') {
        split = i > piece || next_i < e;
      } else if (c == '/' ) {
        split = !(IsDigit(prev) && IsDigit(next)) && prev != 0 && next != 0;
      } else if (c == ',') {
        split = !(IsDigit(prev) && IsDigit(next));
      } else if (c == ':') {
        split = !(IsDigit(prev) && IsDigit(next));
      } else if (c == '.' && next == '.' ) {
        split = true;
        while (sep_end < e && text_[sep_end] == '.') ++sep_end;
      }
      if (split) {
        if (i > piece) EmitWord(piece, i);
        Emit(i, sep_end);
        piece = sep_end;
        prev = 0;
        i = sep_end;
        continue;
      }
      prev = c;
      i = next_i;
    }
    if (e > piece) EmitWord(piece, e);
  }

  static bool IsDashedDate(std::string_view w) {
    size_t d1 = w.find('-');
    if (d1 == 0 || d1 > 2 || w.size() < d1 + 6 || w[d1 + 4] != '-') return false;
    for (size_t k = 0; k < d1; ++k) if (w[k] < '0' || w[k] > '9') return false;
    for (size_t k = d1 + 1; k < d1 + 4; ++k) if (((w[k] | 0x20) < 'a') || ((w[k] | 0x20) > 'z')) return false;
    std::string_view year = w.substr(d1 + 5);
    if (year.size() != 2 && year.size() != 4) return false;
    for (char ch : year) if (ch < '0' || ch > '9') return false;
    return true;
  }

  // Three or more digits from `i` on: the second half of a phone number or a long code.
  bool IsPhoneNumberTail(size_t i, size_t e) const {
    size_t digits = 0;
    while (i < e && text_[i] >= '0' && text_[i] <= '9') ++i, ++digits;
    return digits >= 3;
  }

  // A word piece: "3pm" -> "3", "pm"; otherwise whole.
  void EmitWord(size_t a, size_t e) {
    std::string_view w = text_.substr(a, e - a);
    size_t digits = 0;
    while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
    if (digits > 0 && digits < w.size()) {
      std::string_view unit = w.substr(digits);
      if (EqualsIgnoreCase(unit, "am") || EqualsIgnoreCase(unit, "pm") ||
          EqualsIgnoreCase(unit, "a.m.") || EqualsIgnoreCase(unit, "p.m.")) {
        Emit(a, a + digits);
        Emit(a + digits, e);
        return;
      }
    }
    Emit(a, e);
  }

  std::string_view text_;
  std::vector<RawToken>& out_;
  uint16_t newlines_ = 0;
  bool space_before_ = false;
  std::array<std::pair<size_t, size_t>, 16> trailing_{};
  size_t trailing_count_ = 0;
};

}  // namespace

void Tokenize(std::string_view text, std::vector<RawToken>& out) {
  ChunkSplitter splitter(text, out);
  const size_t n = text.size();
  size_t i = 0;
  uint16_t newlines = 0;
  bool space = true;
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == ' ' || (b >= '\t' && b <= '\r') || b < 0x20 || b == 0x7F) {
        if (b == '\n' && newlines < 0xFFFF) ++newlines;
        space = true;
        ++i;
        continue;
      }
    } else {
      size_t len;
      char32_t c = At(text, i, &len);
      CharClass cls = Classify(c);
      if (cls == CharClass::kSpace || cls == CharClass::kOther) {
        if ((c == U'\u2028' || c == U'\u2029') && newlines < 0xFFFF) ++newlines;
        space = true;
        i += len;
        continue;
      }
    }
    // A chunk: up to the next white space.
    size_t j = i;
    while (j < n) {
      unsigned char cb = static_cast<unsigned char>(text[j]);
      if (cb < 0x80) {
        if (cb <= ' ' || cb == 0x7F) break;
        ++j;
        continue;
      }
      size_t len;
      CharClass cls = Classify(At(text, j, &len));
      if (cls == CharClass::kSpace || cls == CharClass::kOther) break;
      j += len;
    }
    splitter.Split(i, j, newlines, space);
    newlines = 0;
    space = false;
    i = j;
  }
}

}  // namespace dyad::text
