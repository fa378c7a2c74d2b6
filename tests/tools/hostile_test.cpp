// Hostile input (issue 6): every tool, every bad file, other encodings, extreme but valid input.
// The tool tests are table-driven over tool_specs(): a new tool joins them with one line there,
// and a tool not built yet is skipped. Big inputs are generated here, never committed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "histext/document.hpp"
#include "histext/encoding.hpp"
#include "histext/error.hpp"
#include "histext/segment.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using namespace histext;
using namespace histext::test;

namespace {

// ---------------------------------------------------------------------------------------------
// The tools under test: one line each.

struct tool_spec {
  std::string name;                  ///< histext-<name>
  std::vector<std::string> args;     ///< arguments every run needs (e.g. a query)
  std::vector<std::string> formats;  ///< every --format it offers
  std::string rows;                  ///< a format without meta or file names, to compare runs
  /// Arguments after the input files; "@reference" stands for reference_file(). histext-keywords
  /// takes its reference corpus there, and it reads the reference as the inputs are read.
  std::vector<std::string> after = {};
  bool input_needs_words = false;  ///< an input without words is an error (exit 1), not an empty result
};

// An ASCII reference corpus for histext-keywords, world-readable (the "nobody" run reads it too);
// ASCII, so that every --encoding the tests give reads it alike.
std::string reference_file();

const std::vector<tool_spec>& tool_specs() {
  static const std::vector<tool_spec> specs = {
      {"tokens", {}, {"table", "tsv", "csv", "json", "vertical"}, "tsv"},
      {"freq", {}, {"table", "tsv", "csv", "json"}, "tsv"},
      {"kwic", {"the"}, {"table", "tsv", "csv", "json"}, "tsv"},
      {"entities", {}, {"table", "tsv", "csv", "json"}, "tsv"},
      {"sentences", {}, {"table", "tsv", "csv", "json"}, "tsv"},
      {"keywords", {}, {"table", "tsv", "csv", "json"}, "tsv", {"--reference", "@reference"}, true},
  };
  return specs;
}

bool built(const tool_spec& t) { return fs::exists(tool_path(t.name)); }

#define SKIP_UNLESS_BUILT(t) \
  if (!built(t)) GTEST_SKIP() << "histext-" << (t).name << " is not built yet"

run_result run(const tool_spec& t, std::vector<std::string> args, const std::string& input = "") {
  std::vector<std::string> all = t.args;
  all.insert(all.end(), args.begin(), args.end());
  for (const std::string& a : t.after) all.push_back(a == "@reference" ? reference_file() : a);
  return run_tool(t.name, all, input);
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

const std::string good_text =
    "The Old Order\n\nThe café was “crowded”, and Mr. Smith’s naïve friend said nothing. He left.\n\n"
    "A second paragraph — short.\n";

// ---------------------------------------------------------------------------------------------
// Encodings the tests need, written by hand (no converter in the test).

std::u32string utf32_of(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string encode_utf16(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  auto unit = [&](unsigned u) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    if (big_endian)
      out += {hi, lo};
    else
      out += {lo, hi};
  };
  for (char32_t c : utf32_of(utf8)) {
    if (c >= 0x10000) {
      unit(0xD800 + ((c - 0x10000) >> 10));
      unit(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      unit(c);
    }
  }
  return out;
}

std::string encode_utf32(const std::string& utf8, bool big_endian) {
  std::string out;
  auto unit = [&](char32_t c) {
    char b[4] = {static_cast<char>(c >> 24), static_cast<char>((c >> 16) & 0xFF), static_cast<char>((c >> 8) & 0xFF),
                 static_cast<char>(c & 0xFF)};
    if (big_endian)
      out.append(b, 4);
    else
      out += {b[3], b[2], b[1], b[0]};
  };
  unit(0xFEFF);
  for (char32_t c : utf32_of(utf8)) unit(c);
  return out;
}

struct legacy_sample {
  std::string label, bytes, utf8;
};

const std::vector<legacy_sample>& legacy_samples() {
  static const std::vector<legacy_sample> samples = {
      {"windows-1252", "The caf\xE9 was \x93quiet\x94 \x97 na\xEFve, wasn\x92t it?\n",
       "The café was “quiet” — naïve, wasn’t it?\n"},
      {"ISO-8859-1",
       "Le caf\xE9 na\xEF"
       "f \xAB ferm\xE9 \xBB.\n",
       "Le café naïf « fermé ».\n"},
      {"KOI8-R", "\xF0\xD2\xC9\xD7\xC5\xD4 \xCD\xC9\xD2.\n", "Привет мир.\n"},
  };
  return samples;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Extreme but valid inputs, generated on first use and shared by every test in this process.

struct extreme_case {
  std::string name;
  std::string (*make)();
  bool huge;  ///< too big to ask for a per-token format
};

// The sanitisers make everything 10-30 times slower: there the long line is 5 MB, which still
// exercises one block far larger than any buffer; the 50 MB case runs in the normal builds.
#if HISTEXT_SANITIZE_BUILD
constexpr std::size_t long_line_bytes = 5'000'000;
#else
constexpr std::size_t long_line_bytes = 50'000'000;
#endif

std::string make_long_line() {
  const std::string sentence = "The quick brown fox, said Lenin’s friend, jumps over the lazy dog. ";
  std::string s = repeat(sentence, long_line_bytes / sentence.size() + 1);
  s.resize(long_line_bytes);
  while ((static_cast<unsigned char>(s.back()) & 0xC0) == 0x80 || static_cast<unsigned char>(s.back()) >= 0xC0)
    s.pop_back();  // do not cut a character in two
  return s;
}
std::string make_blank_lines() { return "First.\n" + std::string(100'000, '\n') + "Last.\n"; }
std::string make_long_word() { return "A " + std::string(1 << 20, 'a') + " word.\n"; }
std::string make_nested_quotes() {
  std::string open, close;
  for (int i = 0; i < 25'000; ++i) {
    open += i % 2 ? "‘" : "“";
    close.insert(0, i % 2 ? "’" : "”");
  }
  // 50,000 marks in all, plus a run of 50,000 straight quotes.
  return open + "deep" + close + "\n\n" + std::string(50'000, '"') + "word" + "\n";
}
std::string make_combining() {
  std::string s;
  for (int i = 0; i < 200; ++i) {
    s += "Z";
    for (int k = 0; k < 300; ++k) s += k % 3 == 0 ? "\u0301" : k % 3 == 1 ? "\u0316" : "\u0489";
    s += " ";
  }
  s += "\u0301\u0301\u0301 starts with marks. é a\u0308\u0323.\n\n\u0301\n";
  return s;
}
std::string make_rtl() {
  std::string line =
      "שלום עולם. מרחבא بالعالم، ١٢٣ كتاب. \u202Bembedded\u202C \u202Eoverride\u202C \u2067iso\u2069 "
      "\u200Fmark\u200E English ש-ל. ";
  return repeat(line, 2000) + "\n";
}
std::string make_emoji() {
  std::string line =
      "👨‍👩‍👧‍👦 family 🏳️‍🌈 flag 👩🏽‍🔬 scientist 1️⃣ key 🇬🇧 and "
      "❤️‍🔥. ";
  std::string chain;  // one grapheme cluster of 1,000 joined emoji
  for (int i = 0; i < 1000; ++i) chain += i ? "\u200D👨" : "👨";
  return repeat(line, 2000) + "\n\n" + chain + " end.\n";
}

const std::vector<extreme_case>& extreme_cases() {
  static const std::vector<extreme_case> cases = {
      {"line_50MB", make_long_line, true},
      {"blank_lines_100k", make_blank_lines, false},
      {"word_1MB", make_long_word, false},
      {"nested_quotes_50k", make_nested_quotes, false},
      {"combining_stacks", make_combining, false},
      {"right_to_left", make_rtl, false},
      {"emoji_zwj", make_emoji, false},
  };
  return cases;
}

std::string scratch_dir() {
  static const std::string dir = [] {
    fs::path d = fs::temp_directory_path() / ("histext-hostile-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d.string();
  }();
  return dir;
}

std::string reference_file() {
  static const std::string path = [] {
    std::string p = scratch_dir() + "/reference.txt";
    std::ofstream(p, std::ios::binary) << "The old order changed. A new order came, and the people read the news.\n";
    ::chmod(p.c_str(), 0644);
    ::chmod(scratch_dir().c_str(), 0755);
    return p;
  }();
  return path;
}

// Path of the generated file for a case (written once).
const std::string& extreme_file(const extreme_case& c) {
  static std::map<std::string, std::string> files;
  auto it = files.find(c.name);
  if (it != files.end()) return it->second;
  std::string path = scratch_dir() + "/" + c.name + ".txt";
  std::ofstream(path, std::ios::binary) << c.make();
  return files.emplace(c.name, path).first->second;
}

// The tools and their data copied into a fresh world-readable folder, for runs as "nobody": the
// build tree may sit in a folder other users cannot enter (a clone in a mode-700 home).
// Returns the copy of histext-<name>, or "" if the copy failed.
std::string world_readable_tool(const std::string& name) {
  static const fs::path root = fs::temp_directory_path() / ("histext-hostile-tools-" + std::to_string(::getpid()));
  fs::path exe = root / "bin" / ("histext-" + name);
  std::error_code ec;
  if (fs::exists(exe, ec)) return exe.string();
  fs::create_directories(root / "bin", ec);
  fs::create_directories(root / "share", ec);
  fs::path data = fs::path(HISTEXT_BUILD_DIR) / "share" / "histext";
  if (!fs::exists(root / "share" / "histext", ec))
    fs::copy(data, root / "share" / "histext", fs::copy_options::recursive, ec);
  if (ec) return "";
  fs::copy_file(tool_path(name), exe, fs::copy_options::overwrite_existing, ec);
  if (ec) return "";
  for (const auto& e : fs::recursive_directory_iterator(root, ec))
    ::chmod(e.path().c_str(), e.is_directory() || e.path().parent_path().filename() == "bin" ? 0755 : 0644);
  ::chmod(root.c_str(), 0755);
  ::chmod(exe.c_str(), 0755);
  return exe.string();
}

class cleanup_env : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("histext-hostile-" + std::to_string(::getpid())), ec);
    fs::remove_all(fs::temp_directory_path() / ("histext-hostile-tools-" + std::to_string(::getpid())), ec);
  }
};
[[maybe_unused]] auto* const cleanup = ::testing::AddGlobalTestEnvironment(new cleanup_env);

void PrintTo(const tool_spec& t, std::ostream* os) { *os << "histext-" << t.name; }
void PrintTo(const extreme_case& c, std::ostream* os) { *os << c.name; }

std::string tool_param_name(const ::testing::TestParamInfo<tool_spec>& info) { return info.param.name; }

}  // namespace

// =============================================================================================
// Library: what the tools rely on

TEST(hostile_library, invalid_utf8_names_line_column_and_byte) {
  try {
    document::from_bytes("first line\nab\xC3(cd\n", "bad.txt");
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_STREQ(e.what(), "bad.txt: invalid UTF-8 at line 2, column 3 (byte 13)");
  }
  // Overlong, surrogate, truncated at the end, lone continuation byte.
  for (std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "ok \xE2\x80", "\x80", "\xF5\x80\x80\x80"})
    EXPECT_THROW(document::from_bytes(bad, "x"), error) << bad;
}

TEST(hostile_library, nul_byte_is_binary) {
  try {
    document::from_bytes(std::string("abc\0def", 7), "bin.dat");
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("bin.dat: binary file"), std::string::npos) << e.what();
  }
}

TEST(hostile_library, byte_order_marks_need_no_option) {
  for (bool be : {false, true}) {
    document d16 = document::from_bytes(encode_utf16(good_text, be), "u16");
    EXPECT_EQ(d16.text(), good_text);
    EXPECT_EQ(d16.info().encoding, be ? "UTF-16BE" : "UTF-16LE");
    document d32 = document::from_bytes(encode_utf32(good_text, be), "u32");
    EXPECT_EQ(d32.text(), good_text);
    EXPECT_EQ(d32.info().encoding, be ? "UTF-32BE" : "UTF-32LE");
  }
  document d8 = document::from_bytes("\xEF\xBB\xBF" + good_text, "u8");
  EXPECT_EQ(d8.body_begin(), 3u);
  expect_offsets_valid(d8.text(), segment(d8));
}

TEST(hostile_library, legacy_encodings_convert) {
  for (const auto& s : legacy_samples()) {
    document d = document::from_bytes(s.bytes, s.label, load_options{s.label});
    EXPECT_EQ(d.text(), s.utf8) << s.label;
    segmentation seg = segment(d);
    expect_offsets_valid(d.text(), seg);  // offsets are into the converted UTF-8
    EXPECT_FALSE(seg.tokens.empty());
  }
}

TEST(hostile_library, auto_detection_is_reported) {
  std::string ru;
  for (int i = 0; i < 30; ++i)
    ru += "\xED\xD9 \xCE\xC5 \xDA\xCE\xC1\xC5\xCD, \xDE\xD4\xCF \xC2\xD5\xC4\xC5\xD4 \xDA\xC1\xD7\xD4\xD2\xC1. ";
  document d = document::from_bytes(ru, "ru", load_options{"auto"});
  EXPECT_EQ(d.info().encoding, "KOI8-R");
  EXPECT_EQ(d.text().substr(0, 5), "Мы ");
  document e = document::from_bytes("", "empty", load_options{"auto"});
  EXPECT_EQ(e.text(), "");
}

TEST(hostile_library, conversion_that_grows_fourfold) {
  // SCSU: a window at U+10000, then one byte per supplementary character (4 bytes in UTF-8).
  std::string scsu = std::string("\x0B\x00\x00", 3) + std::string(1000, '\x80');
  document d = document::from_bytes(scsu, "scsu", load_options{"SCSU"});
  EXPECT_EQ(d.text().size(), 4000u);
  EXPECT_EQ(d.text().substr(0, 4), "\xF0\x90\x80\x80");  // U+10000
}

TEST(hostile_library, bad_label_and_bad_bytes_in_charset) {
  EXPECT_THROW(document::from_bytes("abc", "x", load_options{"no-such-charset"}), error);
  EXPECT_THROW(document::from_bytes("abc", "x", load_options{"UTF-32BE"}), error);  // 3 bytes: truncated
}

TEST(hostile_library, empty_inputs) {
  for (std::string s : {"", "\n", "\r\n\r\n", "   \t  ", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n\n"}) {
    document d = document::from_bytes(s, "empty");
    segmentation seg = segment(d);
    EXPECT_TRUE(seg.tokens.empty());
    EXPECT_TRUE(seg.sentences.empty());
    expect_offsets_valid(d.text(), seg);
  }
}

class hostile_extreme : public ::testing::TestWithParam<extreme_case> {};

TEST_P(hostile_extreme, library_offsets_valid) {
  const extreme_case& c = GetParam();
  document d = document::from_file(extreme_file(c));
  segmentation seg = segment(d);
  expect_offsets_valid(d.text(), seg);
  EXPECT_FALSE(seg.tokens.empty());
}

INSTANTIATE_TEST_SUITE_P(cases, hostile_extreme, ::testing::ValuesIn(extreme_cases()),
                         [](const auto& info) { return info.param.name; });

// =============================================================================================
// Every tool

class hostile_tool : public ::testing::TestWithParam<tool_spec> {};

TEST_P(hostile_tool, missing_file) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string missing = temp_dir() + "/no-such-file.txt";
  run_result r = run(t, {missing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_EQ(r.err, "histext-" + t.name + ": " + missing + ": No such file or directory\n");
}

// A directory stands for its *.txt files (docs/corpus.md); one without any is an error.
TEST_P(hostile_tool, directory) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string dir = temp_dir();
  {
    std::ofstream(dir + "/notes.md") << good_text;  // not a .txt file
  }
  run_result r = run(t, {dir});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "histext-" + t.name + ": " + dir + ": no .txt file in this directory\n");
  { std::ofstream(dir + "/a.txt") << good_text; }
  run_result one = run(t, {dir});
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.err, "");
  EXPECT_EQ(one.out, run(t, {dir + "/a.txt"}).out);
}

// chmod 000 means nothing to root (CI runs as root), so there the tool runs as "nobody".
TEST_P(hostile_tool, unreadable_file) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string dir = temp_dir();
  std::string path = dir + "/secret.txt";
  std::ofstream(path) << good_text;
  ::chmod(path.c_str(), 0);
  ::chmod(dir.c_str(), 0755);
  std::vector<std::string> args = t.args;
  args.push_back(path);
  for (const std::string& a : t.after) args.push_back(a == "@reference" ? reference_file() : a);
  std::string exe = tool_path(t.name);
  if (::geteuid() == 0) {  // "nobody" may not reach the build tree: run a world-readable copy
    exe = world_readable_tool(t.name);
    if (exe.empty()) GTEST_SKIP() << "cannot copy histext-" << t.name << " and its data into a world-readable folder";
  }
  int err[2];
  ASSERT_EQ(::pipe(err), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(err[1], 2);
    ::close(err[0]);
    ::close(err[1]);
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(126);
    std::vector<char*> argv{exe.data()};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::freopen("/dev/null", "w", stdout);
    ::execv(exe.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(err[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(err[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  ::close(err[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 126) GTEST_SKIP() << "cannot drop root privileges";
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1) << out;
  EXPECT_EQ(lines_of(out).size(), 1u) << out;
  EXPECT_NE(out.find(path + ": "), std::string::npos) << out;
  EXPECT_NE(out.find("Permission denied"), std::string::npos) << out;
}

TEST_P(hostile_tool, invalid_utf8_names_position) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string path = temp_file("bad.txt", "First line.\nSecond \xE9t\xE9 line.\n");
  run_result r = run(t, {path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "histext-" + t.name + ": " + path + ": invalid UTF-8 at line 2, column 8 (byte 19)\n");
}

TEST_P(hostile_tool, binary_file) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string bytes =
      "\x7F"
      "ELF\x02\x01\x01";
  bytes += std::string(64, '\0') + "text";
  std::string path = temp_file("prog.bin", bytes);
  run_result r = run(t, {path});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  ASSERT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_NE(r.err.find(path + ": binary file"), std::string::npos) << r.err;
}

TEST_P(hostile_tool, empty_input_in_every_format) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  for (const std::string content : {"", "\n\n\n", "\xEF\xBB\xBF"}) {
    std::string path = temp_file("empty.txt", content);
    for (const std::string& f : t.formats) {
      SCOPED_TRACE(f + " on " + std::to_string(content.size()) + " bytes");
      run_result r = run(t, {"--format", f, path});
      if (t.input_needs_words) {  // one line naming the input, nothing written
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
        EXPECT_NE(r.err.find(path + ": "), std::string::npos) << r.err;
        continue;
      }
      EXPECT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(r.err, "");
      if (f == "json") {
        nlohmann::ordered_json j;
        ASSERT_NO_THROW(j = nlohmann::ordered_json::parse(r.out)) << r.out;
        EXPECT_TRUE(j.is_object());
        EXPECT_TRUE(j.contains("meta"));
        EXPECT_EQ(j.begin().key(), "meta");
      }
      if (f == "tsv" || f == "csv") {
        EXPECT_FALSE(r.out.empty()) << "a header at least";
        EXPECT_EQ(r.out.find("nan"), std::string::npos);
        EXPECT_EQ(r.out.find("inf"), std::string::npos);
      }
    }
  }
  // stdin too
  run_result r = run(t, {"--format", t.formats.back()}, "");
  EXPECT_EQ(r.exit_code, t.input_needs_words ? 1 : 0) << r.err;
}

TEST_P(hostile_tool, one_bad_file_among_good_ones) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string dir = temp_dir();
  std::string good1 = dir + "/good1.txt", good2 = dir + "/good2.txt", bad = dir + "/bad.txt";
  std::ofstream(good1) << good_text;
  std::ofstream(good2) << "Another passage. It is short.\n";
  std::ofstream(bad) << "bad \xFF byte\n";
  std::string missing = dir + "/missing.txt";
  for (const std::string& f : t.formats) {
    SCOPED_TRACE(f);
    run_result mixed = run(t, {"--format", f, good1, bad, missing, good2});
    run_result clean = run(t, {"--format", f, good1, good2});
    EXPECT_EQ(mixed.exit_code, 1);
    EXPECT_EQ(clean.exit_code, 0) << clean.err;
    EXPECT_EQ(mixed.out, clean.out) << "the good files' results are still written";
    std::vector<std::string> err = lines_of(mixed.err);
    ASSERT_EQ(err.size(), 2u) << mixed.err;
    EXPECT_NE(err[0].find(bad + ": invalid UTF-8"), std::string::npos) << err[0];
    EXPECT_NE(err[1].find(missing + ": "), std::string::npos) << err[1];
  }
}

TEST_P(hostile_tool, output_file_is_atomic) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string dir = temp_dir();
  std::string out = dir + "/result.txt", good = dir + "/good.txt";
  std::ofstream(good) << good_text;
  std::ofstream(out) << "precious";
  // A failed run leaves the existing file untouched and no temporary file behind.
  run_result r = run(t, {"-o", out, dir + "/missing.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(read_file(out), "precious");
  r = run(t, {"-o", out, dir + "/bad.txt", temp_file("bad.txt", "\xC3")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(read_file(out), "precious");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 2u) << "a temporary file was left behind";
  // A good run replaces it with what stdout would have shown.
  r = run(t, {"--format", t.rows, "-o", out, good});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read_file(out), run(t, {"--format", t.rows, good}).out);
  // -o into a folder that does not exist: an error, nothing written.
  r = run(t, {"-o", dir + "/no/such/dir/out.txt", good});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
}

TEST_P(hostile_tool, refuses_to_overwrite_an_input) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string dir = temp_dir();
  std::string in = dir + "/in.txt", link = dir + "/link.txt";
  std::ofstream(in) << good_text;
  fs::create_symlink(in, link);
  for (const std::string& target : {in, dir + "/../" + fs::path(dir).filename().string() + "/in.txt", link}) {
    SCOPED_TRACE(target);
    run_result r = run(t, {"-o", target, in});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("refusing to write over an input file"), std::string::npos) << r.err;
    EXPECT_EQ(read_file(in), good_text);
  }
}

TEST_P(hostile_tool, byte_order_marks_recognised) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  run_result expected = run(t, {"--format", t.rows, temp_file("utf8.txt", good_text)});
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  std::vector<std::pair<std::string, std::string>> variants = {{"utf16le", encode_utf16(good_text, false)},
                                                               {"utf16be", encode_utf16(good_text, true)},
                                                               {"utf32le", encode_utf32(good_text, false)},
                                                               {"utf32be", encode_utf32(good_text, true)},
                                                               {"utf8bom", "\xEF\xBB\xBF" + good_text}};
  for (const auto& [name, bytes] : variants) {
    SCOPED_TRACE(name);
    run_result r = run(t, {"--format", t.rows, temp_file(name + ".txt", bytes)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    if (name != "utf8bom") EXPECT_EQ(r.out, expected.out);  // offsets are into the converted text
  }
}

TEST_P(hostile_tool, named_encodings) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  for (const auto& s : legacy_samples()) {
    SCOPED_TRACE(s.label);
    run_result expected = run(t, {"--format", t.rows, temp_file("utf8.txt", s.utf8)});
    run_result r = run(t, {"--encoding", s.label, "--format", t.rows, temp_file("legacy.txt", s.bytes)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, expected.out);
    // Without the option the same bytes are invalid UTF-8: a clear error, not garbage.
    run_result strict = run(t, {"--format", t.rows, temp_file("legacy.txt", s.bytes)});
    EXPECT_EQ(strict.exit_code, 1);
    EXPECT_NE(strict.err.find("invalid UTF-8 at line 1"), std::string::npos) << strict.err;
  }
  run_result r = run(t, {"--encoding", "no-such-charset", temp_file("x.txt", "abc")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown encoding 'no-such-charset'"), std::string::npos) << r.err;
}

TEST_P(hostile_tool, auto_encoding_says_what_it_chose) {
  const tool_spec& t = GetParam();
  SKIP_UNLESS_BUILT(t);
  std::string utf8, koi8;
  for (int i = 0; i < 30; ++i) {
    utf8 += "Мы не знаем, что будет завтра. ";
    koi8 += "\xED\xD9 \xCE\xC5 \xDA\xCE\xC1\xC5\xCD, \xDE\xD4\xCF \xC2\xD5\xC4\xC5\xD4 \xDA\xC1\xD7\xD4\xD2\xC1. ";
  }
  std::string path = temp_file("ru.txt", koi8);
  // The reference (histext-keywords) is read with --encoding auto too, and said on a second line.
  auto expect_said = [&](const std::string& err, const std::string& line) {
    if (t.after.empty()) {
      EXPECT_EQ(err, line);
      return;
    }
    ASSERT_EQ(lines_of(err).size(), 2u) << err;
    EXPECT_EQ(lines_of(err)[0] + "\n", line);
    EXPECT_EQ(lines_of(err)[1].rfind("histext-" + t.name + ": " + reference_file() + ": detected encoding ", 0), 0u);
  };
  run_result r = run(t, {"--encoding", "auto", "--format", t.rows, path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_said(r.err, "histext-" + t.name + ": " + path + ": detected encoding KOI8-R\n");
  EXPECT_EQ(r.out, run(t, {"--format", t.rows, temp_file("utf8.txt", utf8)}).out);
  path = temp_file("utf16.txt", encode_utf16(good_text, true));
  r = run(t, {"--encoding", "auto", "--format", t.rows, path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_said(r.err, "histext-" + t.name + ": " + path + ": detected encoding UTF-16BE\n");
}

INSTANTIATE_TEST_SUITE_P(tools, hostile_tool, ::testing::ValuesIn(tool_specs()), tool_param_name);

// Extreme inputs through each tool: it finishes (ctest's timeout catches a hang) with a result.
class hostile_tool_extreme : public ::testing::TestWithParam<std::tuple<tool_spec, extreme_case>> {};

TEST_P(hostile_tool_extreme, runs) {
  const auto& [t, c] = GetParam();
  SKIP_UNLESS_BUILT(t);
  const std::string& path = extreme_file(c);
  run_result r = run(t, {"--format", t.formats.front(), path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(r.out.empty());
  if (c.huge) return;
  for (const std::string& f : t.formats) {
    if (f == t.formats.front()) continue;
    SCOPED_TRACE(f);
    r = run(t, {"--format", f, path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (f == "json") {
      nlohmann::json j;
      EXPECT_NO_THROW(j = nlohmann::json::parse(r.out));
    }
  }
}

INSTANTIATE_TEST_SUITE_P(tools, hostile_tool_extreme,
                         ::testing::Combine(::testing::ValuesIn(tool_specs()), ::testing::ValuesIn(extreme_cases())),
                         [](const auto& info) {
                           return std::get<0>(info.param).name + "_" + std::get<1>(info.param).name;
                         });

// Found by fuzz_document: a combining mark right after a space ("return. \u20D8The") made the
// sentence end after the mark, beyond its last token.
TEST(hostile_library, stray_combining_mark_after_space) {
  for (std::string text : {"It ended. \u20D8The next one.\n", "\u0301 Start. \u20D8 \u0301\n", "A \u0301\u0301 b.\n"}) {
    document d = document::from_bytes(text, "marks");
    expect_offsets_valid(d.text(), segment(d));
  }
}
