#pragma once
// Internal: the one owner of string hashing for the library's hash tables. A transparent hash, so
// that a std::string table is searched with a std::string_view and no copy.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace histext {

/// Hashes std::string, std::string_view and const char* alike (std::hash<std::string_view>).
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace histext

namespace histext {

/// A hash that is the same on every platform and in every build (FNV-1a, 64 bits, finished with
/// splitmix64's mixer): for values written into files, such as the entity model's feature keys.
/// Never 0, so that 0 can mark an empty slot.
inline std::uint64_t stable_hash64(std::string_view s, std::uint64_t seed = 0) noexcept {
  std::uint64_t h = 1469598103934665603ull ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

}  // namespace histext
