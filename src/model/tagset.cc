#include "model/tagset.h"

#include <array>

namespace dyad::model {

namespace {

// Order is part of the model format: append only.
constexpr std::array<std::string_view, kUposCount> kUpos = {
    "_",    "ADJ",   "ADP",  "ADV",  "AUX",  "CCONJ", "DET",  "INTJ", "NOUN",
    "NUM",  "PART",  "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

constexpr std::array<std::string_view, kXposCount> kXpos = {
    "_",   "NN",   "IN",   "DT",  "NNP",  "PRP", "JJ",   "RB",  ".",   "VB",  "NNS",
    ",",   "CC",   "VBD",  "VBP", "VBZ",  "CD",  "VBN",  "VBG", "MD",  "TO",  "PRP$",
    "-RRB-", "-LRB-", "WDT", ":",  "WRB",  "``",  "''",   "WP",  "RP",  "UH",  "POS",
    "HYPH", "NNPS", "JJR", "JJS", "EX",   "NFP", "RBR",  "ADD", "GW",  "$",   "SYM",
    "PDT", "LS",   "FW",   "RBS", "AFX",  "WP$", "XX",   "#"};

constexpr std::array<std::string_view, kDeprelCount> kDeprel = {
    "_",           "root",         "dep",          "punct",       "case",
    "nsubj",       "det",          "advmod",       "obj",         "amod",
    "obl",         "conj",         "compound",     "mark",        "nmod",
    "cc",          "aux",          "cop",          "advcl",       "nmod:poss",
    "xcomp",       "ccomp",        "flat",         "acl:relcl",   "parataxis",
    "appos",       "nummod",       "acl",          "aux:pass",    "nsubj:pass",
    "obl:unmarked", "nmod:unmarked", "discourse",  "list",        "compound:prt",
    "iobj",        "expl",         "fixed",        "nmod:desc",   "obl:agent",
    "csubj",       "nsubj:outer",  "det:predet",   "vocative",    "goeswith",
    "advcl:relcl", "cc:preconj",   "reparandum",   "orphan",      "csubj:pass",
    "dislocated",  "csubj:outer",  "obl:tmod",     "obl:npmod",   "nmod:tmod",
    "nmod:npmod",  "flat:foreign", "det:poss",     "clf",         "expl:pv",
    "flat:name",   "obl:arg",      "compound:lvc", "acl:cl",      "nsubj:xsubj",
    "obl:pass",    "expl:pass",    "aux:caus",     "compound:svc", "compound:redup",
    "nmod:gmod",   "det:numgov"};

template <size_t N>
uint8_t Find(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 1; i < N; ++i) {
    if (names[i] == name) return static_cast<uint8_t>(i);
  }
  return 0;
}

template <size_t N>
std::string_view Name(const std::array<std::string_view, N>& names, uint8_t id) {
  return id < N ? names[id] : names[0];
}

}  // namespace

std::string_view UposName(uint8_t id) { return Name(kUpos, id); }
std::string_view XposName(uint8_t id) { return Name(kXpos, id); }
std::string_view DeprelName(uint8_t id) { return Name(kDeprel, id); }
uint8_t UposId(std::string_view name) { return Find(kUpos, name); }
uint8_t XposId(std::string_view name) { return Find(kXpos, name); }
uint8_t DeprelId(std::string_view name) { return Find(kDeprel, name); }

uint8_t DeprelBase(uint8_t id) {
  std::string_view name = DeprelName(id);
  size_t colon = name.find(':');
  if (id == 0 || colon == std::string_view::npos) return id;
  return DeprelId(name.substr(0, colon));
}

}  // namespace dyad::model
