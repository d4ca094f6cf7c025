// See explain_writer.h.
#include "io/explain_writer.h"

#include <fmt/format.h>

#include "io/json_writer.h"
#include "model/tagset.h"

namespace dyad::io {

namespace {

std::string DescribeWords(const lexicon::VerbDictionary& dict, const lexicon::WordSeq& words) {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s += ' ';
    switch (w.kind) {
      case lexicon::WordKind::kSource: s += '$'; break;
      case lexicon::WordKind::kTarget: s += '+'; break;
      case lexicon::WordKind::kSkip: s += '^'; break;
      case lexicon::WordKind::kCompound: s += '%'; break;
      case lexicon::WordKind::kSynset: {
        // Anonymous sets of the dyad format ("file:line") read best as their members.
        const lexicon::Synset* set = dict.FindSynset(w.text);
        if (set != nullptr && w.text.find(':') != std::string::npos) {
          for (size_t m = 0; m < set->members.size(); ++m) {
            s += (m ? "|" : "") + DescribeWords(dict, set->members[m].words);
          }
        } else {
          s += '&' + w.text;
        }
        break;
      }
      default: s += w.text + (w.exact ? "" : "*");
    }
  }
  return s;
}

}  // namespace

std::string DescribePattern(const lexicon::VerbDictionary& dict, const lexicon::VerbPattern& pattern) {
  std::string s;
  auto part = [&](const std::vector<lexicon::Constituent>& cs) {
    for (const auto& c : cs) {
      if (!s.empty()) s += ' ';
      if (c.is_prep) {
        s += "(" + c.preposition.text;
        for (const auto& np : c.nouns) s += " " + DescribeWords(dict, np.words);
        s += ")";
      } else {
        for (const auto& np : c.nouns) s += DescribeWords(dict, np.words);
      }
    }
  };
  part(pattern.before);
  s += s.empty() ? "*" : " *";
  part(pattern.after);
  return s + " [" + pattern.code.ToString() + "]";
}

void AppendSentenceJson(const model::Document& doc, const coding::Coder& coder, size_t i,
                        const coding::SentenceTrace* trace, std::string& out) {
  const auto& dicts = coder.dictionaries();
  const model::Sentence& s = doc.sentences[i];
  auto tokens = doc.Tokens(s);
  out += "{\"doc_id\":";
  AppendJsonString(out, doc.id);
  fmt::format_to(std::back_inserter(out), ",\"sentence\":{},\"dateline\":{},\"link_line\":{},\"text\":", i,
                 (s.flags & model::Sentence::kDateline) ? "true" : "false",
                 (s.flags & model::Sentence::kLinkLine) ? "true" : "false");
  AppendJsonString(out, doc.Text(s));
  out += ",\"tokens\":[";
  for (size_t t = 0; t < tokens.size(); ++t) {
    const model::Token& tok = tokens[t];
    if (t) out += ',';
    out += "{\"form\":";
    AppendJsonString(out, doc.Form(tok));
    out += ",\"lemma\":";
    AppendJsonString(out, doc.Lemma(tok));
    fmt::format_to(std::back_inserter(out), ",\"upos\":\"{}\",\"xpos\":", model::UposName(tok.upos));
    AppendJsonString(out, model::XposName(tok.xpos));
    fmt::format_to(std::back_inserter(out), ",\"head\":{},\"deprel\":\"{}\",\"start\":{},\"end\":{}}}",
                   tok.head + 1, model::DeprelName(tok.deprel), tok.start, tok.end);
  }
  out += "]";
  if (trace != nullptr) {
    const coding::SentenceTrace& tr = *trace;
    out += ",\"discarded\":";
    if (tr.discarded.empty()) out += "null"; else AppendJsonString(out, tr.discarded);
    out += ",\"mentions\":[";
    for (size_t k = 0; k < tr.mentions.size(); ++k) {
      const auto& m = tr.mentions[k];
      if (k) out += ',';
      fmt::format_to(std::back_inserter(out), "{{\"begin\":{},\"end\":{},\"kind\":\"{}\",\"code\":", m.begin,
                     m.end, m.agent ? "agent" : "actor");
      AppendJsonString(out, m.code);
      out += ",\"where\":";
      AppendJsonString(out, m.where);
      out += '}';
    }
    out += "],\"verbs\":[";
    for (size_t k = 0; k < tr.verbs.size(); ++k) {
      const auto& v = tr.verbs[k];
      if (k) out += ',';
      fmt::format_to(std::back_inserter(out), "{{\"token\":{},\"lemma\":", v.token);
      AppendJsonString(out, v.lemma);
      out += ",\"block\":";
      AppendJsonString(out, v.block);
      out += ",\"patterns\":[";
      for (size_t p = 0; p < v.trials.size(); ++p) {
        const auto& trial = v.trials[p];
        if (p) out += ',';
        out += "{\"pattern\":";
        AppendJsonString(out, DescribePattern(dicts.verbs, *trial.pattern));
        out += ",\"where\":";
        AppendJsonString(out, dicts.verbs.Where(trial.pattern->where));
        fmt::format_to(std::back_inserter(out), ",\"matched\":{},\"score\":{},\"why\":", trial.matched,
                       trial.score);
        AppendJsonString(out, trial.why);
        out += '}';
      }
      out += "],\"outcome\":";
      AppendJsonString(out, v.outcome);
      out += '}';
    }
    out += ']';
  }
  out += '}';
}

void AppendExplainJson(const model::Document& doc, const coding::Coder& coder,
                       const std::vector<coding::SentenceTrace>& traces, std::string& out) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    AppendSentenceJson(doc, coder, i, i < traces.size() ? &traces[i] : nullptr, out);
    out += '\n';
  }
}

}  // namespace dyad::io
