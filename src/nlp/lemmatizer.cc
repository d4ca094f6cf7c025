#include "nlp/lemmatizer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "model/tagset.h"
#include "nlp/hash.h"
#include "nlp/text_features.h"
#include "nlp/wordnet.h"
#include "text/utf8.h"

namespace dyad::nlp {

namespace {

constexpr uint64_t kExactSeed = 0x101, kLowerSeed = 0x102, kExcSeed = 0x103, kRuleSeed = 0x104,
                   kKnownSeed = 0x105;
constexpr size_t kMaxEnding = 6;
constexpr size_t kMaxLemmaBytes = 255;

bool IsProper(uint8_t xpos) {
  static const uint8_t nnp = model::XposId("NNP"), nnps = model::XposId("NNPS");
  return xpos == nnp || xpos == nnps;
}

// UD EWT lemmatizes proper nouns, web addresses and e-mail addresses (ADD) as written: they keep
// their case ("Space.com", not "space.com").
bool KeepsCase(uint8_t xpos) {
  static const uint8_t add = model::XposId("ADD");
  return IsProper(xpos) || xpos == add;
}

// A number written with thousands separators ("6,363,217", "1,250.5"): EWT's lemma drops the
// commas. Returns false for anything else, including decimal commas ("7,5").
bool IsGroupedNumber(std::string_view s) {
  size_t i = 0, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0 || i > 3) return false;
  bool grouped = false;
  while (i < s.size() && s[i] == ',') {
    for (digits = 0, ++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
    if (digits != 3) return false;
    grouped = true;
  }
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9';) ++i;
  }
  return grouped && i == s.size();
}

// WordNet's own detachment rules ("morphy"), tried when no learned suffix rule gives a lemma
// WordNet knows: the learned rules are per-ending majorities, so "provoked" gets "-ked" -> strip
// "d" from no example and "-ed" -> strip "ed" from most, and neither yields "provoke".
struct Detachment {
  std::string_view suffix, append;
};
constexpr Detachment kVerbDetachments[] = {{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"},
                                           {"ed", ""}, {"ing", "e"}, {"ing", ""}};
constexpr Detachment kAdjDetachments[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

// WordNet exception class of a Penn tag: 1 noun, 2 verb, 3 adjective, 4 adverb, 0 none.
uint64_t WordnetClass(uint8_t xpos) {
  std::string_view t = model::XposName(xpos);
  if (t == "NNS") return 1;
  if (t == "VBD" || t == "VBN" || t == "VBG" || t == "VBZ") return 2;
  if (t == "JJR" || t == "JJS") return 3;
  if (t == "RBR" || t == "RBS") return 4;
  return 0;
}

bool IsAllCaps(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
         std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "Jamaican", "Anglo-Saxon": a capital, then a lowercase letter, then letters and hyphens.
bool IsCapitalizedWord(std::string_view s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  return s.size() >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' &&
         std::all_of(s.begin(), s.end(), [&](char c) { return letter(c) || c == '-'; });
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

uint64_t KeyOf(uint64_t seed, std::string_view s, uint64_t tag) { return HashCombine(HashBytes(s, seed), tag); }

// The tag whose lemmas are the same words as `xpos`'s: a form the lexicon knows only under the
// other tag of the pair keeps its lemma ("recieved" seen as VBN, tagged VBD). 0: none.
uint8_t SameLemmaTag(uint8_t xpos) {
  static const std::pair<uint8_t, uint8_t> pairs[] = {
      {model::XposId("VBD"), model::XposId("VBN")}, {model::XposId("VB"), model::XposId("VBP")},
      {model::XposId("JJR"), model::XposId("RBR")}, {model::XposId("JJS"), model::XposId("RBS")}};
  for (const auto& [a, b] : pairs) {
    if (xpos == a) return b;
    if (xpos == b) return a;
  }
  return 0;
}

// Writes `lower` with every run of three or more equal letters cut to `keep` letters ("sooooo" ->
// "soo" or "so"); false when it has no such run or is one run only ("WWW", "zzz").
bool CutLetterRuns(std::string_view lower, size_t keep, std::string& out) {
  out.clear();
  if (lower.empty() || lower.find_first_not_of(lower.front()) == std::string_view::npos) return false;
  bool cut = false;
  for (size_t i = 0; i < lower.size();) {
    size_t j = i;
    while (j < lower.size() && lower[j] == lower[i]) ++j;
    const bool letter = lower[i] >= 'a' && lower[i] <= 'z';
    if (letter && j - i >= 3) {
      out.append(keep, lower[i]);
      cut = true;
    } else {
      out.append(lower.substr(i, j - i));
    }
    i = j;
  }
  return cut;
}

class StringPool {
 public:
  explicit StringPool(std::string* blob) : blob_(blob) {}
  uint32_t Add(std::string_view s) {
    s = s.substr(0, kMaxLemmaBytes);
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    uint32_t v = static_cast<uint32_t>(blob_->size()) << 8 | static_cast<uint32_t>(s.size());
    blob_->append(s);
    index_.emplace(std::string(s), v);
    return v;
  }

 private:
  std::string* blob_;
  std::map<std::string, uint32_t> index_;
};

// A contracted "is"/"has" ("'s", VBZ) before "been", "got" or "had", adverbs between: "has" ("it's
// been", "she's never had"), which EWT lemmatizes "have"; its lexicon lemma is the far more
// frequent "be".
bool IsContractedHas(const model::Document& doc, const model::Sentence& s, uint32_t i) {
  static const uint8_t vbz = model::XposId("VBZ"), rb = model::XposId("RB");
  const model::Token& t = doc.tokens[i];
  std::string_view form = doc.Form(t);
  if (t.xpos != vbz || (form != "'s" && form != "’s" && form != "s" && form != "'S")) return false;
  uint32_t j = i + 1;
  while (j < s.token_end && doc.tokens[j].xpos == rb) ++j;
  if (j == s.token_end) return false;
  std::string_view next = doc.Form(doc.tokens[j]);
  for (std::string_view participle : {"been", "got", "gotten", "had"}) {
    if (EqualsIgnoringAsciiCase(next, participle)) return true;
  }
  return false;
}

// A noun ending in "s" none of whose singulars is a noun ("earnings", "whereabouts", "feces"; not
// "statistics", as "statistic" is one): as NNS it is its own lemma, which suffix rules would cut.
template <typename IsNoun>
bool IsOwnPluralNoun(std::string_view w, const IsNoun& is_noun) {
  if (!w.ends_with('s') || w.size() < 3) return false;
  std::string singular(w.substr(0, w.size() - 1));
  if (is_noun(singular)) return false;
  if (w.ends_with("es") && is_noun(w.substr(0, w.size() - 2))) return false;
  if (w.ends_with("ies") && is_noun(singular.replace(singular.size() - 2, 2, "y"))) return false;
  return true;
}

}  // namespace

StatusOr<Lemmatizer> Lemmatizer::Train(std::span<const model::Document> train,
                                       const std::string& wordnet_dir, const LogFn& log) {
  Lemmatizer lem;
  StringPool pool(&lem.strings_);
  // Lexicon: most frequent lemma per (form, xpos) and (lowercase form, xpos). std::map keeps the
  // order (and so the model bytes) deterministic.
  std::map<std::pair<std::string, uint8_t>, std::map<std::string, uint32_t>> exact, lower;
  std::map<std::pair<uint8_t, std::string>, std::map<std::pair<uint8_t, std::string>, uint32_t>> rules;
  std::string lc, source;
  // Suffix rules count each (form, tag, lemma) once: they serve unseen words, which behave like
  // rare types, not like frequent tokens ("are" -> "be" outnumbered "compare", "share", "care"
  // as VBP and rewrote "share" into "shbe").
  std::set<std::tuple<std::string, uint8_t, std::string>> counted;
  for (const model::Document& d : train) {
    for (const model::Token& t : d.tokens) {
      if (t.lemma_length == 0 || t.xpos == 0) continue;
      std::string form(d.Form(t));
      std::string lemma(d.Lemma(t));
      exact[{form, t.xpos}][lemma]++;
      AsciiLower(form, lc);
      lower[{lc, t.xpos}][lemma]++;
      source = KeepsCase(t.xpos) ? form : lc;
      // A capitalized lemma of a lowercased word ("USB" NN) is a lexicon entry, not a suffix
      // edit: as a rule it would rewrite "gisb" into "gUSB".
      if (!KeepsCase(t.xpos) && std::any_of(lemma.begin(), lemma.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        continue;
      }
      // Grouped numbers have their own rule; as a suffix edit "1,000" -> "1000" would strip
      // any number's last four bytes.
      if (IsGroupedNumber(form)) continue;
      if (!counted.emplace(form, t.xpos, lemma).second) continue;
      size_t common = 0;
      while (common < source.size() && common < lemma.size() && source[common] == lemma[common]) ++common;
      if (common == 0 && !lemma.empty()) continue;  // a whole-word edit: "'s" -> "be" would make "let's" "letbe"
      if (source.size() - common > 255) continue;
      std::pair<uint8_t, std::string> edit{static_cast<uint8_t>(source.size() - common), lemma.substr(common)};
      for (size_t k = 0; k <= std::min(kMaxEnding, lc.size()); ++k) {
        rules[{t.xpos, lc.substr(lc.size() - k)}][edit]++;
      }
    }
  }
  auto best = [](const std::map<std::string, uint32_t>& counts) {
    const std::string* b = nullptr;
    uint32_t n = 0;
    for (const auto& [s, c] : counts) if (c > n) { n = c; b = &s; }
    return *b;
  };
  std::vector<std::pair<uint64_t, uint32_t>> items;
  for (const auto& [key, counts] : exact) items.emplace_back(KeyOf(kExactSeed, key.first, key.second), pool.Add(best(counts)));
  for (const auto& [key, counts] : lower) items.emplace_back(KeyOf(kLowerSeed, key.first, key.second), pool.Add(best(counts)));
  lem.lexicon_.Build(items);

  items.clear();
  std::map<std::pair<uint8_t, std::string>, uint32_t> rule_ids;
  // A tie goes to the edit more frequent under the shorter endings: "-sers" has "trousers" (kept)
  // and "advisers" (s cut), and "-ers" decides.
  auto wins_tie = [&rules](uint8_t tag, std::string_view ending, const std::pair<uint8_t, std::string>& a,
                           const std::pair<uint8_t, std::string>& b) {
    while (!ending.empty()) {
      ending.remove_prefix(1);
      const auto& counts = rules.at({tag, std::string(ending)});
      auto ia = counts.find(a), ib = counts.find(b);
      uint32_t ca = ia == counts.end() ? 0 : ia->second, cb = ib == counts.end() ? 0 : ib->second;
      if (ca != cb) return ca > cb;
    }
    return false;
  };
  for (const auto& [key, counts] : rules) {
    uint32_t total = 0, n = 0;
    const std::pair<uint8_t, std::string>* b = nullptr;
    for (const auto& [edit, c] : counts) {
      total += c;
      if (c > n || (c == n && wins_tie(key.first, key.second, edit, *b))) { n = c; b = &edit; }
    }
    // Endings seen once generalize poorly; the empty ending (k = 0) is always kept.
    if (!key.second.empty() && total < 2) continue;
    auto [it, inserted] = rule_ids.emplace(*b, static_cast<uint32_t>(lem.rules_list_.size()));
    if (inserted) lem.rules_list_.push_back(Rule{b->first, b->second});
    items.emplace_back(KeyOf(kRuleSeed, key.second, key.first), it->second);
  }
  lem.rules_.Build(items);

  items.clear();
  if (!wordnet_dir.empty()) {
    const char* files[] = {"noun.exc", "verb.exc", "adj.exc", "adv.exc"};
    for (uint64_t cls = 1; cls <= 4; ++cls) {
      std::string path = wordnet_dir + "/" + files[cls - 1];
      std::ifstream in(path);
      if (!in) return NotFoundError(fmt::format("{}: cannot open (WordNet exception list)", path));
      std::string line;
      while (std::getline(in, line)) {
        size_t sp = line.find(' ');
        if (sp == std::string::npos) continue;
        std::string inflected = line.substr(0, sp);
        std::string base = line.substr(sp + 1);
        base = base.substr(0, base.find(' '));
        std::replace(inflected.begin(), inflected.end(), '_', ' ');
        std::replace(base.begin(), base.end(), '_', ' ');
        if (inflected.find(' ') != std::string::npos) continue;  // multiword entries never match a token
        items.emplace_back(KeyOf(kExcSeed, inflected, cls), pool.Add(base));
      }
    }
  }
  // First entry wins for duplicate keys: keep WordNet's file order by building from a map.
  std::map<uint64_t, uint32_t> exc;
  for (const auto& [k, v] : items) exc.emplace(k, v);
  lem.exceptions_.Build(std::vector<std::pair<uint64_t, uint32_t>>(exc.begin(), exc.end()));

  // WordNet's verb and adjective lemmas, so that a suffix rule can be checked against a dictionary:
  // "rioted" -> "riot" (known), not "riote" as "voted" -> "vote" would suggest.
  items.clear();
  if (!wordnet_dir.empty()) {
    DYAD_ASSIGN_OR_RETURN(WordnetClasses classes, ReadWordnetClasses(wordnet_dir));
    auto is_noun = [&classes](std::string_view w) {
      auto it = std::lower_bound(classes.begin(), classes.end(), w,
                                 [](const auto& entry, std::string_view key) { return entry.first < key; });
      return it != classes.end() && it->first == w && (it->second & kWordnetNoun);
    };
    for (const auto& [word, bits] : classes) {
      if (bits & kWordnetVerb) items.emplace_back(KeyOf(kKnownSeed, word, 2), 1);
      if (bits & kWordnetAdj) items.emplace_back(KeyOf(kKnownSeed, word, 3), 1);
      if ((bits & kWordnetNoun) && IsOwnPluralNoun(word, is_noun)) items.emplace_back(KeyOf(kKnownSeed, word, 1), 1);
    }
  }
  lem.known_.Build(items);
  if (log) {
    log(fmt::format("lemmatizer: {} lexicon entries, {} rules ({} distinct edits), {} WordNet exceptions",
                    lem.lexicon_.size(), lem.rules_.size(), lem.rules_list_.size(), lem.exceptions_.size()));
  }
  return lem;
}

std::string_view Lemmatizer::Lemma(std::string_view form, uint8_t xpos, std::string& out,
                                   std::string& scratch, bool all_caps_text, bool mid_plain_text) const {
  uint32_t v = lexicon_.Get(KeyOf(kExactSeed, form, xpos));
  if (v != UINT32_MAX) return Stored(v);
  AsciiLower(form, scratch);
  v = lexicon_.Get(KeyOf(kLowerSeed, scratch, xpos));
  if (v != UINT32_MAX) {
    // EWT capitalizes names written in lowercase ("india" -> "India") and title-cases most all-caps
    // ones, but keeps a capitalized name as written.
    if (IsProper(xpos) && form[0] >= 'A' && form[0] <= 'Z' && !IsAllCaps(form) &&
        EqualsIgnoringAsciiCase(Stored(v), form)) {
      out.assign(form);
      return out;
    }
    return Stored(v);
  }
  if (uint8_t same = SameLemmaTag(xpos); same != 0) {
    v = lexicon_.Get(KeyOf(kLowerSeed, scratch, same));
    if (v != UINT32_MAX) return Stored(v);
  }
  // Letters drawn out for emphasis ("sooooo", "prettty"): the word with the run cut to two letters,
  // then to one, when the lexicon knows it under this tag.
  for (size_t keep = 2; keep >= 1 && CutLetterRuns(scratch, keep, out); --keep) {
    v = lexicon_.Get(KeyOf(kLowerSeed, out, xpos));
    if (v != UINT32_MAX) return Stored(v);
  }
  static const uint8_t jj = model::XposId("JJ");
  if (xpos == jj && mid_plain_text && IsCapitalizedWord(form)) {
    out.assign(form);
    return out;
  }
  if (uint64_t cls = WordnetClass(xpos); cls != 0) {
    v = exceptions_.Get(KeyOf(kExcSeed, scratch, cls));
    if (v != UINT32_MAX) return Stored(v);
  }
  static const uint8_t nns = model::XposId("NNS");
  if (xpos == nns && known_.Get(KeyOf(kKnownSeed, scratch, 1)) != UINT32_MAX) {
    out.assign(scratch);
    return out;
  }
  // A past form tagged as a base form ("troops shot two men": VBP) is no verb of its own in
  // WordNet, but its exception list knows it.
  static const uint8_t vb = model::XposId("VB"), vbp = model::XposId("VBP");
  if ((xpos == vb || xpos == vbp) && known_.size() > 0 && known_.Get(KeyOf(kKnownSeed, scratch, 2)) == UINT32_MAX) {
    v = exceptions_.Get(KeyOf(kExcSeed, scratch, 2));
    if (v != UINT32_MAX) return Stored(v);
  }
  static const uint8_t cd = model::XposId("CD"), nnp = model::XposId("NNP");
  if (xpos == cd && IsGroupedNumber(form)) {
    out.clear();
    for (char c : form) if (c != ',') out += c;
    return out;
  }
  // Unseen singular proper nouns and addresses are their own lemma; suffix rules learned from
  // abbreviations would turn "Capt." into "Captember" (from "Sept.").
  if (xpos == nnp || (KeepsCase(xpos) && !IsProper(xpos))) {
    out.assign(form);
    if (xpos == nnp && all_caps_text && form.size() >= 4 && IsAllCaps(form)) {
      for (size_t i = 1; i < out.size(); ++i) out[i] = scratch[i];
    }
    return out;
  }
  const std::string_view source = KeepsCase(xpos) ? form : std::string_view(scratch);
  // The longest known ending's rule wins, unless a shorter ending's rule gives a word WordNet
  // knows for the tag's class and the longer one's does not.
  const uint64_t cls = xpos == vb || xpos == vbp ? 2 : WordnetClass(xpos);
  const bool checkable = (cls == 2 || cls == 3) && known_.size() > 0 && !IsProper(xpos);
  const Rule* first = nullptr;
  for (size_t k = std::min(kMaxEnding, scratch.size()) + 1; k-- > 0;) {
    uint32_t r = rules_.Get(KeyOf(kRuleSeed, std::string_view(scratch).substr(scratch.size() - k), xpos));
    if (r == UINT32_MAX) continue;
    const Rule& rule = rules_list_[r];
    if (rule.strip >= source.size()) break;  // would leave nothing: keep the word
    out.assign(source.substr(0, source.size() - rule.strip));
    out += rule.append;
    // Rules are byte edits learned from mostly-ASCII data; one that cuts a multi-byte character
    // ("Pérez") would write invalid UTF-8 into every output format, so it does not apply.
    if (text::FindInvalidUtf8(out) != std::string_view::npos) continue;
    if (!checkable || known_.Get(KeyOf(kKnownSeed, out, cls)) != UINT32_MAX) return out;
    if (first == nullptr) first = &rule;
  }
  if (checkable) {
    for (const Detachment& d : cls == 2 ? std::span<const Detachment>(kVerbDetachments)
                                        : std::span<const Detachment>(kAdjDetachments)) {
      if (!source.ends_with(d.suffix) || source.size() <= d.suffix.size() + 1) continue;
      out.assign(source.substr(0, source.size() - d.suffix.size()));
      out += d.append;
      if (known_.Get(KeyOf(kKnownSeed, out, cls)) != UINT32_MAX) return out;
      // A doubled final consonant before the suffix: "quitting" -> "quit", "biggest" -> "big".
      if (d.append.empty() && out.size() >= 3 && out[out.size() - 1] == out[out.size() - 2]) {
        out.pop_back();
        if (known_.Get(KeyOf(kKnownSeed, out, cls)) != UINT32_MAX) return out;
      }
    }
  }
  // No edit gives a known word, but the word itself is one ("bid" as VBD): keep it rather than
  // trust a rule learned from other words ("did" -> "do" would give "bo").
  if (checkable && known_.Get(KeyOf(kKnownSeed, source, cls)) != UINT32_MAX) {
    out.assign(source);
    return out;
  }
  if (first != nullptr) {
    out.assign(source.substr(0, source.size() - first->strip));
    out += first->append;
    return out;
  }
  out.assign(source);
  return out;
}

void Lemmatizer::Lemmatize(model::Document& doc, const model::Sentence& s, std::string& out,
                           std::string& scratch) const {
  const uint8_t casing = SentenceCasing(doc, doc.Tokens(s));
  bool after_word = false;  // a letter or digit came earlier in the sentence
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    model::Token& t = doc.tokens[i];
    std::string_view form = doc.Form(t);
    std::string_view lemma = IsContractedHas(doc, s, i)
                                 ? "have"
                                 : Lemma(form, t.xpos, out, scratch, casing == kAllCapsSentence,
                                         casing == 0 && after_word);
    after_word = after_word || std::any_of(form.begin(), form.end(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                 });
    if (lemma == form) {
      t.lemma_start = t.form_start;
      t.lemma_length = t.form_length;
    } else {
      t.lemma_start = static_cast<uint32_t>(doc.forms.size());
      t.lemma_length = static_cast<uint16_t>(std::min<size_t>(lemma.size(), UINT16_MAX));
      doc.forms.append(lemma.substr(0, t.lemma_length));
    }
  }
}

void Lemmatizer::Save(ByteWriter& w) const {
  w.Str(strings_);
  lexicon_.Save(w);
  exceptions_.Save(w);
  rules_.Save(w);
  w.U32(static_cast<uint32_t>(rules_list_.size()));
  for (const Rule& r : rules_list_) {
    w.U8(r.strip);
    w.Str(r.append);
  }
  known_.Save(w);
}

Status Lemmatizer::Load(ByteReader& r, uint32_t version) {
  strings_ = r.Str();
  if (!r.ok() || !lexicon_.Load(r) || !exceptions_.Load(r) || !rules_.Load(r)) {
    return DataLossError("lemmatizer: truncated tables");
  }
  uint32_t n = r.U32();
  if (!r.Expect(n, 5)) return DataLossError("lemmatizer: truncated rules");
  rules_list_.resize(n);
  for (Rule& rule : rules_list_) {
    rule.strip = r.U8();
    rule.append = r.Str();
  }
  if (!r.ok()) return DataLossError("lemmatizer: truncated rules");
  if (version >= 2 && !known_.Load(r)) return DataLossError("lemmatizer: truncated WordNet index");
  // Every stored value must point inside the tables, so a damaged file cannot read out of bounds.
  bool valid = true;
  lexicon_.ForEachValue([&](uint32_t v) { valid &= (v >> 8) + (v & 0xff) <= strings_.size(); });
  exceptions_.ForEachValue([&](uint32_t v) { valid &= (v >> 8) + (v & 0xff) <= strings_.size(); });
  rules_.ForEachValue([&](uint32_t v) { valid &= v < rules_list_.size(); });
  if (!valid) return DataLossError("lemmatizer: table value out of range");
  return Status::Ok();
}

}  // namespace dyad::nlp
