#include <chrono>

#include <gtest/gtest.h>

#include "io/io_test_util.h"
#include "model/document.h"

namespace dyad::io {
namespace {

using testing::ReadAllEvents;
using testing::ReadAs;
using testing::TempDir;

constexpr char kPage[] = R"(<!DOCTYPE html>
<html><head>
<title>  Page   title | Site </title>
<meta property="og:title" content="Arnor and Gondor restore ties">
<meta property="og:site_name" content="Middle-earth News">
<meta property="article:published_time" content="2015-08-05T10:30:00+00:00">
<link rel="canonical" href="https://example.org/arnor">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>Site banner</h1></header>
<div class="sidebar">Sidebar outside the article</div>
<article>
  <h1>Arnor and Gondor restore ties</h1>
  <p>Arnor   restored <b>full</b> diplomatic ties
     with Gondor &amp; Rohan on&nbsp;Saturday.</p>
  <figure><img src="x.jpg"><figcaption>The embassy in Minas Tirith.</figcaption></figure>
  <p>Read more: <a href="/other">Other story</a></p>
  <p>RELATED: Something else</p>
  <aside>Advertisement</aside>
  <p>The talks lasted<br>two days.</p>
  <form>Subscribe <input name="q"></form>
  <p hidden>Hidden paragraph.</p>
</article>
<footer>Copyright</footer>
</body></html>
)";

TEST(HtmlReaderTest, ExtractsArticleAndMetadata) {
  TempDir dir;
  std::string path = dir.Write("page.html", kPage);
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.errors.size(), 0u) << r.errors[0];
  ASSERT_EQ(r.docs.size(), 1u);
  const model::Document& d = r.docs[0];
  EXPECT_EQ(d.title, "Arnor and Gondor restore ties");
  EXPECT_EQ(d.source, "Middle-earth News");
  EXPECT_EQ(d.url, "https://example.org/arnor");
  EXPECT_EQ(model::FormatIsoDate(*d.date), "2015-08-05");
  EXPECT_EQ(d.datetime, "2015-08-05T10:30:00+00:00");
  EXPECT_EQ(d.id, path);
  EXPECT_EQ(d.text,
            "Arnor and Gondor restore ties\n\n"
            "Arnor restored full diplomatic ties with Gondor & Rohan on\xC2\xA0Saturday.\n\n"
            "The embassy in Minas Tirith.\n\n"
            "The talks lasted\n\n"
            "two days.");
}

TEST(HtmlReaderTest, DateSourcesAndFallbacks) {
  TempDir dir;
  std::string ld = dir.Write("ld.html", R"(<html><head><title>T</title>
<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2019-03-01T08:00:00Z"}]}</script>
</head><body><main><p>Body text.</p></main><p>outside main</p></body></html>)");
  std::string meta = dir.Write("meta.htm", R"(<html><head>
<meta name="DC.date.issued" content="20190302">
<meta property="og:url" content="https://example.org/og">
</head><body><div itemprop="articleBody"><p>Only this.</p></div><article><p>Not this.</p></article></body></html>)");
  std::string time = dir.Write("time.html", R"(<html><body>
<p>Posted <time datetime="2019-03-03">March 3</time>.</p><p>Second.</p></body></html>)");
  std::string none = dir.Write("none.html", "<html><body><p>No date. <time datetime=\"garbage\">x</time></p></body></html>");
  ReadOptions options;
  options.default_date = model::ParseIsoDate("2000-01-01");
  auto r = ReadAllEvents({ld, meta, time, none}, options);
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(model::FormatIsoDate(*r.docs[0].date), "2019-03-01");
  EXPECT_EQ(r.docs[0].title, "T");
  EXPECT_EQ(r.docs[0].text, "Body text.");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[1].date), "2019-03-02");
  EXPECT_EQ(r.docs[1].url, "https://example.org/og");
  EXPECT_EQ(r.docs[1].text, "Only this.");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[2].date), "2019-03-03");
  EXPECT_EQ(r.docs[2].text, "Posted March 3.\n\nSecond.");
  EXPECT_EQ(model::FormatIsoDate(*r.docs[3].date), "2000-01-01");
}

TEST(HtmlReaderTest, BrokenMarkupStillReads) {
  TempDir dir;
  std::string path = dir.Write("broken.html", "<p>One <b>bold <i>mixed</b> up</i><p>Two &copy; &bogus; <div");
  auto r = ReadAs(InputFormat::kHtml, path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "One bold mixed up\n\nTwo \xC2\xA9 &bogus;");
}

TEST(HtmlReaderTest, DeepNestingDoesNotOverflow) {
  TempDir dir;
  std::string html = "<html><body><article>";
  for (int i = 0; i < 10000; ++i) html += "<div><span>";
  html += "deep text";
  for (int i = 0; i < 10000; ++i) html += "</span></div>";
  html += "</article></body></html>";
  std::string path = dir.Write("deep.html", html);
  auto start = std::chrono::steady_clock::now();
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "deep text");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(HtmlReaderTest, PathologicalDepthIsAnErrorNotAHang) {
  TempDir dir;
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  std::string a = dir.Write("deeper.html", "<html><body>" + deep + "x</body></html>");
  // Many void elements and siblings are not depth.
  std::string flat = "<html><body>";
  for (int i = 0; i < 50000; ++i) flat += "<p>para<br><img src=x></p>";
  std::string b = dir.Write("flat.html", flat + "</body></html>");
  auto start = std::chrono::steady_clock::now();
  auto r = ReadAllEvents({a, b});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], a + ": HTML nested more than 25000 elements deep");
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_TRUE(r.docs[0].text.starts_with("para\n\npara"));
}

TEST(HtmlReaderTest, BadBytes) {
  TempDir dir;
  std::string path = dir.Write("latin1.html", "<html>\n<body>caf\xE9</body></html>");
  auto r = ReadAllEvents({path});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], path + ":2: invalid UTF-8 byte 0xE9 at byte 16");
}

}  // namespace
}  // namespace dyad::io
