#pragma once
/// @file concordance.hpp  Keyword in context (histext-kwic): every occurrence of a word, a phrase,
/// a wildcard pattern or a regular expression, with N words of context each side inside its block.
///
/// The query is matched as text is: it goes through the same segmenter, and each of its words is
/// compared with a token's base() (normalised, possessive dropped by without_possessive). So
/// "it's" finds "It’s" and "it's" but not "it", and "Stalin's" finds "Stalin" and "Stalin’s".
/// Accents are ignored unless kwic_options::exact_accents ("napoleon" finds "Napoléon").
/// Searching goes block by block: memory grows with the hits, not with the input.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "histext/document.hpp"
#include "histext/lemma.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"

namespace histext {

/// The largest context (words each side) find_keyword accepts; a longer one is an error.
inline constexpr std::size_t max_kwic_context = 100;

/// One key of histext-kwic --sort (AntConc's L1, R2...): the word `position` words left or right
/// of the keyword (of a phrase: left of its first word, right of its last).
struct kwic_sort_key {
  bool left = false;         ///< L (left of the keyword) or R (right of it)
  std::size_t position = 1;  ///< 1 = the word next to the keyword, up to max_kwic_context
};

/// Parses --sort's value: keys "L<n>" or "R<n>" (n from 1 to max_kwic_context, "l"/"r" too)
/// separated by commas ("R1,R2"). Throws histext::error naming the bad key.
std::vector<kwic_sort_key> parse_kwic_sort(const std::string& text);

/// What histext-kwic matches and shows.
struct kwic_options {
  bool all = false;         ///< search the heading and attribution too
  std::size_t context = 5;  ///< words each side, 0..max_kwic_context
  bool lemma = false;       ///< match on the lemma (exact words only, not wildcards or regex)
  std::string wordnet_dir = default_wordnet_dir;
  /// The query is one ICU regular expression matched (case-insensitively, whole word) against
  /// each word token's base(), not a word, phrase or wildcard pattern.
  bool regex = false;
  /// Require the query's accents: off, accents (combining marks, any script) are dropped from the
  /// query and the words before comparing ("napoleon" finds "Napoléon", "Napoléon" finds "Napoleon").
  bool exact_accents = false;
  /// Order of the lines: by the normalised words at these positions, key after key (code point
  /// order, a missing word first), then in text order. Empty: text order.
  std::vector<kwic_sort_key> sort;
};

/// One occurrence of the keyword (a phrase's words and what lies between them are one keyword).
struct kwic_line {
  std::string left, keyword, right;  ///< surface text; line ends shown as spaces
  std::uint32_t sentence = 0, paragraph = 0, block = 0;
  std::size_t begin = 0, end = 0;  ///< byte offsets of the keyword
  /// Where the keyword starts in its text, from 0 to 1: begin / the text's size in bytes (of the
  /// UTF-8 text, after decoding), for a dispersion plot.
  double file_position = 0;
};

/// The key `word` is matched on: `word` segmented by `seg` (as text is) must hold exactly one
/// word token, whose base() is returned ("It’s" -> "it's", "Stalin's" -> "stalin",
/// "farmers'" -> "farmers"). Punctuation around it is ignored. Throws histext::error when `word`
/// is not valid UTF-8 or holds no word or more than one. With `numbers`, a number token counts as
/// a word too (histext-freq --numbers counts numbers as words: "1917" is then a node like any).
std::string keyword_key(const std::string& word, segmenter& seg, bool numbers = false);

/// Finds the occurrences of a query in segmented blocks, one piece at a time. Not thread-safe
/// (it caches pattern matches): one finder per thread.
///
/// The query (`word`) is segmented by `seg` as text is. Tokens that touch (no space between) make
/// one query word; query words separated by space make a phrase, found when the text has the same
/// words in sequence inside one sentence with nothing but white space between them (punctuation,
/// a number or a footnote mark breaks the phrase). In a query word, `*` stands for any run of
/// characters and `?` for one character; other punctuation is ignored ("lenin!" is "lenin"). A
/// query word with no word token is an error unless it holds a wildcard ("*" matches any word).
class keyword_finder {
 public:
  /// Parses the query (an ICU regular expression with options.regex), lemmatising its exact words
  /// with options.lemma. Throws histext::error if the query holds no word or a number, the
  /// regular expression is invalid (ICU's message), options.context is over max_kwic_context, or
  /// WordNet cannot be loaded.
  keyword_finder(const std::string& word, const kwic_options& options, segmenter& seg);
  ~keyword_finder();
  keyword_finder(keyword_finder&&) noexcept;
  keyword_finder& operator=(keyword_finder&&) noexcept;

  /// The key tokens are compared with: the query's words as parsed, separated by a space (lemmas
  /// with options.lemma; a pattern as typed, normalised; the regular expression as given).
  const std::string& key() const;
  /// Calls `each` with every occurrence among `piece`'s tokens, in text order (options.sort is
  /// not applied here: find_keyword sorts). `piece` holds whole blocks (a segmentation, or one
  /// block of segmenter::for_each_block); offsets are into `text`, the whole text.
  void find(std::string_view text, const segmentation& piece, const std::function<void(kwic_line&&)>& each) const;
  /// find(), also passing each line's sort words (options.sort's, in order; "" where the block
  /// has no word at that position).
  void find_with_keys(std::string_view text, const segmentation& piece,
                      const std::function<void(kwic_line&&, std::vector<std::string>&&)>& each) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Every occurrence of `word` in `doc`, segmented by `seg` block by block, passed to `each` in
/// document order as it is found: memory stays bounded by the largest block (and the lines the
/// caller keeps). With options.sort the lines are kept and passed in that order at the end.
/// Throws as keyword_finder.
void find_keyword(const document& doc, segmenter& seg, const std::string& word, const kwic_options& options,
                  const std::function<void(kwic_line&&)>& each);

/// Every occurrence of `word` in an already segmented document (default segment_options for the
/// word), in document order (options.sort's order if given), with `context` word tokens each
/// side inside the same block.
/// Throws as keyword_finder.
std::vector<kwic_line> find_keyword(const document& doc, const segmentation& seg, const std::string& word,
                                    const kwic_options& options);

/// Writes the lines: table aligns left context right, keyword, right context; tsv/csv/json give
/// sentence, paragraph, begin, end, left, keyword, right, file_position (4 decimals). JSON is
/// {"meta", "count", "lines"}.
void write_kwic(std::ostream& out, const std::vector<kwic_line>& lines, format f, const run_meta& meta,
                bool color = false);

/// write_kwic one line at a time: tsv and csv rows are written as they come; table (aligned on
/// the widest line) and JSON (the count comes first) keep the lines until finish(). The output
/// is byte for byte write_kwic's.
class kwic_writer {
 public:
  kwic_writer(std::ostream& out, format f, run_meta meta, bool color = false);
  /// Writes or keeps one line.
  void add(kwic_line&& line);
  /// Writes what is kept (and a table's "(no occurrences)"); call once, after the last add().
  void finish();

 private:
  std::ostream* out_;
  format format_;
  run_meta meta_;
  bool color_;
  bool header_written_ = false;
  std::vector<kwic_line> kept_;
};

}  // namespace histext
