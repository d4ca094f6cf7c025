// DocumentStream: the walk over inputs (input_source.h), format choice (format_sniffer.h) and one
// RecordReader per file (record_reader.h). NewRecordReader is the one place where a format gets
// its reader.
#include "io/document_stream.h"

#include <deque>

#include "io/format_sniffer.h"
#include "io/input_source.h"
#include "io/record_reader.h"

namespace dyad::io {

namespace {

struct FormatName {
  InputFormat format;
  std::string_view name;
};
constexpr FormatName kFormatNames[] = {
    {InputFormat::kAuto, "auto"},   {InputFormat::kText, "text"},
    {InputFormat::kJsonl, "jsonl"}, {InputFormat::kHtml, "html"},
    {InputFormat::kPetrarchXml, "petrarch-xml"}, {InputFormat::kTabari, "tabari"},
    {InputFormat::kConllu, "conllu"},
};

// Opens `path` and builds the reader for its format. Errors name the file.
StatusOr<std::unique_ptr<RecordReader>> NewRecordReader(const std::string& path,
                                                        const ReadOptions& options) {
  const std::string name = DisplayName(path);
  StatusOr<std::unique_ptr<ByteSource>> source = OpenInput(path);
  if (!source.ok()) return source.status().WithContext(name);
  auto in = std::make_unique<BufferedReader>(std::move(source).value());

  InputFormat format = options.format;
  if (format == InputFormat::kAuto) {
    std::string_view head = in->Peek(kSniffBytes);
    if (head.empty() && !in->status().ok()) return in->status().WithContext(name);
    format = DetectFormat(path, head);
  }
  ReaderInput input{name, std::move(in), options};
  switch (format) {
    case InputFormat::kText:
      return NewTextReader(std::move(input));
    case InputFormat::kJsonl:
      return NewJsonlReader(std::move(input));
    case InputFormat::kHtml:
      return NewHtmlReader(std::move(input));
    case InputFormat::kPetrarchXml:
      return NewPetrarchXmlReader(std::move(input));
    case InputFormat::kTabari:
      return NewTabariReader(std::move(input));
    case InputFormat::kConllu:
      return NewConlluReader(std::move(input));
    case InputFormat::kAuto:
      break;
  }
  return InternalError(name + ": no reader for the detected format");
}

class MultiFileStream : public DocumentStream {
 public:
  MultiFileStream(std::vector<std::string> inputs, ReadOptions options)
      : inputs_(inputs.begin(), inputs.end()), options_(options) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    for (;;) {
      if (reader_ != nullptr) {
        ReadEvent ev = reader_->Next(doc, error);
        if (ev != ReadEvent::kEnd) return ev;
        reader_.reset();
      }
      if (files_.empty()) {
        if (inputs_.empty()) return ReadEvent::kEnd;
        std::vector<InputEntry> listed = ListInputs(inputs_.front());
        inputs_.pop_front();
        files_.assign(std::make_move_iterator(listed.begin()), std::make_move_iterator(listed.end()));
        continue;
      }
      InputEntry entry = std::move(files_.front());
      files_.pop_front();
      if (!entry.error.ok()) {
        *error = entry.error.WithContext(DisplayName(entry.path));
        return ReadEvent::kError;
      }
      StatusOr<std::unique_ptr<RecordReader>> reader = NewRecordReader(entry.path, options_);
      if (!reader.ok()) {
        *error = reader.status();
        return ReadEvent::kError;
      }
      reader_ = std::move(reader).value();
    }
  }

 private:
  std::deque<std::string> inputs_;
  std::deque<InputEntry> files_;  // files of the input being read
  std::unique_ptr<RecordReader> reader_;
  ReadOptions options_;
};

}  // namespace

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  for (const FormatName& f : kFormatNames) {
    if (f.name == name) return f.format;
  }
  return InvalidArgumentError("unknown input format '" + std::string(name) +
                              "' (expected auto, text, jsonl, html, petrarch-xml, tabari or conllu)");
}

std::string_view InputFormatName(InputFormat format) {
  for (const FormatName& f : kFormatNames) {
    if (f.format == format) return f.name;
  }
  return "unknown";
}

StatusOr<std::unique_ptr<DocumentStream>> DocumentStream::Open(std::vector<std::string> inputs,
                                                               ReadOptions options) {
  if (inputs.empty()) return InvalidArgumentError("no inputs");
  if (options.max_record_bytes == 0) return InvalidArgumentError("max_record_bytes must be positive");
  return std::unique_ptr<DocumentStream>(new MultiFileStream(std::move(inputs), options));
}

}  // namespace dyad::io
