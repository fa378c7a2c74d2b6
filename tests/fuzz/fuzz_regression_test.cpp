// Replays every input that ever crashed a fuzz target (fuzz/regressions/<target>/*) and the seed
// corpus (data/*.txt, tests/fixtures/*.txt) through the same entry functions libFuzzer drives.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_targets.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const histext::fuzz::target& t, const std::string& path) {
  SCOPED_TRACE(std::string(t.name) + " on " + path);
  std::string bytes = histext::test::read_file(path);
  EXPECT_EQ(t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
}

}  // namespace

TEST(fuzz_regression, committed_crash_inputs) {
  for (const auto& t : histext::fuzz::targets())
    for (const std::string& path : files_in(fs::path(HISTEXT_SOURCE_DIR) / "fuzz" / "regressions" / t.name))
      replay(t, path);
}

TEST(fuzz_regression, seed_corpus) {
  std::vector<std::string> seeds = files_in(HISTEXT_SOURCE_DATA_DIR);
  for (const std::string& f : files_in(HISTEXT_FIXTURE_DIR)) seeds.push_back(f);
  ASSERT_FALSE(seeds.empty());
  for (const auto& t : histext::fuzz::targets())
    for (const std::string& path : seeds) replay(t, path);
}
