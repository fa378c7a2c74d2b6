#pragma once
/// @file version.hpp  Library version and where its data files live.
#include <string>

namespace histext {

/// The library version, "MAJOR.MINOR.PATCH".
std::string version();

/// The folder holding histext's data files (stopwords, lexicons...). Looks at $HISTEXT_DATA_DIR,
/// then <executable>/../share/histext, then the install prefix. Throws histext::error if none exists.
std::string data_dir();

/// data_dir() + "/" + name; throws histext::error if that file does not exist.
std::string data_file(const std::string& name);

}  // namespace histext
