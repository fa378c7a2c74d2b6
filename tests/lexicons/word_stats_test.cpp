// Corpus word statistics: the reader of data/word_stats.tsv and what the shipped table says.
#include "lexicons/word_stats.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>

#include "histext/error.hpp"
#include "lexicons/data_list.hpp"
#include "test_util.hpp"

namespace histext::lexicons {
namespace {

TEST(word_stats, parses_a_small_file) {
  const std::string path = test::temp_file("word_stats.tsv",
                                           "# a comment\n"
                                           "# key\tcount\tmid_cap\tcluster\n"
                                           "and\t900\t3\t0\n"
                                           "london\t40\t998\t17\n"
                                           "zouave\t3\t-\t-\r\n"
                                           "\xc3\xa6on\t7\t12\t255\n");
  const word_stats s = word_stats::load(path);
  ASSERT_EQ(s.size(), 4u);
  const word_stat* london = s.find("london");
  ASSERT_NE(london, nullptr);
  EXPECT_EQ(london->count, 40u);
  EXPECT_EQ(london->mid_cap, 998);
  EXPECT_EQ(london->cluster, 17);
  const word_stat* zouave = s.find("zouave");
  ASSERT_NE(zouave, nullptr);
  EXPECT_EQ(zouave->count, 3u);
  EXPECT_EQ(zouave->mid_cap, -1);
  EXPECT_EQ(zouave->cluster, -1);
  ASSERT_NE(s.find("and"), nullptr);
  ASSERT_NE(s.find("\xc3\xa6on"), nullptr);
  EXPECT_EQ(s.find("\xc3\xa6on")->cluster, 255);
  EXPECT_EQ(s.find("paris"), nullptr);
  EXPECT_EQ(s.find(""), nullptr);
  EXPECT_EQ(s.find("londo"), nullptr);
  EXPECT_EQ(s.find("londonx"), nullptr);
}

TEST(word_stats, rejects_malformed_files) {
  const char* const bad[] = {
      "and\t900\t3\n",             // three fields
      "and\tmany\t3\t0\n",         // count not a number
      "and\t0\t3\t0\n",            // count 0
      "and\t900\t1001\t0\n",       // mid_cap out of range
      "and\t900\t3\t256\n",        // cluster out of range
      "and\t900\t3\t-1\n",         // negative cluster
      "and\t900\t3x\t0\n",         // trailing garbage
      "b\t1\t-\t-\na\t1\t-\t-\n",  // out of order
      "a\t1\t-\t-\na\t1\t-\t-\n",  // repeated
  };
  for (const char* text : bad) {
    const std::string path = test::temp_file("bad_word_stats.tsv", text);
    try {
      (void)word_stats::load(path);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const error& e) {
      EXPECT_NE(std::string(e.what()).find("bad_word_stats.tsv: line "), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW((void)word_stats::load(test::temp_dir() + "/missing.tsv"), error);
}

TEST(word_stats, shipped_table_is_sensible) {
  const auto t0 = std::chrono::steady_clock::now();
  const word_stats s = word_stats::load(test::data_path("word_stats.tsv"));
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "word_stats.tsv: " << s.size() << " keys loaded in " << ms << " ms\n";
  EXPECT_GT(s.size(), 20000u);

  const word_stat* the = s.find("the");
  ASSERT_NE(the, nullptr);
  EXPECT_GT(the->count, 100000u);
  EXPECT_GE(the->mid_cap, 0);
  EXPECT_LT(the->mid_cap, 100);  // mostly lower case in mid-sentence
  EXPECT_GE(the->cluster, 0);

  for (const char* place : {"london", "england", "france", "paris"}) {
    const word_stat* w = s.find(place);
    ASSERT_NE(w, nullptr) << place;
    EXPECT_GT(w->mid_cap, 900) << place;
    EXPECT_GE(w->cluster, 0) << place;
    EXPECT_LE(w->cluster, 255) << place;
  }
  // Words that are mostly names elsewhere but common nouns here stay low.
  ASSERT_NE(s.find("house"), nullptr);
  EXPECT_LT(s.find("house")->mid_cap, 300);
  EXPECT_EQ(s.find("no such word at all"), nullptr);

  std::size_t clustered = 0;
  for (const char* w : {"the", "of", "and", "london", "england", "france", "king", "house"})
    if (const word_stat* x = s.find(w); x && x->cluster >= 0 && x->cluster <= 255) ++clustered;
  EXPECT_EQ(clustered, 8u);
}

TEST(word_stats, instance_is_loaded_once) {
  const word_stats& a = word_stats::instance();
  const word_stats& b = word_stats::instance();
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(a.size(), word_stats::load(test::data_path("word_stats.tsv")).size());
}

TEST(word_stats, binary_table_agrees_with_the_tsv_on_every_key) {
  // The staged word_stats.bin answers through its hash table; the parsed TSV by binary search.
  // Every key gets the same statistics, and keys the table does not hold are absent from both.
  const word_stats& bin = word_stats::instance();
  const word_stats tsv = word_stats::load(test::data_path("word_stats.tsv"));
  std::size_t checked = 0;
  for_each_data_line_at(test::data_path("word_stats.tsv"), [&](std::string_view line, std::size_t) {
    const std::string key(line.substr(0, line.find('\t')));
    const word_stat* a = bin.find(key);
    const word_stat* b = tsv.find(key);
    ASSERT_TRUE(a && b) << key;
    EXPECT_EQ(a->count, b->count) << key;
    EXPECT_EQ(a->mid_cap, b->mid_cap) << key;
    EXPECT_EQ(a->cluster, b->cluster) << key;
    EXPECT_EQ(a, bin.search(key)) << key;
    for (const std::string& other : {key + "q", key.substr(0, key.size() / 2), "q" + key})
      EXPECT_EQ(bin.find(other) != nullptr, tsv.find(other) != nullptr) << other;
    ++checked;
  });
  EXPECT_EQ(checked, tsv.size());
}

}  // namespace
}  // namespace histext::lexicons
