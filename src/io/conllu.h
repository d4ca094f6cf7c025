// CoNLL-U (https://universaldependencies.org/format.html) to and from model::Document.
//
// Reading: one Document per "# newdoc" block; sentences before the first "# newdoc" (or a whole
// file without any) form one document, split every kMaxSentencesPerDocument sentences so a
// treebank without document markers still runs in parallel. Multiword-token ranges ("3-4") and
// empty nodes ("8.1") are skipped: tokens are the syntactic words. Document::text is rebuilt so
// that every token's [start, end) is exact: sentences come from "# text" when each word can be
// found in it in order, otherwise from the forms joined by one space unless SpaceAfter=No.
// Sentences are separated by "\n" ("\n\n" at "# newpar"). A word inside a multiword token gets its
// exact slice when the words spell the surface form ("do"+"n't" = "don't"), else the whole token.
// Token::form is FORM, lemma is LEMMA ("_" means none), head is HEAD-1 (-1 for root), upos, xpos
// and deprel are ids from model/tagset.h (0 when unknown to the tagset).
//
// Writing prints the columns the nlp stage fills; FEATS and DEPS are "_".
#ifndef DYAD_IO_CONLLU_H_
#define DYAD_IO_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"

namespace dyad::io {

inline constexpr size_t kMaxSentencesPerDocument = 200;

// Parses CoNLL-U text. `file_name` prefixes error messages ("file:line: what"). Errors: a line
// that is not a comment, blank or 10 tab-separated columns, a bad ID or HEAD, a HEAD outside
// the sentence, an empty FORM (kInvalidArgument). Every document's `origin` is "file:line" of its first line.
// `first_line` is the line number of content's first line in its file (for chunked reading).
StatusOr<std::vector<model::Document>> ParseConllu(std::string_view content,
                                                   std::string_view file_name, size_t first_line = 1);

// Reads a whole file ("-" is stdin) and parses it.
StatusOr<std::vector<model::Document>> ReadConlluFile(const std::string& path);

// Appends `doc` as CoNLL-U: "# newdoc id", then per sentence "# sent_id = <doc id>-<n>",
// "# text", one line per token and a blank line. FORM is the original text of the token.
void AppendConllu(const model::Document& doc, std::string& out);

}  // namespace dyad::io

#endif  // DYAD_IO_CONLLU_H_
