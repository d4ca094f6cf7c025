// CoNLL-U as a DocumentStream format (pre-parsed input for `dyad code`): the file is read in chunks
// that end before a "# newdoc" line or after kMaxSentencesPerDocument sentences, so a corpus of any
// size streams; each chunk goes through ParseConllu (conllu.h) with its first line number, so
// errors name the right line. A chunk that fails to parse is one error; reading goes on after it.
#include <deque>

#include "io/conllu.h"
#include "io/record_reader.h"

namespace dyad::io {

namespace {

class ConlluReader : public RecordReader {
 public:
  explicit ConlluReader(ReaderInput input) : input_(std::move(input)) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    while (ready_.empty()) {
      if (done_) return ReadEvent::kEnd;
      size_t first_line = 0;
      Status s = ReadChunk(&first_line);
      if (!s.ok()) {
        chunk_.clear();  // the damaged group is lost; the next one starts clean
        *error = s;
        return ReadEvent::kError;
      }
      if (chunk_.empty()) continue;
      auto docs = ParseConllu(chunk_, input_.name, first_line);
      chunk_.clear();
      if (!docs.ok()) {
        *error = docs.status();
        return ReadEvent::kError;
      }
      for (auto& d : *docs) {
        if (!d.date) d.date = input_.options.default_date;
        ready_.push_back(std::move(d));
      }
    }
    *doc = std::move(ready_.front());
    ready_.pop_front();
    return ReadEvent::kDocument;
  }

 private:
  // Fills chunk_ with the next group of sentences (starting with a pending "# newdoc" line).
  Status ReadChunk(size_t* first_line) {
    *first_line = line_ + 1 - (pending_.empty() ? 0 : 1);
    if (!pending_.empty()) {
      chunk_ = std::move(pending_) + "\n";
      pending_.clear();
    }
    size_t sentences = 0;
    std::string line;
    for (;;) {
      BufferedReader::Result r = input_.in->ReadLine(&line, input_.options.max_record_bytes);
      if (r == BufferedReader::Result::kEnd) {
        done_ = true;
        return Status::Ok();
      }
      ++line_;
      if (r == BufferedReader::Result::kError) {
        done_ = true;
        return input_.in->status().WithContext(input_.name);
      }
      if (r == BufferedReader::Result::kTooLong) return AtLine(RecordTooLargeError(input_.options), input_.name, line_);
      if (Status s = CheckRecordBytes(line); !s.ok()) return AtLine(s, input_.name, line_);
      if (line.rfind("# newdoc", 0) == 0 && !chunk_.empty()) {
        pending_ = line;
        return Status::Ok();
      }
      chunk_ += line;
      chunk_ += '\n';
      if (line.empty() && ++sentences >= kMaxSentencesPerDocument) return Status::Ok();
    }
  }

  ReaderInput input_;
  std::string chunk_, pending_;
  std::deque<model::Document> ready_;
  size_t line_ = 0;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewConlluReader(ReaderInput input) {
  return std::make_unique<ConlluReader>(std::move(input));
}

}  // namespace dyad::io
