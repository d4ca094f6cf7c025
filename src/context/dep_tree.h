// One parsed sentence seen as a tree, for the context resolvers: children lists, relation names,
// the clause of a verb. Rebuilt per sentence into reused vectors (no steady-state allocation).
// The coder has its own richer view (coding/sentence_view.h); context sits below coding and
// needs only this much.
#ifndef DYAD_CONTEXT_DEP_TREE_H_
#define DYAD_CONTEXT_DEP_TREE_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "model/document.h"

namespace dyad::context {

class DepTree {
 public:
  // REQUIRES: `sentence` indexes doc.sentences; heads form a tree or are -1.
  void Reset(const model::Document& doc, size_t sentence);

  size_t size() const { return tokens_.size(); }
  const model::Token& token(size_t i) const { return tokens_[i]; }
  std::string_view Form(size_t i) const { return doc_->Form(tokens_[i]); }
  std::string_view Lemma(size_t i) const;  // the lemma, or the form when untagged
  std::string_view Upos(size_t i) const;
  std::string_view Deprel(size_t i) const;      // "obl:tmod"
  std::string_view DeprelBase(size_t i) const;  // "obl"
  int head(size_t i) const { return tokens_[i].head; }
  std::span<const uint32_t> Children(size_t i) const {
    return std::span<const uint32_t>(children_).subspan(child_begin_[i], child_begin_[i + 1] - child_begin_[i]);
  }
  // The first child of `i` whose relation's base is `base`, or -1.
  int Child(size_t i, std::string_view base) const;
  // The sentence-relative token whose span starts at byte `offset`, or -1.
  int TokenAt(uint32_t offset) const;
  // The original text of tokens [begin, end).
  std::string_view Text(uint32_t begin, uint32_t end) const;

  // The tokens of the clause headed by `verb`, sorted: the verb and its dependents, recursively,
  // except dependents that head clauses of their own (ccomp, advcl, acl, parataxis, csubj, a
  // coordinated verb) — those are other events. An xcomp ("agreed to meet on Monday") stays in.
  void Clause(uint32_t verb, std::vector<uint32_t>& out) const;
  // When the sentence's root is not a verb (the parser took "Sudanese police fired tear gas at
  // students in Khartoum" for a noun phrase with "fired" as a modifier), the tokens that no verb
  // or clause of their own governs; else nothing. The context of a misparsed event.
  void Verbless(std::vector<uint32_t>& out) const;
  // The whole subtree of `i` as a token range [first, last + 1).
  std::pair<uint32_t, uint32_t> Subtree(uint32_t i) const;

  // True for relations that start a clause of their own (see Clause()).
  bool HeadsOwnClause(uint32_t i) const;

 private:
  const model::Document* doc_ = nullptr;
  std::span<const model::Token> tokens_;
  std::vector<uint32_t> child_begin_;
  std::vector<uint32_t> children_;
  std::vector<uint32_t> fill_;
  mutable std::vector<uint32_t> stack_;
};

// ASCII case-insensitive equality against a lower-case word.
bool EqualsLower(std::string_view word, std::string_view lower);
// True when `word` equals (ignoring ASCII case) one of `lowers`.
bool IsOneOf(std::string_view word, std::span<const std::string_view> lowers);

}  // namespace dyad::context

#endif  // DYAD_CONTEXT_DEP_TREE_H_
