#pragma once
// Internal: English word lists other stages can share (WordNet's index and exception files).
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace histext {

/// WordNet's lemmas (index.noun/verb/adj/adv, lower case, "_" for spaces) and its irregular forms
/// (*.exc: form -> lemma). Loaded once, on first use, from $HISTEXT_WORDNET_DIR or
/// /usr/share/wordnet; thread-safe. Throws histext::error if the index files are missing.
struct wordnet_lexicon {
  std::unordered_set<std::string> lemmas;
  std::unordered_map<std::string, std::string> irregular;
};
const wordnet_lexicon& wordnet();

/// True when `word` (lower case) is a WordNet lemma or an inflection of one (plural, -ed, -ing,
/// comparative, irregular form), after WordNet's own detachment rules (morphy).
bool is_known_word(std::string_view word);

}  // namespace histext
