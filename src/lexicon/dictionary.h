// In-memory form of the PETRARCH2, UniversalPetrarch, PETRARCH-1 and TABARI dictionaries.
//
// The loaders (loaders.h) read the authoring formats as users keep them and produce these plain
// structs; the coder compiles them into matchers over parsed sentences (tries over interned lemma and
// token ids). Nothing here matches text: the structs keep what each line of a dictionary says, with
// its file:line, plus the few expansions whose rules live in the old programs (regular verb forms,
// plurals, agent substitution sets, issue n:/v:/+ forms) so that every consumer sees them the same way.
// See doc/dictionaries.md for the syntax of each format and how it maps onto these fields.
//
// Case: every word is stored upper-cased (ASCII letters only; other UTF-8 bytes are kept as they are),
// as PETRARCH and TABARI compare upper-cased text. Matchers upper-case sentence forms the same way.
//
// Thread safety: plain values; const access from many threads is safe.
#ifndef DYAD_LEXICON_DICTIONARY_H_
#define DYAD_LEXICON_DICTIONARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/document.h"

namespace dyad::lexicon {

// Where a rule came from: an index into the owning dictionary's `files` and a 1-based line.
// Events carry it as provenance ("pattern": "CAMEO.2.0.txt:1234").
struct SourceLocation {
  uint32_t file = 0;
  uint32_t line = 0;
};

// A loader's complaint about one line: the line was skipped or read with a stated repair.
struct Diagnostic {
  std::string file;
  uint32_t line = 0;  // 0 = the file as a whole
  std::string message;
  std::string ToString() const;  // "file:line: message"
};

// One element of a pattern, phrase or synset member.
enum class WordKind : uint8_t {
  kWord,          // a literal word, upper-cased
  kSynset,        // &NAME: any member of the synset `text` (stored without '&' and trailing '_')
  kSource,        // $: the source actor goes here
  kTarget,        // +: the target actor goes here
  kSkip,          // ^: skip one noun phrase (TABARI: skip to the end of the next actor/phrase)
  kCompound,      // %: a compound actor that is both source and target
  kVerb,          // *: the verb itself (linear patterns only; PETRARCH2 splits at '*')
  kAlternatives,  // {A | B C}: TABARI / PETRARCH-1 disjunction, see `alternatives`
};

struct PatternWord {
  WordKind kind = WordKind::kWord;
  std::string text;  // kWord: the word; kSynset: the synset name
  // Written with a trailing '_' and a blank after it. TABARI/PETRARCH-1: match the whole word, no
  // stemming; synset members and PETRARCH2 verbs: no plural is generated; actors/agents: whole word.
  bool exact = false;
  // Joined to the next element by '_': the next word must follow immediately. Without it a blank
  // separates them, which in TABARI / PETRARCH-1 patterns lets other words intervene.
  bool joined = false;
  bool tilde = false;   // TABARI word ending in '~' (e.g. RECENT~_): see doc/dictionaries.md
  bool equals = false;  // TABARI word ending in '=' (e.g. BAN=): see doc/dictionaries.md
  std::vector<std::vector<PatternWord>> alternatives;  // kAlternatives only

  friend bool operator==(const PatternWord&, const PatternWord&) = default;
};
using WordSeq = std::vector<PatternWord>;

// An event code as written in [...]: "[042]", "[042:043]" (active:passive), "[:173]" (passive
// only), "[---]" null, "[###]" discard, "[+++]" complex, "[025?]" / "[031!]" (TABARI flags).
struct EventCode {
  std::string active;   // "" when only a passive code is given
  std::string passive;  // "" when none
  bool has_passive = false;
  bool question = false;  // trailing '?' (TABARI)
  bool bang = false;      // trailing '!' (TABARI)
  bool IsNull() const { return active == "---" && !has_passive; }
  std::string ToString() const;  // back to the bracket contents
  friend bool operator==(const EventCode&, const EventCode&) = default;
};

// ---------------------------------------------------------------------------------------------
// Verbs

struct SynsetMember {
  WordSeq words;          // consecutive words (PETRARCH2 joins with ' ' or '_'); may hold kSynset
  bool no_plural = false; // written with a trailing '_' (or the set's label ends in '_')
  uint32_t line = 0;
};

struct Synset {
  std::string name;       // without '&' and without a trailing '_'
  bool no_plural = false; // label written "&NAME_": no plurals for any member
  std::vector<SynsetMember> members;
  SourceLocation where;
};

// One surface form of a verb: "SAY", or a multi-word verb such as "+CALL_OFF" / "RE_+ARREST"
// where `verb` is the word the parser tags as the verb and the others are fixed words around it.
struct VerbSurface {
  std::vector<std::string> before;  // words that must precede the verb ("RE" in RE_+ARREST)
  std::string verb;                 // "CALL"
  std::vector<std::string> after;   // words that must follow it ("OFF" in +CALL_OFF)
  bool no_endings = false;          // TABARI "BAN=": the verb word takes no regular endings
  friend bool operator==(const VerbSurface&, const VerbSurface&) = default;
};

struct VerbEntry {
  VerbSurface lemma;                 // as written first on the line
  std::vector<VerbSurface> forms;    // irregular forms listed in {...}
  bool forms_listed = false;         // {...} present (even empty "{}"): no regular forms generated
  // Regular forms generated by PETRARCH2's rules (S/ES/IES, D/ED, ING) when no {...} is given.
  // Empty for UniversalPetrarch (it matches lemmas) and for TABARI (it matches stems).
  std::vector<VerbSurface> regular_forms;
  EventCode code;                    // its own [code], else the block's code
  bool has_own_code = false;
  SourceLocation where;
};

// A PETRARCH2 constituent: a noun phrase, or a prepositional phrase "(PREP nouns...)".
// A noun phrase is one word or "{A B HEAD}": the last word is the head, the others modifiers.
struct NounPhrase {
  WordSeq words;
  friend bool operator==(const NounPhrase&, const NounPhrase&) = default;
};
struct Constituent {
  bool is_prep = false;              // "(TO BORDER)"
  PatternWord preposition;           // is_prep only: "TO"
  std::vector<NounPhrase> nouns;     // noun phrase (exactly one) or the prep's objects (0..n)
  friend bool operator==(const Constituent&, const Constituent&) = default;
};

// PETRARCH2 pattern "- PRE * POST [code] # comment".
struct VerbPattern {
  std::vector<Constituent> before;  // pre-verb material, in written order
  std::vector<Constituent> after;   // post-verb material, in written order
  EventCode code;
  SourceLocation where;
};

// TABARI / PETRARCH-1 linear pattern "- WORDS * WORDS [code]": a token sequence around the verb.
struct LinearPattern {
  WordSeq before;  // in written order; the last element is the one next to the verb
  WordSeq after;
  bool verb_joined_before = false;  // "IN_*": the word before must touch the verb
  bool verb_joined_after = false;   // "*_OUT": the word after must touch the verb
  EventCode code;
  SourceLocation where;
};

struct VerbBlock {
  std::string name;                  // "--- NAME [code] ---"; TABARI: the root verb
  EventCode code;                    // default code of the verbs in the block
  std::vector<VerbEntry> verbs;
  std::vector<VerbPattern> patterns;         // PETRARCH2 / UniversalPetrarch
  std::vector<LinearPattern> linear_patterns;  // TABARI / PETRARCH-1
  SourceLocation where;
};

// PETRARCH2 "~ a (b c VERB1) VERB2 = x y CODE": when VERB2 has source a and its target is itself
// an event (b, c, VERB1), replace both by the event (x, y, CODE). Letters are variables; "_" is an
// empty actor slot, "." any actor; a verb name stands for its block's code; "Q" any code.
struct Transformation {
  std::string source;     // outer source variable ("a")
  std::string inner_source, inner_target, inner_verb;  // the embedded event
  std::string outer_verb;
  std::string result_source, result_target, result_code;
  SourceLocation where;
};

enum class VerbFormat : uint8_t { kPetrarch2, kUniversalPetrarch, kPetrarch1, kTabari };

struct VerbRef {
  uint32_t block = 0;
  uint32_t verb = 0;
};

struct VerbDictionary {
  VerbFormat format = VerbFormat::kPetrarch2;
  std::vector<std::string> files;
  std::vector<Synset> synsets;
  std::vector<VerbBlock> blocks;
  std::vector<Transformation> transformations;
  // TABARI <TIME> section: phrase -> time shift code ("-7", "+30", "###"); kept, not interpreted.
  std::vector<std::pair<WordSeq, EventCode>> time_phrases;

  // Word (lemma, listed or regular form; the `verb` word of multi-word verbs) -> verbs, in file order.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<VerbRef>, StringHash, std::equal_to<>> index;
  // Synset name -> index into `synsets`; built by BuildIndex() (the coder looks sets up per token).
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> synset_index;

  const Synset* FindSynset(std::string_view name) const;
  const std::vector<VerbRef>* Find(std::string_view upper_word) const;
  size_t PatternCount() const;  // structured + linear
  std::string Where(SourceLocation loc) const;  // "CAMEO.2.0.txt:1234"
  void BuildIndex();
};

// ---------------------------------------------------------------------------------------------
// Actors

// A code valid for dates in [from, until): "[CODE]" always, "[CODE >D]" from D on,
// "[CODE <D]" before D, "[CODE D1-D2]" from D1 to before D2 (PETRARCH2 check_date semantics).
struct DatedCode {
  std::string code;
  std::optional<model::Date> from;
  std::optional<model::Date> until;
  SourceLocation where;
  bool Covers(const model::Date& d) const {
    return (!from || d >= *from) && (!until || d < *until);
  }
};

struct ActorPhrase {
  WordSeq words;
  SourceLocation where;
};

struct Actor {
  std::vector<ActorPhrase> phrases;  // [0] the primary phrase, then its '+' synonyms
  std::vector<DatedCode> codes;      // in file order; may be empty (the loader warns)
  SourceLocation where;
};

struct ActorDictionary {
  std::vector<std::string> files;
  std::vector<Actor> actors;
  std::vector<WordSeq> nouns;       // TABARI <NOUN> section
  std::vector<WordSeq> adjectives;  // TABARI <ADJECTIVE> section
  size_t PhraseCount() const;
  size_t CodeCount() const;
  std::string Where(SourceLocation loc) const;
  // The code for `date`: the first dated code covering it, else the first undated one (the TABARI
  // rule; PETRARCH2's last-match-wins loop differs, see doc). nullptr when none applies.
  static const DatedCode* CodeFor(const Actor& actor, const model::Date& date);
  // The country part every code of `actor` shares ("USA" for USAGOV 2017-2021 and USAELI
  // after), or "" when the codes disagree or are shorter than 3 letters. dyad's coder falls back
  // to it when no dated code covers the date: "President Bush" in an undated 1990 story is
  // surely American even when the dictionary only dates his son's terms.
  static std::string_view CommonCountry(const Actor& actor);
};

// ---------------------------------------------------------------------------------------------
// Agents

struct Agent {
  WordSeq words;
  std::string code;          // without '~'
  bool prefix = false;       // "NGO~": the code goes before the actor code; "~GOV": after it
  bool generated = false;    // a regular plural or a !SUBST! expansion, not written as such
  SourceLocation where;
};

struct AgentDictionary {
  std::vector<std::string> files;
  std::vector<Agent> agents;
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;  // !NAME! = a, b
  std::string Where(SourceLocation loc) const;
};

// ---------------------------------------------------------------------------------------------
// Discards and issues

struct Discard {
  WordSeq words;          // last word `exact` when written with a trailing '_'
  bool story = false;     // '+' prefix: discard the whole story, not only the sentence
  SourceLocation where;
};

struct DiscardList {
  std::vector<std::string> files;
  std::vector<Discard> discards;
  std::string Where(SourceLocation loc) const;
};

struct IssueCategory {
  std::string name;   // CATEGORY="..."
  std::string type;   // TYPE="..."
  SourceLocation where;
};

struct IssuePhrase {
  enum Kind : uint8_t { kCode, kIgnoreSentence /* ~ */, kIgnoreStory /* ~~ */ };
  Kind kind = kCode;
  std::vector<std::string> words;  // one expanded form (n:, v:, + expansions each give one)
  std::string code;                // kCode only
  int32_t category = -1;           // index into categories; -1 outside any <ISSUE> block
  SourceLocation where;
};

struct IssueList {
  std::vector<std::string> files;
  std::vector<IssueCategory> categories;
  std::vector<IssuePhrase> phrases;
  std::string Where(SourceLocation loc) const;
};

// ---------------------------------------------------------------------------------------------
// TABARI project and options

struct TabariOption {
  std::string command;  // "COMPLEX", "SET", "OUTPUT", "LABEL", ...
  std::string value;    // the rest of the line, trimmed
  SourceLocation where;
};

struct TabariOptions {
  std::vector<std::string> files;
  std::vector<TabariOption> options;
  std::vector<std::pair<std::string, std::string>> labels;  // LABEL: code=text
};

struct TabariProject {
  std::string path;         // the .project file
  std::string description;  // first line
  // File names as written, resolved against the project's folder.
  std::vector<std::string> actors_files, verbs_files, agents_files, text_files;
  std::string options_file, problem_file, event_file, error_file, coder;
  int sessions = 0;         // <session ...> log lines (kept count only)
};

// Regular English forms as PETRARCH2 generates them; exposed so matchers and tests share them.
std::string RegularPlural(std::string_view upper_noun);                 // Y->IES, S->ES, else S
std::vector<std::string> RegularVerbForms(std::string_view upper_verb);  // 3rd person, past, -ing

}  // namespace dyad::lexicon

#endif  // DYAD_LEXICON_DICTIONARY_H_
