#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "histext/error.hpp"
#include "histext/lemma.hpp"

namespace histext {

namespace {

enum pos { verb, noun, adj, adv, pos_count };
const char* const pos_names[pos_count] = {"verb", "noun", "adj", "adv"};

struct sv_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using word_set = std::unordered_set<std::string, sv_hash, std::equal_to<>>;
using word_map = std::unordered_map<std::string, std::string, sv_hash, std::equal_to<>>;

// WordNet's detachment rules (morphy(7WN)): suffix -> replacement, per part of speech.
const std::vector<std::pair<std::string_view, std::string_view>>& rules(int p) {
  static const std::vector<std::pair<std::string_view, std::string_view>> r[pos_count] = {
      {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
      {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
       {"ies", "y"}},
      {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
      {}};
  return r[p];
}

std::string wordnet_form(std::string_view w) {  // WordNet writes spaces as underscores
  std::string s(w);
  for (char& c : s)
    if (c == ' ') c = '_';
  return s;
}

}  // namespace

struct lemmatizer::impl {
  word_map exceptions[pos_count];
  word_set index[pos_count];

  explicit impl(const std::string& dir) {
    for (int p = 0; p < pos_count; ++p) {
      std::string path = dir + "/" + pos_names[p] + ".exc";
      std::ifstream in(path);
      if (!in) throw error(path + ": cannot open (WordNet exception list; install wordnet-base)");
      std::string line;
      while (std::getline(in, line)) {
        std::size_t sp = line.find(' ');
        if (sp == std::string::npos) continue;
        std::size_t end = line.find_first_of(" \r", sp + 1);
        std::string base = line.substr(sp + 1, end == std::string::npos ? std::string::npos : end - sp - 1);
        exceptions[p].emplace(line.substr(0, sp), std::move(base));  // first base form wins
      }
      path = dir + "/index." + pos_names[p];
      std::ifstream idx(path);
      if (!idx) throw error(path + ": cannot open (WordNet index; install wordnet-base)");
      while (std::getline(idx, line)) {
        if (line.empty() || line[0] == ' ') continue;  // licence header lines start with spaces
        index[p].insert(line.substr(0, line.find(' ')));
      }
    }
  }
};

lemmatizer::lemmatizer(const std::string& dir) : impl_(std::make_unique<impl>(dir)) {}
lemmatizer::~lemmatizer() = default;
lemmatizer::lemmatizer(lemmatizer&&) noexcept = default;
lemmatizer& lemmatizer::operator=(lemmatizer&&) noexcept = default;

std::string lemmatizer::lemma(std::string_view word) const {
  if (word.empty()) return std::string();
  const std::string w = wordnet_form(word);
  auto surface = [](std::string s) {
    for (char& c : s)
      if (c == '_') c = ' ';
    return s;
  };
  // Irregular plurals first ("men" -> "man"), then a word WordNet lists stays as it is.
  if (auto it = impl_->exceptions[noun].find(w); it != impl_->exceptions[noun].end()) return surface(it->second);
  for (int p = 0; p < pos_count; ++p)
    if (impl_->index[p].count(w)) return std::string(word);
  // Then, per part of speech (verb, noun, adj, adv): the regular rules, then the exceptions
  // ("programmes" -> "programme" by rule before verb.exc's American "program"; "went" -> "go").
  for (int p : {verb, noun, adj, adv}) {
    for (const auto& [suffix, replacement] : rules(p)) {
      if (w.size() <= suffix.size() || w.compare(w.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
      std::string candidate = w.substr(0, w.size() - suffix.size()) + std::string(replacement);
      if (impl_->index[p].count(candidate)) return surface(candidate);
    }
    if (auto it = impl_->exceptions[p].find(w); it != impl_->exceptions[p].end()) return surface(it->second);
  }
  return std::string(word);
}

}  // namespace histext
