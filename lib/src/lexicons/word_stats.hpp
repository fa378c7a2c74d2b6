#pragma once
// Internal: corpus statistics of words (data/word_stats.tsv, generated from unlabelled historical
// English by data/generate/gen_word_stats.cpp) for the named-entity recogniser.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  /// Loaded once per process from data_dir()/word_stats.tsv (thread-safe); throws histext::error if
  /// the file is missing or malformed.
  static const word_stats& instance();
  /// Parses the file at `path` (lines "key<TAB>count<TAB>mid_cap<TAB>cluster", keys strictly
  /// increasing by bytes, '#' comments); throws histext::error naming the path and line.
  static word_stats load(const std::string& path);

  /// The statistics of a key, or nullptr when the corpus has too few occurrences.
  const word_stat* find(std::string_view key) const;
  /// The number of keys.
  std::size_t size() const { return stats_.size(); }

 private:
  struct span {
    std::uint32_t begin = 0, length = 0;
  };
  std::string_view key(std::size_t i) const {
    return std::string_view(keys_).substr(spans_[i].begin, spans_[i].length);
  }

  std::string keys_;  // every key, one after the other
  std::vector<span> spans_;
  std::vector<word_stat> stats_;
};

}  // namespace histext::lexicons
