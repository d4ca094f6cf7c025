#include "io/conllu.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "model/tagset.h"

namespace dyad::io {

namespace {

struct Word {
  std::string_view form, lemma, upos, xpos, head, deprel;
  bool space_after = true;
  int mwt = -1;  // index into MultiToken list, or -1
};

struct MultiToken {
  std::string_view surface;
  int first = 0, last = 0;  // word ids (1-based), inclusive
  bool space_after = true;
};

bool ParseInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool HasNoSpaceAfter(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Builder {
 public:
  Builder(std::string_view file_name, std::vector<model::Document>* docs)
      : file_name_(file_name), docs_(docs) {}

  void NewDocument(std::string_view id, size_t line) {
    docs_->emplace_back();
    model::Document& d = docs_->back();
    d.id = std::string(id);
    d.origin = fmt::format("{}:{}", file_name_, line);
    if (d.id.empty()) d.id = d.origin;
    since_newdoc_ = 0;
    closed_ = false;
  }

  bool HasDocument() const { return !docs_->empty() && !closed_; }

  // Adds one sentence made of `words` (syntactic words) and `mwts`.
  Status AddSentence(std::string_view text, bool new_par, const std::vector<Word>& words,
                     const std::vector<MultiToken>& mwts, size_t line) {
    if (!HasDocument() || since_newdoc_ >= kMaxSentencesPerDocument) {
      NewDocument("", line);
    }
    ++since_newdoc_;
    model::Document& d = docs_->back();
    if (!d.text.empty()) d.text += new_par ? "\n\n" : "\n";
    if (new_par && !d.sentences.empty()) ++paragraph_;
    if (d.sentences.empty()) paragraph_ = 0;
    model::Sentence s;
    s.paragraph = paragraph_;
    s.start = static_cast<uint32_t>(d.text.size());
    s.token_begin = static_cast<uint32_t>(d.tokens.size());

    // Surface units: a multiword token or a word outside any.
    std::vector<std::pair<uint32_t, uint32_t>> spans(words.size());
    bool aligned = !text.empty();
    if (aligned) {
      size_t pos = 0;
      for (size_t i = 0; i < words.size() && aligned;) {
        std::string_view surface = words[i].mwt >= 0 ? mwts[words[i].mwt].surface : words[i].form;
        while (pos < text.size() && IsSpace(text[pos])) ++pos;
        if (text.substr(pos, surface.size()) != surface) {
          aligned = false;
          break;
        }
        size_t n = UnitSize(words, i);
        AssignSpans(words, i, n, surface, pos, spans);
        pos += surface.size();
        i += n;
      }
      if (aligned) d.text.append(text);
    }
    if (!aligned) {
      std::string built;
      for (size_t i = 0; i < words.size();) {
        bool mwt = words[i].mwt >= 0;
        std::string_view surface = mwt ? mwts[words[i].mwt].surface : words[i].form;
        size_t n = UnitSize(words, i);
        AssignSpans(words, i, n, surface, built.size(), spans);
        built.append(surface);
        bool space = mwt ? mwts[words[i].mwt].space_after : words[i].space_after;
        i += n;
        if (space && i < words.size()) built.push_back(' ');
      }
      d.text.append(built);
    }
    const uint32_t base = s.start;
    for (size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      model::Token t;
      t.start = base + spans[i].first;
      t.end = base + spans[i].second;
      t.form_start = static_cast<uint32_t>(d.forms.size());
      t.form_length = static_cast<uint16_t>(std::min<size_t>(w.form.size(), 65535));
      d.forms.append(w.form.substr(0, t.form_length));
      if (w.lemma != "_" || w.form == "_") {
        t.lemma_start = static_cast<uint32_t>(d.forms.size());
        t.lemma_length = static_cast<uint16_t>(std::min<size_t>(w.lemma.size(), 65535));
        d.forms.append(w.lemma.substr(0, t.lemma_length));
      }
      t.upos = model::UposId(w.upos);
      t.xpos = model::XposId(w.xpos);
      t.deprel = model::DeprelId(w.deprel);
      int head = 0;
      if (w.head == "_") {
        t.head = -1;
      } else if (!ParseInt(w.head, head) || head < 0 || head > static_cast<int>(words.size())) {
        return InvalidArgumentError(
            fmt::format("{}:{}: HEAD '{}' is not a word of the sentence", file_name_, line, w.head));
      } else {
        t.head = head - 1;
      }
      bool space = w.mwt >= 0 ? (static_cast<int>(i) + 1 == mwts[w.mwt].last && mwts[w.mwt].space_after)
                              : w.space_after;
      if (space) t.flags |= model::Token::kSpaceAfter;
      d.tokens.push_back(t);
    }
    s.end = static_cast<uint32_t>(d.text.size());
    s.token_end = static_cast<uint32_t>(d.tokens.size());
    d.sentences.push_back(s);
    return Status::Ok();
  }

 private:
  // The number of words from words[i] on that share its multiword token (1 outside one). Counted
  // from the words rather than taken from the range ID, so that a range left incomplete by the
  // end of the sentence ("1-3" followed by words 1 and 2 only) or cut short by the next range
  // never reaches past the words there are.
  static size_t UnitSize(const std::vector<Word>& words, size_t i) {
    size_t n = 1;
    while (words[i].mwt >= 0 && i + n < words.size() && words[i + n].mwt == words[i].mwt) ++n;
    return n;
  }

  // Gives words [i, i+n) spans inside `surface` placed at `offset`.
  static void AssignSpans(const std::vector<Word>& words, size_t i, size_t n,
                          std::string_view surface, size_t offset,
                          std::vector<std::pair<uint32_t, uint32_t>>& spans) {
    size_t total = 0;
    bool spells = true;
    for (size_t k = i; k < i + n; ++k) {
      std::string_view f = words[k].form;
      if (total > surface.size() || surface.substr(total, f.size()) != f) spells = false;
      total += f.size();
    }
    spells = spells && total == surface.size();
    size_t pos = offset;
    for (size_t k = i; k < i + n; ++k) {
      if (spells) {
        spans[k] = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + words[k].form.size())};
        pos += words[k].form.size();
      } else {
        spans[k] = {static_cast<uint32_t>(offset), static_cast<uint32_t>(offset + surface.size())};
      }
    }
  }

  std::string_view file_name_;
  std::vector<model::Document>* docs_;
  bool closed_ = true;
  size_t since_newdoc_ = 0;
  uint32_t paragraph_ = 0;
};

std::string_view CommentValue(std::string_view line, std::string_view key) {
  // "# key = value" or "# key"
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.substr(0, key.size()) != key) return {};
  rest.remove_prefix(key.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '=') return {};
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '=')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
  return rest.empty() ? std::string_view("\x01", 1) : rest;
}

}  // namespace

StatusOr<std::vector<model::Document>> ParseConllu(std::string_view content,
                                                   std::string_view file_name, size_t first_line) {
  std::vector<model::Document> docs;
  Builder builder(file_name, &docs);
  std::vector<Word> words;
  std::vector<MultiToken> mwts;
  std::string_view text;
  bool new_par = false;
  size_t sentence_line = 0;
  size_t line_no = first_line - 1;
  size_t pos = 0;
  auto flush = [&]() -> Status {
    if (!words.empty()) {
      DYAD_RETURN_IF_ERROR(builder.AddSentence(text, new_par, words, mwts, sentence_line));
    }
    words.clear();
    mwts.clear();
    text = {};
    new_par = false;
    sentence_line = 0;
    return Status::Ok();
  };
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      DYAD_RETURN_IF_ERROR(flush());
      continue;
    }
    if (sentence_line == 0) sentence_line = line_no;
    if (line.front() == '#') {
      if (std::string_view v = CommentValue(line, "newdoc"); !v.empty()) {
        DYAD_RETURN_IF_ERROR(flush());
        // "# newdoc id = X" or a bare "# newdoc".
        std::string_view doc_id = v == "\x01" ? std::string_view() : v;
        if (doc_id.substr(0, 2) == "id") {
          doc_id.remove_prefix(2);
          while (!doc_id.empty() && (doc_id.front() == ' ' || doc_id.front() == '=')) doc_id.remove_prefix(1);
        }
        builder.NewDocument(doc_id, line_no);
        continue;
      }
      if (std::string_view v = CommentValue(line, "newpar"); !v.empty()) new_par = true;
      if (std::string_view v = CommentValue(line, "text"); !v.empty() && v != "\x01") text = v;
      continue;
    }
    std::string_view cols[10];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= line.size() && n < 10; ++i) {
      if (i == line.size() || line[i] == '\t') {
        cols[n++] = line.substr(start, i - start);
        start = i + 1;
      }
    }
    if (n != 10 || start <= line.size()) {
      return InvalidArgumentError(
          fmt::format("{}:{}: expected 10 tab-separated columns", file_name, line_no));
    }
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    // CoNLL-U fields are never empty ("_" is the blank); an empty FORM would make an empty token.
    if (cols[1].empty()) {
      return InvalidArgumentError(fmt::format("{}:{}: empty FORM", file_name, line_no));
    }
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      MultiToken m;
      if (!ParseInt(id.substr(0, dash), m.first) || !ParseInt(id.substr(dash + 1), m.last) ||
          m.last < m.first || m.first != static_cast<int>(words.size()) + 1) {
        return InvalidArgumentError(fmt::format("{}:{}: bad range ID '{}'", file_name, line_no, id));
      }
      m.surface = cols[1];
      m.space_after = !HasNoSpaceAfter(cols[9]);
      mwts.push_back(m);
      continue;
    }
    int word_id = 0;
    if (!ParseInt(id, word_id) || word_id != static_cast<int>(words.size()) + 1) {
      return InvalidArgumentError(
          fmt::format("{}:{}: ID '{}' out of sequence", file_name, line_no, id));
    }
    Word w{cols[1], cols[2], cols[3], cols[4], cols[6], cols[7], !HasNoSpaceAfter(cols[9]), -1};
    if (!mwts.empty() && word_id <= mwts.back().last) w.mwt = static_cast<int>(mwts.size()) - 1;
    words.push_back(w);
  }
  DYAD_RETURN_IF_ERROR(flush());
  // Drop documents that got no sentence (a "# newdoc" at the very end).
  std::erase_if(docs, [](const model::Document& d) { return d.sentences.empty(); });
  // A document whose MWT range was never completed is still fine: spans fall back to forms.
  return docs;
}

StatusOr<std::vector<model::Document>> ReadConlluFile(const std::string& path) {
  std::string content;
  if (path == "-") {
    content.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFoundError(fmt::format("{}: cannot open", path));
    std::ostringstream ss;
    ss << in.rdbuf();
    content = std::move(ss).str();
  }
  return ParseConllu(content, path);
}

void AppendConllu(const model::Document& doc, std::string& out) {
  auto out_it = std::back_inserter(out);
  if (!doc.id.empty()) fmt::format_to(out_it, "# newdoc id = {}\n", doc.id);
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const model::Sentence& s = doc.sentences[si];
    std::string_view text = doc.Text(s);
    fmt::format_to(out_it, "# sent_id = {}-{}\n", doc.id.empty() ? "s" : doc.id, si + 1);
    out += "# text = ";
    for (char c : text) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    out.push_back('\n');
    auto toks = doc.Tokens(s);
    for (size_t i = 0; i < toks.size(); ++i) {
      const model::Token& t = toks[i];
      std::string_view form = doc.Text(t);
      if (form.empty() || form.find_first_of("\t\n\r ") != std::string_view::npos) form = doc.Form(t);
      if (form.empty()) form = "_";
      std::string_view lemma = t.lemma_length > 0 ? doc.Lemma(t) : std::string_view("_");
      fmt::format_to(out_it, "{}\t{}\t{}\t{}\t{}\t_\t", i + 1, form, lemma, model::UposName(t.upos),
                     model::XposName(t.xpos));
      if (t.deprel == 0 && t.head < 0) {
        out += "_\t_";
      } else {
        fmt::format_to(out_it, "{}\t{}", t.head + 1, model::DeprelName(t.deprel));
      }
      bool space_after = t.end >= doc.text.size() || IsSpace(doc.text[t.end]);
      if (i + 1 < toks.size() && toks[i + 1].start <= t.start) space_after = true;  // same MWT
      out += space_after ? "\t_\t_\n" : "\t_\tSpaceAfter=No\n";
    }
    out.push_back('\n');
  }
}

}  // namespace dyad::io
