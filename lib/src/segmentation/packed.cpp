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

#include <cstdint>

#include "histext/error.hpp"

namespace histext {
namespace {

enum : unsigned {
  norm_is_surface = 0,  // norm == the token's bytes
  norm_is_lower = 1,    // norm == the token's bytes in ASCII lower case
  norm_kept = 2,        // norm's bytes follow
  ctx_same = 0,         // sentence, block, block_kind, paragraph as the token before
  ctx_next_sentence = 1,
  ctx_kept = 2,
};

void put(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool ascii_lower_equals(std::string_view surface, std::string_view norm) {
  if (surface.size() != norm.size()) return false;
  for (std::size_t i = 0; i < surface.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(surface[i]);
    if (c >= 0x80) return false;
    const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (lower != norm[i]) return false;
  }
  return true;
}

// Reads the pack; any read past its end throws.
struct reader {
  std::string_view bytes;
  std::size_t at = 0;

  [[noreturn]] static void bad() { throw error("packed segmentation: malformed"); }
  std::uint8_t byte() {
    if (at >= bytes.size()) bad();
    return static_cast<std::uint8_t>(bytes[at++]);
  }
  std::uint64_t num() {
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
  const std::size_t was = out.size();
  auto fail = [&] {
    out.resize(was);
    return false;
  };
  put(out, seg.sentences.size());
  put(out, seg.tokens.size());
  std::size_t prev_end = 0;
  for (const sentence& s : seg.sentences) {
    if (s.begin < prev_end || s.end < s.begin || s.last_token < s.first_token) return fail();
    put(out, s.begin - prev_end);
    put(out, s.end - s.begin);
    put(out, s.index);
    put(out, s.block);
    out.push_back(static_cast<char>(s.block_kind));
    put(out, s.paragraph);
    put(out, s.first_token);
    put(out, s.last_token - s.first_token);
    prev_end = s.end;
  }
  prev_end = 0;
  const token* prev = nullptr;
  const token start{};
  for (const token& t : seg.tokens) {
    if (t.begin < prev_end || t.end < t.begin || t.end > text.size()) return fail();
    const std::string_view surface = text.substr(t.begin, t.end - t.begin);
    const unsigned norm = t.norm == surface                     ? norm_is_surface
                          : ascii_lower_equals(surface, t.norm) ? norm_is_lower
                                                                : norm_kept;
    const token& before = prev ? *prev : start;
    const bool same_rest =
        t.block == before.block && t.block_kind == before.block_kind && t.paragraph == before.paragraph;
    const unsigned ctx = same_rest && t.sentence == before.sentence       ? ctx_same
                         : same_rest && t.sentence == before.sentence + 1 ? ctx_next_sentence
                                                                          : ctx_kept;
    out.push_back(static_cast<char>(static_cast<unsigned>(t.kind) | (t.hyphenated ? 8u : 0u) | norm << 4 | ctx << 6));
    put(out, t.begin - prev_end);
    put(out, t.end - t.begin);
    const unsigned has_strip = t.norm_strip != 0;
    if (t.base_end >= t.begin && t.base_end <= t.end) {
      put(out, (static_cast<std::uint64_t>(t.end - t.base_end) + 1) << 1 | has_strip);
    } else {
      put(out, has_strip);
      put(out, t.base_end);
    }
    if (has_strip) out.push_back(static_cast<char>(t.norm_strip));
    if (norm == norm_kept) {
      put(out, t.norm.size());
      out += t.norm;
    }
    if (ctx == ctx_kept) {
      put(out, t.sentence);
      put(out, t.block);
      put(out, t.paragraph);
      out.push_back(static_cast<char>(t.block_kind));
    }
    prev_end = t.end;
    prev = &t;
  }
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
      case norm_is_lower:
        t.norm.assign(surface);
        for (char& c : t.norm)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        break;
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
