// A segmentation packed into bytes (packed.hpp). The format, all numbers LEB128 varints:
//   sentence count, token count;
//   each sentence: begin - the previous sentence's end, end - begin, index, block, block_kind
//     (one byte), paragraph, first_token, last_token - first_token;
//   each token: a flags byte (bits 0-2 kind, 3 hyphenated, 4-5 how norm is kept, 6-7 how its
//     sentence/block/paragraph are kept), begin - the previous token's end, end - begin, then
//     base_end as ((end - base_end + 1) << 1 | has_strip), or (0 | has_strip) and base_end itself
//     when base_end lies outside [begin, end]; norm_strip (one byte) when has_strip; norm's
//     length and bytes when it is kept whole; sentence, block, paragraph and block_kind (one
//     byte) when they are kept whole.
// Most tokens are a word whose norm is its surface or the surface in ASCII lower case, in the
// sentence of the token before: four bytes.
#include "segmentation/packed.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "common/text_util.hpp"
#include "histext/error.hpp"

namespace histext {
namespace {

enum : unsigned {
  norm_is_surface = 0,  // norm == the token's bytes
  norm_is_lower = 1,    // norm == ascii_lower(the token's bytes)
  norm_kept = 2,        // norm's bytes follow
  ctx_same = 0,         // sentence, block, block_kind, paragraph as the token before
  ctx_next_sentence = 1,
  ctx_kept = 2,
};

// Writes into a scratch buffer that only grows (one per thread), checked before each record
// for the record's largest size, so that a varint is a few stores and no capacity check.
struct writer {
  std::string& buf;
  std::size_t at = 0;

  void room(std::size_t n) {
    if (buf.size() - at < n) buf.resize(std::max(buf.size() * 2, at + n));
  }
  void num(std::uint64_t v) {
    char* p = buf.data() + at;
    while (v >= 0x80) {
      *p++ = static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<char>(v);
    at = static_cast<std::size_t>(p - buf.data());
  }
  void byte(unsigned b) { buf[at++] = static_cast<char>(b); }
  void bytes(std::string_view s) {
    std::memcpy(buf.data() + at, s.data(), s.size());
    at += s.size();
  }
};

// The most a record can take: a varint is at most 10 bytes.
constexpr std::size_t max_sentence_bytes = 8 * 10;
constexpr std::size_t max_token_bytes = 1 + 9 * 10 + 2;

// Reads the pack; any read past its end throws.
struct reader {
  std::string_view bytes;
  std::size_t at = 0;

  [[noreturn, gnu::cold, gnu::noinline]] static void bad() { throw error("packed segmentation: malformed"); }
  std::uint8_t byte() {
    if (at >= bytes.size()) bad();
    return static_cast<std::uint8_t>(bytes[at++]);
  }
  // Most numbers are one byte: that case inline, the rest out of line.
  std::uint64_t num() {
    if (at < bytes.size() && !(bytes[at] & 0x80)) return static_cast<std::uint8_t>(bytes[at++]);
    return long_num();
  }
  [[gnu::noinline]] std::uint64_t long_num() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const std::uint8_t b = byte();
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    bad();
  }
  block_kind kind() {
    const std::uint8_t b = byte();
    if (b >= block_kind_count) bad();
    return static_cast<block_kind>(b);
  }
  std::uint32_t num32() {
    const std::uint64_t v = num();
    if (v > UINT32_MAX) bad();
    return static_cast<std::uint32_t>(v);
  }
  std::string_view take(std::size_t n) {
    if (n > bytes.size() - at) bad();
    const std::string_view s = bytes.substr(at, n);
    at += n;
    return s;
  }
};

}  // namespace

bool pack_segmentation(std::string_view text, const segmentation& seg, std::string& out) {
  thread_local std::string scratch;
  writer w{scratch};
  w.room(20);
  w.num(seg.sentences.size());
  w.num(seg.tokens.size());
  std::size_t prev_end = 0;
  for (const sentence& s : seg.sentences) {
    if (s.begin < prev_end || s.end < s.begin || s.last_token < s.first_token) return false;
    w.room(max_sentence_bytes);
    w.num(s.begin - prev_end);
    w.num(s.end - s.begin);
    w.num(s.index);
    w.num(s.block);
    w.byte(static_cast<unsigned>(s.block_kind));
    w.num(s.paragraph);
    w.num(s.first_token);
    w.num(s.last_token - s.first_token);
    prev_end = s.end;
  }
  prev_end = 0;
  const token* prev = nullptr;
  const token start{};
  for (const token& t : seg.tokens) {
    if (t.begin < prev_end || t.end < t.begin || t.end > text.size()) return false;
    const std::string_view surface = text.substr(t.begin, t.end - t.begin);
    const unsigned norm = t.norm == surface                ? norm_is_surface
                          : t.norm == ascii_lower(surface) ? norm_is_lower
                                                           : norm_kept;
    const token& before = prev ? *prev : start;
    const bool same_rest =
        t.block == before.block && t.block_kind == before.block_kind && t.paragraph == before.paragraph;
    const unsigned ctx = same_rest && t.sentence == before.sentence       ? ctx_same
                         : same_rest && t.sentence == before.sentence + 1 ? ctx_next_sentence
                                                                          : ctx_kept;
    w.room(max_token_bytes + t.norm.size());
    w.byte(static_cast<unsigned>(t.kind) | (t.hyphenated ? 8u : 0u) | norm << 4 | ctx << 6);
    w.num(t.begin - prev_end);
    w.num(t.end - t.begin);
    const unsigned has_strip = t.norm_strip != 0;
    if (t.base_end >= t.begin && t.base_end <= t.end) {
      w.num((static_cast<std::uint64_t>(t.end - t.base_end) + 1) << 1 | has_strip);
    } else {
      w.num(has_strip);
      w.num(t.base_end);
    }
    if (has_strip) w.byte(t.norm_strip);
    if (norm == norm_kept) {
      w.num(t.norm.size());
      w.bytes(t.norm);
    }
    if (ctx == ctx_kept) {
      w.num(t.sentence);
      w.num(t.block);
      w.num(t.paragraph);
      w.byte(static_cast<unsigned>(t.block_kind));
    }
    prev_end = t.end;
    prev = &t;
  }
  out.append(scratch.data(), w.at);
  return true;
}

void unpack_segmentation(std::string_view text, std::string_view bytes, segmentation& out) {
  reader r{bytes};
  const std::uint64_t sentences = r.num(), tokens = r.num();
  // Every sentence and token takes at least one byte: a count past the pack is malformed.
  if (sentences > bytes.size() || tokens > bytes.size()) reader::bad();
  out.sentences.clear();
  out.tokens.clear();
  out.sentences.reserve(sentences);
  out.tokens.reserve(tokens);
  std::size_t prev_end = 0;
  for (std::uint64_t i = 0; i < sentences; ++i) {
    sentence& s = out.sentences.emplace_back();
    s.begin = prev_end + r.num();
    s.end = s.begin + r.num();
    s.index = r.num32();
    s.block = r.num32();
    s.block_kind = r.kind();
    s.paragraph = r.num32();
    s.first_token = r.num32();
    s.last_token = s.first_token + r.num32();
    prev_end = s.end;
  }
  prev_end = 0;
  token context{};
  for (std::uint64_t i = 0; i < tokens; ++i) {
    token& t = out.tokens.emplace_back();
    const unsigned flags = r.byte();
    if ((flags & 7u) > static_cast<unsigned>(token_kind::footnote)) reader::bad();
    t.kind = static_cast<token_kind>(flags & 7u);
    t.hyphenated = (flags & 8u) != 0;
    t.begin = prev_end + r.num();
    if (t.begin < prev_end || t.begin > text.size()) reader::bad();
    t.end = t.begin + r.num();
    if (t.end > text.size() || t.end < t.begin) reader::bad();
    const std::uint64_t base = r.num();
    if ((base >> 1) > t.end - t.begin + 1) reader::bad();
    t.base_end = base >> 1 ? t.end - ((base >> 1) - 1) : r.num();
    if (base & 1) t.norm_strip = r.byte();
    const std::string_view surface = text.substr(t.begin, t.end - t.begin);
    switch (flags >> 4 & 3u) {
      case norm_is_surface: t.norm.assign(surface); break;
      case norm_is_lower: t.norm = ascii_lower(surface); break;
      case norm_kept: t.norm.assign(r.take(r.num())); break;
      default: reader::bad();
    }
    switch (flags >> 6) {
      case ctx_same: break;
      case ctx_next_sentence: ++context.sentence; break;
      case ctx_kept:
        context.sentence = r.num32();
        context.block = r.num32();
        context.paragraph = r.num32();
        context.block_kind = r.kind();
        break;
      default: reader::bad();
    }
    t.sentence = context.sentence;
    t.block = context.block;
    t.paragraph = context.paragraph;
    t.block_kind = context.block_kind;
    prev_end = t.end;
  }
  if (r.at != bytes.size()) reader::bad();
}

}  // namespace histext
