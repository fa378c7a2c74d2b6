#include "lexicons/wordnet.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>

#include "histext/error.hpp"

namespace histext::wordnet {

namespace {

const char* const pos_names[pos_count] = {"verb", "noun", "adj", "adv"};

std::shared_ptr<const database> read(const std::string& dir) {
  auto db = std::make_shared<database>();
  for (int p = 0; p < pos_count; ++p) {
    std::string path = dir + "/index." + pos_names[p];
    std::ifstream idx(path);
    if (!idx) throw error(path + ": cannot open WordNet's index (install wordnet-base or set HISTEXT_WORDNET_DIR)");
    std::string line;
    while (std::getline(idx, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header lines are indented
      db->index[p].insert(line.substr(0, line.find(' ')));
    }
    path = dir + "/" + pos_names[p] + ".exc";
    std::ifstream exc(path);
    if (!exc)
      throw error(path + ": cannot open WordNet's exception list (install wordnet-base or set HISTEXT_WORDNET_DIR)");
    while (std::getline(exc, line)) {
      std::size_t sp = line.find(' ');
      if (sp == std::string::npos) continue;
      std::size_t end = line.find_first_of(" \r", sp + 1);
      std::string base = line.substr(sp + 1, end == std::string::npos ? std::string::npos : end - sp - 1);
      db->exceptions[p].emplace(line.substr(0, sp), std::move(base));  // the first base form wins
    }
  }
  return db;
}

}  // namespace

const std::vector<detachment>& detachment_rules(pos p) {
  static const std::vector<detachment> rules[pos_count] = {
      {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
      {{"s", ""},
       {"ses", "s"},
       {"xes", "x"},
       {"zes", "z"},
       {"ches", "ch"},
       {"shes", "sh"},
       {"men", "man"},
       {"ies", "y"}},
      {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
      {}};
  return rules[p];
}

bool database::listed(std::string_view w) const {
  for (const auto& set : index)
    if (set.find(w) != set.end()) return true;
  return false;
}

bool database::irregular(std::string_view w) const {
  for (const auto& map : exceptions)
    if (map.find(w) != map.end()) return true;
  return false;
}

std::shared_ptr<const database> load(const std::string& dir) {
  // Read once per folder: the lemmatizer and dehyphenation share one copy (about 20 MB).
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const database>> loaded;
  std::lock_guard lock(mutex);
  auto& slot = loaded[dir];
  if (!slot) slot = read(dir);
  return slot;
}

std::string default_dir() {
  if (const char* env = std::getenv("HISTEXT_WORDNET_DIR"); env && *env) return env;
  return "/usr/share/wordnet";
}

std::string to_wordnet_form(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c == ' ') c = '_';
  return s;
}

std::string from_wordnet_form(std::string_view w) {
  std::string s(w);
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

}  // namespace histext::wordnet
