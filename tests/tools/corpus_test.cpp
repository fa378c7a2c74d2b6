// Many files in one table (docs/corpus.md): directories, the several-input shapes of every tool
// and format, corpus summaries and histext-tokens --format vrt. The tools run as subprocesses.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace fs = std::filesystem;
using histext::test::run_result;
using histext::test::run_tool;
using histext::test::temp_dir;
using histext::test::tool_path;
using ojson = nlohmann::ordered_json;

namespace {

// Three small texts: names for histext-entities, "the" for histext-kwic, commas and quotes for CSV.
const std::vector<std::pair<std::string, std::string>> texts = {
    {"a.txt",
     "The Party\n\nIn Moscow, Stalin spoke to Lenin, and the \"Bolsheviks\" listened. The crowd was silent.\n\n"
     "Later Stalin left the hall.\n"},
    {"b.txt", "Bukharin wrote to Stalin from Moscow. The letter, long and sad, was never answered.\n"},
    {"c.txt", "In the spring Trotsky went to Petrograd; the Soviet met at night, and Lenin spoke.\n"},
};

// The three texts in a fresh folder; returns their paths in order.
std::vector<std::string> write_texts() {
  std::string dir = temp_dir();
  std::vector<std::string> paths;
  for (const auto& [name, text] : texts) {
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
    paths.push_back(dir + "/" + name);
  }
  return paths;
}

struct tool_format {
  std::string tool;
  std::vector<std::string> args;
  std::string format;
};

std::string case_name(const testing::TestParamInfo<tool_format>& info) {
  return info.param.tool + "_" + info.param.format;
}

std::vector<tool_format> all_cases() {
  std::vector<tool_format> out;
  for (const std::string& f : {"table", "tsv", "csv", "json", "vertical", "vrt"}) out.push_back({"tokens", {}, f});
  for (const std::string& f : {"table", "tsv", "csv", "json"}) {
    out.push_back({"sentences", {}, f});
    out.push_back({"entities", {}, f});
    out.push_back({"kwic", {"the"}, f});
  }
  return out;
}

run_result run(const tool_format& c, const std::vector<std::string>& files, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = c.args;
  args.insert(args.end(), {"--format", c.format});
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), files.begin(), files.end());
  return run_tool(c.tool, args);
}

// Records of TSV (lines) or CSV (RFC 4180: a line end inside quotes belongs to the record).
std::vector<std::string> records(const std::string& text, bool csv) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false;
  for (char c : text) {
    current += c;
    if (csv && c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) out.push_back(std::move(current)), current.clear();
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// What the several-file output must be, built from each file's output alone.
void expect_corpus_shape(const tool_format& c, const std::vector<std::string>& files) {
  std::vector<std::string> alone;
  for (const std::string& f : files) {
    run_result r = run(c, {f});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    alone.push_back(r.out);
  }
  run_result all = run(c, files);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.err, "");
  if (c.format == "tsv" || c.format == "csv") {
    const bool csv = c.format == "csv";
    const std::string sep = csv ? "," : "\t";
    std::string expected;
    for (std::size_t i = 0; i < files.size(); ++i) {
      std::vector<std::string> rows = records(alone[i], csv);
      ASSERT_FALSE(rows.empty());
      if (i == 0) expected += "file" + sep + rows[0];  // one header, the first file's
      for (std::size_t k = 1; k < rows.size(); ++k) expected += (csv ? csv_cell(files[i]) : files[i]) + sep + rows[k];
    }
    std::string out = all.out;
    if (c.tool == "sentences") EXPECT_EQ(out.find("(corpus)"), std::string::npos);  // rows, not a summary
    EXPECT_EQ(out, expected);
  } else if (c.format == "json") {
    ojson doc = ojson::parse(all.out);
    ASSERT_TRUE(doc.contains("meta"));
    ASSERT_EQ(doc["meta"]["inputs"].size(), files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      EXPECT_EQ(doc["meta"]["inputs"][i]["name"], files[i]);
      EXPECT_EQ(doc["meta"]["inputs"][i]["sha256"].get<std::string>().size(), 64u);
    }
    ojson single = ojson::parse(alone[0]);
    EXPECT_EQ(doc["meta"]["options"], single["meta"]["options"]);
    ASSERT_EQ(doc["files"].size(), files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      ojson one = ojson::parse(alone[i]);
      ojson expected;
      expected["file"] = files[i];
      for (const auto& [k, v] : one.items())
        if (k != "meta") expected[k] = v;
      EXPECT_EQ(doc["files"][i].dump(), expected.dump()) << files[i];
    }
    EXPECT_EQ(all.out.back(), '\n');
    EXPECT_EQ(all.out.find('\n'), all.out.size() - 1);  // one document, not JSON Lines
  } else if (c.format == "table" && c.tool == "kwic") {
    std::size_t width = 0;
    for (const auto& f : files) width = std::max(width, f.size());
    std::string expected;
    for (std::size_t i = 0; i < files.size(); ++i)
      for (const std::string& line : records(alone[i], false))
        expected += files[i] + std::string(width - files[i].size(), ' ') + "  " + line;
    EXPECT_EQ(all.out, expected);
  } else {
    std::string expected;
    for (std::size_t i = 0; i < files.size(); ++i)
      expected += (c.tool == "entities" && c.format == "table" ? files[i] + "\n" : "") + alone[i];
    // A corpus section may follow the files' own output (sentences and entities tables).
    ASSERT_GE(all.out.size(), expected.size());
    EXPECT_EQ(all.out.substr(0, expected.size()), expected);
    std::string rest = all.out.substr(expected.size());
    if (c.format == "table" && (c.tool == "sentences" || c.tool == "entities"))
      EXPECT_EQ(rest.rfind("\ncorpus: " + std::to_string(files.size()) + " files\n", 0), 0u) << rest;
    else
      EXPECT_EQ(rest, "");
  }
}

class corpus_shape : public testing::TestWithParam<tool_format> {};

TEST_P(corpus_shape, two_files_one_table) {
  if (!fs::exists(tool_path(GetParam().tool))) GTEST_SKIP() << "not built";
  auto files = write_texts();
  expect_corpus_shape(GetParam(), {files[0], files[1]});
}

TEST_P(corpus_shape, three_files_one_table) {
  if (!fs::exists(tool_path(GetParam().tool))) GTEST_SKIP() << "not built";
  auto files = write_texts();
  expect_corpus_shape(GetParam(), files);
}

// A directory is its .txt files, recursively, sorted by path: the same output as naming them.
TEST_P(corpus_shape, directory_is_its_txt_files_sorted) {
  if (!fs::exists(tool_path(GetParam().tool))) GTEST_SKIP() << "not built";
  std::string dir = temp_dir() + "/corpus";
  fs::create_directories(dir + "/sub");
  std::ofstream(dir + "/b.txt") << texts[1].second;
  std::ofstream(dir + "/sub/c.txt") << texts[2].second;
  std::ofstream(dir + "/a.txt") << texts[0].second;
  std::ofstream(dir + "/notes.md") << "Stalin and the notes.\n";
  std::ofstream(dir + "/sub/data.csv") << "the,stalin\n";
  run_result by_dir = run(GetParam(), {dir});
  run_result by_name = run(GetParam(), {dir + "/a.txt", dir + "/b.txt", dir + "/sub/c.txt"});
  EXPECT_EQ(by_dir.exit_code, 0) << by_dir.err;
  EXPECT_EQ(by_dir.out, by_name.out);
}

INSTANTIATE_TEST_SUITE_P(tools_by_format, corpus_shape, testing::ValuesIn(all_cases()), case_name);

// ---------------------------------------------------------------------------------------------

TEST(corpus, directory_without_txt_is_one_error_line) {
  std::string dir = temp_dir() + "/empty";
  fs::create_directories(dir + "/sub");
  std::ofstream(dir + "/sub/readme.md") << "nothing\n";
  for (const std::string tool : {"tokens", "sentences", "entities", "freq"}) {
    run_result r = run_tool(tool, {dir});
    EXPECT_EQ(r.exit_code, 1) << tool;
    EXPECT_EQ(r.out, "") << tool;
    EXPECT_EQ(r.err, "histext-" + tool + ": " + dir + ": no .txt file in this directory\n");
  }
}

TEST(corpus, failed_input_left_out_and_exit_1) {
  auto files = write_texts();
  std::string bad = temp_dir() + "/bad.txt";
  std::ofstream(bad, std::ios::binary) << "Stalin\xff\xfe spoke.\n";
  run_result r = run_tool("tokens", {"--format", "tsv", files[0], bad, files[1]});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.txt: invalid UTF-8"), std::string::npos) << r.err;
  run_result good = run_tool("tokens", {"--format", "tsv", files[0], files[1]});
  EXPECT_EQ(r.out, good.out);  // checked before anything is written: nothing of bad.txt
}

TEST(corpus, stdin_among_files) {
  auto files = write_texts();
  run_result r = run_tool("tokens", {"--format", "tsv", files[0], "-"}, texts[1].second);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n-\t1\tparagraph\t"), std::string::npos);
}

TEST(corpus, sentences_json_has_corpus_summary_over_all_sentences) {
  auto files = write_texts();
  run_result r = run_tool("sentences", {"--format", "json", files[0], files[1], files[2]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ojson doc = ojson::parse(r.out);
  std::size_t sentences = 0, words = 0;
  for (const auto& f : doc["files"]) {
    sentences += f["summary"]["sentences"].get<std::size_t>();
    words += f["summary"]["words"].get<std::size_t>();
  }
  EXPECT_EQ(doc["corpus"]["sentences"], sentences);
  EXPECT_EQ(doc["corpus"]["words"], words);
  EXPECT_EQ(doc["corpus"]["words_per_sentence"]["count"], sentences);
  EXPECT_TRUE(doc["corpus"]["longest"].contains("file"));
}

TEST(corpus, sentences_summary_rows_per_file_and_corpus) {
  auto files = write_texts();
  run_result r = run_tool("sentences", {"--summary", "--format", "tsv", files[0], files[1]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("file\tmetric\tvalue\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(files[0] + "\twords\t"), std::string::npos);
  EXPECT_NE(r.out.find(files[1] + "\twords\t"), std::string::npos);
  EXPECT_NE(r.out.find("(corpus)\twords\t"), std::string::npos);
  run_result table = run_tool("sentences", {"--summary", files[0], files[1]});
  EXPECT_NE(table.out.find("\ncorpus: 2 files\n"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("(corpus)"), std::string::npos);
}

TEST(corpus, entities_pooled_by_name_and_type_with_files) {
  auto files = write_texts();
  run_result r = run_tool("entities", {"--format", "json", files[0], files[1], files[2]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ojson doc = ojson::parse(r.out);
  bool found = false;
  for (const auto& e : doc["corpus"]) {
    if (e["name"] != "Stalin") continue;
    found = true;
    ASSERT_EQ(e["files"].size(), 2u) << e.dump();
    EXPECT_EQ(e["files"][0]["file"], files[0]);
    EXPECT_EQ(e["files"][0]["count"], 2);
    EXPECT_EQ(e["files"][1]["file"], files[1]);
    EXPECT_EQ(e["files"][1]["count"], 1);
    EXPECT_EQ(e["count"], 3);
  }
  EXPECT_TRUE(found) << r.out;
  run_result table = run_tool("entities", {files[0], files[1]});
  EXPECT_NE(table.out.find(files[0] + " 2, " + files[1] + " 1"), std::string::npos) << table.out;
}

TEST(corpus, kwic_file_on_every_line) {
  auto files = write_texts();
  run_result r = run_tool("kwic", {"the", "--format", "tsv", files[0], files[2]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = records(r.out, false);
  ASSERT_GT(rows.size(), 2u);
  EXPECT_EQ(rows[0].rfind("file\tsentence\t", 0), 0u);
  for (std::size_t i = 1; i < rows.size(); ++i)
    EXPECT_TRUE(rows[i].rfind(files[0] + "\t", 0) == 0 || rows[i].rfind(files[2] + "\t", 0) == 0) << rows[i];
}

// ---------------------------------------------------------------------------------------------
// --format vrt: well-formed XML (checked by python3's parser) for one and two files.

bool have_python() { return std::system("python3 -c 'import xml.etree.ElementTree' >/dev/null 2>&1") == 0; }

// Parses `vrt` wrapped in one root element; returns python's verdict ("ok ..." or the error).
std::string parse_xml(const std::string& vrt) {
  std::string dir = temp_dir();
  std::ofstream(dir + "/out.vrt", std::ios::binary) << vrt;
  std::ofstream(dir + "/check.py") << "import sys, xml.etree.ElementTree as ET\n"
                                      "data = open(sys.argv[1], encoding='utf-8').read()\n"
                                      "try:\n"
                                      "    root = ET.fromstring('<corpus>' + data + '</corpus>')\n"
                                      "except ET.ParseError as e:\n"
                                      "    print('error', e); sys.exit(0)\n"
                                      "texts = root.findall('text')\n"
                                      "print('ok', len(texts), sum(len(t.findall('p')) for t in texts),"
                                      " len(root.findall('.//s')))\n";
  std::string cmd = "python3 " + dir + "/check.py " + dir + "/out.vrt > " + dir + "/verdict.txt";
  if (std::system(cmd.c_str()) != 0) return "python failed";
  std::ifstream in(dir + "/verdict.txt");
  std::string line;
  std::getline(in, line);
  return line;
}

TEST(tokens_vrt, well_formed_xml_with_markup_characters) {
  if (!have_python()) GTEST_SKIP() << "no python3";
  std::string dir = temp_dir();
  std::string amp = dir + "/a&b<c>.txt";
  std::ofstream(amp, std::ios::binary) << "Marx & Engels wrote <this> \"quickly\" and 'well'.\n\nA second one.\n";
  run_result one = run_tool("tokens", {"--format", "vrt", amp});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(parse_xml(one.out), "ok 1 2 2") << one.out;
  EXPECT_NE(one.out.find("&amp;\t&amp;\t&amp;\n"), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("<text id=\"" + dir + "/a&amp;b&lt;c&gt;.txt\">\n<p kind=\"paragraph\">\n<s>\n"),
            std::string::npos);
  auto files = write_texts();
  run_result two = run_tool("tokens", {"--format", "vrt", amp, files[0]});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(parse_xml(two.out).rfind("ok 2 ", 0), 0u) << two.out;
}

TEST(tokens_vrt, word_norm_lemma_per_line) {
  std::string f = temp_dir() + "/w.txt";
  std::ofstream(f) << "The Programmes went well.\n";
  run_result r = run_tool("tokens", {"--format", "vrt", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nProgrammes\tprogrammes\tprogramme\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nwent\twent\tgo\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n.\t.\t.\n</s>\n</p>\n</text>\n"), std::string::npos) << r.out;
}

}  // namespace
