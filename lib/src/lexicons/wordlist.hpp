#pragma once
// Internal: the known-word test that dehyphenation uses, over WordNet (lexicons/wordnet.hpp).
#include <string_view>

namespace histext {

/// True when `word` (lower case) is a WordNet lemma, an irregular form, or an inflection of a lemma
/// by WordNet's detachment rules (morphy), or one of the derivations listed in wordlist.cpp (-ly
/// adverbs, a doubled consonant before -ed/-ing/-er/-est). WordNet is read from
/// wordnet::default_dir() on first use; throws histext::error if it is missing.
bool is_known_word(std::string_view word);

}  // namespace histext
