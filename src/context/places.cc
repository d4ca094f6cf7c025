#include "context/places.h"

#include <algorithm>
#include <vector>

#include "context/temporal.h"

namespace dyad::context {

namespace {

constexpr std::string_view kLocativePreps[] = {"in", "at", "near", "outside", "inside", "around", "across",
                                               "throughout", "within", "off", "on", "along", "into", "toward",
                                               "towards"};
// Head nouns that ask for a region: "in Idlib province", "in Borno state".
constexpr std::string_view kRegionNouns[] = {"province", "state", "region", "governorate", "district", "county",
                                             "oblast", "prefecture"};
// Verbs whose object is where they happen: "bombed Mekelle", "plans to visit Baghdad".
constexpr std::string_view kPlaceObjectVerbs[] = {"visit", "enter", "bomb", "shell", "attack", "strike", "raid",
                                                  "storm", "seize", "capture", "recapture", "invade", "occupy",
                                                  "besiege", "hit", "tour", "reach", "overrun", "liberate"};
constexpr std::string_view kDirections[] = {"northern", "southern", "eastern", "western", "central",
                                            "northeastern", "northwestern", "southeastern", "southwestern",
                                            "north", "south", "east", "west", "northeast", "northwest",
                                            "southeast", "southwest"};

bool IsPunct(std::string_view w) { return w.size() == 1 && !(w[0] >= '0' && w[0] <= '9') && !((w[0] | 0x20) >= 'a' && (w[0] | 0x20) <= 'z'); }

class PhraseResolver {
 public:
  PhraseResolver(const DepTree& tree, const Gazetteer& g, std::span<const std::string> likely)
      : tree_(tree), g_(g), likely_(likely) {}

  // The place named by the nominal `head` or, for a common noun, by its modifiers.
  const Place* Resolve(uint32_t head, int depth) const {
    bool region = IsOneOf(tree_.Form(head), kRegionNouns);
    for (uint32_t c : tree_.Children(head)) {
      if (tree_.DeprelBase(c) == "amod" && IsOneOf(tree_.Form(c), kDirections)) region = true;
      if (tree_.DeprelBase(c) == "compound" && IsOneOf(tree_.Form(c), kRegionNouns)) region = true;
    }
    if (IsName(head)) {
      // The proper-noun run around the head ("New York", "Deir ez-Zor"), longest first.
      uint32_t lo = head, hi = head + 1;
      while (lo > 0 && InName(lo - 1)) --lo;
      while (hi < tree_.size() && InName(hi)) ++hi;
      while (hi > head + 1 && IsPunct(tree_.Form(hi - 1))) --hi;
      while (lo < head && IsPunct(tree_.Form(lo))) ++lo;
      if (const Place* p = g_.Best(tree_.Text(lo, hi), likely_, region)) return p;
      if (hi - lo > 1) {
        if (const Place* p = g_.Best(tree_.Form(head), likely_, region)) return p;
      }
    }
    if (depth >= 2) return nullptr;
    // Region nouns pass the wish on: "in Borno state" looks up "Borno" as a region.
    if (region && tree_.Upos(head) != "PROPN") {
      for (uint32_t c : tree_.Children(head)) {
        if (tree_.DeprelBase(c) == "compound" && IsName(c)) {
          if (const Place* p = g_.Best(tree_.Form(c), likely_, true)) return p;
        }
      }
    }
    // "near the border with Turkey", "on the outskirts of Aleppo", "near the Turkish border".
    for (uint32_t c : tree_.Children(head)) {
      std::string_view rel = tree_.DeprelBase(c);
      if (rel == "nmod" || rel == "compound" || rel == "appos") {
        if (const Place* p = Resolve(c, depth + 1)) return p;
      } else if (rel == "amod" && !IsOneOf(tree_.Form(c), kDirections)) {
        const Place* p = g_.Best(tree_.Form(c), likely_, false);
        if (p != nullptr && p->kind == Place::Kind::kCountry) return p;  // demonyms name countries only
      }
    }
    return nullptr;
  }

 private:
  // A proper noun, or a capitalized word the tagger took for a common noun ("in Algiers"); not a
  // month or weekday ("on March 29": March, England).
  bool IsName(uint32_t i) const {
    std::string_view f = tree_.Form(i);
    if (f.empty() || IsCalendarWord(f)) return false;
    return tree_.Upos(i) == "PROPN" || (tree_.Upos(i) == "NOUN" && f[0] >= 'A' && f[0] <= 'Z');
  }

  bool InName(uint32_t i) const {
    std::string_view f = tree_.Form(i);
    if (IsName(i)) return true;
    // "Deir ez-Zor", "Port-au-Prince": hyphens and lower-case particles inside a name.
    static constexpr std::string_view kParticles[] = {"ez", "al", "el", "ad", "as", "au", "de", "du", "la", "le", "es"};
    return f == "-" || (IsOneOf(f, kParticles) && i > 0 && i + 1 < tree_.size() && tree_.Form(i - 1) == "-" &&
                        tree_.Form(i + 1) == "-");
  }

  const DepTree& tree_;
  const Gazetteer& g_;
  std::span<const std::string> likely_;
};

// The verb's lemma, or its form with an inflection cut off when the lemmatizer erred ("bombed"
// lemmatized "bombe"), is one of `lowers`.
bool VerbIs(const DepTree& tree, uint32_t verb, std::span<const std::string_view> lowers) {
  if (IsOneOf(tree.Lemma(verb), lowers)) return true;
  std::string_view f = tree.Form(verb);
  for (std::string_view suffix : {"ed", "d", "s", "es"}) {
    if (f.size() > suffix.size() + 2 && f.ends_with(suffix) && IsOneOf(f.substr(0, f.size() - suffix.size()), lowers)) {
      return true;
    }
  }
  return false;
}

enum class Phrase { kNone, kLocative, kOnlyCity };

// Whether `t` introduces a place. "on" only for cities: "strikes on Rafah" is where, "sanctions
// on Venezuela" is not.
Phrase PlacePhraseKind(const DepTree& tree, uint32_t verb, uint32_t t) {
  std::string_view rel = tree.Deprel(t);
  if (rel.starts_with("obl:tmod") || rel.starts_with("obl:npmod") || rel.starts_with("nmod:tmod")) return Phrase::kNone;
  if (rel == "obj" && tree.head(t) == static_cast<int>(verb) && VerbIs(tree, verb, kPlaceObjectVerbs)) {
    return Phrase::kOnlyCity;  // "attacked Iraq" names a target, "attacked Mosul" a place
  }
  if (!rel.starts_with("obl") && !rel.starts_with("nmod") && !rel.starts_with("advmod")) return Phrase::kNone;
  for (uint32_t c : tree.Children(t)) {
    if (tree.DeprelBase(c) != "case") continue;
    if (EqualsLower(tree.Form(c), "on")) return Phrase::kOnlyCity;
    if (IsOneOf(tree.Form(c), kLocativePreps)) return Phrase::kLocative;
  }
  return Phrase::kNone;
}

}  // namespace

const Place* PlaceOfClause(const DepTree& tree, uint32_t verb, std::span<const uint32_t> clause,
                           const Gazetteer& gazetteer, std::span<const std::string> likely_countries) {
  PhraseResolver resolver(tree, gazetteer, likely_countries);
  // Nearest the verb first: the verb's own obliques before those of its arguments.
  struct Candidate {
    int depth;
    uint32_t token;
    Phrase kind;
  };
  std::vector<Candidate> phrases;
  for (uint32_t t : clause) {
    Phrase kind = PlacePhraseKind(tree, verb, t);
    if (kind == Phrase::kNone) continue;
    int depth = 0;
    for (int h = tree.head(t); h >= 0 && static_cast<uint32_t>(h) != verb && depth < 64; h = tree.head(h)) ++depth;
    phrases.push_back({depth, t, kind});
  }
  std::stable_sort(phrases.begin(), phrases.end(), [](const Candidate& a, const Candidate& b) { return a.depth < b.depth; });
  for (const Candidate& c : phrases) {
    const Place* p = resolver.Resolve(c.token, 0);
    if (p != nullptr && (c.kind == Phrase::kLocative || p->kind == Place::Kind::kCity)) return p;
  }
  return nullptr;
}

const Place* DatelinePlace(const model::Document& doc, const Gazetteer& gazetteer,
                           std::span<const std::string> likely_countries) {
  for (const model::Sentence& s : doc.sentences) {
    if (!(s.flags & model::Sentence::kDateline)) continue;
    auto tokens = doc.Tokens(s);
    size_t n = 0;
    while (n < tokens.size() && !IsPunct(doc.Form(tokens[n]))) ++n;
    if (n == 0) return nullptr;
    std::string_view name(doc.text.data() + tokens[0].start, tokens[n - 1].end - tokens[0].start);
    if (const Place* p = gazetteer.Best(name, likely_countries, false)) return p;
    return gazetteer.Best(doc.Form(tokens[0]), likely_countries, false);
  }
  return nullptr;
}

}  // namespace dyad::context
