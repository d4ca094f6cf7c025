// The event coder: from parsed sentences and a dictionary set to CAMEO-coded events.
//
// For each verb of a sentence that the verb dictionary knows (by lemma or surface form), the coder
// picks the best pattern of its block (verb_matcher.h), finds the source (the subject; the by-agent
// of a passive; the controller of an infinitive; the antecedent of a relative pronoun) and the
// target (a '+' slot of the pattern, else the object, else a "with/to/against/..." oblique), reads
// each participant's noun phrase for actor and agent phrases (actor_matcher.h) and composes their
// codes ("Iranian" IRN + "Defence Minister" GOVMIL -> IRNGOVMIL), expands coordinated participants
// into one event each, and writes Events. Negated verbs yield nothing (unless asked), discard
// phrases void the sentence, a verb whose infinitive complement is itself coded defers to the
// governing verb ("threatened to attack" is a threat), and a compound subject with no target acts
// on itself in both directions ("Iran and Iraq signed an accord"). An announced action ("will
// provide aid", "is willing to withdraw", "may halt mediation") is coded as an intent (03x) or a
// threat (13x). When the parse gives no source or target with an actor, word order decides, as in
// TABARI: the nearest actor before the verb, the first actor after it within the verb's clause.
// With a peer's dictionary set, announced actions keep their code and only the target falls back.
//
// Thread safety: a Coder is immutable after Create() and may be shared by any number of threads;
// each thread passes its own Workspace.
#ifndef DYAD_CODING_CODER_H_
#define DYAD_CODING_CODER_H_

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "coding/actor_matcher.h"
#include "coding/discard_matcher.h"
#include "coding/linear_matcher.h"
#include "coding/sentence_view.h"
#include "coding/verb_matcher.h"
#include "coding/word_ids.h"
#include "dyad/status.h"
#include "lexicon/dictionary_set.h"
#include "model/document.h"
#include "model/event.h"

namespace dyad::coding {

struct CoderOptions {
  bool code_negated = false;   // code "did not sign" as if it were "signed"
  bool require_target = true;  // PETRARCH's require_dyad: no event without a target actor
  // TABARI's SET: CONVERT AGENT (TABARI / PETRARCH-1 dictionaries): a phrase of agents with no
  // actor names a participant coded by its agents ("guerrillas" -> REB).
  bool convert_agents = false;
  // TABARI's comma-delimited clauses (TABARI dictionaries only): a short clause between commas, or
  // between the last comma and the final period, is dropped before coding (TABARI's default
  // COMMA: limits). False: TABARI's COMMA: OFF.
  bool comma_clauses = true;
};

// What `dyad explain` shows for one sentence.
struct SentenceTrace {
  struct Mention {
    uint32_t begin, end;  // token range
    bool agent;
    std::string code;     // the dated code (actors) or agent code
    std::string where;    // dictionary file:line
  };
  struct Verb {
    uint32_t token;
    std::string lemma;
    std::string block;                 // verb block name, or "" when unknown
    std::vector<PatternTrial> trials;  // every pattern tried
    std::string outcome;               // "event 057 IRN->IRQ", "negated", "no source actor", ...
  };
  std::vector<Mention> mentions;
  std::vector<Verb> verbs;
  std::string discarded;  // the discard phrase that voided the sentence, if any
};

// Runs the nlp stage on sentence `index` of the document being coded: tags and lemmas, and also
// the dependency parse when `parse` is true (called with false first).
using SentenceAnalyzer = std::function<void(size_t index, bool parse)>;

class Coder {
 public:
  struct Workspace {
    SentenceView view;
    SentenceWords words;  // the sentence's word ids in the coder's vocabulary
    std::vector<ActorMatcher::Match> matches;
    std::vector<std::string_view> forms;
    std::vector<int> match_at;  // per token: index into matches, or -1
    std::vector<bool> dropped;  // per token: in a comma clause TABARI drops (LinearCommaClauses)
    std::vector<std::pair<int, model::Event>> targetless;  // held events (verb depth, event)
    std::vector<bool> coded;      // per token: its verb's event is decided
    std::vector<bool> held_back;  // per token: its verb's event has no target (in targetless)
    bool agent_only = false;  // set while a subject with no actor may be coded by its agent ("police")
    // Most recent actors of the document, for pronouns.
    std::string last_person, last_group;
  };

  static StatusOr<std::unique_ptr<Coder>> Create(std::shared_ptr<const lexicon::DictionarySet> dictionaries,
                                                 CoderOptions options = {});

  // Codes every sentence of `doc` (which must be tagged and parsed) and appends the events.
  void CodeDocument(const model::Document& doc, Workspace& ws, std::vector<model::Event>& out,
                    std::vector<SentenceTrace>* traces = nullptr) const;

  // The same events from a document that is segmented but not yet tagged or parsed: `analyze`
  // tags only the sentences that may bear on the events and parses only those that may yield
  // one. Exact, because an event needs a participant and a verb the dictionary knows:
  //   not tagged: no actor or agent phrase, and no pronoun while the document has named no actor
  //               (actor phrases match forms alone, so this is known before tagging);
  //   tagged only: no token that is a verb (tag) the dictionary knows (lemma or form) in a block
  //               with an event code ("said" has none, unless "must" makes it a demand), or, with
  //               a peer's rules that require a target, a single actor or agent phrase (every
  //               participant would then carry one code, and no actor acts on itself). These are
  //               tagged because their actors are the antecedents of later pronouns (which a
  //               proper-noun tag and a discard phrase, matched on lemmas too, decide).
  // The other sentences are parsed and coded as CodeDocument codes them.
  void CodeDocument(model::Document& doc, Workspace& ws, const SentenceAnalyzer& analyze,
                    std::vector<model::Event>& out) const;

  // The actor code of the phrase at tokens [begin, end) of sentence `index` (tagged and parsed),
  // composed from its actor and agent phrases as a participant's would be ("Iranian officials" ->
  // IRNGOV); "" when it names no actor. For the context stage's attributions.
  std::string CodePhrase(const model::Document& doc, size_t index, uint32_t begin, uint32_t end,
                         Workspace& ws) const;

  const lexicon::DictionarySet& dictionaries() const { return *dicts_; }

 private:
  struct Participant {
    uint32_t head = 0;
    uint32_t begin = 0, end = 0;  // token range of the phrase that gave the code
    std::string code;
    std::string actor;  // the actor's own code, before agents were added ("DNK" of DNKMED)
    bool agent_only = false;  // coded by its agent alone ("police" -> COP): no country named
  };

  Coder(std::shared_ptr<const lexicon::DictionarySet> dicts, CoderOptions options);

  // Builds ws.view, ws.words, ws.forms, ws.matches and ws.match_at for sentence `index`; keeps
  // ws.matches and ws.match_at when `find_actors` is false (they read forms alone, which tagging
  // and parsing leave as they are).
  void PrepareSentence(const model::Document& doc, size_t index, Workspace& ws, bool find_actors = true) const;
  // Reads sentence `index` into ws.view with this dictionary set's reading of the parse; the one
  // place that sets it, so a re-read after a late parse reads as the first one did.
  void ResetView(const model::Document& doc, size_t index, Workspace& ws) const;
  // REQUIRES: PrepareSentence() has run on the sentence as it is now tagged and parsed.
  void CodeSentence(const model::Document& doc, size_t index, Workspace& ws, std::vector<model::Event>& out,
                    SentenceTrace* trace) const;
  // For the lazy CodeDocument, after PrepareSentence(): how many participants with codes of their
  // own the sentence may name at most (its actor and agent phrases, and its personal pronouns once
  // the document has named an actor), capped at 2; how many an event needs under the dictionary's
  // rules; whether the (tagged) sentence has a verb the dictionary knows that may give a code.
  size_t ParticipantBound(const Workspace& ws) const;
  size_t ParticipantsPerEvent() const;
  bool HasDictionaryVerb(const Workspace& ws) const;
  // The agent words of a phrase, for its modifiers to inherit.
  struct AgentParts {
    std::string prefix, suffix;
  };
  // `actor`'s code with the agents of its phrase added.
  static std::string WithAgents(const std::string& actor, const AgentParts& agents);
  // How deep ResolveActors looks into a phrase's modifiers ("a resumption of ties with Iran").
  static constexpr int kMaxModifierDepth = 3;

  // The actors of the noun phrase headed by `head`, one per coordinated conjunct. A conjunct whose
  // own phrase names no actor is searched in its appositions and prepositional modifiers, up to
  // kMaxModifierDepth levels; a pronoun takes the nearest fitting actor before it in the sentence,
  // else the document's most recent one.
  void ResolveActors(const model::Document& doc, Workspace& ws, uint32_t head,
                     std::vector<Participant>& out) const;
  // A list the parser split ("to Iran, Libya, North Korea" with Libya and Korea conjoined to
  // another word) still goes on after the last of `out`: the actors that follow it, separated only
  // by commas, "and" or "or", each some word's conjunct, are appended.
  void AppendListContinuation(const model::Document& doc, Workspace& ws, std::vector<Participant>& out) const;
  // The participants of the noun phrase that contains the actor mention `m`.
  void ResolveMention(const model::Document& doc, Workspace& ws, const ActorMatcher::Match& m,
                      std::vector<Participant>& out) const;
  bool SearchModifiers(const model::Document& doc, Workspace& ws, uint32_t head, const AgentParts& inherited,
                       int depth, std::vector<Participant>& out) const;
  bool PronounAntecedent(const model::Document& doc, Workspace& ws, uint32_t pronoun, bool person,
                         Participant* p) const;
  // Fills `p` from the actor and agent phrases in [begin, end); false when no actor is named.
  // `agents` (optional) receives the phrase's agent codes either way.
  bool ComposeActor(const model::Document& doc, Workspace& ws, uint32_t begin, uint32_t end,
                    Participant* p, AgentParts* agents = nullptr) const;
  // The country where a people named by their plural demonym live, as PLOVER codes an ethnic
  // group: "Albanians in south Serbia" -> SRB. Empty when `head` is no such noun or no place in
  // another country is named in its "in"/"of" modifiers.
  std::string ResidenceCountry(const model::Document& doc, const Workspace& ws, uint32_t head) const;
  // The 3-letter code (a country or a region, no sector) of the actor mention starting or
  // continuing at token `t`; empty for none.
  std::string_view BareCountryAt(const model::Document& doc, const Workspace& ws, uint32_t t) const;
  // "US and British forces": the countries of a modifier coordinated inside `p`'s phrase (headed
  // by `head`), each with `p`'s agent, appended to `out`; false when there are fewer than two.
  bool SplitCoordinatedModifier(const model::Document& doc, const Workspace& ws, uint32_t head, const Participant& p,
                                std::vector<Participant>& out) const;
  // `head` and its coordinated conjuncts (at most `cap`), into `heads`.
  static size_t Conjuncts(const SentenceView& view, uint32_t head, uint32_t* heads, size_t cap);
  int SubjectOf(const SentenceView& view, size_t verb) const;
  // TABARI's word-order reading of a linear pattern's participants (coder_linear.cc).
  struct LinearSpan {
    int first, last;  // mentions [first, last] of ws.matches
  };
  LinearSpan LinearPhrase(const Workspace& ws, int m) const;
  void LinearCompound(const model::Document& doc, Workspace& ws, int m, std::vector<Participant>& out) const;
  // `clause`: per token, the index of its clause (LinearClauses).
  void LinearRoles(const model::Document& doc, Workspace& ws, size_t verb, std::span<const uint32_t> clause,
                   const LinearMatch& match, std::vector<Participant>& sources,
                   std::vector<Participant>& targets) const;
  // TABARI finds verbs by the dictionary, not by a tagger: token `v` is a verb when the verb
  // dictionary knows it and no article or capital letter makes it a noun.
  bool LinearVerbCandidate(const Workspace& ws, size_t v) const;
  // TABARI codes by clause: `clause` receives, per token, the index of its clause; a clause ends
  // before "but" and ";", and before a conjunction that joins no actors or <NOUN> words.
  void LinearClauses(const Workspace& ws, std::vector<uint32_t>& clause) const;
  // TABARI's COMPLEX: limits, read from the .options file: a sentence with more verbs or
  // conjunctions than these (0: no limit), or, under NOACTPRIOR, no actor before its first verb, is
  // too complex to code. `why` receives the reason.
  struct LinearComplexity {
    int max_verbs = 0;
    int max_conjunctions = 0;
    bool actor_prior = false;
  };
  static LinearComplexity ParseComplexity(const lexicon::TabariOptions& options);
  bool LinearTooComplex(const Workspace& ws, std::string* why) const;
  // Fills ws.dropped with TABARI's comma-delimited clauses (CoderOptions::comma_clauses) and
  // removes the mentions in them. Needs ws.matches.
  void LinearCommaClauses(Workspace& ws) const;
  // The verbs of the dictionary that token `v` may be (by lemma, form, TABARI stem or inflection);
  // `upper` receives the word found.
  const std::vector<lexicon::VerbRef>* FindVerb(const SentenceView& view, size_t v, std::string& upper) const;
  bool IsDiscarded(const SentenceWords& words, std::string* phrase) const;

  std::shared_ptr<const lexicon::DictionarySet> dicts_;
  CoderOptions options_;
  ActorMatcher actors_;
  // Words of the actor and agent phrases, verb patterns, synsets and discards; complete once
  // Create() returns.
  WordVocabulary vocabulary_;
  VerbMatcher verbs_;
  DiscardMatcher discards_;
  LinearMatcher linear_;  // TABARI / PETRARCH-1 blocks (VerbBlock::linear_patterns)
  // False for a peer's dictionary set (petrarch2:, up:, petrarch1:, tabari:): announced actions
  // keep their code and the source is never taken from word order, as the peer would code them.
  bool dyad_rules_ = true;
  // Per verb block: whether a verb or pattern of it carries an event code (SAY's "---" does not),
  // so that a sentence whose dictionary verbs have none needs no parse (HasDictionaryVerb).
  std::vector<bool> block_codes_;
  // UniversalPetrarch's dictionary set ("up:DIR"): its own reading of phrases, compounds and
  // passives on top of PETRARCH2's (coder.cc says where).
  bool universal_rules_ = false;
  LinearComplexity complexity_;  // TABARI dictionaries only
};

// Splits a CAMEO actor code into the event record's country (ISO3 or "") and sector (the next
// three letters, or "").
void SplitActorCode(std::string_view code, std::string* country, std::string* sector);

}  // namespace dyad::coding

#endif  // DYAD_CODING_CODER_H_
