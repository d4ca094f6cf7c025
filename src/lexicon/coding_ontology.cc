#include "lexicon/coding_ontology.h"

#include <algorithm>
#include <optional>

#include "lexicon/line_reader.h"

namespace dyad::lexicon {

namespace {

using internal::Reporter;
using internal::StripComment;
using internal::Trim;

constexpr int64_t kNegation = 0xFFFF;       // what UniversalPetrarch subtracts from a negated verb's number
constexpr int kHighestNegatableCode = 200;  // UniversalPetrarch keeps larger codes as they are
constexpr size_t kMaxHexDigits = 8;         // keeps every sum far from overflow

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "[+-]HEX([+-]HEX)*", each HEX with an optional 0x prefix; nullopt when malformed.
std::optional<int64_t> ParseValue(std::string_view s) {
  int64_t total = 0;
  size_t i = 0;
  for (bool first = true; first || i < s.size(); first = false) {
    int64_t sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      sign = s[i] == '-' ? -1 : 1;
      ++i;
    } else if (!first) {
      return std::nullopt;
    }
    if (s.substr(i, 2) == "0x" || s.substr(i, 2) == "0X") i += 2;
    const size_t start = i;
    int64_t number = 0;
    for (; i < s.size() && HexDigit(s[i]) >= 0; ++i) number = number * 16 + HexDigit(s[i]);
    if (i == start || i - start > kMaxHexDigits) return std::nullopt;
    total += sign * number;
  }
  return total;
}

}  // namespace

std::string CodingOntology::Negated(std::string_view code) const {
  if (!AllDigits(code)) return "";
  int number = 0;
  for (char c : code) number = std::min(number * 10 + (c - '0'), kHighestNegatableCode + 1);
  if (number > kHighestNegatableCode) return std::string(code);
  auto it = value_of.find(std::string(code));
  if (it == value_of.end() && code.size() >= 2) it = value_of.find(std::string(code.substr(0, 2)) + "0");
  if (it == value_of.end()) return "";
  auto back = code_of.find(it->second - kNegation);
  return back == code_of.end() ? "" : back->second;
}

StatusOr<CodingOntology> ParseCodingOntology(std::string_view text, std::string_view name,
                                             const LoadOptions& options, std::vector<Diagnostic>* diagnostics) {
  CodingOntology ontology;
  Reporter rep(name, options, diagnostics);
  internal::LineReader reader(text, options, &rep);
  std::string_view line;
  while (reader.Next(&line) && rep.status().ok()) {
    const uint32_t n = reader.line_number();
    std::string_view s = Trim(StripComment(line, "#"));
    if (s.empty() || s.substr(0, 2) == "<!") continue;
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos) {
      rep.Warn(n, "expected CODE:VALUE; skipped");
      continue;
    }
    std::string code(Trim(s.substr(0, colon)));
    if (!AllDigits(code) && code != "---") {
      rep.Warn(n, "'" + code + "' is no CAMEO code; skipped");
      continue;
    }
    std::optional<int64_t> value = ParseValue(Trim(s.substr(colon + 1)));
    if (!value) {
      rep.Warn(n, "'" + std::string(Trim(s.substr(colon + 1))) + "' is no sum of hex numbers; skipped");
      continue;
    }
    if (!ontology.value_of.emplace(code, *value).second) {
      rep.Warn(n, "code " + code + " given again; the later value kept");
      ontology.value_of[code] = *value;
    }
    ontology.code_of[*value] = code;
  }
  DYAD_RETURN_IF_ERROR(rep.status());
  return ontology;
}

StatusOr<CodingOntology> LoadCodingOntology(const std::string& path, const LoadOptions& options,
                                            std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  return ParseCodingOntology(text, path, options, diagnostics);
}

}  // namespace dyad::lexicon
