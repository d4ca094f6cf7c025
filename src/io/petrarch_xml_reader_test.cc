#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "model/document.h"

namespace dyad::io {
namespace {

using testing::Gzip;
using testing::ReadAllEvents;
using testing::TempDir;

// Shaped like PETR.UnitTest.records.xml: a <Validation> wrapper, an <Environment> block, comments
// holding tags, spaces around '=', <EventCoding> expectations.
constexpr char kRecords[] =
    "<Validation>\n"                                                                // 1
    "<!-- Use <Sentence ... evaluate=\"false\"> to skip -->\n"                       // 2
    "<Environment><Verbfile>v.txt</Verbfile></Environment>\n"                        // 3
    "<Sentences>\n"                                                                  // 4
    "<Sentence date = \"19950101\" id =\"DEMO-01\" category=\"DEMO\" sentence=\"true\">\n"  // 5
    "<!-- Simple coding --><PLEvent {\"event\": \"064\", \"note\": \"a>b\"}>\n"            // 6
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"/>\n"       // 7
    "<Text>\n"                                                                       // 8
    "Arnor is about to restore ties with Gondor &amp; Rohan \n"                     // 9
    "almost five years later.\n"                                                     // 10
    "</Text>\n"                                                                      // 11
    "<Parse>\n"                                                                      // 12
    "(ROOT (S (NP (NNP Arnor))))\n"                                                  // 13
    "</Parse>\n"                                                                     // 14
    "</Sentence>\n"                                                                  // 15
    "<Sentence date=\"20150805\" id=\"AFP-2\" source=\"AFP\"><Text><![CDATA[a < b]]></Text>"
    "</Sentence>\n"                                                                  // 16
    "</Sentences>\n"
    "</Validation>\n";

TEST(PetrarchXmlReaderTest, ReadsSentences) {
  TempDir dir;
  std::string path = dir.Write("records.xml", kRecords);
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.errors.size(), 0u) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 2u);
  const model::Document& a = r.docs[0];
  EXPECT_EQ(a.id, "DEMO-01");
  EXPECT_EQ(model::FormatIsoDate(*a.date), "1995-01-01");
  EXPECT_EQ(a.text, "Arnor is about to restore ties with Gondor & Rohan \nalmost five years later.");
  EXPECT_EQ(a.parse, "(ROOT (S (NP (NNP Arnor))))");
  EXPECT_EQ(a.origin, path + ":5");
  ASSERT_EQ(a.metadata.size(), 4u);
  EXPECT_EQ(a.metadata[3].first, "PLEvent");
  EXPECT_EQ(a.metadata[3].second, "[{\"event\":\"064\",\"note\":\"a>b\"}]");
  EXPECT_EQ(a.metadata[0], (std::pair<std::string, std::string>{"category", "\"DEMO\""}));
  EXPECT_EQ(a.metadata[1], (std::pair<std::string, std::string>{"sentence", "\"true\""}));
  EXPECT_EQ(a.metadata[2].first, "EventCoding");
  EXPECT_EQ(a.metadata[2].second, "[{\"eventcode\":\"064\",\"sourcecode\":\"ARN\",\"targetcode\":\"GON\"}]");

  EXPECT_EQ(r.docs[1].id, "AFP-2");
  EXPECT_EQ(r.docs[1].source, "AFP");
  EXPECT_EQ(r.docs[1].text, "a < b");
  EXPECT_EQ(r.docs[1].origin, path + ":16");
}

TEST(PetrarchXmlReaderTest, BrokenRecordCostsOnlyItself) {
  TempDir dir;
  std::string path = dir.Write("broken.xml",
                               "<Sentences>\n"                                            // 1
                               "<Sentence id=\"ok1\" date=\"20150101\"><Text>One.</Text></Sentence>\n"  // 2
                               "<Sentence id=\"bad\" date=\"20150101\">\n"                // 3
                               "<Text>Two <b>unclosed</Text>\n"                           // 4
                               "</Sentence>\n"                                            // 5
                               "<Sentence id=\"date\" date=\"151301\"><Text>x</Text></Sentence>\n"  // 6
                               "<Sentence id=\"notext\" date=\"20150101\"></Sentence>\n"  // 7
                               "<Sentence id=\"open\" date=\"20150101\"><Text>never closed</Text>\n"  // 8
                               "<Sentence id=\"utf\"><Text>caf\xE9</Text></Sentence>\n"   // 9
                               "<Sentence id=\"ok2\"><Text>Three.</Text></Sentence>\n"    // 10
                               "</Sentences>\n");
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "ok1");
  EXPECT_EQ(r.docs[1].id, "ok2");
  EXPECT_EQ(r.docs[1].origin, path + ":10");
  ASSERT_EQ(r.errors.size(), 5u);
  EXPECT_TRUE(r.errors[0].starts_with(path + ":4: malformed XML: ")) << r.errors[0];
  EXPECT_EQ(r.errors[1], path + ":6: bad date '151301' (expected YYYYMMDD)");
  EXPECT_EQ(r.errors[2], path + ":7: <Sentence> has no <Text>");
  EXPECT_EQ(r.errors[3], path + ":8: <Sentence> not closed before the next <Sentence>");
  EXPECT_EQ(r.errors[4], path + ":9: invalid UTF-8 byte 0xE9 at byte 28");
}

TEST(PetrarchXmlReaderTest, CharacterReferencesAreValidatedAfterDecoding) {
  TempDir dir;
  std::string path = dir.Write("refs.xml",
                               "<Sentences>\n"
                               "<Sentence id=\"s\"><Text>bad &#xD800; ref</Text></Sentence>\n"
                               "<Sentence id=\"p\"><PLEvent {\"x\": \"\xFF\"}><Text>ok</Text></Sentence>\n"
                               "</Sentences>\n");
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors[0].starts_with(path + ":2: invalid UTF-8")) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "ok");
}

TEST(PetrarchXmlReaderTest, SelfClosedSentenceQuirk) {
  // PETR2_GSR_validation.xml: <Sentence .../> followed by its content and </Sentence>.
  TempDir dir;
  std::string path = dir.Write("gsr.xml",
                               "<Validation>\n# banner text outside any element\n<Sentences>\n"
                               "<Sentence id=\"a\" date=\"20080804\" evaluate=\"true\"/>\n"
                               "<EventCoding eventcode=\"042\"/>\n<Text>\nFirst.\n</Text>\n"
                               "</Sentence>\n"
                               "<Sentence id=\"b\" date=\"20080804\"/>\n"
                               "<Sentence id=\"c\" date=\"20080804\"><Text>Third.</Text></Sentence>\n"
                               "</Sentences></Validation>\n");
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].id, "a");
  EXPECT_EQ(r.docs[0].text, "First.");
  EXPECT_EQ(r.docs[1].id, "c");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ":10: <Sentence> has no <Text>");
}

TEST(PetrarchXmlReaderTest, UnterminatedAndTruncated) {
  TempDir dir;
  std::string a = dir.Write("a.xml",
                            "<Sentences><Sentence id=\"x\"><Text>t</Text></Sentence>\n"
                            "<Sentence id=\"y\"><Text>u</Text>\n");
  std::string b = dir.Write("b.xml", "<Sentences><!-- never closed\n\n");
  std::string body = "<Sentences>\n";
  for (int i = 0; i < 5000; ++i) {
    body += "<Sentence id=\"s" + std::to_string(i) + "\" date=\"20150101\"><Text>Sentence " +
            std::to_string(i) + "</Text></Sentence>\n";
  }
  std::string gz = Gzip(body + "</Sentences>\n");
  std::string c = dir.Write("c.xml.gz", gz.substr(0, gz.size() * 2 / 3));
  auto r = ReadAllEvents({a, b, c});
  ASSERT_GE(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0], a + ":2: <Sentence> not closed before the end of the file");
  EXPECT_EQ(r.errors[1], b + ":1: unterminated comment");
  EXPECT_TRUE(r.errors[2].ends_with(": truncated gzip stream")) << r.errors[2];
  EXPECT_GT(r.docs.size(), 1000u);
  EXPECT_EQ(r.docs[0].id, "x");
  EXPECT_EQ(r.docs[1].id, "s0");
}

TEST(PetrarchXmlReaderTest, RecordOverCapIsSkipped) {
  TempDir dir;
  std::string path = dir.Write("big.xml", "<Sentences><Sentence id=\"big\"><Text>" +
                                              std::string(2u << 20, 'x') +
                                              "</Text></Sentence>\n<Sentence id=\"small\"><Text>ok"
                                              "</Text></Sentence></Sentences>");
  ReadOptions options;
  options.max_record_bytes = 1u << 20;
  auto r = ReadAllEvents({path}, options);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ":1: record of more than 1 MiB");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "small");
}

}  // namespace
}  // namespace dyad::io
