// histext-kwic and find_keyword.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "histext/frequency.hpp"
#include "test_util.hpp"

using namespace histext;
using histext::test::data_path;
using histext::test::run_tool;

namespace {
std::vector<kwic_line> kwic(const std::string& text, const std::string& word, kwic_options o = {}) {
  document doc = document::from_bytes(text);
  segmentation seg = segment(doc);
  return find_keyword(doc, seg, word, o);
}
}  // namespace

TEST(concordance, home_passage_stalin) {
  document doc = document::from_file(data_path("bukharin.txt"));
  segmentation seg = segment(doc);
  auto lines = find_keyword(doc, seg, "Stalin", {});
  ASSERT_EQ(lines.size(), 8u);
  for (const kwic_line& l : lines) {
    EXPECT_EQ(doc.text().substr(l.begin, l.end - l.begin), l.keyword);
    EXPECT_GE(l.paragraph, 1u);
    EXPECT_GE(l.sentence, 1u);
  }
  EXPECT_EQ(lines[0].left, "struggle against the power of");
  EXPECT_EQ(lines[0].right, ". I did not hide from");
}

TEST(concordance, context_words_and_block_limit) {
  kwic_options o;
  o.context = 2;
  auto lines = kwic("Title here\n\nOne two three war four five six.\n\nSeven war.", "war", o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].left, "two three");
  EXPECT_EQ(lines[0].right, "four five");
  EXPECT_EQ(lines[1].left, "Seven");
  EXPECT_EQ(lines[1].right, ".");
  EXPECT_EQ(lines[1].paragraph, 2u);
}

TEST(concordance, possessive_and_case_match) {
  auto lines = kwic("Lenin’s testament. LENIN spoke. Leninism grew.", "lenin");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].keyword, "Lenin’s");
}

TEST(concordance, lemma_match) {
  kwic_options o;
  o.lemma = true;
  auto lines = kwic("He went home. They go. She goes away. Going on.", "go", o);
  EXPECT_EQ(lines.size(), 3u);  // WordNet lists "going" as a noun: it stays itself
}

TEST(concordance, body_only_unless_all) {
  std::string text = "Stalin\n\nStalin spoke.\n\n– Stalin";
  EXPECT_EQ(kwic(text, "stalin").size(), 1u);
  kwic_options o;
  o.all = true;
  EXPECT_EQ(kwic(text, "stalin", o).size(), 3u);
}

TEST(concordance, tool_formats) {
  auto t = run_tool("kwic", {"stalin", data_path("bukharin.txt")});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(std::count(t.out.begin(), t.out.end(), '\n'), 8);
  auto c = run_tool("kwic", {"--format", "csv", "-c", "3", "party", data_path("bukharin.txt")});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.rfind("sentence,paragraph,begin,end,left,keyword,right\r\n", 0), 0u) << c.out;
  auto j = run_tool("kwic", {"--format", "json", "stalin", data_path("bukharin.txt")});
  auto doc = nlohmann::ordered_json::parse(j.out);
  EXPECT_EQ(doc["count"], 8);
  EXPECT_EQ(doc.begin().key(), "meta");
  auto none = run_tool("kwic", {"zzz"}, "");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "(no occurrences)\n");
  EXPECT_EQ(run_tool("kwic", {}).exit_code, 2);
}
