#pragma once
// Internal: the one owner of string hashing for the library's hash tables. A transparent hash, so
// that a std::string table is searched with a std::string_view and no copy.
#include <cstddef>
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
