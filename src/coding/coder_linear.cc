// The participants of a TABARI / PETRARCH-1 linear pattern, read as TABARI reads them: from the
// order of the words, never from the parse. TABARI had no parser, and its dictionaries and
// validation records assume its word-order rules, which a parse of their stylized (and often
// ungrammatical) sentences cannot reproduce:
//   - an actor phrase is a run of actor and agent mentions that touch, or are joined by "'s",
//     "of" or "of the" ("Bree Prime Minister Romendacil", "the ambassador of Arnor");
//   - a compound is a list of actor phrases joined by "and" (", and", or commas in a list that
//     ends with "and"): "Mordor, Rohan, Fornost and Bree" names four participants;
//   - the source is the phrase a '$' or '%' slot bound, else the first actor named before the
//     verb; in the passive ("was opposed by Osgiliath") the actor after "by" is the source and
//     the one before the verb the target;
//   - the target is the phrase a '+' slot bound, else the first actor named after the verb that
//     is not the source.
#include "coding/coder.h"

namespace dyad::coding {

namespace {

bool IsWord(std::string_view form, std::string_view lower) {
  return form.size() == lower.size() &&
         std::equal(form.begin(), form.end(), lower.begin(), [](char a, char b) { return (a | 0x20) == b; });
}

// Tokens [from, to) join two mentions into one actor phrase.
bool JoinsPhrase(const SentenceView& view, uint32_t from, uint32_t to) {
  if (from == to) return true;
  if (to - from == 1) {
    std::string_view w = view.Form(from);
    return w == "'s" || w == "'" || w == "’s" || IsWord(w, "of");
  }
  return to - from == 2 && IsWord(view.Form(from), "of") && IsWord(view.Form(from + 1), "the");
}

// How tokens [from, to) join two actor phrases of a list: 0 not at all, 1 by a comma, 2 by
// "and" (or ", and").
int JoinsCompound(const SentenceView& view, uint32_t from, uint32_t to) {
  if (to - from == 1) {
    if (view.Form(from) == ",") return 1;
    if (IsWord(view.Form(from), "and")) return 2;
  }
  if (to - from == 2 && view.Form(from) == "," && IsWord(view.Form(from + 1), "and")) return 2;
  return 0;
}

}  // namespace

Coder::LinearSpan Coder::LinearPhrase(const Workspace& ws, int m) const {
  LinearSpan span{m, m};
  while (span.first > 0 &&
         JoinsPhrase(ws.view, ws.matches[span.first - 1].end, ws.matches[span.first].begin)) {
    --span.first;
  }
  const int count = static_cast<int>(ws.matches.size());
  while (span.last + 1 < count &&
         JoinsPhrase(ws.view, ws.matches[span.last].end, ws.matches[span.last + 1].begin)) {
    ++span.last;
  }
  return span;
}

void Coder::LinearCompound(const model::Document& doc, Workspace& ws, int m, std::vector<Participant>& out) const {
  // The phrases of the list around mention m, and how each joins the next.
  std::vector<LinearSpan> phrases{LinearPhrase(ws, m)};
  std::vector<int> links;
  bool has_and = false;
  while (phrases.front().first > 0) {
    LinearSpan prev = LinearPhrase(ws, phrases.front().first - 1);
    int link = JoinsCompound(ws.view, ws.matches[prev.last].end, ws.matches[phrases.front().first].begin);
    if (link == 0) break;
    has_and |= link == 2;
    phrases.insert(phrases.begin(), prev);
    links.insert(links.begin(), link);
  }
  const size_t origin = phrases.size() - 1;
  while (phrases.back().last + 1 < static_cast<int>(ws.matches.size())) {
    LinearSpan next = LinearPhrase(ws, phrases.back().last + 1);
    int link = JoinsCompound(ws.view, ws.matches[phrases.back().last].end, ws.matches[next.first].begin);
    if (link == 0) break;
    has_and |= link == 2;
    phrases.push_back(next);
    links.push_back(link);
  }
  // Commas alone make an apposition ("Osgiliath, the state's fiercest foe"), not a list.
  size_t first = 0, last = phrases.size() - 1;
  if (!has_and) first = last = origin;
  for (size_t k = first; k <= last; ++k) {
    Participant p;
    const uint32_t begin = ws.matches[phrases[k].first].begin, end = ws.matches[phrases[k].last].end;
    if (!ComposeActor(doc, ws, begin, end, &p)) continue;
    p.head = end - 1;
    bool seen = false;
    for (const Participant& q : out) seen |= q.code == p.code && q.begin == p.begin;
    if (!seen) out.push_back(std::move(p));
  }
}

void Coder::LinearRoles(const model::Document& doc, Workspace& ws, size_t verb, const LinearMatch& match,
                        std::vector<Participant>& sources, std::vector<Participant>& targets) const {
  const SentenceView& view = ws.view;
  const int count = static_cast<int>(ws.matches.size());
  auto actor_at = [&](int m) {
    // A mention whose phrase names an actor (an agent alone names no one).
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
      if (b > verb + 1 && IsWord(view.Form(b - 1), "by") && actor_at(m)) by_actor = m;
    }
  }
  int before = -1;
  for (int m = 0; m < count && before < 0; ++m) {
    if (ws.matches[m].end <= verb && actor_at(m)) before = m;
  }
  if (by_actor >= 0) {
    source = by_actor;
    if (target < 0) target = before;
  } else if (source < 0) {
    source = before;
  }
  if (source >= 0) LinearCompound(doc, ws, source, sources);
  if (match.compound) return;  // '%': the compound acts on itself
  if (target < 0) {
    const LinearSpan taken = source >= 0 ? LinearPhrase(ws, source) : LinearSpan{-1, -1};
    for (int m = 0; m < count && target < 0; ++m) {
      if (ws.matches[m].begin > verb && (m < taken.first || m > taken.last) && actor_at(m)) target = m;
    }
  }
  if (target >= 0) LinearCompound(doc, ws, target, targets);
}

}  // namespace dyad::coding
