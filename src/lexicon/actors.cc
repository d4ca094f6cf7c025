// Actor dictionary reader: PETRARCH2 (Phoenix.*.actors.txt) and TABARI (.actors) syntax.
//
// An actor is a primary phrase line, optional "+SYNONYM" lines, and codes: "[CODE]" or dated
// "[CODE <D]", "[CODE >D]", "[CODE D1-D2]" either after the phrase on the same line or on following
// (usually indented) lines. Several codes may share a line ("[NLDGOVBUS >081004][MNCNLD]").
// '#' and ';' start comments. The Phoenix files are 2 MB, so this is a single forward pass with no
// regular expressions; per line it allocates only the words it keeps.
#include <fmt/format.h>

#include "lexicon/line_reader.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon {
namespace {

using internal::ParseDictionaryDate;
using internal::ParseWords;
using internal::Reporter;
using internal::SplitWhitespace;
using internal::StripComment;
using internal::Trim;
using internal::Upper;

// Parses "CODE", "CODE >D", "CODE <D", "CODE D1-D2" (blanks inside the date part tolerated).
// Returns "" or what is wrong.
std::string ParseDatedCode(std::string_view inside, DatedCode* out) {
  std::vector<std::string_view> parts = SplitWhitespace(inside);
  if (parts.empty()) return "empty code []";
  std::string_view code = parts[0];
  if (code.find_first_not_of("0123456789-<>") == std::string_view::npos &&
      code.find_first_of("0123456789") != std::string_view::npos) {
    return "code missing before the date";
  }
  out->code = Upper(code);
  std::string spec;
  for (size_t k = 1; k < parts.size(); ++k) spec += parts[k];
  if (spec.empty()) return "";
  auto date = [&](std::string_view s, std::optional<model::Date>* d) -> std::string {
    *d = ParseDictionaryDate(s);
    return *d ? "" : fmt::format("malformed date '{}' (expected YYMMDD or YYYYMMDD)", s);
  };
  if (spec[0] == '<') return date(std::string_view(spec).substr(1), &out->until);
  if (spec[0] == '>') return date(std::string_view(spec).substr(1), &out->from);
  size_t dash = spec.find('-');
  if (dash == std::string::npos) {
    std::string err = date(spec, &out->from);
    return err.empty() ? "date without '<', '>' or a range; read as '>date'" : err;
  }
  std::string err = date(std::string_view(spec).substr(0, dash), &out->from);
  if (err.empty()) err = date(std::string_view(spec).substr(dash + 1), &out->until);
  if (err.empty() && *out->until < *out->from) return "date range ends before it starts";
  return err;
}

class ActorParser {
 public:
  ActorParser(uint32_t file, Reporter* reporter, ActorDictionary* dict)
      : file_(file), reporter_(reporter), dict_(dict) {}

  // Returns false at the TABARI end marker "~~FINISH".
  bool Line(uint32_t n, std::string_view raw) {
    line_ = n;
    std::string_view s = Trim(raw);
    // <!-- --> comments (PETRARCH validation files), possibly over several lines; PETRARCH2 skips
    // every line that starts with "<!".
    if (in_comment_) {
      in_comment_ = s.find("-->") == std::string_view::npos;
      return true;
    }
    if (s.substr(0, 2) == "<!") {
      in_comment_ = s.find("-->") == std::string_view::npos;
      return true;
    }
    s = Trim(StripComment(s, "#;"));
    if (s.empty()) return true;
    if (s.substr(0, 2) == "~~") return false;  // TABARI writes its session stamp after this
    if (s[0] == '<') return OnSection(s);
    if (section_ != kNoSection) {
      WordSeq words = ParseWords(s, false);
      (section_ == kNoun ? dict_->nouns : dict_->adjectives).push_back(std::move(words));
      return true;
    }
    if (s[0] == '[') {
      if (current_ == nullptr) {
        reporter_->Warn(line_, "code line before any actor phrase; skipped");
        return true;
      }
      Codes(s, current_);
      return true;
    }
    bool synonym = s[0] == '+';
    if (synonym) s.remove_prefix(1);
    size_t open = s.find('[');
    std::string_view phrase = Trim(s.substr(0, open));
    if (phrase.find(']') != std::string_view::npos) {
      reporter_->Warn(line_, "unbalanced ']' in actor phrase; line skipped");
      return true;
    }
    WordSeq words = ParseWords(phrase, false);
    if (words.empty()) {
      reporter_->Warn(line_, synonym ? "empty synonym; skipped" : "code with no phrase; skipped");
      return true;
    }
    if (synonym) {
      if (current_ == nullptr) {
        reporter_->Warn(line_, "synonym '+' before any actor phrase; skipped");
        return true;
      }
      current_->phrases.push_back(ActorPhrase{std::move(words), Here()});
      if (open != std::string_view::npos) {
        reporter_->Warn(line_, "code on a synonym line applies to the whole actor");
        Codes(s.substr(open), current_);
      }
      return true;
    }
    FinishActor();
    dict_->actors.emplace_back();
    current_ = &dict_->actors.back();
    current_->where = Here();
    current_->phrases.push_back(ActorPhrase{std::move(words), Here()});
    if (open != std::string_view::npos) Codes(s.substr(open), current_);
    return true;
  }

  void Finish() {
    FinishActor();
    if (section_ != kNoSection) reporter_->Warn(line_, "section <NOUN>/<ADJECTIVE> not closed");
  }

 private:
  enum Section { kNoSection, kNoun, kAdjective };

  SourceLocation Here() const { return SourceLocation{file_, line_}; }

  bool OnSection(std::string_view s) {
    std::string tag = Upper(s);
    if (tag == "<NOUN>") section_ = kNoun;
    else if (tag == "<ADJECTIVE>") section_ = kAdjective;
    else if (tag == "</NOUN>" || tag == "</ADJECTIVE>") section_ = kNoSection;
    else reporter_->Warn(line_, fmt::format("unknown section tag '{}'; skipped", s));
    return true;
  }

  // One or more "[...]" groups, possibly followed by free text (Phoenix MNC lines carry sector and
  // revenue columns without a '#').
  void Codes(std::string_view s, Actor* actor) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i == s.size()) break;
      if (s[i] != '[') {
        reporter_->Warn(line_, "text after the actor code ignored");
        return;
      }
      size_t close = s.find(']', i);
      size_t next_open = s.find('[', i + 1);
      if (close == std::string_view::npos || next_open < close) {
        reporter_->Warn(line_, "unbalanced '[' in actor code; code skipped");
        return;
      }
      DatedCode code;
      code.where = Here();
      std::string problem = ParseDatedCode(s.substr(i + 1, close - i - 1), &code);
      if (!problem.empty()) {
        bool kept = problem.starts_with("date without");
        reporter_->Warn(line_, kept ? problem : problem + "; code skipped");
        if (!kept) {
          i = close + 1;
          continue;
        }
      }
      actor->codes.push_back(std::move(code));
      i = close + 1;
    }
  }

  void FinishActor() {
    if (current_ != nullptr && current_->codes.empty()) {
      reporter_->Warn(current_->where.line, "actor has no code; kept without one");
    }
    current_ = nullptr;
  }

  uint32_t file_;
  Reporter* reporter_;
  ActorDictionary* dict_;
  Actor* current_ = nullptr;  // stable: only the last element is appended to before FinishActor
  Section section_ = kNoSection;
  bool in_comment_ = false;
  uint32_t line_ = 0;
};

}  // namespace

Status ParseActors(std::string_view text, std::string_view name, const LoadOptions& options, ActorDictionary* dict,
                   std::vector<Diagnostic>* diagnostics) {
  uint32_t file = static_cast<uint32_t>(dict->files.size());
  dict->files.emplace_back(name);
  Reporter reporter(name, options, diagnostics);
  internal::LineReader reader(text, options, &reporter);
  ActorParser parser(file, &reporter, dict);
  std::string_view line;
  while (reader.Next(&line)) {
    if (!parser.Line(reader.line_number(), line)) break;
    if (!reporter.status().ok()) return reporter.status();
  }
  parser.Finish();
  return reporter.status();
}

StatusOr<ActorDictionary> LoadActors(std::span<const std::string> paths, const LoadOptions& options,
                                     std::vector<Diagnostic>* diagnostics) {
  ActorDictionary dict;
  for (const std::string& path : paths) {
    DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
    DYAD_RETURN_IF_ERROR(ParseActors(text, path, options, &dict, diagnostics));
  }
  return dict;
}

}  // namespace dyad::lexicon
