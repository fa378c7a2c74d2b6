#pragma once
// Internal: splitting a text into blocks at blank lines and naming each block's kind
// (histext::split_blocks and to_string(block_kind) live here, apart from the sentence and token
// rules of segment.cpp). docs/blocks.md describes the kinds and the cues.
#include <cstdint>
#include <string_view>
#include <vector>

#include "histext/segment.hpp"

namespace histext {

/// What block classification carries from one piece of an input to the next (streaming). A
/// block's kind depends only on its own lines, the kind of the block before it, whether it is
/// the input's first or last block, and whether the input is a single line group: so pieces cut
/// at blank lines give the blocks of the whole input.
struct block_state {
  std::uint32_t index = 0, paragraph = 0;  ///< the last block and body paragraph numbered
  block_kind previous = block_kind::paragraph;
  bool first = true;       ///< no block yet
  bool in_notes = false;   ///< after a heading that opens notes ("NOTES")
  bool continues = false;  ///< set by the caller: the next piece starts inside the last block
};

/// Blocks of text[begin, size) numbered and classified after those `state` has seen; updates
/// `state`. `at_input_end`: the text ends the input (its last block may be an attribution).
/// `open_end`: the last line group goes on in the next piece (it is counted as body).
/// Offsets are into `text`.
std::vector<block> split_blocks(std::string_view text, std::size_t begin, block_state& state, bool at_input_end,
                                bool open_end);

}  // namespace histext
