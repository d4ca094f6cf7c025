#include "nlp/evaluation.h"

#include <fmt/format.h>

#include "model/tagset.h"

namespace dyad::nlp {

std::string ParseScores::Summary() const {
  return fmt::format("UPOS={:.2f} XPOS={:.2f} LEMMA={:.2f} UAS={:.2f} LAS={:.2f}", Percent(upos),
                     Percent(xpos), Percent(lemma), Percent(uas), Percent(las));
}

Status AddScores(const model::Document& gold, const model::Document& predicted, ParseScores* s) {
  if (gold.tokens.size() != predicted.tokens.size()) {
    return InvalidArgumentError(fmt::format("{}: {} gold tokens but {} predicted", gold.id,
                                            gold.tokens.size(), predicted.tokens.size()));
  }
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const model::Token& g = gold.tokens[i];
    const model::Token& p = predicted.tokens[i];
    s->tokens++;
    s->upos += g.upos == p.upos;
    s->xpos += g.xpos == p.xpos;
    s->lemma += gold.Lemma(g) == predicted.Lemma(p);
    if (g.head == p.head) {
      s->uas++;
      s->las += model::DeprelBase(g.deprel) == model::DeprelBase(p.deprel);
      s->las_full += g.deprel == p.deprel;
    }
  }
  return Status::Ok();
}

model::Document StripAnalysis(const model::Document& gold) {
  model::Document d = gold;
  for (model::Token& t : d.tokens) {
    t.upos = t.xpos = t.deprel = 0;
    t.head = -1;
    t.lemma_start = 0;
    t.lemma_length = 0;
  }
  return d;
}

}  // namespace dyad::nlp
