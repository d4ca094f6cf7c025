#include "text/segmenter.h"

#include <algorithm>
#include <array>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace dyad::text {

namespace {

// A line at most this long before a single line break is a headline, byline or list item rather
// than hard-wrapped prose (wrapped news lines run 60-80 characters).
constexpr size_t kShortLineBytes = 50;
// Datelines sit in the first paragraphs (after a headline and a byline at most) and are short.
constexpr uint32_t kDatelineParagraphs = 3;
constexpr size_t kDatelineMaxTokens = 16;

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return DecodeUtf8(s, i);
}

bool IsOpeningPunct(std::string_view t) {
  char32_t c = FirstCodePoint(t);
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '`' || c == U'\u201C' ||
         c == U'\u2018' || c == U'\u00AB' || c == '{';
}

bool IsClosingPunct(std::string_view t) {
  char32_t c = FirstCodePoint(t);
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == U'\u201D' ||
         c == U'\u2019' || c == U'\u00BB' || t == "''";
}

bool IsListMarker(std::string_view t) {
  if (t == "-" || t == "*" || t == "\xE2\x80\xA2" || t == "--" || t == "\xE2\x80\x94") return true;
  return false;
}

bool IsDash(std::string_view t) {
  return t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
}

enum class Terminal { kNone, kStrong, kEllipsis, kAbbreviation };

Terminal TerminalKind(std::string_view t) {
  if (t.empty()) return Terminal::kNone;
  const unsigned char first = static_cast<unsigned char>(t[0]);
  if (first != '.' && first != '!' && first != '?' && first != 0xE2 && t.back() != '.') {
    return Terminal::kNone;  // the common case: a word
  }
  if (t == "." || t == "!" || t == "?" || t == "\xE2\x80\xBC" || t == "\xE2\x81\x89") return Terminal::kStrong;
  if (t[0] == '!' || t[0] == '?') {
    for (char c : t) if (c != '!' && c != '?') return Terminal::kNone;
    return Terminal::kStrong;
  }
  if (t == "\xE2\x80\xA6") return Terminal::kEllipsis;
  if (t.size() >= 2 && t.find_first_not_of('.') == std::string_view::npos) return Terminal::kEllipsis;
  if (t.back() == '.' && ClassifyAbbreviation(t) == AbbreviationKind::kMaybeFinal) return Terminal::kAbbreviation;
  return Terminal::kNone;
}

// Words that commonly open a sentence, for deciding whether "Inc." or "U.S." ended one.
bool IsTypicalOpener(std::string_view t) {
  static constexpr auto kOpeners = std::to_array<std::string_view>(
      {"A", "After", "Also", "An", "And", "As", "At", "But", "During", "For", "He", "Her", "His",
       "However", "I", "If", "In", "It", "Its", "Meanwhile", "Mr.", "Mrs.", "Ms.", "On", "Our",
       "She", "Some", "That", "The", "Their", "There", "These", "They", "This", "Those", "Under",
       "We", "When", "While", "You"});
  return std::find(kOpeners.begin(), kOpeners.end(), t) != kOpeners.end();
}

bool CanStartSentence(std::string_view t) {
  char32_t c = FirstCodePoint(t);
  if (IsUpper(c) || Classify(c) == CharClass::kDigit) return true;
  return IsOpeningPunct(t) || IsListMarker(t) || c == '$' || c == '#' || c == '@' ||
         c == U'\u00A3' || c == U'\u20AC';
}

bool IsAllCapsWord(std::string_view t) {
  size_t letters = 0;
  size_t i = 0;
  while (i < t.size()) {
    char32_t c = DecodeUtf8(t, i);
    if (Classify(c) == CharClass::kLetter) {
      if (!IsUpper(c)) return false;
      ++letters;
    } else if (c != '.' && c != '\'' && c != '-') {
      return false;
    }
  }
  return letters >= 2;
}

bool IsMonth(std::string_view t) {
  static constexpr auto kMonths = std::to_array<std::string_view>(
      {"January", "February", "March", "April", "May", "June", "July", "August", "September",
       "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
       "Sep.", "Sept.", "Oct.", "Nov.", "Dec."});
  return std::find(kMonths.begin(), kMonths.end(), t) != kMonths.end();
}

class Segmenter {
 public:
  Segmenter(std::string_view text, std::span<const RawToken> tokens,
            std::vector<model::Sentence>& out)
      : text_(text), tokens_(tokens), out_(out) {}

  void Run() {
    const size_t n = tokens_.size();
    size_t begin = 0;
    uint32_t paragraph = 0;
    bool paragraph_start = true;
    for (size_t i = 0; i < n; ++i) {
      if (i > begin) {
        if (tokens_[i].newlines_before >= 2) {
          Close(begin, i, paragraph);
          begin = i;
          ++paragraph;
          paragraph_start = true;
        } else if (tokens_[i].newlines_before == 1 && LineBreakEndsSentence(i)) {
          Close(begin, i, paragraph);
          begin = i;
          paragraph_start = true;  // a dateline may follow a headline or byline line
        }
      } else if (i > 0 && tokens_[i].newlines_before >= 2) {
        ++paragraph;
        paragraph_start = true;
      }
      if (paragraph_start && i == begin) {
        paragraph_start = false;
        if (paragraph < kDatelineParagraphs) {
          if (size_t end = DatelineEnd(i); end > i) {
            Close(begin, end, paragraph, model::Sentence::kDateline);
            begin = end;
            i = end - 1;
            continue;
          }
        }
      }
      if (i + 1 - begin >= kMaxSentenceTokens) {
        size_t cut = LastClauseBreak(begin, i + 1);
        Close(begin, cut, paragraph);
        begin = cut;
        continue;
      }
      Terminal kind = TerminalKind(Text(i));
      if (kind == Terminal::kNone) continue;
      size_t j = i + 1;
      while (j < n && tokens_[j].newlines_before == 0 && !tokens_[j].space_before &&
             IsClosingPunct(Text(j))) {
        ++j;
      }
      if (j >= n) break;
      if (tokens_[j].newlines_before > 0) {  // the line break rules decide
        i = j - 1;
        continue;
      }
      if (EndsSentenceBefore(kind, j, /*closed_quote=*/j > i + 1)) {
        Close(begin, j, paragraph);
        begin = j;
      }
      i = j - 1;
    }
    if (begin < n) Close(begin, n, paragraph);
  }

 private:
  std::string_view Text(size_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }

  // "Read: Iran announces ...", "Related: ...", "Also read ...", "See also: ...": the title of
  // another story, as news sites interleave them; it must never be coded as this story's event.
  bool IsLinkLine(size_t begin, size_t end) const {
    static constexpr std::string_view kCues[] = {"read", "related", "also", "see", "recommended", "more"};
    std::string_view first = Text(begin);
    bool cue = false;
    for (std::string_view c : kCues) {
      cue = cue || (first.size() == c.size() &&
                    std::equal(first.begin(), first.end(), c.begin(), [](char a, char b) { return (a | 0x20) == b; }));
    }
    if (!cue) return false;
    // The cue is followed by ':' within the first three tokens ("Read:", "Also read:", "READ MORE:").
    for (size_t k = begin + 1; k < end && k < begin + 3; ++k) {
      if (Text(k) == ":") return true;
    }
    return begin + 1 < end && (first == "Also" || first == "ALSO") &&
           (Text(begin + 1) == "read" || Text(begin + 1) == "READ");
  }

  void Close(size_t begin, size_t end, uint32_t paragraph, uint32_t flags = 0) {
    if (end <= begin) return;
    if (flags == 0 && (begin == 0 || tokens_[begin].newlines_before > 0) && IsLinkLine(begin, end)) {
      flags = model::Sentence::kLinkLine;
    }
    model::Sentence s;
    s.token_begin = static_cast<uint32_t>(begin);
    s.token_end = static_cast<uint32_t>(end);
    s.start = tokens_[begin].start;
    s.end = tokens_[end - 1].end;
    s.paragraph = paragraph;
    s.flags = flags;
    out_.push_back(s);
  }

  bool EndsSentenceBefore(Terminal kind, size_t j, bool closed_quote) const {
    std::string_view next = Text(j);
    switch (kind) {
      case Terminal::kStrong:
        // Abbreviations keep their period, so a free-standing one ends a sentence even before a
        // lowercase word (informal text); after "?" or "!" that closed a quote, a lowercase word
        // continues it ("Why?" he asked).
        return CanStartSentence(next) || (!closed_quote && IsLower(FirstCodePoint(next)));
      case Terminal::kEllipsis:
        return IsUpper(FirstCodePoint(next)) || IsOpeningPunct(next);
      case Terminal::kAbbreviation:
        return IsTypicalOpener(next) || IsOpeningPunct(next);
      case Terminal::kNone:
        break;
    }
    return false;
  }

  // Token i starts a new line after a single line break.
  bool LineBreakEndsSentence(size_t i) const {
    std::string_view next = Text(i);
    if (IsListMarker(next)) return true;
    // "1." or "2)" list items.
    if (i + 1 < tokens_.size() && !next.empty() && next[0] >= '0' && next[0] <= '9' &&
        (Text(i + 1) == "." || Text(i + 1) == ")") && next.size() <= 3) {
      return true;
    }
    Terminal prev = TerminalKind(Text(i - 1));
    if (prev == Terminal::kStrong && CanStartSentence(next)) return true;
    if (IsClosingPunct(Text(i - 1)) && i >= 2 && TerminalKind(Text(i - 2)) == Terminal::kStrong) {
      return true;
    }
    // The line before is short: a headline, byline or list item.
    size_t line_start = i - 1;
    while (line_start > 0 && tokens_[line_start].newlines_before == 0) --line_start;
    size_t line_bytes = tokens_[i - 1].end - tokens_[line_start].start;
    return line_bytes <= kShortLineBytes && CanStartSentence(next);
  }

  // End (exclusive) of a dateline starting at token i, or i when there is none.
  size_t DatelineEnd(size_t i) const {
    const size_t n = tokens_.size();
    bool first_all_caps = IsAllCapsWord(Text(i));
    bool has_agency = false;
    size_t depth = 0;
    for (size_t k = i; k < n && k < i + kDatelineMaxTokens; ++k) {
      if (k > i && tokens_[k].newlines_before > 0) return i;
      std::string_view t = Text(k);
      if (IsDash(t)) {
        bool ok = (first_all_caps || has_agency) && k > i && depth == 0 && k + 1 < n &&
                  tokens_[k + 1].newlines_before == 0;
        return ok ? k + 1 : i;
      }
      if (t == "(") {
        ++depth;
        continue;
      }
      if (t == ")") {
        if (depth == 0) return i;
        --depth;
        has_agency = true;
        continue;
      }
      if (depth > 0) continue;  // the agency: "(Reuters)", "(dyad wire)"
      char32_t c = FirstCodePoint(t);
      if (t == "," || IsMonth(t) || Classify(c) == CharClass::kDigit) continue;
      if (IsUpper(c)) continue;  // capitalized or all-caps place and agency names
      return i;
    }
    return i;
  }

  // Where to cut an over-long sentence [begin, end): after the last ";" or ",", else at end.
  size_t LastClauseBreak(size_t begin, size_t end) const {
    for (size_t k = end; k-- > begin + kMaxSentenceTokens / 2;) {
      std::string_view t = Text(k);
      if (t == ";" || t == ",") return k + 1;
    }
    return end;
  }

  std::string_view text_;
  std::span<const RawToken> tokens_;
  std::vector<model::Sentence>& out_;
};

}  // namespace

void Segment(std::string_view text, std::span<const RawToken> tokens,
             std::vector<model::Sentence>& out) {
  Segmenter(text, tokens, out).Run();
}

}  // namespace dyad::text
