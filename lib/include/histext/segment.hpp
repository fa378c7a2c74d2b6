#pragma once
/// @file segment.hpp  Blocks, sentences and tokens (ICU BreakIterator over UTF-8 via UText).
///
/// Offsets are byte offsets [begin, end) into document::text(); `text(doc)` of any span equals
/// doc.text().substr(begin, end - begin). Indices (block, paragraph, sentence) are 1-based;
/// paragraph is 0 for every block kind but `paragraph` (headings, closings, notes... are not body).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "histext/document.hpp"

namespace histext {

/// What a block of the passage is (docs/blocks.md gives the cues for each). Only `paragraph`
/// is body text; every other kind is left out of body-only analyses.
enum class block_kind : std::uint8_t {
  heading,      ///< a title, or a chapter, book, part or section heading, anywhere
  paragraph,    ///< body text
  attribution,  ///< a final block that starts with a dash (the source of a quoted passage)
  dateline,     ///< place and date at the head of a letter or diary entry
  salutation,   ///< "Dear Sir,": the letter's opener
  closing,      ///< valediction and signature, also split off the end of a paragraph's lines
  postscript,   ///< a block starting "P.S." or "P.P.S."
  page,         ///< running head, page number or folio of a scanned page
  note,         ///< the text of a footnote or endnote ("1 See ...", "* ...")
};
/// The number of block kinds (for arrays indexed by block_kind).
inline constexpr int block_kind_count = static_cast<int>(block_kind::note) + 1;
/// The kind's name as every output prints it: "heading", "paragraph", "attribution",
/// "dateline", "salutation", "closing", "postscript", "page" or "note".
const char* to_string(block_kind kind);

/// A run of lines between blank lines, or a part split off one: a salutation on its first line,
/// a closing in its last lines, page lines at either end each become a block of their own.
struct block {
  std::size_t begin = 0, end = 0;  ///< without the surrounding blank lines and trailing spaces
  std::uint32_t index = 0;         ///< 1-based over all blocks, split-off parts included
  block_kind kind = block_kind::paragraph;
  std::uint32_t paragraph = 0;  ///< 1-based among body paragraphs; 0 for every other kind
};

/// One sentence: its quotes are attached, surrounding whitespace is not.
struct sentence {
  std::size_t begin = 0, end = 0;
  std::uint32_t index = 0;  ///< 1-based over the whole document
  std::uint32_t block = 0;
  histext::block_kind block_kind = histext::block_kind::paragraph;
  std::uint32_t paragraph = 0;
  std::uint32_t first_token = 0;  ///< tokens [first_token, last_token) of segmentation::tokens
  std::uint32_t last_token = 0;
};

/// What a token is.
enum class token_kind : std::uint8_t { word, number, punctuation, symbol, footnote };
/// "word", "number", "punctuation", "symbol" or "footnote".
const char* to_string(token_kind kind);

/// The one owner of the 's rule: every analysis, query and lexicon that looks at a final 's
/// calls these two (nothing else compares apostrophes). `norm` is a normalised word
/// (token::norm, normalize_word: case-folded, curly apostrophes made straight).
///
/// `norm` without a possessive: "lenin's" -> "lenin", "farmers'" -> "farmers" (a plural
/// possessive; in running text ICU already leaves that apostrophe out of the word token). A
/// contraction of is/has/us keeps its 's ("it's", "that's", "there's", "let's" stay whole), and
/// so does a bare "'s". token::base() is this of token::norm.
std::string_view without_possessive(std::string_view norm);
/// `norm` without a final "'s" whatever it stands for ("lenin's" -> "lenin", "it's" -> "it"):
/// for how a word sounds (syllables), where a contraction and a possessive read alike.
std::string_view without_s_ending(std::string_view norm);

/// One token. `norm` is NFC + ICU case folding with curly apostrophes made straight; it is what
/// the analyses count. `base()` is without_possessive(norm): "Lenin’s" -> "lenin", "it's" stays.
struct token {
  std::size_t begin = 0, end = 0;
  std::size_t base_end = 0;  ///< end of the surface base (before a possessive)
  std::string norm;
  std::uint32_t sentence = 0;  ///< 1-based
  std::uint32_t block = 0;
  histext::block_kind block_kind = histext::block_kind::paragraph;
  std::uint32_t paragraph = 0;
  token_kind kind = token_kind::word;
  std::uint8_t norm_strip = 0;  ///< bytes of norm that base() drops
  bool hyphenated = false;      ///< a compound joined across hyphens

  std::string_view text(std::string_view input) const { return input.substr(begin, end - begin); }
  std::string_view base() const { return std::string_view(norm).substr(0, norm.size() - norm_strip); }
  bool possessive() const { return norm_strip != 0; }
  bool is_word() const { return kind == token_kind::word; }
};

/// Options that change what a token is.
struct segment_options {
  bool split_hyphens = false;  ///< "social-democrats" -> social, -, democrats (UD's convention)
  /// Join words hyphenated at a line end: "revolu-\ntionary" -> one token (norm "revolutionary")
  /// when the joined form is a known word (WordNet), else "well-\nknown" -> one hyphenated token.
  bool dehyphenate = false;
};

/// The views every analysis reads.
struct segmentation {
  std::vector<block> blocks;
  std::vector<sentence> sentences;
  std::vector<token> tokens;
  std::uint32_t sentences_before = 0;  ///< sentences numbered before these (block-by-block runs)
};

/// Splits text[begin, end) into blocks at blank lines (splitting off salutations, closings and
/// page lines that share a paragraph's lines) and names each block's kind. A text that is a
/// single run of lines is one paragraph. Offsets are into `text`.
std::vector<block> split_blocks(std::string_view text, std::size_t begin = 0);

/// Reusable segmenter holding the ICU iterators: cheap to call many times, one per thread.
class segmenter {
 public:
  /// Loads the abbreviation list from data_dir(); throws histext::error if ICU or the data fail.
  explicit segmenter(const segment_options& options = {});
  ~segmenter();
  segmenter(segmenter&&) noexcept;
  segmenter& operator=(segmenter&&) noexcept;

  /// Called now and then with bytes done and bytes in all, for progress reports.
  using progress_fn = std::function<void(std::size_t done, std::size_t total)>;

  /// Blocks, sentences and tokens of a whole document.
  segmentation run(const document& doc, const progress_fn& progress = {});
  /// Called with each block and its sentences and tokens (numbered as in run()); memory stays
  /// bounded by the largest block.
  using block_fn = std::function<void(const block& b, const segmentation& piece)>;
  /// Segments block by block without keeping the whole result; `each` sees every block in order.
  void for_each_block(const document& doc, const block_fn& each, const progress_fn& progress = {});

  /// Sentences and tokens of one block of `text` (offsets into `text`), appended to `out`;
  /// numbering continues from what `out` already holds.
  void run_block(std::string_view text, const block& b, segmentation& out);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Convenience: segmenter(options).run(doc).
segmentation segment(const document& doc, const segment_options& options = {});

}  // namespace histext

namespace histext {

/// Counts for histext-tokens' summary.
struct segment_summary {
  std::size_t blocks = 0, headings = 0, paragraphs = 0, attributions = 0;
  std::size_t sentences = 0, body_sentences = 0;
  std::size_t tokens = 0;
  std::size_t by_kind[5] = {};                       ///< indexed by token_kind
  std::size_t by_block_kind[block_kind_count] = {};  ///< blocks, indexed by block_kind
};

/// Counts blocks, sentences and tokens by kind.
segment_summary summarize(const segmentation& seg);
/// Adds the counts of `seg` to `s` (for block-by-block runs; `seg.blocks` may be empty).
void add_to_summary(segment_summary& s, const segmentation& seg);
/// histext-tokens' summary of a whole document: the counts of summarize(seg.run(doc)), computed
/// block by block so that no token list is kept (memory bounded by the largest block).
segment_summary summarize(segmenter& seg, const document& doc, const segmenter::progress_fn& progress = {});

}  // namespace histext
