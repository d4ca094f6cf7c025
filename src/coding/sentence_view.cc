#include "coding/sentence_view.h"

#include <algorithm>
#include <array>

#include "model/tagset.h"

namespace dyad::coding {

namespace {

Role RoleOfName(std::string_view name) {
  struct Entry {
    std::string_view name;
    Role role;
  };
  static constexpr Entry kRoles[] = {
      {"root", Role::kRoot},           {"nsubj", Role::kSubject},        {"csubj", Role::kSubject},
      {"nsubj:pass", Role::kPassiveSubject}, {"csubj:pass", Role::kPassiveSubject},
      {"obj", Role::kObject},          {"iobj", Role::kObject},          {"obl", Role::kOblique},
      {"obl:arg", Role::kOblique},     {"obl:agent", Role::kAgent},      {"obl:tmod", Role::kTemporal},
      {"obl:npmod", Role::kTemporal},  {"obl:unmarked", Role::kTemporal}, {"nmod:tmod", Role::kTemporal},
      {"nmod", Role::kNominalMod},     {"nmod:npmod", Role::kNominalMod}, {"nmod:poss", Role::kPossessive},
      {"nmod:desc", Role::kNominalMod}, {"nmod:unmarked", Role::kNominalMod},
      {"conj", Role::kConj},           {"cc", Role::kCc},                {"xcomp", Role::kXcomp},
      {"ccomp", Role::kCcomp},         {"advcl", Role::kAdvcl},          {"acl", Role::kAcl},
      {"acl:relcl", Role::kRelcl},     {"parataxis", Role::kParataxis},  {"compound", Role::kCompound},
      {"flat", Role::kCompound},       {"flat:name", Role::kCompound},   {"flat:foreign", Role::kCompound},
      {"compound:prt", Role::kParticle}, {"amod", Role::kAmod},          {"appos", Role::kAppos},
      {"det", Role::kDet},             {"det:predet", Role::kDet},       {"det:poss", Role::kPossessive},
      {"nummod", Role::kNummod},       {"case", Role::kCase},            {"mark", Role::kMark},
      {"aux", Role::kAux},             {"aux:pass", Role::kAuxPass},     {"cop", Role::kCop},
      {"advmod", Role::kAdvmod},       {"punct", Role::kPunct},
  };
  for (const Entry& e : kRoles) {
    if (e.name == name) return e.role;
  }
  return Role::kOther;
}

const std::array<Role, 256>& RoleTable() {
  static const std::array<Role, 256> table = [] {
    std::array<Role, 256> t{};
    for (int id = 0; id < 256; ++id) t[id] = RoleOfName(model::DeprelName(static_cast<uint8_t>(id)));
    return t;
  }();
  return table;
}

}  // namespace

Role RoleOfDeprel(uint8_t deprel) { return RoleTable()[deprel]; }

bool EqualsLower(std::string_view word, std::string_view lower) {
  return word.size() == lower.size() &&
         std::equal(word.begin(), word.end(), lower.begin(), [](char a, char b) { return (a | 0x20) == b; });
}

void SentenceView::Reset(const model::Document& doc, std::span<const model::Token> tokens,
                         bool coordinated_modifiers) {
  if (upos_verb_ == 0) {
    upos_verb_ = model::UposId("VERB");
    upos_aux_ = model::UposId("AUX");
    upos_noun_ = model::UposId("NOUN");
    upos_propn_ = model::UposId("PROPN");
    upos_pron_ = model::UposId("PRON");
    upos_num_ = model::UposId("NUM");
    upos_x_ = model::UposId("X");
    upos_cconj_ = model::UposId("CCONJ");
  }
  doc_ = &doc;
  tokens_ = tokens;
  const size_t n = tokens.size();
  heads_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    int h = tokens[i].head;
    heads_[i] = h >= 0 && static_cast<size_t>(h) < n && static_cast<size_t>(h) != i ? h : -1;
  }
  // Heads read from a file may form cycles; the token whose head closes one becomes a root, so
  // that every walk up or down the view ends. Marks: 0 unseen, 1 on the current path, 2 done.
  marks_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    int x = static_cast<int>(i), last = -1;
    while (x >= 0 && marks_[x] == 0) {
      marks_[x] = 1;
      last = x;
      x = heads_[x];
    }
    if (x >= 0 && marks_[x] == 1) heads_[last] = -1;
    for (int y = static_cast<int>(i); y >= 0 && marks_[y] == 1; y = heads_[y]) marks_[y] = 2;
  }
  roles_.assign(n, Role::kOther);
  child_begin_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    int h = heads_[i];
    roles_[i] = RoleOfDeprel(tokens[i].deprel);
    if (h >= 0) {
      ++child_begin_[h + 1];
      // Under a verb, a prepositional nmod (UD v1 style) is an oblique.
      if (roles_[i] == Role::kNominalMod && IsVerb(h)) roles_[i] = Role::kOblique;
    } else {
      roles_[i] = Role::kRoot;
    }
  }
  for (size_t i = 1; i <= n; ++i) child_begin_[i] += child_begin_[i - 1];
  children_.resize(child_begin_[n]);
  fill_.assign(child_begin_.begin(), child_begin_.end());
  for (size_t i = 0; i < n; ++i) {
    if (heads_[i] >= 0) children_[fill_[heads_[i]]++] = static_cast<uint32_t>(i);
  }
  for (size_t i = 0; i < n && coordinated_modifiers; ++i) {
    if (roles_[i] != Role::kNominalMod || heads_[i] > static_cast<int>(i) || !IsNominal(i)) continue;
    bool coordinated = false, marked = false;
    for (uint32_t c : Children(i)) {
      coordinated |= c < i && roles_[c] == Role::kCc;
      marked |= roles_[c] == Role::kCase;
    }
    if (coordinated && !marked) roles_[i] = Role::kConj;
  }
  // Subtree extents: list the tokens top-down (roots, then each listed token's children), then
  // fold every token's extent into its head's, bottom-up.
  order_.clear();
  for (size_t i = 0; i < n; ++i) {
    if (heads_[i] < 0) order_.push_back(static_cast<uint32_t>(i));
  }
  for (size_t k = 0; k < order_.size(); ++k) {
    for (uint32_t c : Children(order_[k])) order_.push_back(c);
  }
  subtree_first_.resize(n);
  subtree_end_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    subtree_first_[i] = static_cast<uint32_t>(i);
    subtree_end_[i] = static_cast<uint32_t>(i + 1);
  }
  for (size_t k = order_.size(); k-- > 0;) {
    uint32_t t = order_[k];
    int h = heads_[t];
    if (h < 0) continue;
    subtree_first_[h] = std::min(subtree_first_[h], subtree_first_[t]);
    subtree_end_[h] = std::max(subtree_end_[h], subtree_end_[t]);
  }
}

std::string_view SentenceView::Lemma(size_t i) const {
  if (tokens_[i].lemma_length == 0) return Form(i);
  return doc_->Lemma(tokens_[i]);
}

bool SentenceView::IsVerb(size_t i) const {
  return tokens_[i].upos == upos_verb_;
}

bool SentenceView::IsNominal(size_t i) const {
  uint8_t u = tokens_[i].upos;
  return u == upos_noun_ || u == upos_propn_ || u == upos_pron_ || u == upos_num_ || u == upos_x_;
}

bool SentenceView::IsProperNoun(size_t i) const { return tokens_[i].upos == upos_propn_; }

std::pair<uint32_t, uint32_t> SentenceView::NounPhrase(size_t head) const {
  uint32_t first = static_cast<uint32_t>(head), last = static_cast<uint32_t>(head);
  // Iterative walk: the phrase's internal dependents are few, but never recurse on input data.
  uint32_t stack[64];
  size_t top = 0;
  stack[top++] = static_cast<uint32_t>(head);
  while (top > 0) {
    uint32_t t = stack[--top];
    for (uint32_t c : Children(t)) {
      switch (roles_[c]) {
        case Role::kCompound: case Role::kAmod: case Role::kDet: case Role::kNummod:
        case Role::kPossessive: case Role::kCase:
          break;
        case Role::kNominalMod:
          // A modifier without a preposition describes the head ("Prime Minister" in "Bree Prime
          // Minister Romendacil" parsed as nmod:desc); one with a preposition names someone else.
          if (!CaseOf(c).empty()) continue;
          // After its word it joins only right next to it: "problems in the Middle East here
          // Thursday" does not make the Middle East part of "problems".
          if (c > t && subtree_first_[c] != t + 1) continue;
          break;
        case Role::kConj:
          if (!IsRunOnConjunct(c)) continue;
          break;
        case Role::kPunct:
          // Hyphens inside names ("al-Hiyali") belong to the phrase; other punctuation does not.
          if (Form(c) != "-") continue;
          break;
        default:
          continue;
      }
      if (roles_[c] == Role::kCase && t == head) continue;  // the phrase's own preposition
      first = std::min(first, c);
      last = std::max(last, c);
      if (top < 64) stack[top++] = c;
    }
  }
  return {first, last + 1};
}

bool SentenceView::IsRunOnConjunct(size_t i) const {
  const int h = heads_[i];
  if (roles_[i] != Role::kConj || h < 0 || !IsNominal(i) || !IsNominal(h)) return false;
  if (ChildWithRole(i, Role::kCc) >= 0) return false;
  // UD v1 parses hang the conjunction on the first conjunct, so look at the words between too.
  const size_t from = std::min<size_t>(i, h) + 1, to = std::max<size_t>(i, h);
  for (size_t t = from; t < to; ++t) {
    if (roles_[t] == Role::kCc || roles_[t] == Role::kPunct || tokens_[t].upos == upos_cconj_) return false;
  }
  return true;
}

std::string_view SentenceView::CaseOf(size_t nominal) const {
  for (uint32_t c : Children(nominal)) {
    if (roles_[c] == Role::kCase) return Lemma(c);
  }
  return {};
}

bool SentenceView::IsPassive(size_t verb) const {
  bool passive_subject = false, object = false;
  for (uint32_t c : Children(verb)) {
    if (roles_[c] == Role::kAuxPass) return true;
    passive_subject |= roles_[c] == Role::kPassiveSubject;
    object |= roles_[c] == Role::kObject;
  }
  // A "passive subject" with no passive auxiliary next to a direct object is an active clause the
  // parser misread ("police arrested dozens": arrested tagged VBN).
  return passive_subject && !object;
}

bool SentenceView::IsNegated(size_t verb) const {
  for (uint32_t c : Children(verb)) {
    if (roles_[c] != Role::kAdvmod && roles_[c] != Role::kOther) continue;
    std::string_view f = Form(c);
    if (f == "not" || f == "n't" || f == "never" || f == "Not" || f == "Never" || f == "NOT" ||
        f == "nt") {
      return true;
    }
  }
  return false;
}

int SentenceView::ChildWithRole(size_t i, Role r) const {
  for (uint32_t c : Children(i)) {
    if (roles_[c] == r) return static_cast<int>(c);
  }
  return -1;
}

namespace {

// Nouns that name a time: "on Monday", "last month" say when, not whom.
bool IsTimeNoun(std::string_view lemma) {
  static constexpr std::string_view kTimes[] = {
      "monday",   "tuesday", "wednesday", "thursday", "friday",  "saturday", "sunday",    "january",
      "february", "march",   "april",     "june",     "july",    "august",   "september", "october",
      "november", "december", "today",    "yesterday", "tomorrow", "tonight", "morning",  "afternoon",
      "evening",  "night",   "weekend",   "day",      "week",    "month",    "year",      "hour",
      "dawn",     "midnight", "noon"};
  for (std::string_view t : kTimes) {
    if (EqualsLower(lemma, t)) return true;
  }
  return false;
}

}  // namespace

bool SentenceView::InNestedClause(size_t token, size_t top) const {
  // Prepositions of time and circumstance: "after a state of siege" is when, not what; so is a
  // time noun ("launched war games on Monday").
  static constexpr std::string_view kCircumstances[] = {"after", "before", "since", "until", "amid", "despite",
                                                        "following", "during"};
  for (int t = static_cast<int>(token); t >= 0 && static_cast<size_t>(t) != top; t = heads_[t]) {
    if (heads_[t] == static_cast<int>(top) && roles_[t] == Role::kOblique) {
      if (IsTimeNoun(Lemma(t))) return true;
      for (std::string_view p : kCircumstances) {
        if (EqualsLower(CaseOf(t), p)) return true;
      }
    }
    if (!IsVerb(t)) continue;
    // A free relative ("provided Egypt with what totals $50 billion in aid") is the phrase itself.
    const bool free_relative = roles_[t] == Role::kRelcl && heads_[t] >= 0 &&
                               (EqualsLower(Form(heads_[t]), "what") || EqualsLower(Form(heads_[t]), "whatever"));
    if ((roles_[t] == Role::kRelcl && !free_relative) || roles_[t] == Role::kParataxis ||
        (roles_[t] == Role::kAdvcl && IsSubordinateClause(t))) {
      return true;
    }
  }
  return false;
}

bool SentenceView::IsSubordinateClause(size_t verb) const {
  // Conjunctions that tie a clause to its main verb by time, cause or manner; a preposition read
  // as a marker ("withdraw troops from neighboring Lebanon") or "to" (a purpose) does not.
  static constexpr std::string_view kSubordinators[] = {"after", "before", "when", "whenever", "while", "because",
                                                        "since", "although", "though", "unless", "until", "once",
                                                        "whereas", "as", "if", "without"};
  for (uint32_t c : Children(verb)) {
    if (roles_[c] == Role::kSubject || roles_[c] == Role::kPassiveSubject) return true;
    if (roles_[c] != Role::kMark) continue;
    for (std::string_view s : kSubordinators) {
      if (EqualsLower(Form(c), s)) return true;
    }
  }
  return false;
}

}  // namespace dyad::coding
