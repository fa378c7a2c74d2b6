#include "histext/stopwords.hpp"

#include <algorithm>
#include <istream>
#include <sstream>
#include <unordered_set>

#include "common/hash.hpp"
#include "common/text_util.hpp"
#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"

namespace histext {

struct stopword_list::word_set {
  std::unordered_set<std::string, string_hash, std::equal_to<>> words;
};

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
  // Read whole into a new set before it replaces this one: a read error leaves the list unchanged,
  // and copies of the list made before (which share the old set) keep their words.
  auto merged = std::make_shared<word_set>();
  if (words_) merged->words = words_->words;
  std::string line;
  while (std::getline(in, line)) {
    std::size_t hash = line.find('#');
    std::string_view s(line.data(), hash == std::string::npos ? line.size() : hash);
    s.remove_prefix(leading_space(s));
    s.remove_suffix(trailing_space(s));
    if (s.empty()) continue;
    merged->words.insert(normalize_word(s));
  }
  if (in.bad()) throw error(name + ": read error");
  words_ = std::move(merged);
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
  if (!words_) return {};
  std::vector<std::string> out(words_->words.begin(), words_->words.end());
  std::sort(out.begin(), out.end());
  return out;
}

bool stopword_list::contains(std::string_view normalized_word) const {
  return words_ && words_->words.find(normalized_word) != words_->words.end();
}

std::size_t stopword_list::size() const { return words_ ? words_->words.size() : 0; }

}  // namespace histext
