#pragma once
/// @file sentence_stats.hpp  Sentence statistics and readability (histext-sentences).
///
/// A word is a token of kind word (as in histext-freq, without the stopword filter): a hyphenated
/// compound or a possessive is one word, a number is not. Letters are the alphabetic code points
/// of the words. Syllables come from syllables.hpp. Offsets are byte offsets into document::text().
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "histext/document.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"

namespace histext {

/// What the analysis covers.
struct sentence_options {
  bool all = false;               ///< include the heading and attribution in the summary and the list
  std::size_t preview_words = 8;  ///< words in each sentence's preview
};

/// One sentence's counts.
struct sentence_stat {
  std::uint32_t index = 0;  ///< 1-based over the whole document (as in histext-tokens)
  std::uint32_t block = 0;
  histext::block_kind block_kind = histext::block_kind::paragraph;
  std::uint32_t paragraph = 0;  ///< 0 for heading/attribution
  std::uint32_t position = 0;   ///< 1-based within its block
  std::size_t begin = 0, end = 0;
  std::size_t words = 0, letters = 0, syllables = 0, polysyllables = 0;  ///< polysyllables: >= 3 syllables
  std::size_t quoted_words = 0;   ///< words inside quotation marks (a whole-body frame does not count)
  std::uint32_t quote_depth = 0;  ///< deepest quotation level reached in the sentence (frame excluded)
  bool quoted = false;            ///< at least half of its words (and at least one) are quoted
  std::string preview;            ///< the first preview_words words, white space collapsed, "…" if cut
};

/// One bar of a histogram: values in [low, high).
struct histogram_bin {
  std::size_t low = 0, high = 0, count = 0;
};

/// A distribution's statistics; reals are NaN when undefined (no values; sd needs two).
struct distribution {
  std::size_t count = 0;
  double mean = 0, median = 0, sd = 0, min = 0, max = 0, q1 = 0, q3 = 0;
  std::vector<histogram_bin> histogram;
};

/// Statistics of the given values (Eigen): sample standard deviation (n - 1), quartiles by linear
/// interpolation between order statistics (R type 7). Histogram bins have a width of 1, 2 or 5 x 10^k
/// chosen for about ten bars, starting at 0, when `histogram` is set.
distribution describe(const std::vector<double>& values, bool histogram = false);

/// The published readability formulas; NaN when undefined (no sentences or no words).
struct readability {
  double flesch_reading_ease = 0;    ///< 206.835 - 1.015 ASL - 84.6 ASW
  double flesch_kincaid_grade = 0;   ///< 0.39 ASL + 11.8 ASW - 15.59
  double gunning_fog = 0;            ///< 0.4 (ASL + 100 polysyllables / words)
  double smog = 0;                   ///< 1.043 sqrt(polysyllables * 30 / sentences) + 3.1291
  double coleman_liau = 0;           ///< 0.0588 L - 0.296 S - 15.8 (per 100 words)
  double automated_readability = 0;  ///< 4.71 letters / words + 0.5 ASL - 21.43
};

/// Computes the formulas from counts (ASL = words / sentences, ASW = syllables / words).
readability compute_readability(std::size_t sentences, std::size_t words, std::size_t letters, std::size_t syllables,
                                std::size_t polysyllables);

/// A sentence quoted by text, for the longest and shortest.
struct sentence_ref {
  std::string file;         ///< the input it is in: set in a corpus summary only (pool_sentences)
  std::uint32_t index = 0;  ///< 0 when there is none
  std::size_t words = 0;
  std::string text;  ///< white space collapsed
};

/// Totals over a set of sentences. `sentences` counts those with at least one word (the ASL
/// denominator); sentences without words (a lone number, a dash) are listed but not counted.
struct sentence_summary {
  std::size_t paragraphs = 0, sentences = 0, words = 0, letters = 0, syllables = 0, polysyllables = 0;
  std::size_t quoted_sentences = 0, quoted_words = 0;
  double quoted_share = 0;  ///< quoted_words / words; NaN without words
  distribution words_per_sentence, words_per_paragraph;
  sentence_ref longest, shortest;
  histext::readability readability;
};

/// The whole result for one document.
struct sentence_report {
  bool all = false;                      ///< the options' `all`
  bool framed = false;                   ///< one quotation spans the whole body (reported once, here)
  sentence_summary summary;              ///< the body (everything with `all`)
  sentence_summary outside_body;         ///< heading and attribution (empty with `all`)
  std::vector<sentence_stat> sentences;  ///< the summary's sentences, in order
};

/// Analyses an already segmented document. Throws histext::error if the syllable table cannot be loaded.
sentence_report analyze_sentences(const document& doc, const segmentation& seg, const sentence_options& options = {});

/// Segments and analyses block by block, keeping only one block's tokens at a time (large inputs).
sentence_report analyze_sentences(const document& doc, segmenter& seg, const sentence_options& options = {});

/// What a corpus summary needs of one file's report: the word count of each summary sentence and
/// paragraph (no sentence text but the longest and shortest), small enough to keep for many files.
struct sentence_tally {
  std::string file;
  sentence_summary summary;                              ///< the file's own summary (counts, longest, shortest)
  std::vector<double> sentence_words;                    ///< words of each counted sentence (with a word), in order
  std::vector<double> paragraph_words;                   ///< words of each summary paragraph, in order
  std::size_t outside_sentences = 0, outside_words = 0;  ///< outside_body's counts
};

/// Tallies one file's report (its words per paragraph are rebuilt from its sentences' blocks).
sentence_tally tally_sentences(const std::string& file, const sentence_report& report);

/// The summary of every tallied file's sentences taken together, as if they were one document:
/// counts summed, the distributions over all their sentences and paragraphs (files in order),
/// readability and quoted share from the pooled counts; the longest and shortest are the first
/// in file order, with sentence_ref::file set. Pure: depends on nothing but `files`.
sentence_summary pool_sentences(const std::vector<sentence_tally>& files);

/// What histext-sentences writes.
struct sentence_write_options {
  bool histogram = false;     ///< table: add a text bar chart of words per sentence
  bool summary_only = false;  ///< tsv/csv: write the summary (metric, value) instead of the sentences
  bool color = false;         ///< bold table headers (only on a terminal)
};

/// table: summary, readability and the sentences; tsv/csv: one row per sentence (or the summary);
/// json: {"meta", "summary", "outside_body", "sentences"}.
void write_sentences(std::ostream& out, const sentence_report& report, format f, const run_meta& meta,
                     const sentence_write_options& options = {});

/// The end of a several-file run (docs/corpus.md): table: one summary row per file and a
/// "(corpus)" row; tsv/csv with summary_only: the corpus summary's (metric, value) rows with
/// "(corpus)" in the file column, no header; otherwise nothing. `corpus` is pool_sentences(files).
void write_sentence_corpus(std::ostream& out, const std::vector<sentence_tally>& files, const sentence_summary& corpus,
                           bool all, format f, const sentence_write_options& options = {});

/// The corpus summary as a JSON object (the keys of a file's "summary" but "framed"; the
/// longest and shortest name their file).
std::string sentence_corpus_json(const sentence_summary& corpus);

}  // namespace histext
