#include "lexicon/line_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>
#include <filesystem>

#include <fmt/format.h>

#include "text/utf8.h"

namespace dyad::lexicon {

std::string Diagnostic::ToString() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}: {}", file, line, message);
}

StatusOr<std::string> ReadDictionaryFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFoundError(fmt::format("{}: no such file", path));
  if (std::filesystem::is_directory(path, ec)) return UnavailableError(fmt::format("{}: is a directory", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return UnavailableError(fmt::format("{}: read error", path));
  return std::move(buffer).str();
}

namespace internal {

void Reporter::Warn(uint32_t line, std::string message) {
  ++count_;
  if (strict_ && first_.ok()) {
    first_ = InvalidArgumentError(Diagnostic{file_, line, message}.ToString());
  }
  if (out_ != nullptr) out_->push_back(Diagnostic{file_, line, std::move(message)});
}

LineReader::LineReader(std::string_view text, const LoadOptions& options, Reporter* reporter)
    : text_(text), max_line_(options.max_line_bytes), reporter_(reporter) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool LineReader::Next(std::string_view* line) {
  while (pos_ < text_.size()) {
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view raw = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++line_number_;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (raw.size() > max_line_) {
      reporter_->Warn(line_number_, fmt::format("line of {} bytes is longer than {}; skipped", raw.size(), max_line_));
      continue;
    }
    size_t bad = text::FindInvalidUtf8(raw);
    if (bad != std::string_view::npos) {
      // Old dictionaries were edited on Latin-1 and Mac systems: keep the line, transcoded.
      reporter_->Warn(line_number_, text::DescribeInvalidUtf8(raw, bad) + "; line read as Latin-1");
      scratch_.clear();
      for (char c : raw) text::AppendUtf8(scratch_, static_cast<unsigned char>(c));
      raw = scratch_;
    }
    if (raw.find('\0') != std::string_view::npos) {
      reporter_->Warn(line_number_, "NUL byte in line; skipped");
      continue;
    }
    *line = raw;
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\f' || s[b] == '\v')) ++b;
  size_t e = s.size();
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\f' || s[e - 1] == '\v')) --e;
  return s.substr(b, e - b);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::vector<std::string_view> SplitWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string_view StripComment(std::string_view s, std::string_view markers) {
  // Codes such as [###] and [+++] hold '#'; a marker inside [...] is not a comment.
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if (depth == 0 && markers.find(c) != std::string_view::npos) return s.substr(0, i);
  }
  return s;
}

std::optional<EventCode> ParseCode(std::string_view inside) {
  inside = Trim(inside);
  if (inside.empty()) return std::nullopt;
  if (inside.find_first_of(" \t[]{}") != std::string_view::npos) return std::nullopt;
  EventCode code;
  if (inside.size() > 1 && inside.back() == '?') {
    code.question = true;
    inside.remove_suffix(1);
  } else if (inside.size() > 1 && inside.back() == '!') {
    code.bang = true;
    inside.remove_suffix(1);
  }
  size_t colon = inside.find(':');
  if (colon == std::string_view::npos) {
    code.active = Upper(inside);
  } else {
    if (inside.find(':', colon + 1) != std::string_view::npos) return std::nullopt;
    code.active = Upper(inside.substr(0, colon));
    code.passive = Upper(inside.substr(colon + 1));
    code.has_passive = true;
    if (code.passive.empty()) return std::nullopt;
  }
  return code;
}

WordSeq ParseWords(std::string_view s, bool slots) {
  WordSeq out;
  for (std::string_view chunk : SplitWhitespace(s)) {
    size_t i = 0;
    while (i < chunk.size()) {
      size_t e = chunk.find('_', i);
      if (e == std::string_view::npos) e = chunk.size();
      std::string_view w = chunk.substr(i, e - i);
      bool underscore = e < chunk.size();
      bool more = underscore && e + 1 < chunk.size();
      i = e + 1;
      if (w.empty()) {
        // "A__B" or a leading '_': nothing to attach; a trailing one marks the previous word.
        if (underscore && !more && !out.empty()) out.back().exact = true;
        continue;
      }
      PatternWord pw;
      if (slots && w.size() == 1 && std::strchr("$+^%*", w[0]) != nullptr) {
        switch (w[0]) {
          case '$': pw.kind = WordKind::kSource; break;
          case '+': pw.kind = WordKind::kTarget; break;
          case '^': pw.kind = WordKind::kSkip; break;
          case '%': pw.kind = WordKind::kCompound; break;
          default: pw.kind = WordKind::kVerb; break;
        }
        pw.text = std::string(w);
      } else if (w[0] == '&' && w.size() > 1) {
        pw.kind = WordKind::kSynset;
        pw.text = Upper(w.substr(1));
      } else {
        if (w.size() > 1 && w.back() == '~') {
          pw.tilde = true;
          w.remove_suffix(1);
        } else if (w.size() > 1 && w.back() == '=') {
          pw.equals = true;
          w.remove_suffix(1);
        }
        pw.text = Upper(w);
      }
      pw.joined = more;
      pw.exact = underscore && !more;
      out.push_back(std::move(pw));
    }
  }
  return out;
}

std::optional<model::Date> ParseDictionaryDate(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int year, month, day;
  auto num = [&](size_t b, size_t n) {
    int v = 0;
    for (size_t k = b; k < b + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  if (s.size() == 6) {
    year = num(0, 2);
    year += year <= 30 ? 2000 : 1900;  // the KEDS/TABARI/PETRARCH window
    month = num(2, 2);
    day = num(4, 2);
  } else if (s.size() == 8) {
    year = num(0, 4);
    month = num(4, 2);
    day = num(6, 2);
  } else {
    return std::nullopt;
  }
  model::Date d{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                std::chrono::day(static_cast<unsigned>(day))};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace internal
}  // namespace dyad::lexicon
