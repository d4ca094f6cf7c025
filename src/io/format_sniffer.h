// Choosing an input format for --input-format auto: by file name first, by content otherwise.
//
// Extensions (after dropping .gz/.zst, case-insensitive): .jsonl/.ndjson -> jsonl, .html/.htm ->
// html, .xml -> petrarch-xml, .conllu -> conllu, .txt/.text -> text, except that a .txt/.text file
// whose content sniffs as TABARI records is read as tabari (TABARI's own files are *.text, e.g.
// Validate.text). Any other name, and stdin, is decided by content (SniffFormat).
#ifndef DYAD_IO_FORMAT_SNIFFER_H_
#define DYAD_IO_FORMAT_SNIFFER_H_

#include <string_view>

#include "io/document_stream.h"

namespace dyad::io {

// How many leading bytes of content DetectFormat wants to see.
inline constexpr size_t kSniffBytes = size_t{64} << 10;

// The format implied by the name, or kAuto when the name says nothing.
InputFormat FormatFromPath(std::string_view path);

// The format implied by the first bytes of the (decompressed) content, never kAuto:
//   first non-space byte '{'                                     -> jsonl
//   '<' and "<Sentence" occurs in `head`                         -> petrarch-xml
//   '<' and "<!doctype html" or "<html" occurs (any case)        -> html
//   '<' and starts with "<?xml"                                  -> petrarch-xml
//   first line that is not blank or a '#' comment is "YYMMDD ID" and the next line has text
//                                                                -> tabari
//   anything else                                                -> text
InputFormat SniffFormat(std::string_view head);

// The whole rule of the file comment: name first, then content.
InputFormat DetectFormat(std::string_view path, std::string_view head);

// True when the line looks like a TABARI record header: a YYMMDD date (or YYYYMMDD, TABARI's
// YYYY option), then blanks and an id, or nothing.
bool IsTabariHeader(std::string_view line);

}  // namespace dyad::io

#endif  // DYAD_IO_FORMAT_SNIFFER_H_
