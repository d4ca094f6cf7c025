// The text layer's entry point: segments a Document's text into sentences and tokens.
#ifndef DYAD_TEXT_ANALYZER_H_
#define DYAD_TEXT_ANALYZER_H_

#include "model/document.h"

namespace dyad::text {

// Replaces doc.forms, doc.sentences and doc.tokens with the segmentation of doc.text.
// REQUIRES: doc.text is valid UTF-8 (readers guarantee it). Never fails; thread-safe.
void SegmentAndTokenize(model::Document& doc);

}  // namespace dyad::text

#endif  // DYAD_TEXT_ANALYZER_H_
