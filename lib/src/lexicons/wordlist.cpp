#include "lexicons/wordlist.hpp"

#include <cstdlib>
#include <fstream>
#include <mutex>

#include "histext/error.hpp"

namespace histext {

namespace {

std::string wordnet_dir() {
  if (const char* env = std::getenv("HISTEXT_WORDNET_DIR"); env && *env) return env;
  return "/usr/share/wordnet";
}

wordnet_lexicon load_wordnet() {
  wordnet_lexicon lex;
  const std::string dir = wordnet_dir();
  for (const char* pos : {"noun", "verb", "adj", "adv"}) {
    std::string path = dir + "/index." + pos;
    std::ifstream in(path);
    if (!in) throw error(path + ": cannot open WordNet's index (install wordnet-base or set HISTEXT_WORDNET_DIR)");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header is indented
      lex.lemmas.insert(line.substr(0, line.find(' ')));
    }
    std::ifstream exc(dir + "/" + pos + ".exc");  // optional
    while (std::getline(exc, line)) {
      auto space = line.find(' ');
      if (space == std::string::npos) continue;
      auto end = line.find(' ', space + 1);
      lex.irregular.emplace(line.substr(0, space), line.substr(space + 1, end - space - 1));
    }
  }
  return lex;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

const wordnet_lexicon& wordnet() {
  static const wordnet_lexicon lex = load_wordnet();  // thread-safe, lazy
  return lex;
}

bool is_known_word(std::string_view word) {
  const wordnet_lexicon& lex = wordnet();
  std::string w(word);
  if (lex.lemmas.count(w) || lex.irregular.count(w)) return true;
  // WordNet's detachment rules (noun, verb, adjective), then the lemma must exist.
  static const std::pair<std::string_view, std::string_view> rules[] = {
      {"s", ""},    {"ses", "s"}, {"xes", "x"}, {"zes", "z"},  {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
      {"ies", "y"}, {"es", "e"},  {"es", ""},   {"ed", "e"},   {"ed", ""},     {"ing", "e"},   {"ing", ""},
      {"er", ""},   {"est", ""},  {"er", "e"},  {"est", "e"},  {"ly", ""},     {"ily", "y"},   {"ally", "al"}};
  for (const auto& [suffix, replacement] : rules) {
    if (!ends_with(w, suffix)) continue;
    std::string base = w.substr(0, w.size() - suffix.size()) + std::string(replacement);
    if (lex.lemmas.count(base)) return true;
  }
  // A doubled consonant before -ed/-ing/-er/-est: "stopped" -> "stop".
  for (std::string_view suffix : {"ed", "ing", "er", "est"}) {
    if (!ends_with(w, suffix)) continue;
    std::string stem = w.substr(0, w.size() - suffix.size());
    if (stem.size() >= 3 && stem.back() == stem[stem.size() - 2] && lex.lemmas.count(stem.substr(0, stem.size() - 1)))
      return true;
  }
  return false;
}

}  // namespace histext
