#include "lexicon/dictionary.h"

#include <fmt/format.h>

namespace dyad::lexicon {

namespace {
std::string WhereIn(const std::vector<std::string>& files, SourceLocation loc) {
  std::string_view file = loc.file < files.size() ? std::string_view(files[loc.file]) : "?";
  // Provenance names the file, not the folder it was loaded from.
  size_t slash = file.rfind('/');
  if (slash != std::string_view::npos) file.remove_prefix(slash + 1);
  return fmt::format("{}:{}", file, loc.line);
}
}  // namespace

std::string EventCode::ToString() const {
  std::string s = active;
  if (has_passive) s += ":" + passive;
  if (question) s += "?";
  if (bang) s += "!";
  return s;
}

const Synset* VerbDictionary::FindSynset(std::string_view name) const {
  if (!synset_index.empty()) {
    auto it = synset_index.find(name);
    return it == synset_index.end() ? nullptr : &synsets[it->second];
  }
  for (const Synset& s : synsets) {  // before BuildIndex() (loaders resolving references)
    if (s.name == name) return &s;
  }
  return nullptr;
}

const std::vector<VerbRef>* VerbDictionary::Find(std::string_view upper_word) const {
  auto it = index.find(upper_word);
  return it == index.end() ? nullptr : &it->second;
}

size_t VerbDictionary::PatternCount() const {
  size_t n = 0;
  for (const VerbBlock& b : blocks) n += b.patterns.size() + b.linear_patterns.size();
  return n;
}

std::string VerbDictionary::Where(SourceLocation loc) const { return WhereIn(files, loc); }

void VerbDictionary::BuildIndex() {
  index.clear();
  synset_index.clear();
  // The first definition of a name wins, as the linear lookup did.
  for (uint32_t i = 0; i < synsets.size(); ++i) synset_index.emplace(synsets[i].name, i);
  auto add = [&](const std::string& word, VerbRef ref) {
    if (word.empty()) return;
    std::vector<VerbRef>& refs = index[word];
    if (refs.empty() || refs.back().block != ref.block || refs.back().verb != ref.verb) refs.push_back(ref);
  };
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    for (uint32_t v = 0; v < blocks[b].verbs.size(); ++v) {
      const VerbEntry& e = blocks[b].verbs[v];
      VerbRef ref{b, v};
      add(e.lemma.verb, ref);
      for (const VerbSurface& f : e.forms) add(f.verb, ref);
      for (const VerbSurface& f : e.regular_forms) add(f.verb, ref);
    }
  }
}

size_t ActorDictionary::PhraseCount() const {
  size_t n = 0;
  for (const Actor& a : actors) n += a.phrases.size();
  return n;
}

size_t ActorDictionary::CodeCount() const {
  size_t n = 0;
  for (const Actor& a : actors) n += a.codes.size();
  return n;
}

std::string ActorDictionary::Where(SourceLocation loc) const { return WhereIn(files, loc); }

const DatedCode* ActorDictionary::CodeFor(const Actor& actor, const model::Date& date) {
  const DatedCode* fallback = nullptr;
  for (const DatedCode& c : actor.codes) {
    if (!c.from && !c.until) {
      if (fallback == nullptr) fallback = &c;
    } else if (c.Covers(date)) {
      return &c;
    }
  }
  return fallback;
}

std::string_view ActorDictionary::CommonCountry(const Actor& actor) {
  if (actor.codes.empty()) return {};
  std::string_view first = actor.codes.front().code;
  if (first.size() < 3) return {};
  first = first.substr(0, 3);
  for (const DatedCode& c : actor.codes) {
    if (std::string_view(c.code).substr(0, 3) != first) return {};
  }
  return first;
}

std::string AgentDictionary::Where(SourceLocation loc) const { return WhereIn(files, loc); }
std::string DiscardList::Where(SourceLocation loc) const { return WhereIn(files, loc); }
std::string IssueList::Where(SourceLocation loc) const { return WhereIn(files, loc); }

std::string RegularPlural(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  if (s.back() == 'Y') return s.substr(0, s.size() - 1) + "IES";
  if (s.back() == 'S') return s + "ES";
  return s + "S";
}

std::vector<std::string> RegularVerbForms(std::string_view w) {
  std::string s(w);
  std::vector<std::string> out;
  if (s.empty()) return out;
  char last = s.back();
  if (last == 'S' || last == 'X' || last == 'Z') {
    out.push_back(s + "ES");
  } else if (last == 'Y') {
    out.push_back(s.substr(0, s.size() - 1) + "IES");
  } else {
    out.push_back(s + "S");
  }
  out.push_back(last == 'E' ? s + "D" : s + "ED");
  bool drop_e = last == 'E' && s.size() >= 2 && std::string_view("AEIOU").find(s[s.size() - 2]) == std::string_view::npos;
  out.push_back(drop_e ? s.substr(0, s.size() - 1) + "ING" : s + "ING");
  return out;
}

}  // namespace dyad::lexicon
