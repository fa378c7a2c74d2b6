#pragma once
// Internal: the one reader of WordNet's files and the one table of its morphology. The lemmatizer
// (histext/lemma.hpp) and the known-word test of dehyphenation (lexicons/wordlist.hpp) both use it.
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/hash.hpp"

namespace histext::wordnet {

/// WordNet's parts of speech, in the order morphy tries them for an untagged word.
enum pos : int { verb, noun, adj, adv, pos_count };

/// One suffix rule: a word ending in `suffix` may be `suffix` replaced by `replacement`.
struct detachment {
  std::string_view suffix, replacement;
};

/// WordNet's detachment rules (morphy(7WN)) for one part of speech (none for adverbs).
const std::vector<detachment>& detachment_rules(pos p);

/// The index (lemmas, lower case, "_" for spaces) and exception lists (irregular form -> first
/// base form) of each part of speech. Immutable once loaded; shared by threads.
struct database {
  std::array<std::unordered_set<std::string, string_hash, std::equal_to<>>, pos_count> index;
  std::array<std::unordered_map<std::string, std::string, string_hash, std::equal_to<>>, pos_count> exceptions;

  /// True when some part of speech's index lists `w` (WordNet form, "_" for spaces).
  bool listed(std::string_view w) const;
  /// True when some part of speech's exception list has `w` as an irregular form.
  bool irregular(std::string_view w) const;
};

/// The database in `dir` (index.* and *.exc), read once per folder and then shared. Throws
/// histext::error naming the missing file (install wordnet-base).
std::shared_ptr<const database> load(const std::string& dir);

/// The folder to read by default: $HISTEXT_WORDNET_DIR when set, else Debian's /usr/share/wordnet.
std::string default_dir();

/// `w` in WordNet's spelling: spaces as underscores.
std::string to_wordnet_form(std::string_view w);
/// Back from WordNet's spelling: underscores as spaces.
std::string from_wordnet_form(std::string_view w);

}  // namespace histext::wordnet
