// dyad explain: for each sentence, the tokens with tags and parse, the actor and agent matches,
// the verbs the dictionary knows, every pattern tried and why each event was or was not coded.
// Readable in a terminal; --json gives one JSON object per sentence for tools.
#include <cstdio>

#include <fmt/format.h>

#include "commands.h"
#include "driver.h"
#include "engine_options.h"
#include "io/explain_writer.h"
#include "model/tagset.h"

namespace dyad::tools {

namespace {

void WriteText(const model::Document& doc, const coding::Coder& coder,
               const std::vector<coding::SentenceTrace>& traces, std::string& out) {
  const auto& dicts = coder.dictionaries();
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const model::Sentence& s = doc.sentences[i];
    auto tokens = doc.Tokens(s);
    fmt::format_to(std::back_inserter(out), "{} sentence {}{}: {}\n", doc.id, i,
                   (s.flags & model::Sentence::kDateline)   ? " (dateline, not coded)"
                   : (s.flags & model::Sentence::kLinkLine) ? " (link to another story, not coded)"
                                                            : "",
                   doc.Text(s));
    for (size_t t = 0; t < tokens.size(); ++t) {
      const model::Token& tok = tokens[t];
      fmt::format_to(std::back_inserter(out), "  {:>3} {:<18} {:<6} {:<5} {:<16} {:>3} {}\n", t + 1,
                     doc.Form(tok), model::UposName(tok.upos), model::XposName(tok.xpos), doc.Lemma(tok),
                     tok.head + 1, model::DeprelName(tok.deprel));
    }
    if (i >= traces.size()) continue;
    const coding::SentenceTrace& tr = traces[i];
    if (!tr.discarded.empty()) fmt::format_to(std::back_inserter(out), "  discarded by {}\n", tr.discarded);
    for (const auto& m : tr.mentions) {
      std::string text;
      for (uint32_t t = m.begin; t < m.end; ++t) text += (text.empty() ? "" : " ") + std::string(doc.Form(tokens[t]));
      fmt::format_to(std::back_inserter(out), "  {} {:<30} {:<12} {}\n", m.agent ? "agent" : "actor", text, m.code,
                     m.where);
    }
    for (const auto& v : tr.verbs) {
      fmt::format_to(std::back_inserter(out), "  verb {} '{}' (block {})\n", v.token + 1, v.lemma, v.block);
      for (const auto& trial : v.trials) {
        fmt::format_to(std::back_inserter(out), "    {} {:<40} {}\n", trial.matched ? "+" : "-",
                       io::DescribePattern(dicts.verbs, *trial.pattern),
                       trial.matched ? fmt::format("matched, score {} ({})", trial.score,
                                                   dicts.verbs.Where(trial.pattern->where))
                                     : trial.why + " (" + dicts.verbs.Where(trial.pattern->where) + ")");
      }
      fmt::format_to(std::back_inserter(out), "    => {}\n", v.outcome);
    }
    out += '\n';
  }
}

}  // namespace

void AddExplainCommand(CLI::App& app, CommandRunner* run) {
  auto options = std::make_shared<InputOptions>();
  auto flags = std::make_shared<EngineFlags>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "explain", "Show how each sentence is coded: tokens, parse, actors, verbs, patterns tried, outcomes");
  AddInputOptions(cmd, options.get());
  AddEngineOptions(cmd, flags.get());
  cmd->add_flag("--json", *json, "One JSON object per sentence instead of text");
  cmd->footer("Example:\n  echo 'Iran and Iraq signed an accord.' | dyad explain - --date 2017-07-23");
  cmd->callback([options, flags, json, run] {
    *run = [options, flags, json] {
      auto engine = pipeline::Engine::Open(flags->ToOptions());
      if (!engine.ok()) {
        std::fprintf(stderr, "dyad explain: %s\n", engine.status().message().c_str());
        return 2;
      }
      const pipeline::Engine& e = **engine;
      const bool as_json = *json;
      return RunDocuments("explain", *options, [&e, as_json](model::Document& doc, std::string& out) {
        thread_local pipeline::Engine::Workspace ws;
        std::vector<model::Event> events;
        std::vector<coding::SentenceTrace> traces;
        DYAD_RETURN_IF_ERROR(e.Code(doc, ws, events, &traces));
        if (as_json) {
          io::AppendExplainJson(doc, e.coder(), traces, out);
        } else {
          WriteText(doc, e.coder(), traces, out);
        }
        return Status::Ok();
      });
    };
  });
}

}  // namespace dyad::tools
