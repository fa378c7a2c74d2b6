// The per-document memo of lexicon facts (see word_facts.hpp).
#include "analyses/entities/word_facts.hpp"

namespace histext::entities_detail {

const word_facts& word_facts_cache::get(std::string_view key) {
  auto it = memo_.find(key);
  if (it != memo_.end()) return it->second;
  return memo_.emplace(std::string(key), compute_word_facts(lex_, stats_, key)).first->second;
}

word_facts compute_word_facts(const name_lexicon& lex_, const lexicons::word_stats* stats_, std::string_view key) {
  word_facts f;
  f.entry = lex_.find(key);
  static const name_list lists[] = {name_list::title,       name_list::org_head,   name_list::place_word,
                                    name_list::group_noun,  name_list::connector,  name_list::function_word,
                                    name_list::nationality, name_list::given_name, name_list::person_verb,
                                    name_list::event_word};
  for (name_list l : lists)
    if (lex_.in(l, key)) f.lists |= static_cast<std::uint16_t>(1u << static_cast<int>(l));
  if (key.size() >= 4 && key.back() == 's') {
    for (std::string_view stem : {key.substr(0, key.size() - 1), key.substr(0, key.size() - 2)}) {
      if (char c = lex_.find(stem).proper()) {
        f.plural = c;
        break;
      }
    }
  }
  if (stats_) f.stat = stats_->find(key);
  return f;
}

}  // namespace histext::entities_detail
