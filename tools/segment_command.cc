// dyad segment: sentences and tokens as JSONL, one sentence a line, offsets in bytes of the
// document text.
#include <fmt/format.h>

#include "commands.h"
#include "driver.h"
#include "io/json_writer.h"
#include "text/analyzer.h"

namespace dyad::tools {

namespace {

void WriteSentences(const model::Document& doc, std::string& out) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const model::Sentence& s = doc.sentences[i];
    out += "{\"doc_id\":";
    io::AppendJsonString(out, doc.id);
    fmt::format_to(std::back_inserter(out), ",\"index\":{},\"start\":{},\"end\":{},\"text\":", i,
                   s.start, s.end);
    io::AppendJsonString(out, doc.Text(s));
    out += ",\"tokens\":[";
    bool first = true;
    for (const model::Token& t : doc.Tokens(s)) {
      if (!first) out.push_back(',');
      first = false;
      out += "{\"text\":";
      io::AppendJsonString(out, doc.Text(t));
      fmt::format_to(std::back_inserter(out), ",\"start\":{},\"end\":{}}}", t.start, t.end);
    }
    out += "]}\n";
  }
}

}  // namespace

void AddSegmentCommand(CLI::App& app, CommandRunner* run) {
  auto options = std::make_shared<InputOptions>();
  CLI::App* cmd = app.add_subcommand(
      "segment", "Split documents into sentences and tokens (JSONL, one sentence a line)");
  AddInputOptions(cmd, options.get());
  cmd->callback([options, run] {
    *run = [options] {
      return RunDocuments("segment", *options, [](model::Document& doc, std::string& out) {
        text::SegmentAndTokenize(doc);
        WriteSentences(doc, out);
        return Status::Ok();
      });
    };
  });
}

}  // namespace dyad::tools
