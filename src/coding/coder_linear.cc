// The participants of a TABARI / PETRARCH-1 linear pattern, read as TABARI reads them: from the
// order of the words, never from the parse. TABARI had no parser, and its dictionaries and
// validation records assume its word-order rules, which a parse of their stylized (and often
// ungrammatical) sentences cannot reproduce:
//   - an actor phrase is a run of actor and agent mentions that touch, or are joined by "'s",
//     "of" or "of the" ("Bree Prime Minister Romendacil", "the ambassador of Arnor"; in TABARI
//     "of" never joins two actors), or an agent and an actor joined by "from" or "in" ("soldiers
//     from Gondor");
//   - a compound is a list of actor phrases joined by "and" (", and", or commas in a list that
//     ends with "and"): "Mordor, Rohan, Fornost and Bree" names four participants;
//   - an actor code with slashes ("LORIEN [ELR/GAL]") names several actors, one participant each;
//   - the source is the phrase a '$' or '%' slot bound, else the first actor named before the
//     verb in its clause, else in the sentence (a clause "and promised aid" keeps the source of
//     the clause before it); in the passive ("was opposed by Osgiliath") the actor after "by" is
//     the source and the one before the verb the target;
//   - the target is the phrase a '+' slot bound, else the first actor named after the verb in its
//     clause that is not the source.
// Verbs are found by the dictionary and each clause yields the event of its first coded verb
// (LinearClauses).
#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "coding/coder.h"
#include "model/tagset.h"

namespace dyad::coding {

namespace {

bool IsWord(std::string_view form, std::string_view lower) {
  return form.size() == lower.size() &&
         std::equal(form.begin(), form.end(), lower.begin(), [](char a, char b) { return (a | 0x20) == b; });
}

// `form` (any case) is the upper-cased dictionary word `upper`.
bool EqualsUpper(std::string_view form, std::string_view upper) {
  return form.size() == upper.size() && std::equal(form.begin(), form.end(), upper.begin(), [](char a, char b) {
           return (a >= 'a' && a <= 'z' ? static_cast<char>(a - 32) : a) == b;
         });
}

// Tokens [from, to) join two mentions into one actor phrase; "of" / "of the" only when `of`.
bool JoinsPhrase(const SentenceView& view, uint32_t from, uint32_t to, bool of) {
  if (from == to) return true;
  if (to - from == 1) {
    std::string_view w = view.Form(from);
    return w == "'s" || w == "'" || w == "’s" || (of && IsWord(w, "of"));
  }
  return of && to - from == 2 && IsWord(view.Form(from), "of") && IsWord(view.Form(from + 1), "the");
}

bool InWordList(std::string_view form, const std::vector<lexicon::WordSeq>& list) {
  for (const lexicon::WordSeq& words : list) {
    if (words.size() == 1 && EqualsUpper(form, words[0].text)) return true;
  }
  return false;
}

// A word that may stand between a conjunction and the noun it joins: an article, a word of the
// actor dictionary's <ADJECTIVE> section (TABARI), or for PETRARCH-1 (whose coder read a parse)
// any word tagged as an adjective: "Fornost and the evil awful Gondor".
bool IsModifier(const SentenceView& view, const lexicon::DictionarySet& dicts, uint32_t t) {
  std::string_view w = view.Form(t);
  if (IsWord(w, "the") || IsWord(w, "a") || IsWord(w, "an")) return true;
  if (InWordList(w, dicts.actors.adjectives)) return true;
  static const uint8_t kAdjective = model::UposId("ADJ");
  return dicts.verbs.format == lexicon::VerbFormat::kPetrarch1 && view.token(t).upos == kAdjective;
}

bool IsConjunction(std::string_view w) {
  return IsWord(w, "and") || IsWord(w, "or") || IsWord(w, "nor");
}

// How tokens [from, to) join two actor phrases of a list: 0 not at all, 1 by a comma, 2 by a
// conjunction ("and", "or", "nor", after a comma or not). Modifiers may precede the next phrase.
int JoinsCompound(const SentenceView& view, const lexicon::DictionarySet& dicts, uint32_t from, uint32_t to) {
  while (to > from + 1 && IsModifier(view, dicts, to - 1)) --to;
  if (to - from == 1) {
    if (view.Form(from) == ",") return 1;
    if (IsConjunction(view.Form(from))) return 2;
  }
  if (to - from == 2 && view.Form(from) == "," && IsConjunction(view.Form(from + 1))) return 2;
  return 0;
}

}  // namespace

Coder::LinearSpan Coder::LinearPhrase(const Workspace& ws, int m) const {
  // Mentions a and a + 1 belong to one phrase.
  auto joined = [&](int a) {
    const ActorMatcher::Match &left = ws.matches[a], &right = ws.matches[a + 1];
    // TABARI's "of" joins an agent to its actor ("the ambassador of Arnor"), never two actors:
    // "the Gondor of the Prince" names two.
    const bool of = dicts_->verbs.format != lexicon::VerbFormat::kTabari ||
                    left.kind == ActorMatcher::Kind::kAgent || right.kind == ActorMatcher::Kind::kAgent;
    if (JoinsPhrase(ws.view, left.end, right.begin, of)) return true;
    // An agent placed by a preposition: "soldiers from Gondor", "activists in Arnor".
    if (left.kind != ActorMatcher::Kind::kAgent || right.kind != ActorMatcher::Kind::kActor ||
        right.begin != left.end + 1) {
      return false;
    }
    std::string_view w = ws.view.Form(left.end);
    return IsWord(w, "from") || IsWord(w, "in");
  };
  LinearSpan span{m, m};
  while (span.first > 0 && joined(span.first - 1)) --span.first;
  const int count = static_cast<int>(ws.matches.size());
  while (span.last + 1 < count && joined(span.last)) ++span.last;
  return span;
}

void Coder::LinearCompound(const model::Document& doc, Workspace& ws, int m, std::vector<Participant>& out) const {
  // The phrases of the list around mention m, and how each joins the next.
  std::vector<LinearSpan> phrases{LinearPhrase(ws, m)};
  std::vector<int> links;
  bool has_and = false;
  while (phrases.front().first > 0) {
    LinearSpan prev = LinearPhrase(ws, phrases.front().first - 1);
    int link = JoinsCompound(ws.view, *dicts_, ws.matches[prev.last].end, ws.matches[phrases.front().first].begin);
    if (link == 0) break;
    has_and |= link == 2;
    phrases.insert(phrases.begin(), prev);
    links.insert(links.begin(), link);
  }
  const size_t origin = phrases.size() - 1;
  while (phrases.back().last + 1 < static_cast<int>(ws.matches.size())) {
    LinearSpan next = LinearPhrase(ws, phrases.back().last + 1);
    int link = JoinsCompound(ws.view, *dicts_, ws.matches[phrases.back().last].end, ws.matches[next.first].begin);
    if (link == 0) break;
    has_and |= link == 2;
    phrases.push_back(next);
    links.push_back(link);
  }
  // Commas alone make an apposition ("Osgiliath, the state's fiercest foe"), not a list.
  size_t first = 0, last = phrases.size() - 1;
  if (!has_and) first = last = origin;
  // PETRARCH (unlike TABARI) carries an agent named once over the whole list: "the ambassadors of
  // Arnor, Osgiliath and Gondor", "Fornost and Gondor legislators".
  AgentParts shared;
  if (dicts_->verbs.format == lexicon::VerbFormat::kPetrarch1 && first < last) {
    Participant unused;
    auto agents_of = [&](const LinearSpan& span) {
      ComposeActor(doc, ws, ws.matches[span.first].begin, ws.matches[span.last].end, &unused, &shared);
    };
    if (ws.matches[phrases[first].first].kind == ActorMatcher::Kind::kAgent) agents_of(phrases[first]);
    if (shared.prefix.empty() && shared.suffix.empty() &&
        ws.matches[phrases[last].last].kind == ActorMatcher::Kind::kAgent) {
      agents_of(phrases[last]);
    }
  }
  for (size_t k = first; k <= last; ++k) {
    Participant p;
    const uint32_t begin = ws.matches[phrases[k].first].begin, end = ws.matches[phrases[k].last].end;
    if (!ComposeActor(doc, ws, begin, end, &p)) continue;
    if (p.code.size() == 3) p.code = shared.prefix + p.code + shared.suffix;
    p.head = end - 1;
    std::string_view codes = p.code;
    while (!codes.empty()) {
      const size_t slash = codes.find('/');
      Participant one = p;
      one.code = std::string(codes.substr(0, slash));
      codes = slash == std::string_view::npos ? std::string_view() : codes.substr(slash + 1);
      bool seen = one.code.empty();
      for (const Participant& q : out) seen |= q.code == one.code && q.begin == one.begin;
      if (!seen) out.push_back(std::move(one));
    }
  }
}

Coder::LinearComplexity Coder::ParseComplexity(const lexicon::TabariOptions& options) {
  LinearComplexity c;
  for (const lexicon::TabariOption& o : options.options) {
    if (o.command != "COMPLEX") continue;
    // "VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"
    std::string value;
    for (char ch : o.value) value += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 32) : ch;
    auto limit = [&](std::string_view name) {
      const size_t at = value.find(name);
      return at == std::string::npos ? 0 : std::atoi(value.c_str() + at + name.size());
    };
    c.max_verbs = limit("VERBS[");
    c.max_conjunctions = limit("CONJ[");
    c.actor_prior = value.find("NOACTPRIOR") != std::string::npos;
  }
  return c;
}

bool Coder::LinearTooComplex(const Workspace& ws, std::string* why) const {
  const SentenceView& view = ws.view;
  int verbs = 0, conjunctions = 0;
  bool actor_before = false, coded_verb_seen = false;
  std::string upper;
  for (size_t t = 0; t < view.size(); ++t) {
    if (ws.dropped[t]) continue;
    if (IsConjunction(view.Form(t)) || IsWord(view.Form(t), "but")) ++conjunctions;
    if (LinearVerbCandidate(ws, t)) {
      ++verbs;
      // The first verb present with a code of its own ("On accord Gondor repelled": ACCORD is
      // [---]; "Have old foes ..." is no HAVE NOTHING TO DO WITH).
      const std::vector<lexicon::VerbRef>* refs = FindVerb(view, t, upper);
      const bool coded = refs != nullptr && std::any_of(refs->begin(), refs->end(), [&](const lexicon::VerbRef& r) {
                           const lexicon::VerbEntry& e = dicts_->verbs.blocks[r.block].verbs[r.verb];
                           return !e.code.IsNull() && verbs_.SurfaceMatches(view, t, e.lemma);
                         });
      if (coded && !coded_verb_seen && complexity_.actor_prior && !actor_before) {
        *why = "too complex: no actor before the first verb (COMPLEX: NOACTPRIOR)";
        return true;
      }
      coded_verb_seen |= coded;
    }
    // Under SET: CONVERT AGENT an agent names a participant too.
    actor_before |= ws.match_at[t] >= 0 &&
                    (options_.convert_agents || ws.matches[ws.match_at[t]].kind == ActorMatcher::Kind::kActor);
  }
  if (complexity_.max_verbs > 0 && verbs > complexity_.max_verbs) {
    *why = fmt::format("too complex: {} verbs (COMPLEX: VERBS[{}])", verbs, complexity_.max_verbs);
    return true;
  }
  if (complexity_.max_conjunctions > 0 && conjunctions > complexity_.max_conjunctions) {
    *why = fmt::format("too complex: {} conjunctions (COMPLEX: CONJ[{}])", conjunctions, complexity_.max_conjunctions);
    return true;
  }
  return false;
}

void Coder::LinearCommaClauses(Workspace& ws) const {
  // TABARI's default COMMA: limits: MIN = 2 MAX = 10 (between two commas), EMIN = 2 EMAX = 10
  // (from the last comma to the final period), BMIN = 255 BMAX = 0 (before the first comma: never).
  constexpr int kMin = 2, kMax = 10, kEndMin = 2, kEndMax = 10, kBeginMin = 255, kBeginMax = 0;
  const SentenceView& view = ws.view;
  const uint32_t n = static_cast<uint32_t>(view.size());
  std::vector<int> mention_at(n, -1);
  for (size_t m = 0; m < ws.matches.size(); ++m) {
    for (uint32_t t = ws.matches[m].begin; t < ws.matches[m].end; ++t) mention_at[t] = static_cast<int>(m);
  }
  // Words of [from, to) as TABARI counts them (no punctuation, "'s" part of its word), or -1
  // when the clause is an item of a list: nothing but actor phrases and modifiers (", the Shire,").
  auto words = [&](uint32_t from, uint32_t to) {
    int count = 0;
    bool list_item = from < to;
    for (uint32_t t = from; t < to; ++t) {
      std::string_view w = view.Form(t);
      const bool word = std::any_of(w.begin(), w.end(), [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; });
      if (word && w != "'s") ++count;
      list_item &= mention_at[t] >= 0 || IsModifier(view, *dicts_, t);
    }
    return list_item ? -1 : count;
  };
  auto drop = [&](uint32_t from, uint32_t to, int lo, int hi) {
    const int count = words(from, to);
    if (count < lo || count > hi) return false;
    for (uint32_t t = from; t < to; ++t) ws.dropped[t] = true;
    return true;
  };
  // The commas that delimit clauses; a comma between two actor phrases ("Mordor, the Shire,
  // Fornost and Bree", "Fornost, and Gondor") is a list's, which TABARI reads as a conjunction.
  std::vector<uint32_t> commas;
  for (uint32_t t = 1; t + 1 < n; ++t) {
    if (view.Form(t) != ",") continue;
    uint32_t next = t + 1;
    while (next + 1 < n && (IsConjunction(view.Form(next)) || IsModifier(view, *dicts_, next))) ++next;
    if (mention_at[t - 1] < 0 || mention_at[next] < 0) commas.push_back(t);
  }
  if (commas.empty()) return;
  drop(0, commas.front(), kBeginMin, kBeginMax);
  // A dropped clause takes its closing comma along: it opens no other clause.
  bool last_closed = false;
  for (size_t k = 0; k + 1 < commas.size(); ++k) {
    last_closed = drop(commas[k], commas[k + 1], kMin, kMax);
    if (last_closed) ++k;
  }
  if (!last_closed && view.Form(n - 1) == ".") drop(commas.back(), n - 1, kEndMin, kEndMax);
  std::erase_if(ws.matches, [&](const ActorMatcher::Match& m) {
    for (uint32_t t = m.begin; t < m.end; ++t) {
      if (ws.dropped[t]) return true;
    }
    return false;
  });
}

bool Coder::LinearVerbCandidate(const Workspace& ws, size_t v) const {
  const SentenceView& view = ws.view;
  if (ws.match_at[v] >= 0 || ws.dropped[v]) return false;
  if (v > 0) {
    std::string_view prev = view.Form(v - 1);
    if (IsWord(prev, "the") || IsWord(prev, "a") || IsWord(prev, "an")) return false;
    // "about To Restore ties": a capital letter inside the sentence makes a word a name, unless
    // the whole word is in capitals (headlines, ALLCAPS text).
    std::string_view form = view.Form(v);
    const bool capital = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
    const bool lower = std::any_of(form.begin(), form.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (capital && lower) return false;
  }
  // "Estonia donate's cash": a noun ending makes a word a noun.
  if (v + 1 < view.size() && (view.Form(v + 1) == "'s" || view.Form(v + 1) == "’s")) return false;
  std::string upper;
  return FindVerb(view, v, upper) != nullptr;
}

void Coder::LinearClauses(const Workspace& ws, std::vector<uint32_t>& clause) const {
  const SentenceView& view = ws.view;
  const size_t n = view.size();
  clause.assign(n, 0);
  uint32_t current = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view w = view.Form(i);
    if (i > 0 && (IsWord(w, "but") || w == ";")) {
      ++current;
    } else if (i > 0 && IsConjunction(w)) {
      // A conjunction starts a clause ("... and promised aid", "... and then she asked") unless
      // it joins actors or the actor dictionary's <NOUN> words ("Bree and the evil Rohan",
      // "sheep and evil awful goats").
      size_t k = i + 1;
      while (k < n && IsModifier(view, *dicts_, static_cast<uint32_t>(k))) ++k;
      const bool joins_next = k < n && (ws.match_at[k] >= 0 || InWordList(view.Form(k), dicts_->actors.nouns));
      // TABARI: "... to chill out and Gondor asked": an actor after the conjunction with none
      // before it starts a clause of its own.
      const bool joins_previous = ws.match_at[i - 1] >= 0 || view.Form(i - 1) == "," ||
                                  IsModifier(view, *dicts_, static_cast<uint32_t>(i - 1)) ||
                                  InWordList(view.Form(i - 1), dicts_->actors.nouns);
      if (!joins_next || (dicts_->verbs.format == lexicon::VerbFormat::kTabari && !joins_previous)) ++current;
    }
    clause[i] = current;
  }
}

void Coder::LinearRoles(const model::Document& doc, Workspace& ws, size_t verb, std::span<const uint32_t> clause,
                        const LinearMatch& match, std::vector<Participant>& sources,
                        std::vector<Participant>& targets) const {
  const SentenceView& view = ws.view;
  const int count = static_cast<int>(ws.matches.size());
  auto in_clause = [&](uint32_t token) { return clause.empty() || clause[token] == clause[verb]; };
  auto actor_at = [&](int m) {
    // A mention whose phrase names an actor (an agent alone names no one, unless converted).
    if (options_.convert_agents) return true;
    LinearSpan span = LinearPhrase(ws, m);
    for (int k = span.first; k <= span.last; ++k) {
      if (ws.matches[k].kind == ActorMatcher::Kind::kActor) return true;
    }
    return false;
  };
  int source = match.source_token >= 0 ? ws.match_at[match.source_token] : -1;
  int target = match.target_token >= 0 ? ws.match_at[match.target_token] : -1;
  // The passive's "by" actor is the source, the actor before the verb its target.
  int by_actor = -1;
  if (source < 0 && view.IsPassive(verb)) {
    for (int m = 0; m < count && by_actor < 0; ++m) {
      const uint32_t b = ws.matches[m].begin;
      if (b > verb + 1 && in_clause(b) && IsWord(view.Form(b - 1), "by") && actor_at(m)) by_actor = m;
    }
  }
  // A '+' slot's phrase is never the source too.
  const LinearSpan bound = target >= 0 ? LinearPhrase(ws, target) : LinearSpan{-1, -1};
  auto free_actor = [&](int m) { return (m < bound.first || m > bound.last) && actor_at(m); };
  int before = -1;
  for (int m = 0; m < count && before < 0; ++m) {
    if (ws.matches[m].end <= verb && in_clause(ws.matches[m].begin) && free_actor(m)) before = m;
  }
  for (int m = 0; m < count && before < 0; ++m) {
    if (ws.matches[m].end <= verb && free_actor(m)) before = m;
  }
  // TABARI: a subject pronoun that opens the clause, before any actor, stands for the sentence's
  // first actor ("Gondor urged Bree ... and then it asked that Rohan assist": Gondor asks); the
  // actor after it is then a target.
  int pronoun_before = -1;
  if (source < 0 && by_actor < 0 && dicts_->verbs.format == lexicon::VerbFormat::kTabari) {
    const uint32_t first = before >= 0 ? ws.matches[before].begin : static_cast<uint32_t>(verb);
    for (uint32_t t = 0; t < first && pronoun_before < 0; ++t) {
      std::string_view w = view.Form(t);
      if (!in_clause(t) || !(IsWord(w, "it") || IsWord(w, "they") || IsWord(w, "he") || IsWord(w, "she"))) continue;
      for (int m = 0; m < count && pronoun_before < 0; ++m) {
        if (ws.matches[m].end <= t && actor_at(m)) pronoun_before = m;
      }
    }
  }
  if (by_actor >= 0) {
    source = by_actor;
    if (target < 0) target = before;
  } else if (pronoun_before >= 0) {
    source = pronoun_before;
  } else if (source < 0) {
    source = before;
  }
  // "+ WAS * DEAD": with the target bound before the verb, the source may follow it ("An
  // Eriadorian was shot dead in Osgiliath").
  for (int m = 0; m < count && source < 0 && target >= 0; ++m) {
    const uint32_t b = ws.matches[m].begin;
    if (b > verb && in_clause(b) && free_actor(m)) source = m;
  }
  if (source >= 0) LinearCompound(doc, ws, source, sources);
  if (match.compound) return;  // '%': the compound acts on itself
  if (target < 0) {
    const LinearSpan taken = source >= 0 ? LinearPhrase(ws, source) : LinearSpan{-1, -1};
    for (int m = 0; m < count && target < 0; ++m) {
      const uint32_t b = ws.matches[m].begin;
      if (b > verb && in_clause(b) && (m < taken.first || m > taken.last) && actor_at(m)) target = m;
    }
    if (target < 0 && pronoun_before >= 0) target = before;
    // TABARI: an object pronoun after the verb stands for the sentence's first actor that is not
    // the source ("Gondor asked him" -> the first actor named).
    bool pronoun = false;
    for (size_t t = verb + 1; t < view.size() && in_clause(static_cast<uint32_t>(t)) && target < 0 && !pronoun; ++t) {
      std::string_view w = view.Form(t);
      pronoun = dicts_->verbs.format == lexicon::VerbFormat::kTabari &&
                (IsWord(w, "him") || IsWord(w, "her") || IsWord(w, "them"));
    }
    for (int m = 0; m < count && pronoun && target < 0; ++m) {
      if ((m < taken.first || m > taken.last) && actor_at(m)) target = m;
    }
  }
  if (target >= 0) LinearCompound(doc, ws, target, targets);
}

}  // namespace dyad::coding
