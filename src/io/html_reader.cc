// HTML: one news article per file, parsed with gumbo (a full HTML5 parser, so broken markup is
// repaired as browsers do, and entities are decoded).
//
// Metadata, first match wins:
//   title  og:title, twitter:title, <title>
//   date   article:published_time, og:published_time, itemprop datePublished, JSON-LD
//          datePublished, date, pubdate, DC.date.issued, dcterms.date, DC.date,
//          parsely-pub-date, publish-date, sailthru.date, then the first <time datetime>;
//          values are ISO dates/datetimes or YYYYMMDD; a value with a time is kept in datetime.
//          An unparsable date is ignored (the page is still read), leaving --date.
//   source og:site_name;  url: <link rel=canonical>, og:url
// Text: the content root is the first element with itemprop=articleBody, else <article>, else
// <main>, else <body>. Below it, script/style/nav/header/footer/aside/form/noscript/template/
// iframe/svg/button/select subtrees and hidden elements are dropped; block elements (p, div,
// h1-h6, li, td, figcaption, br, ...) end a paragraph; whitespace inside a paragraph collapses to
// one space. Paragraphs are joined with "\n\n". Short paragraphs (under kMaxRelatedLinkBytes)
// starting with a related-link marker ("Read more:", "Related:", "See also:", ...) are dropped.
//
// Both walks over the DOM use an explicit stack: a page nested 10,000 elements deep must not
// overflow the reader thread's stack. Gumbo itself checks scopes against its stack of open
// elements, which is quadratic in the depth (20,000 levels take ~0.5 s, a million would take
// hours), so a linear pre-scan estimates the depth (start tags minus end tags, void elements
// excluded, comments and raw-text elements skipped) and a page deeper than
// kMaxNestingDepth is rejected as an error instead of hanging the reader.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/record_reader.h"

namespace dyad::io {

namespace {

constexpr size_t kMaxRelatedLinkBytes = 300;
constexpr size_t kMaxNestingDepth = 25000;

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsHtmlSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsHtmlSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_HEAD: case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
    case GUMBO_TAG_BR: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

bool IsRelatedLink(std::string_view para) {
  if (para.size() >= kMaxRelatedLinkBytes) return false;
  for (std::string_view marker : {"read:", "read more", "related:", "related stories",
                                  "related articles", "also read", "see also:", "recommended"}) {
    if (StartsWithNoCase(para, marker)) return true;
  }
  return false;
}

bool IsVoidElement(std::string_view name) {
  for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                             "meta", "param", "source", "track", "wbr", "keygen"}) {
    if (name == v) return true;
  }
  return false;
}

// An upper estimate of the element nesting depth (see the file comment); linear, no allocation
// beyond the tag name.
size_t EstimateNestingDepth(std::string_view html) {
  size_t depth = 0, max_depth = 0;
  size_t i = 0;
  const size_t n = html.size();
  std::string name;
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (html.compare(i, 3, "!--") == 0) {
      size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? n : end + 3;
      continue;
    }
    const bool closing = html[i] == '/';
    if (closing) ++i;
    name.clear();
    while (i < n && std::isalnum(static_cast<unsigned char>(html[i]))) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i]))));
      ++i;
    }
    if (name.empty()) continue;
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    // "<span/>" opens a span in HTML (the slash only counts in SVG/MathML): counted.
    if (IsVoidElement(name)) continue;
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      size_t end = html.find("</", i);  // raw text: no tags inside (close enough for an estimate)
      i = end == std::string_view::npos ? n : end;
      continue;
    }
    max_depth = std::max(max_depth, ++depth);
  }
  return max_depth;
}

// The text of a node's direct text children (for <title> and <script>).
std::string ChildText(const GumboNode* node) {
  std::string out;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      out += child->v.text.text;
    }
  }
  return out;
}

// Finds the first "datePublished" string in a JSON-LD value, breadth-first, without recursion.
std::optional<std::string> FindDatePublished(const nlohmann::json& root) {
  std::vector<const nlohmann::json*> todo{&root};
  for (size_t i = 0; i < todo.size(); ++i) {
    const nlohmann::json& j = *todo[i];
    if (j.is_object()) {
      auto it = j.find("datePublished");
      if (it != j.end() && it->is_string()) return it->get<std::string>();
      for (const auto& v : j) todo.push_back(&v);
    } else if (j.is_array()) {
      for (const auto& v : j) todo.push_back(&v);
    }
  }
  return std::nullopt;
}

std::optional<model::Date> ParsePageDate(std::string_view v) {
  v = Trim(v);
  if (v.size() == 8) return ParseCompactDate(v);
  return model::ParseIsoDate(v);
}

struct PageMeta {
  std::vector<std::pair<std::string, std::string>> meta;  // lower-cased key -> content
  std::string title;                                      // <title>
  std::string canonical;
  std::string time_datetime;                              // first <time datetime>
  std::vector<std::string> json_ld;

  const std::string* Get(std::string_view key) const {
    for (const auto& [k, v] : meta) {
      if (k == key && !Trim(v).empty()) return &v;
    }
    return nullptr;
  }
};

class GumboTree {
 public:
  explicit GumboTree(std::string_view html) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // parse errors are not reported; keep no list of them
    output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  }
  ~GumboTree() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }
  GumboTree(const GumboTree&) = delete;
  GumboTree& operator=(const GumboTree&) = delete;
  const GumboNode* root() const { return output_->root; }

 private:
  GumboOutput* output_;
};

// Walk 1: metadata and the content root.
const GumboNode* ScanPage(const GumboNode* root, PageMeta* meta) {
  const GumboNode* article_body = nullptr;
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    switch (tag) {
      case GUMBO_TAG_TITLE:
        if (meta->title.empty()) meta->title = ChildText(node);
        break;
      case GUMBO_TAG_META: {
        const char* content = Attr(node, "content");
        if (content == nullptr) break;
        for (const char* key_attr : {"property", "name", "itemprop"}) {
          if (const char* key = Attr(node, key_attr)) meta->meta.emplace_back(Lower(key), content);
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        const char* rel = Attr(node, "rel");
        const char* href = Attr(node, "href");
        if (rel != nullptr && href != nullptr && Lower(rel) == "canonical" && meta->canonical.empty()) {
          meta->canonical = href;
        }
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(node, "type");
        if (type != nullptr && Lower(Trim(type)) == "application/ld+json") {
          meta->json_ld.push_back(ChildText(node));
        }
        break;
      }
      case GUMBO_TAG_TIME: {
        const char* dt = Attr(node, "datetime");
        if (dt != nullptr && meta->time_datetime.empty()) meta->time_datetime = dt;
        break;
      }
      case GUMBO_TAG_ARTICLE:
        if (article == nullptr) article = node;
        break;
      case GUMBO_TAG_MAIN:
        if (main == nullptr) main = node;
        break;
      case GUMBO_TAG_BODY:
        if (body == nullptr) body = node;
        break;
      default:
        break;
    }
    if (article_body == nullptr) {
      const char* itemprop = Attr(node, "itemprop");
      if (itemprop != nullptr && std::string_view(itemprop) == "articleBody") article_body = node;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  if (article_body != nullptr) return article_body;
  if (article != nullptr) return article;
  if (main != nullptr) return main;
  if (body != nullptr) return body;
  return root;
}

// Walk 2: paragraphs of text below `root`.
class TextCollector {
 public:
  std::string Collect(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      bool closing;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      const GumboNode* node = f.node;
      if (f.closing) {
        Flush();
        continue;
      }
      switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
          AppendText(node->v.text.text);
          break;
        case GUMBO_NODE_WHITESPACE:
          pending_space_ = !para_.empty();
          break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          const GumboTag tag = node->v.element.tag;
          if (node != root && (IsDropped(tag) || Attr(node, "hidden") != nullptr)) break;
          const bool block = IsBlock(tag);
          if (block) {
            Flush();
            stack.push_back({node, true});
          }
          const GumboVector& children = node->v.element.children;
          for (unsigned i = children.length; i > 0; --i) {
            stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false});
          }
          break;
        }
        default:
          break;
      }
    }
    Flush();
    return std::move(text_);
  }

 private:
  void AppendText(const char* s) {
    for (; *s != '\0'; ++s) {
      if (IsHtmlSpace(*s)) {
        pending_space_ = !para_.empty();
        continue;
      }
      if (pending_space_) para_.push_back(' ');
      pending_space_ = false;
      para_.push_back(*s);
    }
  }

  void Flush() {
    pending_space_ = false;
    if (para_.empty()) return;
    if (!IsRelatedLink(para_)) {
      if (!text_.empty()) text_ += "\n\n";
      text_ += para_;
    }
    para_.clear();
  }

  std::string text_;
  std::string para_;
  bool pending_space_ = false;
};

void FillFromPage(std::string_view html, const ReadOptions& options, model::Document* doc) {
  GumboTree tree(html);
  PageMeta meta;
  const GumboNode* content = ScanPage(tree.root(), &meta);
  doc->text = TextCollector().Collect(content);

  if (const std::string* t = meta.Get("og:title")) {
    doc->title = std::string(Trim(*t));
  } else if (const std::string* tt = meta.Get("twitter:title")) {
    doc->title = std::string(Trim(*tt));
  } else {
    std::string collapsed;
    for (char ch : Trim(meta.title)) {
      if (IsHtmlSpace(ch)) {
        if (!collapsed.empty() && collapsed.back() != ' ') collapsed.push_back(' ');
      } else {
        collapsed.push_back(ch);
      }
    }
    doc->title = std::move(collapsed);
  }
  if (const std::string* s = meta.Get("og:site_name")) doc->source = std::string(Trim(*s));
  if (!meta.canonical.empty()) {
    doc->url = std::string(Trim(meta.canonical));
  } else if (const std::string* u = meta.Get("og:url")) {
    doc->url = std::string(Trim(*u));
  }

  std::vector<std::string> candidates;
  auto add = [&](std::string_view key) {
    if (const std::string* v = meta.Get(key)) candidates.emplace_back(Trim(*v));
  };
  add("article:published_time");
  add("og:published_time");
  add("datepublished");
  for (const std::string& ld : meta.json_ld) {
    nlohmann::json j = nlohmann::json::parse(ld, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) continue;
    if (auto d = FindDatePublished(j)) candidates.emplace_back(Trim(*d));
  }
  for (std::string_view key : {"date", "pubdate", "dc.date.issued", "dcterms.date", "dc.date",
                               "parsely-pub-date", "publish-date", "sailthru.date"}) {
    add(key);
  }
  if (!meta.time_datetime.empty()) candidates.emplace_back(Trim(meta.time_datetime));
  doc->date = options.default_date;
  for (const std::string& c : candidates) {
    if (auto d = ParsePageDate(c)) {
      doc->date = d;
      if (c.size() > 10) doc->datetime = c;
      break;
    }
  }
}

class HtmlReader : public RecordReader {
 public:
  explicit HtmlReader(ReaderInput input) : input_(std::move(input)) {}

  ReadEvent Next(model::Document* doc, Status* error) override {
    if (done_) return ReadEvent::kEnd;
    done_ = true;
    std::string html;
    if (Status s = ReadWholeRecord(input_, &html); !s.ok()) {
      *error = s;
      return ReadEvent::kError;
    }
    std::string_view bytes = html;
    if (EstimateNestingDepth(bytes) > kMaxNestingDepth) {
      *error = InvalidArgumentError(
                   fmt::format("HTML nested more than {} elements deep", kMaxNestingDepth))
                   .WithContext(input_.name);
      return ReadEvent::kError;
    }
    *doc = model::Document();
    FillFromPage(bytes, input_.options, doc);
    doc->id = input_.name;
    doc->origin = input_.name + ":1";
    return ReadEvent::kDocument;
  }

 private:
  ReaderInput input_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewHtmlReader(ReaderInput input) {
  return std::make_unique<HtmlReader>(std::move(input));
}

}  // namespace dyad::io
