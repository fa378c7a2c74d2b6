// The documented post-filters of the recogniser (docs/entities.md lists them):
//   1. A group named by people joined with a hyphen ("the Zinoviev-Kamenev fraction", "the
//      Molotov-Ribbentrop pact") also names each of them: one token cannot carry two entities. A
//      hyphenated name before a group noun (fraction, faction, bloc) is such a group.
//   2. One reading per document: a one-word name is dropped when the model read it in fewer than
//      half of the places where the word stands capitalised on its own (alone in a run of
//      capitalised words, or anywhere in a line of capitals), or when the document
//      writes the word in lower case more than ten times as often ("the dry land Earth" against
//      900 lower-case "earth"); otherwise every such place is read as that name
//      (labeller::apply_majority_readings).
//   3. A name never begins with a function word before a capitalised word ("For Judah"), nor with
//      a lower-case article ("la Baconnière"), and a person's name never ends with a function
//      word ("Charles I. He"; in labeller::label).
//   4. A person's name does not end in a plain common word that historical English seldom
//      capitalises ("General Public License", "Major Component", "Day"): WordNet gives the word no
//      proper sense, it is no given name, and the corpus capitalises it in fewer than 20% of its
//      mid-sentence uses (labeller::drop_common_word_people).
//   5. Person <-> place when WordNet knows only the other (grouping.cpp).
//   6. The capitalised words before the first comma of a dateline name a place ("Monticello,
//      November 14, 1809."; in labeller::label).
//   7. A form of address alone names nobody ("Dear Sir,", "Yes, Madam"); a person's name does not
//      begin with a month or weekday that is no given name ("November Ruth"; in labeller::label).
//   8. Names side by side: a person's name of several words, each of which the document names on
//      its own at least three times as often (and at least three times), and whose last word is a
//      given name (a surname seldom is), is those people standing side by side ("I gave unto
//      Isaac Jacob and Esau"): it is split into one mention each (split_side_by_side).
//   9. Initials alone name no person or place ("Mrs. B.", "A.M.", "N. Y."), unless the lexicon
//      knows them as a name ("U.S."); in labeller::label.
#include <cctype>
#include <unordered_map>

#include "analyses/entities/labeller.hpp"
#include "analyses/entities/recognizer.hpp"
#include "analyses/entities/word_facts.hpp"
#include "histext/names.hpp"
#include "lexicons/word_stats.hpp"

namespace histext::entities_detail {

void add_named_people(std::string_view text, std::vector<found_mention>& found, std::size_t from) {
  const name_lexicon& lex = name_lexicon::instance();
  const std::size_t end = found.size();
  for (std::size_t k = from; k < end; ++k) {
    const found_mention m = found[k];  // a copy: push_back below may move the vector
    if (m.key.find(' ') != std::string::npos) continue;
    // A group for the model, or any hyphenated name before a group noun ("the X-Y fraction", "bloc").
    const bool before_group_noun = !m.next_key.empty() && lex.in(name_list::group_noun, m.next_key);
    if (m.type != entity_type::group && !before_group_noun) continue;
    std::string_view surface = text.substr(m.name_begin, m.end - m.name_begin);
    if (surface.find('-') == std::string_view::npos) continue;
    std::vector<std::pair<std::size_t, std::size_t>> parts;  // byte ranges in text
    std::size_t at = 0;
    bool people = true;
    while (at <= surface.size() && people) {
      std::size_t dash = surface.find('-', at);
      if (dash == std::string_view::npos) dash = surface.size();
      std::string_view part = surface.substr(at, dash - at);
      std::string key = token_key_of(part);
      const name_entry e = lex.find(key);
      // A person's name: capitalised, not a nation or a place ("Anglo-French", "Austria-Hungary").
      people = capitalised(part) && part.size() > 1 && !lex.in(name_list::nationality, key) &&
               (e.proper() == 'p' || (!e.found() && !lex.in(name_list::function_word, key)));
      parts.emplace_back(m.name_begin + at, m.name_begin + dash);
      at = dash + 1;
    }
    if (!people || parts.size() < 2) continue;
    found[k].type = entity_type::group;  // the compound names the group they lead
    for (auto [b, e] : parts) {
      found_mention p = m;
      p.begin = p.name_begin = b;
      p.end = e;
      p.type = entity_type::person;
      p.key = token_key_of(text.substr(b, e - b));
      p.titles.clear();
      p.gender = 0;
      p.reasons = {{"named in the group " + std::string(surface), 1.0f}};
      found.push_back(std::move(p));
    }
  }
}

void labeller::apply_majority_readings(std::vector<found_mention>& found) const {
  struct tally {
    std::uint32_t read = 0;
    std::uint32_t by_type[3] = {};
    const found_mention* example = nullptr;
  };
  std::unordered_map<std::string, tally> reads;
  for (const auto& m : found)
    if (m.gazetteer_entry < 0 && m.key.find(' ') == std::string::npos) {
      tally& t = reads[m.key];
      ++t.read;
      ++t.by_type[static_cast<int>(m.type)];
      if (!t.example) t.example = &m;
    }
  auto minority = [&](const std::string& key, const tally& t) {
    auto it = standalone_.find(key);
    if (it != standalone_.end() && t.read * 2 < it->second.count) return true;
    const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr;
    return c && c->lower >= 20 && c->lower > 10 * t.read;
  };
  // The majority's other standalone occurrences, added with the key's most frequent type.
  std::vector<const std::string*> by_id(standalone_.size(), nullptr);
  for (const auto& [key, sa] : standalone_) by_id[sa.id] = &key;
  std::vector<found_mention> added;
  for (const occurrence& o : occurrences_) {
    if (o.read) continue;
    auto it = reads.find(*by_id[o.id]);
    if (it == reads.end() || minority(it->first, it->second)) continue;
    const tally& t = it->second;
    found_mention m;
    m.begin = m.name_begin = o.begin;
    m.end = o.end;
    m.sentence = o.sentence;
    m.block = o.block;
    m.paragraph = o.paragraph;
    m.block_kind = o.block_kind;
    m.key = it->first;
    int best = 0;
    for (int k = 1; k < 3; ++k)
      if (t.by_type[k] > t.by_type[best]) best = k;
    m.type = static_cast<entity_type>(best);
    m.reasons = {{"read as a name in most places where it stands capitalised", 1.0f}};
    added.push_back(std::move(m));
  }
  std::erase_if(found, [&](const found_mention& m) {
    if (m.gazetteer_entry >= 0 || m.key.find(' ') != std::string::npos) return false;
    auto it = reads.find(m.key);
    return it != reads.end() && minority(it->first, it->second);
  });
  for (auto& m : added) found.push_back(std::move(m));
}

void labeller::drop_common_word_people(std::vector<found_mention>& found) const {
  if (!env_.stats) return;  // the rule needs the corpus statistics
  std::erase_if(found, [&](const found_mention& m) {
    if (m.type != entity_type::person || m.gazetteer_entry >= 0 || m.key.empty()) return false;
    const std::size_t space = m.key.rfind(' ');
    const std::string last = space == std::string::npos ? m.key : m.key.substr(space + 1);
    const name_entry e = env_.lex->find(last);
    if (!e.common() || e.proper() || given_name(*env_.lex, last)) return false;
    const lexicons::word_stat* w = env_.stats->find(last);
    return w && w->mid_cap >= 0 && w->mid_cap < 200;
  });
}

void split_side_by_side(std::string_view text, std::vector<found_mention>& found) {
  std::unordered_map<std::string, std::uint32_t> people;  // mentions of each person's key
  for (const found_mention& m : found)
    if (m.type == entity_type::person && m.gazetteer_entry < 0) ++people[m.key];
  std::vector<found_mention> out;
  out.reserve(found.size());
  for (found_mention& m : found) {
    const bool candidate =
        m.type == entity_type::person && m.gazetteer_entry < 0 && m.key.find(' ') != std::string::npos;
    std::vector<std::string> words;
    bool apart = candidate;
    if (apart) {
      const std::uint32_t whole = people[m.key];
      words = split_words(m.key);
      for (const std::string& w : words) {
        auto it = people.find(w);
        apart = apart && it != people.end() && it->second >= 3 && it->second >= 3 * whole;
      }
      // A surname is seldom a given name: "John Adams" is one person however often "John" and
      // "Adams" stand alone; "Isaac Jacob" ends in a given name.
      apart = apart && !words.empty() && given_name(name_lexicon::instance(), words.back());
    }
    // The words' bytes: the surface split at white space, one part per word of the key.
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    if (apart) {
      std::size_t i = m.name_begin;
      while (i < m.end) {
        while (i < m.end && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t j = i;
        while (j < m.end && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) parts.emplace_back(i, j);
        i = j;
      }
      apart = parts.size() == words.size();
    }
    if (!apart) {
      out.push_back(std::move(m));
      continue;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      found_mention p = m;
      p.begin = k == 0 ? m.begin : parts[k].first;  // the first keeps the titles before it
      p.name_begin = parts[k].first;
      p.end = parts[k].second;
      p.key = words[k];
      if (k > 0) p.titles.clear(), p.gender = 0;
      p.next_key = k + 1 < parts.size() ? words[k + 1] : m.next_key;
      p.reasons = {{"named on its own " + std::to_string(people[words[k]]) + " times: names side by side", 1.0f}};
      out.push_back(std::move(p));
    }
  }
  found = std::move(out);
}

}  // namespace histext::entities_detail
