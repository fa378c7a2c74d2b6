// histext-tokens as a user runs it: formats, stdin, exit codes, several inputs, -o.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "histext/document.hpp"
#include "histext/segment.hpp"
#include "test_util.hpp"

using histext::test::data_path;
using histext::test::run_tool;
using ::testing::HasSubstr;

TEST(tokens_tool, summary_table_of_the_home_passage) {
  auto r = run_tool("tokens", {data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("in body paragraphs     22"));
  EXPECT_THAT(r.out, HasSubstr("headings                1"));
  EXPECT_THAT(r.out, HasSubstr("attributions            1"));
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when stdout is not a terminal";
}

TEST(tokens_tool, reads_stdin_without_a_file_or_with_dash) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"-f", "vertical"}, std::vector<std::string>{"-f", "vertical", "-"}}) {
    auto r = run_tool("tokens", args, "Hello there. Bye.");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Hello\nthere\n.\n\nBye\n.\n\n");
  }
}

TEST(tokens_tool, json_output_is_deterministic_and_citable) {
  auto a = run_tool("tokens", {"--format", "json", data_path("bukharin.txt")});
  auto b = run_tool("tokens", {"--format", "json", data_path("bukharin.txt")});
  ASSERT_EQ(a.exit_code, 0);
  EXPECT_EQ(a.out, b.out);
  auto j = nlohmann::json::parse(a.out);
  EXPECT_EQ(j["meta"]["inputs"][0]["size"], histext::test::read_file(data_path("bukharin.txt")).size());
  EXPECT_EQ(j["meta"]["options"]["split_hyphens"], "false");
  EXPECT_FALSE(j["meta"]["version"].get<std::string>().empty());
}

TEST(tokens_tool, split_hyphens_flag) {
  auto r = run_tool("tokens", {"-f", "vertical", "--split-hyphens"}, "social-democrats");
  EXPECT_EQ(r.out, "social\n-\ndemocrats\n\n");
}

TEST(tokens_tool, usage_errors_exit_2) {
  EXPECT_EQ(run_tool("tokens", {"--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(run_tool("tokens", {"--format", "xml"}).exit_code, 2);
}

TEST(tokens_tool, help_ends_with_an_example) {
  auto r = run_tool("tokens", {"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("Example:\n  histext-tokens"));
}

TEST(tokens_tool, a_bad_input_is_reported_and_the_others_still_run) {
  std::string bad = histext::test::temp_file("bad.txt", "ok \xFF");
  auto r = run_tool("tokens", {"-f", "vertical", bad, "/nonexistent.txt", data_path("bukharin.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("histext-tokens: " + bad + ": invalid UTF-8 at line 1, column 4 (byte 3)"));
  EXPECT_THAT(r.err, HasSubstr("histext-tokens: /nonexistent.txt: "));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 2);
  EXPECT_THAT(r.out, ::testing::StartsWith("Bukharin\n1\n\n"));
}

TEST(tokens_tool, output_file_is_written_atomically_and_never_over_an_input) {
  std::string dir = histext::test::temp_dir();
  std::string out = dir + "/tokens.tsv";
  auto ok = run_tool("tokens", {"-f", "tsv", "-o", out, data_path("bukharin.txt")});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(histext::test::read_file(out), ::testing::StartsWith("block\tblock_kind\tparagraph\tsentence\tkind"));
  auto failed = run_tool("tokens", {"-o", out, "/nonexistent.txt"});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_THAT(histext::test::read_file(out), ::testing::StartsWith("block\t")) << "failed run must not touch FILE";
  std::string input = histext::test::temp_file("in.txt", "Some text.");
  auto self = run_tool("tokens", {"-o", input, input});
  EXPECT_EQ(self.exit_code, 1);
  EXPECT_THAT(self.err, HasSubstr("refusing to write over an input file"));
  EXPECT_EQ(histext::test::read_file(input), "Some text.");
}

TEST(tokens_tool, empty_input_is_a_valid_empty_result) {
  auto r = run_tool("tokens", {"-f", "json"}, "");
  ASSERT_EQ(r.exit_code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["tokens"].empty());
  EXPECT_EQ(run_tool("tokens", {"-f", "vertical"}, "").out, "");
}

TEST(tokens_tool, dehyphenate_reaches_every_tool) {
  const std::string text = "The revolu-\ntionary party met.\n";
  EXPECT_THAT(run_tool("tokens", {"-f", "vertical", "--dehyphenate"}, text).out, HasSubstr("revolu-\ntionary\n"));
  EXPECT_THAT(run_tool("freq", {"-f", "tsv", "--dehyphenate"}, text).out, HasSubstr("\nrevolutionary\t1\t"));
  EXPECT_THAT(run_tool("freq", {"-f", "tsv"}, text).out, ::testing::Not(HasSubstr("\nrevolutionary\t")));
  EXPECT_THAT(run_tool("sentences", {"-f", "tsv", "--dehyphenate"}, text).out, HasSubstr("\t4\t"));
  EXPECT_THAT(run_tool("kwic", {"revolutionary", "-f", "tsv", "--dehyphenate"}, text).out, HasSubstr("\t4\t"));
}

// The summary histext-tokens prints is computed by the library, block by block.
TEST(tokens_summary, block_by_block_equals_the_whole_run) {
  for (const std::string& path : histext::test::text_fixtures()) {
    SCOPED_TRACE(path);
    histext::document doc = histext::document::from_file(path);
    histext::segmenter seg;
    histext::segment_summary whole = histext::summarize(seg.run(doc));
    histext::segment_summary pieces = histext::summarize(seg, doc);
    EXPECT_EQ(pieces.blocks, whole.blocks);
    EXPECT_EQ(pieces.headings, whole.headings);
    EXPECT_EQ(pieces.paragraphs, whole.paragraphs);
    EXPECT_EQ(pieces.attributions, whole.attributions);
    EXPECT_EQ(pieces.sentences, whole.sentences);
    EXPECT_EQ(pieces.body_sentences, whole.body_sentences);
    EXPECT_EQ(pieces.tokens, whole.tokens);
    for (int k = 0; k < 5; ++k) EXPECT_EQ(pieces.by_kind[k], whole.by_kind[k]) << k;
  }
}
