#pragma once
/// @file icu_baseline.hpp  The benchmark's reference point: bare ICU word + sentence break iteration.
#include <cstdint>
#include <memory>
#include <string_view>

namespace histext::bench {

/// Boundaries found by the two iterators.
struct icu_counts {
  std::uint64_t words = 0;      ///< word-iterator boundaries (every segment, spaces and punctuation too)
  std::uint64_t sentences = 0;  ///< sentence-iterator boundaries
};

/// ICU's word BreakIterator and sentence BreakIterator ("en@ss=standard") over one UText opened
/// with utext_openUTF8 on the whole buffer, single-threaded, only counting boundaries.
class icu_baseline {
 public:
  /// Creates the two iterators; throws std::runtime_error if ICU fails.
  icu_baseline();
  ~icu_baseline();
  icu_baseline(const icu_baseline&) = delete;
  icu_baseline& operator=(const icu_baseline&) = delete;

  /// Counts the boundaries of text (at most 2 GB: ICU offsets are 32-bit).
  icu_counts count(std::string_view text);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace histext::bench
