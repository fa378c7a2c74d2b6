#pragma once
// Helpers shared by the tests: paths passed in by CMake, running a built tool, offset checks.
#include <string>
#include <vector>

#include "histext/segment.hpp"

namespace histext::test {

/// Source data/ folder, tests/fixtures/ and the built tools folder (compile definitions).
std::string data_path(const std::string& name);     ///< HISTEXT_SOURCE_DATA_DIR/name
std::string fixture_path(const std::string& name);  ///< HISTEXT_FIXTURE_DIR/name
std::string tool_path(const std::string& tool);     ///< HISTEXT_TOOLS_DIR/histext-<tool>
std::string shared_path(const std::string& name);   ///< ../shared/name ("" if it is absent)

/// Whole file as bytes; throws on failure.
std::string read_file(const std::string& path);
/// Writes bytes to a fresh file under a per-test temporary folder and returns its path.
std::string temp_file(const std::string& name, const std::string& bytes);
/// A fresh, empty temporary folder under temp_root().
std::string temp_dir();
/// This test process's folder under the system's temporary folder; removed when the process exits.
std::string temp_root();

/// What a tool run gave.
struct run_result {
  int exit_code = -1;
  std::string out, err;
};
/// Runs a built tool with args (no shell); `input` is fed to its stdin.
/// With `cwd`, the tool runs in that folder (relative paths in args are read from there).
run_result run_tool(const std::string& tool, const std::vector<std::string>& args, const std::string& input = "",
                    const std::string& cwd = "");

/// Asserts (gtest) that every token, sentence and block slices `text` to itself, in order.
void expect_offsets_valid(const std::string& text, const segmentation& seg);

/// Whether a shared library whose file name contains `name` is mapped into this process (Linux:
/// /proc/self/maps).
bool library_loaded(const std::string& name);

/// Fixture files every test that checks offsets should cover (home passage plus tests/fixtures/*.txt).
std::vector<std::string> text_fixtures();

}  // namespace histext::test
