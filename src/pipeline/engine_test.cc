// Hostile input through the whole pipeline (text layer, tagger, parser, coder) with the shipped
// models and dictionaries: each case must end, in bounded time, with valid output. The time bounds
// are hang guards far above the real cost (sanitizer builds run these too), not speed figures.
// Also: Code()'s lazy analysis gives the events of a full analysis.
#include "pipeline/engine.h"

#include <algorithm>
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

  // Codes `doc`, checks every event points into the text, then parses the sentences coding
  // left unparsed and checks every sentence is a tree.
  static std::vector<model::Event> CodeChecked(model::Document& doc) {
    Engine::Workspace ws;
    std::vector<model::Event> events;
    EXPECT_TRUE(engine_->Code(doc, ws, events).ok());
    EXPECT_TRUE(engine_->Analyze(doc, ws).ok());
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

std::string Details(const std::vector<model::Event>& events) {
  std::string s;
  for (const model::Event& e : events) {
    s += e.doc_id + " " + std::to_string(e.sentence) + " " + e.source.code + "@" + std::to_string(e.source.start) +
         " " + e.target.code + "@" + std::to_string(e.target.start) + " " + e.cameo + " " + e.verb.text + " " +
         (e.date ? model::FormatIsoDate(*e.date) : "-") + " " + e.location.name + " " + e.attribution.text + " " +
         std::to_string(e.modality) + "; ";
  }
  return s;
}

TEST_F(EngineHostileInput, LazyAnalysisCodesAsFullAnalysis) {
  model::Document doc;
  doc.id = "lazy";
  doc.date = model::ParseIsoDate("2020-03-02");
  doc.text =
      "Iran signed a trade agreement with Iraq on Sunday.\n\n"
      "The weather in the capital was mild and markets were quiet.\n\n"
      "Iraqi officials welcomed the deal.\n\n"
      "It will also expand rail links between the two countries, the ministry said.\n\n"
      "Analysts expect higher oil exports next year.\n\n"
      "Turkey accused Syria of shelling border villages on Monday.";
  model::Document full = doc;
  EngineOptions options;
  options.models_dir = DYAD_SOURCE_DIR "/data/models";
  options.dictionaries = "dyad:" DYAD_SOURCE_DIR "/data/dictionaries";
  options.parse_all = true;
  auto parse_all = Engine::Open(options);
  ASSERT_TRUE(parse_all.ok()) << parse_all.status().ToString();
  Engine::Workspace ws;
  std::vector<model::Event> lazy_events, full_events;
  ASSERT_TRUE(engine_->Code(doc, ws, lazy_events).ok());
  ASSERT_TRUE((*parse_all)->Code(full, ws, full_events).ok());
  EXPECT_GE(full_events.size(), 2u);
  EXPECT_EQ(Details(lazy_events), Details(full_events));
  ASSERT_EQ(doc.sentences.size(), 6u);
  auto parsed = [&](size_t index) {
    auto tokens = doc.Tokens(doc.sentences[index]);
    return std::any_of(tokens.begin(), tokens.end(), [](const model::Token& t) { return t.deprel != 0; });
  };
  for (const model::Event& e : lazy_events) EXPECT_TRUE(parsed(e.sentence)) << e.sentence;
  // No actor, agent or pronoun: left untagged.
  EXPECT_EQ(doc.Tokens(doc.sentences[1])[0].upos, 0);
  EXPECT_FALSE(parsed(1));
  EXPECT_FALSE(IsParsed(doc));
  ASSERT_TRUE(engine_->Analyze(doc, ws).ok());
  EXPECT_TRUE(parsed(1));
}

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
