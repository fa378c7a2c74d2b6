#pragma once
// Internal: the one owner of the little-endian integers in histext's binary data files (names.idx,
// syllables.bin), read and written byte by byte so that neither alignment nor the host's byte order
// matters. Header-only: the build-time generators in data/generate/ include it before the library
// is built.
#include <cstdint>
#include <string>

namespace histext::byte_order {

/// The little-endian unsigned integer of `bytes` bytes at `p`.
template <class T>
T read_le(const void* p, int bytes = sizeof(T)) {
  const auto* u = static_cast<const unsigned char*>(p);
  T v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<T>(u[i]) << (8 * i);
  return v;
}
inline std::uint32_t read_u32(const void* p) { return read_le<std::uint32_t>(p); }
inline std::uint64_t read_u64(const void* p) { return read_le<std::uint64_t>(p); }

/// Appends `v` to `out` as `bytes` little-endian bytes.
template <class T>
void append_le(std::string& out, T v, int bytes = sizeof(T)) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
inline void append_u32(std::string& out, std::uint32_t v) { append_le(out, v); }
inline void append_u64(std::string& out, std::uint64_t v) { append_le(out, v); }

}  // namespace histext::byte_order
