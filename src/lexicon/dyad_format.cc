#include "lexicon/dyad_format.h"

#include <fmt/format.h>

#include "lexicon/line_reader.h"
#include "model/cameo_codes.h"

namespace dyad::lexicon {

namespace {

using internal::LineReader;
using internal::Reporter;
using internal::SplitWhitespace;
using internal::Trim;
using internal::Upper;

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t bar = s.find(sep, start);
    parts.push_back(Trim(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return parts;
}

// "defence minister" -> [DEFENCE, MINISTER]; "Iranian*" -> a stem word.
WordSeq Phrase(std::string_view text) {
  WordSeq words;
  for (std::string_view w : SplitWhitespace(text)) {
    PatternWord pw;
    pw.exact = true;
    if (w.size() > 1 && w.back() == '*') {
      pw.exact = false;
      w.remove_suffix(1);
    }
    pw.text = Upper(w);
    words.push_back(std::move(pw));
  }
  return words;
}

bool ParseIsoDay(std::string_view s, std::optional<model::Date>* out) {
  if (s.empty()) {
    out->reset();
    return true;
  }
  *out = model::ParseIsoDate(s);
  return out->has_value() && s.size() == 10;
}

// "USAGOV 2017-01-20..2021-01-20", "IRN", "USAELI ..2017-01-20".
bool ParseDatedCode(std::string_view text, DatedCode* code, std::string* error) {
  auto parts = SplitWhitespace(text);
  if (parts.empty() || parts.size() > 2) {
    *error = "expected CODE [FROM..UNTIL]";
    return false;
  }
  code->code = Upper(parts[0]);
  for (char c : code->code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      *error = fmt::format("actor code '{}' may hold only letters and digits", parts[0]);
      return false;
    }
  }
  if (parts.size() == 2) {
    size_t dots = parts[1].find("..");
    if (dots == std::string_view::npos) {
      *error = fmt::format("date range '{}' must be FROM..UNTIL (either side may be empty)", parts[1]);
      return false;
    }
    if (!ParseIsoDay(parts[1].substr(0, dots), &code->from) ||
        !ParseIsoDay(parts[1].substr(dots + 2), &code->until)) {
      *error = fmt::format("malformed date in '{}' (dates are YYYY-MM-DD)", parts[1]);
      return false;
    }
    if (code->from && code->until && *code->until <= *code->from) {
      *error = fmt::format("empty date range '{}'", parts[1]);
      return false;
    }
  }
  return true;
}

// "---" (no event) or a code of the CAMEO table.
bool IsEventCode(std::string_view c) { return c == "---" || model::FindCameoCode(c) != nullptr; }

class Parser {
 public:
  Parser(std::string_view name, const LoadOptions& options, const DyadDictionaries& out,
         std::vector<Diagnostic>* diagnostics)
      : out_(out), reporter_(name, options, diagnostics), options_(options), name_(name) {}

  Status Run(std::string_view text) {
    AddFile();
    LineReader lines(text, options_, &reporter_);
    std::string_view raw;
    while (lines.Next(&raw)) {
      line_ = lines.line_number();
      std::string_view line = raw;
      size_t hash = line.find('#');
      if (hash != std::string_view::npos) line = line.substr(0, hash);
      bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
      line = Trim(line);
      if (line.empty()) continue;
      if (indented) {
        Continuation(line);
      } else {
        Entry(line);
      }
    }
    return reporter_.status();
  }

 private:
  enum class Open { kNone, kActor, kVerb };

  void AddFile() {
    for (std::vector<std::string>* files :
         {out_.verbs ? &out_.verbs->files : nullptr, out_.actors ? &out_.actors->files : nullptr,
          out_.agents ? &out_.agents->files : nullptr, out_.discards ? &out_.discards->files : nullptr}) {
      if (files != nullptr) files->push_back(std::string(name_));
    }
  }
  // The location of the current line in a dictionary whose files end with this one.
  SourceLocation Here(const std::vector<std::string>& files) const {
    return SourceLocation{static_cast<uint32_t>(files.size() - 1), line_};
  }
  void Warn(std::string message) { reporter_.Warn(line_, std::move(message)); }

  void Entry(std::string_view line) {
    open_ = Open::kNone;
    size_t space = line.find_first_of(" \t");
    std::string_view keyword = line.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : Trim(line.substr(space));
    if (keyword == "actor") {
      Actor(rest);
    } else if (keyword == "agent") {
      Agent(rest);
    } else if (keyword == "discard") {
      Discard(rest);
    } else if (keyword == "verb") {
      Verb(rest);
    } else {
      Warn(fmt::format("unknown entry '{}' (expected actor, agent, discard or verb)", keyword));
    }
  }

  void Continuation(std::string_view line) {
    switch (open_) {
      case Open::kActor: {
        DatedCode code;
        std::string error;
        if (!ParseDatedCode(line, &code, &error)) return Warn(error);
        code.where = Here(out_.actors->files);
        out_.actors->actors.back().codes.push_back(std::move(code));
        return;
      }
      case Open::kVerb:
        return Pattern(line);
      case Open::kNone:
        return Warn("indented line outside an actor or verb entry");
    }
  }

  // actor NAMES [= CODE [FROM..UNTIL]]
  void Actor(std::string_view rest) {
    if (out_.actors == nullptr) return;
    size_t eq = rest.find('=');
    std::string_view names = Trim(rest.substr(0, eq));
    lexicon::Actor actor;
    actor.where = Here(out_.actors->files);
    for (std::string_view n : Split(names, '|')) {
      if (n.empty()) return Warn("empty name in the actor's list");
      actor.phrases.push_back(ActorPhrase{Phrase(n), Here(out_.actors->files)});
    }
    if (eq != std::string_view::npos) {
      DatedCode code;
      std::string error;
      if (!ParseDatedCode(Trim(rest.substr(eq + 1)), &code, &error)) return Warn(error);
      code.where = Here(out_.actors->files);
      actor.codes.push_back(std::move(code));
    }
    out_.actors->actors.push_back(std::move(actor));
    open_ = Open::kActor;
  }

  // agent NAMES = ~SUFFIX | PREFIX~
  void Agent(std::string_view rest) {
    if (out_.agents == nullptr) return;
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return Warn("agent needs '= ~CODE' (suffix) or '= CODE~' (prefix)");
    std::string_view code = Trim(rest.substr(eq + 1));
    bool prefix = code.size() > 1 && code.back() == '~';
    bool suffix = code.size() > 1 && code.front() == '~';
    if (prefix == suffix) return Warn(fmt::format("agent code '{}' must be ~CODE or CODE~", code));
    code = prefix ? code.substr(0, code.size() - 1) : code.substr(1);
    for (std::string_view n : Split(Trim(rest.substr(0, eq)), '|')) {
      if (n.empty()) return Warn("empty name in the agent's list");
      lexicon::Agent agent;
      agent.words = Phrase(n);
      agent.code = Upper(code);
      agent.prefix = prefix;
      agent.where = Here(out_.agents->files);
      out_.agents->agents.push_back(std::move(agent));
    }
  }

  // discard [story] NAMES
  void Discard(std::string_view rest) {
    if (out_.discards == nullptr) return;
    bool story = rest.starts_with("story ");
    if (story) rest = Trim(rest.substr(6));
    for (std::string_view n : Split(rest, '|')) {
      if (n.empty()) return Warn("empty phrase in the discard list");
      out_.discards->discards.push_back(lexicon::Discard{Phrase(n), story, Here(out_.discards->files)});
    }
  }

  // verb LEMMAS = CODE
  void Verb(std::string_view rest) {
    if (out_.verbs == nullptr) return;
    size_t eq = rest.find('=');
    if (eq == std::string_view::npos) return Warn("verb needs '= CODE' (--- for none)");
    std::string_view code = Trim(rest.substr(eq + 1));
    if (!IsEventCode(code)) return Warn(fmt::format("'{}' is not a CAMEO event code (or --- for none)", code));
    VerbBlock block;
    block.where = Here(out_.verbs->files);
    block.code.active = std::string(code);
    for (std::string_view lemma : Split(Trim(rest.substr(0, eq)), '|')) {
      if (lemma.empty() || lemma.find(' ') != std::string_view::npos) {
        return Warn(fmt::format("verb '{}': one lemma per '|', multi-word verbs joined by '_'", lemma));
      }
      VerbEntry e;
      auto parts = Split(lemma, '_');
      e.lemma.verb = Upper(parts[0]);
      for (size_t k = 1; k < parts.size(); ++k) e.lemma.after.push_back(Upper(parts[k]));
      e.forms_listed = true;  // dyad matches lemmas: no generated forms
      e.code = block.code;
      e.where = Here(out_.verbs->files);
      block.verbs.push_back(std::move(e));
    }
    block.name = block.verbs.front().lemma.verb;
    out_.verbs->blocks.push_back(std::move(block));
    open_ = Open::kVerb;
  }

  // ROLE=WORDS... -> CODE [<->|/CODE2]
  void Pattern(std::string_view line) {
    size_t arrow = line.find("->");
    if (arrow == std::string_view::npos) return Warn("pattern needs '-> CODE'");
    VerbPattern p;
    p.where = Here(out_.verbs->files);
    auto code_parts = SplitWhitespace(line.substr(arrow + 2));
    if (code_parts.empty()) return Warn("pattern needs a code after '->'");
    std::string_view code = code_parts[0];
    std::string_view paired;
    size_t slash = code.find('/');
    if (slash != std::string_view::npos) {
      paired = code.substr(slash + 1);
      code = code.substr(0, slash);
    }
    if (!IsEventCode(code) || (!paired.empty() && !IsEventCode(paired))) {
      return Warn(fmt::format("'{}' is not a CAMEO event code", code_parts[0]));
    }
    p.code.active = std::string(code);
    if (code_parts.size() > 1 && code_parts[1] == "<->") paired = code;
    if (!paired.empty()) {
      p.code.has_passive = true;
      p.code.passive = std::string(paired);
    }
    for (std::string_view item : SplitWhitespace(line.substr(0, arrow))) {
      size_t eq = item.find('=');
      if (eq == std::string_view::npos || eq == 0) {
        return Warn(fmt::format("'{}' must be ROLE=WORDS (obj=, subj= or a preposition)", item));
      }
      std::string_view role = item.substr(0, eq);
      std::string_view words = item.substr(eq + 1);
      Constituent c;
      PatternWord head = Alternatives(words);
      if (role == "obj" || role == "subj") {
        if (head.kind == WordKind::kSkip && words.empty()) return Warn("obj= and subj= need words");
        c.nouns.push_back(NounPhrase{{head}});
        (role == "subj" ? p.before : p.after).push_back(std::move(c));
      } else {
        c.is_prep = true;
        c.preposition.text = Upper(role);
        c.preposition.exact = true;
        if (!words.empty() && words != "*") c.nouns.push_back(NounPhrase{{head}});
        p.after.push_back(std::move(c));
      }
    }
    out_.verbs->blocks.back().patterns.push_back(std::move(p));
  }

  // "a|b|c" -> a synset of its own; "+" / "$" -> the target / source slot; "a" -> the word.
  PatternWord Alternatives(std::string_view words) {
    PatternWord w;
    if (words == "+") {
      w.kind = WordKind::kTarget;
      return w;
    }
    if (words == "$") {
      w.kind = WordKind::kSource;
      return w;
    }
    auto alts = Split(words, '|');
    // A single word is itself; a single phrase ("ethnic_cleansing") is a synset of one member.
    if (alts.size() == 1 && alts[0].find('_') == std::string_view::npos) {
      WordSeq seq = Phrase(alts[0]);
      if (seq.size() == 1) return seq[0];
    }
    Synset set;
    std::string_view base = name_.substr(name_.find_last_of('/') + 1);
    // Synsets are found by name: a second list on the same line ("to=fight obj=war|jihad") needs
    // a name of its own, or it would resolve to the first.
    set.name = fmt::format("{}:{}", base, line_);
    const std::string same_line = set.name + "#";
    size_t earlier = 0;  // the line's earlier synsets are the last ones made
    for (auto it = out_.verbs->synsets.rbegin(); it != out_.verbs->synsets.rend(); ++it, ++earlier) {
      if (it->name != set.name && !it->name.starts_with(same_line)) break;
    }
    if (earlier > 0) set.name = fmt::format("{}{}", same_line, earlier + 1);
    set.where = Here(out_.verbs->files);
    for (std::string_view a : alts) {
      std::string spaced(a);
      for (char& ch : spaced) if (ch == '_') ch = ' ';
      set.members.push_back(SynsetMember{Phrase(spaced), true, line_});
    }
    w.kind = WordKind::kSynset;
    w.text = set.name;
    out_.verbs->synsets.push_back(std::move(set));
    return w;
  }

  DyadDictionaries out_;
  Reporter reporter_;
  const LoadOptions& options_;
  std::string_view name_;
  uint32_t line_ = 0;
  Open open_ = Open::kNone;
};

}  // namespace

Status ParseDyadDictionary(std::string_view text, std::string_view name, const LoadOptions& options,
                           const DyadDictionaries& out, std::vector<Diagnostic>* diagnostics) {
  return Parser(name, options, out, diagnostics).Run(text);
}

Status LoadDyadDictionary(const std::string& path, const LoadOptions& options, const DyadDictionaries& out,
                          std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  return ParseDyadDictionary(text, path, options, out, diagnostics);
}

void FinishDyadVerbs(VerbDictionary* verbs) {
  verbs->format = VerbFormat::kUniversalPetrarch;  // lemma-based, like UniversalPetrarch
  verbs->BuildIndex();
}

}  // namespace dyad::lexicon
