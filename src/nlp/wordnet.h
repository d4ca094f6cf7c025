// WordNet's word lists (Debian package wordnet-base, /usr/share/wordnet): which single words are
// nouns, verbs, adjectives or adverbs. The lemmatizer checks suffix rules against the verb and
// adjective lists; the tagger uses all four as features of words it never saw in training
// (a word WordNet only knows as an adjective is rarely tagged NOUN).
#ifndef DYAD_NLP_WORDNET_H_
#define DYAD_NLP_WORDNET_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dyad/status.h"

namespace dyad::nlp {

// Bits of a word's WordNet classes.
inline constexpr uint8_t kWordnetNoun = 1, kWordnetVerb = 2, kWordnetAdj = 4, kWordnetAdv = 8;

// (lemma, class bits) sorted by lemma, one entry per single-word lemma (multiword lemmas such as
// "body_mass_index" never match a token and are left out).
using WordnetClasses = std::vector<std::pair<std::string, uint8_t>>;

// Reads index.noun, index.verb, index.adj and index.adv of `dir`; kNotFound names a missing file.
StatusOr<WordnetClasses> ReadWordnetClasses(const std::string& dir);

}  // namespace dyad::nlp

#endif  // DYAD_NLP_WORDNET_H_
