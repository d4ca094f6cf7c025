#include "context/dep_tree.h"

#include <algorithm>

#include "model/tagset.h"

namespace dyad::context {

bool EqualsLower(std::string_view word, std::string_view lower) {
  return word.size() == lower.size() &&
         std::equal(word.begin(), word.end(), lower.begin(), [](char a, char b) {
           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + 32) : a) == b;
         });
}

bool IsOneOf(std::string_view word, std::span<const std::string_view> lowers) {
  for (std::string_view l : lowers) {
    if (EqualsLower(word, l)) return true;
  }
  return false;
}

void DepTree::Reset(const model::Document& doc, size_t sentence) {
  doc_ = &doc;
  tokens_ = doc.Tokens(doc.sentences[sentence]);
  const size_t n = tokens_.size();
  child_begin_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    int h = tokens_[i].head;
    if (h >= 0 && static_cast<size_t>(h) < n) ++child_begin_[h + 1];
  }
  for (size_t i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  children_.resize(child_begin_[n]);
  fill_.assign(child_begin_.begin(), child_begin_.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    int h = tokens_[i].head;
    if (h >= 0 && static_cast<size_t>(h) < n) children_[fill_[h]++] = static_cast<uint32_t>(i);
  }
}

std::string_view DepTree::Lemma(size_t i) const {
  std::string_view l = doc_->Lemma(tokens_[i]);
  return l.empty() ? Form(i) : l;
}

std::string_view DepTree::Upos(size_t i) const { return model::UposName(tokens_[i].upos); }
std::string_view DepTree::Deprel(size_t i) const { return model::DeprelName(tokens_[i].deprel); }
std::string_view DepTree::DeprelBase(size_t i) const {
  return model::DeprelName(model::DeprelBase(tokens_[i].deprel));
}

int DepTree::Child(size_t i, std::string_view base) const {
  for (uint32_t c : Children(i)) {
    if (DeprelBase(c) == base) return static_cast<int>(c);
  }
  return -1;
}

int DepTree::TokenAt(uint32_t offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const model::Token& t, uint32_t off) { return t.start < off; });
  if (it == tokens_.end() || it->start != offset) return -1;
  return static_cast<int>(it - tokens_.begin());
}

std::string_view DepTree::Text(uint32_t begin, uint32_t end) const {
  return std::string_view(doc_->text).substr(tokens_[begin].start, tokens_[end - 1].end - tokens_[begin].start);
}

bool DepTree::HeadsOwnClause(uint32_t i) const {
  std::string_view rel = DeprelBase(i);
  if (rel == "ccomp" || rel == "advcl" || rel == "acl" || rel == "parataxis" || rel == "csubj") return true;
  return rel == "conj" && (Upos(i) == "VERB" || Upos(i) == "AUX");
}

void DepTree::Clause(uint32_t verb, std::vector<uint32_t>& out) const {
  out.clear();
  stack_.assign(1, verb);
  while (!stack_.empty()) {
    uint32_t t = stack_.back();
    stack_.pop_back();
    out.push_back(t);
    for (uint32_t c : Children(t)) {
      if (!HeadsOwnClause(c)) stack_.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
}

void DepTree::Verbless(std::vector<uint32_t>& out) const {
  out.clear();
  auto is_verb = [&](size_t i) { return Upos(i) == "VERB" || Upos(i) == "AUX"; };
  for (uint32_t i = 0; i < size(); ++i) {
    uint32_t a = i;
    for (int steps = 0; steps < 64 && !is_verb(a) && !HeadsOwnClause(a) && head(a) >= 0; ++steps) {
      a = static_cast<uint32_t>(head(a));
    }
    if (head(a) < 0 && !is_verb(a)) out.push_back(i);
  }
}

std::pair<uint32_t, uint32_t> DepTree::Subtree(uint32_t i) const {
  uint32_t lo = i, hi = i;
  stack_.assign(1, i);
  while (!stack_.empty()) {
    uint32_t t = stack_.back();
    stack_.pop_back();
    lo = std::min(lo, t);
    hi = std::max(hi, t);
    for (uint32_t c : Children(t)) stack_.push_back(c);
  }
  return {lo, hi + 1};
}

}  // namespace dyad::context
