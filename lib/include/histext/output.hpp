#pragma once
/// @file output.hpp  Writers shared by every tool: table, TSV, CSV (RFC 4180) and JSON.
/// Writers never compute: they lay out values an analysis has already produced.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "histext/document.hpp"

namespace histext {

/// Output formats; not every tool offers every one (vrt: histext-tokens only, see docs/corpus.md).
enum class format { table, tsv, csv, json, vertical, vrt };
/// Parses "table", "tsv", "csv", "json", "vertical" or "vrt"; throws histext::error otherwise.
format parse_format(const std::string& name);
/// The format's name.
const char* to_string(format f);

/// One cell: empty (undefined: JSON null, an empty cell), text, an integer or a real.
using cell = std::variant<std::monostate, std::string, std::int64_t, double>;

/// A rectangular result: a header and rows. Numeric columns are right-aligned in `table`.
struct table {
  std::vector<std::string> columns;
  std::vector<std::vector<cell>> rows;
  int precision = 3;  ///< digits after the point for reals
};

/// The widest cell of the `table` format, in code points: a longer cell is cut to its first
/// max_table_cell - 1 code points and "…", so that one huge word cannot pad every row to its
/// width. TSV, CSV and JSON always keep the full text.
inline constexpr std::size_t max_table_cell = 200;

/// The width of `s` (valid UTF-8) in a text table: its number of code points.
std::size_t display_width(std::string_view s);

/// Writes `t` as an aligned text table (cells cut at max_table_cell), TSV or CSV (RFC 4180:
/// CRLF, quotes doubled). `color` bolds the header (only ever pass true when the stream is a terminal).
void write_table(std::ostream& out, const table& t, format f, bool color = false);

/// write_table's output, byte for byte, for `count` rows made one at a time by `row(i)`: no row
/// is kept, so a long table costs no more memory than one row (the table format calls `row`
/// twice per row: once for the column widths, once to write it).
void write_table_rows(std::ostream& out, const std::vector<std::string>& columns, std::size_t count,
                      const std::function<std::vector<cell>(std::size_t)>& row, format f, bool color = false,
                      int precision = 3);

/// `text` as one cell of a `tsv` row (tabs and line ends made spaces) or a `csv` row (quoted
/// when it holds a comma, a quote or a line end), exactly as write_table writes it.
std::string delimited_cell(const std::string& text, format f);

/// Formats a real with `precision` digits after the point; "" when it is not finite.
std::string format_real(double value, int precision);

/// The provenance that opens every JSON output: tool, version, inputs and options in effect.
struct run_meta {
  std::string tool;
  std::vector<input_info> inputs;
  std::vector<std::pair<std::string, std::string>> options;
  /// Set when this document is one element of a corpus document's "files" array: the JSON
  /// writers then open it with {"file": <name>, ...} instead of {"meta": ...} and end it without
  /// a newline (the corpus document holds the one meta block).
  std::optional<std::string> file;
};

/// Opens the one JSON document of a run over several inputs: {"meta": <meta>, "files": [
/// The caller writes each file's object (writers given a run_meta with `file` set), commas
/// between them, then close_corpus_json.
void open_corpus_json(std::ostream& out, const run_meta& meta);
/// Writes "]", then each of `members` (a name and an already serialised JSON value) as
/// ,"name":value, then "}" and a newline.
void close_corpus_json(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& members = {});
/// `text` as a JSON string literal (quoted and escaped; invalid UTF-8 replaced).
std::string json_string(const std::string& text);

/// Writes to a temporary file beside `path`, renamed into place by commit(); an uncommitted
/// atomic_file removes its temporary file, leaving any existing `path` untouched.
class atomic_file {
 public:
  /// Throws histext::error if the temporary file cannot be created.
  explicit atomic_file(const std::string& path);
  ~atomic_file();
  atomic_file(const atomic_file&) = delete;
  atomic_file& operator=(const atomic_file&) = delete;
  std::ostream& stream();
  /// Flushes and renames into place; throws histext::error on a write or rename failure.
  void commit();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace histext

#include "histext/segment.hpp"

namespace histext {

/// histext-tokens' output for one document: `table` a summary (blocks, sentences, tokens by kind);
/// `tsv`/`csv`/`json` every token with block, block_kind, paragraph, sentence, kind, begin, end,
/// text and norm; `vertical` one token per line and an empty line after each sentence; `vrt`
/// (CWB / Sketch Engine) <text id> around the document, <p kind> per block, <s> per sentence and
/// one token per line as word TAB norm TAB lemma (WordNet), XML-escaped.
void write_tokens(std::ostream& out, const document& doc, const segmentation& seg, format f, const run_meta& meta,
                  bool color = false);

/// The same output byte for byte, segmenting `doc` with `seg` block by block and writing each
/// block's rows as it goes: memory stays bounded by the largest block (JSON keeps the block and
/// sentence spans, a few dozen bytes per sentence, and segments twice).
void write_tokens(std::ostream& out, const document& doc, segmenter& seg, format f, const run_meta& meta,
                  bool color = false, const segmenter::progress_fn& progress = {});

/// histext-tokens' summary table (blocks, sentences, tokens by kind) under the input's name.
void write_token_summary(std::ostream& out, const std::string& name, const segment_summary& summary,
                         bool color = false);

}  // namespace histext
