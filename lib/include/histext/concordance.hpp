#pragma once
/// @file concordance.hpp  Keyword in context (histext-kwic): every occurrence of one word, with
/// N words of context each side inside its block.
///
/// The search word is matched as text is: it goes through the same segmenter, and its one word
/// token's base() (normalised, possessive dropped by without_possessive) is the key. So "it's"
/// finds "It’s" and "it's" but not "it", and "Stalin's" finds "Stalin" and "Stalin’s".
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

/// What histext-kwic matches and shows.
struct kwic_options {
  bool all = false;              ///< search the heading and attribution too
  std::size_t context = 5;       ///< words each side, 0..max_kwic_context
  bool lemma = false;            ///< match on the lemma
  std::string wordnet_dir = default_wordnet_dir;
};

/// One occurrence of the keyword.
struct kwic_line {
  std::string left, keyword, right;  ///< surface text; line ends shown as spaces
  std::uint32_t sentence = 0, paragraph = 0, block = 0;
  std::size_t begin = 0, end = 0;    ///< byte offsets of the keyword
};

/// The key `word` is matched on: `word` segmented by `seg` (as text is) must hold exactly one
/// word token, whose base() is returned ("It’s" -> "it's", "Stalin's" -> "stalin",
/// "farmers'" -> "farmers"). Punctuation around it is ignored. Throws histext::error when `word`
/// is not valid UTF-8 or holds no word or more than one. With `numbers`, a number token counts as
/// a word too (histext-freq --numbers counts numbers as words: "1917" is then a node like any).
std::string keyword_key(const std::string& word, segmenter& seg, bool numbers = false);

/// Finds the occurrences of one word in segmented blocks, one piece at a time.
class keyword_finder {
 public:
  /// Makes the key with keyword_key(word, seg) (lemmatised with options.lemma). Throws
  /// histext::error if `word` is not one word, options.context is over max_kwic_context, or
  /// WordNet cannot be loaded.
  keyword_finder(const std::string& word, const kwic_options& options, segmenter& seg);
  ~keyword_finder();
  keyword_finder(keyword_finder&&) noexcept;
  keyword_finder& operator=(keyword_finder&&) noexcept;

  /// The key tokens are compared with (a lemma with options.lemma).
  const std::string& key() const;
  /// Calls `each` with every occurrence among `piece`'s tokens, in order. `piece` holds whole
  /// blocks (a segmentation, or one block of segmenter::for_each_block); offsets are into `text`.
  void find(std::string_view text, const segmentation& piece, const std::function<void(kwic_line&&)>& each) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Every occurrence of `word` in `doc`, segmented by `seg` block by block, passed to `each` in
/// document order as it is found: memory stays bounded by the largest block (and the lines the
/// caller keeps). Throws as keyword_finder.
void find_keyword(const document& doc, segmenter& seg, const std::string& word, const kwic_options& options,
                  const std::function<void(kwic_line&&)>& each);

/// Every occurrence of `word` in an already segmented document (default segment_options for the
/// word), in document order, with `context` word tokens each side inside the same block.
/// Throws as keyword_finder.
std::vector<kwic_line> find_keyword(const document& doc, const segmentation& seg, const std::string& word,
                                    const kwic_options& options);

/// Writes the lines: table aligns left context right, keyword, right context; tsv/csv/json give
/// sentence, paragraph, begin, end, left, keyword, right. JSON is {"meta", "count", "lines"}.
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
