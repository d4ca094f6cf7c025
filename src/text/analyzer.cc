#include "text/analyzer.h"

#include "text/normalizer.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace dyad::text {

void SegmentAndTokenize(model::Document& doc) {
  doc.ClearAnalysis();
  // Scratch reused across documents on the same thread: steady state allocates nothing here.
  thread_local std::vector<RawToken> raw;
  raw.clear();
  Tokenize(doc.text, raw);
  Segment(doc.text, raw, doc.sentences);
  doc.tokens.resize(raw.size());
  doc.forms.reserve(doc.text.size());
  const std::string_view text = doc.text;
  for (size_t i = 0; i < raw.size(); ++i) {
    model::Token& t = doc.tokens[i];
    t = model::Token{};
    t.start = raw[i].start;
    t.end = raw[i].end;
    t.form_start = static_cast<uint32_t>(doc.forms.size());
    AppendNormalizedForm(text.substr(t.start, t.end - t.start), doc.forms);
    t.form_length = static_cast<uint16_t>(doc.forms.size() - t.form_start);
    if (i + 1 < raw.size() ? raw[i + 1].space_before : t.end < text.size()) {
      t.flags |= model::Token::kSpaceAfter;
    }
  }
  // Heads are sentence-relative; nothing is parsed yet.
}

}  // namespace dyad::text
