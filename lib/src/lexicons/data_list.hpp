#pragma once
// Internal: the one reader of the word lists in data/ (stopwords have their own user-facing
// format: a '#' may follow a word there).
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace histext {

/// Calls `each` with every line of the data file `name` (found by data_file()) that is neither
/// blank nor a comment (a first character '#'), without its line end (LF or CRLF). Throws
/// histext::error naming the path when the file cannot be read.
void for_each_data_line(const std::string& name, const std::function<void(std::string_view line)>& each);

/// The same for the file at `path` (not looked up in data_dir()); `each` also gets the 1-based
/// line number, for messages.
void for_each_data_line_at(const std::string& path,
                           const std::function<void(std::string_view line, std::size_t number)>& each);

/// The non-empty fields of `line` between `separator`s ("a\t\tb" -> {"a", "b"}).
std::vector<std::string_view> split_fields(std::string_view line, char separator);

}  // namespace histext
