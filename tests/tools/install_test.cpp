// cmake --install puts tools, headers, data and a package config under a prefix, and another
// project builds against it with find_package(histext).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_util.hpp"

namespace fs = std::filesystem;

namespace {
int sh(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }
}  // namespace

TEST(install, prefix_has_tools_headers_data_and_a_working_package_config) {
  if (HISTEXT_SANITIZE_BUILD) GTEST_SKIP() << "a sanitised library cannot link into an unsanitised consumer";
  std::string prefix = histext::test::temp_dir() + "/prefix";
  ASSERT_EQ(sh("\"" HISTEXT_CMAKE_COMMAND "\" --install \"" HISTEXT_BUILD_DIR "\" --prefix \"" + prefix + "\""), 0);
  EXPECT_TRUE(fs::exists(prefix + "/bin/histext-tokens"));
  EXPECT_TRUE(fs::exists(prefix + "/include/histext/segment.hpp"));
  EXPECT_TRUE(fs::exists(prefix + "/share/histext/abbreviations.txt"));
  EXPECT_TRUE(fs::exists(prefix + "/lib/cmake/histext/histext-config.cmake") ||
              fs::exists(prefix + "/lib64/cmake/histext/histext-config.cmake"));
  for (const auto& e : fs::recursive_directory_iterator(prefix + "/include"))
    if (e.is_regular_file())
      EXPECT_EQ(histext::test::read_file(e.path().string()).find("<unicode/"), std::string::npos) << e.path();

  // The installed tool finds its data beside itself.
  std::string out = prefix + "/out.txt";
  ASSERT_EQ(std::system(("env -u HISTEXT_DATA_DIR \"" + prefix + "/bin/histext-tokens\" -f vertical \"" +
                         histext::test::data_path("bukharin.txt") + "\" > \"" + out + "\"")
                            .c_str()),
            0);
  EXPECT_EQ(histext::test::read_file(out).rfind("Bukharin\n1\n\n", 0), 0u);

  std::string build = histext::test::temp_dir() + "/consumer";
  ASSERT_EQ(sh("\"" HISTEXT_CMAKE_COMMAND "\" -S \"" HISTEXT_SOURCE_DIR "/tests/consumer\" -B \"" + build +
               "\" -DCMAKE_PREFIX_PATH=\"" + prefix + "\" -DCMAKE_CXX_COMPILER=\"" HISTEXT_CXX_COMPILER "\""),
            0);
  ASSERT_EQ(sh("\"" HISTEXT_CMAKE_COMMAND "\" --build \"" + build + "\""), 0);
  std::string count = build + "/count.txt";
  ASSERT_EQ(std::system(("HISTEXT_DATA_DIR=\"" + prefix + "/share/histext\" \"" + build + "/consumer\" \"" +
                         histext::test::data_path("bukharin.txt") + "\" > \"" + count + "\"")
                            .c_str()),
            0);
  EXPECT_EQ(histext::test::read_file(count), "28\n");
}
