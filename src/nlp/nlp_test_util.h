// Helpers shared by the nlp tests: the tiny treebank fixture and tree checks.
#ifndef DYAD_NLP_NLP_TEST_UTIL_H_
#define DYAD_NLP_NLP_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/tagset.h"

namespace dyad::nlp::testing {

inline std::string ReadTestFile(const std::string& name) {
  std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/src/nlp/testdata/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// True when the heads of `s` form one tree: exactly one root, every head inside the sentence,
// no cycles.
inline bool IsTree(const model::Document& doc, const model::Sentence& s) {
  auto toks = doc.Tokens(s);
  const int n = static_cast<int>(toks.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    if (toks[i].head == -1) ++roots;
    else if (toks[i].head < 0 || toks[i].head >= n || toks[i].head == i) return false;
  }
  if (n > 0 && roots != 1) return false;
  for (int i = 0; i < n; ++i) {
    int x = i, steps = 0;
    while (x != -1) {
      x = toks[x].head;
      if (++steps > n) return false;
    }
  }
  return true;
}

// A document of whitespace tokens (one sentence), as the text layer would produce.
inline model::Document MakeSentence(const std::vector<std::string>& words) {
  model::Document d;
  model::Sentence s;
  for (const std::string& w : words) {
    model::Token t;
    t.start = static_cast<uint32_t>(d.text.size());
    d.text += w;
    t.end = static_cast<uint32_t>(d.text.size());
    d.text += ' ';
    t.form_start = static_cast<uint32_t>(d.forms.size());
    t.form_length = static_cast<uint16_t>(w.size());
    d.forms += w;
    d.tokens.push_back(t);
  }
  s.end = static_cast<uint32_t>(d.text.size());
  s.token_end = static_cast<uint32_t>(d.tokens.size());
  d.sentences.push_back(s);
  return d;
}

// A minimal CoNLL-U reader for fixtures (the real one lives in io, above this stage): words
// only, text rebuilt from forms joined by spaces, one Document per "# newdoc".
inline std::vector<model::Document> ParseFixture(const std::string& conllu) {
  std::vector<model::Document> docs;
  std::istringstream in(conllu);
  std::string line;
  bool open = false;
  auto close = [&] {
    if (!open) return;
    model::Document& d = docs.back();
    model::Sentence& s = d.sentences.back();
    s.end = static_cast<uint32_t>(d.text.size());
    s.token_end = static_cast<uint32_t>(d.tokens.size());
    open = false;
  };
  while (std::getline(in, line)) {
    if (line.rfind("# newdoc", 0) == 0 || (docs.empty() && !line.empty() && line[0] != '#')) {
      docs.emplace_back();
    }
    if (line.empty()) { close(); continue; }
    if (line[0] == '#') continue;
    std::vector<std::string> c;
    std::stringstream ls(line);
    for (std::string col; std::getline(ls, col, '\t');) c.push_back(col);
    if (c.size() != 10 || c[0].find_first_of("-.") != std::string::npos) continue;
    model::Document& d = docs.back();
    if (!open) {
      if (!d.text.empty()) d.text += ' ';
      model::Sentence s;
      s.start = static_cast<uint32_t>(d.text.size());
      s.token_begin = static_cast<uint32_t>(d.tokens.size());
      d.sentences.push_back(s);
      open = true;
    } else {
      d.text += ' ';
    }
    model::Token t;
    t.start = static_cast<uint32_t>(d.text.size());
    d.text += c[1];
    t.end = static_cast<uint32_t>(d.text.size());
    t.form_start = static_cast<uint32_t>(d.forms.size());
    t.form_length = static_cast<uint16_t>(c[1].size());
    d.forms += c[1];
    t.lemma_start = static_cast<uint32_t>(d.forms.size());
    t.lemma_length = static_cast<uint16_t>(c[2].size());
    d.forms += c[2];
    t.upos = model::UposId(c[3]);
    t.xpos = model::XposId(c[4]);
    t.head = std::stoi(c[6]) - 1;
    t.deprel = model::DeprelId(c[7]);
    d.tokens.push_back(t);
  }
  close();
  return docs;
}

}  // namespace dyad::nlp::testing

#endif  // DYAD_NLP_NLP_TEST_UTIL_H_
