#pragma once
/// @file syllables.hpp  Syllable counts: the CMU Pronouncing Dictionary (compiled at build time
/// from Debian's festlex-cmu into data_dir()/syllables.bin), with a rule-based fallback.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace histext {

/// The compiled dictionary: lower-case ASCII words, sorted, each with its syllable count.
class syllable_dictionary {
 public:
  /// Reads a table written by histext_gen_syllables (one read); throws histext::error naming the
  /// file if it is missing, truncated or not such a table.
  static syllable_dictionary load(const std::string& path);
  /// The table in data_file("syllables.bin"), loaded on the first call (thread-safe) and kept;
  /// throws histext::error if it cannot be loaded.
  static const syllable_dictionary& shared();

  /// Syllables of `word` (lower-case ASCII), or 0 when the dictionary does not list it. Binary search.
  int lookup(std::string_view word) const;
  /// Number of words listed.
  std::size_t size() const { return count_; }
  /// The i-th word in sorted order (i < size()).
  std::string_view word(std::size_t i) const;
  /// The i-th word's syllable count (i < size()).
  int syllables(std::size_t i) const;

 private:
  std::shared_ptr<const std::string> bytes_;
  std::size_t count_ = 0;
  const unsigned char* offsets_ = nullptr;  // u32[count_ + 1], little-endian
  const unsigned char* counts_ = nullptr;   // u8[count_]
  const char* blob_ = nullptr;
  std::uint32_t offset(std::size_t i) const;
};

/// How a word's count was found.
enum class syllable_source : std::uint8_t { dictionary, derived, rules };

/// Rule-based count of one word (UTF-8; case, accents and apostrophes are ignored) that never
/// consults a dictionary: hyphenated parts are summed, a possessive or plural -s is dropped
/// (adding a syllable after a sibilant), then vowel groups are counted with the usual corrections
/// (silent final e and -es/-ed, syllabic -le, vowel pairs read as two). 0 for a word without letters.
int count_syllables_rules(std::string_view word);

/// Count of one word (UTF-8, any case): the dictionary; else a hyphenated word's parts, a
/// possessive's or plural's base found in the dictionary; else count_syllables_rules.
int count_syllables(std::string_view word, const syllable_dictionary& dict, syllable_source* source = nullptr);

/// count_syllables with a cache of the words already seen: for counting a whole text. Not thread-safe;
/// use one per thread.
class syllable_counter {
 public:
  /// Uses syllable_dictionary::shared() (throws histext::error if it cannot be loaded).
  syllable_counter();
  explicit syllable_counter(const syllable_dictionary& dict) : dict_(&dict) {}
  /// Syllables of a word token's norm (case-folded UTF-8).
  int count(std::string_view word);

 private:
  struct slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, length = 0;  // into arena_; length 0 = empty slot
    int count = 0;
  };
  const syllable_dictionary* dict_;
  std::vector<slot> slots_;  // open addressing, power-of-two size
  std::string arena_;        // the cached words, concatenated
  std::size_t used_ = 0;
};

}  // namespace histext
