// The body of every reader's fuzz target: the input is one file of the reader's format. The reader
// must end (each event consumes input), every document must keep the RecordReader conventions
// (record_reader.h) and every error must name the file.
#ifndef DYAD_FUZZ_READER_FUZZ_H_
#define DYAD_FUZZ_READER_FUZZ_H_

#include <memory>
#include <string>

#include "fuzz/fuzz_util.h"
#include "io/input_source.h"
#include "io/record_reader.h"

namespace dyad::fuzz {

using NewReaderFn = std::unique_ptr<io::RecordReader> (*)(io::ReaderInput);

inline int FuzzReader(NewReaderFn new_reader, const uint8_t* data, size_t size) {
  io::ReaderInput input;
  input.name = "fuzz";
  input.in = std::make_unique<io::BufferedReader>(io::NewStringSource(std::string(AsText(data, size))));
  // Small enough that the fuzzer reaches the cap, large enough for real records.
  input.options.max_record_bytes = 4096;
  std::unique_ptr<io::RecordReader> reader = new_reader(std::move(input));
  // Every event consumes at least one line or byte, so more events than bytes means a loop.
  for (size_t events = 0;; ++events) {
    FUZZ_CHECK(events <= size + 2);
    model::Document doc;
    Status error;
    io::ReadEvent ev = reader->Next(&doc, &error);
    if (ev == io::ReadEvent::kEnd) break;
    if (ev == io::ReadEvent::kError) {
      FUZZ_CHECK(!error.ok());
      FUZZ_CHECK(error.message().starts_with("fuzz"));
      continue;
    }
    FUZZ_CHECK(!doc.id.empty());
    FUZZ_CHECK(doc.origin.starts_with("fuzz"));
    FUZZ_CHECK(text::FindInvalidUtf8(doc.text) == std::string_view::npos);
    FUZZ_CHECK(doc.text.find('\0') == std::string::npos);
    if (!doc.tokens.empty()) CheckTextLayer(doc, /*from_tokenizer=*/false);  // CoNLL-U
  }
  return 0;
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_READER_FUZZ_H_
