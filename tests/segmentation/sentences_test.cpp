// Sentence rules for historical text: regnal numerals, period abbreviations, footnote numbers,
// list items at line ends (fixtures in tests/fixtures/sentences/).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "histext/segment.hpp"
#include "test_util.hpp"

using namespace histext;
using ::testing::ElementsAre;

namespace {

struct parsed {
  document doc;
  segmentation seg;
};

parsed parse_fixture(const std::string& name) {
  document d = document::from_file(histext::test::fixture_path("sentences/" + name));
  segmentation s = segment(d);
  histext::test::expect_offsets_valid(d.text(), s);
  return {std::move(d), std::move(s)};
}

std::vector<std::string> sentence_texts(const parsed& p) {
  std::vector<std::string> out;
  for (const sentence& s : p.seg.sentences) out.push_back(p.doc.text().substr(s.begin, s.end - s.begin));
  return out;
}

// Surface and sentence index of every token of kind `kind`.
std::vector<std::pair<std::string, std::uint32_t>> tokens_of_kind(const parsed& p, token_kind kind) {
  std::vector<std::pair<std::string, std::uint32_t>> out;
  for (const token& t : p.seg.tokens)
    if (t.kind == kind) out.emplace_back(std::string(t.text(p.doc.text())), t.sentence);
  return out;
}

const token* find_token(const parsed& p, std::string_view surface) {
  for (const token& t : p.seg.tokens)
    if (t.text(p.doc.text()) == surface) return &t;
  return nullptr;
}

}  // namespace

TEST(sentences, regnal_numeral_before_a_lower_case_word_does_not_end_the_sentence) {
  parsed p = parse_fixture("regnal.txt");
  EXPECT_THAT(sentence_texts(p), ElementsAre("Charles II. fled to France, and James II. followed him.",
                                             "George III. was mad.", "Henry VIII.", "The king had six wives.",
                                             "In Chapter IV. we read of it.", "The plan failed.", "then they left."));
}

TEST(sentences, period_abbreviations_come_from_the_list) {
  parsed p = parse_fixture("abbreviations.txt");
  EXPECT_THAT(
      sentence_texts(p),
      ElementsAre("Wm. Pitt wrote to Chas. Fox and Thos. Paine, viz. the two.",
                  "Geo. Washington and Jas. Madison answered on the 5th inst. and again on the 3rd ult. and "
                  "the 1st prox.",
                  "We had bread, cheese, &c. and wine, &c.", "The rest was sold.", "A letter to Jno. Smith, Esq.",
                  "The reply came.", "See vol. 2, ch. 3, p. 14 and pp. 20-22 for it.",
                  "He lived at No. 10 and No. XII in turn.", "He said no.", "Then he left."));
  for (const char* w : {"Wm.", "Chas.", "Thos.", "viz.", "Geo.", "Jas.", "inst.", "ult.", "prox.", "&c.", "Jno.",
                        "Esq.", "vol.", "ch.", "p.", "pp.", "No."}) {
    const token* t = find_token(p, w);
    ASSERT_NE(t, nullptr) << w;
    EXPECT_EQ(t->kind, token_kind::word) << w;
  }
  // "no." before a full stop's sentence end is the word "no" and a full stop.
  EXPECT_NE(find_token(p, "no"), nullptr);
}

TEST(sentences, footnote_number_glued_to_a_full_stop_ends_the_sentence) {
  parsed p = parse_fixture("footnotes.txt");
  EXPECT_THAT(sentence_texts(p),
              ElementsAre("Pitt signed the treaty.4", "Pitt then resigned.", "The Bastille fell in 1789.12",
                          "The king fled.", "It measured 3.14 metres.", "See section 4.2 below.",
                          "Burke wrote the Reflections.\xC2\xB9", "Paine replied.\xC2\xB2", "Fox\xC2\xB3 spoke last."));
  using entry = std::pair<std::string, std::uint32_t>;
  EXPECT_THAT(tokens_of_kind(p, token_kind::footnote), ElementsAre(entry{"4", 1}, entry{"12", 3}, entry{"\xC2\xB9", 7},
                                                                   entry{"\xC2\xB2", 8}, entry{"\xC2\xB3", 9}));
  EXPECT_THAT(tokens_of_kind(p, token_kind::number), ElementsAre(entry{"1789", 3}, entry{"3.14", 5}, entry{"4.2", 6}));
}

TEST(sentences, list_item_lines_end_their_sentences_and_wrapped_lines_do_not) {
  parsed p = parse_fixture("lists.txt");
  EXPECT_THAT(sentence_texts(p), ElementsAre("The causes were these:", "1. the debt",
                                             "2. the harvest of\nthe year before", "(a) a sub item", "- a dash item",
                                             "\xE2\x80\xA2 a bullet item", "The king, on the other\nhand, did nothing.",
                                             "He walked along the road and saw\n- to his surprise - a cart on it.",
                                             "He counted the carts and found\n12.", "Then he went home."));
}
