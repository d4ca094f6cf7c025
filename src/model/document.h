// The plain data that flows between dyad's stages: Document, Sentence, Token.
//
// One Document owns its text and every token of every sentence in a single contiguous array, so a
// document is a handful of allocations whatever its length. Each stage fills its own columns:
//   text layer: Sentence spans, Token spans and forms (normalized for matching);
//   nlp:        Token upos/xpos/lemma/head/deprel (lemmas live in the forms arena too).
// All offsets are byte offsets into Document::text, the original UTF-8 as read, so every later
// span (a mention, an event's verb) points back into the original article.
// Includes nothing of dyad's: src/model sits below every stage.
#ifndef DYAD_MODEL_DOCUMENT_H_
#define DYAD_MODEL_DOCUMENT_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace dyad::model {

using Date = std::chrono::year_month_day;

// "YYYY-MM-DD" or "YYYY-MM-DDThh:mm..." (the time part is ignored); nullopt when malformed or
// not a real calendar day.
std::optional<Date> ParseIsoDate(std::string_view s);
std::string FormatIsoDate(const Date& d);

struct Token {
  uint32_t start = 0;         // byte span [start, end) in Document::text
  uint32_t end = 0;
  uint32_t form_start = 0;    // span in Document::forms: NFC, quotes and dashes folded
  uint32_t lemma_start = 0;   // span in Document::forms, written by the lemmatizer
  uint16_t form_length = 0;   // the tokenizer keeps tokens under kMaxTokenBytes
  uint16_t lemma_length = 0;
  int32_t head = -1;          // sentence-relative index of the head; -1 = root (or not parsed)
  uint8_t upos = 0;           // ids from model/tagset.h; 0 = not tagged
  uint8_t xpos = 0;
  uint8_t deprel = 0;
  uint8_t flags = 0;          // kSpaceAfter, ...

  static constexpr uint8_t kSpaceAfter = 1;      // whitespace follows in the original text
  static constexpr uint32_t kMaxTokenBytes = 1024;
};
static_assert(std::is_trivially_copyable_v<Token>);
static_assert(sizeof(Token) == 28);

struct Sentence {
  uint32_t start = 0;         // byte span [start, end) in Document::text
  uint32_t end = 0;
  uint32_t token_begin = 0;   // token range [token_begin, token_end) in Document::tokens
  uint32_t token_end = 0;
  uint32_t paragraph = 0;     // 0-based paragraph index in the document
  uint32_t flags = 0;         // kDateline, kLinkLine

  static constexpr uint32_t kDateline = 1;  // "TEHRAN (Reuters) -": a dateline, not prose
  static constexpr uint32_t kLinkLine = 2;  // "Read: ...", "Related: ...": a link to another story
  static constexpr uint32_t kNotProse = kDateline | kLinkLine;  // never coded

  uint32_t size() const { return token_end - token_begin; }
};
static_assert(std::is_trivially_copyable_v<Sentence>);

struct Document {
  std::string id;
  std::string text;                    // original UTF-8 article text (title not included)
  std::string title;
  std::string source;                  // publisher or agency, when known
  std::string url;
  std::optional<Date> date;            // publication date
  std::string datetime;                // publication timestamp as given, when it had a time
  std::vector<std::pair<std::string, std::string>> metadata;  // other fields: key -> JSON text
  std::string parse;                   // a parse supplied with the input (PETRARCH <Parse>)
  std::string origin;                  // "file:line" where the record started, for diagnostics

  std::string forms;                   // arena of token forms (see Token::form_start)
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  std::string_view Text(const Token& t) const {
    return std::string_view(text).substr(t.start, t.end - t.start);
  }
  std::string_view Form(const Token& t) const {
    return std::string_view(forms).substr(t.form_start, t.form_length);
  }
  std::string_view Lemma(const Token& t) const {
    return std::string_view(forms).substr(t.lemma_start, t.lemma_length);
  }
  std::string_view Text(const Sentence& s) const {
    return std::string_view(text).substr(s.start, s.end - s.start);
  }
  std::span<Token> Tokens(const Sentence& s) {
    return std::span<Token>(tokens).subspan(s.token_begin, s.size());
  }
  std::span<const Token> Tokens(const Sentence& s) const {
    return std::span<const Token>(tokens).subspan(s.token_begin, s.size());
  }
  // Drops the text layer's and later stages' output, keeping the article.
  void ClearAnalysis() {
    forms.clear();
    sentences.clear();
    tokens.clear();
  }
};

}  // namespace dyad::model

#endif  // DYAD_MODEL_DOCUMENT_H_
