// Which blocks an output covers (its scope), for letters and scanned pages: entities count every
// block but page lines by default, --body only the body; every JSON meta says its scope.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "histext/document.hpp"
#include "histext/entities.hpp"
#include "histext/segment.hpp"
#include "test_util.hpp"

using namespace histext;
using namespace histext::test;

namespace {

const char* const letter =
    "London, 3rd May 1820.\n\n"
    "Dear Mr. Wilberforce,\n\n"
    "The committee met again today and Mr. Clarkson spoke at length about the trade.\n\n"
    "I remain, Sir, your obedient servant,\n"
    "Thomas Fowell Buxton\n";

const char* const scanned_page =
    "24 THE LIFE OF WELLINGTON. [CHAP. II.\n"
    "the general rode to Brussels that night, and Wellington wrote to Castlereagh\n"
    "at once.\n\n"
    "Wellington stayed in Brussels until June.\n\n"
    "25\n";

std::size_t count_of(const std::vector<entity>& es, const std::string& name) {
  auto it = std::find_if(es.begin(), es.end(), [&](const entity& e) { return e.name == name; });
  return it == es.end() ? 0 : it->mentions.size();
}

std::vector<entity> entities_of(const std::string& text, entity_options o) {
  document doc = document::from_bytes(text, "text");
  return find_entities(doc, segment(doc), o);
}

}  // namespace

TEST(scope, entities_count_letter_parts_by_default_and_only_the_body_with_body_only) {
  entity_options all;
  auto es = entities_of(letter, all);
  EXPECT_EQ(count_of(es, "Wilberforce"), 1u);           // the salutation
  EXPECT_EQ(count_of(es, "Thomas Fowell Buxton"), 1u);  // the signature
  EXPECT_EQ(count_of(es, "Clarkson"), 1u);
  entity_options body;
  body.body_only = true;
  es = entities_of(letter, body);
  EXPECT_EQ(count_of(es, "Wilberforce"), 0u);
  EXPECT_EQ(count_of(es, "Thomas Fowell Buxton"), 0u);
  EXPECT_EQ(count_of(es, "Clarkson"), 1u);
  EXPECT_STREQ(scope_name(all), "all");
  EXPECT_STREQ(scope_name(body), "body");
}

TEST(scope, running_heads_are_left_out_of_entity_counts_unless_asked) {
  entity_options o;
  EXPECT_EQ(count_of(entities_of(scanned_page, o), "Wellington"), 2u);
  o.pages = true;
  EXPECT_EQ(count_of(entities_of(scanned_page, o), "Wellington"), 3u);
}

TEST(scope, every_line_of_a_closing_or_heading_ends_its_sentence) {
  document doc = document::from_bytes(letter, "letter");
  segmentation seg = segment(doc);
  std::vector<std::string> closing;
  for (const sentence& s : seg.sentences)
    if (s.block_kind == block_kind::closing) closing.emplace_back(doc.text().substr(s.begin, s.end - s.begin));
  ASSERT_EQ(closing.size(), 2u);
  EXPECT_EQ(closing[0], "I remain, Sir, your obedient servant,");
  EXPECT_EQ(closing[1], "Thomas Fowell Buxton");
}

TEST(scope, the_tokens_summary_counts_the_letter_parts) {
  run_result r = run_tool("tokens", {}, letter);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  datelines               1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  salutations             1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  closings                1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("postscripts"), std::string::npos) << r.out;  // none in this letter
}

TEST(scope, every_json_output_names_its_scope) {
  struct run {
    std::string tool;
    std::vector<std::string> args;
    std::string scope;
  };
  const std::vector<run> runs = {
      {"freq", {"--format", "json"}, "body"},
      {"freq", {"--format", "json", "--all"}, "all"},
      {"sentences", {"--format", "json"}, "body"},
      {"sentences", {"--format", "json", "--all"}, "all"},
      {"kwic", {"trade", "--format", "json"}, "body"},
      {"entities", {"--format", "json"}, "all"},
      {"entities", {"--format", "json", "--body"}, "body"},
      {"tokens", {"--format", "json"}, "all"},
  };
  for (const run& x : runs) {
    run_result r = run_tool(x.tool, x.args, letter);
    ASSERT_EQ(r.exit_code, 0) << x.tool << ": " << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["meta"]["options"]["scope"], x.scope) << x.tool << " " << r.out.substr(0, 400);
  }
}
