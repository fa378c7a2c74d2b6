// blocks: the nine block kinds of historical documents (letters, diaries, books, scanned pages),
// split-off closings, paragraph numbering, and independence from where streaming cuts the input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "histext/frequency.hpp"
#include "histext/segment.hpp"
#include "input/chunk_reader.hpp"
#include "test_util.hpp"

using namespace histext;

namespace {

std::string fixture(const std::string& name) {
  return histext::test::read_file(std::string(HISTEXT_FIXTURE_DIR) + "/documents/" + name);
}

struct parsed {
  std::string text;
  std::vector<block> blocks;
  std::string surface(const block& b) const { return text.substr(b.begin, b.end - b.begin); }
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const block& b : blocks) out.emplace_back(to_string(b.kind));
    return out;
  }
};

parsed blocks_of(std::string text) {
  parsed p{std::move(text), {}};
  p.blocks = split_blocks(p.text);
  return p;
}

using ::testing::ElementsAre;

}  // namespace

TEST(blocks, letter_has_dateline_salutation_closing_and_postscript) {
  parsed p = blocks_of(fixture("letter.txt"));
  EXPECT_THAT(p.kinds(), ElementsAre("dateline", "salutation", "paragraph", "paragraph", "closing", "postscript"));
}

TEST(blocks, closing_in_the_last_lines_of_a_paragraph_is_its_own_block) {
  parsed p = blocks_of(fixture("letter.txt"));
  ASSERT_EQ(p.blocks.size(), 6u);
  const block& body = p.blocks[3];
  const block& closing = p.blocks[4];
  EXPECT_EQ(closing.kind, block_kind::closing);
  EXPECT_EQ(p.surface(closing), "Ever your affectionate brother,\nRobert");
  EXPECT_TRUE(p.surface(body).ends_with("before the rains come again."));
  EXPECT_LT(body.end, closing.begin);
  // Numbering: every block, split-off parts included; paragraph numbers count body only.
  for (std::size_t i = 0; i < p.blocks.size(); ++i) EXPECT_EQ(p.blocks[i].index, i + 1);
  std::vector<std::uint32_t> paragraphs;
  for (const block& b : p.blocks) paragraphs.push_back(b.paragraph);
  EXPECT_THAT(paragraphs, ElementsAre(0u, 0u, 1u, 2u, 0u, 0u));
}

TEST(blocks, closing_split_off_ends_the_paragraphs_last_sentence) {
  std::string text = fixture("letter.txt");
  segmentation seg = segment(document::from_bytes(text, "letter"));
  const sentence* last_body = nullptr;
  for (const sentence& s : seg.sentences)
    if (s.block_kind == block_kind::paragraph) last_body = &s;
  ASSERT_NE(last_body, nullptr);
  EXPECT_TRUE(text.substr(last_body->begin, last_body->end - last_body->begin).ends_with("come again."));
  for (const sentence& s : seg.sentences)
    if (s.block_kind == block_kind::closing) EXPECT_EQ(s.paragraph, 0u);
}

TEST(blocks, diary_entries_start_with_datelines) {
  EXPECT_THAT(blocks_of(fixture("diary.txt")).kinds(), ElementsAre("dateline", "paragraph", "dateline", "paragraph"));
}

TEST(blocks, book_title_of_several_lines_and_chapter_headings) {
  parsed p = blocks_of(fixture("book.txt"));
  EXPECT_THAT(p.kinds(), ElementsAre("heading", "heading", "heading", "heading", "paragraph", "paragraph"));
  EXPECT_EQ(p.blocks[0].paragraph, 0u);
  EXPECT_EQ(p.blocks[4].paragraph, 1u);
}

TEST(blocks, scanned_page_running_head_page_number_and_notes) {
  parsed p = blocks_of(fixture("scan.txt"));
  EXPECT_THAT(p.kinds(), ElementsAre("page", "paragraph", "paragraph", "note", "note", "page"));
  // The running head shared the first paragraph's lines: it is split off with its own range.
  EXPECT_EQ(p.surface(p.blocks[0]), "112 A HISTORY OF THE LOWLAND WARS. [CHAP. VII.");
  EXPECT_TRUE(p.surface(p.blocks[1]).starts_with("the troops marched"));
}

TEST(blocks, chapter_line_is_a_heading_anywhere) {
  EXPECT_THAT(blocks_of(fixture("sermon.txt")).kinds(), ElementsAre("heading", "paragraph"));
  EXPECT_THAT(blocks_of("It rained.\n\nCHAPTER XII.\n\nThe sun came out.\n\nPart Two\n\nIt rained again.\n").kinds(),
              ElementsAre("paragraph", "heading", "paragraph", "heading", "paragraph"));
}

TEST(blocks, a_dateline_may_hold_the_editors_brackets) {
  EXPECT_THAT(blocks_of("STEVENTON, Thursday (January 16, 1796).\n\nI have just received yours.\n").kinds(),
              ElementsAre("dateline", "paragraph"));
  EXPECT_THAT(blocks_of("Paris, [3 June 1820]\n\nWe are well.\n").kinds(), ElementsAre("dateline", "paragraph"));
}

TEST(blocks, salutation_on_the_first_line_of_a_paragraph_is_split_off) {
  parsed p = blocks_of("London, 3 June 1820.\n\nDear Madam,\nI received your parcel this morning.\n");
  EXPECT_THAT(p.kinds(), ElementsAre("dateline", "salutation", "paragraph"));
  EXPECT_EQ(p.surface(p.blocks[1]), "Dear Madam,");
}

TEST(blocks, signature_after_a_closing_is_closing) {
  EXPECT_THAT(blocks_of("We are well.\n\nI remain, dear Sir, yours faithfully,\n\nW. Blake\n").kinds(),
              ElementsAre("paragraph", "closing", "closing"));
}

TEST(blocks, letter_words_inside_body_text_stay_body) {
  // A valediction or opener word that starts a line of running text is not a closing.
  EXPECT_THAT(
      blocks_of("We waited.\n\nThe post came at last.\nYour letter was in it, and\nwe read it twice over.\n").kinds(),
      ElementsAre("paragraph", "paragraph"));
  EXPECT_THAT(blocks_of("We waited.\n\nDear me, how it rained all that week in the valley.\n").kinds(),
              ElementsAre("paragraph", "paragraph"));
  // A numbered line after a heading is a verse, not a note.
  EXPECT_THAT(blocks_of("Mark 4\n\n1 And he began again to teach by the sea side.\n2 And he taught them many things.\n")
                  .kinds(),
              ElementsAre("heading", "paragraph"));
  // A chapter line may start with a number ("2 Samuel 1") after a paragraph.
  EXPECT_THAT(blocks_of("1 And it came to pass.\n\n2 Kings 3\n\n1 Now Jehoram reigned.\n").kinds(),
              ElementsAre("paragraph", "heading", "paragraph"));
}

TEST(blocks, a_single_run_of_lines_is_one_paragraph) {
  EXPECT_THAT(blocks_of("Dear Sir,\nThanks for the parcel.\nYours truly,\nJohn\n").kinds(), ElementsAre("paragraph"));
}

TEST(blocks, kind_names) {
  const std::vector<std::pair<block_kind, std::string>> names = {{block_kind::heading, "heading"},
                                                                 {block_kind::dateline, "dateline"},
                                                                 {block_kind::salutation, "salutation"},
                                                                 {block_kind::closing, "closing"},
                                                                 {block_kind::postscript, "postscript"},
                                                                 {block_kind::attribution, "attribution"},
                                                                 {block_kind::page, "page"},
                                                                 {block_kind::note, "note"},
                                                                 {block_kind::paragraph, "paragraph"}};
  for (const auto& [kind, name] : names) EXPECT_EQ(to_string(kind), name);
}

TEST(blocks, kinds_do_not_depend_on_where_pieces_are_cut) {
  std::string text;
  for (const char* f : {"book.txt", "letter.txt", "diary.txt", "scan.txt", "sermon.txt", "letter.txt"})
    text += fixture(f) + "\n";
  text += "\n \xE2\x80\x93 A. Collector, Papers, 1901.\n";
  const std::vector<block> whole = split_blocks(text);
  ASSERT_EQ(whole.back().kind, block_kind::attribution);
  for (std::size_t chunk : {64u, 100u, 200u, 500u, 4096u}) {
    SCOPED_TRACE(chunk);
    std::istringstream in(text);
    chunk_reader reader(in, "<t>", chunk);
    text_chunk c;
    std::size_t n = 0;
    while (reader.next(c)) {
      for (const block& b : c.blocks) {
        ASSERT_LT(n, whole.size());
        const block& w = whole[n++];
        EXPECT_EQ(c.base + b.begin, w.begin);
        EXPECT_EQ(c.base + b.end, w.end);
        EXPECT_EQ(b.index, w.index);
        EXPECT_EQ(b.kind, w.kind) << text.substr(w.begin, w.end - w.begin);
        EXPECT_EQ(b.paragraph, w.paragraph);
      }
    }
    EXPECT_EQ(n, whole.size());
  }
}

TEST(blocks, body_counts_leave_out_letter_parts) {
  std::istringstream in(fixture("letter.txt"));
  frequency_counter counter{freq_options{}};
  counter.add_stream(in, "<letter>");
  freq_result r = counter.result();
  auto count = [&](const std::string& w) -> std::uint64_t {
    for (const word_row& row : r.words)
      if (row.word == w) return row.count;
    return 0;
  };
  EXPECT_EQ(count("father"), 1u);    // body
  EXPECT_EQ(count("calcutta"), 0u);  // dateline
  EXPECT_EQ(count("dearest"), 0u);   // salutation
  EXPECT_EQ(count("robert"), 0u);    // closing
  EXPECT_EQ(count("kiss"), 0u);      // postscript
}
