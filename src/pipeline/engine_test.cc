// Hostile input through the whole pipeline (text layer, tagger, parser, coder) with the shipped
// models and dictionaries: each case must end, in bounded time, with valid output. The time bounds
// are hang guards far above the real cost (sanitizer builds run these too), not speed figures.
#include "pipeline/engine.h"

#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/nlp_test_util.h"
#include "text/segmenter.h"

namespace dyad::pipeline {
namespace {

constexpr auto kHangGuard = std::chrono::seconds(120);

class EngineHostileInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EngineOptions options;
    options.models_dir = DYAD_SOURCE_DIR "/data/models";
    options.dictionaries = "dyad:" DYAD_SOURCE_DIR "/data/dictionaries";
    auto opened = Engine::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    engine_ = opened->release();
  }
  static void TearDownTestSuite() { delete engine_; }

  // Codes `doc`, checks every sentence is a tree and every event points into the text.
  static std::vector<model::Event> CodeChecked(model::Document& doc) {
    Engine::Workspace ws;
    std::vector<model::Event> events;
    EXPECT_TRUE(engine_->Code(doc, ws, events).ok());
    for (const model::Sentence& s : doc.sentences) {
      EXPECT_TRUE(nlp::testing::IsTree(doc, s)) << "sentence at byte " << s.start;
    }
    for (const model::Event& e : events) {
      EXPECT_LT(e.sentence, doc.sentences.size());
      EXPECT_LE(e.source.end, doc.text.size());
      EXPECT_LE(e.target.end, doc.text.size());
    }
    return events;
  }

  static Engine* engine_;
};
Engine* EngineHostileInput::engine_ = nullptr;

// "Iran signed an accord with Iraq and " repeated: 10,500 tokens without a sentence end.
std::string TenThousandTokens() {
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "Iran signed an accord with Iraq and ";
  return text;
}

TEST_F(EngineHostileInput, TenThousandTokenSentenceIsCutAndCoded) {
  model::Document doc;
  doc.text = TenThousandTokens();
  auto start = std::chrono::steady_clock::now();
  std::vector<model::Event> events = CodeChecked(doc);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kHangGuard);
  EXPECT_EQ(doc.tokens.size(), 10500u);
  for (const model::Sentence& s : doc.sentences) EXPECT_LE(s.size(), text::kMaxSentenceTokens);
  EXPECT_FALSE(events.empty());
}

// Pre-tokenized input (CoNLL-U without a parse) skips the segmenter: the parser and the coder get
// the 10,500 tokens as one sentence.
TEST_F(EngineHostileInput, TenThousandTokenSentenceWithoutSegmenter) {
  model::Document doc;
  doc.text = TenThousandTokens();
  for (size_t pos = 0; pos < doc.text.size();) {
    size_t space = doc.text.find(' ', pos);
    model::Token t;
    t.start = static_cast<uint32_t>(pos);
    t.end = static_cast<uint32_t>(space);
    t.form_start = static_cast<uint32_t>(doc.forms.size());
    t.form_length = static_cast<uint16_t>(space - pos);
    t.flags = model::Token::kSpaceAfter;
    doc.forms += doc.text.substr(pos, space - pos);
    doc.tokens.push_back(t);
    pos = space + 1;
  }
  model::Sentence s;
  s.end = static_cast<uint32_t>(doc.text.size());
  s.token_end = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  auto start = std::chrono::steady_clock::now();
  std::vector<model::Event> events = CodeChecked(doc);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kHangGuard);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].size(), 10500u);
  EXPECT_FALSE(events.empty());
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
constexpr bool kSanitized = __has_feature(address_sanitizer);
#else
constexpr bool kSanitized = false;
#endif

// One megabyte of a single character, for characters that each stress another path: one endless
// word (cut at Token::kMaxTokenBytes), endless dots and dashes, whitespace only, a two-byte
// letter, and quotes, where every byte is a token (a million tokens through tagger and parser).
// Under sanitizers, which run the parser ~10x slower, the quotes are 64 KiB: the same paths.
TEST_F(EngineHostileInput, OneMegabyteOfOneCharacter) {
  for (std::string unit : {"a", ".", " ", "\n", "\xC3\xA9", "-", "\""}) {
    const size_t bytes = unit == "\"" && kSanitized ? size_t{64} << 10 : size_t{1} << 20;
    model::Document doc;
    while (doc.text.size() < bytes) doc.text += unit;
    auto start = std::chrono::steady_clock::now();
    std::vector<model::Event> events = CodeChecked(doc);
    EXPECT_LT(std::chrono::steady_clock::now() - start, kHangGuard) << "'" << unit << "'";
    EXPECT_TRUE(events.empty()) << "'" << unit << "'";
    for (const model::Token& t : doc.tokens) ASSERT_LE(t.end - t.start, model::Token::kMaxTokenBytes);
    for (const model::Sentence& s : doc.sentences) ASSERT_LE(s.size(), text::kMaxSentenceTokens);
  }
}

}  // namespace
}  // namespace dyad::pipeline
