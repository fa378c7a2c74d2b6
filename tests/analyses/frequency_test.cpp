// histext-freq and the frequency library: counting, options, formats, statistics, chunking.
#include "histext/frequency.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/sha256.hpp"
#include "histext/error.hpp"
#include "histext/stopwords.hpp"
#include "input/chunk_reader.hpp"
#include "test_util.hpp"

using namespace histext;
using histext::test::data_path;
using histext::test::run_tool;
using histext::test::temp_file;

namespace {

freq_result count_text(const std::string& text, freq_options o = {}) {
  frequency_counter counter(o);
  std::istringstream in(text);
  counter.add_stream(in, "<test>");
  return counter.result();
}

const word_row* find_row(const freq_result& r, const std::string& word) {
  for (const word_row& w : r.words)
    if (w.word == word) return &w;
  return nullptr;
}

std::string home() { return histext::test::read_file(data_path("bukharin.txt")); }

std::string written(const freq_result& r, const freq_options& o, format f) {
  std::ostringstream out;
  write_frequencies(out, r, o, f, run_meta{"test", {}, {}});
  return out.str();
}

// Paragraphs of varied prose, enough for many small chunks.
std::string long_text(std::size_t paragraphs) {
  const char* words[] = {"revolution", "party", "Stalin’s", "programme", "struggle", "the",    "of",       "congress",
                         "workers",    "Lenin", "peasants", "terror",    "faction",  "debate", "question", "1921"};
  std::string s = "A Heading Line\n\n";
  unsigned x = 12345;
  for (std::size_t p = 0; p < paragraphs; ++p) {
    std::size_t sentences = 1 + p % 4;
    for (std::size_t k = 0; k < sentences; ++k) {
      std::size_t len = 5 + (x % 9);
      for (std::size_t i = 0; i < len; ++i) {
        x = x * 1103515245u + 12345u;
        std::string w = words[(x >> 16) % 16];
        if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        s += (i ? " " : "") + w;
      }
      s += k + 1 < sentences ? ". " : ".";
    }
    s += p % 7 == 3 ? "\r\n\r\n" : "\n\n";
  }
  s += " – An Author, 1971\n";
  return s;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Acceptance on the home passage

TEST(frequency, home_passage_defaults) {
  freq_result r = count_words(document::from_file(data_path("bukharin.txt")), {});
  ASSERT_GE(r.words.size(), 6u);
  std::vector<std::pair<std::string, std::uint64_t>> top;
  for (std::size_t i = 0; i < 6; ++i) top.emplace_back(r.words[i].word, r.words[i].count);
  std::vector<std::pair<std::string, std::uint64_t>> expected = {{"stalin", 8},   {"political", 5}, {"struggle", 5},
                                                                 {"bukharin", 3}, {"party", 3},     {"programme", 3}};
  EXPECT_EQ(top, expected);
  for (const char* w : {"lenin", "zinoviev-kamenev", "social-democrats"}) {
    ASSERT_NE(find_row(r, w), nullptr) << w;
    EXPECT_EQ(find_row(r, w)->count, 1u) << w;
  }
  for (const word_row& w : r.words) {
    EXPECT_NE(w.word, "the");
    EXPECT_NE(w.word, "bukharin1");
    EXPECT_EQ(w.word.find("’"), std::string::npos) << w.word;
    EXPECT_NE(w.word, "'s");
  }
  EXPECT_EQ(r.words[0].rank, 1u);
  EXPECT_EQ(r.words[1].rank, 2u);
  EXPECT_EQ(r.words[2].rank, 2u);
  EXPECT_EQ(r.words[3].rank, 4u);
}

TEST(frequency, home_passage_without_stopwords) {
  freq_options o;
  o.stopwords = "none";
  freq_result r = count_words(document::from_file(data_path("bukharin.txt")), o);
  std::vector<std::pair<std::string, std::uint64_t>> top;
  for (std::size_t i = 0; i < 5; ++i) top.emplace_back(r.words[i].word, r.words[i].count);
  std::vector<std::pair<std::string, std::uint64_t>> expected = {
      {"the", 37}, {"of", 18}, {"to", 16}, {"and", 10}, {"i", 8}};
  EXPECT_EQ(top, expected);
  EXPECT_NEAR(static_cast<double>(r.summary.tokens), 424.0, 10.0);
  EXPECT_EQ(r.summary.paragraphs, 3u);
}

TEST(frequency, all_includes_heading_and_attribution) {
  freq_options o;
  o.all = true;
  freq_result r = count_words(document::from_file(data_path("bukharin.txt")), o);
  EXPECT_EQ(find_row(r, "bukharin")->count, 4u);  // the heading "Bukharin1"
  EXPECT_NE(find_row(r, "humbert-droz"), nullptr);
  EXPECT_EQ(r.summary.paragraphs, 5u);
}

TEST(frequency, tool_defaults_and_stopwords_none) {
  auto r = run_tool("freq", {"--format", "tsv", data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("word\tcount\tper_1000\tpercent\trank\tsentences\tparagraphs\nstalin\t8\t", 0), 0u) << r.out;
  auto n = run_tool("freq", {"--stopwords", "none", "--top", "2", "--format", "csv", data_path("bukharin.txt")});
  ASSERT_EQ(n.exit_code, 0) << n.err;
  EXPECT_EQ(n.out.substr(0, n.out.find("\r\nof")),
            "word,count,per_1000,percent,rank,sentences,paragraphs\r\nthe,37,87.264,8.726,1,12,3");
}

// ---------------------------------------------------------------------------------------------
// Words

TEST(frequency, possessives_footnotes_hyphens_and_case) {
  freq_result r = count_text("Lenin’s testament. LENIN's party. Bukharin1 met social-democrats.");
  EXPECT_EQ(find_row(r, "lenin")->count, 2u);
  EXPECT_EQ(find_row(r, "bukharin")->count, 1u);
  EXPECT_NE(find_row(r, "social-democrats"), nullptr);
  EXPECT_EQ(find_row(r, "1"), nullptr);
}

TEST(frequency, numbers_only_when_asked) {
  EXPECT_EQ(find_row(count_text("In 1921 the congress met."), "1921"), nullptr);
  freq_options o;
  o.numbers = true;
  EXPECT_EQ(find_row(count_text("In 1921 the congress met.", o), "1921")->count, 1u);
}

TEST(frequency, stopword_file_mixes_apostrophes) {
  std::string list = temp_file("stop.txt", "# mine\nit’s\ndon't\nSTALIN\n\n");
  freq_options o;
  o.stopwords = list;
  freq_result r = count_text("It's Stalin. Don’t go, it’s late.", o);
  EXPECT_EQ(find_row(r, "it's"), nullptr);
  EXPECT_EQ(find_row(r, "don't"), nullptr);
  EXPECT_EQ(find_row(r, "stalin"), nullptr);
  EXPECT_NE(find_row(r, "go"), nullptr);
  EXPECT_NE(find_row(r, "late"), nullptr);
}

TEST(frequency, missing_stopword_file_throws) {
  freq_options o;
  o.stopwords = "/nonexistent/stop.txt";
  EXPECT_THROW(frequency_counter{o}, error);
}

TEST(frequency, default_stopwords_cover_the_issue_list) {
  stopword_list s = stopword_list::english();
  for (const char* w :
       {"the",   "a",     "an",    "his",    "himself", "of",      "and",   "is",    "was",  "have",  "did",
        "will",  "would", "shall", "should", "can",     "could",   "may",   "might", "must", "ought", "not",
        "no",    "nor",   "this",  "that",   "these",   "those",   "which", "who",   "what", "when",  "where",
        "then",  "also",  "very",  "so",     "than",    "too",     "all",   "any",   "some", "such",  "here",
        "there", "only",  "just",  "well",   "upon",    "whether", "it's"})
    EXPECT_TRUE(s.contains(w)) << w;
  EXPECT_FALSE(s.contains("stalin"));
}

TEST(frequency, lemma_and_stem_show_surface_form) {
  freq_options o;
  o.form = word_form::lemma;
  freq_result r = count_text("The programmes went well. The programme goes. Programmes go.", o);
  const word_row* p = find_row(r, "programme");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->count, 3u);
  EXPECT_EQ(p->surface, "programmes");
  ASSERT_NE(find_row(r, "go"), nullptr);
  EXPECT_EQ(find_row(r, "go")->count, 3u);
  o.form = word_form::stem;
  r = count_text("The programmes went well. The programme goes. Programmes go.", o);
  ASSERT_NE(find_row(r, "programm"), nullptr);
  EXPECT_EQ(find_row(r, "programm")->surface, "programmes");
}

TEST(frequency, ngrams_stay_inside_sentences) {
  freq_options o;
  o.ngram = 2;
  o.stopwords = "none";
  freq_result r = count_text("Red army. Army red. Red army marches.", o);
  EXPECT_EQ(find_row(r, "red army")->count, 2u);
  EXPECT_EQ(find_row(r, "army army"), nullptr);  // "army. Army" crosses a sentence end
  EXPECT_EQ(find_row(r, "army red")->count, 1u);
  o.ngram = 3;
  r = count_text("Red army. Army red. Red army marches.", o);
  ASSERT_EQ(r.words.size(), 1u);
  EXPECT_EQ(r.words[0].word, "red army marches");
  o.ngram = 6;
  EXPECT_THROW(frequency_counter{o}, error);
}

TEST(frequency, ngrams_with_stopwords_are_dropped) {
  freq_options o;
  o.ngram = 2;
  freq_result r = count_text("The red army of the party marched.", o);
  EXPECT_NE(find_row(r, "red army"), nullptr);
  EXPECT_EQ(find_row(r, "army of"), nullptr);
  EXPECT_EQ(find_row(r, "the red"), nullptr);
}

TEST(frequency, filters_top_min_count_min_length) {
  freq_options o;
  o.top = 2;
  freq_result r = count_text("war war war peace peace ox ox ox ox.", o);
  ASSERT_EQ(r.words.size(), 2u);
  EXPECT_EQ(r.words[0].word, "ox");
  EXPECT_EQ(r.words[1].word, "war");
  o.top = 0;
  o.min_count = 3;
  r = count_text("war war war peace peace ox ox ox ox.", o);
  EXPECT_EQ(r.words.size(), 2u);
  o.min_count = 1;
  o.min_length = 3;
  r = count_text("war war war peace peace ox ox ox ox.", o);
  EXPECT_EQ(r.words.size(), 2u);
  EXPECT_EQ(find_row(r, "ox"), nullptr);
  EXPECT_EQ(r.summary.tokens, 9u);  // filters change rows, not the summary
}

TEST(frequency, dispersion_counts_sentences_and_paragraphs) {
  freq_result r = count_text("Intro line here.\n\nWar and war. War again.\n\nPeace. War.\n");
  const word_row* w = find_row(r, "war");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->count, 4u);
  EXPECT_EQ(w->sentences, 3u);
  EXPECT_EQ(w->paragraphs, 2u);
}

// ---------------------------------------------------------------------------------------------
// Summary statistics

TEST(frequency, summary_ttr_hapax_mtld) {
  freq_options o;
  o.stopwords = "none";
  freq_result r = count_text("war peace war peace.", o);
  EXPECT_EQ(r.summary.tokens, 4u);
  EXPECT_EQ(r.summary.types, 2u);
  EXPECT_EQ(r.summary.hapax, 0u);
  EXPECT_DOUBLE_EQ(r.summary.ttr, 0.5);
  EXPECT_TRUE(std::isnan(r.summary.mtld));   // too short for MTLD
  EXPECT_TRUE(std::isnan(r.summary.mattr));  // fewer tokens than the window
  // 100 tokens of a two-word cycle: every factor ends at its third token (2/3 <= 0.72).
  std::string text;
  for (int i = 0; i < 50; ++i) text += "war peace ";
  r = count_text(text + ".", o);
  EXPECT_EQ(r.summary.tokens, 100u);
  EXPECT_GT(r.summary.mtld, 2.0);
  EXPECT_LT(r.summary.mtld, 4.0);
}

TEST(frequency, mtld_is_null_below_100_tokens) {
  freq_options o;
  o.stopwords = "none";
  // 79 distinct words and a repeat: on the old code MTLD extrapolated the partial factor to 1792.
  std::string text;
  for (int i = 0; i < 79; ++i) text += std::string("w") + char('a' + i / 26) + char('a' + i % 26) + " ";
  text += "waa ";
  freq_result r = count_text(text + ".", o);
  EXPECT_EQ(r.summary.tokens, 80u);
  EXPECT_TRUE(std::isnan(r.summary.mtld)) << r.summary.mtld;
  auto j =
      run_tool("freq", {"--summary", "--stopwords", "none", "--format", "json", temp_file("mtld80.txt", text + ".")});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_TRUE(nlohmann::json::parse(j.out)["summary"]["mtld"].is_null()) << j.out;
}

TEST(frequency, mtld_never_exceeds_the_token_count) {
  freq_options o;
  o.stopwords = "none";
  // 185 tokens of which the first 160 are distinct: the types never fall to the threshold, and
  // on the old code MTLD reported far more than the 185 tokens.
  for (int distinct : {120, 160, 185}) {
    std::string text;
    for (int i = 0; i < distinct; ++i) text += std::string("w") + char('a' + i / 26) + char('a' + i % 26) + " ";
    for (int i = distinct; i < 185; ++i) text += "waa ";
    freq_result r = count_text(text + ".", o);
    ASSERT_EQ(r.summary.tokens, 185u);
    EXPECT_FALSE(r.summary.mtld > 185.0) << distinct << ": " << r.summary.mtld;  // NaN when no factor ends
    if (distinct < 185) EXPECT_TRUE(std::isfinite(r.summary.mtld)) << distinct;
  }
}

TEST(frequency, summary_mattr_window_50) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += std::string("tok") + char('a' + i / 26) + char('a' + i % 26) + " ";
  for (int i = 0; i < 10; ++i) text += "tokaa ";
  freq_options o;
  o.stopwords = "none";
  freq_result r = count_text(text + ".", o);
  EXPECT_NEAR(r.summary.mattr, 505.0 / 550.0, 1e-12);
}

TEST(frequency, summary_zipf_exponent) {
  std::string text;
  const char* words[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta"};
  for (int r = 1; r <= 6; ++r)
    for (int k = 0; k < 60 / r; ++k) text += std::string(words[r - 1]) + " ";
  freq_result res = count_text(text + ".");
  EXPECT_NEAR(res.summary.zipf, 1.0, 1e-9);
  EXPECT_NEAR(res.summary.zipf_r2, 1.0, 1e-9);
  EXPECT_TRUE(std::isnan(count_text("alone.").summary.zipf));
}

// ---------------------------------------------------------------------------------------------
// Collocations

TEST(frequency, collocations_g2_and_pmi) {
  freq_options o;
  o.collocate = "red";
  o.window = 1;
  o.stopwords = "none";
  // 12 tokens; "red" twice, each with one neighbour on each side inside its sentence.
  freq_result r = count_text("Red army marches. The red army wins. Army men sing songs today.", o);
  EXPECT_EQ(r.node_count, 2u);
  const collocate_row* army = nullptr;
  for (const collocate_row& c : r.collocates)
    if (c.word == "army") army = &c;
  ASSERT_NE(army, nullptr);
  EXPECT_EQ(army->observed, 2u);
  EXPECT_EQ(army->frequency, 3u);
  const double n = 12, r1 = 3 /* window slots */, c1 = 3, o11 = 2;
  const double e11 = r1 * c1 / n;
  EXPECT_NEAR(army->expected, e11, 1e-12);
  EXPECT_NEAR(army->pmi, std::log2(o11 / e11), 1e-12);
  const double o12 = r1 - o11, o21 = c1 - o11, o22 = n - r1 - c1 + o11;
  auto term = [](double o, double e) { return o > 0 ? o * std::log(o / e) : 0.0; };
  double g2 = 2 * (term(o11, e11) + term(o12, r1 * (n - c1) / n) + term(o21, (n - r1) * c1 / n) +
                   term(o22, (n - r1) * (n - c1) / n));
  EXPECT_NEAR(army->g2, g2, 1e-9);
  EXPECT_EQ(r.collocates.front().word, "army");  // sorted by G²
  // "marches" is two words from the first "red": outside a window of 1.
  for (const collocate_row& c : r.collocates) EXPECT_NE(c.word, "marches");
}

// Adjacent nodes: their windows overlap, and the region is their union without the nodes.
TEST(frequency, collocates_counted_once_per_window_union) {
  freq_options o;
  o.collocate = "king";
  o.window = 2;
  o.stopwords = "none";
  // Sentence 1: king king of the king land  -> positions 0,1,4 are nodes; windows cover 0..5,
  // so the region is {of, the, land} (R1 3); "of" is near all three nodes but counts once.
  // Sentence 2: the land of the king        -> region {of, the} (R1 2).
  freq_result r = count_text("King king of the king land. The land of the king.", o);
  EXPECT_EQ(r.node_count, 4u);
  EXPECT_EQ(r.node_region, 5u);
  const double n = 11;
  std::map<std::string, const collocate_row*> rows;
  for (const collocate_row& c : r.collocates) {
    rows[c.word] = &c;
    EXPECT_LE(c.observed, c.frequency) << c.word;    // O11 <= C1
    EXPECT_LE(c.observed, r.node_region) << c.word;  // O11 <= R1
  }
  EXPECT_EQ(rows.count("king"), 0u);  // the node is not its own collocate
  ASSERT_EQ(rows.count("of"), 1u);
  EXPECT_EQ(rows["of"]->observed, 2u);
  EXPECT_EQ(rows["of"]->frequency, 2u);
  EXPECT_NEAR(rows["of"]->expected, 5.0 * 2.0 / n, 1e-12);  // E11 = R1 * C1 / N
  ASSERT_EQ(rows.count("the"), 1u);
  EXPECT_EQ(rows["the"]->observed, 2u);  // not the first "the" of sentence 2: 4 words from the king
  EXPECT_EQ(rows["the"]->frequency, 3u);
  ASSERT_EQ(rows.count("land"), 1u);
  EXPECT_EQ(rows["land"]->observed, 1u);  // the land of sentence 2 is 3 words from the king
}

// On a long text where nodes cluster, no collocate is observed more often than it occurs.
TEST(frequency, collocates_never_exceed_their_frequency) {
  freq_options o;
  o.collocate = "party";
  o.window = 5;
  freq_result r = count_text(long_text(400), o);
  ASSERT_FALSE(r.collocates.empty());
  for (const collocate_row& c : r.collocates) {
    EXPECT_LE(c.observed, c.frequency) << c.word;
    EXPECT_LE(c.observed, r.node_region) << c.word;
    EXPECT_TRUE(std::isfinite(c.g2)) << c.word;
  }
}

TEST(frequency, stem_node_is_stemmed_once) {
  freq_options o;
  o.form = word_form::stem;
  o.collocate = "agreed";  // Snowball: agreed -> agre, and agre -> agr
  freq_result r = count_text("They agreed to the terms. The delegates agreed at once.", o);
  EXPECT_EQ(r.collocate, "agre");
  EXPECT_EQ(r.node_count, 2u);
  EXPECT_FALSE(r.collocates.empty());
  o.collocate = "agre";  // a word given in stem form goes through the same transform
  r = count_text("They agreed to the terms.", o);
  EXPECT_EQ(r.collocate, "agr");
}

// The node is keyed like a token: "it's" is a word of its own in text (not "it" with a
// possessive), while "Stalin's" is Stalin's possessive and looks for "stalin".
TEST(frequency, collocation_node_is_keyed_like_a_token) {
  freq_options o;
  o.stopwords = "none";
  o.window = 1;
  o.collocate = "it's";
  freq_result r = count_text("It’s cold. It is late. It's dark now.", o);
  EXPECT_EQ(r.collocate, "it's");
  EXPECT_EQ(r.node_count, 2u);  // "It’s" and "It's", not the "It" of "It is"
  std::map<std::string, std::uint64_t> seen;
  for (const collocate_row& c : r.collocates) seen[c.word] = c.observed;
  EXPECT_EQ(seen.count("is"), 0u);
  EXPECT_EQ(seen["cold"], 1u);
  EXPECT_EQ(seen["dark"], 1u);

  o.collocate = "Stalin's";
  r = count_text("Stalin spoke. Stalin’s speech was long. Stalin's allies cheered.", o);
  EXPECT_EQ(r.collocate, "stalin");
  EXPECT_EQ(r.node_count, 3u);
  seen.clear();
  for (const collocate_row& c : r.collocates) seen[c.word] = c.observed;
  EXPECT_EQ(seen["spoke"], 1u);
  EXPECT_EQ(seen["speech"], 1u);
  EXPECT_EQ(seen["allies"], 1u);

  o.collocate = "two words";  // not one word: an error, not a node that never matches
  EXPECT_THROW(frequency_counter{o}, error);
}

// A number is a node like a word: counted with --numbers, and never met without it.
TEST(frequency, number_node) {
  freq_options o;
  o.stopwords = "none";
  o.window = 1;
  o.numbers = true;
  o.collocate = "1917";
  freq_result r = count_text("In 1917 the party won. The year 1917 ended.", o);
  EXPECT_EQ(r.collocate, "1917");
  EXPECT_EQ(r.node_count, 2u);
  std::map<std::string, std::uint64_t> seen;
  for (const collocate_row& c : r.collocates) seen[c.word] = c.observed;
  EXPECT_EQ(seen["in"], 1u);
  EXPECT_EQ(seen["ended"], 1u);
  o.numbers = false;
  r = count_text("In 1917 the party won.", o);
  EXPECT_EQ(r.collocate, "1917");
  EXPECT_EQ(r.node_count, 0u);
}

TEST(frequency, collocations_tool) {
  auto r = run_tool("freq", {"--collocations", "Stalin", "--format", "csv", data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("collocate,observed,expected,frequency,g2,pmi\r\n", 0), 0u) << r.out;
  auto j = run_tool("freq", {"--collocations", "stalin", "--format", "json", data_path("bukharin.txt")});
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["collocations"]["node"], "stalin");
  EXPECT_EQ(doc["collocations"]["node_count"], 8);
  EXPECT_FALSE(doc["collocations"]["rows"].empty());
}

// ---------------------------------------------------------------------------------------------
// Formats and files

TEST(frequency, json_shape_and_order) {
  auto r = run_tool("freq", {"--format", "json", data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"meta", "summary", "words"}));
  EXPECT_EQ(j["words"][0]["word"], "stalin");
  EXPECT_EQ(j["words"][0]["count"], 8);
  for (const char* k : {"per_1000", "percent", "rank", "sentences", "paragraphs"})
    EXPECT_TRUE(j["words"][0].contains(k)) << k;
  for (const char* k : {"tokens", "types", "ttr", "hapax", "mattr", "mtld", "zipf_exponent"})
    EXPECT_TRUE(j["summary"].contains(k)) << k;
  for (std::size_t i = 1; i < j["words"].size(); ++i) {
    auto a = j["words"][i - 1], b = j["words"][i];
    EXPECT_TRUE(a["count"] > b["count"] || (a["count"] == b["count"] && a["word"] < b["word"]));
  }
}

TEST(frequency, output_is_deterministic) {
  auto a = run_tool("freq", {"--format", "json", "--lemma", data_path("bukharin.txt")});
  auto b = run_tool("freq", {"--format", "json", "--lemma", data_path("bukharin.txt")});
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.exit_code, 0) << a.err;
}

TEST(frequency, csv_quotes_headers_per_file_columns) {
  std::string f1 = temp_file("a,1.txt", "War and peace. War.");
  std::string f2 = temp_file("b.txt", "Peace now.");
  auto r = run_tool("freq", {"--format", "csv", f1, f2});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("word,\"" + f1 + "\"," + f2 + ",count,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\r\npeace,1,1,2,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\r\nwar,2,0,2,"), std::string::npos) << r.out;
  auto c = run_tool("freq", {"--format", "tsv", "--combine", f1, f2});
  EXPECT_EQ(c.out.rfind("word\tcount\t", 0), 0u) << c.out;
  EXPECT_NE(c.out.find("\npeace\t2\t"), std::string::npos) << c.out;
}

TEST(frequency, relative_frequency_is_per_running_word) {
  // 10 running words, 5 of them default stopwords (the, of, the, and, again).
  freq_result r = count_text("The war of the peasants and war again, war today.");
  EXPECT_EQ(r.summary.running_words, 10u);
  EXPECT_EQ(r.summary.tokens, 5u);
  const word_row* w = find_row(r, "war");
  ASSERT_NE(w, nullptr);
  EXPECT_DOUBLE_EQ(w->per_1000, 1000.0 * 3 / 10);
  EXPECT_DOUBLE_EQ(w->percent, 100.0 * 3 / 10);
  // min_length filters rows, not the base.
  freq_options o;
  o.min_length = 4;
  r = count_text("The war of the peasants and war again, war today.", o);
  EXPECT_EQ(r.summary.running_words, 10u);
  EXPECT_DOUBLE_EQ(find_row(r, "peasants")->per_1000, 100.0);
  auto j = run_tool("freq", {"--summary", "--format", "json", data_path("bukharin.txt")});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_GT(doc["summary"]["running_words"].get<std::uint64_t>(), doc["summary"]["tokens"].get<std::uint64_t>());
  EXPECT_EQ(doc["summary"]["relative_frequency_base"], "running_words");
}

TEST(frequency, forms_of_address_are_stopwords) {
  std::string letter =
      "Dear Mr. Smith,\n\nMr. Jones and Mrs. Jones called on Dr. Brown. Mr. Brown wrote to Col. White and "
      "Gen. Black. Mr Green met Mr. Grey at St. Paul's; Messrs. Black and White thanked Sir John. Mr. Smith "
      "answered Mr. Jones.\n";
  freq_result r = count_text(letter);
  for (const char* w : {"mr.", "mr", "mrs.", "dr.", "col.", "gen.", "st.", "messrs.", "sir"})
    EXPECT_EQ(find_row(r, w), nullptr) << w;
  EXPECT_NE(find_row(r, "jones"), nullptr);
  EXPECT_EQ(r.words.front().word, "jones");
}

TEST(frequency, add_stopwords_join_the_chosen_list) {
  std::string extra = temp_file("extra_stop.txt", "# names\nStalin\nparty\n");
  freq_options o;
  o.add_stopwords = {extra};
  freq_result r = count_text("The party of Stalin and the congress.", o);
  EXPECT_EQ(find_row(r, "stalin"), nullptr);
  EXPECT_EQ(find_row(r, "party"), nullptr);
  EXPECT_EQ(find_row(r, "the"), nullptr);  // still the default list
  EXPECT_NE(find_row(r, "congress"), nullptr);
  o.stopwords = "none";
  r = count_text("The party of Stalin and the congress.", o);
  EXPECT_EQ(find_row(r, "stalin"), nullptr);
  EXPECT_NE(find_row(r, "the"), nullptr);  // "none" replaced the list; the file still adds
  o.add_stopwords = {"/nonexistent/extra.txt"};
  EXPECT_THROW(frequency_counter{o}, error);
}

TEST(stopwords, add_from_stream_merges) {
  stopword_list s = stopword_list::from_spec("none");
  std::istringstream a("war\n# comment\nPeace  \n");
  s.add_from_stream(a, "a");
  std::istringstream b("it’s\nwar\n");
  s.add_from_stream(b, "b");
  EXPECT_EQ(s.size(), 3u);
  EXPECT_TRUE(s.contains("war"));
  EXPECT_TRUE(s.contains("peace"));
  EXPECT_TRUE(s.contains("it's"));
  stopword_list e = stopword_list::english();
  const std::size_t before = e.size();
  e.add_file(temp_file("add_one.txt", "stalin\nthe\n"));
  EXPECT_EQ(e.size(), before + 1);
  EXPECT_TRUE(e.contains("stalin"));
  EXPECT_THROW(e.add_file("/nonexistent/list.txt"), error);
  EXPECT_EQ(e.size(), before + 1);
}

TEST(frequency, summary_keeps_the_collocations) {
  freq_options o;
  o.collocate = "red";
  o.window = 1;
  o.stopwords = "none";
  freq_result r = count_text("Red army marches. The red army wins. Army men sing songs today.", o);
  std::ostringstream json_out, tsv_out;
  write_freq_summary(json_out, r, o, format::json, run_meta{"test", {}, {}});
  auto doc = nlohmann::json::parse(json_out.str());
  EXPECT_EQ(doc["summary"]["tokens"], 12);
  EXPECT_EQ(doc["collocations"]["node"], "red");
  EXPECT_EQ(doc["collocations"]["rows"][0]["word"], "army");
  EXPECT_FALSE(doc.contains("words"));
  write_freq_summary(tsv_out, r, o, format::tsv, run_meta{"test", {}, {}});
  const std::string t = tsv_out.str();
  EXPECT_EQ(t.rfind("statistic\tvalue\ntokens\t12\n", 0), 0u) << t;
  EXPECT_NE(t.find("\n\ncollocate\tobserved\texpected\tfrequency\tg2\tpmi\narmy\t2\t"), std::string::npos) << t;
  auto tool =
      run_tool("freq", {"--summary", "--collocations", "stalin", "--format", "json", data_path("bukharin.txt")});
  ASSERT_EQ(tool.exit_code, 0) << tool.err;
  EXPECT_EQ(nlohmann::json::parse(tool.out)["collocations"]["node_count"], 8);
  // Without a node the summary is as before.
  freq_options plain;
  plain.stopwords = "none";
  std::ostringstream p;
  write_freq_summary(p, count_text("Red army.", plain), plain, format::tsv, run_meta{"test", {}, {}});
  EXPECT_EQ(p.str().find("collocate"), std::string::npos);
}

TEST(frequency, summary_table_and_output_file) {
  std::string out = histext::test::temp_dir() + "/freq.tsv";
  auto r = run_tool("freq", {"--summary", "--format", "tsv", "-o", out, data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::string s = histext::test::read_file(out);
  EXPECT_EQ(s.rfind("statistic\tvalue\ntokens\t", 0), 0u) << s;
  EXPECT_NE(s.find("\nmtld\t"), std::string::npos);
}

TEST(frequency, tool_errors_and_usage) {
  auto missing = run_tool("freq", {"/nonexistent/file.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err.rfind("histext-freq: /nonexistent/file.txt", 0), 0u) << missing.err;
  EXPECT_EQ(run_tool("freq", {"--ngrams", "9", data_path("bukharin.txt")}).exit_code, 2);
  EXPECT_EQ(run_tool("freq", {"--lemma", "--stem", data_path("bukharin.txt")}).exit_code, 2);
  auto partial = run_tool("freq", {data_path("bukharin.txt"), "/nonexistent/file.txt"});
  EXPECT_EQ(partial.exit_code, 1);
  EXPECT_NE(partial.out.find("stalin"), std::string::npos);
  auto help = run_tool("freq", {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Example:"), std::string::npos);
}

TEST(frequency, stdin_input) {
  auto r = run_tool("freq", {"--format", "tsv"}, "Siege of Leningrad. Leningrad held.");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nleningrad\t2\t"), std::string::npos) << r.out;
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs

TEST(frequency, empty_input) {
  freq_result r = count_text("");
  EXPECT_TRUE(r.words.empty());
  EXPECT_EQ(r.summary.tokens, 0u);
  EXPECT_TRUE(std::isnan(r.summary.ttr));
  auto t = run_tool("freq", {"--format", "json"}, "");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  auto j = nlohmann::json::parse(t.out);
  EXPECT_TRUE(j["words"].empty());
  EXPECT_TRUE(j["summary"]["ttr"].is_null());
  auto c = run_tool("freq", {"--format", "csv", "--summary"}, "");
  EXPECT_NE(c.out.find("\r\nttr,\r\n"), std::string::npos) << c.out;
}

TEST(frequency, only_stopwords) {
  freq_result r = count_text("The and of it. Was it not so?");
  EXPECT_TRUE(r.words.empty());
  EXPECT_EQ(r.summary.tokens, 0u);
  EXPECT_EQ(r.summary.sentences, 2u);
  auto t = run_tool("freq", {"--format", "json"}, "The and of it. Was it not so?");
  EXPECT_EQ(t.exit_code, 0);
  EXPECT_TRUE(nlohmann::json::parse(t.out)["summary"]["mtld"].is_null());
}

TEST(frequency, word_of_100000_letters) {
  std::string w(100000, 'a');
  freq_options o;
  o.chunk_bytes = 4096;  // the word is longer than four chunks
  freq_result r = count_text("Before. " + w + " after.", o);
  ASSERT_FALSE(r.words.empty());
  EXPECT_EQ(r.words.front().count, 1u);
  std::size_t total = 0;
  for (const word_row& row : r.words) total += row.word.size();
  EXPECT_GE(total, 100000u);
  auto t = run_tool("freq", {"--format", "tsv", "--min-length", "50000"}, w + "\n");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find(w + "\t1\t"), std::string::npos);
}

TEST(frequency, invalid_utf8_and_nul_are_errors) {
  freq_options o;
  o.chunk_bytes = 64;
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Line of words number " + std::to_string(i) + ".\n\n";
  EXPECT_THROW(count_text(text + "bad \xC3\x28 byte\n", o), error);
  try {
    count_text(text + "bad \xC3\x28 byte\n", o);
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("line 41, column 5"), std::string::npos) << e.what();
  }
  EXPECT_THROW(count_text(std::string("nul\0byte", 8)), error);
}

TEST(frequency, utf16_input_with_bom) {
  std::string u16 = "\xFF\xFE";
  for (char c : std::string("War and war.")) {
    u16 += c;
    u16 += '\0';
  }
  EXPECT_EQ(find_row(count_text(u16), "war")->count, 2u);
}

// ---------------------------------------------------------------------------------------------
// Streaming and threads

TEST(frequency, chunks_cut_at_blank_lines_keep_blocks) {
  std::string text = long_text(600);
  std::istringstream in(text);
  chunk_reader reader(in, "<t>", 1024);
  text_chunk c;
  std::size_t chunks = 0, blocks = 0;
  std::vector<block> whole = split_blocks(text);
  while (reader.next(c)) {
    ++chunks;
    for (const block& b : c.blocks) {
      ASSERT_LT(blocks, whole.size());
      const block& w = whole[blocks++];
      EXPECT_EQ(c.base + b.begin, w.begin);
      EXPECT_EQ(c.base + b.end, w.end);
      EXPECT_EQ(b.index, w.index);
      EXPECT_EQ(b.kind, w.kind);
      EXPECT_EQ(b.paragraph, w.paragraph);
    }
  }
  EXPECT_GE(chunks, 100u);
  EXPECT_EQ(blocks, whole.size());
  EXPECT_EQ(reader.info().size, text.size());
  EXPECT_EQ(reader.info().sha256, sha256_hex(text));
}

TEST(frequency, checksum_only_when_asked) {
  const std::string text = "Stalin spoke.\n\nBukharin listened.\n";
  for (bool checksum : {true, false}) {
    freq_options o;
    o.checksum = checksum;
    frequency_counter counter(o);
    std::istringstream in(text);
    input_info info = counter.add_stream(in, "<t>");
    EXPECT_EQ(info.size, text.size());
    EXPECT_EQ(info.sha256, checksum ? sha256_hex(text) : std::string()) << checksum;
    EXPECT_EQ(counter.result().summary.tokens, 4u);  // counts do not depend on it
  }
  // A UTF-16 input (read whole, as a document) follows the option too.
  const std::string utf16(
      "\xFF\xFE"
      "S\0t\0a\0l\0i\0n\0.\0\n\0",
      18);
  for (bool checksum : {true, false}) {
    freq_options o;
    o.checksum = checksum;
    frequency_counter counter(o);
    std::istringstream in(utf16);
    EXPECT_EQ(counter.add_stream(in, "<t>").sha256, checksum ? sha256_hex(utf16) : std::string()) << checksum;
  }
}

TEST(frequency, threads_give_byte_identical_output) {
  std::string text = long_text(600);
  {
    std::istringstream in(text);
    chunk_reader reader(in, "<t>", 1024);
    text_chunk c;
    std::size_t chunks = 0;
    while (reader.next(c)) ++chunks;
    ASSERT_GE(chunks, 100u);
  }
  freq_options o;
  o.chunk_bytes = 1024;
  o.threads = 1;
  o.collocate = "party";
  freq_result one = count_text(text, o);
  std::string expected = written(one, o, format::json) + written(one, o, format::csv);
  std::ostringstream summary;
  write_freq_summary(summary, one, o, format::json, run_meta{});
  for (unsigned threads : {2u, 4u, 7u}) {
    o.threads = threads;
    freq_result many = count_text(text, o);
    EXPECT_EQ(written(many, o, format::json) + written(many, o, format::csv), expected) << threads;
    std::ostringstream s;
    write_freq_summary(s, many, o, format::json, run_meta{});
    EXPECT_EQ(s.str(), summary.str());
  }
  // The same counts as one big chunk, and as the whole document.
  o.threads = 1;
  o.chunk_bytes = std::size_t(1) << 24;
  EXPECT_EQ(written(count_text(text, o), o, format::json), written(one, o, format::json));
  EXPECT_EQ(written(count_words(document::from_bytes(text), o), o, format::json), written(one, o, format::json));
}

// A chunk of 15 bytes or fewer keeps its bytes inside the string object: moving the chunk to a
// worker must keep its view valid (with 2 threads "Zebra" once came out as "ebra").
TEST(frequency, short_chunks_survive_the_move_to_a_worker) {
  // The first chunk is exactly chunk_bytes (64) long, so the last one is "Zebra quagga.\n".
  std::string para = "Stalin spoke.";
  while (para.size() < 62) para += " Lenin listened.";
  para.resize(62);
  std::string text = para + "\n\nZebra quagga.\n";
  {
    std::istringstream in(text);
    chunk_reader reader(in, "<t>", 64);
    text_chunk c;
    std::vector<std::string> chunks;
    while (reader.next(c)) chunks.emplace_back(c.text);
    ASSERT_EQ(chunks.size(), 2u);
    ASSERT_EQ(chunks.back(), "Zebra quagga.\n");
  }
  freq_options o;
  o.chunk_bytes = 64;
  o.threads = 1;
  const std::string expected = written(count_text(text, o), o, format::json);
  ASSERT_NE(expected.find("\"zebra\""), std::string::npos);
  for (unsigned threads : {2u, 3u}) {
    o.threads = threads;
    EXPECT_EQ(written(count_text(text, o), o, format::json), expected) << threads;
  }
  for (const char* tiny : {"Zebra quagga.\n", "Zebra.\n\nQuagga.\n\nOkapi.\n"}) {
    o.threads = 2;
    freq_result r = count_text(tiny, o);
    EXPECT_NE(find_row(r, "zebra"), nullptr) << tiny;
  }
}

TEST(frequency, chunk_move_repoints_its_view) {
  text_chunk a;
  a.owned = "Zebra quagga.";  // short: stored inside the string object
  a.text = std::string_view(a.owned).substr(6);
  text_chunk b(std::move(a));
  EXPECT_EQ(b.text, "quagga.");
  EXPECT_EQ(b.text.data(), b.owned.data() + 6);
  text_chunk c;
  c = std::move(b);
  EXPECT_EQ(c.text, "quagga.");
  EXPECT_EQ(c.text.data(), c.owned.data() + 6);
  const std::string elsewhere = "a document's text";  // a view not into `owned` stays as it is
  text_chunk d;
  d.text = elsewhere;
  text_chunk e(std::move(d));
  EXPECT_EQ(e.text.data(), elsewhere.data());
}

// One line without a space, read in tiny chunks: the reader must not scan the whole word again
// after every read (that was quadratic: 67 s for a 200 MB line). Linear, this takes well under a
// second; the bound only catches the quadratic case (minutes here).
TEST(frequency, long_line_without_spaces_is_linear) {
  const std::string word(std::size_t(1) << 21, 'a');
  freq_options o;
  o.chunk_bytes = 64;
  o.stopwords = "none";
  const auto start = std::chrono::steady_clock::now();
  freq_result r = count_text("Start here.\n\n" + word + " end\n", o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_NE(find_row(r, word), nullptr);
  EXPECT_EQ(find_row(r, word)->count, 1u);
  EXPECT_EQ(find_row(r, "end")->count, 1u);
  EXPECT_EQ(r.summary.running_words, 4u);
  EXPECT_LT(seconds, 20.0);
}

TEST(frequency, endless_paragraph_is_cut_at_sentence_ends) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Stalin spoke to the party congress again. ";
  freq_options o;
  o.chunk_bytes = 2048;
  o.threads = 3;
  freq_result r = count_text(text, o);
  EXPECT_EQ(find_row(r, "stalin")->count, 2000u);
  EXPECT_EQ(find_row(r, "stalin")->paragraphs, 1u);
  EXPECT_EQ(r.summary.paragraphs, 1u);
  EXPECT_EQ(r.summary.sentences, 2000u);
}

TEST(frequency, tool_threads_flag) {
  std::string file = temp_file("long.txt", long_text(300));
  auto a = run_tool("freq", {"--threads", "1", "--format", "json", file});
  auto b = run_tool("freq", {"--threads", "4", "--format", "json", file});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST(frequency, collocations_on_lemmas) {
  freq_options o;
  o.form = word_form::lemma;
  o.collocate = "programmes";
  freq_result r = count_text("The programme failed. Programmes of the party failed.", o);
  EXPECT_EQ(r.collocate, "programme");
  EXPECT_EQ(r.node_count, 2u);
  ASSERT_FALSE(r.collocates.empty());
  bool fail = false;
  for (const collocate_row& c : r.collocates) fail |= c.word == "fail" && c.observed == 2;
  EXPECT_TRUE(fail);
}

TEST(frequency, streaming_sha256_matches_one_shot) {
  EXPECT_EQ(sha256_state().hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  std::string bytes;
  unsigned x = 7;
  for (std::size_t n : {0u, 1u, 3u, 55u, 56u, 63u, 64u, 65u, 119u, 120u, 1000u, 100000u}) {
    bytes.resize(n);
    for (char& c : bytes) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    sha256_state s;
    for (std::size_t i = 0; i < n; i += 37) s.update(std::string_view(bytes).substr(i, 37));
    EXPECT_EQ(s.hex(), sha256_hex(bytes)) << n;
  }
  sha256_state abc;
  abc.update("abc");
  EXPECT_EQ(abc.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// The per-token look-up packs words of up to 16 bytes into integers and keeps longer ones as
// strings: words of every length, and pairs that differ in a single byte anywhere, stay apart.
TEST(frequency, words_of_every_length_differing_in_one_byte) {
  std::string text;
  std::map<std::string, std::uint64_t> expected;
  for (std::size_t n = 1; n <= 40; ++n) {
    std::string base(n, 'q');
    for (std::size_t pos = 0; pos < n; ++pos) {
      std::string w = base;
      w[pos] = 'z';
      text += w + " " + w + " ";  // each variant twice
      expected[w] += 2;
    }
    text += base + " ";
    expected[base] += 1;
  }
  text += "caf\xC3\xA9 caf\xC3\xA9 cafe";  // a multi-byte letter at the end of a short word
  expected["caf\xC3\xA9"] = 2;
  expected["cafe"] = 1;
  freq_options o;
  o.stopwords = "none";
  freq_result r = count_text(text, o);
  ASSERT_EQ(r.words.size(), expected.size());
  for (const auto& [w, n] : expected) {
    const word_row* row = find_row(r, w);
    ASSERT_NE(row, nullptr) << w;
    EXPECT_EQ(row->count, n) << w;
  }
}

// Several inputs in one counter: the reused single-thread worker and fresh thread workers number
// each input's keys anew, so every input's column equals counting it alone, and the pooled row
// (64-bit sums) equals the sum of the columns, whatever the threads, chunks and word form.
TEST(frequency, several_inputs_match_separate_counts) {
  const std::string inputs[] = {long_text(120), "Stalin and the party.\n\nThe party, the party!\n", long_text(90)};
  for (word_form form : {word_form::norm, word_form::stem}) {
    for (unsigned threads : {1u, 3u}) {
      freq_options o;
      o.form = form;
      o.threads = threads;
      o.chunk_bytes = 512;
      frequency_counter together(o);
      for (const std::string& text : inputs) {
        std::istringstream in(text);
        together.add_stream(in, "<input>");
      }
      freq_result all = together.result();
      ASSERT_EQ(all.inputs.size(), 3u);
      for (std::size_t k = 0; k < 3; ++k) {
        freq_result alone = count_text(inputs[k], o);
        std::uint64_t words_here = 0;
        for (const word_row& row : all.words) {
          ASSERT_EQ(row.per_input.size(), 3u);
          words_here += row.per_input[k];
          const word_row* single = find_row(alone, row.word);
          EXPECT_EQ(row.per_input[k], single ? single->count : 0) << row.word << " input " << k;
        }
        EXPECT_EQ(words_here, alone.summary.tokens);
      }
      for (const word_row& row : all.words)
        EXPECT_EQ(row.count, row.per_input[0] + row.per_input[1] + row.per_input[2]) << row.word;
    }
  }
}

// --combine pools counts, not running texts: MATTR and MTLD of the pool would be measured across
// the seams between inputs (and a merge of shards, which has no running text, could not give
// them), so the pooled summary leaves them null with the reason; each input keeps its own. The
// column layout (no --combine) still measures its pooled "all" column over the inputs in order.
TEST(frequency, combine_leaves_pooled_mattr_mtld_null) {
  const std::string a = temp_file("a.txt", long_text(150)), b = temp_file("b.txt", long_text(120));
  auto r = run_tool("freq", {"--combine", "--summary", "--format", "json", a, b});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["summary"]["mattr"].is_null());
  EXPECT_TRUE(j["summary"]["mtld"].is_null());
  EXPECT_NE(j["summary"]["null_reason"].get<std::string>().find("one running text"), std::string::npos);
  EXPECT_TRUE(j["summary"]["ttr"].is_number());
  for (const auto& input : j["inputs"]) {
    EXPECT_TRUE(input["summary"]["mattr"].is_number());
    EXPECT_TRUE(input["summary"]["mtld"].is_number());
    EXPECT_FALSE(input["summary"].contains("null_reason"));
  }
  const auto columns = nlohmann::json::parse(run_tool("freq", {"--summary", "--format", "json", a, b}).out);
  EXPECT_TRUE(columns["summary"]["mtld"].is_number());
  EXPECT_FALSE(columns["summary"].contains("null_reason"));
}
