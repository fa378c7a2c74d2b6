#pragma once
// Internal: the one owner of UTF-8 arithmetic on text that is already valid UTF-8 (validation
// itself lives in input/utf8_validate.hpp).
#include <cstddef>
#include <string_view>

namespace histext {

/// True when `byte` starts a code point (is not a UTF-8 continuation byte 10xxxxxx).
constexpr bool starts_code_point(unsigned char byte) { return (byte & 0xC0) != 0x80; }

/// The number of code points in valid UTF-8 `s` (the number of bytes that start one).
inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += starts_code_point(static_cast<unsigned char>(c));
  return n;
}

}  // namespace histext
