#include "input/utf8_validate.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#include "common/fast_paths.hpp"

namespace histext {

std::size_t valid_utf8_prefix(std::string_view s, bool nul_ends) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int64_t>(s.size());
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high_bits = 0x8080808080808080ULL;
  int64_t i = 0;
  while (i < n) {
    if constexpr (fast_paths) {
      // ASCII, eight bytes at a time: no high bit set and, with nul_ends, no zero byte (a zero
      // byte is the only one whose value minus one borrows into its high bit). The reference is
      // U8_NEXT on every code point below.
      while (i + 8 <= n) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        const std::uint64_t bad = nul_ends ? (w | ((w - ones) & ~w)) : w;
        if (bad & high_bits) break;
        i += 8;
      }
      if (i >= n) break;
    }
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || (nul_ends && c == 0)) return static_cast<std::size_t>(start);
  }
  return s.size();
}

}  // namespace histext
