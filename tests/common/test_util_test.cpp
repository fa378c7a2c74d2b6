// Tests for the test helpers themselves: a test process leaves no temporary folder behind.
#include "test_util.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace histext::test {
namespace {

// Run on its own by the test below (through HISTEXT_TEST_PRINT_TEMP_ROOT); in a plain run it only
// checks that temp_file writes under temp_root().
TEST(test_util, writes_a_temp_file) {
  const std::string path = temp_file("probe.txt", "x");
  EXPECT_EQ(path.rfind(temp_root(), 0), 0u);
  EXPECT_TRUE(fs::exists(path));
  if (std::getenv("HISTEXT_TEST_PRINT_TEMP_ROOT")) std::printf("TEMP_ROOT=%s\n", temp_root().c_str());
}

TEST(test_util, the_temp_folder_is_gone_when_the_test_process_exits) {
  // ctest starts one process per test: each used to leave its folder in /tmp for good.
  const std::string exe = fs::read_symlink("/proc/self/exe").string();
  ::setenv("HISTEXT_TEST_PRINT_TEMP_ROOT", "1", 1);
  FILE* pipe = ::popen(("'" + exe + "' --gtest_filter=test_util.writes_a_temp_file 2>&1").c_str(), "r");
  ::unsetenv("HISTEXT_TEST_PRINT_TEMP_ROOT");
  ASSERT_NE(pipe, nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  ASSERT_EQ(::pclose(pipe), 0) << out;
  const auto at = out.find("TEMP_ROOT=");
  ASSERT_NE(at, std::string::npos) << out;
  const std::string root = out.substr(at + 10, out.find('\n', at) - at - 10);
  EXPECT_NE(root, temp_root());
  EXPECT_FALSE(root.empty());
  EXPECT_FALSE(fs::exists(root)) << root;
}

TEST(test_util, a_forked_child_leaves_its_parents_folder_alone) {
  const std::string dir = temp_dir();
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) std::exit(0);  // runs the static destructors, as a child that returns would
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(fs::exists(dir));
}

}  // namespace
}  // namespace histext::test
