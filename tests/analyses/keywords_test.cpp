// histext-keywords and the keywords library: the measures against worked examples, the corpus
// sizes, the ordering, the options shared with histext-freq, and the tool's errors.
#include "histext/keywords.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "histext/error.hpp"
#include "test_util.hpp"

using namespace histext;
using histext::test::data_path;
using histext::test::run_tool;
using histext::test::temp_file;

namespace {

document doc_of(const std::string& text, const std::string& name) { return document::from_bytes(text, name); }

keywords_result compare_texts(const std::string& target, const std::string& reference, keywords_options o = {}) {
  o.counting.all = true;  // short texts: their first line is no heading
  return compare_keywords(doc_of(target, "target.txt"), doc_of(reference, "reference.txt"), o);
}

const keyword_row* find_row(const keywords_result& r, const std::string& word) {
  for (const keyword_row& k : r.rows)
    if (k.word == word) return &k;
  return nullptr;
}

std::vector<std::string> words_of(const keywords_result& r) {
  std::vector<std::string> out;
  for (const keyword_row& k : r.rows) out.push_back(k.word);
  return out;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

// a = 10 in a target of N1 = 1000 running words, b = 5 in a reference of N2 = 2000; N = 3000.
// Expected counts: E11 = 15*1000/3000 = 5, E12 = 15*2000/3000 = 10, and for every other word
// E21 = 1000 - 5 = 995 (observed 990), E22 = 2000 - 10 = 1990 (observed 1995).
// G2 = 2 * [10 ln(10/5) + 5 ln(5/10) + 990 ln(990/995) + 1995 ln(1995/1990)]
//    = 2 * [6.931472 - 3.465736 - 4.987416 + 5.006276] = 2 * 3.484596 = 6.969192
//    (the two-term form would stop at 2 * (6.931472 - 3.465736) = 6.931472)
// p = erfc(sqrt(6.969192 / 2)) = erfc(1.866713) = 0.008292
// log ratio = log2((10/1000) / (5/2000)) = log2(0.01 / 0.0025) = log2(4) = 2
// %DIFF = (0.01 - 0.0025) / 0.0025 * 100 = 300
TEST(keywords, measures_match_a_worked_example) {
  keyness k = compute_keyness(10, 1000, 5, 2000);
  EXPECT_NEAR(k.g2, 6.969192, 1e-6);
  EXPECT_NEAR(k.p, 0.008292, 1e-6);
  EXPECT_DOUBLE_EQ(k.log_ratio, 2.0);
  EXPECT_NEAR(k.pct_diff, 300.0, 1e-9);
}

// b = 0: a = 3 of N1 = 1000, none of N2 = 1000. E11 = E12 = 3*1000/2000 = 1.5,
// E21 = E22 = 998.5 (observed 997 and 1000).
// G2 = 2 * [3 ln(3/1.5) + 0 + 997 ln(997/998.5) + 1000 ln(1000/998.5)]
//    = 2 * [2.079442 - 1.498873 + 1.501126] = 2 * 2.081695 = 4.163390
// log ratio with b taken as 0.5: log2((3/1000) / (0.5/1000)) = log2(6) = 2.584963
// %DIFF with b taken as 0.5: (0.003 - 0.0005) / 0.0005 * 100 = 500
TEST(keywords, zero_in_the_reference_counts_as_half) {
  keyness k = compute_keyness(3, 1000, 0, 1000);
  EXPECT_NEAR(k.g2, 4.163390, 1e-6);
  EXPECT_NEAR(k.log_ratio, 2.584963, 1e-6);
  EXPECT_NEAR(k.pct_diff, 500.0, 1e-9);
}

// a = 0: none of N1 = 1000, b = 4 of N2 = 1000. E11 = E12 = 2, E21 = E22 = 998 (observed 1000, 996).
// G2 = 2 * [0 + 4 ln(4/2) + 1000 ln(1000/998) + 996 ln(996/998)]
//    = 2 * [2.772589 + 2.002003 - 1.997995] = 2 * 2.776597 = 5.553193
// log ratio with a taken as 0.5: log2((0.5/1000) / (4/1000)) = log2(0.125) = -3
// %DIFF: (0 - 0.004) / 0.004 * 100 = -100 (no correction: b is not zero)
TEST(keywords, zero_in_the_target_counts_as_half_for_log_ratio) {
  keyness k = compute_keyness(0, 1000, 4, 1000);
  EXPECT_NEAR(k.g2, 5.553193, 1e-6);
  EXPECT_DOUBLE_EQ(k.log_ratio, -3.0);
  EXPECT_DOUBLE_EQ(k.pct_diff, -100.0);
}

TEST(keywords, equal_relative_frequencies_score_zero) {
  keyness k = compute_keyness(7, 1000, 14, 2000);
  EXPECT_NEAR(k.g2, 0.0, 1e-9);
  EXPECT_GE(k.g2, 0.0);
  EXPECT_NEAR(k.p, 1.0, 1e-6);
  EXPECT_NEAR(k.log_ratio, 0.0, 1e-12);
  EXPECT_NEAR(k.pct_diff, 0.0, 1e-9);
}

TEST(keywords, big_corpora_keep_their_precision) {
  // 100 in 10^15 running words against 50 in 10^15. The other row's terms are ~10^15 * 2.5e-14
  // each, and a plain ln(O/E) of a ratio that near 1 would lose them to rounding (errors of ~0.1
  // here). Two-term G2 = 2 * [100 ln(100/75) + 50 ln(50/75)] = 17.0946; the four-term form
  // differs from it by about (a - E11)^2 / E21 = 625 / 10^15, nothing at this tolerance.
  keyness k = compute_keyness(100, 1'000'000'000'000'000, 50, 1'000'000'000'000'000);
  EXPECT_NEAR(k.g2, 2 * (100 * std::log(100.0 / 75) + 50 * std::log(50.0 / 75)), 1e-6);
}

TEST(keywords, impossible_counts_throw) {
  EXPECT_THROW(compute_keyness(1, 0, 1, 10), error);
  EXPECT_THROW(compute_keyness(0, 10, 0, 10), error);
  EXPECT_THROW(compute_keyness(11, 10, 1, 10), error);
}

TEST(keywords, corpus_size_is_all_running_words) {
  // Target: 8 running words, 4 of them stopwords ("the"); reference: 4 running words.
  keywords_result r = compare_texts("The cat saw the dog and the bird.\n", "A cat sat down.\n");
  EXPECT_EQ(r.target.running_words, 8u);
  EXPECT_EQ(r.reference.running_words, 4u);
  const keyword_row* cat = find_row(r, "cat");
  ASSERT_NE(cat, nullptr);
  EXPECT_EQ(cat->target_count, 1u);
  EXPECT_EQ(cat->reference_count, 1u);
  EXPECT_DOUBLE_EQ(cat->target_per_million, 1e6 / 8);
  EXPECT_DOUBLE_EQ(cat->reference_per_million, 1e6 / 4);
  EXPECT_EQ(cat->direction, -1);
  EXPECT_DOUBLE_EQ(cat->k.log_ratio, -1.0);  // log2((1/8) / (1/4))
  EXPECT_EQ(find_row(r, "the"), nullptr) << "a stopword is not a keyword";
}

TEST(keywords, positive_rows_first_then_negative_then_equal) {
  // Both sides 8 running words. "war" 4 against 1 and "land" 2 against 0 are over-used;
  // "peace" 1 against 4 and "fish" 0 against 2 under-used; "bread" 1 and 1 is equal.
  // On so small a table the word absent from one side weighs more: G2(land) = 3.059 >
  // G2(war) = 2.756, and likewise G2(fish) > G2(peace).
  keywords_result r =
      compare_texts("war war war war peace bread land land\n", "war peace peace peace peace bread fish fish\n");
  ASSERT_EQ(r.rows.size(), 5u);
  EXPECT_EQ(words_of(r), (std::vector<std::string>{"land", "war", "fish", "peace", "bread"}));
  EXPECT_EQ(r.rows[0].direction, 1);
  EXPECT_EQ(r.rows[1].direction, 1);
  EXPECT_EQ(r.rows[2].direction, -1);
  EXPECT_EQ(r.rows[3].direction, -1);
  EXPECT_EQ(r.rows[4].direction, 0);
}

TEST(keywords, measure_orders_each_direction) {
  // N1 = N2 = 1000 ("the", a stopword, fills both sides). Target: war 40, land 3; reference:
  // war 10, peace 10. By G2 war (40 against 10) leads land (3 against 0); by log ratio land,
  // log2(3 / 0.5) = 2.585, leads war, log2(40 / 10) = 2; by %DIFF land (500) leads war (300).
  const std::string target = repeat("war ", 40) + repeat("land ", 3) + repeat("the ", 957) + "\n";
  const std::string reference = repeat("war ", 10) + repeat("peace ", 10) + repeat("the ", 980) + "\n";
  keywords_options o;
  EXPECT_EQ(words_of(compare_texts(target, reference, o)), (std::vector<std::string>{"war", "land", "peace"}));
  o.measure = keyness_measure::log_ratio;
  EXPECT_EQ(words_of(compare_texts(target, reference, o)), (std::vector<std::string>{"land", "war", "peace"}));
  o.measure = keyness_measure::pct_diff;
  keywords_result r = compare_texts(target, reference, o);
  EXPECT_EQ(words_of(r), (std::vector<std::string>{"land", "war", "peace"}));
  EXPECT_NEAR(r.rows[0].k.pct_diff, 500, 1e-9);
  EXPECT_NEAR(r.rows[1].k.pct_diff, 300, 1e-9);
}

TEST(keywords, measure_chooses_the_ranking_only) {
  const std::string target = repeat("alpha beta beta gamma gamma gamma delta ", 20) + "\n";
  const std::string reference = repeat("alpha alpha alpha beta gamma delta delta ", 20) + "epsilon\n";
  keywords_options o;
  keywords_result by_g2 = compare_texts(target, reference, o);
  o.measure = keyness_measure::pct_diff;
  keywords_result by_pct = compare_texts(target, reference, o);
  ASSERT_EQ(by_g2.rows.size(), by_pct.rows.size());
  for (const keyword_row& k : by_g2.rows) {
    const keyword_row* other = find_row(by_pct, k.word);
    ASSERT_NE(other, nullptr) << k.word;
    EXPECT_EQ(other->k.g2, k.k.g2);
    EXPECT_EQ(other->k.pct_diff, k.k.pct_diff);
  }
}

TEST(keywords, top_keeps_n_of_each_direction_and_min_count_both_sides) {
  const std::string target = "war war war war peace bread land land\n";
  const std::string reference = "war peace peace peace peace bread fish fish\n";
  keywords_options o;
  o.top = 1;
  EXPECT_EQ(words_of(compare_texts(target, reference, o)), (std::vector<std::string>{"land", "fish", "bread"}));
  o.top = 0;
  o.min_count = 3;  // land 2+0 and fish 0+2 and bread 1+1 drop; war 4+1 and peace 1+4 stay
  EXPECT_EQ(words_of(compare_texts(target, reference, o)), (std::vector<std::string>{"war", "peace"}));
}

TEST(keywords, counts_words_as_histext_freq_does) {
  keywords_options o;
  o.counting.form = word_form::stem;
  keywords_result r = compare_texts("Programmes and programme, Stalin’s programmes.\n", "A programme.\n", o);
  const keyword_row* p = find_row(r, "programm");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->target_count, 3u);
  EXPECT_EQ(p->reference_count, 1u);
  ASSERT_NE(find_row(r, "stalin"), nullptr) << "the possessive goes, as in histext-freq";
}

TEST(keywords, empty_side_throws_naming_it) {
  try {
    compare_texts("Some words here.\n", "\n\n");
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("reference.txt: no words to compare (reference)"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(compare_texts("", "Words.\n"), error);
}

TEST(keywords, json_has_meta_sides_and_every_measure) {
  keywords_options o;
  keywords_result r = compare_texts("war war peace\n", "peace peace war\n", o);
  std::ostringstream out;
  write_keywords(out, r, o, format::json, run_meta{"histext-keywords", {}, {}});
  auto j = nlohmann::ordered_json::parse(out.str());
  EXPECT_EQ(j.begin().key(), "meta");
  EXPECT_EQ(j["target"]["running_words"], 3);
  EXPECT_EQ(j["reference"]["inputs"][0], "reference.txt");
  EXPECT_EQ(j["measure"], "g2");
  ASSERT_EQ(j["keywords"].size(), 2u);
  const auto& war = j["keywords"][0];
  EXPECT_EQ(war["word"], "war");
  EXPECT_EQ(war["direction"], "+");
  for (const char* key : {"target_count", "reference_count", "g2", "p", "log_ratio", "pct_diff"})
    EXPECT_TRUE(war.contains(key)) << key;
}

// ---------------------------------------------------------------------------------------------
// The tool

namespace {

const std::string target_text = "The revolution came. The revolution ended. Peasants and workers met.\n";
const std::string reference_text = "The peasants sowed. The peasants reaped, and the workers built.\n";

}  // namespace

TEST(keywords_tool, compares_targets_with_references) {
  std::string t = temp_file("target.txt", target_text), r = temp_file("reference.txt", reference_text);
  auto res = run_tool("keywords", {"--all", "--format", "tsv", t, "--reference", r});
  ASSERT_EQ(res.exit_code, 0) << res.err;
  EXPECT_EQ(res.err, "");
  std::istringstream lines(res.out);
  std::string header, first;
  std::getline(lines, header);
  std::getline(lines, first);
  EXPECT_EQ(header,
            "word\tdirection\ttarget_count\treference_count\ttarget_per_million\treference_per_million\tg2\tp\t"
            "log_ratio\tpct_diff");
  EXPECT_EQ(first.substr(0, first.find('\t', first.find('\t') + 1)), "revolution\t+");
}

TEST(keywords_tool, json_meta_lists_every_input_with_its_checksum) {
  std::string t = temp_file("target.txt", target_text), r = temp_file("reference.txt", reference_text);
  auto res = run_tool("keywords", {"--format", "json", t, "--reference", r, "--measure", "log-ratio"});
  ASSERT_EQ(res.exit_code, 0) << res.err;
  auto j = nlohmann::ordered_json::parse(res.out);
  EXPECT_EQ(j.begin().key(), "meta");
  EXPECT_EQ(j["meta"]["tool"], "histext-keywords");
  ASSERT_EQ(j["meta"]["inputs"].size(), 2u);
  EXPECT_EQ(j["meta"]["inputs"][0]["name"], t);
  EXPECT_EQ(j["meta"]["inputs"][1]["name"], r);
  EXPECT_EQ(j["meta"]["inputs"][1]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["meta"]["options"]["reference"], r);
  EXPECT_EQ(j["meta"]["options"]["measure"], "log-ratio");
  EXPECT_FALSE(j["meta"]["options"].contains("threads"));
  EXPECT_EQ(j["measure"], "log-ratio");
}

TEST(keywords_tool, same_output_whatever_the_thread_count) {
  std::string home = histext::test::read_file(data_path("bukharin.txt"));
  std::string t = temp_file("target.txt", repeat(home, 3)), r = temp_file("reference.txt", reference_text);
  auto one = run_tool("keywords", {"--format", "json", t, "--reference", r, "--threads", "1"});
  auto four = run_tool("keywords", {"--format", "json", t, "--reference", r, "--threads", "4"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, four.out);
}

TEST(keywords_tool, no_reference_is_a_usage_error) {
  std::string t = temp_file("target.txt", target_text);
  auto res = run_tool("keywords", {t});
  EXPECT_EQ(res.exit_code, 2);
  EXPECT_EQ(res.out, "");
  EXPECT_EQ(res.err.rfind("histext-keywords: ", 0), 0u) << res.err;
  EXPECT_NE(res.err.find("--reference"), std::string::npos) << res.err;
  res = run_tool("keywords", {t, "--reference", "-", "-"});
  EXPECT_EQ(res.exit_code, 2) << "stdin read twice";
  res = run_tool("keywords", {t, "--measure", "chi2", "--reference", t});
  EXPECT_EQ(res.exit_code, 2);
}

TEST(keywords_tool, bad_reference_is_one_line_and_exit_1) {
  std::string t = temp_file("target.txt", target_text);
  std::string missing = histext::test::temp_dir() + "/missing.txt";
  std::string bad = temp_file("bad.txt", "bad \xFF byte\n");
  std::string empty = temp_file("empty.txt", "\n\n");
  for (const std::string& r : {missing, bad, empty}) {
    SCOPED_TRACE(r);
    auto res = run_tool("keywords", {t, "--reference", r});
    EXPECT_EQ(res.exit_code, 1);
    EXPECT_EQ(res.out, "");
    EXPECT_EQ(res.err.find(std::string("histext-keywords: ") + r + ": "), 0u) << res.err;
    EXPECT_EQ(std::count(res.err.begin(), res.err.end(), '\n'), 1) << res.err;
  }
  // An empty target, read from stdin.
  auto res = run_tool("keywords", {"--reference", temp_file("reference.txt", reference_text)}, "");
  EXPECT_EQ(res.exit_code, 1);
  EXPECT_EQ(res.err, "histext-keywords: -: no words to compare (target)\n");
}

TEST(keywords_tool, refuses_to_write_over_a_reference) {
  std::string t = temp_file("target.txt", target_text), r = temp_file("reference.txt", reference_text);
  auto res = run_tool("keywords", {t, "-o", r, "--reference", r});
  EXPECT_EQ(res.exit_code, 1);
  EXPECT_NE(res.err.find("refusing to write over an input file"), std::string::npos) << res.err;
  EXPECT_EQ(histext::test::read_file(r), reference_text);
}
