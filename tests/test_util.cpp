#include "test_util.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;

namespace histext::test {

std::string data_path(const std::string& name) { return std::string(HISTEXT_SOURCE_DATA_DIR) + "/" + name; }
std::string fixture_path(const std::string& name) { return std::string(HISTEXT_FIXTURE_DIR) + "/" + name; }
std::string tool_path(const std::string& tool) { return std::string(HISTEXT_TOOLS_DIR) + "/histext-" + tool; }
std::string shared_path(const std::string& name) {
  std::string p = std::string(HISTEXT_SHARED_DIR) + "/" + name;
  return fs::exists(p) ? p : std::string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {
// The folder of this test process, removed when the process exits. ctest runs each test in a
// process of its own, so without this every run left thousands of folders in /tmp. Only the
// process that made it removes it: a forked child that exits must not take its parent's files.
struct process_temp_root {
  fs::path path = fs::temp_directory_path() / ("histext-test-" + std::to_string(::getpid()));
  pid_t owner = ::getpid();
  ~process_temp_root() {
    if (::getpid() != owner) return;
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};
}  // namespace

std::string temp_root() {
  static const process_temp_root root;
  return root.path.string();
}

std::string temp_dir() {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "global";
  fs::path dir = fs::path(temp_root()) / (name + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  std::string path = temp_dir() + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
  return path;
}

namespace {
std::string drain(int fd) {
  std::string s;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  return s;
}
}  // namespace

run_result run_tool(const std::string& tool, const std::vector<std::string>& args, const std::string& input,
                    const std::string& cwd) {
  // A tool may exit (a usage error) before reading its stdin: the write below must then fail with
  // EPIPE, not kill the test with SIGPIPE.
  static const bool sigpipe_ignored = [] { return std::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
  (void)sigpipe_ignored;
  std::string path = tool_path(tool);
  int in[2], out[2], err[2];
  if (::pipe(in) || ::pipe(out) || ::pipe(err)) throw std::runtime_error("pipe");
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(path.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(path.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < input.size()) {
      ssize_t n = ::write(in[1], input.data() + done, input.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(in[1]);
  });
  run_result r;
  std::thread err_reader([&] { r.err = drain(err[0]); });
  r.out = drain(out[0]);
  err_reader.join();
  writer.join();
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

void expect_offsets_valid(const std::string& text, const segmentation& seg) {
  // Plain comparisons first and gtest only on a failure: this runs over millions of tokens.
  const std::string_view all = text;
  std::size_t prev_end = 0;
  for (const token& t : seg.tokens) {
    ASSERT_LE(t.begin, t.end);
    ASSERT_LE(t.end, text.size());
    if (t.begin < prev_end) ADD_FAILURE() << "tokens overlap or are out of order at byte " << t.begin;
    if (t.text(text) != all.substr(t.begin, t.end - t.begin)) ADD_FAILURE() << "token text at byte " << t.begin;
    if (t.base_end > t.end) ADD_FAILURE() << "base_end after end at byte " << t.begin;
    if (t.end == t.begin) ADD_FAILURE() << "empty token at byte " << t.begin;
    prev_end = t.end;
  }
  for (const sentence& s : seg.sentences) {
    ASSERT_LE(s.end, text.size());
    ASSERT_LT(s.first_token, s.last_token) << "sentence without tokens";
    ASSERT_LE(s.last_token, seg.tokens.size());
    EXPECT_EQ(seg.tokens[s.first_token].begin, s.begin);
    EXPECT_EQ(seg.tokens[s.last_token - 1].end, s.end);
    for (std::uint32_t i = s.first_token; i < s.last_token; ++i)
      if (seg.tokens[i].sentence != s.index) ADD_FAILURE() << "token " << i << " not in sentence " << s.index;
  }
  for (const block& b : seg.blocks) ASSERT_LE(b.end, text.size());
}

std::vector<std::string> text_fixtures() {
  std::vector<std::string> files = {data_path("bukharin.txt")};
  if (fs::exists(HISTEXT_FIXTURE_DIR))
    for (const auto& e : fs::directory_iterator(HISTEXT_FIXTURE_DIR))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin() + 1, files.end());
  return files;
}

bool library_loaded(const std::string& name) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find(name) != std::string::npos) return true;
  return false;
}

}  // namespace histext::test
