// The command line every tool shares (tools/cli): write errors, usage errors, bounded numbers,
// -o rules, signals, binary and unreadable input, meta options. The tools run as subprocesses.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "test_util.hpp"

namespace fs = std::filesystem;
using histext::test::data_path;
using histext::test::read_file;
using histext::test::temp_dir;
using histext::test::temp_file;
using histext::test::tool_path;
using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace {

struct tool_case {
  std::string name;
  std::vector<std::string> args;  ///< arguments every run needs (kwic's word)
};

const std::vector<tool_case> tools = {
    {"tokens", {}}, {"freq", {}}, {"kwic", {"the"}}, {"entities", {}}, {"sentences", {}}};

// How the child's stdin is set up.
struct stdin_from {
  enum { text, path, closed } how = text;
  std::string value;
};

struct result {
  int exit_code = -1;  ///< -1 when killed by a signal
  int signal = 0;
  bool timed_out = false;
  std::string out, err;
};

// Runs histext-<tool> with stdin as asked, stdout into `stdout_path` (or captured), in `cwd`
// (or here), killed after `timeout`.
result run(const std::string& tool, std::vector<std::string> args, const stdin_from& in = {},
           const std::string& stdout_path = "", const std::string& cwd = "",
           std::chrono::seconds timeout = std::chrono::seconds(60)) {
  std::string exe = tool_path(tool);
  int out[2], err[2], feed[2];
  if (::pipe(out) || ::pipe(err) || ::pipe(feed)) throw std::runtime_error("pipe");
  pid_t pid = ::fork();
  if (pid == 0) {
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    if (in.how == stdin_from::text)
      ::dup2(feed[0], 0);
    else if (in.how == stdin_from::path) {
      int fd = ::open(in.value.c_str(), O_RDONLY);
      if (fd < 0) ::_exit(126);
      ::dup2(fd, 0);
      ::close(fd);
    } else
      ::close(0);
    if (stdout_path.empty())
      ::dup2(out[1], 1);
    else {
      int fd = ::open(stdout_path.c_str(), O_WRONLY);
      if (fd < 0) ::_exit(126);
      ::dup2(fd, 1);
      ::close(fd);
    }
    ::dup2(err[1], 2);
    for (int fd : {out[0], out[1], err[0], err[1], feed[0], feed[1]})
      if (fd > 2) ::close(fd);
    std::vector<char*> argv{exe.data()};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(exe.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  ::close(feed[0]);
  std::thread writer([&] {
    if (in.how == stdin_from::text) {
      std::string_view rest = in.value;
      while (!rest.empty()) {
        ssize_t n = ::write(feed[1], rest.data(), rest.size());
        if (n <= 0) break;
        rest.remove_prefix(static_cast<std::size_t>(n));
      }
    }
    ::close(feed[1]);
  });
  result r;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    if (::poll(fds, 2, static_cast<int>(std::min<long long>(left.count(), 1000))) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0)
        (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
      else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) ::close(f.fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  writer.join();
  if (WIFEXITED(status))
    r.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    r.signal = WTERMSIG(status);
  return r;
}

std::vector<std::string> with(const tool_case& t, std::vector<std::string> more) {
  std::vector<std::string> all = t.args;
  all.insert(all.end(), more.begin(), more.end());
  return all;
}

std::size_t line_count(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

std::vector<std::string> temporaries_in(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().string());
  return found;
}

const std::string text = "The Old Order\n\nThe café was crowded, and Mr. Smith said nothing. He left.\n";

}  // namespace

// --- 1. write errors ---------------------------------------------------------------------------

TEST(cli, write_error_on_stdout_is_reported_and_fails) {
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    result r = run(t.name, with(t, {data_path("bukharin.txt")}), {}, "/dev/full");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "histext-" + t.name + ": write error: No space left on device\n");
  }
}

// Through a link to /dev/full: a tool that renamed over its -o would replace the link, never the
// device itself.
TEST(cli, write_error_on_output_file_is_reported_and_fails) {
  std::string full = temp_dir() + "/full";
  fs::create_symlink("/dev/full", full);
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    result r = run(t.name, with(t, {"-o", full, data_path("bukharin.txt")}));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "histext-" + t.name + ": " + full + ": write error: No space left on device\n");
    EXPECT_TRUE(fs::is_symlink(full));
  }
}

// --- 2. usage errors ---------------------------------------------------------------------------

TEST(cli, usage_errors_exit_2_with_the_tool_prefix) {
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    for (std::vector<std::string> args :
         {std::vector<std::string>{"--no-such-flag"}, std::vector<std::string>{"--format", "xml"}}) {
      result r = run(t.name, with(t, args));
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_THAT(r.err, StartsWith("histext-" + t.name + ": ")) << r.err;
      EXPECT_EQ(line_count(r.err), 1u) << r.err;
      EXPECT_EQ(r.out, "");
    }
  }
}

TEST(cli, mistyped_option_suggests_the_nearest) {
  result r = run("freq", {"--colocations", "stalin", data_path("bukharin.txt")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "histext-freq: unknown option --colocations; did you mean --collocations?\n");
  r = run("tokens", {"--split-hypens"});
  EXPECT_EQ(r.err, "histext-tokens: unknown option --split-hypens; did you mean --split-hyphens?\n");
  r = run("tokens", {"--zzzzzzzz"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
}

// --- 3. bounded numbers --------------------------------------------------------------------------

TEST(cli, out_of_range_numbers_are_usage_errors) {
  struct bad {
    std::string tool;
    std::vector<std::string> args;
  };
  for (const bad& b : std::vector<bad>{{"freq", {"--top", "-1"}},
                                       {"freq", {"--min-count", "-1"}},
                                       {"freq", {"--min-length", "-3"}},
                                       {"freq", {"--window", "0"}},
                                       {"freq", {"--window", "100000"}},
                                       {"freq", {"--threads", "-1"}},
                                       {"freq", {"--threads", "99999"}},
                                       {"freq", {"--top", "12abc"}},
                                       {"freq", {"--ngrams", "9"}},
                                       {"sentences", {"--preview-words", "0"}}}) {
    SCOPED_TRACE(b.args[0] + " " + b.args[1]);
    std::vector<std::string> args = b.args;
    args.push_back(data_path("bukharin.txt"));
    result r = run(b.tool, args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, StartsWith("histext-" + b.tool + ": " + b.args[0] + ": must be an integer from "));
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
  }
  result ok = run("freq", {"--top", "3", "--min-count", "1", "--window", "1000", data_path("bukharin.txt")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// --- 4. -o semantics ---------------------------------------------------------------------------

TEST(cli, output_to_a_fifo_writes_into_it) {
  std::string dir = temp_dir();
  std::string fifo = dir + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Opened for reading first and without blocking, so that neither side waits on the other
  // (and a tool that replaced the FIFO by a file cannot leave this test waiting).
  int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(fd, 0);
  std::atomic<bool> finished{false};
  std::string got;
  std::thread reader([&] {
    char buf[4096];
    while (true) {
      bool last = finished;
      ssize_t n;
      while ((n = ::read(fd, buf, sizeof buf)) > 0) got.append(buf, static_cast<std::size_t>(n));
      if (last) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
  result r = run("tokens", {"-f", "vertical", "-o", fifo}, {stdin_from::text, "Hello there."});
  finished = true;
  reader.join();
  ::close(fd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(got, "Hello\nthere\n.\n\n");
  struct stat st {};
  ASSERT_EQ(::lstat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced by a file";
  EXPECT_TRUE(temporaries_in(dir).empty());
}

TEST(cli, output_to_dev_null_leaves_it_a_device) {
  result r = run("tokens", {"-o", "/dev/null", data_path("bukharin.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  // stdin and -o may both be /dev/null: nothing is overwritten.
  r = run("tokens", {"-o", "/dev/null"}, {stdin_from::path, "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(cli, output_through_a_symlink_replaces_its_target_and_keeps_the_link) {
  std::string dir = temp_dir();
  std::string target = dir + "/result.txt", link = dir + "/link.txt";
  std::ofstream(target) << "old";
  fs::create_symlink("result.txt", link);
  result r = run("tokens", {"-f", "vertical", "-o", link}, {stdin_from::text, "Hello there."});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(read_file(target), "Hello\nthere\n.\n\n");
  EXPECT_TRUE(temporaries_in(dir).empty());
}

TEST(cli, output_keeps_the_mode_of_an_existing_file) {
  std::string dir = temp_dir();
  std::string target = dir + "/result.txt";
  std::ofstream(target) << "old";
  ASSERT_EQ(::chmod(target.c_str(), 0600), 0);
  result r = run("tokens", {"-o", target, data_path("bukharin.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_NE(read_file(target), "old");
}

TEST(cli, output_dash_is_stdout) {
  std::string dir = temp_dir();
  result r = run("tokens", {"-f", "vertical", "-o", "-"}, {stdin_from::text, "Hello."}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Hello\n.\n\n");
  EXPECT_FALSE(fs::exists(dir + "/-"));
}

TEST(cli, output_never_overwrites_the_file_behind_stdin) {
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    std::string in = temp_file("in.txt", text);
    result r = run(t.name, with(t, {"-o", in}), {stdin_from::path, in});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "histext-" + t.name + ": " + in + ": refusing to write over an input file\n");
    EXPECT_EQ(read_file(in), text);
  }
}

// --- 5. signals ------------------------------------------------------------------------------------

TEST(cli, interrupted_run_leaves_no_temporary_file) {
  std::string dir = temp_dir();
  std::string big = dir + "/big.txt", out = dir + "/out.json";
  {
    std::ofstream f(big, std::ios::binary);
    for (int i = 0; i < 200'000; ++i) f << "The quick brown fox, said Lenin’s friend, jumps over the lazy dog.\n\n";
  }
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    SCOPED_TRACE(sig);
    std::string exe = tool_path("tokens");
    pid_t pid = ::fork();
    if (pid == 0) {
      int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(exe.c_str(), exe.c_str(), "-f", "json", "-o", out.c_str(), big.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for the temporary file to appear (the run has begun), then interrupt.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (temporaries_in(dir).empty() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_FALSE(temporaries_in(dir).empty()) << "no temporary file seen";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "finished before the signal; status " << status;
    EXPECT_EQ(WTERMSIG(status), sig);
    EXPECT_TRUE(temporaries_in(dir).empty()) << temporaries_in(dir).front();
    EXPECT_FALSE(fs::exists(out));
  }
}

// --- 6. binary input ---------------------------------------------------------------------------

TEST(cli, endless_binary_input_is_refused_at_once) {
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    const std::string expected =
        "histext-" + t.name + ": /dev/zero: binary file (NUL byte) at line 1, column 1 (byte 0)\n";
    result r = run(t.name, with(t, {"/dev/zero"}), {}, "", "", std::chrono::seconds(20));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, expected);
    r = run(t.name, with(t, {"--encoding", "windows-1252", "/dev/zero"}), {}, "", "", std::chrono::seconds(20));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, expected);
    r = run(t.name, with(t, {}), {stdin_from::path, "/dev/zero"}, "", "", std::chrono::seconds(20));
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "histext-" + t.name + ": -: binary file (NUL byte) at line 1, column 1 (byte 0)\n");
  }
  result r = run("freq", {"--stopwords", "/dev/zero", data_path("bukharin.txt")}, {}, "", "", std::chrono::seconds(20));
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "histext-freq: /dev/zero: binary file (NUL byte) at line 1, column 1 (byte 0)\n");
}

TEST(cli, nul_far_into_a_stream_is_found_with_its_position) {
  std::string bytes = std::string(300'000, 'a') + "\nsecond" + std::string(1, '\0') + "x\n";
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    result r = run(t.name, with(t, {}), {stdin_from::text, bytes});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "histext-" + t.name + ": -: binary file (NUL byte) at line 2, column 7 (byte 300007)\n");
  }
}

// --- 7. stdin read errors ------------------------------------------------------------------------

TEST(cli, stdin_read_errors_are_reported) {
  std::string dir = temp_dir();
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    result r = run(t.name, with(t, {}), {stdin_from::path, dir});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "histext-" + t.name + ": -: read error: Is a directory\n");
    r = run(t.name, with(t, {}), {stdin_from::closed, ""});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "histext-" + t.name + ": -: read error: Bad file descriptor\n");
  }
}

// --- 8. meta options -------------------------------------------------------------------------------

TEST(cli, meta_options_describe_every_option_the_same_way) {
  for (const tool_case& t : tools) {
    SCOPED_TRACE(t.name);
    result r = run(t.name, with(t, {"--format", "json", "--dehyphenate", data_path("bukharin.txt")}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto options = nlohmann::json::parse(r.out)["meta"]["options"];
    // JSON has meta, so the input's SHA-256 is computed (a table, TSV or CSV skips it).
    EXPECT_EQ(nlohmann::json::parse(r.out)["meta"]["inputs"][0]["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(options["format"], "json");
    EXPECT_EQ(options["encoding"], "");
    EXPECT_EQ(options["dehyphenate"], "true");
    EXPECT_FALSE(options.contains("output"));
    EXPECT_FALSE(options.contains("help"));
    for (const auto& [k, v] : options.items()) EXPECT_TRUE(v.is_string()) << k;
  }
  result r = run("freq", {"--format", "json", "--top", "3", "--lemma", data_path("bukharin.txt")});
  auto options = nlohmann::json::parse(r.out)["meta"]["options"];
  EXPECT_EQ(options["top"], "3");
  EXPECT_EQ(options["lemma"], "true");
  EXPECT_EQ(options["stem"], "false");
  EXPECT_EQ(options["form"], "lemma");
  EXPECT_EQ(options["window"], "5");
  EXPECT_FALSE(options.contains("threads")) << "the thread count never changes the output";
  // Same options, any thread count: the same bytes.
  EXPECT_EQ(run("freq", {"--format", "json", "--threads", "1", data_path("bukharin.txt")}).out,
            run("freq", {"--format", "json", "--threads", "3", data_path("bukharin.txt")}).out);
}

// --- 9. options that did nothing ------------------------------------------------------------------

TEST(cli, highlight_with_a_data_format_is_a_usage_error) {
  for (const std::string f : {"json", "tsv", "csv"}) {
    result r = run("entities", {"--highlight", "--format", f, data_path("bukharin.txt")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_THAT(r.err, StartsWith("histext-entities: --highlight"));
  }
  EXPECT_EQ(run("entities", {"--highlight", data_path("bukharin.txt")}).exit_code, 0);
}

TEST(cli, collocations_of_an_absent_word_say_so) {
  result r = run("freq", {"--collocations", "zzyzx", data_path("bukharin.txt")});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "histext-freq: note: 'zzyzx' does not occur in the counted text\n");
  r = run("freq", {"--collocations", "stalin", data_path("bukharin.txt")});
  EXPECT_EQ(r.err, "");
}

// --- 10. table width ---------------------------------------------------------------------------

TEST(cli, one_huge_word_does_not_widen_every_row) {
  std::string path =
      temp_file("word.txt", "A " + std::string(1 << 20, 'a') + " word.\n\nOther words here, and more.\n");
  result r = run("freq", {"--stopwords", "none", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.size(), 4096u);
  r = run("freq", {"--stopwords", "none", "--format", "tsv", path});
  EXPECT_THAT(r.out, HasSubstr(std::string(1 << 20, 'a')));
}

TEST(cli, add_stopwords_adds_to_the_default_list) {
  const std::string text = "Stalin spoke. Stalin left. The party stayed. The party met.\n";
  const std::string extra = histext::test::temp_file("extra.txt", "# names to leave out\nstalin\n");
  histext::test::run_result plain = histext::test::run_tool("freq", {"--format", "tsv"}, text);
  histext::test::run_result added =
      histext::test::run_tool("freq", {"--format", "tsv", "--add-stopwords", extra}, text);
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(plain.out.find("\nstalin\t"), std::string::npos) << plain.out;
  EXPECT_EQ(added.out.find("\nstalin\t"), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("\nparty\t"), std::string::npos) << added.out;
  EXPECT_EQ(added.out.find("\nthe\t"), std::string::npos) << added.out;  // the default list still applies
  histext::test::run_result meta =
      histext::test::run_tool("freq", {"--format", "json", "--add-stopwords", extra}, text);
  EXPECT_NE(meta.out.find("\"add_stopwords\""), std::string::npos) << meta.out.substr(0, 600);
}
