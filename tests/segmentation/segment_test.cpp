// segment: blocks, sentences and tokens (ICU), their offsets and the passage's structure.
#include "histext/segment.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "common/text_util.hpp"
#include "test_util.hpp"

using namespace histext;
using histext::test::data_path;

namespace {

struct parsed {
  document doc;
  segmentation seg;
};

parsed parse(const std::string& text, segment_options o = {}) {
  document d = document::from_bytes(text, "test");
  segmentation s = segment(d, o);
  return {std::move(d), std::move(s)};
}

std::vector<std::string> token_texts(const parsed& p) {
  std::vector<std::string> out;
  for (const token& t : p.seg.tokens) out.emplace_back(t.text(p.doc.text()));
  return out;
}

std::vector<std::string> sentence_texts(const parsed& p) {
  std::vector<std::string> out;
  for (const sentence& s : p.seg.sentences) out.push_back(p.doc.text().substr(s.begin, s.end - s.begin));
  return out;
}

const token* find_token(const parsed& p, std::string_view surface) {
  for (const token& t : p.seg.tokens)
    if (t.text(p.doc.text()) == surface) return &t;
  return nullptr;
}

const parsed& home() {
  static parsed p = [] {
    document d = document::from_file(data_path("bukharin.txt"));
    segmentation s = segment(d);
    return parsed{std::move(d), std::move(s)};
  }();
  return p;
}

}  // namespace

TEST(segment, offsets_slice_the_input_on_every_fixture) {
  for (const std::string& path : histext::test::text_fixtures()) {
    SCOPED_TRACE(path);
    for (bool split : {false, true}) {
      document d = document::from_file(path);
      segment_options o;
      o.split_hyphens = split;
      histext::test::expect_offsets_valid(d.text(), segment(d, o));
    }
  }
}

TEST(segment, home_passage_structure) {
  const parsed& p = home();
  ASSERT_EQ(p.seg.blocks.size(), 5u);
  EXPECT_EQ(p.seg.blocks[0].kind, block_kind::heading);
  EXPECT_EQ(p.seg.blocks[4].kind, block_kind::attribution);
  std::vector<int> per_paragraph(4, 0);
  for (const sentence& s : p.seg.sentences)
    if (s.block_kind == block_kind::paragraph) ++per_paragraph.at(s.paragraph);
  EXPECT_EQ(per_paragraph[1], 8);
  EXPECT_EQ(per_paragraph[2], 9);
  EXPECT_EQ(per_paragraph[3], 5);
  for (const block& b : p.seg.blocks) {
    EXPECT_EQ(b.paragraph, b.kind == block_kind::paragraph ? b.index - 1 : 0u);
  }
  for (const token& t : p.seg.tokens) {
    const block& b = p.seg.blocks.at(t.block - 1);
    EXPECT_EQ(t.block_kind, b.kind);
    EXPECT_EQ(t.paragraph, b.paragraph);
  }
}

TEST(segment, heading_needs_a_short_unpunctuated_first_line) {
  EXPECT_EQ(parse("Title\n\nBody text here.").seg.blocks[0].kind, block_kind::heading);
  EXPECT_EQ(parse("A first sentence.\n\nBody text here.").seg.blocks[0].kind, block_kind::paragraph);
  EXPECT_EQ(parse("Only one block").seg.blocks[0].kind, block_kind::paragraph);
  EXPECT_EQ(parse("Two lines\nof heading\n\nBody.").seg.blocks[0].kind, block_kind::paragraph);
}

TEST(segment, attribution_is_a_final_paragraph_starting_with_a_dash) {
  for (const char* dash : {"\xE2\x80\x93", "\xE2\x80\x94", "-"}) {
    parsed p = parse(std::string("Body.\n\n ") + dash + " A. Author, Works, 1901.");
    EXPECT_EQ(p.seg.blocks.back().kind, block_kind::attribution) << dash;
  }
  EXPECT_EQ(parse("Body.\n\nMore body.").seg.blocks.back().kind, block_kind::paragraph);
}

TEST(segment, hyphenated_compounds_are_one_word) {
  const parsed& p = home();
  for (const char* w : {"Zinoviev-Kamenev", "short-sighted", "social-democrats", "Humbert-Droz"}) {
    const token* t = find_token(p, w);
    ASSERT_NE(t, nullptr) << w;
    EXPECT_EQ(t->kind, token_kind::word);
    EXPECT_TRUE(t->hyphenated);
  }
}

TEST(segment, split_hyphens_option_splits_them) {
  segment_options o;
  o.split_hyphens = true;
  parsed p = parse("the social-democrats and Humbert-Droz", o);
  EXPECT_THAT(token_texts(p), ::testing::ElementsAre("the", "social", "-", "democrats", "and", "Humbert", "-", "Droz"));
}

TEST(segment, number_ranges_are_not_compounds) {
  EXPECT_THAT(token_texts(parse("pp. 379-80")), ::testing::ElementsAre("pp.", "379", "-", "80"));
}

TEST(segment, possessives_keep_a_recognisable_base) {
  for (const char* text : {"Lenin\xE2\x80\x99s death", "Lenin's death"}) {
    parsed p = parse(text);
    const token& t = p.seg.tokens[0];
    EXPECT_EQ(t.end - t.begin, std::string_view(text).find(" death"));
    EXPECT_TRUE(t.possessive());
    EXPECT_EQ(t.base(), "lenin");
    EXPECT_EQ(p.doc.text().substr(t.begin, t.base_end - t.begin), "Lenin");
  }
  parsed it = parse("it's late");
  EXPECT_FALSE(it.seg.tokens[0].possessive());
}

TEST(segment, elided_article_is_one_word) {
  parsed p = parse("au service de l\xE2\x80\x99internationale communiste");
  const token* t = find_token(p, "l\xE2\x80\x99internationale");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->norm, "l'internationale");
}

TEST(segment, footnote_marker_is_split_from_a_word) {
  const parsed& p = home();
  ASSERT_GE(p.seg.tokens.size(), 2u);
  EXPECT_EQ(p.seg.tokens[0].text(p.doc.text()), "Bukharin");
  EXPECT_EQ(p.seg.tokens[0].kind, token_kind::word);
  EXPECT_EQ(p.seg.tokens[1].text(p.doc.text()), "1");
  EXPECT_EQ(p.seg.tokens[1].kind, token_kind::footnote);
  parsed q = parse("The COVID19 era, the B52 and 1920s; 4th time; Stalin\xC2\xB2 said.");
  EXPECT_NE(find_token(q, "COVID19"), nullptr);
  EXPECT_NE(find_token(q, "B52"), nullptr);
  EXPECT_NE(find_token(q, "1920s"), nullptr);
  EXPECT_NE(find_token(q, "4th"), nullptr);
  const token* sup = find_token(q, "\xC2\xB2");
  ASSERT_NE(sup, nullptr);
  EXPECT_EQ(sup->kind, token_kind::footnote);
}

TEST(segment, accents_stay_inside_words_and_curly_quotes_are_punctuation) {
  const parsed& p = home();
  for (const char* w : {"M\xC3\xA9moirs", "Neufch\xC3\xA2tel", "L\xC3\xA9nine", "\xC3\xA0"})
    EXPECT_NE(find_token(p, w), nullptr) << w;
  for (const char* q : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"}) {
    const token* t = find_token(p, q);
    ASSERT_NE(t, nullptr) << q;
    EXPECT_EQ(t->kind, token_kind::punctuation);
  }
}

TEST(segment, norm_is_nfc_and_case_folded) {
  parsed p = parse(
      "Cafe\xCC\x81 STRASSE Stra\xC3\x9F"
      "e");
  EXPECT_EQ(p.seg.tokens[0].norm, "caf\xC3\xA9");
  EXPECT_EQ(p.seg.tokens[1].norm, "strasse");
  EXPECT_EQ(p.seg.tokens[2].norm, "strasse");
}

TEST(segment, etc_before_a_capital_ends_a_sentence) {
  parsed p = parse("the very short-sighted revolutionary perspective, etc. On the morrow of a victory.");
  EXPECT_EQ(p.seg.sentences.size(), 2u);
  parsed q = parse("apples, pears, etc. and other fruit.");
  EXPECT_EQ(q.seg.sentences.size(), 1u);
}

TEST(segment, abbreviations_and_initials_do_not_end_sentences) {
  parsed p = parse("Gen. Kornilov met Mr. Kerensky in St. Petersburg, see vol. 2, pp. 14. J. V. Stalin was absent.");
  EXPECT_THAT(sentence_texts(p),
              ::testing::ElementsAre("Gen. Kornilov met Mr. Kerensky in St. Petersburg, see vol. 2, pp. 14.",
                                     "J. V. Stalin was absent."));
  EXPECT_NE(find_token(p, "Gen."), nullptr);
  EXPECT_NE(find_token(p, "J."), nullptr);
}

// Words that only look like entries of ICU's English suppression list end their sentence.
TEST(segment, ordinary_words_before_a_full_stop_end_sentences) {
  parsed p =
      parse("Congress passed the Stamp Act. The colonists refused. It was OK. He went in 347 AD. Go. And he went.");
  EXPECT_THAT(sentence_texts(p), ::testing::ElementsAre("Congress passed the Stamp Act.", "The colonists refused.",
                                                        "It was OK.", "He went in 347 AD.", "Go.", "And he went."));
}

TEST(segment, quotes_attach_to_their_sentence) {
  parsed p = parse(
      "He said it. \xE2\x80\x98The struggle is on.\xE2\x80\x99 Then the strictly political terrain\xE2\x80\x99. Done.");
  EXPECT_THAT(sentence_texts(p), ::testing::ElementsAre("He said it.", "\xE2\x80\x98The struggle is on.\xE2\x80\x99",
                                                        "Then the strictly political terrain\xE2\x80\x99.", "Done."));
  parsed q = parse("\xE2\x80\x9CWhy?\xE2\x80\x9D he asked. Nobody knew.");
  EXPECT_EQ(q.seg.sentences.size(), 2u);
}

TEST(segment, home_passage_quoted_sentence_boundaries) {
  const parsed& p = home();
  std::vector<std::string> s = sentence_texts(p);
  EXPECT_THAT(s, ::testing::Contains(::testing::StartsWith("\xE2\x80\x9C"
                                                           "Before leaving")));
  EXPECT_THAT(s, ::testing::Contains(::testing::EndsWith("strictly political terrain\xE2\x80\x99.")));
  EXPECT_THAT(s, ::testing::Contains(::testing::EndsWith("the state.\xE2\x80\x9D")));
  EXPECT_THAT(s, ::testing::Contains(::testing::StartsWith("On the morrow of a common victory")));
}

TEST(segment, blank_line_ends_a_sentence_but_a_line_end_does_not) {
  parsed p = parse("A heading like line\nthat continues here.\n\nno punctuation here\n\nNext paragraph.");
  EXPECT_THAT(sentence_texts(p), ::testing::ElementsAre("A heading like line\nthat continues here.",
                                                        "no punctuation here", "Next paragraph."));
}

TEST(segment, whitespace_only_input_has_no_sentences) {
  for (const char* text : {"", "   \n\n\t\n", "\xC2\xA0\xC2\xA0"}) {
    parsed p = parse(text);
    EXPECT_TRUE(p.seg.sentences.empty());
    EXPECT_TRUE(p.seg.tokens.empty());
  }
}

TEST(segment, crlf_cr_and_nbsp_are_spaces) {
  parsed p = parse("One\xC2\xA0two.\r\nThree four.\rFive.\r\n\r\nSix.");
  EXPECT_THAT(token_texts(p), ::testing::ElementsAre("One", "two", ".", "Three", "four", ".", "Five", ".", "Six", "."));
  EXPECT_EQ(p.seg.blocks.size(), 2u);
}

TEST(segment, non_latin_scripts_combining_marks_and_emoji) {
  EXPECT_THAT(token_texts(parse("\xD0\x9B\xD0\xB5\xD0\xB2 \xD0\xA2\xD1\x80\xD0\xBE\xD1\x86\xD0\xBA\xD0\xB8\xD0\xB9.")),
              ::testing::ElementsAre("\xD0\x9B\xD0\xB5\xD0\xB2",
                                     "\xD0\xA2\xD1\x80\xD0\xBE\xD1\x86\xD0\xBA\xD0\xB8\xD0\xB9", "."));
  parsed greek = parse("\xCE\x9F \xCE\xA3\xCF\x89\xCE\xBA\xCF\x81\xCE\xAC\xCF\x84\xCE\xB7\xCF\x82.");
  EXPECT_EQ(greek.seg.tokens.size(), 3u);
  parsed cjk = parse("\xE5\x8C\x97\xE4\xBA\xAC\xE5\xA4\xA7\xE5\xAD\xA6\xE3\x80\x82\xE5\xBD\xBC\xE3\x80\x82");
  EXPECT_EQ(cjk.seg.sentences.size(), 2u);
  parsed marks = parse("Z\xCC\x8A\xCC\x8A\xCC\x8A\xCC\x8Algo");
  ASSERT_EQ(marks.seg.tokens.size(), 1u);
  EXPECT_EQ(marks.seg.tokens[0].kind, token_kind::word);
  parsed emoji = parse("family \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 left");
  ASSERT_EQ(emoji.seg.tokens.size(), 3u);
  EXPECT_EQ(emoji.seg.tokens[1].kind, token_kind::symbol);
}

TEST(segment, ud_conventions_for_abbreviations_ellipses_urls_and_mail) {
  parsed p = parse("The U.S. envoy... see http://example.org/a?b=1, or write to jo@example.org today.");
  auto t = token_texts(p);
  EXPECT_THAT(t, ::testing::Contains("U.S."));
  EXPECT_THAT(t, ::testing::Contains("..."));
  EXPECT_THAT(t, ::testing::Contains("http://example.org/a?b=1"));
  EXPECT_THAT(t, ::testing::Contains("jo@example.org"));
}

TEST(segment, output_is_deterministic_and_segmenter_reusable) {
  document d = document::from_file(data_path("bukharin.txt"));
  segmenter s;
  segmentation a = s.run(d), b = s.run(d);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(a.tokens[i].begin, b.tokens[i].begin);
    EXPECT_EQ(a.tokens[i].norm, b.tokens[i].norm);
  }
}

TEST(segment, summary_counts_kinds) {
  segment_summary s = summarize(home().seg);
  EXPECT_EQ(s.blocks, 5u);
  EXPECT_EQ(s.body_sentences, 22u);
  EXPECT_EQ(s.by_kind[static_cast<int>(token_kind::footnote)], 1u);
  std::size_t total = 0;
  for (std::size_t n : s.by_kind) total += n;
  EXPECT_EQ(total, s.tokens);
}

// Token kinds from ICU's rule status: numbers, words with digits, and a digit before a character
// that ICU's word rules count as a letter but u_isalpha does not (U+02D7, U+05F3).
TEST(segment, number_and_word_kinds_follow_icu) {
  parsed p = parse("1921 4th Bukharin1 3.14 1\xCB\x97 1\xD7\xB3 COVID19 word");
  std::vector<std::pair<std::string, token_kind>> expected = {
      {"1921", token_kind::number},    {"4th", token_kind::word},     {"Bukharin", token_kind::word},
      {"1", token_kind::footnote},     {"3.14", token_kind::number},  {"1\xCB\x97", token_kind::word},
      {"1\xD7\xB3", token_kind::word}, {"COVID19", token_kind::word}, {"word", token_kind::word}};
  ASSERT_EQ(p.seg.tokens.size(), expected.size()) << ::testing::PrintToString(token_texts(p));
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.seg.tokens[i].text(p.doc.text()), expected[i].first);
    EXPECT_EQ(p.seg.tokens[i].kind, expected[i].second) << expected[i].first;
  }
}

// Every ASCII byte that is not a letter or a digit, alone between spaces, gets the kind ICU's
// rule status gives it (recorded from the segmenter when every piece still asked ICU).
TEST(segment, ascii_pieces_take_icu_kinds) {
  const std::string punctuation = "!\"#%&'()*,-./:;?[\\]_{}", symbols = "$+<=>^`|~\x7F", words = "@";
  for (int c = 1; c < 0x80; ++c) {
    const char ch = static_cast<char>(c);
    if (std::isalnum(c) || ch == '\n' || ch == '\r') continue;
    parsed p = parse(std::string("x ") + ch + " y.");
    const token* t = nullptr;
    for (const token& k : p.seg.tokens)
      if (k.text(p.doc.text()) == std::string(1, ch)) t = &k;
    if (ch == ' ' || ch == '\t' || ch == '\v' || ch == '\f') {
      EXPECT_EQ(t, nullptr) << c;  // white space is no token
      continue;
    }
    ASSERT_NE(t, nullptr) << c;
    const token_kind expected = punctuation.find(ch) != std::string::npos ? token_kind::punctuation
                                : words.find(ch) != std::string::npos     ? token_kind::word
                                                                          : token_kind::symbol;
    EXPECT_EQ(t->kind, expected) << c;
    if (c < 0x20 || c == 0x7F || symbols.find(ch) != std::string::npos) EXPECT_EQ(t->kind, token_kind::symbol) << c;
  }
}

// The ASCII fast path of normalize_word (8 and 4 bytes at a time, overlapping tails) against a
// byte-by-byte reference at every length, with the letters' neighbours (@ [ ` {) that a wrong
// range test would change; and a non-ASCII letter at every position, which must go to ICU.
TEST(segment, ascii_norm_matches_bytewise_lowercase_at_every_length) {
  const std::string alphabet = "@AZ[`az{09-'M.q";
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string word, expected;
    for (std::size_t i = 0; i < n; ++i) {
      char c = alphabet[(i * 7 + n) % alphabet.size()];
      word += c;
      expected += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    EXPECT_EQ(histext::normalize_word(word), expected) << word;
    for (std::size_t k = 0; k <= n; ++k) {
      std::string with = word.substr(0, k) + "\xC3\x84" + word.substr(k);          // Ä
      std::string want = expected.substr(0, k) + "\xC3\xA4" + expected.substr(k);  // ä
      EXPECT_EQ(histext::normalize_word(with), want) << with;
    }
  }
}
