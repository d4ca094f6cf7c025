// The per-format half of a DocumentStream: a RecordReader turns the bytes of one input file into
// Documents. DocumentStream (document_stream.cc, NewRecordReader) picks one per file; adding a
// format means writing a RecordReader and one case in that switch.
//
// Conventions every reader follows, so diagnostics look the same whatever the format:
//   - errors read "NAME:LINE: what" (or "NAME: what" for whole-file problems), NAME being the
//     input's display name (the path, or "stdin");
//   - a bad record yields kError and the reader goes on with the next record; a read error (a
//     truncated gzip stream) yields one kError and then kEnd;
//   - doc->origin is "NAME:LINE" of the record's first line, doc->id is never empty
//     ("NAME:RECORD" when the input has none);
//   - record text is valid UTF-8 without NUL bytes (CheckRecordBytes).
// Not thread-safe.
#ifndef DYAD_IO_RECORD_READER_H_
#define DYAD_IO_RECORD_READER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "dyad/status.h"
#include "io/document_stream.h"
#include "io/input_source.h"
#include "model/document.h"

namespace dyad::io {

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // As DocumentStream::Next, for one file.
  virtual ReadEvent Next(model::Document* doc, Status* error) = 0;
};

// What every reader is built from: the input's display name, its bytes and the options.
struct ReaderInput {
  std::string name;
  std::unique_ptr<BufferedReader> in;
  ReadOptions options;
};

std::unique_ptr<RecordReader> NewTextReader(ReaderInput input);
std::unique_ptr<RecordReader> NewJsonlReader(ReaderInput input);
std::unique_ptr<RecordReader> NewHtmlReader(ReaderInput input);
std::unique_ptr<RecordReader> NewPetrarchXmlReader(ReaderInput input);
std::unique_ptr<RecordReader> NewTabariReader(ReaderInput input);
std::unique_ptr<RecordReader> NewConlluReader(ReaderInput input);

// Replaces `*doc` with the article in `line`, one record of the jsonl format (see
// jsonl_reader.cc for the keys). doc->id stays empty when the record has none, doc->origin is not
// set: the caller knows where the record came from. The Python module codes its documents through
// this, so they are read exactly as `dyad code` reads a JSONL file.
Status ParseJsonlRecord(std::string_view line, const ReadOptions& options, model::Document* doc);

// OK, or why `bytes` cannot be a record: "binary data (NUL byte at byte N)" or "invalid UTF-8
// byte 0xFF at byte N" (offsets relative to `bytes`). Code kDataLoss. When `bad_offset` is not
// null it receives the offset of the offending byte (for a line number).
Status CheckRecordBytes(std::string_view bytes, size_t* bad_offset = nullptr);

// "record of more than N MiB" for the cap in `options`, code kResourceExhausted.
Status RecordTooLargeError(const ReadOptions& options);

// Reads the rest of `input` as one record (a whole text or HTML file): at most
// options.max_record_bytes, a UTF-8 byte order mark dropped, checked by CheckRecordBytes. Errors
// name the file (and the line of a bad byte).
Status ReadWholeRecord(ReaderInput& input, std::string* bytes);

// "NAME:LINE: message" (LINE omitted when 0), keeping the code of `s`.
Status AtLine(const Status& s, std::string_view name, size_t line);

// Parses a "YYYYMMDD" date (PETRARCH); nullopt when malformed or not a calendar day.
std::optional<model::Date> ParseCompactDate(std::string_view s);

// Parses a "YYMMDD" date (TABARI) with the two-digit-year pivot of TABARI's data: 00-39 ->
// 2000-2039, 40-99 -> 1940-1999.
std::optional<model::Date> ParseTwoDigitYearDate(std::string_view s);

// Strips a leading UTF-8 byte order mark.
std::string_view StripBom(std::string_view s);

}  // namespace dyad::io

#endif  // DYAD_IO_RECORD_READER_H_
