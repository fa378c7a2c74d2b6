#pragma once
// Internal: the historian's corrections to histext-entities (docs/corrections.md), in the manner
// of spaCy's EntityRuler: a gazetteer of names with their type and aliases, found in the text
// wherever they occur, and an exclude list of names never to be listed.
//
// Folding: a name (or alias) is segmented with histext's segmenter and becomes a pattern of
// tokens. A word token compares by its key, fold(token.base()) (case, accents and a final
// possessive 's ignored); every other token (punctuation, a number, a symbol) compares exactly by
// its norm. Leading and trailing non-word tokens of a name are dropped ("Lenin." is "Lenin").
// White space is no token, so spacing and line breaks never matter. In the text, a footnote mark
// between two words of a name is skipped ("Lenin¹'s" and "Vladimir² Lenin" still match).
// So the entry "Lenin Stalin" does not match "Lenin, Stalin", and "Smith, Elder" matches only with
// its comma. An abbreviation or an initial is one word token with its period (key "st."): "St.
// Petersburg" and "J. V. Stalin" match themselves, "St Petersburg" is another name (an alias).
// This is the recogniser's own notion of a word (tok_facts::key), so both agree on what a name is.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "histext/entities.hpp"
#include "histext/segment.hpp"

namespace histext::entities_detail {

/// One line of a gazetteer file: a canonical name, its type (person, group or place) and other
/// names it goes by.
struct gazetteer_entry {
  std::string name;
  entity_type type = entity_type::person;
  std::vector<std::string> aliases;
};

/// Where an entry's name or alias occurs: tokens [first_token, last_token] of segmentation::tokens
/// (inclusive; both are word tokens), and the index of the entry in gazetteer::entries().
struct gazetteer_match {
  std::size_t first_token = 0, last_token = 0;
  std::size_t entry = 0;
};

/// A gazetteer: names the historian wants listed with a given type, whatever the model says.
class gazetteer {
 public:
  /// Reads a gazetteer file: UTF-8, one entry a line "name TAB type[ TAB aliases]", aliases
  /// separated by '|'; '#' comment lines and blank lines ignored. source() is `path`. Throws
  /// histext::error naming the file (unreadable, invalid UTF-8) or FILE:LINE and what is wrong.
  static gazetteer load(const std::string& path);
  /// Parses gazetteer text in the same format; `source` names it in errors and in source().
  static gazetteer parse(std::string_view text, const std::string& source);

  /// The entries, in file order.
  const std::vector<gazetteer_entry>& entries() const { return entries_; }
  /// The file it was read from (for evidence "gazetteer: FILE").
  const std::string& source() const { return source_; }
  /// True when it has no entry.
  bool empty() const { return entries_.empty(); }

  /// Longest, leftmost matches of any entry's name or alias within each sentence of `seg` (a
  /// whole document's segmentation or a block-by-block piece; token offsets are into `text`, the
  /// document text, which the keys do not need: they come from the tokens' norms). A match never
  /// crosses a sentence. Non-overlapping, in text order. When two entries have the same pattern,
  /// the earlier entry wins.
  std::vector<gazetteer_match> match(std::string_view text, const segmentation& seg) const;

 private:
  // One name or alias of an entry, as the tokens to compare.
  struct pattern {
    std::vector<std::string> keys;  // word keys, or a non-word token's norm
    std::vector<char> words;        // per key: 1 when it is a word token's key
    std::size_t entry = 0;
  };
  std::vector<gazetteer_entry> entries_;
  std::string source_;
  std::vector<pattern> patterns_;
  // First key of a pattern -> indices into patterns_, longest first (then entry order).
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_;

  // Tries the candidates of token `i` (a word token of the sentence ending before `end`); returns
  // the pattern matched and sets `last`, or returns patterns_.size() when none matches.
  std::size_t match_at(const segmentation& seg, std::size_t i, std::size_t end, std::size_t& last) const;
};

/// Names never to list: an entity whose canonical name or any alias is on the list is dropped.
class exclude_list {
 public:
  /// Reads an exclude file: one name a line, '#' comment lines and blank lines ignored. Throws
  /// histext::error naming the file (unreadable, invalid UTF-8) or FILE:LINE (a line of no words).
  static exclude_list load(const std::string& path);
  /// Parses exclude text in the same format; `source` names it in errors.
  static exclude_list parse(std::string_view text, const std::string& source);

  /// True when `name` (an entity's canonical name or alias) is on the list: compared by the word
  /// keys of the gazetteer's folding joined with one space (non-word tokens ignored), so case,
  /// accents, a possessive and punctuation do not matter.
  bool contains(std::string_view name) const;
  /// True when the list has no name.
  bool empty() const { return keys_.empty(); }

 private:
  std::unordered_set<std::string> keys_;
};

/// The key exclude_list compares: the word keys of `name` joined with one space ("" when it has
/// no word). Uses one segmenter per thread.
std::string name_key(std::string_view name);

}  // namespace histext::entities_detail
