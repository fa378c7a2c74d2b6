#include "common/text_util.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#include "common/fast_paths.hpp"
#include "histext/error.hpp"

namespace histext {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
// White_Space among ASCII: tab, LF, VT, FF, CR and space.
bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
}  // namespace

std::size_t leading_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (fast_paths && b < 0x80) {  // ASCII fast path; the reference is the code point path below
      if (!ascii_space(b)) break;
      ++i;
      continue;
    }
    std::size_t j = i;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, s.size(), c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    i = j;
  }
  return i;
}

std::size_t trailing_space(std::string_view s) {
  auto i = static_cast<int32_t>(s.size());
  while (i > 0) {
    auto b = static_cast<unsigned char>(s[static_cast<std::size_t>(i) - 1]);
    if (fast_paths && b < 0x80) {  // ASCII fast path; the reference is the code point path below
      if (!ascii_space(b)) break;
      --i;
      continue;
    }
    int32_t j = i;
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, j, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    i = j;
  }
  return s.size() - static_cast<std::size_t>(i);
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    bool space = false;
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII fast path
      space = ascii_space(static_cast<unsigned char>(s[i]));
      ++j;
    } else {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, s.size(), c);
      space = c >= 0 && u_isUWhiteSpace(c);
    }
    if (!space)
      out.append(s.substr(i, j - i));
    else if (!in_space)
      out += ' ';
    in_space = space;
    i = j;
  }
  return out;
}

bool is_alphabetic(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  while (i < s.size()) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
    if (c < 0 || !(u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK))) return false;
  }
  return true;
}

namespace {
const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw error("ICU NFC normaliser unavailable");
  return *n;
}
const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw error("ICU NFD normaliser unavailable");
  return *n;
}
}  // namespace

std::string normalize_word(std::string_view s) {
  std::string out;
  normalize_word(s, out);
  return out;
}

namespace {

// normalize_word beyond ASCII: NFC, case folding, apostrophes.
[[gnu::noinline]] void normalize_unicode(std::string_view s, std::string& out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& n = nfc();
  if (!n.isNormalized(u, status)) u = n.normalize(u, status);
  u.foldCase(U_FOLD_CASE_DEFAULT);
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(u'\''));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BC)), icu::UnicodeString(u'\''));
  out.clear();
  u.toUTF8String(out);
}

constexpr std::uint64_t ones = 0x0101010101010101ULL, high_bits = 0x8080808080808080ULL;

// Lower-cases the ASCII letters of 8 bytes that are all ASCII (SWAR: a byte's high bit after
// the additions says whether it is >= 'A' and whether it is > 'Z'; no addition carries into
// the next byte because every byte is below 0x80).
std::uint64_t ascii_lower8(std::uint64_t v) {
  const std::uint64_t at_least_a = v + ones * (0x80 - 'A'), above_z = v + ones * (0x80 - 'Z' - 1);
  return v | (((at_least_a & ~above_z) & high_bits) >> 2);
}

// Lower-cases sizeof(Word) (8 or 4) bytes of `p` in place; false (nothing written) if one of
// them is not ASCII.
template <class Word>
bool lower_in_place(char* p) {
  Word v;
  std::memcpy(&v, p, sizeof v);
  if (v & static_cast<Word>(high_bits)) return false;
  v = static_cast<Word>(ascii_lower8(v));
  std::memcpy(p, &v, sizeof v);
  return true;
}

}  // namespace

void normalize_word(std::string_view s, std::string& out) {
  // ASCII (nearly every English token): copied, then lower-cased in place 8 or 4 bytes at a time
  // (the last word overlaps the one before: lower-casing twice changes nothing). Any byte
  // >= 0x80 sends the word to ICU, which rewrites `out` from `s`. ICU for every word is the
  // reference (HISTEXT_FAST_PATHS=OFF).
  if constexpr (!fast_paths) return normalize_unicode(s, out);
  const std::size_t n = s.size();
  out.assign(s.data(), n);
  char* p = out.data();
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 <= n; i += 8)
      if (!lower_in_place<std::uint64_t>(p + i)) return normalize_unicode(s, out);
    if (n % 8 != 0 && !lower_in_place<std::uint64_t>(p + n - 8)) return normalize_unicode(s, out);
  } else if (n >= 4) {
    if (!lower_in_place<std::uint32_t>(p) || !lower_in_place<std::uint32_t>(p + n - 4))
      return normalize_unicode(s, out);
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      auto u = static_cast<unsigned char>(p[i]);
      if (u >= 0x80) return normalize_unicode(s, out);
      p[i] = static_cast<char>(u | (static_cast<unsigned>(u - 'A') < 26u ? 0x20 : 0));
    }
  }
}

std::string fold_accents(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return strip_accents(s);
  return std::string(s);
}

std::string strip_accents(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString d = nfd().normalize(u, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    if (!(U_GET_GC_MASK(c) & U_GC_MN_MASK)) kept.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  nfc().normalize(kept, status).toUTF8String(out);
  return out;
}

}  // namespace histext
