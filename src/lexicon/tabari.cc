// TABARI and PETRARCH-1 readers: linear-pattern .verbs dictionaries, .options and .project files.
//
// A linear pattern is the token sequence around the verb: "- SAID WOULD_*_TALKS [102]". '_' joins
// words that must be adjacent, a trailing '_' marks a whole word (no stemming), "{A | B C}" is a
// disjunction, "$ + % ^" are actor slots. TABARI verbs: each root line "VERB [code]" starts a block,
// "{ FORMS }" on the next line lists its forms; PETRARCH-1 verbs use PETRARCH2's "--- NAME [code] ---"
// blocks with TABARI-style patterns. TABARI comments start with ';', PETRARCH-1 ones with '#'.
#include <filesystem>

#include <fmt/format.h>

#include "lexicon/line_reader.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon {
namespace {

using internal::ParseCode;
using internal::ParseWords;
using internal::Reporter;
using internal::SplitWhitespace;
using internal::StripComment;
using internal::Trim;
using internal::Upper;

constexpr int kMaxNesting = 8;

// Parses a linear sequence until '|', '}' or the end; `i` advances. Returns "" or an error.
std::string ParseLinear(std::string_view s, size_t& i, int depth, WordSeq* out) {
  if (depth > kMaxNesting) return "{...} nested too deeply";
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '|' || c == '}') {
      return "";
    } else if (c == '{') {
      ++i;
      PatternWord group;
      group.kind = WordKind::kAlternatives;
      while (true) {
        WordSeq alt;
        std::string err = ParseLinear(s, i, depth + 1, &alt);
        if (!err.empty()) return err;
        if (i == s.size()) return "unbalanced '{'";
        if (alt.empty()) return "empty alternative in {...}";
        group.alternatives.push_back(std::move(alt));
        if (s[i++] == '}') break;
      }
      if (i < s.size() && s[i] == '_') {
        group.joined = true;
        ++i;
      }
      out->push_back(std::move(group));
    } else {
      size_t b = i;
      while (i < s.size() && std::string_view(" \t{|}").find(s[i]) == std::string_view::npos) ++i;
      WordSeq ws = ParseWords(s.substr(b, i - b), true);
      if (!ws.empty() && i < s.size() && s[i] == '{' && s[i - 1] == '_') {
        ws.back().exact = false;  // "DEMAND_{ ... }": joined to the group, not a whole-word mark
        ws.back().joined = true;
      }
      out->insert(out->end(), ws.begin(), ws.end());
    }
  }
  return "";
}

// "[code]" at the end of `s`; fills `body` with what precedes it.
std::optional<EventCode> TrailingCode(std::string_view s, std::string_view* body, std::string* problem) {
  size_t open = s.rfind('[');
  if (open == std::string_view::npos) {
    *problem = "no [code]";
    return std::nullopt;
  }
  size_t close = s.find(']', open);
  if (close == std::string_view::npos) {
    *problem = "unbalanced '['";
    return std::nullopt;
  }
  std::optional<EventCode> code = ParseCode(s.substr(open + 1, close - open - 1));
  if (!code) *problem = "malformed code";
  if (!Trim(s.substr(close + 1)).empty()) *problem = "text after the code";
  *body = Trim(s.substr(0, open));
  return code;
}

class LinearVerbParser {
 public:
  LinearVerbParser(VerbFormat format, Reporter* rep, VerbDictionary* dict)
      : tabari_(format == VerbFormat::kTabari), rep_(rep), dict_(dict) {}

  void Line(uint32_t n, std::string_view raw) {
    line_ = n;
    if (finished_) return;
    if (raw.substr(0, 1) == "#" && tabari_) return;
    if (tabari_ && raw.substr(0, 2) == "~~") {
      finished_ = true;  // TABARI appends its session stamp after "~~FINISH"
      return;
    }
    std::string_view s = Trim(StripComment(raw, tabari_ ? ";" : "#"));
    if (s.empty()) return;
    if (s[0] == '<') return OnSection(s);
    if (s[0] == '&') return SynsetLabel(s.substr(1));
    if (s[0] == '+' && section_ == kSynsets) return Member(s.substr(1));
    if (!tabari_ && s[0] == '+' && synset_open_) return Member(s.substr(1));
    if (section_ == kTime) return Time(s);
    if (s.substr(0, 3) == "---") return Header(s);
    if (s[0] == '-') return Pattern(s.substr(1));
    if (s[0] == '{') return Forms(s);
    Verb(s);
  }

  void Finish() {
    if (section_ != kNone) rep_->Warn(line_, "section <SYNSETS>/<TIME> not closed");
    dict_->BuildIndex();
  }

 private:
  enum Section { kNone, kSynsets, kTime };
  SourceLocation Here() const { return SourceLocation{0, line_}; }

  void OnSection(std::string_view s) {
    std::string tag = Upper(s);
    if (tag == "<SYNSETS>") section_ = kSynsets;
    else if (tag == "<TIME>") section_ = kTime;
    else if (tag == "</SYNSETS>" || tag == "</TIME>") section_ = kNone;
    else rep_->Warn(line_, fmt::format("unknown section tag '{}'; skipped", s));
  }

  void SynsetLabel(std::string_view s) {
    s = Trim(s);
    Synset syn;
    syn.where = Here();
    if (!s.empty() && s.back() == '_') {
      syn.no_plural = true;
      s.remove_suffix(1);
    }
    syn.name = Upper(s);
    if (syn.name.empty() || syn.name.find_first_of(" \t") != std::string::npos) {
      rep_->Warn(line_, "malformed synset label; skipped");
      synset_open_ = false;
      return;
    }
    dict_->synsets.push_back(std::move(syn));
    synset_open_ = true;
  }

  void Member(std::string_view s) {
    if (!synset_open_) {
      rep_->Warn(line_, "synset member before any &LABEL; skipped");
      return;
    }
    SynsetMember m;
    m.line = line_;
    size_t i = 0;
    std::string err = ParseLinear(s, i, 0, &m.words);
    if (err.empty() && i < s.size()) err = fmt::format("unbalanced '{}'", s[i]);
    if (!err.empty() || m.words.empty()) {
      rep_->Warn(line_, (err.empty() ? std::string("empty synset member") : err) + "; skipped");
      return;
    }
    m.no_plural = dict_->synsets.back().no_plural || m.words.back().exact;
    dict_->synsets.back().members.push_back(std::move(m));
  }

  void Time(std::string_view s) {
    if (s[0] == '-') return;  // time-shift patterns ("- * AND A WEEK [+8]") are not kept
    std::string_view body;
    std::string problem;
    std::optional<EventCode> code = TrailingCode(s, &body, &problem);
    if (!code || !problem.empty()) {
      rep_->Warn(line_, "time phrase: " + (problem.empty() ? std::string("malformed code") : problem) + "; skipped");
      return;
    }
    dict_->time_phrases.emplace_back(ParseWords(body, false), *code);
  }

  void Header(std::string_view s) {
    synset_open_ = false;
    size_t b = s.find_first_not_of('-');
    size_t e = s.find_last_not_of('-');
    std::string_view inner = b == std::string_view::npos ? std::string_view() : Trim(s.substr(b, e - b + 1));
    VerbBlock block;
    block.where = Here();
    block.code.active = "---";
    size_t open = inner.find('[');
    block.name = Upper(Trim(inner.substr(0, open)));
    if (open != std::string_view::npos) {
      size_t close = inner.find(']', open);
      std::optional<EventCode> code;
      if (close != std::string_view::npos) code = ParseCode(inner.substr(open + 1, close - open - 1));
      if (!code) rep_->Warn(line_, "malformed code in verb block header; null code [---] used");
      else block.code = *code;
      if (code && inner.find('[', close) != std::string_view::npos) {
        rep_->Warn(line_, "more than one code in verb block header; the first is used");
      }
    }
    dict_->blocks.push_back(std::move(block));
    block_open_ = true;
  }

  // "VERB [code]", "+MULTI_WORD {FORMS} [code]", "APPRECIATE POSITION [042]".
  void Verb(std::string_view s) {
    synset_open_ = false;
    VerbEntry e;
    e.where = Here();
    std::string_view head = s;
    if (s.find('[') != std::string_view::npos) {
      std::string problem;
      std::optional<EventCode> code = TrailingCode(s, &head, &problem);
      if (!code) {
        rep_->Warn(line_, "verb: " + problem + "; skipped");
        return;
      }
      if (!problem.empty()) rep_->Warn(line_, "verb: " + problem + " ignored");
      e.code = *code;
      e.has_own_code = true;
    }
    size_t brace = head.find('{');
    std::string_view forms;
    if (brace != std::string_view::npos) {
      size_t close = head.find('}', brace);
      if (close == std::string_view::npos) {
        rep_->Warn(line_, "unbalanced '{' in verb forms; skipped");
        return;
      }
      forms = head.substr(brace, close - brace + 1);
      head = Trim(head.substr(0, brace));
    }
    if (!Surface(head, &e.lemma)) {
      rep_->Warn(line_, "verb line without a verb; skipped");
      return;
    }
    if (tabari_) {
      // Each TABARI root starts its own block; its code is the block's code.
      VerbBlock block;
      block.name = e.lemma.verb;
      for (const std::string& w : e.lemma.after) block.name += " " + w;
      block.where = Here();
      if (!e.has_own_code) {
        rep_->Warn(line_, "verb root without a [code]; null code [---] used");
        e.code.active = "---";
      }
      block.code = e.code;
      dict_->blocks.push_back(std::move(block));
      block_open_ = true;
    } else {
      if (!block_open_) {
        rep_->Warn(line_, "verb line outside a '--- NAME [code] ---' block; skipped");
        return;
      }
      if (!e.has_own_code) e.code = dict_->blocks.back().code;
    }
    dict_->blocks.back().verbs.push_back(std::move(e));
    if (!forms.empty()) Forms(forms);
  }

  bool Surface(std::string_view s, VerbSurface* out) {
    std::vector<std::string> words;
    int verb_at = -1;
    std::vector<bool> no_endings;  // per word: written with '='
    for (std::string_view chunk : SplitWhitespace(s)) {
      size_t i = 0;
      while (i <= chunk.size()) {
        size_t e = chunk.find('_', i);
        if (e == std::string_view::npos) e = chunk.size();
        std::string_view w = chunk.substr(i, e - i);
        i = e + 1;
        if (!w.empty() && w[0] == '+') {
          if (verb_at < 0) verb_at = static_cast<int>(words.size());
          w.remove_prefix(1);
        }
        const bool equals = !w.empty() && w.back() == '=';
        if (!w.empty() && (equals || w.back() == '~')) w.remove_suffix(1);
        if (!w.empty()) {
          words.push_back(Upper(w));
          no_endings.push_back(equals);
        }
      }
    }
    if (words.empty()) return false;
    if (verb_at < 0 || verb_at >= static_cast<int>(words.size())) verb_at = 0;
    out->before.assign(words.begin(), words.begin() + verb_at);
    out->verb = words[verb_at];
    out->no_endings = no_endings[verb_at];
    out->after.assign(words.begin() + verb_at + 1, words.end());
    return true;
  }

  void Forms(std::string_view s) {
    if (!block_open_ || dict_->blocks.back().verbs.empty()) {
      rep_->Warn(line_, "verb forms {...} before any verb; skipped");
      return;
    }
    size_t close = s.find('}');
    if (close == std::string_view::npos) {
      rep_->Warn(line_, "unbalanced '{' in verb forms; skipped");
      return;
    }
    VerbEntry& e = dict_->blocks.back().verbs.back();
    e.forms_listed = true;
    for (std::string_view f : SplitWhitespace(s.substr(1, close - 1))) {
      VerbSurface form;
      if (Surface(f, &form)) e.forms.push_back(std::move(form));
    }
    if (e.forms.empty()) rep_->Warn(line_, "no verb forms inside {...}");
  }

  void Pattern(std::string_view s) {
    if (!block_open_) {
      rep_->Warn(line_, "pattern before any verb; skipped");
      return;
    }
    std::string_view body;
    std::string problem;
    std::optional<EventCode> code = TrailingCode(Trim(s), &body, &problem);
    if (!code) {
      rep_->Warn(line_, "pattern: " + problem + "; skipped");
      return;
    }
    if (!problem.empty()) rep_->Warn(line_, "pattern: " + problem + " ignored");
    WordSeq seq;
    size_t i = 0;
    std::string err = ParseLinear(body, i, 0, &seq);
    if (err.empty() && i < body.size()) err = fmt::format("unbalanced '{}'", body[i]);
    if (!err.empty()) {
      rep_->Warn(line_, "pattern: " + err + "; skipped");
      return;
    }
    int star = -1;
    for (size_t k = 0; k < seq.size(); ++k) {
      if (seq[k].kind != WordKind::kVerb) continue;
      if (star >= 0) {
        rep_->Warn(line_, "pattern with more than one '*'; skipped");
        return;
      }
      star = static_cast<int>(k);
    }
    if (star < 0) {
      rep_->Warn(line_, "pattern without the verb marker '*'; skipped");
      return;
    }
    LinearPattern p;
    p.code = *code;
    p.where = Here();
    p.before.assign(seq.begin(), seq.begin() + star);
    p.after.assign(seq.begin() + star + 1, seq.end());
    p.verb_joined_before = !p.before.empty() && p.before.back().joined;
    p.verb_joined_after = seq[star].joined;
    dict_->blocks.back().linear_patterns.push_back(std::move(p));
  }

  bool tabari_;
  Reporter* rep_;
  VerbDictionary* dict_;
  Section section_ = kNone;
  bool synset_open_ = false;
  bool block_open_ = false;
  bool finished_ = false;
  uint32_t line_ = 0;
};

std::string_view StripXml(std::string_view line, bool* in_comment) {
  // PETRARCH-1 headers are whole-line <!-- --> comments; a multi-line one is tracked.
  std::string_view t = Trim(line);
  if (*in_comment) {
    if (t.find("-->") != std::string_view::npos) *in_comment = false;
    return {};
  }
  if (t.substr(0, 4) == "<!--") {
    if (t.find("-->") == std::string_view::npos) *in_comment = true;
    return {};
  }
  return line;
}

}  // namespace

StatusOr<VerbDictionary> ParseLinearVerbs(std::string_view text, std::string_view name, VerbFormat format,
                                          const LoadOptions& options, std::vector<Diagnostic>* diagnostics) {
  if (format != VerbFormat::kTabari && format != VerbFormat::kPetrarch1) {
    return InvalidArgumentError("ParseLinearVerbs: format must be kTabari or kPetrarch1");
  }
  VerbDictionary dict;
  dict.format = format;
  dict.files.emplace_back(name);
  Reporter rep(name, options, diagnostics);
  internal::LineReader reader(text, options, &rep);
  LinearVerbParser parser(format, &rep, &dict);
  std::string_view line;
  bool in_comment = false;
  while (reader.Next(&line)) {
    if (format == VerbFormat::kPetrarch1) line = StripXml(line, &in_comment);
    parser.Line(reader.line_number(), line);
    if (!rep.status().ok()) return rep.status();
  }
  parser.Finish();
  if (!rep.status().ok()) return rep.status();
  return dict;
}

StatusOr<VerbDictionary> LoadLinearVerbs(const std::string& path, VerbFormat format, const LoadOptions& options,
                                         std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  return ParseLinearVerbs(text, path, format, options, diagnostics);
}

// ---------------------------------------------------------------------------------------------
// .options

Status ParseTabariOptions(std::string_view text, std::string_view name, const LoadOptions& options,
                          TabariOptions* out, std::vector<Diagnostic>* diagnostics) {
  static constexpr std::string_view kCommands[] = {"COMPLEX", "SET", "OUTPUT", "LABEL", "FORWARD",
                                                   "DEFAULT", "COMMA", "ISSUES", "DELETE", "CODE"};
  uint32_t file = static_cast<uint32_t>(out->files.size());
  out->files.emplace_back(name);
  Reporter rep(name, options, diagnostics);
  internal::LineReader reader(text, options, &rep);
  std::string_view line;
  while (reader.Next(&line)) {
    uint32_t n = reader.line_number();
    std::string_view s = Trim(line);
    if (s.empty() || s.substr(0, 2) == "//") continue;
    if (s.substr(0, 2) == "~~") break;  // end of the options; TABARI keeps notes after it
    size_t colon = s.find(':');
    std::string command = colon == std::string_view::npos ? "" : Upper(Trim(s.substr(0, colon)));
    bool known = false;
    for (std::string_view k : kCommands) known = known || command == k;
    if (!known) {
      rep.Warn(n, fmt::format("unknown option directive '{}'; skipped", colon == std::string_view::npos ? s : s.substr(0, colon)));
      if (!rep.status().ok()) return rep.status();
      continue;
    }
    TabariOption opt{command, std::string(Trim(s.substr(colon + 1))), SourceLocation{file, n}};
    if (command == "LABEL") {
      size_t eq = opt.value.find('=');
      if (eq == std::string::npos) rep.Warn(n, "LABEL without '='; skipped");
      else out->labels.emplace_back(std::string(Trim(std::string_view(opt.value).substr(0, eq))), std::string(Trim(std::string_view(opt.value).substr(eq + 1))));
    }
    out->options.push_back(std::move(opt));
    if (!rep.status().ok()) return rep.status();
  }
  return rep.status();
}

StatusOr<TabariOptions> LoadTabariOptions(const std::string& path, const LoadOptions& options,
                                          std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  TabariOptions out;
  DYAD_RETURN_IF_ERROR(ParseTabariOptions(text, path, options, &out, diagnostics));
  return out;
}

// ---------------------------------------------------------------------------------------------
// .project

StatusOr<TabariProject> ParseTabariProject(std::string_view text, std::string_view name, std::string_view folder,
                                           const LoadOptions& options, std::vector<Diagnostic>* diagnostics) {
  TabariProject p;
  p.path = std::string(name);
  Reporter rep(name, options, diagnostics);
  internal::LineReader reader(text, options, &rep);
  auto resolve = [&](std::string_view f) {
    std::filesystem::path path(f);
    if (path.is_relative() && !folder.empty()) path = std::filesystem::path(folder) / path;
    return path.string();
  };
  std::string_view line;
  bool first = true;
  while (reader.Next(&line)) {
    uint32_t n = reader.line_number();
    std::string_view s = Trim(line);
    if (s.empty()) continue;
    if (s[0] != '<') {
      if (first) p.description = std::string(s);
      else rep.Warn(n, "line is not a <tag> value pair; skipped");
      first = false;
      if (!rep.status().ok()) return rep.status();
      continue;
    }
    first = false;
    size_t close = s.find('>');
    if (close == std::string_view::npos) {
      rep.Warn(n, "unbalanced '<'; skipped");
      if (!rep.status().ok()) return rep.status();
      continue;
    }
    std::string tag = Upper(Trim(s.substr(1, close - 1)));
    std::string value(Trim(s.substr(close + 1)));
    if (tag.starts_with("SESSION")) {
      ++p.sessions;
      continue;
    }
    if (value.empty()) {
      rep.Warn(n, fmt::format("<{}> without a value; skipped", tag));
    } else if (tag == "ACTORSFILE") {
      p.actors_files.push_back(resolve(value));
    } else if (tag == "VERBSFILE") {
      p.verbs_files.push_back(resolve(value));
    } else if (tag == "AGENTSFILE") {
      p.agents_files.push_back(resolve(value));
    } else if (tag == "TEXTFILE") {
      p.text_files.push_back(resolve(value));
    } else if (tag == "OPTIONSFILE") {
      p.options_file = resolve(value);
    } else if (tag == "PROBLEMFILE") {
      p.problem_file = resolve(value);
    } else if (tag == "EVENTFILE") {
      p.event_file = resolve(value);
    } else if (tag == "ERRORFILE") {
      p.error_file = resolve(value);
    } else if (tag == "CODER") {
      p.coder = value;
    } else {
      rep.Warn(n, fmt::format("unknown project directive <{}>; skipped", tag));
    }
    if (!rep.status().ok()) return rep.status();
  }
  if (p.actors_files.empty() || p.verbs_files.empty()) {
    rep.Warn(0, "project names no <actorsfile> or no <verbsfile>");
  }
  if (!rep.status().ok()) return rep.status();
  return p;
}

StatusOr<TabariProject> LoadTabariProject(const std::string& path, const LoadOptions& options,
                                          std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  std::string folder = std::filesystem::path(path).parent_path().string();
  return ParseTabariProject(text, path, folder, options, diagnostics);
}

}  // namespace dyad::lexicon
