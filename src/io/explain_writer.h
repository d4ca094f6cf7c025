// How a sentence was coded, as JSON: tokens with tags and parse, actor and agent mentions, the
// verbs the dictionary knows and every pattern tried. `dyad explain --json` writes one object a
// line; the server's /v1/code answers with the same objects so the web UI can highlight actors and
// verbs and show the parse and the pattern behind each event.
//
// Object keys: doc_id, sentence, dateline, link_line, text, tokens [{form, lemma, upos, xpos, head
// (1-based, 0 = root), deprel, start, end}], and when a trace is given: discarded (phrase or null),
// mentions [{begin, end (token range), kind "actor"|"agent", code, where}], verbs [{token (0-based),
// lemma, block, patterns [{pattern, where, matched, score, why}], outcome}]. Offsets are bytes of
// the document text. Thread safety: pure functions.
#ifndef DYAD_IO_EXPLAIN_WRITER_H_
#define DYAD_IO_EXPLAIN_WRITER_H_

#include <string>
#include <vector>

#include "coding/coder.h"
#include "model/document.h"

namespace dyad::io {

// A verb pattern as dictionary authors read it: "* AGREEMENT|ACCORD [057:057]".
std::string DescribePattern(const lexicon::VerbDictionary& dict, const lexicon::VerbPattern& pattern);

// Appends sentence `index` of `doc` as one JSON object (no newline). `trace` may be null (the
// sentence was not coded): the object then ends after "tokens".
void AppendSentenceJson(const model::Document& doc, const coding::Coder& coder, size_t index,
                        const coding::SentenceTrace* trace, std::string& out);

// Every sentence of `doc`, one object a line; traces[i] belongs to sentence i (may be shorter).
void AppendExplainJson(const model::Document& doc, const coding::Coder& coder,
                       const std::vector<coding::SentenceTrace>& traces, std::string& out);

}  // namespace dyad::io

#endif  // DYAD_IO_EXPLAIN_WRITER_H_
