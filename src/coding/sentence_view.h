// Dependency-tree helpers the coder needs over one parsed sentence: children lists, the grammatical
// role of each token, noun-phrase extents, voice and negation. Built once per sentence into a
// reusable workspace (vectors keep their capacity), so steady-state coding does not allocate.
#ifndef DYAD_CODING_SENTENCE_VIEW_H_
#define DYAD_CODING_SENTENCE_VIEW_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace dyad::coding {

// Coarse relations the coder reasons with; UD v2 labels and their UD v1 spellings map onto them.
enum class Role : uint8_t {
  kOther,
  kRoot,
  kSubject,         // nsubj, csubj
  kPassiveSubject,  // nsubj:pass, csubj:pass
  kObject,          // obj, iobj
  kOblique,         // obl, obl:* (not agent/tmod), nmod under a verb
  kAgent,           // obl:agent (the "by" phrase of a passive)
  kNominalMod,      // nmod, nmod:* under a noun
  kPossessive,      // nmod:poss
  kConj,
  kCc,
  kXcomp,
  kCcomp,
  kAdvcl,
  kAcl,
  kRelcl,           // acl:relcl
  kParataxis,
  kCompound,        // compound, flat, flat:name, compound:prt excluded
  kParticle,        // compound:prt
  kAmod,
  kAppos,
  kDet,
  kNummod,
  kCase,
  kMark,
  kAux,
  kAuxPass,
  kCop,
  kAdvmod,
  kPunct,
  kTemporal,        // obl:tmod, nmod:tmod, obl:npmod
};

Role RoleOfDeprel(uint8_t deprel);

// `word` equals `lower` (lower-case letters) ignoring the case of its letters.
bool EqualsLower(std::string_view word, std::string_view lower);

class SentenceView {
 public:
  // Rebuilds the view for `tokens` (one sentence of `doc`). Heads out of range or forming a cycle
  // (a user's CoNLL-U file) are cut: the view is always a forest. With `coordinated_modifiers`, a
  // case-less nominal modifier that carries a coordinator of its own ("The Philippines and the
  // European Union" with "Union" an nmod of "Philippines") is read as the conjunct the parser
  // missed (UniversalPetrarch's rules; on dyad's gold sets it costs a little, so dyad's own
  // rules keep the parse).
  void Reset(const model::Document& doc, std::span<const model::Token> tokens, bool coordinated_modifiers = false);

  size_t size() const { return tokens_.size(); }
  const model::Token& token(size_t i) const { return tokens_[i]; }
  std::string_view Form(size_t i) const { return doc_->Form(tokens_[i]); }
  std::string_view Lemma(size_t i) const;  // the lemma, or the form when untagged
  Role role(size_t i) const { return roles_[i]; }
  int head(size_t i) const { return heads_[i]; }
  std::span<const uint32_t> Children(size_t i) const {
    return std::span<const uint32_t>(children_).subspan(child_begin_[i],
                                                        child_begin_[i + 1] - child_begin_[i]);
  }
  bool IsVerb(size_t i) const;
  bool IsNominal(size_t i) const;  // NOUN, PROPN, PRON, NUM or X
  bool IsProperNoun(size_t i) const;

  // The contiguous token range of the noun phrase headed by `head`: its compound, flat, amod, det,
  // nummod, possessive, case-less nominal-modifier (nmod:desc) and run-on conjunct dependents,
  // recursively, but not clauses, appositions or prepositional modifiers (those name other
  // participants).
  std::pair<uint32_t, uint32_t> NounPhrase(size_t head) const;
  // A `conj` nominal with no conjunction, comma or other punctuation between it and its head: the
  // parser's misreading of one name run ("Bree Prime Minister Romendacil" as Bree + Romendacil),
  // so it belongs to its head's phrase rather than naming another participant.
  bool IsRunOnConjunct(size_t i) const;
  // The whole subtree of `i` as a token range [first, last + 1); computed once per sentence by
  // Reset(), since the verb matcher asks for it per pattern.
  std::pair<uint32_t, uint32_t> Subtree(size_t i) const { return {subtree_first_[i], subtree_end_[i]}; }
  // The preposition (case dependent) of a nominal, upper-cased words joined with '_' ("ON_BEHALF_OF"
  // comes out as "ON"); empty when none.
  std::string_view CaseOf(size_t nominal) const;
  bool IsPassive(size_t verb) const;
  bool IsNegated(size_t verb) const;
  // The first child of `i` with role `r`, or -1.
  int ChildWithRole(size_t i, Role r) const;
  // Whether `token`, inside the subtree of `top`, lies in a clause with a verb of its own below
  // `top` that tells another event (a subordinate adverbial clause, a relative or a paratactic
  // clause), or is its verb, or in an oblique of `top` that tells a time or circumstance ("after",
  // "amid", "despite" ...). Complement clauses, purpose infinitives and a noun's infinitive ("an
  // ultimatum to hand over") are content of `top`'s event and do not count.
  bool InNestedClause(size_t token, size_t top) const;
  // Whether adverbial clause `verb` has a subject of its own or a subordinating conjunction of
  // time, cause or manner ("after", "because", "without", ...).
  bool IsSubordinateClause(size_t verb) const;

 private:
  const model::Document* doc_ = nullptr;
  std::span<const model::Token> tokens_;
  std::vector<Role> roles_;
  std::vector<int> heads_;                // tokens' heads with cycles cut; -1 for a root
  std::vector<uint8_t> marks_;            // scratch for cutting cycles
  std::vector<uint32_t> child_begin_;
  std::vector<uint32_t> children_;
  std::vector<uint32_t> fill_;            // scratch for building children_
  std::vector<uint32_t> subtree_first_, subtree_end_;
  std::vector<uint32_t> order_;           // scratch: tokens with every head before its dependents
  uint8_t upos_verb_ = 0, upos_aux_ = 0, upos_noun_ = 0, upos_propn_ = 0, upos_pron_ = 0,
          upos_num_ = 0, upos_x_ = 0, upos_cconj_ = 0;
};

}  // namespace dyad::coding

#endif  // DYAD_CODING_SENTENCE_VIEW_H_
