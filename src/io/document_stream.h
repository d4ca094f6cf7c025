// Reading documents from files, directories and stdin, in every input format dyad accepts.
//
// A DocumentStream walks its inputs in order (directories recursively, sorted by path; "-" is
// stdin), decompresses .gz and .zst transparently, picks a reader per file (by --input-format, or
// by extension and content sniffing when the format is kAuto) and yields one Document per record.
// A record or file that cannot be read yields an error naming "file:line: what is wrong"; the
// stream then goes on with the next record, so one bad line never loses the rest of a corpus.
// Where to look: input_source.h (files, directories, stdin, decompression), format_sniffer.h (how
// kAuto decides), record_reader.h (conventions every reader keeps) and the file comment of each
// *_reader.cc (what each format accepts).
// Not thread-safe: one stream is read by one thread.
#ifndef DYAD_IO_DOCUMENT_STREAM_H_
#define DYAD_IO_DOCUMENT_STREAM_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"
#include "model/document.h"

namespace dyad::io {

enum class InputFormat { kAuto, kText, kJsonl, kHtml, kPetrarchXml, kTabari, kConllu };

// "auto", "text", "jsonl", "html", "petrarch-xml", "tabari", "conllu".
StatusOr<InputFormat> ParseInputFormat(std::string_view name);
std::string_view InputFormatName(InputFormat format);

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  // Publication date for documents whose input carries none (plain text, --date).
  std::optional<model::Date> default_date;
  // A record (a JSONL line, a whole text file, an XML <Sentence>) larger than this is an error.
  size_t max_record_bytes = size_t{64} << 20;
};

enum class ReadEvent {
  kDocument,  // *doc holds the next document
  kError,     // *error says which record or file failed and why; call Next() again to go on
  kEnd,       // every input has been read
};

class DocumentStream {
 public:
  virtual ~DocumentStream() = default;

  // Opens a stream over `inputs` (paths of files or directories, "-" for stdin). Inputs are opened
  // lazily: a missing or unreadable one surfaces as a kError from Next(), not here. Fails only on
  // invalid options.
  static StatusOr<std::unique_ptr<DocumentStream>> Open(std::vector<std::string> inputs,
                                                        ReadOptions options);

  // Reads the next record. On kDocument, *doc is overwritten (its id is never empty: records
  // without one get "<file>:<record number>"), and doc->origin says where it came from.
  virtual ReadEvent Next(model::Document* doc, Status* error) = 0;
};

}  // namespace dyad::io

#endif  // DYAD_IO_DOCUMENT_STREAM_H_
