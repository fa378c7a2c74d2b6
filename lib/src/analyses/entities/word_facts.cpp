// The per-document memo of lexicon facts (see word_facts.hpp).
#include "analyses/entities/word_facts.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "lexicons/data_list.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

const word_facts& word_facts_cache::get(std::string_view key) {
  return memo_.get_or_make(key, [&] { return compute_word_facts(lex_, stats_, key); });
}

std::vector<std::string> singular_forms(std::string_view key) {
  std::vector<std::string> out;
  if (key.size() < 4) return out;
  auto ends = [&](std::string_view suffix) {
    return key.size() > suffix.size() + 1 && key.substr(key.size() - suffix.size()) == suffix;
  };
  auto stem = [&](std::size_t cut, std::string_view add) {
    out.push_back(std::string(key.substr(0, key.size() - cut)) + std::string(add));
  };
  if (key.back() == 's') {
    stem(1, "");
    if (ends("es")) stem(2, "");  // "churches"
    if (ends("ies")) stem(3, "y");
  }
  if (ends("men")) stem(3, "man");
  if (ends("iki")) stem(1, "");  // "bolsheviki", "narodniki": Russian plurals in English text
  return out;
}

std::vector<std::string> long_s_readings(std::string_view key) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i + 1 < key.size() && at.size() < 4; ++i)
    if (key[i] == 'f' && std::isalpha(static_cast<unsigned char>(key[i + 1]))) at.push_back(i);
  std::vector<std::string> out;
  for (unsigned mask = (1u << at.size()) - 1; mask > 0; --mask) {
    std::string r(key);
    for (std::size_t k = 0; k < at.size(); ++k)
      if (mask & (1u << k)) r[at[k]] = 's';
    out.push_back(std::move(r));
  }
  // Every 'f' read first, then readings with fewer (a stable order: the masks' bit counts).
  std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
    auto esses = [&](const std::string& r) { return std::count(r.begin(), r.end(), 's'); };
    return esses(a) > esses(b);
  });
  return out;
}

bool peerage_title(std::string_view t) {
  static const char* const titles[] = {"duke",     "duchess",  "earl",  "marquis", "marquess",
                                       "viscount", "countess", "baron", "baroness"};
  return std::any_of(std::begin(titles), std::end(titles), [&](const char* x) { return t == x; });
}

bool regnal_ordinal(std::string_view key) {
  static const char* const ordinals[] = {"first",     "second",      "third",      "fourth",     "fifth",
                                         "sixth",     "seventh",     "eighth",     "ninth",      "tenth",
                                         "eleventh",  "twelfth",     "thirteenth", "fourteenth", "fifteenth",
                                         "sixteenth", "seventeenth", "eighteenth"};
  return std::any_of(std::begin(ordinals), std::end(ordinals), [&](const char* o) { return key == o; });
}

bool given_name(const name_lexicon& lex, std::string_view key) {
  return lex.in(name_list::given_name, key) || lex.find(key).has('F');
}

bool plural_of_title(const name_lexicon& lex, std::string_view key) {
  if (key.empty() || key.back() != 's') return false;  // cheap first: a title's plural ends in -s
  for (const std::string& one : singular_forms(key))
    if (lex.in(name_list::title, one)) return true;
  return false;
}

bool female_given_name(std::string_view key) {
  static const std::unordered_set<std::string, string_hash, std::equal_to<>> names = [] {
    std::unordered_set<std::string, string_hash, std::equal_to<>> set;
    for_each_data_line("female_names.txt", [&](std::string_view line) { set.emplace(line); });
    return set;
  }();
  return names.find(key) != names.end();
}

bool past_tense_verb(const name_lexicon& lex, const lexicons::word_stats* stats, std::string_view key) {
  // The base a regular past tense comes from, a common word in WordNet ("march", "sally" (whose
  // verb is not among the lexicon's senses), "commence", "plan").
  if (key.size() < 5 || !key.ends_with("ed") || given_name(lex, key)) return false;
  // Unknown to WordNet, or known only as an adjective ("treated"): no name, no noun.
  const name_entry self = lex.find(key);
  if (self.proper() || self.common_noun()) return false;
  // Seldom capitalised in historical English ("the United States" is).
  const lexicons::word_stat* st = stats ? stats->find(key) : nullptr;
  if (!st || st->mid_cap < 0 || st->mid_cap >= 100) return false;
  const std::string_view stem = key.substr(0, key.size() - 2);
  std::string bases[] = {std::string(stem), std::string(stem) + 'e', std::string(), std::string()};
  if (stem.ends_with('i')) bases[2] = std::string(stem.substr(0, stem.size() - 1)) + 'y';  // sallied
  if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2])
    bases[3] = std::string(stem.substr(0, stem.size() - 1));  // planned
  return std::any_of(std::begin(bases), std::end(bases),
                     [&](const std::string& b) { return !b.empty() && lex.find(b).common(); });
}

bool sovereign_title(std::string_view t) {
  static const char* const titles[] = {"king",    "queen",   "emperor", "empress", "tsar",   "czar",
                                       "tsarina", "czarina", "kaiser",  "sultan",  "shah",   "pharaoh",
                                       "pope",    "saint",   "st.",     "st",      "prince", "princess"};
  return std::any_of(std::begin(titles), std::end(titles), [&](const char* x) { return t == x; });
}

bool saint_title(std::string_view t) { return t == "saint"sv || t == "st."sv || t == "st"sv; }

bool church_title(std::string_view t) {
  static const char* const titles[] = {"abbot",    "archbishop", "bishop", "prior",  "dean",    "canon",
                                       "cardinal", "monk",       "friar",  "abbess", "prioress"};
  return std::any_of(std::begin(titles), std::end(titles), [&](const char* x) { return t == x; });
}

std::string ocr_title(const name_lexicon& lex, std::string_view key, const word_facts& facts) {
  // Seven letters at least: a foreign word is often one letter from a short title ("baiser").
  if (key.size() < 7 || facts.entry.found() || facts.stat || facts.lists != 0 || facts.long_s) return {};
  static const std::vector<std::string> titles = [&] {
    std::vector<std::string> t;
    for (std::string& w : lex.members(name_list::title))
      if (w.size() >= 7 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        t.push_back(std::move(w));
    return t;
  }();
  const std::size_t allowed = key.size() >= 9 ? 2 : 1;
  std::string found;
  for (const std::string& t : titles) {
    if (t.size() != key.size()) continue;
    std::size_t diff = 0;
    for (std::size_t i = 0; i < t.size() && diff <= allowed; ++i) diff += t[i] != key[i];
    if (diff > allowed) continue;
    if (!found.empty()) return {};  // two titles fit: no reading
    found = t;
  }
  return found;
}

word_facts compute_word_facts(const name_lexicon& lex_, const lexicons::word_stats* stats_, std::string_view key) {
  word_facts f;
  f.entry = lex_.find(key);
  f.lists = static_cast<std::uint16_t>(lex_.lists(key));
  for (const std::string& stem : singular_forms(key)) {
    if (char c = lex_.find(stem).proper()) {
      f.plural = c;
      break;
    }
  }
  if (stats_) f.stat = stats_->find(key);
  // Old print misread: a word unknown as written takes the facts of its first known long-s
  // reading ("Houfe" is House, "Prefident" President).
  if (!f.entry.found() && !f.stat) {
    for (const std::string& r : long_s_readings(key)) {
      const name_entry e = lex_.find(r);
      const lexicons::word_stat* st = stats_ ? stats_->find(r) : nullptr;
      if (!e.found() && !st) continue;
      word_facts g = compute_word_facts(lex_, stats_, r);
      g.long_s = true;
      return g;
    }
  }
  return f;
}

}  // namespace histext::entities_detail
