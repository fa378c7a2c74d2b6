// The test harness itself: running a tool as a subprocess.
#include <gtest/gtest.h>

#include <string>

#include "test_util.hpp"

using namespace histext::test;

TEST(run_tool, a_tool_that_exits_before_reading_its_input_does_not_kill_the_test) {
  // 8 MB is far more than a pipe holds: the writer is still writing when the tool exits.
  run_result r = run_tool("tokens", {"--no-such-option"}, std::string(std::size_t{8} << 20, 'a'));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(r.err.empty());
}
