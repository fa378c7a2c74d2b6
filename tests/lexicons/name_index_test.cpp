// Tests for the name lexicon's page index (lexicons/name_index.hpp): every key found, every other
// key absent, and an index that does not fit its file is refused rather than trusted.
#include "lexicons/name_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace histext {
namespace {

using name_index::result;

std::vector<std::string> keys_of(const std::string& tsv) {
  std::vector<std::string> keys;
  for (std::size_t b = 0; b < tsv.size();) {
    std::size_t e = tsv.find('\n', b);
    if (e == std::string::npos) e = tsv.size();
    const std::string line = tsv.substr(b, e - b);
    keys.push_back(line.substr(0, line.find('\t')));
    b = e + 1;
  }
  return keys;
}

// Every key is found on its own line; each probe that is not a key is absent.
void expect_index_answers(const std::string& index, const std::string& tsv, const std::vector<std::string>& probes) {
  const std::vector<std::string> keys = keys_of(tsv);
  const std::set<std::string> known(keys.begin(), keys.end());
  for (const std::string& k : keys) {
    const result r = name_index::find(index, tsv, k);
    ASSERT_EQ(r.what, result::found) << k;
    EXPECT_EQ(std::string(r.line.substr(0, r.line.find('\t'))), k);
  }
  for (const std::string& p : probes) {
    const result r = name_index::find(index, tsv, p);
    EXPECT_EQ(r.what, known.count(p) ? result::found : result::absent) << p;
  }
}

// Sorted by bytes, as names.tsv is (a space sorts before a letter).
const std::string small_tsv =
    "aachen\tl\n"
    "abraham\tp\tinstance of patriarch\n"
    "abraham lincoln\tp\n"
    "abrahamic religion\tn\n"
    "international court\to\n"
    "internationale\tw\n"
    "internationalism\tn\n"
    "zurich\tl\n";

TEST(name_index, finds_every_key_and_no_other_in_small_blocks) {
  // Blocks from one line to the whole file; keys that share a 12-byte prefix ("international...")
  // and probes before the first key, between keys and after the last.
  const std::vector<std::string> probes = {"",         "a",  "aa",        "aachen ",        "abraham l",
                                           "abrahamz", "b",  "internati", "international",  "internationalz",
                                           "zurich",   "zz", "\x7f",      "internationale!"};
  for (std::size_t block : {1u, 16u, 40u, 4096u}) {
    const std::string index = name_index::build(small_tsv, block);
    expect_index_answers(index, small_tsv, probes);
  }
}

TEST(name_index, finds_every_key_of_the_generated_lexicon) {
  const std::string tsv = test::read_file(std::string(HISTEXT_STAGE_DATA_DIR) + "/names.tsv");
  const std::string index = test::read_file(std::string(HISTEXT_STAGE_DATA_DIR) + "/names.idx");
  EXPECT_EQ(index, name_index::build(tsv));  // the staged index is this file's
  std::vector<std::string> probes;
  for (const std::string& k : keys_of(tsv))
    if (probes.size() < 20000) probes.push_back(k + "q"), probes.push_back(k.substr(0, k.size() / 2));
  expect_index_answers(index, tsv, probes);
}

TEST(name_index, refuses_an_index_that_does_not_fit_its_file) {
  const std::string index = name_index::build(small_tsv, 16);
  ASSERT_EQ(name_index::find(index, small_tsv, "zurich").what, result::found);
  // Another file's size, a cut or damaged header, no index at all.
  EXPECT_EQ(name_index::find(index, small_tsv + "zz\tl\n", "zurich").what, result::unusable);
  EXPECT_EQ(name_index::find(index.substr(0, 20), small_tsv, "zurich").what, result::unusable);
  EXPECT_EQ(name_index::find("", small_tsv, "zurich").what, result::unusable);
  std::string bad_magic = index;
  bad_magic[0] = 'X';
  EXPECT_EQ(name_index::find(bad_magic, small_tsv, "zurich").what, result::unusable);
  // A block count larger than the entries that follow.
  EXPECT_EQ(name_index::find(index.substr(0, index.size() - 1), small_tsv, "zurich").what, result::unusable);
  // A file of the same size with other lines (a stale index): a block whose first line changed is
  // refused, not misread; one that did not change still answers, and no answer is a wrong one.
  std::string stale = small_tsv;
  std::replace(stale.begin(), stale.end(), 'a', 'b');
  EXPECT_EQ(name_index::find(index, stale, "bbchen").what, result::unusable);
  EXPECT_NE(name_index::find(index, stale, "aachen").what, result::found);
  EXPECT_EQ(name_index::find(index, stale, "zurich").what, result::found);
  // A block whose offset is not the start of a line.
  std::string shifted = index;
  shifted[24 + 16] = static_cast<char>(shifted[24 + 16] + 1);  // the second block's offset, low byte
  EXPECT_EQ(name_index::find(shifted, small_tsv, "abraham lincoln").what, result::unusable);
}

}  // namespace
}  // namespace histext
