// Corpus word statistics: the reader of data/word_stats.tsv.
#include "lexicons/word_stats.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

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
  out.keys_.reserve(1 << 20);
  for_each_data_line_at(path, [&](std::string_view line, std::size_t number) {
    auto bad = [&](const std::string& why) { return error(path + ": line " + std::to_string(number) + ": " + why); };
    const std::vector<std::string_view> f = split_fields(line, '\t');
    if (f.size() != 4) throw bad("expected key<TAB>count<TAB>mid_cap<TAB>cluster");
    long count = 0, mid_cap = 0, cluster = 0;
    if (!parse_field(f[1], 1, std::numeric_limits<std::uint32_t>::max(), false, count)) throw bad("bad count");
    if (!parse_field(f[2], 0, 1000, true, mid_cap)) throw bad("bad mid_cap (0..1000 or -)");
    if (!parse_field(f[3], 0, 255, true, cluster)) throw bad("bad cluster (0..255 or -)");
    // Strictly increasing keys: binary search needs the order, and a repeated key is an error.
    if (!out.spans_.empty() && !(out.key(out.spans_.size() - 1) < f[0])) throw bad("key out of order or repeated");
    if (out.keys_.size() + f[0].size() > std::numeric_limits<std::uint32_t>::max()) throw bad("file too large");
    out.spans_.push_back({static_cast<std::uint32_t>(out.keys_.size()), static_cast<std::uint32_t>(f[0].size())});
    out.keys_.append(f[0]);
    out.stats_.push_back(
        {static_cast<std::uint32_t>(count), static_cast<std::int16_t>(mid_cap), static_cast<std::int16_t>(cluster)});
  });
  out.keys_.shrink_to_fit();
  return out;
}

const word_stats& word_stats::instance() {
  // A function-local static: initialised once, thread-safe; a failed load throws and is retried
  // by the next call.
  static const word_stats table = load(data_file("word_stats.tsv"));
  return table;
}

const word_stat* word_stats::find(std::string_view k) const {
  std::size_t lo = 0, hi = spans_.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (key(mid) < k)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < spans_.size() && key(lo) == k ? &stats_[lo] : nullptr;
}

}  // namespace histext::lexicons
