// histext-report's layout functions and HTML writer.
#include "histext/report.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "histext/error.hpp"
#include "test_util.hpp"

using namespace histext;

namespace {

double min_centre_distance(const graph_layout& g) {
  double best = INFINITY;
  for (std::size_t i = 0; i < g.nodes.size(); ++i)
    for (std::size_t j = i + 1; j < g.nodes.size(); ++j)
      best = std::min(best, std::hypot(g.nodes[i].x - g.nodes[j].x, g.nodes[i].y - g.nodes[j].y));
  return best;
}

std::vector<graph_edge> complete_graph(std::size_t n) {
  std::vector<graph_edge> edges;
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) edges.push_back({a, b, static_cast<double>(1 + (a * b) % 7)});
  return edges;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

std::string page_of(const std::vector<report_input>& inputs) {
  std::ostringstream out;
  write_report(out, inputs, run_meta{"histext-report", {}, {{"top", "20"}}});
  return out.str();
}

}  // namespace

TEST(report, layout_is_deterministic) {
  const auto edges = complete_graph(25);
  const graph_layout a = force_layout(25, edges), b = force_layout(25, edges);
  ASSERT_EQ(a.nodes.size(), 25u);
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    EXPECT_EQ(a.nodes[i].x, b.nodes[i].x);  // bit for bit, not approximately
    EXPECT_EQ(a.nodes[i].y, b.nodes[i].y);
  }
  layout_options other;
  other.seed = 2;
  const graph_layout c = force_layout(25, edges, other);
  bool differs = false;
  for (std::size_t i = 0; i < c.nodes.size(); ++i) differs |= c.nodes[i].x != a.nodes[i].x;
  EXPECT_TRUE(differs) << "the seed chooses the starting positions";
}

TEST(report, layout_nodes_do_not_overlap_and_stay_in_the_box) {
  struct shape {
    std::size_t n;
    std::vector<graph_edge> edges;
  };
  std::vector<shape> shapes{{2, {{0, 1, 5}}}, {40, complete_graph(40)}, {60, {}}, {10, complete_graph(10)}};
  std::vector<graph_edge> star;
  for (std::size_t i = 1; i < 30; ++i) star.push_back({0, i, 1});
  shapes.push_back({30, star});
  for (const shape& s : shapes) {
    layout_options o;
    o.radius = 12;
    const graph_layout g = force_layout(s.n, s.edges, o);
    ASSERT_EQ(g.nodes.size(), s.n);
    EXPECT_GE(min_centre_distance(g), 2 * o.radius) << s.n << " nodes";
    for (const point& p : g.nodes) {
      EXPECT_GE(p.x, o.radius);
      EXPECT_LE(p.x, g.width - o.radius);
      EXPECT_GE(p.y, o.radius);
      EXPECT_LE(p.y, g.height - o.radius);
    }
  }
}

TEST(report, layout_of_no_nodes_and_bad_edges) {
  EXPECT_TRUE(force_layout(0, {}).nodes.empty());
  EXPECT_EQ(force_layout(1, {}).nodes.size(), 1u);
  EXPECT_THROW(force_layout(2, {{0, 2, 1}}), histext::error);
}

TEST(report, bar_scale_ends_on_a_nice_number) {
  bar_scale s = make_bar_scale(17, 200, 5);
  EXPECT_EQ(s.step, 5);
  EXPECT_EQ(s.max, 20);
  EXPECT_DOUBLE_EQ(s.length(10), 100);
  s = make_bar_scale(100, 50, 5);
  EXPECT_EQ(s.max, 100);
  EXPECT_EQ(s.step, 20);
  s = make_bar_scale(3, 100, 5);
  EXPECT_EQ(s.step, 1);  // counts: integer ticks
  EXPECT_EQ(s.max, 3);
  s = make_bar_scale(0, 100);
  EXPECT_GT(s.max, 0);
  EXPECT_EQ(s.length(0), 0);
}

TEST(report, dispersion_positions_are_relative_offsets) {
  EXPECT_EQ(dispersion_positions({0, 50, 100}, 100), (std::vector<double>{0, 0.5, 1}));
  EXPECT_EQ(dispersion_positions({3}, 0), (std::vector<double>{0}));
  EXPECT_TRUE(dispersion_positions({}, 10).empty());
}

TEST(report, base64_and_csp_hash_follow_the_standards) {
  // RFC 4648 test vectors.
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  // SHA-256 of the empty string, as CSP writes it.
  EXPECT_EQ(csp_hash(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
}

TEST(report, page_is_the_same_bytes_every_run_and_its_csp_hashes_match) {
  const std::string a = page_of({build_report(document::from_file(test::data_path("bukharin.txt")))});
  const std::string b = page_of({build_report(document::from_file(test::data_path("bukharin.txt")))});
  EXPECT_EQ(a, b);
  const auto inner = [&](const std::string& open, const std::string& close) {
    const std::size_t p = a.find(open) + open.size();
    return a.substr(p, a.find(close, p) - p);
  };
  EXPECT_NE(a.find("style-src " + csp_hash(inner("<style>", "</style>"))), std::string::npos);
  EXPECT_NE(a.find("script-src " + csp_hash(inner("<script>", "</script>"))), std::string::npos);
  EXPECT_EQ(a.find("http://"), std::string::npos);
  EXPECT_EQ(a.find("https://"), std::string::npos);
}

TEST(report, every_mention_is_highlighted_once) {
  const report_input r = build_report(document::from_file(test::data_path("bukharin.txt")));
  std::size_t mentions = 0;
  for (const entity& e : r.entities) mentions += e.mentions.size();
  ASSERT_GT(mentions, 0u);
  const std::string page = page_of({r});
  EXPECT_EQ(count_of(page, "<mark "), mentions);
  EXPECT_EQ(count_of(page, "</mark>"), mentions);
}

TEST(report, a_long_text_gets_a_condensed_view) {
  std::string text;
  const std::string passage = test::read_file(test::data_path("bukharin.txt"));
  while (text.size() < 200000) text += passage + "\n\n";
  report_options o;
  o.text_view_bytes = 20000;
  const report_input r = build_report(document::from_bytes(text, "long.txt"), o);
  EXPECT_LE(r.shown_bytes, 20000u);
  EXPECT_GT(r.shown_blocks, 0u);
  std::ostringstream out;
  write_report(out, {r}, run_meta{"histext-report", {}, {}}, o);
  EXPECT_NE(out.str().find("Condensed view"), std::string::npos);
  std::size_t mentions = 0;
  for (const entity& e : r.entities) mentions += e.mentions.size();
  ASSERT_LT(r.shown_blocks, r.seg.blocks.size());
  std::size_t blocks = 0;
  for (std::size_t p = out.str().find("<div class=\"block "); p != std::string::npos;
       p = out.str().find("<div class=\"block ", p + 1))
    ++blocks;
  EXPECT_EQ(blocks, r.shown_blocks);
}

TEST(report, several_files_get_a_section_each) {
  const std::string page = page_of({build_report(document::from_bytes("Lenin spoke in Moscow.\n", "a.txt")),
                                    build_report(document::from_bytes("Trotsky wrote.\n", "b.txt"))});
  for (const char* id :
       {"id=\"f1\"", "id=\"f2\"", "id=\"f1-words\"", "id=\"f2-sentences\"", "id=\"files\"", "id=\"provenance\""})
    EXPECT_NE(page.find(id), std::string::npos) << id;
}
