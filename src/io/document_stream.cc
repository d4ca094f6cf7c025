// Placeholder: plain-text files only. Replaced by the full readers.
#include "io/document_stream.h"

#include <fstream>
#include <sstream>

namespace dyad::io {

StatusOr<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  return InvalidArgumentError("unknown input format '" + std::string(name) + "'");
}

std::string_view InputFormatName(InputFormat) { return "text"; }

namespace {
class TextStream : public DocumentStream {
 public:
  TextStream(std::vector<std::string> inputs, ReadOptions o) : inputs_(std::move(inputs)), o_(o) {}
  ReadEvent Next(model::Document* doc, Status* error) override {
    if (next_ >= inputs_.size()) return ReadEvent::kEnd;
    const std::string& path = inputs_[next_++];
    std::ifstream in(path, std::ios::binary);
    if (!in) { *error = UnavailableError(path + ": cannot open"); return ReadEvent::kError; }
    std::stringstream ss;
    ss << in.rdbuf();
    *doc = model::Document();
    doc->id = path;
    doc->origin = path;
    doc->text = ss.str();
    doc->date = o_.default_date;
    return ReadEvent::kDocument;
  }
 private:
  std::vector<std::string> inputs_;
  ReadOptions o_;
  size_t next_ = 0;
};
}  // namespace

StatusOr<std::unique_ptr<DocumentStream>> DocumentStream::Open(std::vector<std::string> inputs,
                                                               ReadOptions options) {
  return std::unique_ptr<DocumentStream>(new TextStream(std::move(inputs), options));
}

}  // namespace dyad::io
