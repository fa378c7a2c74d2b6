#pragma once
/// @file stopwords.hpp  Stopword lists: words left out of frequency counts.
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace histext {

/// A set of words compared after the tokens' normalisation (NFC, case folding, curly
/// apostrophes made straight), so a list may mix ’ and ' freely.
class stopword_list {
 public:
  /// An empty list (nothing is a stopword).
  stopword_list() = default;
  /// The English list data/stopwords_en.txt (through data_file()); throws histext::error if absent.
  static stopword_list english();
  /// One word a line, '#' starts a comment; throws histext::error naming `path` if unreadable.
  static stopword_list from_file(const std::string& path);
  /// As from_file, from a stream; `name` is used in messages.
  static stopword_list from_stream(std::istream& in, const std::string& name);
  /// "none" -> empty, "" or "default" or "en" -> english(), anything else -> from_file(spec).
  static stopword_list from_spec(const std::string& spec);

  /// Adds the words of the list file `path` (format as from_file) to this list; throws
  /// histext::error naming `path` if unreadable (the list is then unchanged).
  void add_file(const std::string& path);
  /// As add_file, from a stream; `name` is used in messages.
  void add_from_stream(std::istream& in, const std::string& name);

  /// True when `normalized_word` (already normalised, e.g. token::base()) is a stopword.
  bool contains(std::string_view normalized_word) const;
  /// Every word of the list, sorted by bytes (e.g. to fingerprint the effective list).
  std::vector<std::string> words() const;
  /// The number of words in the list.
  std::size_t size() const;
  /// True when the list has no word.
  bool empty() const { return size() == 0; }

 private:
  struct word_set;  // the set itself (hashed by the library's one string hash); shared, never changed
  std::shared_ptr<const word_set> words_;
};

}  // namespace histext
