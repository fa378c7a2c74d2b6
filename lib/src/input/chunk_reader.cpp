#include "input/chunk_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "common/sha256.hpp"
#include "common/utf8.hpp"
#include "histext/error.hpp"
#include "input/utf8_validate.hpp"
#include "segmentation/blocks.hpp"

namespace histext {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Offset just after a blank line that starts after s[i] == '\n', or npos.
std::size_t blank_after(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
  return j < s.size() && s[j] == '\n' ? j + 1 : std::string_view::npos;
}

// The last cut after a blank line ending at or before `limit`, or npos.
std::size_t last_blank_cut(std::string_view s, std::size_t limit) {
  std::size_t i = std::min(limit, s.size());
  while (i > 0) {
    const void* p = memrchr(s.data(), '\n', i);
    if (!p) break;
    std::size_t nl = static_cast<const char*>(p) - s.data();
    std::size_t cut = blank_after(s, nl);
    if (cut != std::string_view::npos && cut <= limit) return cut;
    i = nl;
  }
  return std::string_view::npos;
}

// The first cut after a blank line at or after `from`, or npos.
std::size_t first_blank_cut(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size()) {
    const void* p = std::memchr(s.data() + i, '\n', s.size() - i);
    if (!p) break;
    std::size_t nl = static_cast<const char*>(p) - s.data();
    std::size_t cut = blank_after(s, nl);
    if (cut != std::string_view::npos) return cut;
    i = nl + 1;
  }
  return std::string_view::npos;
}

// Inside an endless paragraph: after the last sentence end, else after the last space, at or
// before `limit`; npos when there is no space at all (never cut inside a word).
std::size_t forced_cut(std::string_view s, std::size_t limit) {
  limit = std::min(limit, s.size());
  for (std::size_t i = limit; i > 1; --i)
    if ((s[i - 1] == ' ' || s[i - 1] == '\n') && (s[i - 2] == '.' || s[i - 2] == '?' || s[i - 2] == '!')) return i;
  for (std::size_t i = limit; i > 1; --i)
    if (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\t') return i;
  return std::string_view::npos;
}

}  // namespace

struct chunk_reader::impl {
  std::istream& in;
  std::string name;
  std::size_t chunk_bytes;
  std::string pending;
  bool eof = false, started = false, continues = false, first = true, finished = false;
  std::size_t consumed = 0, total = 0;
  std::size_t lines_before = 0, columns_before = 0;  // LF count and code points after the last LF
  block_state blocks;
  sha256_state sha;
  bool checksum = true;
  int wide = -1;                // starts with a UTF-16/32 byte-order mark: 1, not: 0, not known yet: -1
  std::size_t nul_checked = 0;  // bytes of `pending` already searched for NUL

  impl(std::istream& i, std::string n, std::size_t c, bool hash)
      : in(i), name(std::move(n)), chunk_bytes(std::max<std::size_t>(c, 64)), checksum(hash) {}

  // Reads up to `want` more bytes, 64 KB at a time (a small input never touches a 1 MB buffer);
  // false at the end of the input.
  bool read_more(std::size_t want) {
    if (eof) return false;
    std::size_t total_got = 0;
    char buf[1 << 16];
    while (total_got < want) {
      in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, want - total_got)));
      auto got = static_cast<std::size_t>(in.gcount());
      if (in.bad()) throw error(name + ": read error");
      pending.append(buf, got);
      if (checksum) sha.update(std::string_view(buf, got));
      total += got;
      total_got += got;
      if (got == 0 || !in) eof = true;
      check_binary();
      if (eof) break;
    }
    return total_got > 0;
  }

  // A NUL byte is reported as soon as it is read, not when its piece is cut: a piece is cut at a
  // blank line or a space, and /dev/zero has neither (it would be read until memory ran out).
  // Input with a UTF-16/32 byte-order mark (read whole and converted, see needs_conversion) is
  // exempt; the first four bytes decide.
  void check_binary() {
    if (wide < 0) {
      if (total < 4 && !eof) return;
      std::string_view first = std::string_view(pending).substr(0, 4);
      wide = consumed == 0 && (first.substr(0, 2) == "\xFF\xFE" || first.substr(0, 2) == "\xFE\xFF" ||
                               first == std::string_view("\0\0\xFE\xFF", 4));
      nul_checked = 0;
    }
    if (wide) return;
    const std::size_t from = std::min(nul_checked, pending.size());
    const void* p = std::memchr(pending.data() + from, '\0', pending.size() - from);
    nul_checked = pending.size();
    if (!p) return;
    // validate() reports it with its line and column (or an invalid sequence before it).
    std::size_t at = static_cast<std::size_t>(static_cast<const char*>(p) - pending.data());
    validate(std::string_view(pending).substr(0, at + 1));
  }

  void validate(std::string_view piece) {
    std::size_t ok = valid_utf8_prefix(piece, true);
    std::size_t lines = 0;
    for (const char *p = piece.data(), *end = p + piece.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))); ++p)
      ++lines;
    if (ok < piece.size()) {
      std::string_view before = piece.substr(0, ok);
      std::size_t nl = before.rfind('\n');
      std::size_t line = lines_before + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
      std::string_view tail = nl == std::string_view::npos ? before : before.substr(nl + 1);
      std::size_t column = 1 + code_points(tail);
      if (nl == std::string_view::npos) column += columns_before;
      const char* what = piece[ok] == '\0' ? "binary file (NUL byte)" : "invalid UTF-8";
      throw error(name + ": " + what + " at line " + std::to_string(line) + ", column " + std::to_string(column) +
                  " (byte " + std::to_string(consumed + ok) + ")");
    }
    std::size_t nl = piece.rfind('\n');
    std::string_view tail = nl == std::string_view::npos ? piece : piece.substr(nl + 1);
    std::size_t cps = code_points(tail);
    columns_before = nl == std::string_view::npos ? columns_before + cps : cps;
    lines_before += lines;
  }
};

chunk_reader::chunk_reader(std::istream& in, std::string name, std::size_t chunk_bytes, bool checksum)
    : impl_(std::make_unique<impl>(in, std::move(name), chunk_bytes, checksum)) {}
chunk_reader::~chunk_reader() = default;

bool chunk_reader::needs_conversion() {
  impl& m = *impl_;
  while (m.pending.size() < 4 && m.read_more(4 - m.pending.size())) {
  }
  std::string_view s = m.pending;
  return s.substr(0, 2) == "\xFF\xFE" || s.substr(0, 2) == "\xFE\xFF" ||
         s.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4);
}

std::string chunk_reader::take_all() {
  impl& m = *impl_;
  while (m.read_more(std::size_t(1) << 20)) {
  }
  m.finished = true;
  return std::move(m.pending);
}

bool chunk_reader::next(text_chunk& out) {
  impl& m = *impl_;
  if (m.finished) return false;
  const std::size_t max_piece = 4 * m.chunk_bytes;
  std::size_t cut = std::string::npos;
  bool forced = false;
  while (true) {
    if (m.pending.size() < m.chunk_bytes && m.read_more(m.chunk_bytes)) continue;
    if (m.eof && m.pending.size() <= m.chunk_bytes) {
      cut = m.pending.size();
    } else {
      cut = last_blank_cut(m.pending, m.chunk_bytes);
      if (cut == std::string::npos || cut == 0) cut = first_blank_cut(m.pending, m.chunk_bytes);
      if (cut == std::string::npos) {
        if (m.pending.size() < max_piece && m.read_more(m.chunk_bytes)) continue;
        if (m.eof && m.pending.size() <= max_piece) {
          cut = m.pending.size();
        } else {
          cut = forced_cut(m.pending, max_piece);
          if (cut == std::string::npos) {  // one huge word: cut after the next space
            auto space = m.pending.find_first_of(" \t\n", max_piece);
            if (space == std::string::npos) {
              // Read on until a space arrives, scanning only the new bytes: going round the outer
              // loop after every read would scan the whole word again each time (quadratic on a
              // 200 MB line). With a space in, the outer loop decides as before.
              std::size_t scanned = m.pending.size();
              bool got = false;
              while (m.read_more(m.chunk_bytes)) {
                got = true;
                auto it = std::find_if(m.pending.begin() + static_cast<std::ptrdiff_t>(scanned), m.pending.end(),
                                       [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n'; });
                if (it != m.pending.end()) break;
                scanned = m.pending.size();
              }
              if (got) continue;  // else the input ended inside the word: it is the last piece
            }
            cut = space == std::string::npos ? m.pending.size() : space + 1;
          }
          forced = true;
        }
      }
    }
    // The rest must hold something, or this piece is the last.
    std::string_view rest = std::string_view(m.pending).substr(cut);
    if (std::all_of(rest.begin(), rest.end(), is_ws)) {
      if (!m.eof) {
        m.read_more(m.chunk_bytes);
        continue;
      }
      cut = m.pending.size();
      forced = false;
    }
    break;
  }
  bool last = cut == m.pending.size() && m.eof;
  if (cut == 0 && last && !m.first) {
    m.finished = true;
    return false;
  }
  out.owned.assign(m.pending, 0, cut);
  m.pending.erase(0, cut);
  m.nul_checked -= std::min(m.nul_checked, cut);
  out.text = out.owned;
  out.base = m.consumed;
  m.validate(out.text);

  // Blocks as split_blocks classifies them in the whole input: the state carried from piece to
  // piece (numbering, the kind before) is all a block's kind depends on besides its own lines.
  std::size_t body_begin = m.first && out.text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  m.blocks.continues = m.continues;
  out.blocks = split_blocks(out.text, body_begin, m.blocks, last, forced);
  m.continues = forced;
  m.consumed += cut;
  m.first = false;
  if (last) m.finished = true;
  return true;
}

input_info chunk_reader::info() const {
  input_info i;
  i.name = impl_->name;
  i.size = impl_->total;
  i.encoding = "UTF-8";
  if (impl_->checksum) i.sha256 = impl_->sha.hex();
  return i;
}

}  // namespace histext
