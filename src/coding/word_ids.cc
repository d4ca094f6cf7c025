#include "coding/word_ids.h"

#include <algorithm>

namespace dyad::coding {

namespace {

inline char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// Words that upper-case alike have the same ids: a lemma that equals its form but for case ("the"
// of "The", "Iran" of "IRAN") needs no lookups of its own.
bool SameUpperCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Upper(a[i]) != Upper(b[i])) return false;
  }
  return true;
}

}  // namespace

uint32_t WordVocabulary::Intern(std::string_view upper_word) {
  const uint64_t hash = Hash(upper_word);
  uint32_t id = Find(upper_word, hash);
  if (id != kNoWord) return id;
  id = static_cast<uint32_t>(size());
  chars_.append(upper_word);
  starts_.push_back(static_cast<uint32_t>(chars_.size()));
  if (2 * (id + 1) > slots_.size()) {
    // Rehash every word into a table twice the size.
    slots_.assign(std::max<size_t>(64, 2 * slots_.size()), Slot{});
    for (uint32_t w = 0; w < id; ++w) Place(w, MixHash(Hash(Word(w))));
  }
  Place(id, MixHash(hash));
  return id;
}

void WordVocabulary::Place(uint32_t id, uint64_t mixed) {
  const size_t mask = slots_.size() - 1;
  size_t i = mixed & mask;
  while (slots_[i].id != kNoWord) i = (i + 1) & mask;
  slots_[i] = Slot{static_cast<uint32_t>(mixed >> 32), id};
}

uint32_t WordVocabulary::Find(std::string_view upper_word, uint64_t hash) const {
  if (slots_.empty()) return kNoWord;
  const uint64_t mixed = MixHash(hash);
  const uint32_t tag = static_cast<uint32_t>(mixed >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = mixed & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNoWord) return kNoWord;
    if (slot.tag == tag && Word(slot.id) == upper_word) return slot.id;
  }
}

WordKey CompileWord(WordVocabulary& vocabulary, std::string_view upper_word, bool exact) {
  return WordKey{vocabulary.Intern(upper_word), !exact && upper_word.size() >= 3};
}

void SentenceWords::LookUp(std::string_view text, const WordVocabulary& vocabulary, uint32_t* whole,
                           uint32_t* stems) {
  // Upper-case and hash in one pass, keeping the hash state of each prefix a stem may be.
  const size_t n = text.size();
  upper_.resize(n);
  uint64_t prefix_hash[kMaxStemSuffix] = {};
  uint64_t hash = WordVocabulary::kHashStart;
  for (size_t i = 0; i < n; ++i) {
    if (i + kMaxStemSuffix >= n) prefix_hash[n - i - 1] = hash;  // the first i letters: cut n - i
    const char c = Upper(text[i]);
    upper_[i] = c;
    hash = WordVocabulary::HashStep(hash, c);
  }
  const std::string_view upper(upper_);
  *whole = vocabulary.Find(upper, hash);
  for (size_t cut = 1; cut <= kMaxStemSuffix; ++cut) {
    // A stem has three letters at least (shorter words match whole), so shorter prefixes are
    // never wanted.
    stems[cut - 1] = n >= cut + 3 ? vocabulary.Find(upper.substr(0, n - cut), prefix_hash[cut - 1]) : kNoWord;
  }
}

void SentenceWords::Reset(const SentenceView& view, const WordVocabulary& vocabulary) {
  const size_t n = view.size();
  tokens_.resize(n);
  if (whole_seen_.size() != vocabulary.size() || ++generation_ == 0) {
    // A new vocabulary, or the counter wrapped: start over.
    whole_seen_.assign(vocabulary.size(), 0);
    stem_seen_.assign(vocabulary.size(), 0);
    generation_ = 1;
  }
  for (size_t i = 0; i < n; ++i) {
    Token& t = tokens_[i];
    std::string_view form = view.Form(i), lemma = view.Lemma(i);
    LookUp(form, vocabulary, &t.form, t.stems.data());
    if (SameUpperCase(lemma, form)) {
      t.lemma = t.form;
      std::fill(t.stems.begin() + kMaxStemSuffix, t.stems.end(), kNoWord);
    } else {
      LookUp(lemma, vocabulary, &t.lemma, t.stems.data() + kMaxStemSuffix);
    }
    for (uint32_t id : {t.form, t.lemma}) {
      if (id != kNoWord) whole_seen_[id] = generation_;
    }
    for (uint32_t id : t.stems) {
      if (id != kNoWord) stem_seen_[id] = generation_;
    }
  }
}

}  // namespace dyad::coding
