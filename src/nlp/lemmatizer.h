// Lemmatizer: a lexicon learned from a treebank, WordNet's exception lists, and suffix rules.
//
// For a token with its XPOS tag, the first source that knows it wins:
//   1. the training lexicon, keyed by (form, XPOS), then (lowercase form, XPOS): the most frequent
//      lemma seen in training (covers ~97% of EWT test tokens, including "n't" -> "not");
//   1b. the lexicon under the tag whose lemmas are the same words (VBD/VBN, VB/VBP, JJR/RBR,
//      JJS/RBS: "recieved" seen as VBN, tagged VBD), then the form with letters drawn out for
//      emphasis cut back ("sooooo" -> "so", "prettty" -> "pretty");
//   2. WordNet's morphological exceptions (noun/verb/adj/adv .exc) for inflected tags:
//      "geese" NNS -> "goose", "fled" VBD -> "flee";
//   2b. a plural noun WordNet knows as a lemma of its own, with no singular noun ("earnings",
//      "whereabouts"), is its own lemma as NNS;
//   3. suffix rules learned from the training pairs: for (XPOS, longest known ending of up to 6
//      bytes), the most frequent "strip k bytes, append s" edit ("-ies" NNS -> strip 3 + "y"; a tie
//      goes to the edit more frequent under the shorter endings);
//      for verbs and adjectives, a shorter ending's edit wins when only it gives a lemma in
//      WordNet's index ("rioted" -> "riot", not "riote" as "voted" -> "vote" would suggest).
//   4. WordNet's detachment rules ("morphy": -ed -> -e, -est -> "", doubled consonants) for verbs
//      and adjectives when no learned rule gives a lemma in WordNet's index ("provoked").
// Before the rules: numbers with thousands separators lose the commas ("6,363,217" -> "6363217"),
// and unseen singular proper nouns (NNP) and web/e-mail addresses (ADD) are their own lemma, but
// all-caps names in all-caps text are title-cased ("MIRAMAR" -> "Miramar", as EWT does in 54 of 62
// such training tokens). A proper noun the lexicon knows only in another case keeps its own case
// ("Holocaust", not the "holocaust" of a lowercase training token), unless it is all in capitals.
// Base-form verbs (VB, VBP) get the WordNet checks of step 3 too ("share" stays "share", not
// "shbe" from "are" -> "be"); whole-word edits that keep no byte of the form ("are" -> "be",
// "'s" -> "be") are lexicon entries only, never suffix rules.
// An adjective the lexicon does not know, capitalized inside an ordinarily cased sentence, keeps
// its capital ("Sinhalese", "Jamaican": EWT keeps the case of adjectives made from names).
// In running text, a contracted "has" ("it's been", "she's got") is "have", not the lexicon's "be".
// Proper nouns (NNP, NNPS) and addresses keep their case; other words are lemmatized in
// lowercase, as in UD English. Thread safety: const after Train/Load; callers pass their own scratch string.
#ifndef DYAD_NLP_LEMMATIZER_H_
#define DYAD_NLP_LEMMATIZER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"
#include "nlp/model_io.h"
#include "nlp/perceptron.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

class Lemmatizer {
 public:
  // Learns from the gold (form, xpos, lemma) triples of `train`; reads the *.exc and
  // index.verb/index.adj files of `wordnet_dir` when it is not empty (kNotFound when one is missing).
  static StatusOr<Lemmatizer> Train(std::span<const model::Document> train,
                                    const std::string& wordnet_dir, const LogFn& log);

  // The lemma of `form` tagged `xpos`, built in `out` (which is also the return value's storage
  // when it is not a view of the lexicon). `scratch` is reused lowercase space. `all_caps_text`:
  // the sentence is written in capitals, so unseen all-caps names are title-cased. `mid_plain_text`:
  // the word follows another in an ordinarily cased sentence, so its capital is its own.
  std::string_view Lemma(std::string_view form, uint8_t xpos, std::string& out, std::string& scratch,
                         bool all_caps_text = false, bool mid_plain_text = false) const;

  // Sets lemma_start/lemma_length of the tokens of `s` (reads their xpos), appending lemmas that
  // differ from the form to doc.forms.
  void Lemmatize(model::Document& doc, const model::Sentence& s, std::string& out,
                 std::string& scratch) const;

  void Save(ByteWriter& w) const;
  // `version` is the model file's format version (the WordNet index exists from version 2).
  Status Load(ByteReader& r, uint32_t version);

 private:
  struct Rule {
    uint8_t strip = 0;
    std::string append;
  };
  std::string_view Stored(uint32_t v) const {
    return std::string_view(strings_).substr(v >> 8, v & 0xff);
  }

  HashIndex lexicon_;    // (form or lowercase form, xpos) -> offset << 8 | length in strings_
  HashIndex exceptions_; // (wordnet class, lowercase form) -> same
  HashIndex rules_;      // (xpos, ending) -> rule index
  HashIndex known_;      // (wordnet class, lemma) -> 1: WordNet's verbs and adjectives, and
                         // (class 1) its plural-only nouns
  std::vector<Rule> rules_list_;
  std::string strings_;
};

}  // namespace dyad::nlp

#endif  // DYAD_NLP_LEMMATIZER_H_
