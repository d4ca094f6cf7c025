#include "text/analyzer.h"

namespace dyad::text {

// Placeholder until the segmenter lands: one sentence, whitespace tokens.
void SegmentAndTokenize(model::Document& doc) {
  doc.ClearAnalysis();
  model::Sentence s;
  s.start = 0;
  s.end = static_cast<uint32_t>(doc.text.size());
  size_t i = 0;
  while (i < doc.text.size()) {
    while (i < doc.text.size() && (doc.text[i] == ' ' || doc.text[i] == '\n')) ++i;
    size_t j = i;
    while (j < doc.text.size() && doc.text[j] != ' ' && doc.text[j] != '\n') ++j;
    if (j > i) {
      model::Token t;
      t.start = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(j);
      t.form_start = static_cast<uint32_t>(doc.forms.size());
      t.form_length = static_cast<uint16_t>(j - i);
      doc.forms.append(doc.text, i, j - i);
      doc.tokens.push_back(t);
    }
    i = j;
  }
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
}

}  // namespace dyad::text
