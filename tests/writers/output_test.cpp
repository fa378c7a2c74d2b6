// output: table/TSV/CSV writers, reals, atomic files, the tokens writer.
#include "histext/output.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "histext/error.hpp"
#include "test_util.hpp"

using namespace histext;
using ::testing::HasSubstr;

namespace {
table sample() {
  table t;
  t.columns = {"word", "count", "share"};
  t.rows.push_back({std::string("stalin"), std::int64_t(8), 0.25});
  t.rows.push_back({std::string("a \"quoted\", word"), std::int64_t(12), std::numeric_limits<double>::quiet_NaN()});
  t.rows.push_back({std::string("empty"), std::int64_t(0), std::monostate{}});
  return t;
}
std::string render(const table& t, format f) {
  std::ostringstream out;
  write_table(out, t, f);
  return out.str();
}
}  // namespace

TEST(output, parse_format_names) {
  EXPECT_EQ(parse_format("json"), format::json);
  EXPECT_EQ(parse_format("vertical"), format::vertical);
  EXPECT_THROW(parse_format("xml"), histext::error);
}

TEST(output, csv_follows_rfc4180) {
  EXPECT_EQ(render(sample(), format::csv),
            "word,count,share\r\nstalin,8,0.250\r\n\"a \"\"quoted\"\", word\",12,\r\nempty,0,\r\n");
}

TEST(output, tsv_has_no_tabs_or_newlines_inside_cells) {
  table t;
  t.columns = {"a"};
  t.rows.push_back({std::string("x\ty\nz")});
  EXPECT_EQ(render(t, format::tsv), "a\nx y z\n");
}

TEST(output, table_aligns_numbers_right) {
  std::string s = render(sample(), format::table);
  EXPECT_THAT(s, HasSubstr("stalin                8  0.250\n"));
  EXPECT_THAT(s, HasSubstr("empty                 0\n"));
}

TEST(output, reals_are_never_nan_or_inf) {
  EXPECT_EQ(format_real(std::numeric_limits<double>::infinity(), 2), "");
  EXPECT_EQ(format_real(std::nan(""), 2), "");
  EXPECT_EQ(format_real(-0.0001, 2), "0.00");
  EXPECT_EQ(format_real(1.005, 1), "1.0");
}

// format_real is printf's "%.*f" (std::to_chars): the same digits for ordinary values, negative
// values and zeros, and whole digits for the largest double at a high precision.
TEST(output, reals_match_printf_at_every_size) {
  for (double v : {0.0, -0.0, 0.5, -2.25, 1.0 / 3.0, 123456.789, 1e-7, -1e-7, 1e21, 2.5e-300}) {
    for (int precision : {0, 1, 3, 6, 17}) {
      char expected[512];
      std::snprintf(expected, sizeof expected, "%.*f", precision, v);
      std::string e = expected;
      if (e.find_first_not_of("-0.") == std::string::npos && e[0] == '-') e.erase(0, 1);  // no "-0.00"
      EXPECT_EQ(format_real(v, precision), e) << v << " " << precision;
    }
  }
  std::string huge = format_real(std::numeric_limits<double>::max(), 500);
  EXPECT_EQ(huge.size(), 309u + 1u + 500u);
  EXPECT_EQ(huge.substr(0, 6), "179769");
}

TEST(output, atomic_file_replaces_only_on_commit) {
  std::string dir = histext::test::temp_dir();
  std::string path = dir + "/out.txt";
  { std::ofstream(path) << "old"; }
  {
    atomic_file f(path);
    f.stream() << "new";
  }  // not committed
  EXPECT_EQ(histext::test::read_file(path), "old");
  {
    atomic_file f(path);
    f.stream() << "new";
    f.commit();
  }
  EXPECT_EQ(histext::test::read_file(path), "new");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u) << "temporary file left behind";
  EXPECT_THROW(atomic_file("/nonexistent-dir/x.txt"), histext::error);
}

TEST(output, tokens_json_has_meta_and_offsets) {
  document d = document::from_bytes("Lenin\xE2\x80\x99s death.", "t.txt");
  segmentation s = segment(d);
  run_meta meta{"histext-tokens", {d.info()}, {{"split_hyphens", "false"}}};
  std::ostringstream out;
  write_tokens(out, d, s, format::json, meta);
  auto j = nlohmann::ordered_json::parse(out.str());
  EXPECT_EQ(j.begin().key(), "meta");
  EXPECT_EQ(j["meta"]["tool"], "histext-tokens");
  EXPECT_EQ(j["meta"]["inputs"][0]["sha256"], d.info().sha256);
  EXPECT_EQ(j["meta"]["options"]["split_hyphens"], "false");
  ASSERT_EQ(j["tokens"].size(), 3u);
  EXPECT_EQ(j["tokens"][0]["text"], "Lenin\xE2\x80\x99s");
  EXPECT_EQ(j["tokens"][0]["base"], "lenin");
  EXPECT_EQ(j["tokens"][0]["block_kind"], "paragraph");
}

TEST(output, vertical_has_an_empty_line_after_each_sentence) {
  document d = document::from_bytes("One two. Three.");
  std::ostringstream out;
  write_tokens(out, d, segment(d), format::vertical, {});
  EXPECT_EQ(out.str(), "One\ntwo\n.\n\nThree\n.\n\n");
}

// One 1 MB word padded every row of a table to its width (176 MB of output for a small text).
TEST(output, table_cells_are_bounded_but_tsv_keeps_full_text) {
  table t;
  t.columns = {"word", "count"};
  const std::string huge(1 << 20, 'a');
  t.rows.push_back({huge, std::int64_t(1)});
  for (int i = 0; i < 100; ++i) t.rows.push_back({std::string("w") + std::to_string(i), std::int64_t(1)});
  std::string text = render(t, format::table);
  EXPECT_LT(text.size(), 101 * (max_table_cell + 32));
  EXPECT_THAT(text, HasSubstr(std::string(max_table_cell - 1, 'a') + "\u2026"));
  EXPECT_EQ(text.find(std::string(max_table_cell, 'a')), std::string::npos);
  EXPECT_THAT(render(t, format::tsv), HasSubstr(huge + "\t1\n"));
  // A cut never splits a character, and a cell of exactly the bound is kept whole.
  table u;
  u.columns = {"word"};
  std::string accented;
  for (std::size_t i = 0; i < max_table_cell + 10; ++i) accented += "é";
  std::string exact;
  for (std::size_t i = 0; i < max_table_cell; ++i) exact += "é";
  u.rows = {{accented}, {exact}};
  std::string out = render(u, format::table);
  EXPECT_THAT(out, HasSubstr(exact.substr(0, 2 * (max_table_cell - 1)) + "\u2026\n"));
  EXPECT_THAT(out, HasSubstr("\n" + exact + "\n"));
}
