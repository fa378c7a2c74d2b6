#pragma once
/// @file frequency.hpp  Word frequencies, lexical diversity, n-grams and collocations
/// (the concordance is in concordance.hpp).
///
/// A counted word is a token of kind word (and number with `numbers`), in its normalised form
/// without a possessive (token::base()), optionally lemmatised or stemmed. Counting streams its
/// input in chunks cut at blank lines, so memory grows with the vocabulary, not with the input.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "histext/document.hpp"
#include "histext/lemma.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"
#include "histext/stopwords.hpp"

namespace histext {

namespace freq {
struct counter_access;  // the library's own access to a counter's tables (shards)
}

/// What a counted item is keyed on.
enum class word_form : std::uint8_t { norm, lemma, stem };

/// Everything that changes what histext-freq counts and reports.
struct freq_options {
  segment_options segmentation;            ///< how tokens are made (--dehyphenate)
  bool all = false;                        ///< count the heading and attribution too (default: body only)
  bool numbers = false;                    ///< count number tokens as words
  std::string stopwords = "default";       ///< "default", "none" or a file (see stopword_list::from_spec)
  std::vector<std::string> add_stopwords;  ///< files whose words join the `stopwords` list (--add-stopwords)
  word_form form = word_form::norm;
  std::string wordnet_dir = default_wordnet_dir;  ///< read only when form == lemma
  std::size_t ngram = 1;                          ///< 1 = words; 2..5 = n-grams inside one sentence
  /// Non-empty: also compute collocations of this word. It is keyed like a token: keyword_key
  /// (segmented as text, so "Stalin's" -> "stalin" and "it's" stays "it's"), then the key
  /// transform (lemma or stem) once. It must hold exactly one word or number.
  std::string collocate;
  std::size_t window = 5;  ///< collocation window, words each side, inside one sentence
  std::size_t mattr_window = 50;
  bool combine = false;  ///< several inputs: pooled counts instead of a column each
  std::size_t top = 0;   ///< keep the first N rows (0 = all)
  std::uint64_t min_count = 1;
  std::size_t min_length = 1;                      ///< in code points
  unsigned threads = 1;                            ///< 0 = the number of cores
  std::size_t chunk_bytes = std::size_t(1) << 20;  ///< target chunk size when streaming
  bool checksum = true;  ///< SHA-256 of each input (input_info::sha256, JSON's meta); false leaves it empty
};

/// Summary statistics of the counted items. Undefined values are NaN (written as null / empty).
struct freq_summary {
  std::uint64_t tokens = 0;  ///< counted items (after stopwords)
  /// Running words: every word token (and number with `numbers`) of the counted blocks, stopwords
  /// and short words included. The base of word_row::per_1000 and percent.
  std::uint64_t running_words = 0;
  std::uint64_t types = 0;
  std::uint64_t hapax = 0;       ///< types seen once
  std::uint64_t sentences = 0;   ///< sentences in the counted blocks
  std::uint64_t paragraphs = 0;  ///< counted blocks
  double ttr = 0, mattr = 0, mtld = 0, zipf = 0, zipf_r2 = 0;
  /// Why mattr and mtld are null although the text may be long enough, "" otherwise: a summary of
  /// several inputs pooled (--combine, --merge) leaves them null, because they need one running
  /// text and pooled counts are not one (each input's own values are in its summary).
  std::string null_reason;
};

/// One row: a word (or lemma, stem, n-gram) with its counts.
struct word_row {
  std::string word;
  std::string surface;  ///< most frequent normalised form behind a lemma/stem ("" otherwise)
  std::uint64_t count = 0;
  std::uint64_t rank = 0;                ///< 1 + number of words counted more often (ties share a rank)
  std::uint64_t sentences = 0;           ///< sentences it occurs in
  std::uint64_t paragraphs = 0;          ///< blocks it occurs in
  double per_1000 = 0, percent = 0;      ///< count per 1000 / per 100 running words (freq_summary::running_words)
  std::vector<std::uint64_t> per_input;  ///< with several inputs and no `combine`: count per input
};

/// One collocate of the node word (definitions and formulas in docs/frequency.md).
struct collocate_row {
  std::string word;
  std::uint64_t observed = 0;   ///< O11: its occurrences inside the node's window region (at most C1)
  double expected = 0;          ///< E11 = R1 * C1 / N
  std::uint64_t frequency = 0;  ///< C1: its frequency in the whole text
  double g2 = 0;                ///< Dunning's log-likelihood
  double pmi = 0;               ///< log2(O11 / E11)
};

/// A frequency analysis of one or more inputs.
struct freq_result {
  std::vector<std::string> inputs;  ///< names, in order
  std::vector<freq_summary> per_input_summary;
  freq_summary summary;          ///< of all inputs pooled
  std::vector<word_row> words;   ///< count desc, then word (bytes); after top/min filters
  std::string collocate;         ///< the node's key (see freq_options::collocate), or ""
  std::uint64_t node_count = 0;  ///< its frequency
  /// R1: the size of the node's window region, the union of its windows (`window` counted words
  /// each side, inside one sentence) without the node's own occurrences; each position counts once.
  std::uint64_t node_region = 0;
  std::vector<collocate_row> collocates;  ///< by G² desc, then word
};

/// Counts words over inputs added one by one. Loads the stopwords (and WordNet with --lemma)
/// once; throws histext::error on bad options (a node word that is not one word too) or
/// unreadable lists.
class frequency_counter {
 public:
  explicit frequency_counter(const freq_options& options);
  ~frequency_counter();
  frequency_counter(frequency_counter&&) noexcept;
  frequency_counter& operator=(frequency_counter&&) noexcept;

  /// Streams UTF-8 from `in` in chunks (a UTF-16/32 byte-order mark makes it read the whole
  /// input as a document instead). Returns the input's info (size; SHA-256 unless
  /// options.checksum is false). Throws histext::error naming `name` on NUL bytes or invalid
  /// UTF-8 (line, column, byte).
  input_info add_stream(std::istream& in, const std::string& name);
  /// Counts a loaded document.
  void add_document(const document& doc);
  /// The result so far (the counter stays usable). With `combine` and several inputs the pooled
  /// summary's mattr and mtld are NaN (freq_summary::null_reason says why).
  freq_result result() const;

 private:
  friend struct freq::counter_access;
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Mergeable counts (histext-freq --shard / --merge): everything a `combine` result needs except
/// the running text: per key count, sentences, blocks, surface forms and co-occurrences with the
/// node; the totals; each input's info and summary; and the options that change counts. Merging
/// shards gives, field for field, the result `combine` gives over the same inputs in name order
/// (docs/frequency.md, "Shards").
class freq_shard {
 public:
  /// The counts of every input added to `counter` so far. `meta_options` are recorded as given
  /// (the tool's options as its JSON meta shows them, to reproduce that meta after a merge).
  static freq_shard from_counter(const frequency_counter& counter,
                                 std::vector<std::pair<std::string, std::string>> meta_options = {});
  /// Reads a shard written by write(). Throws histext::error naming `name` (and the byte offset
  /// where one applies) on anything else: not a shard, another format version, a truncated or
  /// corrupt file (a SHA-256 closes every shard).
  static freq_shard read(std::istream& in, const std::string& name);
  /// Merges shards made with the same options; the result does not depend on their order (inputs
  /// are sorted by name, size, SHA-256; keys by bytes). Throws histext::error naming the first
  /// option that differs (and two shards that differ in it) when they were made differently.
  static freq_shard merge(std::vector<freq_shard> shards);

  /// Writes the shard: magic, format version, little-endian integers, a closing SHA-256.
  void write(std::ostream& out) const;
  /// The options the counts were made with (counting options only: top, min_count, min_length
  /// and combine are the caller's).
  const freq_options& options() const;
  /// The inputs, sorted by name (then size, SHA-256).
  std::vector<input_info> inputs() const;
  /// The recorded meta options (see from_counter).
  const std::vector<std::pair<std::string, std::string>>& meta_options() const;
  /// What frequency_counter::result() gives with `combine` over inputs() in that order, with the
  /// row filters (top, min_count, min_length) of `filters`; every other field of it is ignored.
  freq_result result(const freq_options& filters) const;

  freq_shard();
  ~freq_shard();
  freq_shard(freq_shard&&) noexcept;
  freq_shard& operator=(freq_shard&&) noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Convenience: writes the shard of `counter`'s inputs (freq_shard::from_counter, then write).
void write_shard(std::ostream& out, const frequency_counter& counter,
                 const std::vector<std::pair<std::string, std::string>>& meta_options = {});
/// Convenience: reads shards (`names[i]` names `*shards[i]` in messages) and merges them.
freq_shard merge_shards(const std::vector<std::istream*>& shards, const std::vector<std::string>& names);

/// Convenience: a counter over one document.
freq_result count_words(const document& doc, const freq_options& options);

/// Writes the word rows (with a column per input when there are several and no `combine`):
/// word, [surface,] count, per_1000, percent, rank, sentences, paragraphs. JSON is
/// {"meta", "summary", ["inputs"], "words", ["collocations"]}.
void write_frequencies(std::ostream& out, const freq_result& r, const freq_options& options, format f,
                       const run_meta& meta, bool color = false);
/// Writes the summary as a two-column table (statistic, value), and with a node word
/// (options.collocate) the collocation table after it (as write_collocations lays it out); JSON
/// as write_frequencies without "words" ("collocations" with a node).
void write_freq_summary(std::ostream& out, const freq_result& r, const freq_options& options, format f,
                        const run_meta& meta, bool color = false);
/// Writes the collocations: word, observed, expected, frequency, g2, pmi; JSON as write_frequencies.
void write_collocations(std::ostream& out, const freq_result& r, const freq_options& options, format f,
                        const run_meta& meta, bool color = false);

}  // namespace histext
