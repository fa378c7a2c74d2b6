// --dehyphenate: words split by a hyphen at a line end (hard-wrapped, scanned text).
#include "segmentation/dehyphenate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "histext/document.hpp"
#include "histext/segment.hpp"
#include "lexicons/wordlist.hpp"
#include "test_util.hpp"

using namespace histext;
using namespace histext::test;

namespace {

segment_options dehyphenating(bool split_hyphens = false) {
  segment_options o;
  o.dehyphenate = true;
  o.split_hyphens = split_hyphens;
  return o;
}

std::vector<std::string> norms(const segmentation& seg) {
  std::vector<std::string> out;
  for (const token& t : seg.tokens) out.push_back(t.norm);
  return out;
}

const std::string wrapped =
    "The revolu-\ntionary party and the well-\nknown anti-revolu-\n  tionary forces.\r\n"
    "Lenin\xE2\x80\x99s revolu-\ntion\xE2\x80\x99s end; capi-\r\ntalists stop-\nped. A real dash -\nhere.\n";

}  // namespace

TEST(dehyphenate, known_words_are_joined_others_keep_their_hyphen) {
  document doc = document::from_bytes(wrapped, "wrapped");
  segmentation seg = segment(doc, dehyphenating());
  expect_offsets_valid(doc.text(), seg);
  std::vector<std::string> want = {"the",
                                   "revolutionary",
                                   "party",
                                   "and",
                                   "the",
                                   "well-known",
                                   "anti-revolutionary",
                                   "forces",
                                   ".",
                                   "lenin's",
                                   "revolution's",
                                   "end",
                                   ";",
                                   "capitalists",
                                   "stopped",
                                   ".",
                                   "a",
                                   "real",
                                   "dash",
                                   "-",
                                   "here",
                                   "."};
  EXPECT_EQ(norms(seg), want);
  // Offsets point at the original bytes of both parts.
  const token& t = seg.tokens[1];
  EXPECT_EQ(t.text(doc.text()), "revolu-\ntionary");
  EXPECT_FALSE(t.hyphenated);
  EXPECT_TRUE(seg.tokens[5].hyphenated);
  EXPECT_EQ(seg.tokens[5].text(doc.text()), "well-\nknown");
  EXPECT_EQ(seg.tokens[6].text(doc.text()), "anti-revolu-\n  tionary");
  EXPECT_TRUE(seg.tokens[10].possessive());
  EXPECT_EQ(seg.tokens[10].base(), "revolution");
  ASSERT_EQ(seg.sentences.size(), 3u);
}

TEST(dehyphenate, a_name_broken_at_a_line_end_is_one_word) {
  // A capitalised part whose lower-case continuation is no word of its own: a broken name. A
  // compound keeps its hyphen, and so does a lower-case word the lexicon does not know.
  document doc = document::from_bytes(
      "Senator Ed-\nmunds and the Bol-\nsheviki met the Vice-\npresident and a zorbu-\nlation.\n", "x");
  segmentation seg = segment(doc, dehyphenating());
  expect_offsets_valid(doc.text(), seg);
  const std::vector<std::string> n = norms(seg);
  for (const char* w : {"edmunds", "bolsheviki", "vice-president", "zorbu-lation"})
    EXPECT_NE(std::find(n.begin(), n.end(), w), n.end()) << w;
  EXPECT_TRUE(joins_without_hyphen("ed", "munds", true));
  EXPECT_FALSE(joins_without_hyphen("ed", "munds", false));
  EXPECT_FALSE(joins_without_hyphen("vice", "president", true));
  EXPECT_TRUE(joins_without_hyphen("revolu", "tionary", false));
  // Inside a name, a continuation that is a word joins too ("Miss Jeannette Hart-\nwell").
  EXPECT_TRUE(joins_without_hyphen("hart", "well", true, true));
  EXPECT_FALSE(joins_without_hyphen("hart", "well", true, false));
  doc = document::from_bytes("The vote of Miss Jeannette Hart-\nwell came.\nThe Vice-\npresident came.\n", "x");
  seg = segment(doc, dehyphenating());
  const std::vector<std::string> m = norms(seg);
  for (const char* w : {"hartwell", "vice-president"}) EXPECT_NE(std::find(m.begin(), m.end(), w), m.end()) << w;
}

TEST(dehyphenate, a_name_whose_hyphen_ocr_lost_is_one_word) {
  // OCR'd columns often lose the hyphen at a line end: "George Washing\nton", "Penn\nsylvania".
  document doc = document::from_bytes(
      "Now therefore I George Washing\nton, in the counties of Penn\nsylvania, met Mary\nland men. A\ndam "
      "broke when I\nran, and Mr. Wood\nrow came.\n",
      "x");
  segmentation seg = segment(doc, dehyphenating());
  expect_offsets_valid(doc.text(), seg);
  const std::vector<std::string> n = norms(seg);
  for (const char* w : {"washington", "pennsylvania", "mary", "land", "dam", "ran", "wood", "row"})
    EXPECT_NE(std::find(n.begin(), n.end(), w), n.end()) << w;
  for (const char* w : {"maryland", "adam", "iran", "woodrow"})
    EXPECT_EQ(std::find(n.begin(), n.end(), w), n.end()) << w;
  EXPECT_TRUE(joins_broken_name("washing", "ton"));
  EXPECT_FALSE(joins_broken_name("mary", "land"));  // a name, then a word of its own
  EXPECT_FALSE(joins_broken_name("a", "dam"));
  EXPECT_FALSE(joins_broken_name("he", "brews"));  // a function word ("Hebrews" is a name)
  // Not without --dehyphenate.
  seg = segment(doc, segment_options{});
  const std::vector<std::string> m = norms(seg);
  EXPECT_EQ(std::find(m.begin(), m.end(), "washington"), m.end());
}

TEST(dehyphenate, off_by_default) {
  document doc = document::from_bytes(wrapped, "wrapped");
  segmentation seg = segment(doc);
  EXPECT_EQ(seg.tokens[1].norm, "revolu");
  EXPECT_EQ(seg.tokens[2].norm, "-");
  EXPECT_EQ(seg.tokens[3].norm, "tionary");
}

TEST(dehyphenate, split_hyphens_keeps_unknown_parts_apart) {
  document doc = document::from_bytes("the well-\nknown revolu-\ntionary\n", "x");
  segmentation seg = segment(doc, dehyphenating(true));
  expect_offsets_valid(doc.text(), seg);
  EXPECT_EQ(norms(seg), (std::vector<std::string>{"the", "well", "-", "known", "revolutionary"}));
}

TEST(dehyphenate, only_at_line_ends_or_where_a_space_replaced_one) {
  // Not across a blank line, nor inside a hyphenated word.
  document doc = document::from_bytes("revolu-\n\ntionary revolu-tionary\n", "x");
  segmentation seg = segment(doc, dehyphenating());
  expect_offsets_valid(doc.text(), seg);
  for (const token& t : seg.tokens) EXPECT_NE(t.norm, "revolutionary");
  // A line end an OCR engine turned into a space: only a lower-case continuation into a known
  // word ("pre- and post-war" holds a suspended hyphen; "well- Known" is no continuation).
  doc = document::from_bytes("Presi- dent Cleveland in Philadel- phia; pre- and post-war; well- Known.\n", "x");
  seg = segment(doc, dehyphenating());
  expect_offsets_valid(doc.text(), seg);
  const std::vector<std::string> n = norms(seg);
  EXPECT_EQ(n[0], "president");
  EXPECT_EQ(seg.tokens[0].text(doc.text()), "Presi- dent");
  EXPECT_EQ(n[3], "philadelphia");
  EXPECT_EQ(std::count(n.begin(), n.end(), "-"), 2);  // after "pre" and "well"
}

TEST(dehyphenate, fixtures) {
  for (const std::string& path : text_fixtures()) {
    document doc = document::from_file(path);
    expect_offsets_valid(doc.text(), segment(doc, dehyphenating()));
    expect_offsets_valid(doc.text(), segment(doc, dehyphenating(true)));
  }
}

TEST(dehyphenate, known_words) {
  for (const char* w : {"revolutionary", "revolutions", "capitalists", "stopped", "running", "women", "happier"})
    EXPECT_TRUE(is_known_word(w)) << w;
  for (const char* w : {"revolu", "tionary", "dehyphenated", "wellknown"}) EXPECT_FALSE(is_known_word(w)) << w;
}

TEST(dehyphenate, tool_flag) {
  std::string path = temp_file("wrapped.txt", wrapped);
  run_result r = run_tool("tokens", {"--dehyphenate", "--format", "tsv", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\t4\t19\trevolu- tionary\trevolutionary\n"), std::string::npos) << r.out;
}
