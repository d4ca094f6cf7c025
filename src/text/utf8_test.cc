#include "text/utf8.h"

#include <gtest/gtest.h>

namespace dyad::text {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii that is longer than eight bytes"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Iran\xE2\x80\x99s \xF0\x9F\x98\x80 caf\xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
}

TEST(Utf8, FindsInvalidSequences) {
  EXPECT_EQ(FindInvalidUtf8("abc\xFF"), 3u);
  EXPECT_EQ(FindInvalidUtf8("abc\xC3"), 3u);                    // truncated
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);                   // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xA0\x80"), 2u);             // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);           // > U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("12345678\xE2\x28\xA1"), 8u);       // bad continuation
  EXPECT_EQ(DescribeInvalidUtf8("abc\xFF", 3), "invalid UTF-8 byte 0xFF at byte 3");
}

TEST(Utf8, DecodeAndEncodeRoundTrip) {
  std::string s = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";
  size_t i = 0;
  std::string back;
  std::u32string cps;
  while (i < s.size()) cps.push_back(DecodeUtf8(s, i));
  ASSERT_EQ(cps, (std::u32string{U'a', U'\u00E9', U'\u2019', U'\U0001F600'}));
  for (char32_t c : cps) AppendUtf8(back, c);
  EXPECT_EQ(back, s);
}

}  // namespace
}  // namespace dyad::text
