// Readers for the three phrase-list formats: agents, discards and issues (PETRARCH2 syntax; agents
// also in TABARI syntax). Each expands the shorthand whose rules live in PETRARCH2's reader
// (agent !SUBST! sets and regular plurals, issue n:/v:/+ forms) so that matchers only see phrases.
#include <fmt/format.h>

#include "lexicon/line_reader.h"
#include "lexicon/loaders.h"

namespace dyad::lexicon {
namespace {

using internal::ParseWords;
using internal::Reporter;
using internal::SplitWhitespace;
using internal::StripComment;
using internal::Trim;
using internal::Upper;

template <typename Fn>
Status ForEachLine(std::string_view text, const LoadOptions& options, Reporter* reporter, Fn fn) {
  internal::LineReader reader(text, options, reporter);
  std::string_view line;
  while (reader.Next(&line)) {
    fn(reader.line_number(), line);
    if (!reporter->status().ok()) return reporter->status();
  }
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// Agents

void StoreAgent(AgentDictionary* dict, std::string_view phrase, const Agent& proto, bool generated) {
  Agent a = proto;
  a.words = ParseWords(phrase, false);
  a.generated = generated;
  if (!a.words.empty()) dict->agents.push_back(std::move(a));
}

void AgentLine(AgentDictionary* dict, bool tabari, uint32_t file, uint32_t n, std::string_view raw,
               const LoadOptions& options, Reporter* rep) {
  if (raw.substr(0, 2) == "<!") return;
  std::string_view s = Trim(StripComment(raw, tabari ? ";#" : "#"));
  if (s.empty()) return;
  size_t bang = s.find('!');
  if (bang != std::string_view::npos && s.find('=') != std::string_view::npos && s.find('[') == std::string_view::npos) {
    size_t end = s.find('!', bang + 1);
    size_t eq = s.find('=', bang);
    if (end == std::string_view::npos || eq < end) {
      rep->Warn(n, "substitution set incorrectly defined (expected '!NAME! = A, B'); skipped");
      return;
    }
    std::vector<std::string> items;
    std::string_view list = s.substr(eq + 1);
    size_t i = 0;
    while (i <= list.size()) {
      size_t c = list.find(',', i);
      if (c == std::string_view::npos) c = list.size();
      std::string_view item = Trim(list.substr(i, c - i));
      if (!item.empty()) items.push_back(Upper(item));
      i = c + 1;
    }
    std::string name = Upper(s.substr(bang + 1, end - bang - 1));
    for (auto& [k, v] : dict->substitutions) {
      if (k == name) {
        rep->Warn(n, fmt::format("substitution set !{}! defined again; the new one is used", name));
        v = items;
        return;
      }
    }
    dict->substitutions.emplace_back(name, std::move(items));
    return;
  }
  size_t open = s.find('[');
  if (open == std::string_view::npos) {
    rep->Warn(n, "agent without a [code]; skipped");
    return;
  }
  size_t close = s.find(']', open);
  if (close == std::string_view::npos || s.find('[', open + 1) < close) {
    rep->Warn(n, "unbalanced '[' in agent code; skipped");
    return;
  }
  if (!Trim(s.substr(close + 1)).empty()) rep->Warn(n, "text after the agent code ignored");
  std::string_view code = Trim(s.substr(open + 1, close - open - 1));
  Agent proto;
  proto.where = SourceLocation{file, n};
  if (!code.empty() && code.front() == '~') {
    code.remove_prefix(1);
  } else if (!code.empty() && code.back() == '~') {
    proto.prefix = true;
    code.remove_suffix(1);
  } else if (!code.empty()) {
    rep->Warn(n, "agent code without '~'; read as '~CODE' (appended to the actor code)");
  }
  code = Trim(code);
  if (code.empty() || code.find_first_of(" \t~") != std::string_view::npos) {
    rep->Warn(n, "empty or malformed agent code; skipped");
    return;
  }
  proto.code = Upper(code);
  std::string_view phrase = Trim(s.substr(0, open));
  // Explicit plural: "{PLURAL}", or "{}" for none.
  std::optional<std::string> plural;
  size_t brace = phrase.find('{');
  if (brace != std::string_view::npos) {
    size_t end = phrase.find('}', brace);
    if (end == std::string_view::npos) {
      rep->Warn(n, "missing '}' in agent plural; skipped");
      return;
    }
    plural = std::string(Trim(phrase.substr(brace + 1, end - brace - 1)));
    phrase = Trim(phrase.substr(0, brace));
  } else if (phrase.find('}') != std::string_view::npos) {
    rep->Warn(n, "unbalanced '}' in agent phrase; skipped");
    return;
  }
  if (phrase.empty()) {
    rep->Warn(n, "agent code with no phrase; skipped");
    return;
  }
  if (phrase.find('!') != std::string_view::npos) {
    // Every !NAME! marker is replaced by each member of its set (all markers, depth-first).
    // PETRARCH2 forms no plurals for substituted phrases: the sets list them.
    std::vector<std::string> done;
    std::vector<std::string> todo{std::string(phrase)};
    while (!todo.empty()) {
      std::string cur = std::move(todo.back());
      todo.pop_back();
      size_t mark = cur.find('!');
      if (mark == std::string::npos) {
        done.push_back(std::move(cur));
        continue;
      }
      size_t end = cur.find('!', mark + 1);
      if (end == std::string::npos) {
        rep->Warn(n, "substitution marker without its closing '!'; skipped");
        return;
      }
      std::string name = Upper(std::string_view(cur).substr(mark + 1, end - mark - 1));
      const std::vector<std::string>* items = nullptr;
      for (const auto& [k, v] : dict->substitutions) {
        if (k == name) items = &v;
      }
      if (items == nullptr) {
        rep->Warn(n, fmt::format("substitution set !{}! is not defined; skipped", name));
        return;
      }
      for (auto it = items->rbegin(); it != items->rend(); ++it) {
        todo.push_back(cur.substr(0, mark) + *it + cur.substr(end + 1));
      }
      if (todo.size() + done.size() > options.max_expansions) {
        rep->Warn(n, fmt::format("agent expands to more than {} phrases; skipped", options.max_expansions));
        return;
      }
    }
    for (const std::string& e : done) StoreAgent(dict, e, proto, true);
    return;
  }
  StoreAgent(dict, phrase, proto, false);
  if (plural) {
    if (!plural->empty()) StoreAgent(dict, *plural, proto, false);
  } else if (!tabari) {
    std::string p(phrase);
    while (!p.empty() && p.back() == '_') p.pop_back();
    StoreAgent(dict, RegularPlural(Upper(p)), proto, true);
  }
}

// ---------------------------------------------------------------------------------------------
// Issues

// Expands one upper-cased word with n:/v: markers into its forms.
std::vector<std::string> InflectWord(const std::string& w) {
  size_t n = w.find("N:");
  if (n != std::string::npos) {
    std::string base = w.substr(0, n) + w.substr(n + 2);
    std::vector<std::string> out = InflectWord(base);
    std::vector<std::string> more;
    for (const std::string& f : out) more.push_back(RegularPlural(f));
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }
  size_t v = w.find("V:");
  if (v != std::string::npos) {
    std::string base = w.substr(0, v) + w.substr(v + 2);
    std::vector<std::string> out{base};
    for (std::string& f : RegularVerbForms(base)) out.push_back(std::move(f));
    return out;
  }
  return {w};
}

void IssueLine(IssueList* list, uint32_t file, uint32_t n, std::string_view raw, const LoadOptions& options,
               Reporter* rep, int32_t* category) {
  std::string_view s = Trim(StripComment(raw, "#"));
  if (s.empty()) return;
  if (s[0] == '<') {
    std::string tag = Upper(s);
    if (tag.starts_with("<ISSUE")) {
      if (*category >= 0) rep->Warn(n, "<ISSUE> inside an open <ISSUE> block; the previous block ends here");
      IssueCategory c;
      c.where = SourceLocation{file, n};
      auto attr = [&](std::string_view key) -> std::string {
        size_t k = tag.find(std::string(key) + "=\"");
        if (k == std::string::npos) return "";
        size_t b = k + key.size() + 2;
        size_t e = s.find('"', b);
        return e == std::string_view::npos ? "" : std::string(s.substr(b, e - b));
      };
      c.name = attr("CATEGORY");
      c.type = attr("TYPE");
      if (c.name.empty()) rep->Warn(n, "<ISSUE> without CATEGORY=\"...\"");
      *category = static_cast<int32_t>(list->categories.size());
      list->categories.push_back(std::move(c));
    } else if (tag.starts_with("</ISSUE")) {
      if (*category < 0) rep->Warn(n, "</ISSUE> without an open <ISSUE>; ignored");
      *category = -1;
    } else {
      rep->Warn(n, fmt::format("unknown tag '{}'; skipped", s));
    }
    return;
  }
  IssuePhrase proto;
  proto.category = *category;
  proto.where = SourceLocation{file, n};
  std::string_view phrase;
  if (s.substr(0, 2) == "~~") {
    proto.kind = IssuePhrase::kIgnoreStory;
    phrase = s.substr(2);
  } else if (s[0] == '~') {
    proto.kind = IssuePhrase::kIgnoreSentence;
    phrase = s.substr(1);
  } else {
    size_t open = s.find('[');
    if (open == std::string_view::npos) {
      rep->Warn(n, "issue phrase without a [code]; skipped");
      return;
    }
    size_t close = s.find(']', open);
    std::string_view code = close == std::string_view::npos ? std::string_view() : Trim(s.substr(open + 1, close - open - 1));
    if (close == std::string_view::npos || code.empty() || code.find_first_of(" \t[") != std::string_view::npos) {
      rep->Warn(n, "malformed issue code; skipped");
      return;
    }
    if (!Trim(s.substr(close + 1)).empty()) rep->Warn(n, "text after the issue code ignored");
    proto.code = Upper(code);
    phrase = s.substr(0, open);
  }
  std::vector<std::string_view> tokens = SplitWhitespace(phrase);
  if (tokens.empty()) {
    rep->Warn(n, "issue code with no phrase; skipped");
    return;
  }
  // Cartesian product of each token's variants: '+' -> blank or '-', then n:/v: inflections.
  std::vector<std::vector<std::string>> forms{{}};
  for (std::string_view tok : tokens) {
    std::vector<std::vector<std::string>> variants{{}};  // word sequences for this token
    std::string up = Upper(tok);
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= up.size()) {
      size_t p = up.find('+', i);
      if (p == std::string::npos) p = up.size();
      parts.push_back(up.substr(i, p - i));
      i = p + 1;
    }
    // Each '+' independently becomes a word break or a hyphen.
    for (size_t k = 0; k < parts.size(); ++k) {
      std::vector<std::vector<std::string>> next;
      for (const auto& v : variants) {
        if (k == 0 || v.empty()) {
          auto a = v;
          a.push_back(parts[k]);
          next.push_back(std::move(a));
          continue;
        }
        auto spaced = v;
        spaced.push_back(parts[k]);
        next.push_back(std::move(spaced));
        auto hyphen = v;
        hyphen.back() += "-" + parts[k];
        next.push_back(std::move(hyphen));
      }
      variants = std::move(next);
      if (variants.size() > options.max_expansions) break;
    }
    std::vector<std::vector<std::string>> next_forms;
    for (const auto& f : forms) {
      for (const auto& v : variants) {
        // Inflect each word of the variant.
        std::vector<std::vector<std::string>> acc{f};
        for (const std::string& w : v) {
          if (w.empty()) continue;
          std::vector<std::vector<std::string>> grown;
          for (const auto& a : acc) {
            for (const std::string& infl : InflectWord(w)) {
              auto g = a;
              g.push_back(infl);
              grown.push_back(std::move(g));
            }
          }
          acc = std::move(grown);
        }
        for (auto& a : acc) next_forms.push_back(std::move(a));
        if (next_forms.size() > options.max_expansions) break;
      }
      if (next_forms.size() > options.max_expansions) break;
    }
    forms = std::move(next_forms);
    if (forms.size() > options.max_expansions) {
      rep->Warn(n, fmt::format("issue phrase expands to more than {} forms; skipped", options.max_expansions));
      return;
    }
  }
  for (auto& f : forms) {
    if (f.empty()) continue;
    IssuePhrase p = proto;
    p.words = std::move(f);
    list->phrases.push_back(std::move(p));
  }
}

}  // namespace

Status ParseAgents(std::string_view text, std::string_view name, bool tabari, const LoadOptions& options,
                   AgentDictionary* dict, std::vector<Diagnostic>* diagnostics) {
  uint32_t file = static_cast<uint32_t>(dict->files.size());
  dict->files.emplace_back(name);
  Reporter rep(name, options, diagnostics);
  return ForEachLine(text, options, &rep, [&](uint32_t n, std::string_view line) {
    AgentLine(dict, tabari, file, n, line, options, &rep);
  });
}

StatusOr<AgentDictionary> LoadAgents(const std::string& path, bool tabari, const LoadOptions& options,
                                     std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  AgentDictionary dict;
  DYAD_RETURN_IF_ERROR(ParseAgents(text, path, tabari, options, &dict, diagnostics));
  return dict;
}

Status ParseDiscards(std::string_view text, std::string_view name, const LoadOptions& options, DiscardList* list,
                     std::vector<Diagnostic>* diagnostics) {
  uint32_t file = static_cast<uint32_t>(list->files.size());
  list->files.emplace_back(name);
  Reporter rep(name, options, diagnostics);
  return ForEachLine(text, options, &rep, [&](uint32_t n, std::string_view line) {
    if (line.substr(0, 2) == "<!") return;
    std::string_view s = Trim(StripComment(line, "#"));
    if (s.empty()) return;
    Discard d;
    d.where = SourceLocation{file, n};
    if (s[0] == '+') {
      d.story = true;
      s.remove_prefix(1);
    }
    if (s.find_first_of("[]{}") != std::string_view::npos) {
      rep.Warn(n, "brackets in a discard phrase; skipped");
      return;
    }
    // Words are separated by blanks only; a trailing '_' asks for a whole-word match.
    for (std::string_view w : SplitWhitespace(s)) {
      PatternWord pw;
      if (w.size() > 1 && w.back() == '_') {
        pw.exact = true;
        w.remove_suffix(1);
      }
      pw.text = Upper(w);
      d.words.push_back(std::move(pw));
    }
    if (d.words.empty()) {
      rep.Warn(n, "empty discard phrase; skipped");
      return;
    }
    list->discards.push_back(std::move(d));
  });
}

StatusOr<DiscardList> LoadDiscards(const std::string& path, const LoadOptions& options,
                                   std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  DiscardList list;
  DYAD_RETURN_IF_ERROR(ParseDiscards(text, path, options, &list, diagnostics));
  return list;
}

Status ParseIssues(std::string_view text, std::string_view name, const LoadOptions& options, IssueList* list,
                   std::vector<Diagnostic>* diagnostics) {
  uint32_t file = static_cast<uint32_t>(list->files.size());
  list->files.emplace_back(name);
  Reporter rep(name, options, diagnostics);
  int32_t category = -1;
  DYAD_RETURN_IF_ERROR(ForEachLine(text, options, &rep, [&](uint32_t n, std::string_view line) {
    IssueLine(list, file, n, line, options, &rep, &category);
  }));
  if (category >= 0) rep.Warn(0, "<ISSUE> block not closed at the end of the file");
  return rep.status();
}

StatusOr<IssueList> LoadIssues(const std::string& path, const LoadOptions& options,
                               std::vector<Diagnostic>* diagnostics) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadDictionaryFile(path));
  IssueList list;
  DYAD_RETURN_IF_ERROR(ParseIssues(text, path, options, &list, diagnostics));
  return list;
}

}  // namespace dyad::lexicon
