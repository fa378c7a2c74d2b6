#pragma once
/// @file lemma.hpp  Lemmas (WordNet's morphology) and stems (Snowball English) of normalised words.
#include <memory>
#include <string>
#include <string_view>

namespace histext {

/// Debian's wordnet-base data folder.
inline constexpr const char* default_wordnet_dir = "/usr/share/wordnet";

/// WordNet's morphy without part-of-speech tags: irregular noun plurals (noun.exc) first, then a
/// word listed in an index stays as it is, then for verb, noun, adj and adv in turn the detachment
/// rules whose result that index lists, then that part of speech's exception list.
/// Immutable once built: one instance may be shared by threads.
class lemmatizer {
 public:
  /// Reads *.exc and index.* from `dir`; throws histext::error naming the file if one is missing.
  explicit lemmatizer(const std::string& dir = default_wordnet_dir);
  ~lemmatizer();
  lemmatizer(lemmatizer&&) noexcept;
  lemmatizer& operator=(lemmatizer&&) noexcept;
  /// The lemma of a lower-case UTF-8 word ("programmes" -> "programme", "went" -> "go");
  /// the word itself when WordNet does not know it.
  std::string lemma(std::string_view word) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Snowball English stemmer (libstemmer). Not thread-safe: one per thread.
class stemmer {
 public:
  /// Throws histext::error if libstemmer has no English stemmer.
  stemmer();
  ~stemmer();
  stemmer(stemmer&&) noexcept;
  stemmer& operator=(stemmer&&) noexcept;
  /// The stem of a lower-case UTF-8 word ("programmes" -> "programm").
  std::string stem(std::string_view word);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace histext
