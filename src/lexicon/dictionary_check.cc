#include "lexicon/dictionary_check.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "model/cameo_codes.h"
#include "model/country_codes.h"

namespace dyad::lexicon {

namespace {

std::string PhraseKey(const WordSeq& words) {
  std::string key;
  for (const PatternWord& w : words) {
    if (!key.empty()) key += ' ';
    key += w.text;
    if (!w.exact) key += '*';
  }
  return key;
}

bool KnownCode(const std::string& code) { return code == "---" || model::FindCameoCode(code) != nullptr; }

std::string PatternKey(const VerbPattern& p) {
  std::string key;
  for (const auto* part : {&p.before, &p.after}) {
    key += '|';
    for (const Constituent& c : *part) {
      key += c.is_prep ? "(" + c.preposition.text : "";
      for (const NounPhrase& np : c.nouns) key += " " + PhraseKey(np.words);
      key += c.is_prep ? ")" : "";
      key += ';';
    }
  }
  return key;
}

// "MLIIGOAFRAFU": a country in front of an international or non-state code, which no reader of
// the code can split (the African Union is IGOAFRAFU wherever it meets).
bool CountryBeforeNonStateCode(std::string_view code) {
  if (code.size() < 6 || !model::IsIso3Country(code.substr(0, 3))) return false;
  std::string_view type = code.substr(3, 3);
  return type == "IGO" || type == "NGO" || type == "IMG" || type == "MNC";
}

}  // namespace

std::vector<std::string> CheckDictionarySet(const DictionarySet& set) {
  std::vector<std::string> problems;
  for (const Diagnostic& d : set.diagnostics) problems.push_back(d.ToString());

  // Actors: one phrase, one actor; no code twice; no overlapping date ranges; no actor without codes.
  std::map<std::string, SourceLocation> phrase_owner;
  for (const Actor& actor : set.actors.actors) {
    if (actor.codes.empty()) {
      problems.push_back(fmt::format("{}: actor '{}' has no code", set.actors.Where(actor.where),
                                     actor.phrases.empty() ? "" : PhraseKey(actor.phrases[0].words)));
    }
    for (const ActorPhrase& p : actor.phrases) {
      std::string key = PhraseKey(p.words);
      auto [it, inserted] = phrase_owner.emplace(key, p.where);
      if (!inserted) {
        problems.push_back(fmt::format("{}: phrase '{}' is already an actor at {}", set.actors.Where(p.where), key,
                                       set.actors.Where(it->second)));
      }
    }
    for (const DatedCode& c : actor.codes) {
      if (CountryBeforeNonStateCode(c.code)) {
        problems.push_back(fmt::format("{}: code {} puts a country before an international or non-state code",
                                       set.actors.Where(c.where), c.code));
      }
    }
    for (size_t a = 0; a < actor.codes.size(); ++a) {
      for (size_t b = a + 1; b < actor.codes.size(); ++b) {
        const DatedCode& x = actor.codes[a];
        const DatedCode& y = actor.codes[b];
        bool x_open = !x.from && !x.until, y_open = !y.from && !y.until;
        if (x_open && y_open) {
          problems.push_back(fmt::format("{}: second undated code {} (the first, {}, always wins)",
                                         set.actors.Where(y.where), y.code, x.code));
          continue;
        }
        if (x_open || y_open) continue;  // a dated code before an undated fallback is fine
        bool overlap = (!x.until || !y.from || *y.from < *x.until) && (!y.until || !x.from || *x.from < *y.until);
        if (overlap) {
          problems.push_back(fmt::format("{}: date range of {} overlaps {}'s at {}", set.actors.Where(y.where),
                                         y.code, x.code, set.actors.Where(x.where)));
        }
      }
    }
  }

  // Agents: one phrase, one code.
  std::map<std::string, std::pair<std::string, SourceLocation>> agent_owner;
  for (const Agent& agent : set.agents.agents) {
    if (agent.generated) continue;
    std::string key = PhraseKey(agent.words);
    auto [it, inserted] = agent_owner.emplace(key, std::make_pair(agent.code, agent.where));
    if (!inserted) {
      problems.push_back(fmt::format("{}: agent phrase '{}' is already defined at {}{}",
                                     set.agents.Where(agent.where), key, set.agents.Where(it->second.second),
                                     it->second.first == agent.code ? "" : " with another code"));
    }
  }

  // Verbs: known codes; a lemma in one block only; no pattern that an earlier one shadows.
  std::map<std::string, SourceLocation> lemma_owner;
  for (const VerbBlock& block : set.verbs.blocks) {
    if (!KnownCode(block.code.active) && !block.code.active.empty()) {
      problems.push_back(fmt::format("{}: unknown event code {}", set.verbs.Where(block.where), block.code.active));
    }
    for (const VerbEntry& v : block.verbs) {
      std::string key = v.lemma.verb;
      for (const std::string& a : v.lemma.after) key += "_" + a;
      auto [it, inserted] = lemma_owner.emplace(key, v.where);
      if (!inserted) {
        problems.push_back(fmt::format("{}: verb '{}' is already in the block at {}", set.verbs.Where(v.where), key,
                                       set.verbs.Where(it->second)));
      }
    }
    std::set<std::string> seen;
    for (const VerbPattern& p : block.patterns) {
      for (const std::string* code : {&p.code.active, &p.code.passive}) {
        if (!code->empty() && !KnownCode(*code)) {
          problems.push_back(fmt::format("{}: unknown event code {}", set.verbs.Where(p.where), *code));
        }
      }
      if (!seen.insert(PatternKey(p)).second) {
        problems.push_back(fmt::format("{}: unreachable pattern: an earlier pattern of the block has the same words",
                                       set.verbs.Where(p.where)));
      }
    }
  }
  return problems;
}

DictionaryStats ComputeStats(const DictionarySet& set) {
  DictionaryStats s;
  s.actors = set.actors.actors.size();
  std::map<std::string, size_t> by_prefix;
  for (const Actor& a : set.actors.actors) {
    s.actor_phrases += a.phrases.size();
    s.actor_codes += a.codes.size();
    for (const DatedCode& c : a.codes) {
      if (c.from || c.until) ++s.dated_codes;
    }
    if (!a.codes.empty()) ++by_prefix[a.codes[0].code.substr(0, 3)];
  }
  s.agents = set.agents.agents.size();
  s.discards = set.discards.discards.size();
  s.verb_blocks = set.verbs.blocks.size();
  std::map<std::string, size_t> by_root;
  for (const VerbBlock& b : set.verbs.blocks) {
    s.verb_lemmas += b.verbs.size();
    s.patterns += b.patterns.size() + b.linear_patterns.size();
    if (b.code.active.size() >= 2 && b.code.active != "---") by_root[b.code.active.substr(0, 2)] += b.verbs.size();
    for (const VerbPattern& p : b.patterns) {
      if (p.code.active.size() >= 2 && p.code.active != "---") ++by_root[p.code.active.substr(0, 2)];
    }
  }
  s.patterns_by_root.assign(by_root.begin(), by_root.end());
  s.actors_by_prefix.assign(by_prefix.begin(), by_prefix.end());
  return s;
}

}  // namespace dyad::lexicon
