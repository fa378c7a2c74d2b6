// histext-report in a real browser: Debian's chromium, headless, loaded with scripts on and off.
// Skips (with a message) where chromium is not installed; .ci/setup installs it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "test_util.hpp"

using namespace histext::test;
namespace fs = std::filesystem;

namespace {

std::string chromium() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (fs::exists(p)) return p;
  return "";
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }  // test paths hold no quote

struct page_load {
  std::string dom, log;
};

// Loads `html` headless with a fresh profile, every request sent to a closed proxy port (so a
// request that left the page would fail and be logged), console messages logged to stderr.
page_load load(const std::string& html, bool scripts, const std::string& screenshot = "") {
  const std::string dir = temp_dir();
  const std::string dom = dir + "/dom.html", log = dir + "/log.txt";
  std::string cmd = quoted(chromium()) +
                    " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
                    " --disable-component-update --disable-sync --user-data-dir=" +
                    quoted(dir + "/profile") + " --proxy-server=127.0.0.1:9 --enable-logging=stderr --v=0";
  if (!scripts) cmd += " --blink-settings=scriptEnabled=false";
  if (!scripts && screenshot.empty()) {
    // --dump-dom reads the DOM through script, which scriptEnabled=false also blocks (an empty
    // dump): instead load a copy whose CSP allows no script at all, so the page's script never
    // runs while the dump still works.
    std::string page = read_file(html);
    const std::size_t p = page.find("script-src 'sha256-");
    EXPECT_NE(p, std::string::npos);
    page.replace(p, page.find(';', p) - p, "script-src 'none'");
    const std::string copy = temp_file("report-no-script.html", page);
    cmd = quoted(chromium()) + cmd.substr(cmd.find(' '), cmd.find(" --blink-settings") - cmd.find(' '));
    cmd += " --dump-dom " + quoted("file://" + copy) + " >" + quoted(dom) + " 2>" + quoted(log);
    const int rc = std::system(cmd.c_str());
    EXPECT_EQ(rc, 0) << cmd << "\n" << read_file(log);
    return {read_file(dom), read_file(log)};
  }
  if (!screenshot.empty())
    cmd += " --window-size=1200,3000 --screenshot=" + quoted(screenshot);
  else
    cmd += " --dump-dom";
  cmd += " " + quoted("file://" + html) + " >" + quoted(dom) + " 2>" + quoted(log);
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << cmd << "\n" << read_file(log);
  return {read_file(dom), read_file(log)};
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

class report_browser : public ::testing::Test {
 protected:
  void SetUp() override {
    if (chromium().empty()) GTEST_SKIP() << "chromium is not installed: browser tests skipped (.ci/setup installs it)";
    html = temp_dir() + "/report.html";
    // Run from the source folder so that the page (and the screenshot in docs/) names the input
    // as a reader types it: data/bukharin.txt.
    const run_result r = run_tool("report", {"data/bukharin.txt", "-o", html}, "", HISTEXT_SOURCE_DIR);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string html;
};

void check_dom(const std::string& dom, const std::string& what) {
  for (const char* id : {"f1", "f1-passage", "f1-words", "f1-entities", "f1-sentences", "files", "provenance"})
    EXPECT_NE(dom.find(std::string("id=\"") + id + "\""), std::string::npos) << what << ": section " << id;
  EXPECT_GE(count_of(dom, "<svg"), 3u) << what;
}

void check_log(const std::string& log, const std::string& what) {
  // Console messages (errors, CSP refusals) and failed requests.
  for (const char* bad : {"CONSOLE", "Refused to", "ERR_", "Uncaught"})
    EXPECT_EQ(log.find(bad), std::string::npos) << what << ": " << bad << " in\n" << log;
}

}  // namespace

TEST_F(report_browser, every_section_and_chart_with_and_without_scripts) {
  const page_load on = load(html, true), off = load(html, false);
  check_dom(on.dom, "scripts on");
  check_dom(off.dom, "scripts off");
  check_log(on.log, "scripts on");
  EXPECT_EQ(off.log.find("ERR_"), std::string::npos) << off.log;  // no request left the page
}

TEST_F(report_browser, highlighted_mentions_match_histext_entities) {
  const run_result r = run_tool("entities", {"--format", "json", data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t mentions = 0;
  const nlohmann::json listed = nlohmann::json::parse(r.out);
  for (const auto& e : listed["entities"]) mentions += e["mentions"].size();
  ASSERT_GT(mentions, 0u);
  const page_load on = load(html, true);
  EXPECT_EQ(count_of(on.dom, "<mark "), mentions);
}

TEST_F(report_browser, bars_and_bins_match_histext_freq_and_histext_sentences) {
  const page_load on = load(html, true);
  const run_result f = run_tool("freq", {"--format", "json", "--top", "20", data_path("bukharin.txt")});
  ASSERT_EQ(f.exit_code, 0) << f.err;
  const auto words = nlohmann::json::parse(f.out)["words"];
  ASSERT_FALSE(words.empty());
  std::size_t bars = 0;
  const std::regex bar("<rect class=\"bar\" data-word=\"([^\"]*)\" data-count=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(on.dom.begin(), on.dom.end(), bar); it != std::sregex_iterator(); ++it, ++bars) {
    ASSERT_LT(bars, words.size());
    EXPECT_EQ((*it)[1].str(), words[bars]["word"].get<std::string>());
    EXPECT_EQ(std::stoull((*it)[2].str()), words[bars]["count"].get<std::uint64_t>());
  }
  EXPECT_EQ(bars, words.size());

  const run_result s = run_tool("sentences", {"--format", "json", data_path("bukharin.txt")});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto bins = nlohmann::json::parse(s.out)["summary"]["words_per_sentence"]["histogram"];
  ASSERT_FALSE(bins.empty());
  std::size_t n = 0;
  const std::regex bin("data-low=\"([0-9]+)\" data-high=\"([0-9]+)\" data-count=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(on.dom.begin(), on.dom.end(), bin); it != std::sregex_iterator(); ++it, ++n) {
    ASSERT_LT(n, bins.size());
    EXPECT_EQ(std::stoull((*it)[1].str()), bins[n]["low"].get<std::uint64_t>());
    EXPECT_EQ(std::stoull((*it)[2].str()), bins[n]["high"].get<std::uint64_t>());
    EXPECT_EQ(std::stoull((*it)[3].str()), bins[n]["count"].get<std::uint64_t>());
  }
  EXPECT_EQ(n, bins.size());
}

TEST_F(report_browser, screenshot_of_the_home_passage) {
  // Refresh docs/report.png with: cp build/report.png docs/report.png (after ctest -R report_browser).
  const std::string png = std::string(HISTEXT_BUILD_DIR) + "/report.png";
  fs::remove(png);
  const page_load shot = load(html, true, png);
  check_log(shot.log, "screenshot");
  ASSERT_TRUE(fs::exists(png));
  EXPECT_GT(fs::file_size(png), 10000u);
}
