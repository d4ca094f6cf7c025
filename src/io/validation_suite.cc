#include "io/validation_suite.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "io/document_stream.h"
#include "io/record_reader.h"

namespace dyad::io {

namespace fs = std::filesystem;

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string UpperCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return out;
}

// An actor or event code as the suites write it: trimmed, upper-cased, without TABARI's '~'
// (converted agent) and without the quotes PETRARCH puts around uncoded actor text.
std::string NormalizeCode(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = Trim(s.substr(1, s.size() - 2));
  std::string out;
  for (char c : s) {
    if (c != '~') out.push_back(c);
  }
  return UpperCopy(out);
}

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(fmt::format("{}: cannot open", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return UnavailableError(fmt::format("{}: read error", path));
  return ss.str();
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// "950101  DEMO-01 [more]" or "19950101 ..." -> date text and id; false when not a header.
bool TabariHeader(std::string_view line, std::string_view* date, std::string_view* id) {
  size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if ((digits != 6 && digits != 8) || digits == line.size() || !IsBlank(line[digits])) return false;
  std::string_view rest = Trim(line.substr(digits));
  if (rest.empty()) return false;
  size_t end = 0;
  while (end < rest.size() && !IsBlank(rest[end])) ++end;
  *date = line.substr(0, digits);
  *id = rest.substr(0, end);
  return true;
}

// TABARI options in effect while reading the records, as far as they change what is expected.
struct TabariOptionState {
  bool defaults = false;   // DEFAULT: SOURCE/TARGET actors (not implemented by dyad)
  bool code_by = false;    // SET: CODE BY SENTENCE / CODE ALL (dyad codes every clause)
  bool comma = false;      // COMMA: with non-default limits
  bool comma_off = false;  // COMMA: OFF
  int min_words = 0;       // SET: MINIMUM WORDS
  bool convert_agents = false;  // SET: CONVERT AGENT
  bool finished = false;   // FINAL-01 seen

  // Applies "OPTION: ..." (the text after "OPTION:"); false when not understood.
  void Apply(std::string_view option) {
    std::string o = UpperCopy(Trim(option));
    std::string compact;
    for (char c : o) {
      if (!IsBlank(c)) compact.push_back(c);
    }
    if (compact.starts_with("DEFAULT:")) {
      defaults = compact != "DEFAULT:OFF";
    } else if (compact.starts_with("SET:CODEBY") || compact.starts_with("SET:CODEALL")) {
      code_by = compact != "SET:CODEBYCLAUSE";
    } else if (compact.starts_with("COMMA:")) {
      comma_off = compact == "COMMA:OFF";
      comma = !comma_off;
    } else if (compact.starts_with("SET:MINIMUMWORDS=")) {
      min_words = std::atoi(compact.c_str() + std::string_view("SET:MINIMUMWORDS=").size());
    } else if (compact.starts_with("SET:CONVERTAGENT=")) {
      convert_agents = compact == "SET:CONVERTAGENT=TRUE";
    }
  }
};

}  // namespace

StatusOr<SuiteKind> ParseSuiteKind(std::string_view name) {
  std::string n = UpperCopy(name);
  if (n == "TABARI") return SuiteKind::kTabari;
  if (n == "PETRARCH" || n == "PETRARCH1" || n == "PETR") return SuiteKind::kPetrarch;
  if (n == "UP" || n == "UNIVERSALPETRARCH") return SuiteKind::kUniversalPetrarch;
  return InvalidArgumentError(fmt::format("unknown suite '{}' (expected tabari, petrarch or up)", name));
}

std::string_view SuiteKindName(SuiteKind kind) {
  switch (kind) {
    case SuiteKind::kTabari: return "tabari";
    case SuiteKind::kPetrarch: return "petrarch";
    case SuiteKind::kUniversalPetrarch: return "up";
  }
  return "?";
}

int CountWords(std::string_view text) {
  int words = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsBlank(text[i])) ++i;
    bool alnum = false;
    while (i < text.size() && !IsBlank(text[i])) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) alnum = true;
      ++i;
    }
    if (alnum) ++words;
  }
  return words;
}

std::vector<SuiteRecord> ParseTabariValidation(std::string_view text, std::string_view name,
                                               std::vector<std::string>* warnings) {
  std::vector<SuiteRecord> records;
  std::vector<std::string_view> lines = SplitLines(text);
  TabariOptionState options;
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view date, id;
    if (!TabariHeader(lines[i], &date, &id)) {
      ++i;
      continue;
    }
    SuiteRecord r;
    r.line = i + 1;
    r.id = std::string(id);
    r.category = UpperCopy(r.id.substr(0, r.id.find('-')));
    r.date = date.size() == 8 ? ParseCompactDate(date) : ParseTwoDigitYearDate(date);
    // Body: up to a blank line; /* ... */ blocks (which may span lines) are the comment.
    std::string comment;
    bool in_comment = false;
    for (++i; i < lines.size(); ++i) {
      std::string_view line = Trim(lines[i]);
      if (line.empty()) break;
      std::string kept;
      size_t pos = 0;
      while (pos < line.size()) {
        if (in_comment) {
          size_t close = line.find("*/", pos);
          comment.append(line.substr(pos, close == std::string_view::npos ? std::string_view::npos : close - pos));
          comment.push_back(' ');
          if (close == std::string_view::npos) break;
          in_comment = false;
          pos = close + 2;
        } else {
          size_t open = line.find("/*", pos);
          kept.append(line.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos));
          if (open == std::string_view::npos) break;
          in_comment = true;
          pos = open + 2;
        }
      }
      std::string_view k = Trim(kept);
      if (k.empty()) continue;
      if (!r.text.empty()) r.text.push_back('\n');
      r.text.append(k);
    }

    // Expectations: every {...} of the comment (a missing '}' ends at the comment's end).
    bool any_option = false, any_check = false, any_allowed = false;
    size_t pos = 0;
    while ((pos = comment.find('{', pos)) != std::string::npos) {
      const bool dash = pos > 0 && comment[pos - 1] == '-';
      size_t close = comment.find('}', pos + 1);
      size_t next_open = comment.find('{', pos + 1);
      if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
        close = next_open == std::string::npos ? comment.size() : next_open;
      }
      std::string_view body = Trim(std::string_view(comment).substr(pos + 1, close - pos - 1));
      pos = close;
      if (body.starts_with("OPTION:")) {
        options.Apply(body.substr(7));
        any_option = true;
        continue;
      }
      std::string compact;
      for (char c : body) {
        if (!IsBlank(c)) compact.push_back(c);
      }
      if (compact == "---" || compact == "###" || compact == "+++") {
        if (dash) {
          any_allowed = true;
        } else {
          r.marker = compact;
          any_check = true;
        }
        continue;
      }
      std::vector<std::string_view> parts;
      std::string_view rest = body;
      for (size_t slash; (slash = rest.find('/')) != std::string_view::npos;) {
        parts.push_back(rest.substr(0, slash));
        rest = rest.substr(slash + 1);
      }
      parts.push_back(rest);
      if (parts.size() != 3) {
        if (warnings) {
          warnings->push_back(fmt::format("{}:{}: {}: unknown expectation '{{{}}}' ignored", name, r.line, r.id,
                                          body.substr(0, 60)));
        }
        continue;
      }
      ExpectedEvent e{NormalizeCode(parts[0]), NormalizeCode(parts[1]), NormalizeCode(parts[2])};
      if (dash) {
        if (e.source != "---") r.allowed.push_back(std::move(e));
        any_allowed = true;
      } else {
        r.expected.push_back(std::move(e));
        any_check = true;
      }
    }
    if (!r.marker.empty() && !r.expected.empty() && warnings) {
      warnings->push_back(fmt::format("{}:{}: {}: {{{}}} together with events; the events are expected", name,
                                      r.line, r.id, r.marker));
    }
    r.min_words = options.min_words;
    r.convert_agents = options.convert_agents;
    r.comma_clauses = !options.comma_off;

    if (r.id == "FINAL-01") options.finished = true;
    if (options.finished) {
      r.skip = "after FINAL-01 (debugging records)";
    } else if (!any_check) {
      r.skip = any_option ? "option record" : any_allowed ? "expectations marked -{...} (not checked)"
                                                           : "no expectations";
    } else if (options.defaults) {
      r.skip = "DEFAULT: actors not implemented";
    } else if (options.code_by) {
      r.skip = "SET: CODE BY SENTENCE/ALL not implemented";
    } else if (options.comma) {
      r.skip = "COMMA: limits not implemented";
    }
    std::sort(r.expected.begin(), r.expected.end());
    r.expected.erase(std::unique(r.expected.begin(), r.expected.end()), r.expected.end());
    records.push_back(std::move(r));
  }
  return records;
}

Status ReadPetrarchValidation(const std::string& xml_path, ValidationSuite* suite) {
  auto bytes = ReadFile(xml_path);
  if (!bytes.ok()) return bytes.status();
  suite->records_file = xml_path;
  const fs::path folder = fs::path(xml_path).parent_path();

  // <Environment>: dictionary file names and the categories to include.
  size_t env_begin = bytes->find("<Environment>");
  size_t env_end = bytes->find("</Environment>");
  if (env_begin != std::string::npos && env_end != std::string::npos && env_end > env_begin) {
    std::string env = bytes->substr(env_begin, env_end + 14 - env_begin);
    pugi::xml_document doc;
    pugi::xml_parse_result ok = doc.load_buffer(env.data(), env.size());
    if (!ok) {
      return InvalidArgumentError(fmt::format("{}: <Environment>: {}", xml_path, ok.description()));
    }
    for (pugi::xml_node n : doc.child("Environment").children()) {
      std::string_view tag = n.name();
      std::string value(Trim(n.text().get()));
      if (tag == "Include") {
        std::istringstream words(value);
        for (std::string w; words >> w;) suite->include.push_back(UpperCopy(w));
      } else if ((tag == "Verbfile" || tag == "Actorfile" || tag == "Agentfile" || tag == "Discardfile") &&
                 !value.empty()) {
        std::string file = (folder / value).string();
        if (!fs::exists(file)) {
          return NotFoundError(fmt::format("{}: <{}> names {}, which does not exist", xml_path, tag, file));
        }
        suite->environment.push_back(std::move(file));
      }
    }
  }

  ReadOptions read;
  read.format = InputFormat::kPetrarchXml;
  auto stream = DocumentStream::Open({xml_path}, read);
  if (!stream.ok()) return stream.status();
  model::Document doc;
  Status error;
  for (;;) {
    ReadEvent ev = (*stream)->Next(&doc, &error);
    if (ev == ReadEvent::kEnd) break;
    if (ev == ReadEvent::kError) {
      if (error.code() == StatusCode::kNotFound || error.code() == StatusCode::kUnavailable) return error;
      suite->warnings.push_back(error.message());
      continue;
    }
    SuiteRecord r;
    r.id = doc.id;
    r.date = doc.date;
    r.text = doc.text;
    size_t colon = doc.origin.rfind(':');
    if (colon != std::string::npos) r.line = std::strtoul(doc.origin.c_str() + colon + 1, nullptr, 10);
    std::string evaluate, sentence;
    bool any = false;
    for (const auto& [key, json_text] : doc.metadata) {
      nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) continue;
      if (j.is_string()) {
        if (key == "category") r.category = UpperCopy(Trim(j.get<std::string>()));
        if (key == "evaluate") evaluate = UpperCopy(Trim(j.get<std::string>()));
        if (key == "sentence") sentence = UpperCopy(Trim(j.get<std::string>()));
        continue;
      }
      if (key != "EventCoding" || !j.is_array()) continue;
      for (const nlohmann::json& coding : j) {
        if (!coding.is_object()) continue;
        auto attr = [&](const char* name) -> std::string {
          auto it = coding.find(name);
          return it != coding.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        if (coding.contains("noevents")) {
          r.marker = "noevents";
          any = true;
        } else if (coding.contains("error")) {
          r.marker = "error=" + attr("error");
          any = true;
        } else if (coding.contains("eventcode")) {
          r.expected.push_back(ExpectedEvent{NormalizeCode(attr("sourcecode")), NormalizeCode(attr("targetcode")),
                                             NormalizeCode(attr("eventcode"))});
          any = true;
        }
      }
    }
    if (evaluate == "FALSE") {
      r.skip = "evaluate=\"false\"";
    } else if (sentence == "FALSE") {
      r.skip = "sentence=\"false\" (not implemented)";
    } else if (!suite->include.empty() &&
               std::find(suite->include.begin(), suite->include.end(), r.category) == suite->include.end()) {
      r.skip = "category not in <Include>";
    } else if (!any) {
      r.skip = "no expectations";
    }
    std::sort(r.expected.begin(), r.expected.end());
    r.expected.erase(std::unique(r.expected.begin(), r.expected.end()), r.expected.end());
    suite->records.push_back(std::move(r));
  }
  return Status::Ok();
}

StatusOr<ValidationSuite> ReadValidationSuite(SuiteKind kind, const std::string& path) {
  ValidationSuite suite;
  suite.kind = kind;
  std::error_code ec;
  const bool is_dir = fs::is_directory(path, ec);
  if (!is_dir && !fs::is_regular_file(path, ec)) return NotFoundError(fmt::format("{}: no such suite", path));
  const fs::path folder = is_dir ? fs::path(path) : fs::path(path).parent_path();

  // The first file of the folder (sorted by name) whose name contains every word of `parts`.
  auto find = [&](std::initializer_list<std::string_view> parts) -> std::string {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      std::string u = UpperCopy(n);
      bool all = true;
      for (std::string_view p : parts) all = all && u.find(p) != std::string::npos;
      if (all) return (folder / n).string();
    }
    return "";
  };

  if (kind == SuiteKind::kTabari) {
    std::string project = is_dir ? find({".PROJECT"}) : path;
    if (project.empty()) return NotFoundError(fmt::format("{}: no TABARI .project file", path));
    auto text = ReadFile(project);
    if (!text.ok()) return text.status();
    std::string text_file;
    for (std::string_view line : SplitLines(*text)) {
      line = Trim(line);
      size_t close = line.find('>');
      if (!line.starts_with("<") || close == std::string_view::npos) continue;
      std::string tag = UpperCopy(line.substr(1, close - 1));
      std::string value(Trim(line.substr(close + 1)));
      if (value.empty()) continue;
      std::string file = (fs::path(project).parent_path() / value).string();
      if (tag == "TEXTFILE" && text_file.empty()) text_file = file;
      if (tag == "ACTORSFILE" || tag == "VERBSFILE" || tag == "AGENTSFILE" || tag == "OPTIONSFILE") {
        if (!fs::exists(file)) {
          return NotFoundError(fmt::format("{}: <{}> names {}, which does not exist", project, tag, file));
        }
        suite.environment.push_back(file);
      }
    }
    if (text_file.empty()) return InvalidArgumentError(fmt::format("{}: no <textfile>", project));
    auto records = ReadFile(text_file);
    if (!records.ok()) return records.status();
    suite.records_file = text_file;
    suite.dictionaries = "tabari:" + project;
    suite.records = ParseTabariValidation(*records, text_file, &suite.warnings);
  } else {
    std::string xml = !is_dir ? path
                      : kind == SuiteKind::kPetrarch ? find({"UNITTEST", "RECORDS", ".XML"})
                                                     : find({"VALIDATE_RECORDS", ".XML"});
    if (xml.empty()) xml = find({"RECORDS", ".XML"});
    if (xml.empty()) return NotFoundError(fmt::format("{}: no validation records (*records*.xml)", path));
    if (Status s = ReadPetrarchValidation(xml, &suite); !s.ok()) return s;
    suite.dictionaries = (kind == SuiteKind::kPetrarch ? "petrarch1:" : "up:") + folder.string();
  }
  if (suite.records.empty()) return InvalidArgumentError(fmt::format("{}: no records", suite.records_file));
  return suite;
}

}  // namespace dyad::io
