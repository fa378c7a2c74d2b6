// Sentence statistics: the home passage's acceptance figures, quotation, edge cases, the tool.
#include "histext/sentence_stats.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "histext/syllables.hpp"
#include "test_util.hpp"

namespace {

using histext::document;
using histext::sentence_report;

sentence_report analyze(const std::string& text, bool all = false) {
  document doc = document::from_bytes(text, "test");
  histext::sentence_options o;
  o.all = all;
  histext::segmenter seg;
  return histext::analyze_sentences(doc, seg, o);
}

sentence_report home(bool all = false) {
  document doc = document::from_file(histext::test::data_path("bukharin.txt"));
  histext::sentence_options o;
  o.all = all;
  return histext::analyze_sentences(doc, histext::segment(doc), o);
}

class environment : public ::testing::Environment {
 public:
  void SetUp() override { setenv("HISTEXT_DATA_DIR", HISTEXT_STAGE_DATA_DIR, 1); }
};
const auto* const env = ::testing::AddGlobalTestEnvironment(new environment);

// ------------------------------------------------------------------ acceptance: the home passage

TEST(home_passage, has_22_body_sentences_8_9_5_by_paragraph) {
  sentence_report r = home();
  ASSERT_EQ(r.sentences.size(), 22u);
  EXPECT_EQ(r.summary.sentences, 22u);
  EXPECT_EQ(r.summary.paragraphs, 3u);
  std::vector<int> per_paragraph(4, 0);
  for (const auto& s : r.sentences) ++per_paragraph.at(s.paragraph);
  EXPECT_EQ(per_paragraph, (std::vector<int>{0, 8, 9, 5}));
}

TEST(home_passage, word_counts_match_the_hand_count_within_one) {
  const std::vector<std::size_t> hand = {22, 7,  28, 17, 9,  39, 15, 15,      // paragraph 1
                                         19, 32, 7,  15, 26, 14, 24, 7,  32,  // paragraph 2
                                         22, 5,  15, 13, 41};                 // paragraph 3
  sentence_report r = home();
  ASSERT_EQ(r.sentences.size(), hand.size());
  std::size_t total = 0;
  for (std::size_t i = 0; i < hand.size(); ++i) {
    EXPECT_LE(r.sentences[i].words, hand[i] + 1) << "sentence " << i + 1;
    EXPECT_GE(r.sentences[i].words + 1, hand[i]) << "sentence " << i + 1;
    total += r.sentences[i].words;
  }
  EXPECT_EQ(total, r.summary.words);
  EXPECT_EQ(r.summary.words, 424u);
  EXPECT_EQ(r.summary.words_per_paragraph.count, 3u);
  EXPECT_DOUBLE_EQ(r.summary.words_per_sentence.max, 41.0);
  EXPECT_DOUBLE_EQ(r.summary.words_per_sentence.min, 5.0);
  EXPECT_THAT(r.summary.longest.text, ::testing::StartsWith("In short, those who"));
  EXPECT_EQ(r.summary.shortest.text, "This was our last meeting.");
}

TEST(home_passage, ten_sentences_are_quoted_inside_a_frame) {
  sentence_report r = home();
  EXPECT_TRUE(r.framed);
  std::vector<std::pair<unsigned, unsigned>> quoted;
  for (const auto& s : r.sentences)
    if (s.quoted) quoted.emplace_back(s.paragraph, s.position);
  std::vector<std::pair<unsigned, unsigned>> expected = {{1, 5}, {1, 6}, {1, 7}, {1, 8}, {2, 4},
                                                         {2, 5}, {2, 6}, {2, 7}, {2, 8}, {2, 9}};
  EXPECT_EQ(quoted, expected);
  EXPECT_EQ(r.summary.quoted_sentences, 10u);
  for (const auto& s : r.sentences) EXPECT_EQ(s.quote_depth, s.quoted ? 1u : 0u) << s.index;
  EXPECT_GT(r.summary.quoted_share, 0.4);
  EXPECT_LT(r.summary.quoted_share, 0.5);
}

TEST(home_passage, syllables_are_within_a_few_percent_of_the_cmu_count) {
  // Body words the dictionary does not list whole, counted by hand; every other word has its
  // CMU count. Our total must be within 3% of that reference.
  const std::vector<std::pair<std::string, int>> hand = {
      {"zinoviev-kamenev", 7}, {"oppositions", 4},      {"combatted", 3},     {"trotskyites", 3},
      {"kulaks", 2},           {"social-democrats", 5}, {"short-sighted", 3}, {"utilise", 3},
      {"phrasemongers", 4},    {"doubtlessly", 3},      {"lenin's", 2}};
  document doc = document::from_file(histext::test::data_path("bukharin.txt"));
  histext::segmentation seg = histext::segment(doc);
  const auto& dict = histext::syllable_dictionary::shared();
  long reference = 0, unknown = 0;
  for (const auto& t : seg.tokens) {
    if (!t.is_word() || t.paragraph == 0) continue;
    std::string key;  // "etc." is one word token; the dictionary lists "etc"
    for (char c : t.norm)
      if (c != '.') key.push_back(c);
    if (int n = dict.lookup(key)) {
      reference += n;
      continue;
    }
    ++unknown;
    auto it = std::find_if(hand.begin(), hand.end(), [&](const auto& p) { return p.first == key; });
    ASSERT_NE(it, hand.end()) << t.norm;
    reference += it->second;
  }
  EXPECT_LE(unknown, 15);
  sentence_report r = histext::analyze_sentences(doc, seg);
  double diff = std::abs(static_cast<double>(r.summary.syllables) - static_cast<double>(reference));
  EXPECT_LE(diff / static_cast<double>(reference), 0.03) << r.summary.syllables << " vs " << reference;
}

TEST(home_passage, readability_follows_from_the_reported_counts) {
  const auto& s = home().summary;
  const double W = static_cast<double>(s.words), S = static_cast<double>(s.sentences);
  const double asl = W / S, asw = static_cast<double>(s.syllables) / W, poly = static_cast<double>(s.polysyllables);
  const double L = static_cast<double>(s.letters) / W * 100, S100 = S / W * 100;
  EXPECT_DOUBLE_EQ(s.readability.flesch_reading_ease, 206.835 - 1.015 * asl - 84.6 * asw);
  EXPECT_DOUBLE_EQ(s.readability.flesch_kincaid_grade, 0.39 * asl + 11.8 * asw - 15.59);
  EXPECT_DOUBLE_EQ(s.readability.gunning_fog, 0.4 * (asl + 100 * poly / W));
  EXPECT_DOUBLE_EQ(s.readability.smog, 1.043 * std::sqrt(poly * 30 / S) + 3.1291);
  EXPECT_NEAR(s.readability.coleman_liau, 0.0588 * L - 0.296 * S100 - 15.8, 1e-9);
  EXPECT_DOUBLE_EQ(s.readability.automated_readability, 4.71 * static_cast<double>(s.letters) / W + 0.5 * asl - 21.43);
}

TEST(home_passage, heading_and_attribution_are_reported_apart_or_with_all) {
  sentence_report body = home();
  EXPECT_GT(body.outside_body.sentences, 0u);
  EXPECT_GT(body.outside_body.words, 0u);
  for (const auto& s : body.sentences) EXPECT_EQ(s.block_kind, histext::block_kind::paragraph);
  sentence_report all = home(true);
  EXPECT_EQ(all.summary.words, body.summary.words + body.outside_body.words);
  EXPECT_EQ(all.sentences.size(), body.sentences.size() + body.outside_body.sentences);
  EXPECT_EQ(all.outside_body.sentences, 0u);
  EXPECT_EQ(all.summary.quoted_sentences, 10u);  // the attribution's l’internationale is no quote
}

TEST(home_passage, offsets_slice_the_sentences_and_both_entry_points_agree) {
  document doc = document::from_file(histext::test::data_path("bukharin.txt"));
  histext::segmentation seg = histext::segment(doc);
  sentence_report whole = histext::analyze_sentences(doc, seg, {true});
  histext::segmenter s;
  sentence_report streamed = histext::analyze_sentences(doc, s, {true});
  ASSERT_EQ(whole.sentences.size(), seg.sentences.size());
  ASSERT_EQ(streamed.sentences.size(), seg.sentences.size());
  for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
    EXPECT_EQ(whole.sentences[i].begin, seg.sentences[i].begin);
    EXPECT_EQ(whole.sentences[i].end, seg.sentences[i].end);
    EXPECT_EQ(whole.sentences[i].index, seg.sentences[i].index);
    EXPECT_EQ(streamed.sentences[i].index, whole.sentences[i].index);
    EXPECT_EQ(streamed.sentences[i].words, whole.sentences[i].words);
    EXPECT_EQ(streamed.sentences[i].syllables, whole.sentences[i].syllables);
    EXPECT_EQ(streamed.sentences[i].quoted, whole.sentences[i].quoted);
    EXPECT_EQ(streamed.sentences[i].preview, whole.sentences[i].preview);
  }
}

// ------------------------------------------------------------------ edge cases

TEST(edge_cases, empty_input_has_no_figures) {
  for (const std::string text : {"", "\n\n", "   "}) {
    sentence_report r = analyze(text);
    EXPECT_EQ(r.sentences.size(), 0u);
    EXPECT_EQ(r.summary.words, 0u);
    EXPECT_FALSE(r.framed);
    EXPECT_TRUE(std::isnan(r.summary.readability.flesch_reading_ease));
    EXPECT_TRUE(std::isnan(r.summary.readability.smog));
    EXPECT_TRUE(std::isnan(r.summary.words_per_sentence.mean));
    EXPECT_TRUE(std::isnan(r.summary.quoted_share));
    EXPECT_TRUE(r.summary.words_per_sentence.histogram.empty());
  }
}

TEST(edge_cases, one_sentence_without_final_punctuation) {
  sentence_report r = analyze("The committee met in the old hall");
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(r.sentences[0].words, 7u);
  EXPECT_EQ(r.summary.sentences, 1u);
  EXPECT_EQ(r.sentences[0].preview, "The committee met in the old hall");
  EXPECT_FALSE(r.sentences[0].quoted);
  EXPECT_DOUBLE_EQ(r.summary.words_per_sentence.median, 7.0);
  EXPECT_TRUE(std::isnan(r.summary.words_per_sentence.sd));  // one value: no sample deviation
  EXPECT_TRUE(std::isfinite(r.summary.readability.flesch_reading_ease));
}

TEST(edge_cases, a_text_that_is_all_one_quotation_is_a_frame) {
  sentence_report r = analyze("\xE2\x80\x9CWe shall meet again. The struggle goes on. Remember this.\xE2\x80\x9D");
  EXPECT_TRUE(r.framed);
  ASSERT_EQ(r.sentences.size(), 3u);
  for (const auto& s : r.sentences) EXPECT_FALSE(s.quoted);
  EXPECT_EQ(r.summary.quoted_words, 0u);
}

TEST(edge_cases, a_text_of_separate_quotations_is_all_quoted) {
  sentence_report r =
      analyze("\xE2\x80\x9CWe shall meet again.\xE2\x80\x9D \xE2\x80\x9CThe struggle goes on.\xE2\x80\x9D");
  EXPECT_FALSE(r.framed);
  ASSERT_EQ(r.sentences.size(), 2u);
  for (const auto& s : r.sentences) EXPECT_TRUE(s.quoted);
  EXPECT_DOUBLE_EQ(r.summary.quoted_share, 1.0);
}

TEST(edge_cases, a_sentence_of_ten_thousand_words) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += i % 2 ? "revolution " : "and ";
  text += "ends.";
  text.erase(text.size() - 6, 1);  // "... revolution ends." keeps 10,000 words with the last
  sentence_report r = analyze(text);
  ASSERT_EQ(r.sentences.size(), 1u);
  EXPECT_EQ(r.sentences[0].words, 10000u);
  EXPECT_EQ(r.summary.words, 10000u);
  EXPECT_EQ(r.sentences[0].preview.substr(0, 19), "and revolution and ");
  EXPECT_THAT(r.sentences[0].preview, ::testing::EndsWith("\xE2\x80\xA6"));
  EXPECT_EQ(r.summary.words_per_sentence.histogram.back().count, 1u);
  EXPECT_LE(r.summary.words_per_sentence.histogram.size(), 12u);
}

TEST(edge_cases, fifty_thousand_nested_quotes) {
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "\xE2\x80\x9C";
  text += "deep words";
  for (int i = 0; i < 50000; ++i) text += "\xE2\x80\x9D";
  text += " then plain words.";
  sentence_report r = analyze(text);
  EXPECT_FALSE(r.framed);
  ASSERT_FALSE(r.sentences.empty());
  EXPECT_EQ(r.sentences[0].quote_depth, 50000u);
  EXPECT_EQ(r.summary.quoted_words, 2u);
  // and a stray flood of closing marks is ignored
  sentence_report s = analyze(std::string(3 * 50000, ' ').replace(0, 0, "Words ") + "\xE2\x80\x9D more.");
  EXPECT_EQ(s.summary.quoted_words, 0u);
}

TEST(quotation, straight_quotes_are_read_from_their_neighbours) {
  sentence_report r = analyze("She said: \"We will fight on. We will not yield.\" Then she left the room.");
  ASSERT_EQ(r.sentences.size(), 3u);
  EXPECT_TRUE(r.sentences[0].quoted);  // 4 of 6 words quoted
  EXPECT_EQ(r.sentences[0].quoted_words, 4u);
  EXPECT_TRUE(r.sentences[1].quoted);
  EXPECT_FALSE(r.sentences[2].quoted);
  EXPECT_FALSE(r.framed);
}

TEST(quotation, straight_quotes_with_spaces_around_them_still_pair) {
  sentence_report r = analyze(
      "The pseudonym \" Jenna Marbles \" comes from her mother. "
      "Her dog is called \"Mr. Marbles \". She said ' no ' twice. Nothing else here now.");
  EXPECT_EQ(r.summary.quoted_words, 4u);  // Jenna Marbles, Marbles; the spaced ' is no quote
  EXPECT_FALSE(r.sentences.back().quoted);
}

TEST(quotation, a_straight_quote_frame_spans_paragraphs) {
  sentence_report r = analyze(
      "\"First part of the speech. 'Inner words here.'\n\nSecond part of the speech.\n\n"
      "Third part of the speech.\"");
  EXPECT_TRUE(r.framed);
  std::vector<bool> quoted;
  for (const auto& s : r.sentences) quoted.push_back(s.quoted);
  EXPECT_EQ(quoted, (std::vector<bool>{false, true, false, false}));
}

TEST(quotation, apostrophes_are_not_quotes) {
  sentence_report r =
      analyze("Lenin\xE2\x80\x99s heirs sang l\xE2\x80\x99internationale. The workers\xE2\x80\x99 party won.");
  for (const auto& s : r.sentences) EXPECT_EQ(s.quoted_words, 0u);
}

// British single quotes share their marks with apostrophes: plural possessives (farmers’ carts),
// elisions (’Tis, ’em, o’er, 'Tis) must neither close nor open a quotation.
TEST(quotation, plural_possessives_and_elisions_inside_british_single_quotes) {
  sentence_report r = analyze(histext::test::read_file(histext::test::fixture_path("sentences/quotes_british.txt")));
  std::vector<bool> quoted;
  std::vector<std::size_t> quoted_words;
  for (const auto& s : r.sentences) quoted.push_back(s.quoted), quoted_words.push_back(s.quoted_words);
  EXPECT_EQ(quoted, (std::vector<bool>{true, true, false, false, true,  // curly quotes
                                       true, false, false,              // straight quotes
                                       false, false,                    // ‘the masses’ closes
                                       true, true, false}));            // a quote over two paragraphs
  EXPECT_EQ(quoted_words, (std::vector<std::size_t>{7, 10, 0, 0, 4, 7, 0, 0, 2, 0, 5, 4, 0}));
  EXPECT_FALSE(r.framed);
}

TEST(quotation, a_quote_spans_sentences_and_paragraphs) {
  sentence_report r = analyze(
      "He wrote to me. \xE2\x80\x98The first part. The second part.\n\n"
      "The third part.\xE2\x80\x99 Then silence.\n\n"
      "\xE2\x80\x9C"
      "A new speech.\n\n\xE2\x80\x9C"
      "Continued here.\xE2\x80\x9D After.");
  std::vector<bool> quoted;
  for (const auto& s : r.sentences) quoted.push_back(s.quoted);
  EXPECT_EQ(quoted, (std::vector<bool>{false, true, true, true, false, true, true, false}));
  EXPECT_FALSE(r.framed);
}

// ------------------------------------------------------------------ statistics and formulas

TEST(statistics, describe_uses_sample_sd_and_type_7_quartiles) {
  histext::distribution d = histext::describe({4, 1, 3, 2}, true);
  EXPECT_DOUBLE_EQ(d.mean, 2.5);
  EXPECT_DOUBLE_EQ(d.median, 2.5);
  EXPECT_NEAR(d.sd, 1.2909944487358056, 1e-12);
  EXPECT_DOUBLE_EQ(d.q1, 1.75);
  EXPECT_DOUBLE_EQ(d.q3, 3.25);
  EXPECT_DOUBLE_EQ(d.min, 1);
  EXPECT_DOUBLE_EQ(d.max, 4);
  ASSERT_EQ(d.histogram.size(), 5u);  // width 1: 0..4
  EXPECT_EQ(d.histogram[4].count, 1u);
}

TEST(statistics, readability_uses_the_published_coefficients) {
  // 2 sentences, 20 words, 100 letters, 30 syllables, 3 polysyllables.
  histext::readability r = histext::compute_readability(2, 20, 100, 30, 3);
  EXPECT_NEAR(r.flesch_reading_ease, 206.835 - 1.015 * 10 - 84.6 * 1.5, 1e-12);
  EXPECT_NEAR(r.flesch_kincaid_grade, 0.39 * 10 + 11.8 * 1.5 - 15.59, 1e-12);
  EXPECT_NEAR(r.gunning_fog, 0.4 * (10 + 15), 1e-12);
  EXPECT_NEAR(r.smog, 1.043 * std::sqrt(45.0) + 3.1291, 1e-12);
  EXPECT_NEAR(r.coleman_liau, 0.0588 * 500 - 0.296 * 10 - 15.8, 1e-12);  // not textstat's 0.058
  EXPECT_NEAR(r.automated_readability, 4.71 * 5 + 0.5 * 10 - 21.43, 1e-12);
  histext::readability none = histext::compute_readability(0, 0, 0, 0, 0);
  EXPECT_TRUE(std::isnan(none.flesch_reading_ease));
  EXPECT_TRUE(std::isnan(none.automated_readability));
}

// ------------------------------------------------------------------ the tool

TEST(tool, json_has_the_documented_shape) {
  auto res = histext::test::run_tool("sentences", {"--format", "json", histext::test::data_path("bukharin.txt")});
  ASSERT_EQ(res.exit_code, 0) << res.err;
  auto j = nlohmann::json::parse(res.out);
  EXPECT_EQ(j.begin().key(), "meta");
  const auto& s = j.at("summary");
  for (const char* k : {"paragraphs", "sentences", "words", "letters", "syllables", "polysyllables",
                        "words_per_sentence", "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
                        "coleman_liau", "automated_readability", "framed"})
    EXPECT_TRUE(s.contains(k)) << k;
  EXPECT_EQ(s.at("sentences"), 22);
  EXPECT_EQ(s.at("words"), 424);
  EXPECT_EQ(s.at("framed"), true);
  EXPECT_EQ(s.at("words_per_sentence").at("histogram").size(), 9u);
  ASSERT_EQ(j.at("sentences").size(), 22u);
  int quoted = 0;
  for (const auto& x : j.at("sentences")) {
    for (const char* k :
         {"index", "block", "block_kind", "paragraph", "begin", "end", "words", "syllables", "quoted", "preview"})
      EXPECT_TRUE(x.contains(k)) << k;
    quoted += x.at("quoted").get<bool>();
  }
  EXPECT_EQ(quoted, 10);
  auto all =
      histext::test::run_tool("sentences", {"--all", "--format", "json", histext::test::data_path("bukharin.txt")});
  EXPECT_GT(nlohmann::json::parse(all.out).at("sentences").size(), 22u);
}

TEST(tool, empty_input_gives_null_and_empty_cells) {
  auto json = histext::test::run_tool("sentences", {"--format", "json"}, "");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_TRUE(j.at("summary").at("flesch_reading_ease").is_null());
  EXPECT_TRUE(j.at("summary").at("words_per_sentence").at("mean").is_null());
  EXPECT_EQ(json.out.find("NaN"), std::string::npos);
  EXPECT_EQ(json.out.find("nan"), std::string::npos);
  auto csv = histext::test::run_tool("sentences", {"--format", "csv", "--summary"}, "");
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.out.find("flesch_reading_ease,\r\n"), std::string::npos) << csv.out;
  EXPECT_EQ(csv.out.find("nan"), std::string::npos);
  EXPECT_EQ(csv.out.find("inf"), std::string::npos);
}

TEST(tool, table_histogram_tsv_and_determinism) {
  const std::string home_file = histext::test::data_path("bukharin.txt");
  auto t = histext::test::run_tool("sentences", {"--histogram", home_file});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("words per sentence"), std::string::npos);
  EXPECT_NE(t.out.find("40-44 | "), std::string::npos);
  EXPECT_NE(t.out.find("flesch_reading_ease"), std::string::npos);
  auto tsv = histext::test::run_tool("sentences", {"--format", "tsv", home_file});
  ASSERT_EQ(tsv.exit_code, 0);
  EXPECT_EQ(std::count(tsv.out.begin(), tsv.out.end(), '\n'), 23);
  EXPECT_EQ(tsv.out.substr(0, 12), "index\tblock\t");
  auto again = histext::test::run_tool("sentences", {"--format", "tsv", home_file});
  EXPECT_EQ(tsv.out, again.out);
  auto bad = histext::test::run_tool("sentences", {"--format", "vertical", home_file});
  EXPECT_EQ(bad.exit_code, 2);
  auto missing = histext::test::run_tool("sentences", {home_file + ".missing"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("histext-sentences: "), std::string::npos);
}

}  // namespace
