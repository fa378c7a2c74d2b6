#include "segmentation/blocks.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

#include "common/fast_paths.hpp"
#include "common/text_util.hpp"

namespace histext {

const char* to_string(block_kind kind) {
  switch (kind) {
    case block_kind::heading: return "heading";
    case block_kind::paragraph: return "paragraph";
    case block_kind::attribution: return "attribution";
  }
  return "paragraph";
}

namespace {

// Calls each(begin, end) for every line of text[begin, size): LF, CRLF and CR each end a line.
template <typename F>
void for_each_line(std::string_view text, std::size_t begin, F each) {
  std::size_t start = begin;
  // Fast path, LF only: let memchr find the ends. The loop below is its reference.
  if (fast_paths && text.find('\r', begin) == std::string_view::npos) {
    while (start < text.size()) {
      const void* hit = std::memchr(text.data() + start, '\n', text.size() - start);
      std::size_t end = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
      each(start, end);
      start = end + 1;
    }
    return;
  }
  for (std::size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      each(start, i);
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) each(start, text.size());
}

bool is_dash_start(std::string_view s) {
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "-"})
    if (s.substr(0, dash.size()) == dash) return true;
  return false;
}

// A heading is one short line with no final punctuation (closing quotes and brackets aside).
bool looks_like_heading(std::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  if (s.find('\n') != std::string_view::npos || s.find('\r') != std::string_view::npos) return false;
  auto i = static_cast<int32_t>(s.size());
  while (i > 0) {
    int32_t j = i;
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, j, c);
    if (c == ')' || c == ']' || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)) {
      i = j;
      continue;
    }
    return !(c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == 0x2026);
  }
  return false;
}

}  // namespace

std::vector<block> split_blocks(std::string_view text, std::size_t begin) {
  std::vector<block> blocks;
  std::size_t cur_begin = 0, cur_end = 0;
  bool open = false;
  for_each_line(text, begin, [&](std::size_t line_begin, std::size_t line_end) {
    std::string_view content = text.substr(line_begin, line_end - line_begin);
    std::size_t lead = leading_space(content);
    if (lead == content.size()) {  // blank line closes a block
      if (open) blocks.push_back({cur_begin, cur_end});
      open = false;
      return;
    }
    if (!open) cur_begin = line_begin + lead;
    cur_end = line_end - trailing_space(content);
    open = true;
  });
  if (open) blocks.push_back({cur_begin, cur_end});

  if (blocks.size() > 1 && looks_like_heading(text.substr(blocks.front().begin, blocks.front().end - blocks.front().begin)))
    blocks.front().kind = block_kind::heading;
  if (blocks.size() > 1 && blocks.back().kind == block_kind::paragraph &&
      is_dash_start(text.substr(blocks.back().begin, blocks.back().end - blocks.back().begin)))
    blocks.back().kind = block_kind::attribution;
  std::uint32_t index = 0, paragraph = 0;
  for (block& b : blocks) {
    b.index = ++index;
    b.paragraph = b.kind == block_kind::paragraph ? ++paragraph : 0;
  }
  return blocks;
}

}  // namespace histext
