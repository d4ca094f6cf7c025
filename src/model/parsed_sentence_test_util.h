// Test helper: a parsed one-sentence Document built by hand, the way the nlp stage leaves it, so
// coder and context tests need neither models nor a parser.
#ifndef DYAD_MODEL_PARSED_SENTENCE_TEST_UTIL_H_
#define DYAD_MODEL_PARSED_SENTENCE_TEST_UTIL_H_

#include <sstream>
#include <string>
#include <string_view>

#include "model/document.h"
#include "model/tagset.h"

namespace dyad::model::testing {

// One sentence from lines "FORM LEMMA UPOS HEAD DEPREL" (HEAD 1-based, 0 = root), dated `date`.
inline model::Document ParsedSentence(std::string_view conll, std::string_view date,
                                      std::string id = "test") {
  model::Document doc;
  doc.id = std::move(id);
  doc.date = model::ParseIsoDate(date);
  std::istringstream in{std::string(conll)};
  std::string form, lemma, upos, deprel;
  int head;
  while (in >> form >> lemma >> upos >> head >> deprel) {
    if (!doc.text.empty()) doc.text += ' ';
    model::Token t;
    t.start = static_cast<uint32_t>(doc.text.size());
    doc.text += form;
    t.end = static_cast<uint32_t>(doc.text.size());
    t.form_start = static_cast<uint32_t>(doc.forms.size());
    doc.forms += form;
    t.form_length = static_cast<uint16_t>(form.size());
    t.lemma_start = static_cast<uint32_t>(doc.forms.size());
    doc.forms += lemma;
    t.lemma_length = static_cast<uint16_t>(lemma.size());
    t.upos = model::UposId(upos);
    t.head = head - 1;
    t.deprel = model::DeprelId(deprel);
    doc.tokens.push_back(t);
  }
  model::Sentence s;
  s.start = 0;
  s.end = static_cast<uint32_t>(doc.text.size());
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

}  // namespace dyad::model::testing

#endif  // DYAD_MODEL_PARSED_SENTENCE_TEST_UTIL_H_
