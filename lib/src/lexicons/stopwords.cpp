#include "histext/stopwords.hpp"

#include <algorithm>
#include <istream>
#include <sstream>

#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"
#include "common/text_util.hpp"

namespace histext {

stopword_list stopword_list::from_stream(std::istream& in, const std::string& name) {
  stopword_list list;
  list.add_from_stream(in, name);
  return list;
}

void stopword_list::add_file(const std::string& path) {
  // Read as an input is (a directory, binary bytes or invalid UTF-8 are errors with a position,
  // and /dev/zero is refused at once instead of being read as one endless line).
  std::istringstream in(document::from_file(path).text());
  add_from_stream(in, path);
}

void stopword_list::add_from_stream(std::istream& in, const std::string& name) {
  stopword_list added;  // read whole before merging: a read error leaves this list unchanged
  std::string line;
  while (std::getline(in, line)) {
    std::size_t hash = line.find('#');
    std::string_view s(line.data(), hash == std::string::npos ? line.size() : hash);
    s.remove_prefix(leading_space(s));
    s.remove_suffix(trailing_space(s));
    if (s.empty()) continue;
    added.words_.insert(normalize_word(s));
  }
  if (in.bad()) throw error(name + ": read error");
  words_.merge(added.words_);
}

stopword_list stopword_list::from_file(const std::string& path) {
  stopword_list list;
  list.add_file(path);
  return list;
}

stopword_list stopword_list::english() { return from_file(data_file("stopwords_en.txt")); }

stopword_list stopword_list::from_spec(const std::string& spec) {
  if (spec == "none") return {};
  if (spec.empty() || spec == "default" || spec == "en") return english();
  return from_file(spec);
}

std::vector<std::string> stopword_list::words() const {
  std::vector<std::string> out(words_.begin(), words_.end());
  std::sort(out.begin(), out.end());
  return out;
}

bool stopword_list::contains(std::string_view normalized_word) const {
  return words_.find(normalized_word) != words_.end();
}

}  // namespace histext
