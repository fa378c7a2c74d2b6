// Corpus word statistics: the reader of data/word_stats.tsv.
#include "lexicons/word_stats.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <limits>

#include "common/fast_paths.hpp"
#include "common/hash.hpp"
#include "common/mapped_file.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"
#include "lexicons/data_list.hpp"

namespace histext::lexicons {

namespace {

/// Parses a decimal field in [lo, hi] (or "-" as -1 when `dash_ok`) into `out`; false when malformed.
bool parse_field(std::string_view field, long lo, long hi, bool dash_ok, long& out) {
  if (dash_ok && field == "-") {
    out = -1;
    return true;
  }
  long v = 0;
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
  if (ec != std::errc() || end != field.data() + field.size() || v < lo || v > hi) return false;
  out = v;
  return true;
}

}  // namespace

word_stats word_stats::load(const std::string& path) {
  word_stats out;
  out.key_bytes_.reserve(1 << 20);
  out.offsets_.push_back(0);
  for_each_data_line_at(path, [&](std::string_view line, std::size_t number) {
    auto bad = [&](const std::string& why) { return error(path + ": line " + std::to_string(number) + ": " + why); };
    const std::vector<std::string_view> f = split_fields(line, '\t');
    if (f.size() != 4) throw bad("expected key<TAB>count<TAB>mid_cap<TAB>cluster");
    long count = 0, mid_cap = 0, cluster = 0;
    if (!parse_field(f[1], 1, std::numeric_limits<std::uint32_t>::max(), false, count)) throw bad("bad count");
    if (!parse_field(f[2], 0, 1000, true, mid_cap)) throw bad("bad mid_cap (0..1000 or -)");
    if (!parse_field(f[3], 0, 255, true, cluster)) throw bad("bad cluster (0..255 or -)");
    // Strictly increasing keys: binary search needs the order, and a repeated key is an error.
    if (!out.stats_.empty()) {
      const std::size_t last = out.stats_.size() - 1;
      const std::string_view prev(out.key_bytes_.data() + out.offsets_[last],
                                  out.offsets_[last + 1] - out.offsets_[last]);
      if (!(prev < f[0])) throw bad("key out of order or repeated");
    }
    if (out.key_bytes_.size() + f[0].size() > std::numeric_limits<std::uint32_t>::max()) throw bad("file too large");
    out.key_bytes_.insert(out.key_bytes_.end(), f[0].begin(), f[0].end());
    out.offsets_.push_back(static_cast<std::uint32_t>(out.key_bytes_.size()));
    out.stats_.push_back(
        {static_cast<std::uint32_t>(count), static_cast<std::int16_t>(mid_cap), static_cast<std::int16_t>(cluster)});
  });
  out.point_at_vectors();
  return out;
}

namespace {
constexpr char binary_magic[8] = {'H', 'X', 'W', 'S', '0', '0', '0', '2'};
}

void word_stats::point_at_vectors() {
  // Vectors keep their buffers when the object is moved, so these pointers stay valid.
  keys_ = key_bytes_.data();
  off_ = offsets_.data();
  st_ = stats_.data();
  n_ = stats_.size();
}

word_stats word_stats::read_binary(const std::string& path) {
  mapped_file f = map_file(path, "word statistics", false);
  if (f.size < 20) throw error(path + ": not a word statistics file (too short)");
  const std::size_t size = f.size;
  const char* b = f.data;
  word_stats out;
  out.mapping_ = f.keep;
  auto bad = [&](const char* why) { return error(path + ": not a word statistics file (" + why + ")"); };
  if (std::memcmp(b, binary_magic, 8) != 0) throw bad("bad magic");
  std::uint32_t n = 0, key_bytes = 0, slots = 0;
  std::memcpy(&n, b + 8, 4);
  std::memcpy(&key_bytes, b + 12, 4);
  std::memcpy(&slots, b + 16, 4);
  if (slots == 0 || (slots & (slots - 1)) != 0 || slots < n) throw bad("hash slots");
  const std::size_t offsets_at = 20, stats_at = offsets_at + (std::size_t{n} + 1) * 4,
                    slots_at = stats_at + std::size_t{n} * sizeof(word_stat),
                    keys_at = slots_at + std::size_t{slots} * 4;
  if (size != keys_at + key_bytes) throw bad("size mismatch");
  // The mapping is page-aligned and the sections start at multiples of 4: aligned reads.
  out.off_ = reinterpret_cast<const std::uint32_t*>(b + offsets_at);
  out.st_ = reinterpret_cast<const word_stat*>(b + stats_at);
  out.keys_ = b + keys_at;
  out.n_ = n;
  if (out.off_[0] != 0 || out.off_[n] != key_bytes) throw bad("key offsets");
  if constexpr (fast_paths) {
    out.slots_ = reinterpret_cast<const std::uint32_t*>(b + slots_at);
    out.slot_mask_ = slots - 1;
  }
  return out;
}

const word_stats& word_stats::instance() {
  // A function-local static: initialised once, thread-safe; a failed load throws and is retried
  // by the next call.
  // Never destroyed (as the entity model): the mapping goes with the process.
  static const word_stats* table = new word_stats(read_binary(data_file("word_stats.bin")));
  return *table;
}

const word_stat* word_stats::find(std::string_view k) const {
  // One probe or two into the hash table, where the binary search read ~16 scattered keys: each
  // look-up of a short text is a cold one. Offsets are checked as they are read (the file is
  // data), and a key at a bad offset or a table without an empty slot falls back to the search.
  if (!slots_) return search(k);
  const std::size_t mask = slot_mask_;
  std::size_t at = stable_hash64(k) & mask;
  for (std::size_t probes = 0; probes <= mask; ++probes, at = (at + 1) & mask) {
    const std::uint32_t e = slots_[at];
    if (e == 0) return nullptr;
    if (e > n_ || off_[e - 1] > off_[e] || off_[e] > off_[n_]) break;
    if (key(e - 1) == k) return &st_[e - 1];
  }
  return search(k);
}

const word_stat* word_stats::search(std::string_view k) const {
  std::size_t lo = 0, hi = n_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid) < k)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n_ && key(lo) == k ? &st_[lo] : nullptr;
}

}  // namespace histext::lexicons
