// The name lexicon's page index (see name_index.hpp). No histext dependency beyond header-only
// ones: the build-time generator compiles this file as well.
#include "lexicons/name_index.hpp"

#include <algorithm>
#include <cstring>

#include "common/byte_order.hpp"

namespace histext::name_index {

namespace {

using byte_order::append_u32;
using byte_order::append_u64;
using byte_order::read_u32;
using byte_order::read_u64;

constexpr char magic[8] = {'H', 'X', 'N', 'I', 'D', 'X', '1', '\n'};
constexpr std::size_t prefix_size = 12;
constexpr std::size_t header_size = 8 + 8 + 8;
constexpr std::size_t entry_size = 4 + prefix_size;

std::string_view key_of(std::string_view line) { return line.substr(0, line.find('\t')); }

// The line that starts at `b`, without its line end.
std::string_view line_at(std::string_view tsv, std::size_t b) {
  const std::size_t e = tsv.find('\n', b);
  return tsv.substr(b, (e == std::string_view::npos ? tsv.size() : e) - b);
}

// `key` cut or zero-padded to a prefix: keys hold no zero byte, so padded prefixes order as keys do
// wherever they differ.
void prefix_of(std::string_view key, char (&out)[prefix_size]) {
  std::memset(out, 0, prefix_size);
  std::memcpy(out, key.data(), std::min(key.size(), prefix_size));
}

}  // namespace

std::string build(std::string_view tsv, std::size_t block) {
  std::string out(magic, sizeof magic);
  append_u64(out, tsv.size());
  std::string entries;
  std::uint64_t count = 0;
  std::size_t next = 0;  // the next block starts at the first line at or after this offset
  for (std::size_t b = 0; b < tsv.size();) {
    const std::string_view line = line_at(tsv, b);
    if (b >= next && b <= 0xffffffffu) {
      append_u32(entries, static_cast<std::uint32_t>(b));
      char prefix[prefix_size];
      prefix_of(key_of(line), prefix);
      entries.append(prefix, prefix_size);
      ++count;
      next = (b / block + 1) * block;
    }
    b += line.size() + 1;
  }
  append_u64(out, count);
  return out + entries;
}

result find(std::string_view index, std::string_view tsv, std::string_view key) {
  result r;
  if (index.size() < header_size || std::memcmp(index.data(), magic, sizeof magic) != 0 ||
      read_u64(index.data() + 8) != tsv.size())
    return r;
  const std::uint64_t count = read_u64(index.data() + 16);
  if (count == 0 || count > (index.size() - header_size) / entry_size) return r;
  const char* entries = index.data() + header_size;
  auto offset = [&](std::size_t i) { return static_cast<std::size_t>(read_u32(entries + i * entry_size)); };
  char wanted[prefix_size];
  prefix_of(key, wanted);
  // A block's first key against `key`: the prefixes decide unless they are equal.
  bool bad = false;
  auto compare = [&](std::size_t i) {
    const int c = std::memcmp(entries + i * entry_size + 4, wanted, prefix_size);
    if (c != 0) return c;
    const std::size_t b = offset(i);
    if (b >= tsv.size() || (b > 0 && tsv[b - 1] != '\n')) {
      bad = true;
      return 0;
    }
    return key_of(line_at(tsv, b)).compare(key);
  };
  // The last block whose first key is <= key.
  std::size_t lo = 0, hi = static_cast<std::size_t>(count);
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (compare(mid) <= 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (bad || offset(0) != 0) return r;
  r.what = result::absent;
  if (lo == 0) return r;  // before the first key
  const std::size_t block = lo - 1;
  std::size_t b = offset(block);
  const std::size_t end = block + 1 < count ? offset(block + 1) : tsv.size();
  if (b >= tsv.size() || end > tsv.size() || end < b || (b > 0 && tsv[b - 1] != '\n')) {
    r.what = result::unusable;
    return r;
  }
  // The block's first line must be the one the index names (a stale index of the same size).
  {
    char first[prefix_size];
    prefix_of(key_of(line_at(tsv, b)), first);
    if (std::memcmp(first, entries + block * entry_size + 4, prefix_size) != 0) {
      r.what = result::unusable;
      return r;
    }
  }
  // Each line's key is compared as it is read, and only then is the line end looked for: one pass
  // over the bytes of a line that does not match.
  const char* d = tsv.data();
  while (b < end) {
    std::size_t i = 0;
    while (i < key.size() && b + i < tsv.size() && d[b + i] == key[i]) ++i;
    const char next = b + i < tsv.size() ? d[b + i] : '\n';
    if (i == key.size()) {
      if (next == '\t' || next == '\n') {  // this line's key is `key`
        r.what = result::found;
        r.line = line_at(tsv, b);
        return r;
      }
      return r;  // this key is longer, `key` a prefix of it: later keys are larger too
    }
    // They differ at i: a key that ends there is a prefix of `key` (smaller); else the bytes decide.
    if (next != '\t' && next != '\n' && static_cast<unsigned char>(next) > static_cast<unsigned char>(key[i])) return r;
    const void* nl = std::memchr(d + b + i, '\n', tsv.size() - b - i);
    if (!nl) break;
    b = static_cast<std::size_t>(static_cast<const char*>(nl) - d) + 1;
  }
  return r;
}

}  // namespace histext::name_index
