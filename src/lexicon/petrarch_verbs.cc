// PETRARCH2 / UniversalPetrarch verb dictionary reader (CAMEO.2.0.txt syntax).
//
// The file is a sequence of synsets ("&NAME" then "+MEMBER" lines), verb blocks
// ("--- NAME [code] ---", verb lines, "- pattern" lines) and "~" transformations; '#' starts a comment
// anywhere on a line, as in PETRARCH2's reader, and <!-- --> comments may span lines. One pass, one
// line at a time, with a three-state context (none / synset / block) deciding what '+' lines are:
// synset members after "&NAME", multi-word verbs inside a block. Synset references are checked after
// the whole file is read (PETRARCH2 accepts definitions anywhere), and patterns naming an undefined
// synset are dropped with a warning, as PETRARCH2 drops them.
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

// Removes <!-- ... --> comments, tracking ones that span lines.
std::string_view StripXmlComment(std::string_view line, bool* in_comment, std::string* scratch) {
  scratch->clear();
  size_t i = 0;
  while (i < line.size()) {
    if (*in_comment) {
      size_t end = line.find("-->", i);
      if (end == std::string_view::npos) return *scratch;
      *in_comment = false;
      i = end + 3;
    } else {
      size_t start = line.find("<!--", i);
      if (start == std::string_view::npos) {
        scratch->append(line.substr(i));
        break;
      }
      scratch->append(line.substr(i, start - i));
      *in_comment = true;
      i = start + 4;
    }
  }
  return *scratch;
}

// "+CALL_OFF", "RE_+ARREST", "SAY". Returns false when there is no verb word.
bool ParseSurface(std::string_view token, VerbSurface* out, std::string* problem) {
  std::vector<std::string> words;
  int plus_at = -1;
  size_t i = 0;
  while (i <= token.size()) {
    size_t e = token.find('_', i);
    if (e == std::string_view::npos) e = token.size();
    std::string_view w = token.substr(i, e - i);
    i = e + 1;
    if (w.empty()) continue;
    if (w[0] == '+') {
      if (plus_at >= 0) *problem = "more than one '+' in a multi-word verb; the first is the verb";
      else plus_at = static_cast<int>(words.size());
      w.remove_prefix(1);
      if (w.empty()) continue;
    }
    words.push_back(Upper(w));
  }
  if (words.empty()) return false;
  if (plus_at < 0 || plus_at >= static_cast<int>(words.size())) {
    if (words.size() > 1) *problem = "multi-word verb without '+' marking the verb; the first word is taken";
    plus_at = 0;
  }
  out->before.assign(words.begin(), words.begin() + plus_at);
  out->verb = words[plus_at];
  out->after.assign(words.begin() + plus_at + 1, words.end());
  return true;
}

// Tokens of a pattern half: "(", ")", "{", "}" or a word.
std::vector<std::string_view> PatternTokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '(' || c == ')' || c == '{' || c == '}') {
      out.push_back(s.substr(i, 1));
      ++i;
    } else {
      size_t b = i;
      while (i < s.size() && std::string_view(" \t(){}").find(s[i]) == std::string_view::npos) ++i;
      out.push_back(s.substr(b, i - b));
    }
  }
  return out;
}

bool IsBracket(std::string_view t) { return t == "(" || t == ")" || t == "{" || t == "}"; }

// Parses one side of '*' into constituents. Returns an error text or "".
std::string ParseSide(std::string_view s, std::vector<Constituent>* out) {
  std::vector<std::string_view> toks = PatternTokens(s);
  size_t i = 0;
  // A noun phrase at toks[i]: a word, or "{ words }".
  auto noun = [&](NounPhrase* np) -> std::string {
    if (toks[i] == "{") {
      ++i;
      while (i < toks.size() && toks[i] != "}") {
        if (IsBracket(toks[i])) return fmt::format("unexpected '{}' inside {{...}}", toks[i]);
        WordSeq w = ParseWords(toks[i], true);
        np->words.insert(np->words.end(), w.begin(), w.end());
        ++i;
      }
      if (i == toks.size()) return "unbalanced '{'";
      ++i;
      if (np->words.empty()) return "empty {}";
      return "";
    }
    np->words = ParseWords(toks[i], true);
    ++i;
    return "";
  };
  while (i < toks.size()) {
    std::string_view t = toks[i];
    Constituent c;
    if (t == "(") {
      ++i;
      if (i == toks.size() || IsBracket(toks[i])) return "'(' without a preposition";
      WordSeq prep = ParseWords(toks[i], true);
      if (prep.empty()) return "'(' without a preposition";
      c.is_prep = true;
      c.preposition = prep[0];
      ++i;
      while (i < toks.size() && toks[i] != ")") {
        if (toks[i] == "(" || toks[i] == "}") return fmt::format("unexpected '{}' inside (...)", toks[i]);
        NounPhrase np;
        std::string err = noun(&np);
        if (!err.empty()) return err;
        c.nouns.push_back(std::move(np));
      }
      if (i == toks.size()) return "unbalanced '('";
      ++i;
    } else if (t == ")" || t == "}") {
      return fmt::format("unbalanced '{}'", t);
    } else {
      NounPhrase np;
      std::string err = noun(&np);
      if (!err.empty()) return err;
      c.nouns.push_back(std::move(np));
    }
    out->push_back(std::move(c));
  }
  return "";
}

// "a (b c VERB) VERB2 = x y CODE"
bool ParseTransformation(std::string_view body, Transformation* t) {
  size_t eq = body.find('=');
  if (eq == std::string_view::npos || body.find('=', eq + 1) != std::string_view::npos) return false;
  std::vector<std::string_view> lhs = PatternTokens(body.substr(0, eq));
  std::vector<std::string_view> rhs = SplitWhitespace(body.substr(eq + 1));
  if (lhs.size() != 7 || lhs[1] != "(" || lhs[5] != ")" || rhs.size() != 3) return false;
  for (size_t k : {0, 2, 3, 4, 6}) {
    if (IsBracket(lhs[k])) return false;
  }
  t->source = std::string(lhs[0]);
  t->inner_source = std::string(lhs[2]);
  t->inner_target = std::string(lhs[3]);
  t->inner_verb = Upper(lhs[4]);
  t->outer_verb = Upper(lhs[6]);
  t->result_source = std::string(rhs[0]);
  t->result_target = std::string(rhs[1]);
  t->result_code = Upper(rhs[2]);
  return true;
}

// Collects synset names used by a pattern.
void CollectSynsets(const WordSeq& ws, std::vector<std::string>* names) {
  for (const PatternWord& w : ws) {
    if (w.kind == WordKind::kSynset) names->push_back(w.text);
    for (const WordSeq& alt : w.alternatives) CollectSynsets(alt, names);
  }
}

class PetrarchVerbParser {
 public:
  PetrarchVerbParser(VerbFormat format, Reporter* reporter, VerbDictionary* dict)
      : format_(format), reporter_(reporter), dict_(dict) {}

  void Line(uint32_t n, std::string_view line) {
    line_ = n;
    std::string_view s = Trim(StripComment(line, "#"));
    if (s.empty()) return;
    if (s.substr(0, 3) == "---") return Header(s);
    switch (s[0]) {
      case '-': return Pattern(s.substr(1));
      case '&': return SynsetLabel(s.substr(1));
      case '~': return Transform(s.substr(1));
      case '*':
        reporter_->Warn(line_, "pattern line without the leading '-'; read as a pattern");
        return Pattern(s);
      case '+':
        if (context_ == kSynset) return Member(s.substr(1));
        break;
      default: break;
    }
    if (context_ != kBlock) {
      reporter_->Warn(line_, "verb line outside a '--- NAME [code] ---' block; skipped");
      return;
    }
    Verb(s);
  }

  void Finish() {
    // Synsets may be used before their definition; check the references now.
    for (Synset& s : dict_->synsets) {
      if (s.members.empty()) reporter_->Warn(s.where.line, fmt::format("synset &{} has no members", s.name));
    }
    for (VerbBlock& b : dict_->blocks) {
      std::vector<VerbPattern> kept;
      for (VerbPattern& p : b.patterns) {
        std::vector<std::string> names;
        for (auto* side : {&p.before, &p.after}) {
          for (const Constituent& c : *side) {
            if (c.is_prep) CollectSynsets({c.preposition}, &names);
            for (const NounPhrase& np : c.nouns) CollectSynsets(np.words, &names);
          }
        }
        std::string missing;
        for (const std::string& n : names) {
          if (dict_->FindSynset(n) == nullptr) missing = n;
        }
        if (!missing.empty()) {
          reporter_->Warn(p.where.line, fmt::format("undefined synset &{}; pattern skipped", missing));
          continue;
        }
        kept.push_back(std::move(p));
      }
      b.patterns = std::move(kept);
    }
    for (const Synset& s : dict_->synsets) {
      for (const SynsetMember& m : s.members) {
        std::vector<std::string> names;
        CollectSynsets(m.words, &names);
        for (const std::string& n : names) {
          if (dict_->FindSynset(n) == nullptr) reporter_->Warn(m.line, fmt::format("undefined synset &{} in synset &{}", n, s.name));
        }
      }
    }
    dict_->BuildIndex();
  }

 private:
  enum Context { kNone, kSynset, kBlock };

  SourceLocation Here() const { return SourceLocation{0, line_}; }

  void Header(std::string_view s) {
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
      if (!code) {
        reporter_->Warn(line_, "malformed code in verb block header; null code [---] used");
      } else {
        block.code = *code;
        if (inner.find('[', close) != std::string_view::npos) {
          reporter_->Warn(line_, "more than one code in verb block header; the first is used");
        }
      }
    }
    if (block.name.empty()) reporter_->Warn(line_, "verb block header without a name");
    dict_->blocks.push_back(std::move(block));
    context_ = kBlock;
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
      reporter_->Warn(line_, "malformed synset label; synset skipped");
      context_ = kNone;
      return;
    }
    if (dict_->FindSynset(syn.name) != nullptr) {
      reporter_->Warn(line_, fmt::format("synset &{} defined again; members are added to the first", syn.name));
      current_synset_ = dict_->FindSynset(syn.name) - dict_->synsets.data();
    } else {
      current_synset_ = dict_->synsets.size();
      dict_->synsets.push_back(std::move(syn));
    }
    context_ = kSynset;
  }

  void Member(std::string_view s) {
    SynsetMember m;
    m.line = line_;
    m.words = ParseWords(s, false);
    if (m.words.empty()) {
      reporter_->Warn(line_, "empty synset member; skipped");
      return;
    }
    Synset& syn = dict_->synsets[current_synset_];
    m.no_plural = syn.no_plural || m.words.back().exact;
    if (format_ != VerbFormat::kPetrarch1 && format_ != VerbFormat::kTabari) {
      // PETRARCH2: blanks and '_' both mean consecutive words in a synset phrase.
      for (size_t k = 0; k + 1 < m.words.size(); ++k) m.words[k].joined = true;
    }
    syn.members.push_back(std::move(m));
  }

  void Transform(std::string_view s) {
    Transformation t;
    t.where = Here();
    if (!ParseTransformation(s, &t)) {
      reporter_->Warn(line_, "malformed transformation (expected '~ a (b c VERB) VERB = x y CODE'); skipped");
      return;
    }
    dict_->transformations.push_back(std::move(t));
  }

  void Verb(std::string_view s) {
    VerbBlock& block = dict_->blocks.back();
    VerbEntry e;
    e.where = Here();
    e.code = block.code;
    // Trailing [code].
    size_t open = s.find('[');
    if (open != std::string_view::npos) {
      size_t close = s.find(']', open);
      std::optional<EventCode> code;
      if (close != std::string_view::npos) code = ParseCode(s.substr(open + 1, close - open - 1));
      if (!code) {
        reporter_->Warn(line_, "malformed verb code; line skipped");
        return;
      }
      if (!Trim(s.substr(close + 1)).empty()) reporter_->Warn(line_, "text after the verb code ignored");
      e.code = *code;
      e.has_own_code = true;
      s = Trim(s.substr(0, open));
    }
    // {forms}.
    size_t brace = s.find('{');
    std::string_view head = s;
    if (brace != std::string_view::npos) {
      size_t close = s.find('}', brace);
      if (close == std::string_view::npos || s.find('{', brace + 1) < close) {
        reporter_->Warn(line_, "unbalanced '{' in verb forms; line skipped");
        return;
      }
      e.forms_listed = true;
      std::string problem;
      for (std::string_view f : SplitWhitespace(s.substr(brace + 1, close - brace - 1))) {
        if (f == ",") continue;
        if (!f.empty() && f.back() == ',') f.remove_suffix(1);
        VerbSurface form;
        if (ParseSurface(f, &form, &problem)) e.forms.push_back(std::move(form));
      }
      if (!problem.empty()) reporter_->Warn(line_, problem);
      if (!Trim(s.substr(close + 1)).empty()) reporter_->Warn(line_, "text after '}' ignored");
      head = Trim(s.substr(0, brace));
    } else if (s.find('}') != std::string_view::npos) {
      reporter_->Warn(line_, "unbalanced '}' in verb forms; line skipped");
      return;
    }
    std::vector<std::string_view> words = SplitWhitespace(head);
    if (words.empty()) {
      reporter_->Warn(line_, "verb line without a verb; skipped");
      return;
    }
    std::string joined(words[0]);
    if (words.size() > 1) {
      reporter_->Warn(line_, "blank inside a verb; read as a multi-word verb joined by '_'");
      for (size_t k = 1; k < words.size(); ++k) joined += "_" + std::string(words[k]);
    }
    std::string problem;
    if (!ParseSurface(joined, &e.lemma, &problem)) {
      reporter_->Warn(line_, "verb line without a verb; skipped");
      return;
    }
    if (!problem.empty()) reporter_->Warn(line_, problem);
    if (!e.forms_listed && format_ == VerbFormat::kPetrarch2) {
      for (std::string& f : RegularVerbForms(e.lemma.verb)) {
        e.regular_forms.push_back(VerbSurface{e.lemma.before, std::move(f), e.lemma.after});
      }
    }
    block.verbs.push_back(std::move(e));
  }

  void Pattern(std::string_view s) {
    if (context_ != kBlock) {
      reporter_->Warn(line_, "pattern outside a verb block; skipped");
      return;
    }
    s = Trim(s);
    size_t open = s.rfind('[');
    size_t close = open == std::string_view::npos ? open : s.find(']', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      reporter_->Warn(line_, "pattern without a [code]; skipped");
      return;
    }
    std::optional<EventCode> code = ParseCode(s.substr(open + 1, close - open - 1));
    if (!code) {
      reporter_->Warn(line_, "malformed pattern code; skipped");
      return;
    }
    if (!Trim(s.substr(close + 1)).empty()) reporter_->Warn(line_, "text after the pattern code ignored");
    std::string_view body = s.substr(0, open);
    size_t star = body.find('*');
    if (star == std::string_view::npos) {
      reporter_->Warn(line_, "pattern without the verb marker '*'; skipped");
      return;
    }
    if (body.find('*', star + 1) != std::string_view::npos) {
      reporter_->Warn(line_, "pattern with more than one '*'; skipped");
      return;
    }
    if (body.find('[') != std::string_view::npos || body.find(']') != std::string_view::npos) {
      reporter_->Warn(line_, "unbalanced '[' in pattern; skipped");
      return;
    }
    VerbPattern p;
    p.code = *code;
    p.where = Here();
    std::string err = ParseSide(body.substr(0, star), &p.before);
    if (err.empty()) err = ParseSide(body.substr(star + 1), &p.after);
    if (!err.empty()) {
      reporter_->Warn(line_, err + " in pattern; skipped");
      return;
    }
    dict_->blocks.back().patterns.push_back(std::move(p));
  }

  VerbFormat format_;
  Reporter* reporter_;
  VerbDictionary* dict_;
  Context context_ = kNone;
  size_t current_synset_ = 0;
  uint32_t line_ = 0;
};

}  // namespace

StatusOr<VerbDictionary> ParsePetrarchVerbs(std::string_view text, std::string_view name, VerbFormat format,
                                            const LoadOptions& options, std::vector<Diagnostic>* diagnostics) {
  if (format != VerbFormat::kPetrarch2 && format != VerbFormat::kUniversalPetrarch) {
    return InvalidArgumentError("ParsePetrarchVerbs: format must be kPetrarch2 or kUniversalPetrarch");
  }
  VerbDictionary dict;
  dict.format = format;
  dict.files.emplace_back(name);
  Reporter reporter(name, options, diagnostics);
  internal::LineReader reader(text, options, &reporter);
  PetrarchVerbParser parser(format, &reporter, &dict);
  std::string_view line;
  bool in_comment = false;
  std::string scratch;
  while (reader.Next(&line)) {
    line = StripXmlComment(line, &in_comment, &scratch);
    parser.Line(reader.line_number(), line);
    if (!reporter.status().ok()) return reporter.status();
  }
  if (in_comment) reporter.Warn(reader.line_number(), "unterminated <!-- comment");
  parser.Finish();
  if (!reporter.status().ok()) return reporter.status();
  return dict;
}

StatusOr<VerbDictionary> LoadPetrarchVerbs(const std::string& path, VerbFormat format, const LoadOptions& options,
                                           std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  return ParsePetrarchVerbs(text, path, format, options, diagnostics);
}

}  // namespace dyad::lexicon
