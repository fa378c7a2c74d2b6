// Tests for the historian's corrections to histext-entities: gazetteer and exclude files (parsing,
// every error with FILE:LINE) and finding gazetteer names in segmented text.
#include "analyses/entities/gazetteer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/segment.hpp"
#include "test_util.hpp"

namespace histext {
namespace {

using entities_detail::exclude_list;
using entities_detail::gazetteer;
using entities_detail::gazetteer_match;
using ::testing::HasSubstr;

// The message of the histext::error that `f` throws ("" when it throws none).
template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

// What each match slices from `text`: entry name, then the surface from the first token's begin
// to the last token's base_end (a possessive left out).
std::vector<std::string> found(const gazetteer& g, const std::string& text) {
  document doc = document::from_bytes(text, "test.txt");
  segmentation seg = segment(doc);
  std::vector<std::string> out;
  for (const gazetteer_match& m : g.match(doc.view(), seg)) {
    EXPECT_LE(m.first_token, m.last_token);
    EXPECT_LT(m.last_token, seg.tokens.size());
    EXPECT_EQ(seg.tokens[m.first_token].sentence, seg.tokens[m.last_token].sentence);
    const token& first = seg.tokens[m.first_token];
    const token& last = seg.tokens[m.last_token];
    out.push_back(g.entries()[m.entry].name + "=" + text.substr(first.begin, last.base_end - first.begin));
  }
  return out;
}

TEST(gazetteer, parse_skips_comments_and_blank_lines) {
  gazetteer g = gazetteer::parse(
      "# people of the Politburo\n"
      "\n"
      "Nikolai Bukharin\tperson\tBukharin|Nikolai Ivanovich Bukharin\n"
      "   \n"
      "  # an indented comment\n"
      "Petrograd\tplace\n"
      "Mensheviks\tgroup\t\n",
      "corr.tsv");
  EXPECT_EQ(g.source(), "corr.tsv");
  ASSERT_EQ(g.entries().size(), 3u);
  EXPECT_EQ(g.entries()[0].name, "Nikolai Bukharin");
  EXPECT_EQ(g.entries()[0].type, entity_type::person);
  EXPECT_THAT(g.entries()[0].aliases, ::testing::ElementsAre("Bukharin", "Nikolai Ivanovich Bukharin"));
  EXPECT_EQ(g.entries()[1].name, "Petrograd");
  EXPECT_EQ(g.entries()[1].type, entity_type::place);
  EXPECT_TRUE(g.entries()[1].aliases.empty());
  EXPECT_EQ(g.entries()[2].type, entity_type::group);
  EXPECT_TRUE(g.entries()[2].aliases.empty());
  EXPECT_FALSE(g.empty());
  EXPECT_TRUE(gazetteer::parse("# nothing\n\n", "empty.tsv").empty());
}

TEST(gazetteer, parse_trims_fields_and_skips_empty_aliases) {
  gazetteer g = gazetteer::parse(" Lenin \t Person \t Ilyich || Vladimir Lenin |\r\n", "corr.tsv");
  ASSERT_EQ(g.entries().size(), 1u);
  EXPECT_EQ(g.entries()[0].name, "Lenin");
  EXPECT_EQ(g.entries()[0].type, entity_type::person);
  EXPECT_THAT(g.entries()[0].aliases, ::testing::ElementsAre("Ilyich", "Vladimir Lenin"));
}

TEST(gazetteer, parse_errors_name_file_and_line) {
  auto message = [](const std::string& text) { return error_of([&] { gazetteer::parse(text, "corr.tsv"); }); };
  const std::string ok = "# header comment\nLenin\tperson\n";
  EXPECT_THAT(message(ok + "Trotsky\n"), HasSubstr("corr.tsv:3: missing type"));
  EXPECT_THAT(message(ok + "Trotsky\t\tLev\n"), HasSubstr("corr.tsv:3: missing type"));
  EXPECT_THAT(message(ok + "Trotsky\tplanet\n"), HasSubstr("corr.tsv:3: unknown type 'planet'"));
  EXPECT_THAT(message(ok + "Das Kapital\twork\n"), HasSubstr("corr.tsv:3: type 'work' is not allowed"));
  EXPECT_THAT(message(ok + "\n1917\tother\n"), HasSubstr("corr.tsv:4: type 'other' is not allowed"));
  EXPECT_THAT(message(ok + "\tperson\tLev\n"), HasSubstr("corr.tsv:3: empty name"));
  EXPECT_THAT(message(ok + "Trotsky\tperson\tLev\textra\n"), HasSubstr("corr.tsv:3: more than 3 columns (4)"));
  EXPECT_THAT(message(ok + "--\tperson\n"), HasSubstr("corr.tsv:3: name '--' has no word"));
  EXPECT_THAT(message(ok + "Trotsky\tperson\tLev|...\n"), HasSubstr("corr.tsv:3: alias '...' has no word"));
  EXPECT_THAT(message("Lenin\tperson\n\xff\n"), HasSubstr("corr.tsv"));
  EXPECT_EQ(message(ok), "");
}

TEST(gazetteer, load_reads_a_file_and_names_it) {
  std::string path = test::temp_file("corr.tsv", "\xEF\xBB\xBFLenin\tperson\tIlyich\r\nPetrograd\tplace\r\n");
  gazetteer g = gazetteer::load(path);
  EXPECT_EQ(g.source(), path);
  ASSERT_EQ(g.entries().size(), 2u);
  EXPECT_EQ(g.entries()[0].name, "Lenin");  // the byte-order mark is no part of the name
  EXPECT_EQ(g.entries()[1].name, "Petrograd");
  std::string bad = test::temp_file("bad.tsv", "Lenin\tperson\nStalin\n");
  EXPECT_THAT(error_of([&] { gazetteer::load(bad); }), HasSubstr(bad + ":2: missing type"));
  EXPECT_THAT(error_of([&] { gazetteer::load(bad + ".missing"); }), HasSubstr(bad + ".missing"));
}

TEST(gazetteer, match_ignores_case_accents_and_possessive) {
  gazetteer g = gazetteer::parse("Lenin\tperson\nJosé Martí\tperson\n", "corr.tsv");
  EXPECT_THAT(found(g, "LENIN spoke. Lenin’s speech and lenin's reply.\n"),
              ::testing::ElementsAre("Lenin=LENIN", "Lenin=Lenin", "Lenin=lenin"));
  EXPECT_THAT(found(g, "We read Jose Marti and JOSÉ MARTÍ's letters.\n"),
              ::testing::ElementsAre("José Martí=Jose Marti", "José Martí=JOSÉ MARTÍ"));
  // A word that merely starts like a name is no match: tokens compare whole.
  EXPECT_TRUE(found(g, "Leninism and Leningrad.\n").empty());
}

TEST(gazetteer, longest_match_wins) {
  gazetteer g = gazetteer::parse(
      "Soviet Union\tplace\n"
      "Communist Party of the Soviet Union\tgroup\n"
      "Communist Party\tgroup\n",
      "corr.tsv");
  EXPECT_THAT(found(g, "The Communist Party of the Soviet Union ruled the Soviet Union.\n"),
              ::testing::ElementsAre("Communist Party of the Soviet Union=Communist Party of the Soviet Union",
                                     "Soviet Union=Soviet Union"));
  EXPECT_THAT(found(g, "The Communist Party of France.\n"), ::testing::ElementsAre("Communist Party=Communist Party"));
}

TEST(gazetteer, aliases_match_and_report_their_entry) {
  gazetteer g = gazetteer::parse("Nikolai Bukharin\tperson\tBukharin|Nikolai Ivanovich Bukharin\n", "corr.tsv");
  auto hits = found(g, "Bukharin wrote; Nikolai Ivanovich Bukharin was shot. Nikolai Bukharin's ABC.\n");
  EXPECT_THAT(hits, ::testing::ElementsAre("Nikolai Bukharin=Bukharin", "Nikolai Bukharin=Nikolai Ivanovich Bukharin",
                                           "Nikolai Bukharin=Nikolai Bukharin"));
}

TEST(gazetteer, the_earlier_entry_wins_a_shared_name) {
  gazetteer g = gazetteer::parse("Georgia\tplace\nGeorgia\tperson\n", "corr.tsv");
  document doc = document::from_bytes("He left Georgia.\n", "test.txt");
  segmentation seg = segment(doc);
  auto ms = g.match(doc.view(), seg);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].entry, 0u);
}

TEST(gazetteer, no_match_crosses_a_sentence) {
  gazetteer g = gazetteer::parse("Paris Commune\tgroup\n", "corr.tsv");
  EXPECT_TRUE(found(g, "We came to Paris. Commune life was hard.\n").empty());
  EXPECT_THAT(found(g, "The Paris Commune fell.\n"), ::testing::ElementsAre("Paris Commune=Paris Commune"));
}

TEST(gazetteer, punctuation_inside_a_name_matches_itself) {
  gazetteer g = gazetteer::parse(
      "St. Petersburg\tplace\n"
      "J. V. Stalin\tperson\n"
      "Lenin Stalin\tgroup\n"
      "Smith, Elder\tgroup\n"
      "Austria-Hungary\tplace\n"
      "Kamenev.\tperson\n",
      "corr.tsv");
  EXPECT_THAT(found(g, "He lived in St. Petersburg with J. V. Stalin.\n"),
              ::testing::ElementsAre("St. Petersburg=St. Petersburg", "J. V. Stalin=J. V. Stalin"));
  // A comma the name does not have breaks the match; a line break (white space) does not.
  EXPECT_TRUE(found(g, "We saw Lenin, Stalin and others.\n").empty());
  EXPECT_THAT(found(g, "We saw Lenin\nStalin and Austria-Hungary.\n"),
              ::testing::ElementsAre("Lenin Stalin=Lenin\nStalin", "Austria-Hungary=Austria-Hungary"));
  // A comma the name has must be in the text.
  EXPECT_THAT(found(g, "Printed by Smith, Elder and sold by Smith Elder.\n"),
              ::testing::ElementsAre("Smith, Elder=Smith, Elder"));
  // An abbreviation or an initial is one word with its period (key "st."): "St Petersburg" is
  // another name, to be given as an alias.
  EXPECT_TRUE(found(g, "He lived in St Petersburg.\n").empty());
  // A footnote mark inside a name in the text is skipped.
  EXPECT_THAT(found(g, "Then J.\u00b2 V. Stalin spoke.\n"), ::testing::ElementsAre("J. V. Stalin=J.\u00b2 V. Stalin"));
  // Trailing punctuation of a name is dropped.
  EXPECT_THAT(found(g, "Kamenev agreed with Kamenev's friends.\n"),
              ::testing::ElementsAre("Kamenev.=Kamenev", "Kamenev.=Kamenev"));
}

TEST(gazetteer, block_pieces_match_with_document_offsets) {
  gazetteer g = gazetteer::parse("Nikolai Bukharin\tperson\tBukharin\n", "corr.tsv");
  const std::string text = "A letter from Bukharin.\n\nLater Nikolai Bukharin wrote again.\n";
  document doc = document::from_bytes(text, "test.txt");
  segmenter s;
  std::vector<std::string> hits;
  s.for_each_block(doc, [&](const block&, const segmentation& piece) {
    for (const gazetteer_match& m : g.match(doc.view(), piece))
      hits.push_back(text.substr(piece.tokens[m.first_token].begin,
                                 piece.tokens[m.last_token].end - piece.tokens[m.first_token].begin));
  });
  EXPECT_THAT(hits, ::testing::ElementsAre("Bukharin", "Nikolai Bukharin"));
}

TEST(gazetteer, empty_gazetteer_matches_nothing) {
  gazetteer g = gazetteer::parse("", "corr.tsv");
  EXPECT_TRUE(found(g, "Lenin spoke.\n").empty());
}

TEST(exclude_list, contains_with_folding) {
  exclude_list x = exclude_list::parse(
      "# not people\n"
      "\n"
      "Providence\n"
      "  Holy   Ghost  \n"
      "Señor\r\n",
      "drop.txt");
  EXPECT_FALSE(x.empty());
  EXPECT_TRUE(x.contains("Providence"));
  EXPECT_TRUE(x.contains("PROVIDENCE"));
  EXPECT_TRUE(x.contains("Providence's"));
  EXPECT_TRUE(x.contains("holy ghost"));
  EXPECT_TRUE(x.contains("Holy\nGhost"));
  EXPECT_TRUE(x.contains("Senor"));
  EXPECT_FALSE(x.contains("Holy"));
  EXPECT_FALSE(x.contains("Lenin"));
  EXPECT_FALSE(x.contains(""));
  EXPECT_TRUE(exclude_list::parse("# only a comment\n", "drop.txt").empty());
  EXPECT_FALSE(exclude_list::parse("", "drop.txt").contains("Providence"));
}

TEST(exclude_list, errors_name_file_and_line) {
  EXPECT_THAT(error_of([] { exclude_list::parse("Providence\n\n---\n", "drop.txt"); }),
              HasSubstr("drop.txt:3: name '---' has no word"));
  std::string path = test::temp_file("drop.txt", "Providence\n");
  EXPECT_TRUE(exclude_list::load(path).contains("providence"));
  EXPECT_THAT(error_of([&] { exclude_list::load(path + ".missing"); }), HasSubstr(path + ".missing"));
}

}  // namespace
}  // namespace histext
