// Tests for the name lexicon (generated from WordNet) and the curated category lists.
#include "histext/names.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "histext/error.hpp"
#include "test_util.hpp"

namespace histext {
namespace {

TEST(names, lexicon_knows_wordnet_instances) {
  const name_lexicon& lex = name_lexicon::instance();
  EXPECT_GT(lex.size(), 100000u);
  EXPECT_EQ(lex.find("germany").proper(), 'l');
  EXPECT_EQ(lex.find("stalin").proper(), 'p');
  EXPECT_THAT(std::string(lex.find("stalin").evidence), ::testing::StartsWith("instance of"));
  EXPECT_FALSE(lex.find("no such name at all").found());
  EXPECT_TRUE(lex.in(name_list::title, "general"));
  EXPECT_TRUE(lex.in(name_list::org_head, "party"));
  EXPECT_TRUE(lex.in(name_list::function_word, "before"));
}

TEST(names, look_ups_agree_before_and_after_the_memo_grows) {
  // find() answers from a per-thread memo that starts small, doubles and drops what it held: the
  // same key gives the same entry whatever was asked in between, known or unknown, long or short.
  const name_lexicon& lex = name_lexicon::instance();
  const std::vector<std::string> probe = {
      "stalin", "moscow", "bolshevik", "the", "qzxv", "london", "a-key-longer-than-any-slot-of-the-memo-holds",
      "jules"};
  std::vector<std::pair<std::string, std::string>> first;
  for (const std::string& k : probe) first.emplace_back(lex.find(k).codes, lex.find(k).evidence);
  for (int i = 0; i < 40000; ++i) lex.find("w" + std::to_string(i));  // misses: the memo grows
  for (std::size_t k = 0; k < probe.size(); ++k) {
    const name_entry e = lex.find(probe[k]);
    EXPECT_EQ(std::string(e.codes), first[k].first) << probe[k];
    EXPECT_EQ(std::string(e.evidence), first[k].second) << probe[k];
  }
  EXPECT_TRUE(lex.find("stalin").found());
  EXPECT_FALSE(lex.find("qzxv").found());
}

TEST(names, parse_line_rejects_malformed) {
  std::string_view key;
  name_entry e;
  parse_name_line("paris\tl\tinstance of national capital", key, e);
  EXPECT_EQ(key, "paris");
  EXPECT_EQ(e.codes, "l");
  EXPECT_EQ(e.evidence, "instance of national capital");
  EXPECT_THROW(parse_name_line("no tab here", key, e), error);
  EXPECT_THROW(parse_name_line("\tl", key, e), error);
  EXPECT_THROW(parse_name_line("key\t", key, e), error);
}

TEST(names, generated_lexicon_is_sorted_and_well_formed) {
  std::ifstream in(std::string(HISTEXT_STAGE_DATA_DIR) + "/names.tsv");
  ASSERT_TRUE(in);
  std::string line, prev;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    std::string_view key;
    name_entry e;
    ASSERT_NO_THROW(parse_name_line(line, key, e)) << line;
    std::string k(key);
    EXPECT_LT(prev, k) << "not sorted at line " << n + 1;
    prev = k;
    ++n;
  }
  EXPECT_GT(n, 100000u);
}

TEST(names, generator_is_deterministic) {
  // Regenerating the lexicon and its index from WordNet gives the staged files byte for byte.
  const std::string gen = std::string(HISTEXT_BUILD_DIR) + "/data/histext_gen_names";
  const std::string out = test::temp_dir() + "/names.tsv", index = test::temp_dir() + "/names.idx";
  if (!std::ifstream(gen)) GTEST_SKIP() << "generator not built: " << gen;
  ASSERT_EQ(std::system((gen + " /usr/share/wordnet " + out + " " + index).c_str()), 0);
  EXPECT_EQ(test::read_file(out), test::read_file(std::string(HISTEXT_STAGE_DATA_DIR) + "/names.tsv"));
  EXPECT_EQ(test::read_file(index), test::read_file(std::string(HISTEXT_STAGE_DATA_DIR) + "/names.idx"));
}

TEST(names, codes_and_evidence) {
  const name_lexicon& lex = name_lexicon::instance();
  name_entry trot = lex.find("trotskyite");
  EXPECT_EQ(trot.proper(), 'P');  // a kind of person: its plural is a group
  EXPECT_THAT(std::string(trot.evidence), ::testing::StartsWith("a kind of"));
  name_entry before = lex.find("before");
  EXPECT_FALSE(before.proper());
  EXPECT_TRUE(before.common());
  EXPECT_TRUE(lex.find("europe").has('l'));  // noun.object counts as a place
  EXPECT_EQ(lex.find("-sky").codes, "S");    // suffix statistics
  EXPECT_TRUE(lex.find("john").has('p'));
}

TEST(names, missing_lexicon_throws) {
  // A fresh process (threadsafe death test) so that the lexicon is not loaded yet.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string dir = test::temp_dir();
  EXPECT_EXIT(
      {
        setenv("HISTEXT_DATA_DIR", dir.c_str(), 1);
        try {
          (void)name_lexicon::instance();
        } catch (const error& e) {
          std::exit(std::string(e.what()).find("names.tsv") != std::string::npos ? 3 : 4);
        }
        std::exit(0);
      },
      ::testing::ExitedWithCode(3), "");
}

TEST(names, malformed_lexicon_throws) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::string dir = test::temp_dir();
  std::ofstream(dir + "/names.tsv") << "no tab on this line\n";
  EXPECT_EXIT(
      {
        setenv("HISTEXT_DATA_DIR", dir.c_str(), 1);
        try {
          (void)name_lexicon::instance();
        } catch (const error& e) {
          std::exit(std::string(e.what()).find("malformed") != std::string::npos ? 3 : 4);
        }
        std::exit(0);
      },
      ::testing::ExitedWithCode(3), "");
}

}  // namespace
}  // namespace histext
