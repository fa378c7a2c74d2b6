#pragma once
/// @file names.hpp  The name lexicon (generated from WordNet 3.0 at build time, names.tsv) and the
/// small curated category lists (titles, organisation heads, place words, nationalities...).
/// Everything is loaded lazily, once per process, from data_dir(); lookups are thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace histext {

/// What the lexicon knows about one lower-case key (see data/generate/gen_names.cpp for the codes).
struct name_entry {
  std::string_view codes;     ///< one letter per sense, most frequent first; empty when unknown
  std::string_view evidence;  ///< "instance of X" / "a kind of X" for the first capitalised sense
  bool found() const { return !codes.empty(); }
  bool has(char code) const { return codes.find(code) != std::string_view::npos; }
  /// The first capitalised-noun code (p, P, l, g, o) or 0.
  char proper() const;
  /// True when some sense is a lower-case word (common noun, adjective, verb, adverb).
  bool common() const;
  /// The first common-noun code (h, q, w, n) or 0.
  char common_noun() const;
};

/// Which curated category list a word is looked up in.
enum class name_list {
  title,          ///< titles and honorifics: general, president, dr., tsar
  org_head,       ///< heads of organisation names: party, committee, university
  place_word,     ///< heads of place names: river, mount, street, city
  group_noun,     ///< lower-case nouns that make a group of a named compound: fraction, faction
  connector,      ///< particles inside names: of, de, von, van, la
  function_word,  ///< pronouns, determiners, prepositions, conjunctions, auxiliaries
  nationality,    ///< adjectives and people nouns of nations and peoples: french, germans
  given_name,     ///< common given names (curated, beside WordNet's)
  person_verb,    ///< verbs whose subject is a person: said, wrote, replied
  event_word,     ///< heads of names of events and documents: war, treaty, bill, revolution
  date_word,      ///< names of months and weekdays and their abbreviations: november, nov., friday
  work_noun,      ///< lower-case nouns before a title of a work: film, novel, treatise
  vessel_noun,    ///< lower-case nouns before the name of a ship: steamer, frigate
};
/// The number of curated lists (for arrays indexed by name_list).
inline constexpr int name_list_count = static_cast<int>(name_list::vessel_noun) + 1;

/// The lexicons. instance() loads them on first use; throws histext::error if a data file is
/// missing or malformed.
class name_lexicon {
 public:
  static const name_lexicon& instance();
  /// Lexicon entry for a key: lower-case, accents removed, words joined by one space.
  name_entry find(std::string_view key) const;
  /// True when the (lower-case) word is in the curated list.
  bool in(name_list list, std::string_view word) const;
  /// The curated lists holding the (lower-case) word: bit (1 << name_list) for each; one lookup.
  std::uint32_t lists(std::string_view word) const;
  /// The words of a curated list, sorted (walks every curated word: not for hot paths).
  std::vector<std::string> members(name_list list) const;
  /// Number of lexicon keys (counts the lines: for tests and reports, not for hot paths).
  std::size_t size() const;

  ~name_lexicon();
  name_lexicon(const name_lexicon&) = delete;
  name_lexicon& operator=(const name_lexicon&) = delete;

 private:
  // The binary search itself: find() is this behind a per-thread memo (the plain reference path
  // when the fast paths are off).
  name_entry search(std::string_view key) const;
  // The same answer through the page index names.idx (lexicons/name_index.hpp), which touches one
  // block of the file instead of a dozen pages; search() when there is no usable index.
  name_entry search_indexed(std::string_view key) const;
  name_lexicon();
  struct impl;
  impl* impl_;
};

/// Parses one lexicon line "key<TAB>codes[<TAB>evidence]"; throws histext::error on a malformed line.
/// (Exposed for tests.)
void parse_name_line(std::string_view line, std::string_view& key, name_entry& entry);

}  // namespace histext
