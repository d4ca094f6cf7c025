// Input helpers shared by the nlp fuzz targets.
#ifndef DYAD_FUZZ_NLP_FUZZ_H_
#define DYAD_FUZZ_NLP_FUZZ_H_

#include <algorithm>
#include <string_view>

#include "model/document.h"

namespace dyad::fuzz {

// Appends a sentence of the tokens of `line` (split at ' ') to `doc`.
inline void AddSentence(std::string_view line, model::Document& doc) {
  model::Sentence s;
  s.start = static_cast<uint32_t>(doc.text.size());
  s.token_begin = static_cast<uint32_t>(doc.tokens.size());
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t space = std::min(line.find(' ', pos), line.size());
    std::string_view word = line.substr(pos, space - pos);
    pos = space + 1;
    if (word.empty() || word.size() > model::Token::kMaxTokenBytes) continue;
    model::Token t;
    t.start = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    t.end = static_cast<uint32_t>(doc.text.size());
    doc.text += ' ';
    t.form_start = static_cast<uint32_t>(doc.forms.size());
    t.form_length = static_cast<uint16_t>(word.size());
    doc.forms += word;
    t.flags = model::Token::kSpaceAfter;
    doc.tokens.push_back(t);
  }
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  s.end = static_cast<uint32_t>(doc.text.size());
  if (s.token_end > s.token_begin) doc.sentences.push_back(s);
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_NLP_FUZZ_H_
