#include "io/format_sniffer.h"

#include <gtest/gtest.h>

namespace dyad::io {
namespace {

TEST(FormatFromPathTest, Extensions) {
  EXPECT_EQ(FormatFromPath("a/news.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromPath("news.NDJSON.gz"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromPath("page.htm"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("page.html.zst"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromPath("records.xml"), InputFormat::kPetrarchXml);
  EXPECT_EQ(FormatFromPath("x.conllu"), InputFormat::kConllu);
  EXPECT_EQ(FormatFromPath("x.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromPath("Validate.text"), InputFormat::kText);
  EXPECT_EQ(FormatFromPath("x.dat"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromPath("-"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromPath("dir.jsonl/file"), InputFormat::kAuto);
}

TEST(SniffFormatTest, Content) {
  EXPECT_EQ(SniffFormat("  \n{\"text\": \"x\"}\n"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF{\"text\": \"x\"}"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("<Sentences>\n<Sentence date=\"20150101\">"), InputFormat::kPetrarchXml);
  EXPECT_EQ(SniffFormat("<Validation>\n<!-- c -->\n<Sentences>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(SniffFormat("<?xml version='1.0'?><Foo/>"), InputFormat::kPetrarchXml);
  EXPECT_EQ(SniffFormat("<!DOCTYPE html><html><body>x"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<HTML><body>x"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<?xml version='1.0'?><!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("\n# comment\n950101  DEMO-01\nArnor is here.\n\n"), InputFormat::kTabari);
  EXPECT_EQ(SniffFormat("950101\nText without an id.\n"), InputFormat::kTabari);
  EXPECT_EQ(SniffFormat("950101  DEMO-01\n\n"), InputFormat::kText);  // no text after it
  EXPECT_EQ(SniffFormat("9501011 DEMO-01\nText\n"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("Just an article.\n"), InputFormat::kText);
  EXPECT_EQ(SniffFormat(""), InputFormat::kText);
  EXPECT_EQ(SniffFormat("<p>fragment"), InputFormat::kText);
}

TEST(DetectFormatTest, NameFirstThenContent) {
  EXPECT_EQ(DetectFormat("a.jsonl", "plain text"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("a.dat", "{\"text\":\"x\"}"), InputFormat::kJsonl);
  // TABARI files are *.text: content refines a text extension.
  EXPECT_EQ(DetectFormat("Validate.text", "950101  DEMO-01\nArnor.\n"), InputFormat::kTabari);
  EXPECT_EQ(DetectFormat("a.txt", "{\"text\":\"x\"}"), InputFormat::kText);
}

TEST(IsTabariHeaderTest, Shapes) {
  EXPECT_TRUE(IsTabariHeader("950101  DEMO-01"));
  EXPECT_TRUE(IsTabariHeader("061118 00589742 004"));
  EXPECT_TRUE(IsTabariHeader("950101"));
  EXPECT_TRUE(IsTabariHeader("19140724 YYYY-02"));
  EXPECT_FALSE(IsTabariHeader("9501201  ACTORSYN-01"));
  EXPECT_FALSE(IsTabariHeader("186010029 YYYY-03"));
  EXPECT_FALSE(IsTabariHeader("95010  X"));
  EXPECT_FALSE(IsTabariHeader("1995 was a year"));
}

}  // namespace
}  // namespace dyad::io
