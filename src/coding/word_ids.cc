#include "coding/word_ids.h"

namespace dyad::coding {

uint32_t WordVocabulary::Intern(std::string_view upper_word) {
  auto it = ids_.find(upper_word);
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(ids_.size());
  ids_.emplace(std::string(upper_word), id);
  return id;
}

uint32_t WordVocabulary::Find(std::string_view upper_word) const {
  auto it = ids_.find(upper_word);
  return it == ids_.end() ? kNoWord : it->second;
}

WordKey CompileWord(WordVocabulary& vocabulary, std::string_view upper_word, bool exact) {
  return WordKey{vocabulary.Intern(upper_word), !exact && upper_word.size() >= 3};
}

void SentenceWords::LookUp(std::string_view text, const WordVocabulary& vocabulary, uint32_t* whole,
                           uint32_t* stems) {
  upper_.assign(text);
  for (char& c : upper_) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  *whole = vocabulary.Find(upper_);
  for (size_t cut = 1; cut <= kMaxStemSuffix; ++cut) {
    // A stem has three letters at least (shorter words match whole), so shorter prefixes are
    // never wanted.
    stems[cut - 1] = upper_.size() >= cut + 3 ? vocabulary.Find(std::string_view(upper_).substr(0, upper_.size() - cut))
                                              : kNoWord;
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
    if (lemma.data() == form.data() && lemma.size() == form.size()) {
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
