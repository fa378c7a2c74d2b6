#pragma once
// Internal: the name lexicon's page index (names.idx), the one owner of its format. It is written
// at build time, beside names.tsv, by data/generate/gen_names.cpp (which compiles name_index.cpp
// too) and read by names.cpp.
//
// Why: names.tsv is 3 MB of sorted lines, and a binary search over its bytes touches about 17
// lines on as many pages. On a short text every look-up is a cold one, and those scattered pages
// were a tenth of the recogniser's start-up. The index holds the first line of each block of about
// 512 bytes: its offset and the first 12 bytes of its key, 16 bytes a block (92 KB). A look-up
// binary-searches that array, then reads the dozen lines of one block (4 KB blocks made that scan,
// a memchr and a compare a line, cost more than the binary search it replaced).
//
// Layout (little-endian): "HXNIDX1\n", the size of names.tsv (u64), the number of blocks (u64),
// then per block its line's offset (u32) and key prefix (12 bytes, zero-padded).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace histext::name_index {

/// The bytes of an index over `tsv` (sorted "key<TAB>..." lines): one block starts at the first
/// line that starts at or after each multiple of `block` bytes (and at offset 0).
std::string build(std::string_view tsv, std::size_t block = 512);

/// What a look-up found.
struct result {
  enum kind { found, absent, unusable } what = unusable;
  std::string_view line;  ///< the whole line of `key` (without its line end) when found
};

/// The line of `key` in `tsv`, through `index`. `unusable` when the index does not describe this
/// tsv (another size, a bad header, a block that does not start a line or whose prefix differs):
/// the caller then searches the tsv itself.
result find(std::string_view index, std::string_view tsv, std::string_view key);

}  // namespace histext::name_index
