#include "io/format_sniffer.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace dyad::io {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool LooksLikeTabari(std::string_view head) {
  size_t pos = 0;
  bool header_seen = false;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) return false;  // need the whole line and the next
    std::string_view line = TrimRight(head.substr(pos, nl - pos));
    pos = nl + 1;
    if (header_seen) return !line.empty();
    if (line.empty() || line.front() == '#') continue;
    if (!IsTabariHeader(line)) return false;
    header_seen = true;
  }
  return false;
}

}  // namespace

bool IsTabariHeader(std::string_view line) {
  line = TrimRight(line);
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits != 6 && digits != 8) return false;
  return line.size() == digits || line[digits] == ' ' || line[digits] == '\t';
}

InputFormat FormatFromPath(std::string_view path) {
  std::string name = Lower(path.substr(std::min(path.size(), path.rfind('/') + 1)));
  for (std::string_view z : {".gz", ".zst"}) {
    if (name.ends_with(z)) name.resize(name.size() - z.size());
  }
  auto ext = [&](std::string_view e) { return name.ends_with(e); };
  if (ext(".jsonl") || ext(".ndjson")) return InputFormat::kJsonl;
  if (ext(".html") || ext(".htm")) return InputFormat::kHtml;
  if (ext(".xml")) return InputFormat::kPetrarchXml;
  if (ext(".conllu")) return InputFormat::kConllu;
  if (ext(".txt") || ext(".text")) return InputFormat::kText;
  return InputFormat::kAuto;
}

InputFormat SniffFormat(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  size_t first = 0;
  while (first < head.size() && IsSpace(head[first])) ++first;
  if (first == head.size()) return InputFormat::kText;
  const char c = head[first];
  if (c == '{') return InputFormat::kJsonl;
  if (c == '<') {
    if (head.find("<Sentence") != std::string_view::npos) return InputFormat::kPetrarchXml;
    std::string lower = Lower(head);
    if (lower.find("<!doctype html") != std::string::npos ||
        lower.find("<html") != std::string::npos) {
      return InputFormat::kHtml;
    }
    if (head.substr(first).starts_with("<?xml")) return InputFormat::kPetrarchXml;
    return InputFormat::kText;
  }
  if (LooksLikeTabari(head)) return InputFormat::kTabari;
  return InputFormat::kText;
}

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  InputFormat by_name = FormatFromPath(path);
  if (by_name == InputFormat::kText) {
    return SniffFormat(head) == InputFormat::kTabari ? InputFormat::kTabari : InputFormat::kText;
  }
  if (by_name != InputFormat::kAuto) return by_name;
  return SniffFormat(head);
}

}  // namespace dyad::io
