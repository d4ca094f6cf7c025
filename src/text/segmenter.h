// Sentence segmentation of news text over the tokenizer's output.
//
// Boundaries: paragraph breaks (blank lines) always; sentence-final punctuation (. ! ? ...) when
// what follows can start a sentence (a capital, a digit, an opening quote or bracket), with
// closing quotes and brackets kept in the sentence they close; abbreviations never end a sentence
// unless they may ("Inc.", "U.S.") and a typical sentence opener follows; a single line break when
// the line before is short (headlines, bylines, datelines, list items) or the next line is a list
// item. Datelines at the start of an article ("TEHRAN (Reuters) -", "BEIRUT, July 23 (AFP) -")
// become sentences of their own flagged kDateline, so the parser never sees them as prose and the
// place resolver can read them. Sentences longer than kMaxSentenceTokens are cut at the last comma
// or semicolon, which bounds the parser's work on tables and junk.
#ifndef DYAD_TEXT_SEGMENTER_H_
#define DYAD_TEXT_SEGMENTER_H_

#include <span>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "text/tokenizer.h"

namespace dyad::text {

inline constexpr uint32_t kMaxSentenceTokens = 250;

// Appends the sentences of `tokens` (the tokenization of `text`) to `out`, as token ranges with
// byte spans from the first token's start to the last token's end. Every token lands in exactly
// one sentence, in order. Thread-safe.
void Segment(std::string_view text, std::span<const RawToken> tokens,
             std::vector<model::Sentence>& out);

}  // namespace dyad::text

#endif  // DYAD_TEXT_SEGMENTER_H_
