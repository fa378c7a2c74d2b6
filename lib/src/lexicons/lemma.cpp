// The lemmatizer: WordNet's morphy without part-of-speech tags, over lexicons/wordnet.hpp.
#include "histext/lemma.hpp"

#include <string>

#include "lexicons/wordnet.hpp"

namespace histext {

struct lemmatizer::impl {
  std::shared_ptr<const wordnet::database> db;
};

lemmatizer::lemmatizer(const std::string& dir) : impl_(std::make_unique<impl>(impl{wordnet::load(dir)})) {}
lemmatizer::~lemmatizer() = default;
lemmatizer::lemmatizer(lemmatizer&&) noexcept = default;
lemmatizer& lemmatizer::operator=(lemmatizer&&) noexcept = default;

std::string lemmatizer::lemma(std::string_view word) const {
  using namespace wordnet;
  if (word.empty()) return std::string();
  const database& db = *impl_->db;
  const std::string w = to_wordnet_form(word);
  // Irregular plurals first ("men" -> "man"), then a word WordNet lists stays as it is.
  if (auto it = db.exceptions[noun].find(w); it != db.exceptions[noun].end()) return from_wordnet_form(it->second);
  if (db.listed(w)) return std::string(word);
  // Then, per part of speech (verb, noun, adj, adv): the regular rules, then the exceptions
  // ("programmes" -> "programme" by rule before verb.exc's American "program"; "went" -> "go").
  for (int p : {verb, noun, adj, adv}) {
    for (const auto& [suffix, replacement] : detachment_rules(static_cast<pos>(p))) {
      if (w.size() <= suffix.size() || w.compare(w.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
      std::string candidate = w.substr(0, w.size() - suffix.size()) + std::string(replacement);
      if (db.index[p].count(candidate)) return from_wordnet_form(candidate);
    }
    if (auto it = db.exceptions[p].find(w); it != db.exceptions[p].end()) return from_wordnet_form(it->second);
  }
  return std::string(word);
}

}  // namespace histext
