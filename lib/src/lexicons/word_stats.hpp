#pragma once
// Internal: corpus statistics of words (data/word_stats.tsv, generated from unlabelled historical
// English by data/generate/gen_word_stats.cpp) for the named-entity recogniser.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// word_stat is copied to and from files as 8 bytes: u32 count, i16 mid_cap, i16 cluster.

namespace histext::lexicons {

/// What the corpus says about one key (a lower-case normalised base form, accents stripped).
struct word_stat {
  std::uint32_t count = 0;    ///< occurrences in the corpus
  std::int16_t mid_cap = -1;  ///< per-mille of mid-sentence occurrences written with a capital; -1 when too few
  std::int16_t cluster = -1;  ///< distributional cluster 0..255; -1 for keys outside the most frequent ones
};

/// The table of data/word_stats.tsv: keys sorted by bytes, looked up by binary search over one
/// buffer holding every key. Immutable once loaded; shared by threads.
class word_stats {
 public:
  /// Loaded once per process from data_dir()/word_stats.bin, the build's binary form of
  /// data/word_stats.tsv (thread-safe); throws histext::error if the file is missing or malformed.
  static const word_stats& instance();
  /// The binary form, written by data/generate/gen_word_stats_bin.cpp: "HXWS0002", u32 keys,
  /// u32 key bytes, u32 hash slots (a power of two), u32 key offsets[keys + 1], the stats (u32
  /// count, i16 mid_cap, i16 cluster) of each key, u32 slots[] (key index + 1, 0 empty; a key
  /// starts probing at stable_hash64(key) & (slots - 1), linearly), then the key bytes. Mapped,
  /// not parsed: start-up matters for a short passage.
  /// Reads the binary form; throws histext::error naming the path when it is malformed.
  static word_stats read_binary(const std::string& path);
  /// Parses the file at `path` (lines "key<TAB>count<TAB>mid_cap<TAB>cluster", keys strictly
  /// increasing by bytes, '#' comments); throws histext::error naming the path and line.
  static word_stats load(const std::string& path);

  /// The statistics of a key, or nullptr when the corpus has too few occurrences.
  const word_stat* find(std::string_view key) const;
  /// The same by binary search over the sorted keys (the plain reference of find()'s hash table,
  /// and the only way for a table parsed from the TSV).
  const word_stat* search(std::string_view key) const;
  /// The number of keys.
  std::size_t size() const { return n_; }

 private:
  std::string_view key(std::size_t i) const { return std::string_view(keys_ + off_[i], off_[i + 1] - off_[i]); }
  void point_at_vectors();

  // Either the TSV's parse (the vectors) or the binary file mapped read-only (no copy, and only the
  // pages a lookup touches are read: start-up matters for a short passage).
  std::vector<char> key_bytes_;
  std::vector<std::uint32_t> offsets_;
  std::vector<word_stat> stats_;
  std::shared_ptr<const void> mapping_;
  const char* keys_ = nullptr;
  const std::uint32_t* off_ = nullptr;  // n_ + 1 offsets into keys_
  const word_stat* st_ = nullptr;
  std::size_t n_ = 0;
  const std::uint32_t* slots_ = nullptr;  // the binary form's hash table (slot_mask_ + 1 entries)
  std::size_t slot_mask_ = 0;
};

}  // namespace histext::lexicons
