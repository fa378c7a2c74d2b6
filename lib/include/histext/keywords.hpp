#pragma once
/// @file keywords.hpp  Keywords: the words a target corpus uses more (or less) than a reference
/// corpus, by log-likelihood G², Hardie's log ratio and %DIFF (formulas in docs/keywords.md).
///
/// Each side is counted by a frequency_counter (frequency.hpp) with the same freq_options, so a
/// "word" means here exactly what it means to histext-freq (stopwords, --lemma, --stem, --all,
/// --numbers). The size of a side is its running words (freq_summary::running_words: every word
/// token, stopwords included), the base of histext-freq's relative frequencies.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "histext/document.hpp"
#include "histext/frequency.hpp"
#include "histext/output.hpp"

namespace histext {

/// Which measure orders the rows (every row carries all of them).
enum class keyness_measure : std::uint8_t { g2, log_ratio, pct_diff };

/// Parses "g2", "log-ratio" or "pct-diff"; throws histext::error otherwise.
keyness_measure parse_keyness_measure(const std::string& name);
/// The measure's name as parse_keyness_measure takes it.
const char* to_string(keyness_measure m);

/// Everything that changes what histext-keywords reports.
struct keywords_options {
  /// How each side is counted (word definition, stopwords, form, --all, --numbers, threads).
  /// Its row filters (top, min_count, min_length, ngram, collocate) are not used: see
  /// counting_options().
  freq_options counting;
  keyness_measure measure = keyness_measure::g2;
  std::uint64_t min_count = 1;  ///< keep words counted at least N times in target and reference together
  std::size_t top = 0;          ///< keep the first N rows of each direction (0 = all)

  /// `counting` with every row filter off (single words, all of them), for the two counters.
  freq_options counting_options() const;
};

/// The keyness of one word: a times in a target of n1 running words, b times in a reference of n2.
struct keyness {
  double g2 = 0;         ///< log-likelihood over the whole 2x2 table (Dunning 1993, four terms), >= 0
  double p = 1;          ///< chi-square with 1 d.f.: erfc(sqrt(g2 / 2))
  double log_ratio = 0;  ///< Hardie: log2((a/n1) / (b/n2)), a zero count taken as 0.5
  double pct_diff = 0;   ///< Gabrielatos & Marchi: (a/n1 - b/n2) / (b/n2) * 100, b = 0 taken as 0.5
};

/// Computes the four measures. Requires n1 > 0, n2 > 0, a <= n1, b <= n2 and a + b > 0;
/// throws histext::error otherwise.
keyness compute_keyness(std::uint64_t a, std::uint64_t n1, std::uint64_t b, std::uint64_t n2);

/// One word of the comparison.
struct keyword_row {
  std::string word;
  /// +1: relatively more frequent in the target; -1: less; 0: the same relative frequency.
  int direction = 0;
  std::uint64_t target_count = 0, reference_count = 0;
  double target_per_million = 0, reference_per_million = 0;  ///< count per million running words of its side
  keyness k;
};

/// One side of the comparison.
struct keyword_side {
  std::vector<std::string> inputs;  ///< names, in order
  std::uint64_t running_words = 0;  ///< the side's size N (freq_summary::running_words)
  std::uint64_t types = 0;          ///< distinct counted words
};

/// The comparison. Rows: direction +1 first, then -1, then 0; inside each, by the chosen measure
/// (g2: larger first; log_ratio and pct_diff: farther from zero first), then by g2 (larger
/// first), then by word (bytes). min_count and top are applied.
struct keywords_result {
  keyword_side target, reference;
  std::vector<keyword_row> rows;
};

/// Compares two frequency results counted with options.counting_options(). Throws
/// histext::error naming the side's inputs when a side has no running words.
keywords_result compare_keywords(const freq_result& target, const freq_result& reference,
                                 const keywords_options& options);

/// Convenience: counts one document per side and compares them.
keywords_result compare_keywords(const document& target, const document& reference, const keywords_options& options);

/// Writes the rows: word, direction ("+", "-" or "="), target_count, reference_count,
/// target_per_million, reference_per_million, g2, p, log_ratio, pct_diff. JSON is
/// {"meta", "target": {inputs, running_words, types}, "reference": {...}, "measure", "keywords": [...]}.
void write_keywords(std::ostream& out, const keywords_result& r, const keywords_options& options, format f,
                    const run_meta& meta, bool color = false);

}  // namespace histext
