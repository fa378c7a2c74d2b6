#include "lexicons/wordlist.hpp"

#include <string>

#include "lexicons/wordnet.hpp"

namespace histext {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Derivations beyond morphy that a word broken at a line end may carry: adverbs in -ly.
const wordnet::detachment adverb_rules[] = {{"ly", ""}, {"ily", "y"}, {"ally", "al"}};

}  // namespace

bool is_known_word(std::string_view word) {
  static const auto db = wordnet::load(wordnet::default_dir());
  const std::string w(word);
  if (db->listed(w) || db->irregular(w)) return true;
  // A rule of any part of speech whose base any index lists: the test asks "is this English?",
  // not "which lemma is it?".
  auto base_listed = [&](const wordnet::detachment& r) {
    return ends_with(w, r.suffix) && db->listed(w.substr(0, w.size() - r.suffix.size()) + std::string(r.replacement));
  };
  for (int p = 0; p < wordnet::pos_count; ++p)
    for (const auto& r : wordnet::detachment_rules(static_cast<wordnet::pos>(p)))
      if (base_listed(r)) return true;
  for (const auto& r : adverb_rules)
    if (base_listed(r)) return true;
  // A doubled consonant before -ed/-ing/-er/-est: "stopped" -> "stop".
  for (std::string_view suffix : {"ed", "ing", "er", "est"}) {
    if (!ends_with(w, suffix)) continue;
    std::string stem = w.substr(0, w.size() - suffix.size());
    if (stem.size() >= 3 && stem.back() == stem[stem.size() - 2] && db->listed(stem.substr(0, stem.size() - 1)))
      return true;
  }
  return false;
}

}  // namespace histext
