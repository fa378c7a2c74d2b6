#pragma once
// Internal: reads an input stream in pieces of about `chunk_bytes`, cut after a blank line (or,
// inside a paragraph longer than four chunks, after a sentence end), validates each piece's
// UTF-8, and splits it into blocks numbered as they would be in the whole document.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "histext/document.hpp"
#include "histext/segment.hpp"

namespace histext {

/// A piece of an input: blocks whose offsets are into `text`, numbered over the whole input.
/// Moving one keeps `text` valid: a view into `owned` is re-pointed at the new `owned` (a short
/// string lives inside the string object, so its bytes move with it).
struct text_chunk {
  std::string owned;      ///< the bytes when read from a stream
  std::string_view text;  ///< what block offsets index
  std::size_t base = 0;   ///< offset of text[0] in the input
  std::vector<block> blocks;

  text_chunk() = default;
  text_chunk(const text_chunk&) = delete;
  text_chunk& operator=(const text_chunk&) = delete;
  text_chunk(text_chunk&& other) noexcept { *this = std::move(other); }
  text_chunk& operator=(text_chunk&& other) noexcept {
    if (this == &other) return *this;
    const std::less<const char*> before;
    const char* o = other.owned.data();
    const bool in_owned =
        !before(other.text.data(), o) && !before(o + other.owned.size(), other.text.data() + other.text.size());
    const std::size_t offset = in_owned ? static_cast<std::size_t>(other.text.data() - o) : 0;
    owned = std::move(other.owned);
    text = in_owned ? std::string_view(owned).substr(offset, other.text.size()) : other.text;
    base = other.base;
    blocks = std::move(other.blocks);
    other.text = {};
    return *this;
  }
};

class chunk_reader {
 public:
  /// With `checksum` false, info().sha256 stays empty (the bytes are not hashed).
  chunk_reader(std::istream& in, std::string name, std::size_t chunk_bytes, bool checksum = true);
  ~chunk_reader();
  /// True when the input starts with a UTF-16/32 byte-order mark (read it whole instead).
  bool needs_conversion();
  /// The rest of the input, unread so far.
  std::string take_all();
  /// The next piece; false at the end. Throws histext::error on NUL bytes or invalid UTF-8.
  bool next(text_chunk& out);
  /// Size and SHA-256 (when asked for) of everything read (complete once next() returned false).
  input_info info() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace histext
