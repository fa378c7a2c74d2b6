#pragma once
/// @file document.hpp  Bytes in, validated UTF-8 out, with the original offsets kept.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace histext {

/// How to turn bytes into text.
struct load_options {
  /// "" or "utf-8": strict UTF-8 (a UTF-16/32 byte-order mark is still honoured);
  /// "auto": ICU charset detection; anything else: an ICU converter name (windows-1252, KOI8-R...).
  std::string encoding;
  /// Whether to compute the SHA-256 of the bytes read (input_info::sha256, for JSON's and the
  /// report's meta). Output without meta (a table, TSV, CSV) skips it: it is 2% of a recogniser run.
  bool checksum = true;
};

/// Where a byte offset falls: 1-based line and column (in code points).
struct text_position {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// What an input was: for the `meta` block of every JSON output.
struct input_info {
  std::string name;      ///< the path given, or "-" for stdin
  std::size_t size = 0;  ///< bytes read
  std::string sha256;    ///< of the bytes read, lower-case hex ("" when not asked for: load_options::checksum,
                         ///< freq_options::checksum)
  std::string encoding;  ///< "UTF-8", or the charset converted from
};

/// A loaded input: valid UTF-8 text. All offsets in histext are byte offsets into text().
/// For UTF-8 input text() is the file's bytes unchanged (a BOM stays, and body_begin() skips it);
/// for other encodings it is their UTF-8 conversion.
class document {
 public:
  /// Reads a file, or stdin when path is "-". Throws histext::error naming the file on a missing
  /// file, a directory, a read error, NUL bytes (binary) or invalid UTF-8 (with line, column, offset).
  static document from_file(const std::string& path, const load_options& options = {});
  /// Reads all of a stream; `name` is used in messages. Throws as from_file.
  static document from_stream(std::istream& in, const std::string& name, const load_options& options = {});
  /// Takes bytes already in memory. Throws as from_file.
  static document from_bytes(std::string bytes, const std::string& name = "<memory>", const load_options& options = {});

  const std::string& text() const { return text_; }
  std::string_view view() const { return text_; }
  const std::string& name() const { return info_.name; }
  const input_info& info() const { return info_; }
  /// Offset of the first byte after a UTF-8 byte-order mark (0 when there is none).
  std::size_t body_begin() const { return body_begin_; }
  /// Line and column of a byte offset (CRLF, CR and LF each end a line).
  text_position position(std::size_t offset) const;

 private:
  std::string text_;
  input_info info_;
  std::size_t body_begin_ = 0;
};

/// Throws histext::error "<name>: invalid UTF-8 at line L, column C (byte B)" at the first invalid
/// sequence of `bytes`; `base` is added to the reported byte offset.
void validate_utf8(std::string_view bytes, const std::string& name, std::size_t base = 0);

/// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace histext
