#include "histext/version.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "histext/error.hpp"

namespace histext {

std::string version() { return HISTEXT_VERSION; }

namespace {
namespace fs = std::filesystem;

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}
}  // namespace

std::string data_dir() {
  static const std::string dir = [] {
    if (const char* env = std::getenv("HISTEXT_DATA_DIR"); env && *env) {
      if (!is_dir(env)) throw error(std::string("HISTEXT_DATA_DIR: not a directory: ") + env);
      return std::string(env);
    }
    fs::path beside = executable_dir();
    if (!beside.empty()) {
      for (const fs::path& p : {beside / ".." / "share" / "histext", beside / "share" / "histext"})
        if (is_dir(p)) return fs::weakly_canonical(p).string();
    }
    if (is_dir(HISTEXT_INSTALL_DATA_DIR)) return std::string(HISTEXT_INSTALL_DATA_DIR);
    throw error(
        "cannot find histext's data folder: set HISTEXT_DATA_DIR or install histext (looked in <bin>/../share/histext "
        "and " HISTEXT_INSTALL_DATA_DIR ")");
  }();
  return dir;
}

std::string data_file(const std::string& name) {
  std::string path = data_dir() + "/" + name;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw error(path + ": data file missing");
  return path;
}

}  // namespace histext
