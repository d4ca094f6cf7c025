// Accuracy of predicted against gold annotation on the same tokens (gold tokenization).
//
// Metrics follow the CoNLL 2018 shared task evaluation: every token counts (punctuation too);
// LEMMA is an exact, case-sensitive match; LAS compares the universal part of the relation
// ("nsubj" for "nsubj:pass"), and LAS_FULL the whole relation with its subtype.
#ifndef DYAD_NLP_EVALUATION_H_
#define DYAD_NLP_EVALUATION_H_

#include <cstddef>
#include <string>

#include "dyad/status.h"
#include "model/document.h"

namespace dyad::nlp {

struct ParseScores {
  size_t tokens = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;

  // Percentages; 0 when there are no tokens.
  double Percent(size_t count) const { return tokens == 0 ? 0.0 : 100.0 * count / tokens; }
  // "UPOS=96.12 XPOS=95.80 LEMMA=97.90 UAS=88.10 LAS=85.70"
  std::string Summary() const;
};

// Adds the comparison of `predicted` with `gold`. Errors (kInvalidArgument) when the documents
// do not have the same tokens.
Status AddScores(const model::Document& gold, const model::Document& predicted, ParseScores* scores);

// A copy of `gold` with the nlp columns (upos, xpos, lemma, head, deprel) cleared.
model::Document StripAnalysis(const model::Document& gold);

}  // namespace dyad::nlp

#endif  // DYAD_NLP_EVALUATION_H_
