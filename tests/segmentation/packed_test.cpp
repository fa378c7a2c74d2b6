// packed: a piece's sentences and tokens packed into bytes unpack to exactly what was packed.
#include "segmentation/packed.hpp"

#include <gtest/gtest.h>

#include "histext/error.hpp"
#include "test_util.hpp"

namespace histext {
namespace {

void expect_same(const segmentation& a, const segmentation& b) {
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const sentence &x = a.sentences[i], &y = b.sentences[i];
    SCOPED_TRACE("sentence " + std::to_string(i));
    EXPECT_EQ(x.begin, y.begin);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.index, y.index);
    EXPECT_EQ(x.block, y.block);
    EXPECT_EQ(x.block_kind, y.block_kind);
    EXPECT_EQ(x.paragraph, y.paragraph);
    EXPECT_EQ(x.first_token, y.first_token);
    EXPECT_EQ(x.last_token, y.last_token);
  }
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    const token &x = a.tokens[i], &y = b.tokens[i];
    SCOPED_TRACE("token " + std::to_string(i) + " '" + x.norm + "'");
    EXPECT_EQ(x.begin, y.begin);
    EXPECT_EQ(x.end, y.end);
    EXPECT_EQ(x.base_end, y.base_end);
    EXPECT_EQ(x.norm, y.norm);
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.block, y.block);
    EXPECT_EQ(x.block_kind, y.block_kind);
    EXPECT_EQ(x.paragraph, y.paragraph);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.norm_strip, y.norm_strip);
    EXPECT_EQ(x.hyphenated, y.hyphenated);
  }
}

// Segments `text` block by block into pieces of a few blocks, as histext-entities reads it, and
// checks that every piece unpacks to itself.
void round_trip_pieces(const std::string& text, const segment_options& options) {
  segmenter seg(options);
  const std::vector<block> blocks = split_blocks(text);
  segmentation piece;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    seg.run_block(text, blocks[i], piece);
    if (i % 3 != 2 && i + 1 < blocks.size()) continue;
    std::string packed;
    ASSERT_TRUE(pack_segmentation(text, piece, packed));
    segmentation back;
    unpack_segmentation(text, packed, back);
    expect_same(piece, back);
    piece.sentences_before += static_cast<std::uint32_t>(piece.sentences.size());
    piece.sentences.clear();
    piece.tokens.clear();
  }
}

TEST(packed, every_fixture_unpacks_to_what_was_packed) {
  for (const std::string& path : test::text_fixtures()) {
    SCOPED_TRACE(path);
    const std::string text = test::read_file(path);
    round_trip_pieces(text, {});
    segment_options joined;
    joined.dehyphenate = true;
    round_trip_pieces(text, joined);
    segment_options split;
    split.split_hyphens = true;
    round_trip_pieces(text, split);
  }
}

TEST(packed, possessives_capitals_accents_and_broken_words_unpack_exactly) {
  // Norms kept whole (accents, curly apostrophes, a joined line-end break), possessives' strip,
  // ASCII capitals read as lower case, numbers, footnotes and letter parts.
  const std::string text =
      "Dear Sir,\n\nLENIN’s and Trotsky's men met at Zürich in 1917.¹ The revolu-\ntionary "
      "Bol-\nsheviki and the farmers' wives went ÉTIENNE's way; “Well,” said he.\n\n"
      "1 See p. 12.\n\nYours truly,\nJ. Smith\n";
  segment_options joined;
  joined.dehyphenate = true;
  round_trip_pieces(text, joined);
  round_trip_pieces(text, {});
}

TEST(packed, fields_outside_the_usual_are_kept_whole) {
  // A base_end outside the token, a norm that is neither the surface nor its lower case, and a
  // context that jumps: the format's escapes.
  const std::string text = "Abc def ghi";
  segmentation seg;
  token a;
  a.begin = 0, a.end = 3, a.base_end = 0, a.norm = "xyz", a.sentence = 7, a.block = 3, a.paragraph = 2;
  a.norm_strip = 1, a.kind = token_kind::symbol, a.block_kind = block_kind::note, a.hyphenated = true;
  token b;
  b.begin = 4, b.end = 7, b.base_end = 11, b.norm = "def", b.sentence = 8, b.block = 3, b.paragraph = 2;
  b.block_kind = block_kind::note;
  token c;
  c.begin = 8, c.end = 11, c.base_end = 10, c.norm = "ghi", c.sentence = 2, c.block = 9;
  seg.tokens = {a, b, c};
  sentence s;
  s.begin = 0, s.end = 11, s.index = 7, s.block = 3, s.block_kind = block_kind::note, s.paragraph = 2;
  s.first_token = 0, s.last_token = 3;
  seg.sentences = {s};
  std::string packed;
  ASSERT_TRUE(pack_segmentation(text, seg, packed));
  segmentation back;
  unpack_segmentation(text, packed, back);
  expect_same(seg, back);
}

TEST(packed, a_span_that_runs_backwards_is_not_packed) {
  const std::string text = "one two";
  segmentation seg;
  token a;
  a.begin = 4, a.end = 7, a.norm = "two";
  token b;
  b.begin = 0, b.end = 3, b.norm = "one";
  seg.tokens = {a, b};
  std::string packed = "kept";
  EXPECT_FALSE(pack_segmentation(text, seg, packed));
  EXPECT_EQ(packed, "kept");
}

TEST(packed, a_cut_or_damaged_pack_throws_and_never_reads_past_it) {
  const std::string text = test::read_file(test::data_path("bukharin.txt"));
  segmenter seg;
  segmentation piece;
  for (const block& b : split_blocks(text)) seg.run_block(text, b, piece);
  std::string packed;
  ASSERT_TRUE(pack_segmentation(text, piece, packed));
  segmentation back;
  for (std::size_t cut = 0; cut < packed.size(); cut += 7)
    EXPECT_THROW(unpack_segmentation(text, std::string_view(packed).substr(0, cut), back), error);
  EXPECT_THROW(unpack_segmentation(text, packed + "x", back), error);
  // Against a shorter text every token past its end is refused.
  EXPECT_THROW(unpack_segmentation(std::string_view(text).substr(0, 100), packed, back), error);
}

}  // namespace
}  // namespace histext
