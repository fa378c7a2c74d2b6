// The one UTF-8 validator, against an independent table-driven reference (RFC 3629, table 3-7 of
// the Unicode standard), at every alignment of the 8-byte fast path.
#include "input/utf8_validate.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace histext;

namespace {

// Unicode table 3-7, written out: the reference the validator must agree with.
std::size_t reference_prefix(std::string_view s, bool nul_ends) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (nul_ends && c == 0) return i;
      ++i;
      continue;
    }
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return n;
}

void expect_agrees(const std::string& s) {
  for (bool nul : {false, true})
    ASSERT_EQ(valid_utf8_prefix(s, nul), reference_prefix(s, nul)) << "nul_ends=" << nul << " size " << s.size();
}

}  // namespace

TEST(utf8_validate, every_two_byte_sequence_at_every_alignment) {
  for (unsigned a = 0; a < 256; ++a)
    for (unsigned b = 0; b < 256; ++b)
      for (std::size_t pad : {0u, 3u, 7u, 8u, 13u}) {
        std::string s(pad, 'x');
        s += static_cast<char>(a);
        s += static_cast<char>(b);
        s += "tail text";
        expect_agrees(s);
      }
}

TEST(utf8_validate, three_and_four_byte_boundaries) {
  const unsigned leads[] = {0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xC0, 0xC1, 0xFF};
  const unsigned conts[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  for (unsigned a : leads)
    for (unsigned b : conts)
      for (unsigned c : conts)
        for (unsigned d : conts)
          for (std::size_t pad : {0u, 5u, 8u}) {
            std::string s(pad, 'y');
            for (unsigned x : {a, b, c, d}) s += static_cast<char>(x);
            expect_agrees(s);
            expect_agrees(s.substr(0, s.size() - 1));  // truncated at the end
          }
}

TEST(utf8_validate, nul_ends_the_prefix_only_when_asked) {
  const std::string s = std::string("abcdefghij") + '\0' + "klm";
  EXPECT_EQ(valid_utf8_prefix(s, true), 10u);
  EXPECT_EQ(valid_utf8_prefix(s, false), s.size());
  EXPECT_EQ(valid_utf8_prefix("L\xc3\xa9nine", true), 7u);
  EXPECT_EQ(valid_utf8_prefix("ab\xed\xa0\x80", false), 2u);  // a surrogate
}
