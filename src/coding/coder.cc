#include "coding/coder.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/cameo_codes.h"
#include "model/country_codes.h"

namespace dyad::coding {

namespace {

inline char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

std::string UpperCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Upper(c);
  return out;
}

// Verbs whose infinitive or clausal complement is wanted, refused, planned or demanded, not done:
// "refused to release the prisoners", "demanded that Iraq withdraw". When such a verb is not
// coded itself, its complement is not coded either.
bool IsNonFactive(std::string_view lemma) {
  static constexpr std::string_view kLemmas[] = {
      "ask", "attempt", "call", "consider", "decline", "demand", "deny", "expect", "fail",
      "insist", "propose", "refuse", "reject", "suggest", "try", "urge"};
  for (std::string_view l : kLemmas) {
    if (lemma.size() == l.size() &&
        std::equal(lemma.begin(), lemma.end(), l.begin(), [](char a, char b) { return (a | 0x20) == b; })) {
      return true;
    }
  }
  return false;
}

// A verb whose action is announced, not done: "will provide aid", "would blockade Paris", "may
// halt mediation", "plans to impose restrictions", "is willing to withdraw", "threatened to cut
// off electricity". CAMEO codes these as intents (03) when cooperative and threats (13) when
// hostile.
bool IsIntended(const SentenceView& view, size_t verb) {
  static constexpr std::string_view kModals[] = {"will", "would", "shall", "'ll", "may", "might"};
  static constexpr std::string_view kGovernors[] = {
      "offer", "promise", "pledge", "vow", "threaten", "agree", "plan", "intend", "prepare",
      "aim", "want", "wish", "seek", "hope", "willing", "ready", "prepared", "going", "poised"};
  for (uint32_t c : view.Children(verb)) {
    if (view.role(c) != Role::kAux) continue;
    for (std::string_view m : kModals) {
      if (EqualsLower(view.Form(c), m)) return true;
    }
  }
  if (view.role(verb) != Role::kXcomp || view.head(verb) < 0) return false;
  std::string_view governor = view.Lemma(view.head(verb));
  for (std::string_view g : kGovernors) {
    if (EqualsLower(governor, g)) return true;
  }
  return false;
}

// The intent (03x) or threat (13x) code for an announced action coded `cameo`; other codes are
// kept. REQUIRES: `cameo` is a CAMEO code.
std::string IntentCode(const std::string& cameo) {
  if (cameo.size() < 2) return cameo;
  const std::string_view root = std::string_view(cameo).substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") {
    if (cameo.starts_with("084")) return "0353";
    if (cameo.starts_with("086")) return "0355";
    if (cameo.starts_with("087")) return "0356";
    return "035";
  }
  if (root == "14") return "133";
  if (root == "16") {
    if (cameo.starts_with("161")) return "1313";
    if (cameo.starts_with("162")) return "1311";
    if (cameo.starts_with("163")) return "1312";
    return "131";
  }
  // Threatened restrictions, curfews, martial law (132x) parallel the imposed ones (172x).
  if (root == "17") return cameo.starts_with("172") ? "132" + cameo.substr(3) : "130";
  if (root == "18" || root == "19" || root == "20") return "138";
  return cameo;
}

// The refusal (12x) that an announced cooperative action coded `cameo` becomes when negated
// ("will not lift the embargo" 1244, "would not meet" 125), or "" when there is none.
std::string RefusalCode(std::string_view cameo) {
  static constexpr std::pair<std::string_view, std::string_view> kRefusals[] = {
      {"04", "125"},    {"057", "127"},   {"05", "120"},    {"061", "1211"}, {"062", "1212"},
      {"063", "1213"},  {"064", "1214"},  {"06", "121"},    {"071", "1221"}, {"072", "1222"},
      {"073", "1223"},  {"074", "1224"},  {"07", "122"},    {"081", "1241"}, {"082", "1242"},
      {"083", "123"},   {"084", "1243"},  {"085", "1244"},  {"086", "1245"}, {"087", "1246"},
      {"08", "124"}};
  for (const auto& [prefix, refusal] : kRefusals) {
    if (cameo.starts_with(prefix)) return std::string(refusal);
  }
  return "";
}

// PLOVER: "the topic of the protest - which will typically be a REQUEST - is not coded as a
// separate event". A demand or appeal with no subject of its own under a protest verb
// ("blocked roads to press their demands", "joined demonstrators in demanding a referendum") is
// that protest, aimed at the demand's target. Returns the protest's code, or null.
const std::string* ProtestTopicOf(const SentenceView& view, size_t verb, std::string_view cameo,
                                  const std::vector<std::pair<uint32_t, std::string>>& protests) {
  if (protests.empty() || !(cameo.starts_with("10") || cameo.starts_with("02"))) return nullptr;
  if (view.ChildWithRole(verb, Role::kSubject) >= 0) return nullptr;
  int x = view.head(verb);
  for (int hops = 0; x >= 0 && hops < 4; ++hops, x = view.head(x)) {
    for (const auto& [protest_verb, code] : protests) {
      if (static_cast<int>(protest_verb) == x) return &code;
    }
  }
  return nullptr;
}

// "X said (that) Y must withdraw": the action is demanded of Y, not done. True when `verb`, or a
// word it is the infinitive complement of ("must be ready to mediate"), has the auxiliary "must".
bool HasMust(const SentenceView& view, size_t verb) {
  int x = static_cast<int>(verb);
  for (int hops = 0; x >= 0 && hops < 4; ++hops) {
    for (uint32_t c : view.Children(x)) {
      if (view.role(c) == Role::kAux && EqualsLower(view.Form(c), "must")) return true;
    }
    if (view.role(x) != Role::kXcomp) return false;
    x = view.head(x);
  }
  return false;
}

bool HasMarker(const SentenceView& view, uint32_t clause, std::string_view marker) {
  for (uint32_t g : view.Children(clause)) {
    if (view.role(g) == Role::kMark && EqualsLower(view.Form(g), marker)) return true;
  }
  return false;
}

// Whether `clause` is a clausal complement of its head ("demanded that the US act"). Parsers
// often attach a "that" complement as an adverbial or a conjoined clause.
bool IsComplementClause(const SentenceView& view, uint32_t clause) {
  if (view.role(clause) == Role::kCcomp) return true;
  if (view.role(clause) != Role::kAdvcl && view.role(clause) != Role::kConj) return false;
  return HasMarker(view, clause, "that");
}

// The clausal complement of `verb` that demands an action ("said the US must mediate"), or of
// its object noun ("issued a reminder to Iraq that it must cooperate"), or -1.
int DemandedClause(const SentenceView& view, size_t verb) {
  for (uint32_t c : view.Children(verb)) {
    if (IsComplementClause(view, c) && HasMust(view, c)) return static_cast<int>(c);
    if (view.role(c) != Role::kObject) continue;
    for (uint32_t content : view.Children(c)) {
      if (view.role(content) == Role::kAcl && HasMust(view, content) && HasMarker(view, content, "that")) {
        return static_cast<int>(content);
      }
    }
  }
  return -1;
}

// "guerrillas wounded two soldiers" with "wounded" read as an adjective of "soldiers": a verb
// modifying a later noun right after a noun that is no modifier of that same noun is the clause's
// verb, and the noun it "modifies" its object ("two wounded soldiers", "its armed groups" are not).
// "Jordan's visiting King Abdullah" with "visiting" read as a verb taking the king as object: a
// verb has no possessor, so the participle is the noun's modifier.
bool IsPossessedParticiple(const SentenceView& view, size_t verb) {
  return view.Form(verb).ends_with("ing") && view.ChildWithRole(verb, Role::kPossessive) >= 0 &&
         view.ChildWithRole(verb, Role::kObject) >= 0;
}

bool IsMisreadMainVerb(const SentenceView& view, size_t verb) {
  if (view.role(verb) != Role::kAmod || verb == 0 || view.head(verb) <= static_cast<int>(verb)) return false;
  return view.IsNominal(verb - 1) && view.head(verb - 1) != view.head(verb);
}

// "will boycott the elections unless the president agrees to step down": an "if" or "unless"
// clause states a condition, not an event that happened.
bool IsCondition(const SentenceView& view, size_t verb) {
  if (view.role(verb) != Role::kAdvcl) return false;
  for (uint32_t c : view.Children(verb)) {
    if (view.role(c) == Role::kMark && (EqualsLower(view.Form(c), "if") || EqualsLower(view.Form(c), "unless"))) {
      return true;
    }
  }
  return false;
}

// "arrested for collaborating with Israel", "praised for helping": a "for" clause gives the
// reason for its verb, alleged or past, not an event of its own.
bool IsReason(const SentenceView& view, size_t verb) {
  return (view.role(verb) == Role::kAdvcl || view.role(verb) == Role::kAcl) && HasMarker(view, verb, "for");
}

// "sent troops to help defend Saudi Arabia", "shelled Juba, killing 20 people": an infinitive
// adverbial clause states the aim of the verb it modifies, a bare participle its outcome; neither
// is an event of its own.
bool IsPurposeClause(const SentenceView& view, size_t verb) {
  if (view.role(verb) != Role::kAdvcl) return false;
  bool marked = false;
  for (uint32_t c : view.Children(verb)) {
    if (view.role(c) != Role::kMark) continue;
    if (EqualsLower(view.Form(c), "to")) return true;
    marked = true;
  }
  return !marked && view.Form(verb).ends_with("ing");
}

// UniversalPetrarch pairs a compound subject with no target only under a '%' pattern or for the
// cooperation it codes as mutual (CAMEO 03-06: "Iran and Iraq signed an accord").
bool IsCooperation(std::string_view cameo) {
  return cameo.size() >= 2 && cameo[0] == '0' && cameo[1] >= '3' && cameo[1] <= '6';
}

// An adverbial "to" infinitive: "signed an accord to supply Gondor".
bool IsToInfinitive(const SentenceView& view, size_t verb) {
  if (view.role(verb) != Role::kAdvcl) return false;
  for (uint32_t c : view.Children(verb)) {
    if (view.role(c) == Role::kMark && EqualsLower(view.Form(c), "to")) return true;
  }
  return false;
}

// A reporter found by word order is the story's sourcing, not a participant: the subject of a
// speech verb other than the event's own ("..., a Jordanian official confirmed") or the object of
// "according to".
bool IsSpeechVerb(std::string_view lemma) {
  static constexpr std::string_view kSpeech[] = {"say", "report", "tell", "announce", "state", "claim", "add",
                                                 "confirm", "allege", "declare", "write", "quote", "explain",
                                                 "note"};
  for (std::string_view s : kSpeech) {
    if (EqualsLower(lemma, s)) return true;
  }
  return false;
}

bool IsReporter(const SentenceView& view, uint32_t head, size_t verb) {
  if (EqualsLower(view.CaseOf(head), "according")) return true;
  int h = view.head(head);
  if (h < 0 || static_cast<size_t>(h) == verb || view.role(head) != Role::kSubject) return false;
  return IsSpeechVerb(view.Lemma(h));
}

bool IsBy(std::string_view prep) { return prep == "by" || prep == "By" || prep == "BY"; }

// "Israel's militia ally", "Iran's neighbours": the possessor of a word for a relation to
// someone else is not the one named.
bool IsRelationsPossessor(const SentenceView& view, size_t token) {
  static constexpr std::string_view kRelations[] = {"ally", "enemy", "foe", "rival", "adversary", "opponent",
                                                    "critic", "neighbor", "neighbour"};
  if (view.role(token) != Role::kPossessive || view.head(token) < 0) return false;
  std::string_view governor = view.Lemma(view.head(token));
  for (std::string_view r : kRelations) {
    if (EqualsLower(governor, r)) return true;
  }
  return false;
}

bool IsRelativePronoun(std::string_view f) {
  return f == "who" || f == "which" || f == "that" || f == "Who" || f == "Which" || f == "That";
}

bool IsPersonalPronoun(std::string_view f, bool* person) {
  static constexpr std::string_view kPerson[] = {"he", "she", "He", "She", "him", "her"};
  static constexpr std::string_view kGroup[] = {"it", "they", "It", "They", "them"};
  for (auto p : kPerson) {
    if (f == p) return *person = true;
  }
  for (auto p : kGroup) {
    if (f == p) {
      *person = false;
      return true;
    }
  }
  return false;
}

// Obliques that name the target of an event, in order of preference.
int TargetPrepRank(std::string_view prep) {
  static constexpr std::string_view kPreps[] = {"against", "with", "to", "toward", "towards", "at", "on",
                                                "into", "from", "over", "for", "upon"};
  for (size_t i = 0; i < std::size(kPreps); ++i) {
    if (prep.size() == kPreps[i].size() &&
        std::equal(prep.begin(), prep.end(), kPreps[i].begin(),
                   [](char a, char b) { return (a | 0x20) == b; })) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// `t` lies in the subtree of `root` and in its clause: the path up to `root` may cross the verb's
// complements ("threatened to attack Iraq", "demanded that Hamas renounce") and conjuncts (the
// parser often makes a complement clause a conjunct), but no adverbial, relative or parenthetical
// clause, which tells events of its own.
bool InClauseOf(const SentenceView& view, uint32_t t, size_t root) {
  int x = static_cast<int>(t);
  for (size_t hops = 0; x >= 0 && hops <= view.size(); ++hops) {
    if (static_cast<size_t>(x) == root) return true;
    Role r = view.role(x);
    // A participle after a hyphen is half of an adjective the parser split ("war-torn
    // Mozambique"), not a clause of its own.
    const bool hyphenated = x > 0 && view.Form(x - 1) == "-";
    if ((r == Role::kAdvcl || r == Role::kParataxis || r == Role::kRelcl || r == Role::kAcl) && !hyphenated) {
      return false;
    }
    x = view.head(x);
  }
  return false;
}

// Whether a PETRARCH2 / UniversalPetrarch pattern has a '%' slot: its compound subject acts on
// itself ("% * [050]").
bool HasCompoundSlot(const lexicon::VerbPattern& pattern) {
  for (const auto* side : {&pattern.before, &pattern.after}) {
    for (const lexicon::Constituent& c : *side) {
      for (const lexicon::NounPhrase& np : c.nouns) {
        for (const lexicon::PatternWord& w : np.words) {
          if (w.kind == lexicon::WordKind::kCompound) return true;
        }
      }
    }
  }
  return false;
}

// --- Linear patterns (TABARI / PETRARCH-1), see linear_matcher.h and coder_linear.cc ---
// TABARI codes that void the whole sentence: discard and "too complex".
// TABARI and PETRARCH-1 verbs: linear patterns, read by word order.
bool IsLinearFormat(const lexicon::VerbDictionary& verbs) {
  return verbs.format == lexicon::VerbFormat::kTabari || verbs.format == lexicon::VerbFormat::kPetrarch1;
}

bool VoidsSentence(const lexicon::VerbDictionary& verbs, const lexicon::EventCode& code) {
  return (verbs.format == lexicon::VerbFormat::kTabari || verbs.format == lexicon::VerbFormat::kPetrarch1) &&
         (code.active == "###" || code.active == "+++");
}
// TABARI verbs are stems ("RESTOR" codes restore, restored, restoring): the longest prefix of the
// upper-cased form `upper` (three letters at least) that the index knows and that the rest of the
// word extends by a regular ending (S, ES, D, ED, EN, ING, E, optionally after a doubled consonant:
// "DEPARTX" is no form of DEPART); `upper` becomes it.
const std::vector<lexicon::VerbRef>* FindVerbStem(const lexicon::VerbDictionary& verbs, std::string& upper) {
  if (verbs.format != lexicon::VerbFormat::kTabari && verbs.format != lexicon::VerbFormat::kPetrarch1) return nullptr;
  auto regular_ending = [&](size_t len) {
    std::string_view rest = std::string_view(upper).substr(len);
    if (!rest.empty() && rest[0] == upper[len - 1]) rest.remove_prefix(1);  // BANNED, STOPPING
    for (std::string_view e : {"", "S", "ES", "D", "ED", "EN", "ING", "E"}) {
      if (rest == e) return true;
    }
    return false;
  };
  for (size_t len = upper.size(); len-- > 3;) {
    if (!regular_ending(len)) continue;
    if (const auto* refs = verbs.Find(std::string_view(upper).substr(0, len))) {
      upper.resize(len);
      return refs;
    }
  }
  return nullptr;
}
// --- end linear patterns ---

// The lemmatizer sometimes cuts a form wrongly ("blamed" -> "blam", "extradited" -> "extradit").
// Tries the base forms English inflection allows for the upper-cased form `upper` ("BLAMED" ->
// BLAM, BLAME; "STOPPED" -> STOPP, STOP; "CARRIED" -> CARRY); `upper` becomes the one found.
const std::vector<lexicon::VerbRef>* FindByInflection(const lexicon::VerbDictionary& verbs, std::string& upper) {
  auto ends = [&](std::string_view suffix) { return upper.size() > suffix.size() + 2 && upper.ends_with(suffix); };
  std::string candidates[4];
  size_t count = 0;
  auto add_base = [&](std::string base) {
    candidates[count++] = base + "E";
    if (base.size() >= 2 && base[base.size() - 1] == base[base.size() - 2]) {
      candidates[count++] = base.substr(0, base.size() - 1);
    }
    candidates[count++] = std::move(base);
  };
  if (ends("IED") || ends("IES")) {
    candidates[count++] = upper.substr(0, upper.size() - 3) + "Y";
  } else if (ends("ED")) {
    add_base(upper.substr(0, upper.size() - 2));
  } else if (ends("ING")) {
    add_base(upper.substr(0, upper.size() - 3));
  } else if (ends("ES")) {
    candidates[count++] = upper.substr(0, upper.size() - 2);
    candidates[count++] = upper.substr(0, upper.size() - 1);
  } else if (ends("S")) {
    candidates[count++] = upper.substr(0, upper.size() - 1);
  }
  for (size_t k = 0; k < count; ++k) {
    if (const auto* refs = verbs.Find(candidates[k])) {
      upper = std::move(candidates[k]);
      return refs;
    }
  }
  return nullptr;
}

}  // namespace

void SplitActorCode(std::string_view code, std::string* country, std::string* sector) {
  country->clear();
  sector->clear();
  if (code.size() >= 3 && model::IsIso3Country(code.substr(0, 3))) {
    country->assign(code.substr(0, 3));
    if (code.size() >= 6) sector->assign(code.substr(3, 3));
  } else if (code.size() >= 3) {
    // IGO/NGO/armed groups: the sector is the code's type part, when the code has one.
    if (code.size() >= 6) sector->assign(code.substr(code.size() - 3));
  }
}

namespace {
// A peer's dictionary set ("petrarch2:DIR", "up:DIR", "petrarch1:DIR", "tabari:FILE") is run to
// reproduce that peer's coding, which knows neither announced actions as intents nor a word-order
// source: on the peers' validation suites those two rules cost 4-17 exactly right records.
bool IsPeerSpec(std::string_view spec) {
  for (std::string_view prefix : {"petrarch2:", "petrarch1:", "up:", "tabari:"}) {
    if (spec.starts_with(prefix)) return true;
  }
  return false;
}

// The date actor codes are chosen by: an undated story takes each actor's latest code.
model::Date CodingDate(const model::Document& doc) {
  return doc.date.value_or(model::Date{std::chrono::year(2100), std::chrono::January, std::chrono::day(1)});
}

// TABARI / PETRARCH-1 actors coded [###] (discard: "NASGUL [###]", "ONODOHER [ONO <911226] [###]")
// or [+++] (too complex) void the sentence they are named in; `where` receives the entry.
bool VoidingActor(const lexicon::DictionarySet& dicts, const model::Document& doc, const Coder::Workspace& ws,
                  std::string* where) {
  if (dicts.verbs.format != lexicon::VerbFormat::kTabari && dicts.verbs.format != lexicon::VerbFormat::kPetrarch1) {
    return false;
  }
  const model::Date date = CodingDate(doc);
  for (const ActorMatcher::Match& m : ws.matches) {
    if (m.kind != ActorMatcher::Kind::kActor) continue;
    const lexicon::Actor& actor = dicts.actors.actors[m.index];
    const lexicon::DatedCode* code = lexicon::ActorDictionary::CodeFor(actor, date);
    if (code != nullptr && (code->code == "###" || code->code == "+++")) {
      *where = dicts.actors.Where(actor.where);
      return true;
    }
  }
  return false;
}

// How many arcs separate token `i` from the root: the main clause's verb is shallowest.
int Depth(const SentenceView& view, size_t i) {
  int depth = 0;
  for (int h = view.head(i); h >= 0 && depth < static_cast<int>(view.size()); h = view.head(h)) ++depth;
  return depth;
}
}  // namespace

const std::vector<lexicon::VerbRef>* Coder::FindVerb(const SentenceView& view, size_t v, std::string& upper) const {
  // TABARI and PETRARCH-1 list the forms they mean ("LEFT_ [032:033]" is not LEAVE [012]): the
  // form and its stem come before the lemma there; the other formats are keyed by lemma.
  const bool linear = dicts_->verbs.format == lexicon::VerbFormat::kTabari ||
                      dicts_->verbs.format == lexicon::VerbFormat::kPetrarch1;
  const std::vector<lexicon::VerbRef>* refs = nullptr;
  if (linear) {
    upper = UpperCopy(view.Form(v));
    refs = dicts_->verbs.Find(upper);
    if (refs == nullptr) refs = FindVerbStem(dicts_->verbs, upper);
    if (refs != nullptr) return refs;
  }
  upper = UpperCopy(view.Lemma(v));
  refs = dicts_->verbs.Find(upper);
  if (refs == nullptr) {
    upper = UpperCopy(view.Form(v));
    refs = dicts_->verbs.Find(upper);
  }
  if (refs == nullptr) refs = FindVerbStem(dicts_->verbs, upper);  // linear formats only
  if (refs == nullptr) refs = FindByInflection(dicts_->verbs, upper);
  return refs;
}

Coder::Coder(std::shared_ptr<const lexicon::DictionarySet> dicts, CoderOptions options)
    : dicts_(std::move(dicts)),
      options_(options),
      verbs_(dicts_->verbs, vocabulary_,
             VerbMatcherRules{.nested_prep_phrases = IsPeerSpec(dicts_->spec),
                              .own_arguments_only = !IsPeerSpec(dicts_->spec),
                              .subject_prep_phrases = dicts_->spec.starts_with("up:"),
                              .nominal_heads = dicts_->spec.starts_with("up:")}),
      discards_(dicts_->discards, verbs_, vocabulary_),
      linear_(dicts_->verbs),
      dyad_rules_(!IsPeerSpec(dicts_->spec)),
      universal_rules_(dicts_->spec.starts_with("up:")),
      complexity_(ParseComplexity(dicts_->tabari_options)) {}

StatusOr<std::unique_ptr<Coder>> Coder::Create(std::shared_ptr<const lexicon::DictionarySet> dictionaries,
                                               CoderOptions options) {
  if (!dictionaries) return InvalidArgumentError("Coder::Create: no dictionaries");
  if (dictionaries->verbs.blocks.empty()) {
    return FailedPreconditionError(dictionaries->spec + ": the verb dictionary is empty");
  }
  std::unique_ptr<Coder> coder(new Coder(std::move(dictionaries), options));
  // A code that may give an event: CodeSentence drops "---", "###", "+++" and passive-only
  // codes; an ontology (UniversalPetrarch) may negate any code but "---".
  const bool ontology = !coder->dicts_->ontology.empty();
  auto may_code = [ontology](const lexicon::EventCode& c) {
    if (ontology) return !c.IsNull();
    return !c.active.empty() && c.active != "---" && c.active != "###" && c.active != "+++";
  };
  for (const lexicon::VerbBlock& block : coder->dicts_->verbs.blocks) {
    bool codes = may_code(block.code);
    for (const lexicon::VerbEntry& e : block.verbs) codes |= may_code(e.code);
    for (const lexicon::VerbPattern& p : block.patterns) codes |= may_code(p.code);
    coder->block_codes_.push_back(codes);
  }
  const std::string& spec = coder->dicts_->spec;
  const bool tabari = spec.starts_with("tabari:");
  coder->actors_.Build(&coder->dicts_->actors, &coder->dicts_->agents, coder->vocabulary_,
                       ActorMatchRules{.stems = !spec.starts_with("petrarch2:") && !spec.starts_with("up:"),
                                       .noun_endings = tabari,
                                       .gaps = tabari});
  return coder;
}

bool Coder::IsDiscarded(const SentenceWords& words, std::string* phrase) const {
  int d = discards_.Find(words);
  if (d < 0) return false;
  *phrase = dicts_->discards.Where(dicts_->discards.discards[d].where);
  return true;
}

bool Coder::ComposeActor(const model::Document& doc, Workspace& ws, uint32_t begin, uint32_t end,
                         Participant* p, AgentParts* agents) const {
  const model::Date date = CodingDate(doc);
  std::string actor_code, parenthesized;
  std::pair<uint32_t, uint32_t> parenthesized_range;
  std::string prefix, suffix;
  uint32_t first = end, last = begin;
  for (uint32_t t = begin; t < end; ++t) {
    int m = ws.match_at[t];
    if (m < 0) continue;
    const ActorMatcher::Match& match = ws.matches[m];
    if (match.begin != t) continue;
    if (match.kind == ActorMatcher::Kind::kActor) {
      const lexicon::Actor& actor = dicts_->actors.actors[match.index];
      const lexicon::DatedCode* dated = lexicon::ActorDictionary::CodeFor(actor, date);
      std::string_view code = dated != nullptr ? std::string_view(dated->code)
                              : dyad_rules_    ? lexicon::ActorDictionary::CommonCountry(actor)
                                               : std::string_view();
      if (code.empty()) continue;
      if (dyad_rules_ && IsRelationsPossessor(ws.view, match.end - 1)) continue;
      // An abbreviation in parentheses restates the name before it ("Municipality Association
      // (AKK)"); it codes the phrase only when that name is unknown.
      if (dyad_rules_ && match.begin > begin && match.end < end && ws.forms[match.begin - 1] == "(" &&
          ws.forms[match.end] == ")") {
        if (parenthesized.empty()) {
          parenthesized = code;
          parenthesized_range = {match.begin, match.end};
        }
        continue;
      }
      // A person's full code (IRNGOV...) outranks a bare country named in the same phrase.
      if (actor_code.empty() || code.size() > actor_code.size()) actor_code = code;
    } else {
      const lexicon::Agent& agent = dicts_->agents.agents[match.index];
      if (agent.prefix) {
        if (prefix.empty()) prefix = agent.code;
      } else if (suffix.empty()) {
        suffix = agent.code;
      }
    }
    first = std::min(first, match.begin);
    last = std::max(last, match.end);
  }
  if (actor_code.empty() && !parenthesized.empty()) {
    actor_code = parenthesized;
    first = std::min(first, parenthesized_range.first);
    last = std::max(last, parenthesized_range.second);
  }
  if (agents != nullptr) {
    agents->prefix = prefix;
    agents->suffix = suffix;
  }
  // A phrase with agents but no actor ("police", "airstrikes") names no one dyad can code, unless
  // it is the subject of a verb that has no other source: "Riot police dispersed the crowd" -> COP.
  if (actor_code.empty() && ws.agent_only && !suffix.empty()) {
    actor_code = suffix;
    suffix.clear();
    p->agent_only = true;
  } else if (actor_code.empty() && options_.convert_agents && (!prefix.empty() || !suffix.empty())) {
    actor_code = prefix + suffix;
    prefix.clear();
    suffix.clear();
    p->agent_only = true;
  }
  if (actor_code.empty()) return false;
  // The story's own title outranks a dictionary that has the person out of office:
  // "Defence Minister X" is coded as a minister even where X's dated codes say ELI.
  if (dyad_rules_ && actor_code.size() == 6 && actor_code.ends_with("ELI") && !suffix.empty() && suffix != "ELI") {
    actor_code.resize(3);
  }
  p->code = WithAgents(actor_code, AgentParts{prefix, suffix});
  p->actor = std::move(actor_code);
  p->begin = first;
  p->end = last;
  return true;
}

std::string Coder::WithAgents(const std::string& actor, const AgentParts& agents) {
  // An agent the actor's code already carries is not added again: "human rights activists [NGM~]
  // Amnesty International [NGM]" is NGM.
  std::string code = actor.starts_with(agents.prefix) ? actor : agents.prefix + actor;
  // An actor that already carries a role keeps it; a bare country takes the agent's.
  if (actor.size() <= 3) code += agents.suffix;
  return code;
}

std::string_view Coder::BareCountryAt(const model::Document& doc, const Workspace& ws, uint32_t t) const {
  const model::Date date = CodingDate(doc);
  int m = ws.match_at[t];
  if (m < 0 || ws.matches[m].kind != ActorMatcher::Kind::kActor) return {};
  const lexicon::DatedCode* code = lexicon::ActorDictionary::CodeFor(dicts_->actors.actors[ws.matches[m].index], date);
  if (code == nullptr || code->code.size() != 3) return {};
  return code->code;
}

bool Coder::SplitCoordinatedModifier(const model::Document& doc, const Workspace& ws, uint32_t head,
                                     const Participant& p, std::vector<Participant>& out) const {
  const SentenceView& view = ws.view;
  auto country_at = [&](uint32_t t) { return BareCountryAt(doc, ws, t); };
  for (uint32_t c : view.Children(head)) {
    if (view.role(c) != Role::kCompound && view.role(c) != Role::kAmod) continue;
    std::string_view first = country_at(c);
    if (first.empty() || !p.code.starts_with(first)) continue;
    const std::string agent = p.code.substr(3);
    const size_t before = out.size();
    for (uint32_t k : view.Children(c)) {
      std::string_view other = country_at(k);
      if (view.role(k) != Role::kConj || other.empty() || other == first) continue;
      if (out.size() == before) out.push_back(p);
      Participant q = p;
      q.code = std::string(other) + agent;
      out.push_back(std::move(q));
    }
    if (out.size() > before) return true;
  }
  return false;
}

std::string Coder::ResidenceCountry(const model::Document& doc, const Workspace& ws, uint32_t head) const {
  const SentenceView& view = ws.view;
  auto country_at = [&](uint32_t t) {
    std::string_view code = BareCountryAt(doc, ws, t);
    return model::IsIso3Country(code) ? std::string(code) : std::string();
  };
  // A plural noun the dictionary reads as a country: a people ("Albanians", "Kurds"), not a
  // country's name ("Philippines" is its own lemma).
  std::string_view form = view.Form(head), lemma = view.Lemma(head);
  const std::string people = country_at(head);
  if (people.empty() || !view.IsNominal(head) || form.size() <= lemma.size() || !form.starts_with(lemma) ||
      (form.back() != 's' && form.back() != 'S')) {
    return "";
  }
  // "Albanians in south Serbia", "the Albanians of southern Serbia", "ethnic Albanians in a
  // gunbattle in southeastern Serbia": a place one or two "in"/"of" modifiers down.
  auto is_place = [&](uint32_t c) {
    return view.role(c) == Role::kNominalMod && (EqualsLower(view.CaseOf(c), "in") || EqualsLower(view.CaseOf(c), "of"));
  };
  for (uint32_t c : view.Children(head)) {
    if (!is_place(c)) continue;
    std::string place = country_at(c);
    for (uint32_t d : view.Children(c)) {
      if (place.empty() && view.role(d) == Role::kNominalMod && EqualsLower(view.CaseOf(d), "in")) place = country_at(d);
    }
    if (!place.empty() && place != people) return place;
  }
  return "";
}

size_t Coder::Conjuncts(const SentenceView& view, uint32_t head, uint32_t* heads, size_t cap) {
  size_t count = 0;
  heads[count++] = head;
  for (size_t k = 0; k < count && count < cap; ++k) {
    // A run-on conjunct is part of its head's phrase (SentenceView::NounPhrase), but conjuncts
    // hung on it are still members of the list.
    uint32_t joined[16];
    size_t top = 0;
    joined[top++] = heads[k];
    while (top > 0) {
      for (uint32_t c : view.Children(joined[--top])) {
        if (view.role(c) != Role::kConj) continue;
        if (view.IsRunOnConjunct(c)) {
          if (top < 16) joined[top++] = c;
        } else if (count < cap) {
          heads[count++] = c;
        }
      }
    }
  }
  return count;
}

bool Coder::SearchModifiers(const model::Document& doc, Workspace& ws, uint32_t head, const AgentParts& inherited,
                            int depth, std::vector<Participant>& out) const {
  const SentenceView& view = ws.view;
  // UniversalPetrarch reads a noun phrase with the clauses that modify it: "memos sent by Bree",
  // "the roads leading into Mordor" name Bree and Mordor. In such a clause the phrases are the
  // verb's arguments.
  const bool clauses = universal_rules_;
  const bool clause = clauses && view.IsVerb(head);
  static constexpr Role kNounModifiers[] = {Role::kAppos, Role::kNominalMod};
  static constexpr Role kClauseArguments[] = {Role::kAgent, Role::kObject, Role::kOblique};
  const std::span<const Role> passes = clause ? std::span<const Role>(kClauseArguments) : kNounModifiers;
  // Appositions first ("Hossein Dehghan, Iran's defence minister"), then prepositional modifiers
  // in sentence order ("the presence of US troops", "a resumption of ties with Iran").
  for (Role wanted : passes) {
    for (uint32_t c : view.Children(head)) {
      if (view.role(c) != wanted) continue;
      // "The ambassadors of Arnor, Osgiliath and Gondor": each conjunct is a participant and
      // takes the head's agent (ambassadors ~GOV) when it names a bare country.
      uint32_t heads[16];
      size_t count = Conjuncts(view, c, heads, 16);
      const size_t before = out.size();
      for (size_t k = 0; k < count; ++k) {
        Participant p;
        p.head = heads[k];
        auto [b, e] = view.NounPhrase(heads[k]);
        if (!ComposeActor(doc, ws, b, e, &p)) continue;
        if (p.code.size() == 3) p.code = inherited.prefix + p.code + inherited.suffix;
        out.push_back(std::move(p));
      }
      if (out.size() > before) return true;
    }
  }
  if (depth + 1 >= kMaxModifierDepth) return false;
  for (uint32_t c : view.Children(head)) {
    const Role r = view.role(c);
    const bool phrase = std::find(passes.begin(), passes.end(), r) != passes.end();
    if (!phrase && !(clauses && r == Role::kAcl)) continue;
    if (SearchModifiers(doc, ws, c, inherited, depth + 1, out)) return true;
  }
  return false;
}

bool Coder::PronounAntecedent(const model::Document& doc, Workspace& ws, uint32_t pronoun, bool person,
                              Participant* p) const {
  const SentenceView& view = ws.view;
  const model::Date date = CodingDate(doc);
  // The nearest actor named before the pronoun in the same sentence ("Syria says it is willing"):
  // a person for he/she, anyone for it/they.
  for (size_t m = ws.matches.size(); m-- > 0;) {
    const ActorMatcher::Match& match = ws.matches[m];
    if (match.kind != ActorMatcher::Kind::kActor || match.end > pronoun) continue;
    const lexicon::DatedCode* code = lexicon::ActorDictionary::CodeFor(dicts_->actors.actors[match.index], date);
    if (code == nullptr || code->code.empty()) continue;
    bool proper_person = code->code.size() >= 6 && view.IsProperNoun(match.end - 1);
    if (person && !proper_person && dyad_rules_) continue;  // peers take any actor (TABARI)
    p->code = code->code;
    p->begin = pronoun;
    p->end = pronoun + 1;
    return true;
  }
  const std::string& antecedent = person ? ws.last_person : ws.last_group;
  if (antecedent.empty()) return false;
  p->code = antecedent;
  p->begin = pronoun;
  p->end = pronoun + 1;
  return true;
}

void Coder::ResolveActors(const model::Document& doc, Workspace& ws, uint32_t head,
                          std::vector<Participant>& out) const {
  const SentenceView& view = ws.view;
  // The head and its coordinated conjuncts.
  uint32_t heads[16];
  const size_t count = Conjuncts(view, head, heads, 16);
  const size_t first = out.size();
  size_t head_end = first;  // out[first, head_end): the participants of the first conjunct
  for (size_t k = 0; k < count; ++k) {
    if (k == 1) head_end = out.size();
    uint32_t h = heads[k];
    Participant p;
    p.head = h;
    auto [begin, end] = view.NounPhrase(h);
    AgentParts agents;
    if (ComposeActor(doc, ws, begin, end, &p, &agents)) {
      if (dyad_rules_ && p.code.size() == 3) {
        std::string residence = ResidenceCountry(doc, ws, h);
        if (!residence.empty()) p.code = std::move(residence);
      }
      if (dyad_rules_ && SplitCoordinatedModifier(doc, ws, h, p, out)) continue;
      out.push_back(std::move(p));
      continue;
    }
    // "Hossein Dehghan, Iran's defence minister", "the presence of US troops", "welcomed a
    // resumption of ties with Iran": look into appositions and prepositional modifiers, a few
    // levels deep.
    if (SearchModifiers(doc, ws, h, agents, 0, out)) continue;
    bool person = false;
    if (IsPersonalPronoun(view.Form(h), &person) && PronounAntecedent(doc, ws, h, person, &p)) {
      out.push_back(std::move(p));
      continue;
    }
    // UniversalPetrarch: a conjunct of agents alone shares the actors of the first: "Danish media
    // and government" is DNKMED and DNKGOV, "lawmakers and officials in Arnor" ARNLEG and ARNGOV.
    if (k == 0 || (agents.prefix.empty() && agents.suffix.empty()) ||
        !universal_rules_) {
      continue;
    }
    for (size_t i = first; i < head_end; ++i) {
      Participant shared = out[i];
      shared.head = h;
      shared.code = WithAgents(shared.actor, agents);
      out.push_back(std::move(shared));
    }
  }
  if (dyad_rules_ && out.size() > first) AppendListContinuation(doc, ws, out);
}

void Coder::AppendListContinuation(const model::Document& doc, Workspace& ws, std::vector<Participant>& out) const {
  const SentenceView& view = ws.view;
  uint32_t t = out.back().end;
  while (t < view.size()) {
    std::string_view f = view.Form(t);
    if (f == "," || EqualsLower(f, "and") || EqualsLower(f, "or")) {
      ++t;
      continue;
    }
    int m = ws.match_at[t];
    if (m < 0 || ws.matches[m].kind != ActorMatcher::Kind::kActor || ws.matches[m].begin != t) return;
    const uint32_t h = ws.matches[m].end - 1;
    if (view.role(h) != Role::kConj) return;
    for (const Participant& q : out) {
      if (h >= q.begin && h < q.end) return;
    }
    Participant p;
    p.head = h;
    auto [begin, end] = view.NounPhrase(h);
    if (begin < t || !ComposeActor(doc, ws, begin, end, &p)) return;
    // "in Tehran, Iran" names one place, not two actors.
    if (p.code.compare(0, 3, out.back().code, 0, 3) == 0) return;
    t = p.end;
    out.push_back(std::move(p));
  }
}

void Coder::ResolveMention(const model::Document& doc, Workspace& ws, const ActorMatcher::Match& m,
                           std::vector<Participant>& out) const {
  const SentenceView& view = ws.view;
  // The mention's own head, then up through the words that only modify a noun ("British" in
  // "British Defence Secretary", "Iran" in "Iran's minister"), so the whole phrase is read.
  int h = static_cast<int>(m.end) - 1;
  for (uint32_t t = m.begin; t < m.end; ++t) {
    int head = view.head(t);
    if (head < static_cast<int>(m.begin) || head >= static_cast<int>(m.end)) h = static_cast<int>(t);
  }
  for (int hops = 0; hops < 4 && view.head(h) >= 0 && view.IsNominal(view.head(h)); ++hops) {
    Role r = view.role(h);
    bool modifier = r == Role::kCompound || r == Role::kAmod || r == Role::kPossessive ||
                    (r == Role::kNominalMod && view.CaseOf(h).empty()) || view.IsRunOnConjunct(h);
    if (!modifier) break;
    h = view.head(h);
  }
  ResolveActors(doc, ws, static_cast<uint32_t>(h), out);
}

int Coder::SubjectOf(const SentenceView& view, size_t verb) const {
  // Climb through conjoined, infinitival and participial verbs to the clause with a subject.
  size_t v = verb;
  for (int hops = 0; hops < 8; ++hops) {
    int s = view.ChildWithRole(v, Role::kSubject);
    if (s < 0) s = view.ChildWithRole(v, Role::kPassiveSubject);
    if (s >= 0) {
      // "Trump, who has often accused Tehran": the relative pronoun stands for the noun.
      if (IsRelativePronoun(view.Form(s))) {
        if (view.role(v) == Role::kRelcl && view.head(v) >= 0) return view.head(v);
        // Parsers often attach the clause elsewhere; the antecedent is the noun just before
        // ", who".
        int k = s - 1;
        while (k >= 0 && view.role(k) == Role::kPunct) --k;
        if (k >= 0 && view.IsNominal(k)) return k;
      }
      if (v != verb && view.role(verb) == Role::kXcomp) {
        // Object control: "urged Iran to ..." -> Iran.
        int obj = view.ChildWithRole(v, Role::kObject);
        if (obj >= 0) return obj;
      }
      return s;
    }
    Role r = view.role(v);
    if (view.head(v) < 0) return -1;
    if (r == Role::kConj || r == Role::kXcomp || r == Role::kAdvcl) {
      v = static_cast<size_t>(view.head(v));
      continue;
    }
    if (r == Role::kAcl && view.IsNominal(view.head(v))) return view.head(v);
    return -1;
  }
  return -1;
}

void Coder::ResetView(const model::Document& doc, size_t index, Workspace& ws) const {
  ws.view.Reset(doc, doc.Tokens(doc.sentences[index]), universal_rules_);
}

void Coder::PrepareSentence(const model::Document& doc, size_t index, Workspace& ws, bool find_actors) const {
  auto tokens = doc.Tokens(doc.sentences[index]);
  ResetView(doc, index, ws);
  ws.words.Reset(ws.view, vocabulary_);
  const size_t n = tokens.size();
  ws.forms.resize(n);
  for (size_t i = 0; i < n; ++i) ws.forms[i] = doc.Form(tokens[i]);
  if (!find_actors) return;
  ws.matches.clear();
  actors_.FindAll(ws.forms, ws.words, ws.matches);
  if (dicts_->verbs.format == lexicon::VerbFormat::kTabari) {
    // TABARI reads an actor whose code on the story's date is null ("[--- <950630]") as plain
    // words: it is no participant, and the next actor may be.
    const model::Date date = CodingDate(doc);
    std::erase_if(ws.matches, [&](const ActorMatcher::Match& m) {
      if (m.kind != ActorMatcher::Kind::kActor) return false;
      const lexicon::DatedCode* code = lexicon::ActorDictionary::CodeFor(dicts_->actors.actors[m.index], date);
      return code != nullptr && code->code == "---";
    });
  }
  ws.dropped.assign(n, false);
  if (dicts_->verbs.format == lexicon::VerbFormat::kTabari && options_.comma_clauses) LinearCommaClauses(ws);
  ws.match_at.assign(n, -1);
  for (size_t m = 0; m < ws.matches.size(); ++m) {
    for (uint32_t t = ws.matches[m].begin; t < ws.matches[m].end; ++t) ws.match_at[t] = static_cast<int>(m);
  }
}

std::string Coder::CodePhrase(const model::Document& doc, size_t index, uint32_t begin, uint32_t end,
                              Workspace& ws) const {
  if (index >= doc.sentences.size() || end > doc.sentences[index].size() || begin >= end) return "";
  PrepareSentence(doc, index, ws);
  Participant p;
  return ComposeActor(doc, ws, begin, end, &p) ? p.code : "";
}

size_t Coder::ParticipantBound(const Workspace& ws) const {
  size_t bound = ws.matches.size();
  if (ws.last_person.empty() && ws.last_group.empty()) return std::min<size_t>(bound, 2);
  bool person = false;
  for (size_t i = 0; i < ws.forms.size() && bound < 2; ++i) bound += IsPersonalPronoun(ws.forms[i], &person);
  return std::min<size_t>(bound, 2);
}

size_t Coder::ParticipantsPerEvent() const {
  // dyad's rules keep an event with no target; the linear formats' "[A/B]" codes name two actors
  // in one phrase, and converted agents take their target's country.
  return dyad_rules_ || !options_.require_target || options_.convert_agents || IsLinearFormat(dicts_->verbs) ? 1 : 2;
}

bool Coder::HasDictionaryVerb(const Workspace& ws) const {
  if (IsLinearFormat(dicts_->verbs)) {
    for (size_t v = 0; v < ws.view.size(); ++v) {
      if (LinearVerbCandidate(ws, v)) return true;
    }
    return false;
  }
  // "X said Y must withdraw" gives SAY, a verb with no code, the code of a demand.
  bool must = false;
  for (std::string_view form : ws.forms) must |= dyad_rules_ && EqualsLower(form, "must");
  std::string upper;
  for (size_t v = 0; v < ws.view.size(); ++v) {
    if (!ws.view.IsVerb(v)) continue;
    const std::vector<lexicon::VerbRef>* refs = FindVerb(ws.view, v, upper);
    if (refs == nullptr) continue;
    if (must) return true;
    for (const lexicon::VerbRef& ref : *refs) {
      if (block_codes_[ref.block]) return true;
    }
  }
  return false;
}

void Coder::CodeSentence(const model::Document& doc, size_t index, Workspace& ws,
                         std::vector<model::Event>& out, SentenceTrace* trace) const {
  const model::Sentence& sentence = doc.sentences[index];
  auto tokens = doc.Tokens(sentence);
  SentenceView& view = ws.view;
  const size_t n = tokens.size();
  if (trace != nullptr) {
    const model::Date date = CodingDate(doc);
    for (const auto& m : ws.matches) {
      SentenceTrace::Mention tm{m.begin, m.end, m.kind == ActorMatcher::Kind::kAgent, "", ""};
      if (m.kind == ActorMatcher::Kind::kActor) {
        const auto& actor = dicts_->actors.actors[m.index];
        const lexicon::DatedCode* code = lexicon::ActorDictionary::CodeFor(actor, date);
        tm.code = code ? code->code : "(no code for the date)";
        tm.where = dicts_->actors.Where(actor.where);
      } else {
        const auto& agent = dicts_->agents.agents[m.index];
        tm.code = agent.prefix ? agent.code + "~" : "~" + agent.code;
        tm.where = dicts_->agents.Where(agent.where);
      }
      trace->mentions.push_back(std::move(tm));
    }
  }

  std::string discard;
  if (IsDiscarded(ws.words, &discard) || VoidingActor(*dicts_, doc, ws, &discard) ||
      (dicts_->verbs.format == lexicon::VerbFormat::kTabari && LinearTooComplex(ws, &discard))) {
    if (trace != nullptr) trace->discarded = discard;
    return;
  }

  const size_t first_event = out.size();
  ws.targetless.clear();
  std::vector<bool>& coded = ws.coded;
  coded.assign(n, false);
  std::vector<bool>& held_back = ws.held_back;
  held_back.assign(n, false);
  std::vector<Participant> sources, targets;
  std::string upper;
  // TABARI's own rules (a peer's behaviour, for the linear formats): verbs by the dictionary, the
  // first coded verb of each clause, no syntactic negation (the patterns handle "not").
  const bool linear_format = dicts_->verbs.format == lexicon::VerbFormat::kTabari ||
                             dicts_->verbs.format == lexicon::VerbFormat::kPetrarch1;
  const bool universal = universal_rules_;
  std::vector<uint32_t> clause;
  std::vector<bool> clause_done;
  std::vector<std::pair<uint32_t, model::Event>> weak_events;  // (clause, event) of "[code?]" verbs
  std::vector<std::pair<uint32_t, std::string>> protests;       // (verb, code) of protest verbs
  if (linear_format) {
    LinearClauses(ws, clause);
    clause_done.assign(n == 0 ? 0 : clause.back() + 1, false);
  }
  for (size_t v = 0; v < n; ++v) {
    if (linear_format ? !LinearVerbCandidate(ws, v) : !view.IsVerb(v)) continue;
    if (linear_format && clause_done[clause[v]]) continue;
    const std::vector<lexicon::VerbRef>* refs = FindVerb(view, v, upper);
    if (refs == nullptr) continue;
    // The most specific surface that is present: multi-word verbs before single words.
    const lexicon::VerbEntry* entry = nullptr;
    const lexicon::VerbBlock* block = nullptr;
    auto pick_entry = [&] {
      size_t best_parts = 0;
      for (const lexicon::VerbRef& ref : *refs) {
        const lexicon::VerbBlock& b = dicts_->verbs.blocks[ref.block];
        const lexicon::VerbEntry& e = b.verbs[ref.verb];
        size_t parts = e.lemma.before.size() + e.lemma.after.size();
        if (e.lemma.no_endings && UpperCopy(view.Form(v)) != e.lemma.verb) continue;  // "BAN=": not "baning"
        if ((entry == nullptr || parts > best_parts) && verbs_.SurfaceMatches(view, v, e.lemma)) {
          entry = &e;
          block = &b;
          best_parts = parts;
        }
      }
    };
    pick_entry();
    // A form listed only in a multi-word verb ("CALLED_ON") that is not all present here is
    // still a form of its stem: "called for" is CALL.
    if (entry == nullptr && linear_format) {
      upper = UpperCopy(view.Form(v));
      refs = FindVerbStem(dicts_->verbs, upper);
      if (refs != nullptr) pick_entry();
    }
    if (entry == nullptr) continue;

    SentenceTrace::Verb* tv = nullptr;
    if (trace != nullptr) {
      trace->verbs.push_back({static_cast<uint32_t>(v), std::string(view.Lemma(v)), block->name, {}, ""});
      tv = &trace->verbs.back();
    }
    auto outcome = [&](std::string text) {
      if (tv != nullptr) tv->outcome = std::move(text);
    };

    if (!linear_format && (view.role(v) == Role::kXcomp || (dyad_rules_ && IsPurposeClause(view, v))) &&
        view.head(v) >= 0 && coded[view.head(v)]) {
      // Its own purpose and infinitive clauses belong to the same action ("sent troops to help
      // defend Saudi Arabia": neither "help" nor "defend" is an event).
      if (dyad_rules_) coded[v] = true;
      outcome("deferred to the governing verb");
      continue;
    }
    // An infinitive purpose clause is part of its verb's action even when that action has no
    // target ("blocked roads to press their demands"); a participle may tell an event of its own
    // ("Iran denies this, blaming US troops").
    if (dyad_rules_ && view.head(v) >= 0 && held_back[view.head(v)] && IsPurposeClause(view, v) &&
        !view.Form(v).ends_with("ing")) {
      outcome("deferred to the governing verb, which has no target");
      continue;
    }
    if (dyad_rules_ && IsPossessedParticiple(view, v)) {
      outcome("a participle with a possessor modifies a noun ('Jordan's visiting king'), no event");
      continue;
    }
    if (dyad_rules_ && IsReason(view, v)) {
      coded[v] = true;  // nor are its infinitives
      outcome("reason ('for'), not an event of its own");
      continue;
    }
    if (dyad_rules_ && IsCondition(view, v)) {
      coded[v] = true;  // nor are its infinitives ("unless the president agrees to step down")
      outcome("condition ('if', 'unless'), not an event that happened");
      continue;
    }
    if (!linear_format && (view.role(v) == Role::kXcomp || view.role(v) == Role::kCcomp) && view.head(v) >= 0 &&
        IsNonFactive(view.Lemma(view.head(v)))) {
      if (dyad_rules_) coded[v] = true;  // nor is its purpose ("considering sending aid to help")
      outcome(fmt::format("complement of '{}': not an event that happened", view.Lemma(view.head(v))));
      continue;
    }
    if (dyad_rules_ && HasMust(view, v)) {
      outcome("demanded ('must'), not done");
      continue;
    }
    // UniversalPetrarch codes a negated verb by its ontology (coding_ontology.h) once the pattern
    // has chosen the code; everyone else drops it.
    const bool negated = !linear_format && !options_.code_negated && view.IsNegated(v);
    const bool negate_by_ontology = negated && !dicts_->ontology.empty();
    // An announced action that is negated ("will not release the prisoners") is a refusal.
    const bool refused = negated && dyad_rules_ && !negate_by_ontology && IsIntended(view, v);
    if (negated && !negate_by_ontology && !refused) {
      outcome("negated");
      continue;
    }
    int subject = SubjectOf(view, v);
    PatternMatch match;
    LinearMatch linear;  // TABARI / PETRARCH-1 blocks: slots bind the source and target
    if (linear_format) {
      linear = linear_.Match(view, v, ws.matches, ws.match_at, *block);
    } else {
      match = verbs_.Match(view, ws.words, v, subject, *block, tv ? &tv->trials : nullptr);
    }
    const lexicon::EventCode* chosen =
        linear.pattern ? &linear.pattern->code : match.pattern ? &match.pattern->code : &entry->code;
    // A speech verb whose pattern found its words in a complement clause with a verb of its own
    // leaves the event to that clause: "announced it would prohibit aid" is no announcement of
    // aid (070).
    if (dyad_rules_ && entry->code.IsNull() && match.pattern != nullptr && IsSpeechVerb(view.Lemma(v))) {
      bool clause_verb = false;
      std::string clause_upper;
      auto listed_verb = [&](uint32_t w) { return view.IsVerb(w) && FindVerb(view, w, clause_upper) != nullptr; };
      for (uint32_t c : view.Children(v)) {
        if (!IsComplementClause(view, c)) continue;
        clause_verb |= listed_verb(c);
        // "announced it is prepared to impose martial law": the clause's verb is an infinitive.
        for (uint32_t x : view.Children(c)) clause_verb |= view.role(x) == Role::kXcomp && listed_verb(x);
      }
      if (clause_verb) {
        outcome("its complement clause carries the event");
        continue;
      }
    }
    // A verb with no event of its own ("said", "declared") over a "must" clause demands that
    // clause's action of its subject: "France said Iraq must cooperate" -> FRA 100 IRQ.
    static const lexicon::EventCode kDemand{"100", "", false, false, false};
    if (dyad_rules_ && chosen->IsNull() && !linear.pattern) {
      int clause = DemandedClause(view, v);
      int demanded = clause < 0 ? -1 : view.ChildWithRole(clause, Role::kSubject);
      if (demanded >= 0) {
        chosen = &kDemand;
        match.target_token = demanded;
      }
    }
    lexicon::EventCode negated_code;
    if (refused) {
      negated_code.active = chosen->IsNull() ? "" : RefusalCode(chosen->active);
      if (negated_code.active.empty()) {
        outcome("negated");
        continue;
      }
      chosen = &negated_code;
    }
    if (negate_by_ontology && !chosen->IsNull()) {
      // UniversalPetrarch reads "active:passive" codes as no number, so they have no negation.
      negated_code.active = chosen->has_passive ? "" : dicts_->ontology.Negated(chosen->active);
      if (negated_code.active.empty()) {
        outcome(fmt::format("negated [{}]: the ontology has no opposite code", chosen->ToString()));
        continue;
      }
      chosen = &negated_code;
    }
    const lexicon::EventCode& code = *chosen;
    if (VoidsSentence(dicts_->verbs, code)) {
      out.resize(first_event);
      outcome(fmt::format("[{}] voids the sentence", code.ToString()));
      return;
    }
    if (code.active.empty() || code.active == "---" || code.active == "###" || code.active == "+++") {
      // A pattern that matched to say "no event" ends its clause.
      if (linear_format && linear.pattern != nullptr) clause_done[clause[v]] = true;
      outcome(fmt::format("null code [{}]", code.ToString()));
      continue;
    }
    const bool passive = view.IsPassive(v);

    sources.clear();
    targets.clear();
    // The linear formats read their participants by word order (coder_linear.cc), the others
    // from the parse; a pattern slot that holds no actor falls back to the syntactic choice.
    if (linear_format) LinearRoles(doc, ws, v, clause, linear, sources, targets);
    if (match.source_token >= 0) ResolveActors(doc, ws, static_cast<uint32_t>(match.source_token), sources);
    int source_head = -1;
    if (sources.empty() && !linear_format) {
      if (passive) {
        int agent = view.ChildWithRole(v, Role::kAgent);
        if (agent < 0) {
          for (uint32_t c : view.Children(v)) {
            if (view.role(c) == Role::kOblique && IsBy(view.CaseOf(c))) agent = static_cast<int>(c);
          }
        }
        source_head = agent;
      } else {
        source_head = subject;
      }
    }
    if (source_head >= 0) ResolveActors(doc, ws, static_cast<uint32_t>(source_head), sources);
    if (sources.empty() && passive && universal) {
      // UniversalPetrarch: a passive with no "by" phrase takes as source the first of its phrases
      // after the verb that names an actor ("was criticized over its dispute with X" -> X).
      for (uint32_t c : view.Children(v)) {
        if (c < v || view.role(c) != Role::kOblique) continue;
        ResolveActors(doc, ws, c, sources);
        if (!sources.empty()) break;
      }
    }

    if (match.target_token >= 0) ResolveActors(doc, ws, static_cast<uint32_t>(match.target_token), targets);
    int target_head = -1;
    if (targets.empty() && !linear_format) {
      if (passive) {
        target_head = view.ChildWithRole(v, Role::kPassiveSubject);
        if (target_head < 0 && subject >= 0 && view.role(v) != Role::kRelcl) target_head = subject;
      } else {
        target_head = dyad_rules_ && IsMisreadMainVerb(view, v) ? view.head(v) : view.ChildWithRole(v, Role::kObject);
      }
    }
    if (target_head >= 0) ResolveActors(doc, ws, static_cast<uint32_t>(target_head), targets);
    // UniversalPetrarch reads a "to" infinitive as part of its verb's phrase: "signed an accord to
    // supply Gondor", "vowed to wage war on the Rohans" act on Gondor and the Rohans.
    uint32_t phrase_verbs[8] = {static_cast<uint32_t>(v)};
    size_t phrase_verb_count = 1;
    if (universal) {
      for (uint32_t c : view.Children(v)) {
        if (phrase_verb_count < 8 && IsToInfinitive(view, c)) phrase_verbs[phrase_verb_count++] = c;
      }
    }
    for (size_t k = 1; k < phrase_verb_count && targets.empty() && !passive; ++k) {
      int object = view.ChildWithRole(phrase_verbs[k], Role::kObject);
      if (object >= 0) ResolveActors(doc, ws, static_cast<uint32_t>(object), targets);
    }
    // UniversalPetrarch pairs a compound subject matched by a '%' pattern before it looks for a
    // target elsewhere ("Gondor and Osgiliath delayed their meeting after ...").
    const bool paired = universal && targets.empty() && sources.size() >= 2 && match.pattern != nullptr &&
                        HasCompoundSlot(*match.pattern);
    if (targets.empty() && !linear_format && !paired) {
      // Obliques in order of preference: "against X", "with X", "to X"... UniversalPetrarch takes
      // the first phrase after the verb that names an actor, whatever its preposition.
      int best_rank = 1000;
      for (size_t k = 0; k < phrase_verb_count; ++k) {
        for (uint32_t c : view.Children(phrase_verbs[k])) {
          if (view.role(c) != Role::kOblique || (universal && c < v)) continue;
          int rank = universal ? 0 : TargetPrepRank(view.CaseOf(c));
          if (rank >= 0 && rank < best_rank) {
            std::vector<Participant> found;
            ResolveActors(doc, ws, c, found);
            if (!found.empty()) {
              best_rank = rank;
              targets = std::move(found);
            }
          }
        }
      }
    }

    // A phrase that resolves to the source itself is no target.
    auto is_source = [&](const Participant& t) {
      for (const Participant& s : sources) {
        if (s.code == t.code) return true;
      }
      return false;
    };
    // A verb with no target of its own acts on the subject of its complement clause: "demanded
    // that the US withdraw" -> the US, "warned that Iran would retaliate" -> Iran (dyad's rules
    // and UniversalPetrarch's).
    if (targets.empty() && (dyad_rules_ || universal) && !linear_format) {
      for (uint32_t c : view.Children(v)) {
        int clause_subject = IsComplementClause(view, c) ? view.ChildWithRole(c, Role::kSubject) : -1;
        if (clause_subject < 0) continue;
        ResolveActors(doc, ws, static_cast<uint32_t>(clause_subject), targets);
        std::erase_if(targets, is_source);
        if (!targets.empty()) break;
      }
    }

    // The parse often misses the subject or the target (a misattached compound, an actor deep in
    // an oblique). Fall back to word order, as TABARI does: the source is the nearest actor named
    // before the verb, the target the first actor named after it inside the verb's subtree.
    auto overlaps = [](const ActorMatcher::Match& m, const std::vector<Participant>& ps) {
      for (const Participant& p : ps) {
        if (m.begin < p.end && p.begin < m.end) return true;
      }
      return false;
    };
    // An infinitive modifying a noun ("an accord to boost ties") has no subject of its own to
    // guess by word order.
    const bool noun_modifier = (view.role(v) == Role::kAcl || view.role(v) == Role::kAmod) &&
                               !(dyad_rules_ && IsMisreadMainVerb(view, v));
    if (sources.empty() && !linear_format && dyad_rules_ && !noun_modifier) {
      for (size_t m = ws.matches.size(); m-- > 0 && sources.empty();) {
        const ActorMatcher::Match& mm = ws.matches[m];
        if (mm.kind != ActorMatcher::Kind::kActor || mm.end > v || overlaps(mm, targets)) continue;
        ResolveMention(doc, ws, mm, sources);
      }
    }
    if (targets.empty() && !linear_format && !paired) {
      for (size_t m = 0; m < ws.matches.size() && targets.empty(); ++m) {
        const ActorMatcher::Match& mm = ws.matches[m];
        if (mm.kind != ActorMatcher::Kind::kActor || mm.begin <= v || overlaps(mm, sources)) continue;
        if (!InClauseOf(view, mm.begin, v)) continue;
        ResolveMention(doc, ws, mm, targets);
        // A news agency found by word order is the story's attribution ("..., IRNA reported"),
        // not a participant.
        std::erase_if(targets, [](const Participant& t) { return t.code.size() >= 6 && t.code.compare(3, 3, "MED") == 0; });
        if (dyad_rules_) {
          std::erase_if(targets, [&](const Participant& t) { return IsReporter(view, t.head, v); });
        }
        std::erase_if(targets, is_source);
      }
    }

    // A compound subject acts on itself; a place it acts in ("Iran and Iraq signed an accord in
    // Baghdad") or one of its own members named in a complement ("Israel and Lebanon renewed talks
    // on an Israeli pullback") is no target.
    if (dyad_rules_ && sources.size() >= 2) {
      std::erase_if(targets,
                    [&](const Participant& t) { return EqualsLower(view.CaseOf(t.head), "in") || is_source(t); });
    }
    if (sources.empty() && dyad_rules_ && source_head >= 0) {
      ws.agent_only = true;
      ResolveActors(doc, ws, static_cast<uint32_t>(source_head), sources);
      ws.agent_only = false;
    }
    if (sources.empty()) {
      outcome("no source actor");
      continue;
    }
    const std::string pattern_where = linear.pattern  ? dicts_->verbs.Where(linear.pattern->where)
                                      : match.pattern ? dicts_->verbs.Where(match.pattern->where)
                                                      : dicts_->verbs.Where(entry->where);
    auto emit = [&](const Participant& s, const Participant& t, const std::string& cameo) {
      model::Event e;
      e.doc_id = doc.id;
      e.sentence = static_cast<uint32_t>(index);
      e.date = doc.date;
      e.pub_date = doc.date;
      auto fill = [&](const Participant& p, model::EventActor& a) {
        a.code = p.code;
        SplitActorCode(p.code, &a.country, &a.sector);
        const model::Token& first = tokens[p.begin];
        const model::Token& last = tokens[p.end - 1];
        a.start = first.start;
        a.end = last.end;
        a.text = doc.text.substr(first.start, last.end - first.start);
      };
      fill(s, e.source);
      if (!t.code.empty()) fill(t, e.target);
      e.cameo = cameo;
      model::AssignCameoAttributes(e);
      e.verb.text = std::string(doc.Text(tokens[v]));
      e.verb.lemma = std::string(view.Lemma(v));
      e.verb.start = tokens[v].start;
      e.verb.end = tokens[v].end;
      e.pattern = pattern_where;
      e.sentence_text = std::string(doc.Text(sentence));
      out.push_back(std::move(e));
    };

    // TABARI's "[023?]" (SAID, REPORT): the verb's event stands only when no other verb of its
    // clause is coded.
    const bool weak = linear_format && code.question;
    const size_t weak_from = out.size();
    const bool intended = dyad_rules_ && IsIntended(view, v);
    std::string active = intended ? IntentCode(code.active) : code.active;
    if (dyad_rules_ && !linear_format) {
      if (active.starts_with("14")) {
        protests.emplace_back(static_cast<uint32_t>(v), active);
      } else if (const std::string* protest = ProtestTopicOf(view, v, active, protests)) {
        active = *protest;
      }
    }
    const std::string passive_code = intended && code.has_passive ? IntentCode(code.passive) : code.passive;
    size_t before = out.size();
    if (!targets.empty()) {
      for (const Participant& named : sources) {
        for (const Participant& t : targets) {
          // Police, courts or troops with no country named act within their target's country:
          // "police arrested Egyptian protesters" -> EGYCOP.
          Participant s = named;
          if (s.agent_only && t.code.size() >= 3 && model::IsIso3Country(std::string_view(t.code).substr(0, 3))) {
            s.code = t.code.substr(0, 3) + s.code;
          }
          if (s.code == t.code) continue;
          emit(s, t, active);
          if (code.has_passive && !code.passive.empty() && code.passive != "---") emit(t, s, passive_code);
        }
      }
    } else if (sources.size() >= 2 && (linear_format ? linear.compound : !universal || paired || IsCooperation(active))) {
      // A compound subject without a target acts on itself: both directions (in the linear
      // formats only when a '%' slot says so).
      for (size_t a = 0; a < sources.size(); ++a) {
        for (size_t b = 0; b < sources.size(); ++b) {
          if (a != b && sources[a].code != sources[b].code) emit(sources[a], sources[b], active);
        }
      }
    } else if (!options_.require_target) {
      emit(sources.front(), Participant{}, active);
    } else if (dyad_rules_) {
      // Held back: an event without a target stands only for a sentence that has no dyadic one.
      emit(sources.front(), Participant{}, active);
      ws.targetless.push_back({Depth(view, v), std::move(out.back())});
      out.pop_back();
      held_back[v] = true;
      outcome("no target actor (kept if the sentence has no event with one)");
      continue;
    }
    if (out.size() == before) {
      outcome(targets.empty() ? "no target actor" : "source and target are the same actor");
      continue;
    }
    if (weak) {
      for (size_t k = weak_from; k < out.size(); ++k) weak_events.emplace_back(clause[v], std::move(out[k]));
      out.resize(weak_from);
      outcome("weak code: kept if no other verb of the clause is coded");
      continue;
    }
    coded[v] = true;
    if (linear_format) clause_done[clause[v]] = true;
    if (tv != nullptr) {
      std::string desc;
      for (size_t k = before; k < out.size(); ++k) {
        desc += fmt::format("{}{} {}->{}", desc.empty() ? "event " : ", ", out[k].cameo, out[k].source.code,
                            out[k].target.code.empty() ? "-" : out[k].target.code);
      }
      outcome(desc);
    }
  }
  for (auto& [c, event] : weak_events) {
    if (!clause_done[c]) out.push_back(std::move(event));
  }
  if (out.size() == first_event && !ws.targetless.empty()) {
    auto main_clause = std::min_element(ws.targetless.begin(), ws.targetless.end(),
                                        [](const auto& a, const auto& b) { return a.first < b.first; });
    out.push_back(std::move(main_clause->second));
    // With no target named, dyad's rules code the event as domestic, as PLOVER does ("Egyptian
    // demonstrators rioted" -> EGY -> EGY): the target is the source's country, with no text.
    model::Event& e = out.back();
    if (dyad_rules_ && !e.source.country.empty()) {
      e.target.code = e.target.country = e.source.country;
    }
  }

  // Remember the sentence's actors for pronouns in the sentences that follow.
  for (const auto& m : ws.matches) {
    if (m.kind != ActorMatcher::Kind::kActor) continue;
    const model::Date date = CodingDate(doc);
    const lexicon::DatedCode* code = lexicon::ActorDictionary::CodeFor(dicts_->actors.actors[m.index], date);
    if (code == nullptr) continue;
    bool proper_person = code->code.size() >= 6 && view.IsProperNoun(m.end - 1);
    (proper_person ? ws.last_person : ws.last_group) = code->code;
  }
}

void Coder::CodeDocument(const model::Document& doc, Workspace& ws, std::vector<model::Event>& out,
                         std::vector<SentenceTrace>* traces) const {
  ws.last_person.clear();
  ws.last_group.clear();
  if (traces != nullptr) traces->assign(doc.sentences.size(), SentenceTrace{});
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (doc.sentences[i].flags & model::Sentence::kNotProse) continue;
    PrepareSentence(doc, i, ws);
    CodeSentence(doc, i, ws, out, traces ? &(*traces)[i] : nullptr);
  }
}

void Coder::CodeDocument(model::Document& doc, Workspace& ws, const SentenceAnalyzer& analyze,
                         std::vector<model::Event>& out) const {
  ws.last_person.clear();
  ws.last_group.clear();
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    if (doc.sentences[i].flags & model::Sentence::kNotProse) continue;
    PrepareSentence(doc, i, ws);  // actor phrases match forms: the same matches as once tagged
    if (ParticipantBound(ws) == 0) continue;
    analyze(i, false);
    PrepareSentence(doc, i, ws, /*find_actors=*/false);  // lemmas now; the forms arena may have moved
    if (ParticipantBound(ws) >= ParticipantsPerEvent() && HasDictionaryVerb(ws)) {
      analyze(i, true);
      ResetView(doc, i, ws);  // parsing changes no form, lemma or match
    }
    CodeSentence(doc, i, ws, out, nullptr);
  }
}

}  // namespace dyad::coding
