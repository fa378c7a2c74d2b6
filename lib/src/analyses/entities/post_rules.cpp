// The documented post-filters of the recogniser: readings the token-level model cannot make.
//   1. A group named by people joined with a hyphen ("the Zinoviev-Kamenev fraction", "the
//      Molotov-Ribbentrop pact") also names each of them: one token cannot carry two entities.
#include "analyses/entities/labeller.hpp"
#include "histext/names.hpp"

namespace histext::entities_detail {

void add_named_people(std::string_view text, std::vector<found_mention>& found, std::size_t from) {
  const name_lexicon& lex = name_lexicon::instance();
  const std::size_t end = found.size();
  for (std::size_t k = from; k < end; ++k) {
    const found_mention m = found[k];  // a copy: push_back below may move the vector
    if (m.type != entity_type::group || m.key.find(' ') != std::string::npos) continue;
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

}  // namespace histext::entities_detail
