// Plain text: the whole file is one document. The bytes are stored exactly as read (CRLF stays
// CRLF; leading and trailing space stay), except that a UTF-8 byte order mark is dropped: every
// later offset points into Document::text, so the text layer, not the reader, decides what a
// line break is. id = the display name, origin = "NAME:1", date = ReadOptions::default_date.
#include "io/record_reader.h"

namespace dyad::io {

namespace {

class TextReader : public RecordReader {
 public:
  explicit TextReader(ReaderInput input) : input_(std::move(input)) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    if (done_) return ReadEvent::kEnd;
    done_ = true;
    std::string text;
    if (Status s = ReadWholeRecord(input_, &text); !s.ok()) {
      *error = s;
      return ReadEvent::kError;
    }
    *doc = model::Document();
    doc->id = input_.name;
    doc->origin = input_.name + ":1";
    doc->text = std::move(text);
    doc->date = input_.options.default_date;
    return ReadEvent::kDocument;
  }

 private:
  ReaderInput input_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewTextReader(ReaderInput input) {
  return std::make_unique<TextReader>(std::move(input));
}

}  // namespace dyad::io
