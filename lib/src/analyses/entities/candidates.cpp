// Candidate mentions: the capitalised runs of a sentence (with connectors) and recording them.
#include "analyses/entities/recognizer.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

void recognizer::add_bytes(std::size_t first, std::size_t last, std::size_t begin, std::size_t end, entity_type type,
                           int weight, std::string evidence) {
  raw_mention m;
  m.first = first;
  m.last = last;
  m.begin = m.name_begin = begin;
  m.end = end;
  m.key = fold(normalize_word(text_.substr(begin, end - begin)));
  m.type = type;
  m.weight = weight;
  m.evidence = std::move(evidence);
  mentions_.push_back(std::move(m));
}

void recognizer::add(std::size_t first, std::size_t last, std::size_t name_first, entity_type type, int weight,
                     std::string evidence, bool tentative) {
  raw_mention m;
  m.first = first;
  m.last = last;
  m.begin = tok(first).begin;
  m.end = tok(last).base_end;
  if (options_.keep_titles) name_first = first;
  m.name_begin = tok(name_first).begin;
  for (std::size_t i = name_first; i <= last; ++i) {
    if (!word(i)) continue;
    if (!m.key.empty()) m.key += ' ';
    m.key += key_of(i);
  }
  m.type = type;
  m.weight = weight;
  m.evidence = std::move(evidence);
  m.tentative = tentative;
  for (std::size_t i = first; i <= last; ++i) used_[i] = 1;
  mentions_.push_back(std::move(m));
}

// Plural of a kind of person or of a group noun written with a capital: "Trotskyites", "Huguenots".
bool recognizer::singular_kind(const std::string& key, char& code, std::string& ev) {
  for (const auto& st : singular_forms(key)) {
    name_entry e = lex_.find(st);
    char p = e.proper();
    if (p == 'P' || p == 'g') {
      code = p;
      ev = "WordNet: plural of " + st + " (" + std::string(e.evidence) + ")";
      return true;
    }
  }
  return false;
}

void recognizer::scan_sentence(const sentence& s) {
  facts_base_ = s.first_token;
  facts_.clear();
  facts_.resize(s.last_token - s.first_token);
  // Title-case sentences (headings, "Learning Objectives") carry no capitalisation signal.
  int words = 0, caps = 0, allcaps = 0;
  std::size_t first_word = npos;
  for (std::size_t i = s.first_token; i < s.last_token; ++i) {
    if (!word(i)) continue;
    if (first_word == npos) first_word = i;
    ++words;
    const tok_facts& f = facts(i);
    caps += f.cap;
    allcaps += f.allcaps;
  }
  if (words == 0) return;
  const bool shouting = allcaps * 2 > words && words >= 2;
  const bool title_case = (words >= 2 && caps * 10 >= words * 7 && caps >= 2) || shouting ||
                          (s.block_kind == block_kind::heading && words >= 2);

  for (std::size_t i = s.first_token; i < s.last_token; ++i) {
    if (used_[i] || !word(i)) continue;
    const tok_facts& fi = facts(i);
    if (fi.cap && fi.allcaps && shouting) {
      // A heading in capitals: a word is a mention when the text names it elsewhere ("STALIN").
      if (!in(name_list::function_word, i) && !in(name_list::connector, i)) {
        char p = fi.lex.proper();
        entity_type ty = p == 'l' ? entity_type::place : p == 'g' ? entity_type::group : entity_type::person;
        add(i, i, i, ty, w_default, "context: in a heading in capitals, named elsewhere", true);
      }
      continue;
    }
    if (!fi.cap) continue;
    std::size_t j = i;
    while (true) {
      if (tok(j).possessive()) break;
      std::size_t n = j + 1;
      if (n >= s.last_token || !word(n) || tok(n).begin == tok(j).end) break;  // punctuation ends a name
      const tok_facts& fn = facts(n);
      if (fn.cap && !(fn.allcaps && shouting) && !in(name_list::function_word, n)) {
        j = n;
        continue;
      }
      if (fn.cap && in(name_list::function_word, n)) {
        // "The" inside a capitalised run only after "of": "Temple of The Sun" is rare; stop.
        break;
      }
      auto plain = [&](std::size_t q) { return common_only(q) || facts(q).lex.has('A'); };
      if (tok(n).norm == "and"sv && n + 1 < s.last_token && word(n + 1) && facts(n + 1).cap && plain(n + 1)) {
        // "Academy of Painting and Sculpture": "and" inside an institution's "of" complement.
        bool has_of = false;
        for (std::size_t k = i; k < j; ++k) has_of |= tok(k).norm == "of"sv || tok(k).norm == "for"sv;
        if (has_of && plain(j)) {
          j = n + 1;
          continue;
        }
      }
      if (tok(n).norm == "for"sv && in(name_list::org_head, j) && n + 1 < s.last_token && word(n + 1) &&
          facts(n + 1).cap && !in(name_list::function_word, n + 1)) {
        j = n + 1;  // "Society for General Systems Research"
        continue;
      }
      if (in(name_list::connector, n)) {
        std::size_t m = n + 1;
        const bool of = tok(n).norm == "of"sv;
        if (of && word(m) && tok(m).norm == "the"sv) ++m;
        if (m < s.last_token && word(m) && facts(m).cap && !in(name_list::function_word, m)) {
          if (of) {
            // Join "X of Y" only when X is an institution, place or title word, or a common noun.
            const tok_facts& fj = facts(j);
            bool head_ok = in(name_list::org_head, j) || in(name_list::place_word, j) || in(name_list::title, j) ||
                           (fj.lex.found() && fj.lex.common_noun() && !fj.lex.proper());
            // "Maurice of Nassau", "Hilary of Poitiers": a given name and the place it is "of".
            if (!head_ok && j == i && (fj.lex.has('F') || lex_.in(name_list::given_name, fj.key)) &&
                !in(name_list::connector, j))
              head_ok = true;
            if (!head_ok) break;
          }
          j = m;
          continue;
        }
      }
      break;
    }
    const bool initial = (i == first_word) || title_case;
    classify(i, j, s, initial, title_case);
    for (std::size_t k = i; k <= j; ++k) used_[k] = 1;
    i = j;
  }
}

}  // namespace histext::entities_detail
