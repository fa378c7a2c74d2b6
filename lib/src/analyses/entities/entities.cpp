// Named people, groups and places: candidate name spans by shape (capitalised sequences with
// connectors), typed by the WordNet lexicon, the curated category lists and context rules, then
// grouped into entities (short forms joined to the fullest form, types decided by weighted vote).
#include "histext/entities.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "histext/error.hpp"
#include "histext/names.hpp"
#include "analyses/entities/bounds.hpp"
#include "common/text_util.hpp"

namespace histext {

const char* to_string(entity_type type) {
  switch (type) {
    case entity_type::person: return "person";
    case entity_type::group: return "group";
    case entity_type::place: return "place";
    case entity_type::work: return "work";
    case entity_type::other: return "other";
  }
  return "other";
}

entity_type parse_entity_type(const std::string& name) {
  for (auto t : {entity_type::person, entity_type::group, entity_type::place, entity_type::work, entity_type::other})
    if (name == to_string(t)) return t;
  throw error("unknown entity type '" + name + "' (expected person, group, place, work or other)");
}

namespace {

// Weights of the type evidence: lexicon and explicit rules beat context, context beats default.
constexpr int w_default = 1, w_context = 2, w_rule = 3, w_lexicon = 3;

UChar32 first_cp(std::string_view s, std::size_t& len) {
  std::size_t i = 0;
  UChar32 c = 0;
  if (s.empty()) {
    len = 0;
    return 0;
  }
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
  len = i;
  return c;
}

bool upper_cp(UChar32 c) { return c > 0 && (u_isupper(c) || u_istitle(c)); }

bool ascii_only(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::string fold(std::string_view norm) { return ascii_only(norm) ? std::string(norm) : strip_accents(norm); }

// Per-token facts, computed lazily.
struct tok_facts {
  bool done = false;
  bool cap = false;      // first letter upper case (or d'/l' + upper case)
  bool allcaps = false;  // every letter upper case, two letters or more
  std::string key;       // folded base (no possessive, no accents)
  name_entry lex;
};

struct raw_mention {
  std::size_t first = 0, last = 0;       // token range [first, last] of the whole mention
  std::size_t begin = 0, end = 0;        // bytes
  std::size_t name_begin = 0;            // bytes: where the name starts (after a title)
  std::string key;                       // folded name, words joined by one space
  entity_type type = entity_type::person;
  int weight = w_default;
  std::string evidence;
  bool tentative = false;                // kept only when the same name is confirmed elsewhere
  bool weak = false;                     // an unknown word typed by default: kept when it recurs
};

class recognizer {
 public:
  recognizer(const document& doc, const segmentation& seg, const entity_options& options)
      : lex_(name_lexicon::instance()), text_(doc.view()), seg_(seg), options_(options) {}

  std::vector<entity> run();

 private:
  const name_lexicon& lex_;
  std::string_view text_;
  const segmentation& seg_;
  const entity_options& options_;
  std::vector<tok_facts> facts_;  // of the current sentence's tokens
  std::size_t facts_base_ = 0;
  std::vector<raw_mention> mentions_;
  std::vector<char> used_;
  std::set<std::string> midsentence_caps_;  // keys seen capitalised inside a sentence

  const token& tok(std::size_t i) const { return seg_.tokens[i]; }
  bool word(std::size_t i) const { return i < seg_.tokens.size() && tok(i).is_word(); }

  const tok_facts& facts(std::size_t i) {
    tok_facts& f = facts_[i - facts_base_];
    if (f.done) return f;
    f.done = true;
    const token& t = tok(i);
    std::string_view s = t.text(text_);
    std::size_t len = 0;
    UChar32 c = first_cp(s, len);
    f.cap = upper_cp(c);
    if (!f.cap && s.size() > 2 && (s[0] == 'd' || s[0] == 'l') && s[1] == '\'') {
      std::size_t l2;
      f.cap = upper_cp(first_cp(s.substr(2), l2));
    }
    if (f.cap && t.hyphenated) {
      // "Bible-translation", "French-born": a compound ending in a lower-case word is no name, nor
      // one with a function word, a single letter or a plain common word ("All-Star", "Class-A").
      auto dash = s.rfind('-');
      std::size_t l3;
      if (dash != std::string_view::npos && dash + 1 < s.size() && !upper_cp(first_cp(s.substr(dash + 1), l3)))
        f.cap = false;
      std::string n(t.norm);
      std::size_t p = 0;
      int parts = 0, adjective_parts = 0;
      while (f.cap && p <= n.size()) {
        std::size_t q = n.find('-', p);
        if (q == std::string::npos) q = n.size();
        std::string part = fold(n.substr(p, q - p));
        if (!lex_.in(name_list::connector, part)) {
          name_entry e = lex_.find(part);
          if (part.size() <= 1 || lex_.in(name_list::function_word, part) ||
              (e.found() && !e.proper() && !e.has('A') && !e.has('F') && e.common()))
            f.cap = false;
          if (e.has('A') || lex_.in(name_list::nationality, part)) ++adjective_parts;
          ++parts;
        }
        p = q + 1;
      }
      if (parts > 0 && adjective_parts == parts) f.cap = false;  // "German-Russian", "Anglo-French"
    }
    if (f.cap && s.find('\'') != std::string_view::npos) {
      // Contractions: "I'm", "Don't".
      std::string n(t.norm);
      for (const char* c : {"n't", "'m", "'ll", "'re", "'ve", "'d"}) {
        std::string cs(c);
        if (n.size() > cs.size() && n.compare(n.size() - cs.size(), cs.size(), cs) == 0) f.cap = false;
      }
    }
    if (f.cap) {
      int letters = 0;
      bool all = true;
      std::size_t k = 0;
      while (k < s.size()) {
        UChar32 ch;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, s.size(), ch);
        if (u_isalpha(ch)) {
          ++letters;
          if (!upper_cp(ch)) all = false;
        }
      }
      f.allcaps = all && letters >= 2;
      f.key = fold(t.base());
      f.lex = lex_.find(f.key);
    }
    return f;
  }

  std::string key_of(std::size_t i) {
    const tok_facts& f = facts(i);
    if (f.cap) return f.key;
    return fold(tok(i).base());
  }
  // Lexicon entry of a word, or of its singular when the plural is not listed ("memoirs" -> memoir).
  name_entry lemma_lex(const std::string& k) const {
    name_entry e = lex_.find(k);
    if (e.found() || k.size() < 4 || k.back() != 's') return e;
    e = lex_.find(k.substr(0, k.size() - 1));
    if (e.found()) return e;
    if (k.compare(k.size() - 2, 2, "es") == 0) e = lex_.find(k.substr(0, k.size() - 2));
    if (e.found()) return e;
    if (k.compare(k.size() - 3, 3, "ies") == 0) e = lex_.find(k.substr(0, k.size() - 3) + "y");
    return e;
  }
  // Also past tenses, participles and adverbs: "Walked", "Continually".
  name_entry word_lex(const std::string& k) const {
    name_entry e = lemma_lex(k);
    if (e.found() || k.size() < 5) return e;
    auto ends = [&](const char* x) {
      std::string xs(x);
      return k.size() > xs.size() + 2 && k.compare(k.size() - xs.size(), xs.size(), xs) == 0;
    };
    if (ends("ed")) {
      e = lex_.find(k.substr(0, k.size() - 2));
      if (!e.found()) e = lex_.find(k.substr(0, k.size() - 1));
    } else if (ends("ing")) {
      e = lex_.find(k.substr(0, k.size() - 3));
      if (!e.found()) e = lex_.find(k.substr(0, k.size() - 3) + "e");
    } else if (ends("ly")) {
      e = lex_.find(k.substr(0, k.size() - 2));
    }
    return e.proper() ? name_entry{} : e;
  }
  // Is a capitalised word a plain common word (no proper sense, not a given name)?
  bool common_only(std::size_t i) {
    const tok_facts& f = facts(i);
    name_entry e = f.lex.found() ? f.lex : word_lex(f.key);
    if (!e.found() || e.proper() || e.has('F') || lex_.in(name_list::given_name, f.key)) return false;
    return e.common();
  }
  // Type of an unknown one-word name from the shape statistics of WordNet's names (naive Bayes on
  // the longest known suffix); 0 when nothing is known.
  char suffix_guess(const std::string& k, std::string& ev) const {
    for (std::size_t n = 4; n >= 2; --n) {
      if (k.size() <= n + 1) continue;
      name_entry e = lex_.find("-" + k.substr(k.size() - n));
      if (!e.found() || e.codes != "S") continue;
      int p = 0, l = 0, g = 0;
      if (std::sscanf(std::string(e.evidence).c_str(), "%d %d %d", &p, &l, &g) != 3) continue;
      double sp = (p + 1) / 2.3, sl = l + 1.0;  // WordNet holds about 2.3 times more people than places
      ev = "shape: names ending in -" + k.substr(k.size() - n) + " in WordNet (" + std::to_string(p) + " people, " +
           std::to_string(l) + " places)";
      if (sl > 3.0 * sp && l >= 5) return 'l';
      if (sp > 3.0 * sl && p >= 6) return 'p';
      return 0;
    }
    return 0;
  }
  bool noun_at(std::size_t i) {
    if (i == npos || !word(i)) return false;
    if (facts(i).cap) return true;
    return lemma_lex(key_of(i)).common_noun() != 0;
  }

  bool in(name_list l, std::size_t i) {
    if (!word(i)) return false;
    // "US", "IT" in capitals inside a normal sentence are acronyms, not pronouns.
    if (l == name_list::function_word && facts(i).allcaps) return false;
    return lex_.in(l, tok(i).norm) || lex_.in(l, key_of(i));
  }

  // Previous / next word token inside the sentence, or npos.
  std::size_t prev_tok(std::size_t i, const sentence& s) const { return i > s.first_token ? i - 1 : npos; }
  std::size_t next_tok(std::size_t i, const sentence& s) const { return i + 1 < s.last_token ? i + 1 : npos; }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  void scan_sentence(const sentence& s);
  void classify(std::size_t a, std::size_t b, const sentence& s, bool initial, bool title_case);
  void add(std::size_t first, std::size_t last, std::size_t name_first, entity_type type, int weight,
           std::string evidence, bool tentative = false);
  void add_bytes(std::size_t first, std::size_t last, std::size_t begin, std::size_t end, entity_type type,
                 int weight, std::string evidence);
  bool singular_kind(const std::string& key, char& code, std::string& ev);
  std::vector<entity> group();
};

void recognizer::add_bytes(std::size_t first, std::size_t last, std::size_t begin, std::size_t end,
                           entity_type type, int weight, std::string evidence) {
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
  if (key.size() < 4 || key.back() != 's') return false;
  std::vector<std::string> stems = {key.substr(0, key.size() - 1)};
  if (key.size() > 4 && key.compare(key.size() - 2, 2, "es") == 0) stems.push_back(key.substr(0, key.size() - 2));
  if (key.size() > 4 && key.compare(key.size() - 3, 3, "ies") == 0) stems.push_back(key.substr(0, key.size() - 3) + "y");
  if (key.size() > 4 && key.compare(key.size() - 3, 3, "men") == 0) stems.push_back(key.substr(0, key.size() - 3) + "man");
  for (const auto& st : stems) {
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
      if (tok(n).norm == "and" && n + 1 < s.last_token && word(n + 1) && facts(n + 1).cap && plain(n + 1)) {
        // "Academy of Painting and Sculpture": "and" inside an institution's "of" complement.
        bool has_of = false;
        for (std::size_t k = i; k < j; ++k) has_of |= tok(k).norm == "of" || tok(k).norm == "for";
        if (has_of && plain(j)) {
          j = n + 1;
          continue;
        }
      }
      if (tok(n).norm == "for" && in(name_list::org_head, j) && n + 1 < s.last_token && word(n + 1) &&
          facts(n + 1).cap && !in(name_list::function_word, n + 1)) {
        j = n + 1;  // "Society for General Systems Research"
        continue;
      }
      if (in(name_list::connector, n)) {
        std::size_t m = n + 1;
        const bool of = tok(n).norm == "of";
        if (of && word(m) && tok(m).norm == "the") ++m;
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

void recognizer::classify(std::size_t a, std::size_t b, const sentence& s, bool initial, bool title_case) {
  const bool attribution = s.block_kind == block_kind::attribution;
  // Leading function words and particles: "The", "In", "De".
  while (a <= b && (in(name_list::function_word, a) || in(name_list::connector, a) || !word(a))) {
    std::string whole;
    for (std::size_t k = a; k <= b; ++k)
      if (word(k)) whole += (whole.empty() ? "" : " ") + key_of(k);
    name_entry e = lex_.find(whole);
    if (a < b && e.proper() && e.proper() != 'o') break;  // "The Hague"
    // A capitalised article inside a sentence belongs to the name: "La Venta", "El Castillo".
    const std::string& an = tok(a).norm;
    if (a < b && !initial && word(a) && facts(a).cap && in(name_list::connector, a) && an != "of" && an != "and" &&
        an != "for")
      break;
    ++a;
    initial = title_case;
  }
  // List markers: "A. Anasazi" at the start of a sentence.
  if (initial && a < b && tok(a).end - tok(a).begin == 2 && text_[tok(a).end - 1] == '.') {
    ++a;
    initial = title_case;
  }
  // Trailing particles cannot end a name.
  while (b > a && (in(name_list::connector, b) || !word(b))) --b;
  if (a > b) return;
  {
    // A long run of titles: only the last max_title_run stay with the name (see bounds.hpp).
    std::vector<std::size_t> titles;
    for (std::size_t k = a; k <= b && (!word(k) || in(name_list::title, k)); ++k)
      if (word(k)) titles.push_back(k);
    if (titles.size() > entities_detail::max_title_run) a = titles[titles.size() - entities_detail::max_title_run];
  }

  std::vector<std::size_t> w;
  for (std::size_t k = a; k <= b; ++k)
    if (word(k)) w.push_back(k);
  if (w.empty()) return;
  std::string whole;
  for (auto k : w) whole += (whole.empty() ? "" : " ") + key_of(k);
  const std::size_t before = prev_tok(a, s), after = next_tok(b, s);
  auto prev_word_norm = [&](std::size_t from) -> std::string {
    std::size_t p = prev_tok(from, s);
    if (p != npos && word(p) && tok(p).norm == "the") p = prev_tok(p, s);
    return p != npos && word(p) ? tok(p).norm : std::string();
  };
  const std::string prev = prev_word_norm(a);
  const bool after_the = before != npos && word(before) && tok(before).norm == "the";

  // Citation: "Place: Publisher, 1971".
  if (after != npos && text_.substr(tok(after).begin, tok(after).end - tok(after).begin) == ":") {
    std::size_t k = after + 1, pub_first = npos, pub_last = npos;
    for (; k < s.last_token; ++k) {
      if (word(k)) {
        if (pub_first == npos) pub_first = k;
        pub_last = k;
        continue;
      }
      break;
    }
    if (pub_first != npos && facts(pub_first).cap && k + 1 < s.last_token && tok(k).norm == "," &&
        tok(k + 1).kind == token_kind::number && tok(k + 1).end - tok(k + 1).begin == 4) {
      add(a, b, a, entity_type::place, w_rule, "rule: place before the publisher in a citation");
      add(pub_first, pub_last, pub_first, entity_type::group, w_rule, "rule: publisher in a citation");
      return;
    }
  }

  // Hyphenated names before a group noun: "the X-Y fraction" is a group, X and Y people.
  if (after != npos && word(after) && tok(b).hyphenated && lex_.in(name_list::group_noun, tok(after).norm)) {
    std::string_view t = tok(b).text(text_);
    bool all_caps_parts = true;
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t p = 0;
    while (p <= t.size()) {
      std::size_t q = t.find('-', p);
      if (q == std::string_view::npos) q = t.size();
      std::size_t len;
      if (q == p || !upper_cp(first_cp(t.substr(p, q - p), len))) all_caps_parts = false;
      parts.emplace_back(p, q);
      p = q + 1;
    }
    if (all_caps_parts && parts.size() >= 2) {
      std::string noun(tok(after).norm);
      add(a, after, a, entity_type::group, w_rule, "rule: <Name>-<Name> " + noun);
      for (auto [pb, pe] : parts) {
        std::string k = fold(normalize_word(t.substr(pb, pe - pb)));
        name_entry e = lex_.find(k);
        entity_type ty = entity_type::person;
        std::string ev = "rule: name in a <Name>-<Name> " + noun;
        if (e.proper() == 'l') ty = entity_type::place, ev = "WordNet: " + std::string(e.evidence);
        add_bytes(b, b, tok(b).begin + pb, tok(b).begin + pe, ty, w_rule, ev);
      }
      return;
    }
  }

  // A capitalised phrase alone between quotation marks is a title ("“Takekurabe”", "“The Lovers”"),
  // unless the lexicon knows it as a name.
  if (before != npos && after != npos && !word(before) && !word(after)) {
    std::string_view ob = tok(before).text(text_), ca = tok(after).text(text_);
    bool quoted = (ob == "\"" && ca == "\"") || (ob == "\u201c" && ca == "\u201d") ||
                  (ob == "\u2018" && ca == "\u2019") || (ob == "'" && ca == "'");
    std::string wk;
    for (std::size_t k = a; k <= b; ++k)
      if (word(k)) wk += (wk.empty() ? "" : " ") + key_of(k);
    char lp = lex_.find(wk).proper();
    if (quoted && !(lp == 'p' || lp == 'l' || lp == 'g')) {
      add(a, b, a, entity_type::work, w_rule, "rule: quoted title");
      return;
    }
  }
  // A title alone is not a name ("the King", "Lord").
  if (w.size() == 1 && in(name_list::title, w[0])) return;

  // Whole-span lexicon entry ("St Petersburg" is looked up as "st. petersburg" too).
  name_entry whole_e = lex_.find(whole);
  if (!whole_e.found() && whole.size() > 3 && whole.compare(0, 3, "st ") == 0) whole_e = lex_.find("st. " + whole.substr(3));
  char wp = whole_e.proper();
  const bool after_det = before != npos && word(before) &&
                        (tok(before).norm == "the" || tok(before).norm == "this" || tok(before).norm == "that" ||
                         tok(before).norm == "our" || tok(before).norm == "a" || tok(before).norm == "every" ||
                         tok(before).norm == "their" || tok(before).norm == "his" || tok(before).norm == "her");
  const bool common_first = !whole_e.codes.empty() && std::string_view("hqwnavr").find(whole_e.codes[0]) != std::string_view::npos;
  if (w.size() == 1 && wp && wp != 'o' && common_first && (title_case || (after_det && wp != 'p'))) {
    if (!title_case && in(name_list::org_head, w[0]) && whole_e.common_noun() == 'q')
      add(a, b, a, entity_type::group, w_context, "context: capitalised institution word");
    return;  // "the State", "Man", "Independence" in a heading
  }
  if (wp == 'p' && w.size() == 1 && after_det && whole_e.common()) {
    // "the Nation", "the Saviour": after "the", a word that is also common is not a person's name.
    if (in(name_list::org_head, w[0]) && whole_e.common_noun() == 'q')
      add(a, b, a, entity_type::group, w_context, "context: capitalised institution word");
    return;
  }
  if (w.size() == 1 && wp && wp != 'p' && (whole_e.has('F') || whole_e.has('p') || lex_.in(name_list::given_name, whole)) &&
      before != npos && word(before) && !facts(before).cap &&
      (in(name_list::title, before) || lemma_lex(key_of(before)).common_noun() == 'h')) {
    // "my son Leon", "the emperor Charles": a person noun or a title before a name.
    add(a, b, a, entity_type::person, w_rule, "context: after '" + std::string(tok(before).norm) + "'");
    return;
  }
  if (wp == 'p' || wp == 'l' || wp == 'g') {
    entity_type ty = wp == 'p' ? entity_type::person : wp == 'l' ? entity_type::place : entity_type::group;
    if (ty == entity_type::place && w.size() > 1) {
      // "University of Paris", "Harvard University": WordNet files them as buildings; the name's
      // head makes them institutions.
      std::size_t hd = w.back();
      for (std::size_t k = 1; k < w.size(); ++k)
        if (tok(w[k]).norm == "of") {
          hd = w[k - 1];
          break;
        }
      if (in(name_list::org_head, hd)) ty = entity_type::group;
    }
    // A sentence-initial word that is also a common word ("Born", "Grant") is a name only when the
    // text confirms it elsewhere.
    bool doubt = initial && w.size() == 1 && (whole_e.common() || attribution) && !tok(b).possessive();
    if (doubt && !attribution && after != npos && word(after)) {
      // "Chamberlain and Hartington left", "Drake said": context confirms a sentence-initial name.
      std::size_t n2 = next_tok(after, s);
      const std::string& an = tok(after).norm;
      if (lex_.in(name_list::person_verb, an) || (an == "and" && n2 != npos && word(n2) && facts(n2).cap))
        doubt = false;
    }
    add(a, b, a, ty, w_lexicon, "WordNet: " + std::string(whole_e.evidence), doubt);
    return;
  }
  if (wp == 'o' && w.size() > 1) {
    add(a, b, a, entity_type::other, w_lexicon, "WordNet: " + std::string(whole_e.evidence));
    return;
  }
  {
    char code;
    std::string ev;
    if (singular_kind(whole, code, ev)) {
      add(a, b, a, entity_type::group, w_lexicon, ev, initial && w.size() == 1 && lemma_lex(whole).common());
      return;
    }
  }

  // Titles: "General Kornilov" -> Kornilov; "Earl of Clare" stays whole.
  std::size_t n0 = 0;
  while (n0 < w.size() && in(name_list::title, w[n0])) {
    // "St. Louis" is a name, not a title and a name.
    std::string pre = key_of(w[n0]);
    bool known = false;
    for (std::size_t k = n0 + 1; k < w.size() && !known; ++k) {
      pre += " " + key_of(w[k]);
      char rp = lex_.find(pre).proper();
      known = rp && rp != 'o' && rp != 'P';
    }
    if (known) break;
    ++n0;
  }
  std::size_t of_at = npos;
  for (std::size_t k = 1; k < w.size(); ++k) {
    const std::string& cn = tok(w[k]).norm;
    if (cn == "of" || cn == "for" ||
        ((cn == "de" || cn == "des" || cn == "du" || cn == "di" || cn == "da" || cn == "del" || cn == "della") &&
         !facts(w[k]).cap)) {
      of_at = k;
      break;
    }
  }
  const std::size_t head = of_at == npos ? w.back() : w[of_at - 1];
  if (n0 > 0 && n0 < w.size()) {
    if (tok(w[n0]).norm == "of") {
      add(a, b, a, entity_type::person, w_rule, "rule: <Title> of <Name>");
      return;
    }
    bool org_tail = in(name_list::org_head, head) || in(name_list::place_word, head);
    bool rest_common = true;
    for (std::size_t k = n0; k < w.size(); ++k) rest_common &= common_only(w[k]);
    if (rest_common && !org_tail) return;  // "Chief Justice", "Major League"
    if (!org_tail) {
      add(a, b, w[n0], entity_type::person, w_rule, "rule: title " + std::string(tok(w[0]).norm) + " before a name");
      return;
    }
  }

  // "X of Y": the head of X decides.
  const tok_facts& fh = facts(head);
  if (w.size() > 1 && in(name_list::event_word, head)) {
    add(a, b, a, entity_type::other, w_rule, "rule: event or document '" + std::string(tok(head).norm) + "'");
    return;
  }
  if (w.size() > 1) {
    if (in(name_list::org_head, head)) {
      add(a, b, a, entity_type::group, w_rule, "rule: organisation head '" + std::string(tok(head).norm) + "'");
      return;
    }
    if (in(name_list::place_word, head)) {
      add(a, b, a, entity_type::place, w_rule, "rule: place word '" + std::string(tok(head).norm) + "'");
      return;
    }
    if (of_at == npos && in(name_list::place_word, w[0]) && !initial && !common_only(w[1])) {
      // "Valley Forge", "Mount Vernon", "Lake Ladoga": the place word first.
      add(a, b, a, entity_type::place, w_rule, "rule: place word '" + std::string(tok(w[0]).norm) + "' first");
      return;
    }
    if (of_at == npos && in(name_list::org_head, w[0]) && !in(name_list::title, w[0]) && !initial) {
      // "Théâtre National Populaire", "Conservatoire Royal": the head comes first in many languages.
      add(a, b, a, entity_type::group, w_rule, "rule: organisation head '" + std::string(tok(w[0]).norm) + "' first");
      return;
    }
  }
  if (of_at != npos) {
    name_entry hl = fh.lex.found() ? fh.lex : lemma_lex(fh.key);
    char cn = hl.found() && !hl.proper() && !hl.has('F') && !lex_.in(name_list::given_name, fh.key) ? hl.common_noun() : 0;
    if (cn) {
      if (cn == 'h' && !attribution) {
        add(a, b, a, entity_type::person, w_rule, "rule: <person noun> of <Name>");
        return;
      }
      if (cn == 'q') {
        add(a, b, a, entity_type::group, w_rule, "rule: <group noun> of <Name>");
        return;
      }
      if (cn == 'w') {
        add(a, b, a, entity_type::place, w_rule, "rule: <place noun> of <Name>");
        return;
      }
      // A common noun before a name: the title of a work ("Memoirs of ..."), then the name itself.
      if (attribution) add(a, w[of_at - 1], a, entity_type::work, w_rule, "rule: title of a work in an attribution");
      std::size_t rest = w[of_at] + 1;
      if (rest <= b) classify(rest, b, s, false, title_case);
      return;
    }
  }

  if (w.size() > 1) {
    // Leading plain common words are not part of a name: "Together Bernoulli", "Mathematician X".
    if (common_only(w[0]) && !facts(w[0]).lex.has('A') && lemma_lex(facts(w[0]).key).proper() == 0) {
      bool all_common = true;
      for (auto k : w) all_common &= common_only(k);
      if (all_common) {
        // "the Socialist Revolutionaries", "National Guardsmen": a plural of a noun for people.
        const std::string& hk = fh.key;
        name_entry sg = lemma_lex(hk);
        if (!initial && !title_case && hk.size() > 3 && hk.back() == 's' && !lex_.find(hk).found() &&
            (sg.common_noun() == 'h' || sg.common_noun() == 'q')) {
          add(a, b, a, entity_type::group, w_rule, "rule: plural head '" + std::string(tok(head).norm) + "'");
          return;
        }
        return;  // "Learning Objectives", "Civil War"
      }
      if (initial || fh.lex.proper() == 'p' || !common_only(head)) {
        std::size_t k = 1;
        while (k < w.size() && common_only(w[k])) ++k;
        const bool person_noun = lemma_lex(facts(w[0]).key).common_noun() == 'h';
        if (k < w.size() && (initial || (person_noun && facts(w[k]).lex.proper() == 'p'))) {
          classify(w[k], b, s, false, title_case);
          return;
        }
      }
    }
  }

  // Names whose words the lexicon knows.
  int persons = 0, places = 0, unknown = 0;
  for (auto k : w) {
    const tok_facts& f = facts(k);
    char p = f.lex.proper();
    if (p == 'p') ++persons;
    if (p == 'l') ++places;
    if (!f.lex.found() && !word_lex(f.key).found()) ++unknown;
  }
  auto given_at = [&](std::size_t k) {
    const tok_facts& f = facts(k);
    std::string_view t = tok(k).text(text_);
    bool initial_letter = t.size() == 2 && t[1] == '.';
    if (in(name_list::connector, k)) return false;  // "La Venta", "El Castillo"
    if (initial_letter || lex_.in(name_list::given_name, f.key)) return true;
    // WordNet's given names, unless also an adjective or adverb ("First", "Black").
    return f.lex.has('F') && !f.lex.has('a') && !f.lex.has('r');
  };
  if (w.size() > 1) {
    // Initials alone ("U. S.", "H. R.") are abbreviations, not people.
    bool all_initials = true;
    for (auto k : w) {
      std::string_view t = tok(k).text(text_);
      all_initials &= t.size() == 2 && t[1] == '.';
    }
    if (all_initials) return;
    // An adjective of nationality or region at the end: "West European", "Latin Catholic".
    if (fh.lex.has('A') || lex_.in(name_list::nationality, fh.key)) return;
    const bool head_plural = fh.key.size() > 3 && fh.key.back() == 's' && !tok(head).possessive() &&
                             !lex_.find(fh.key).proper() && fh.key.compare(fh.key.size() - 2, 2, "ss") != 0;
    bool plural_ok = false;
    if (head_plural) {
      const std::string& hk = fh.key;
      bool latin = hk.size() > 2 && (hk.compare(hk.size() - 2, 2, "us") == 0 || hk.compare(hk.size() - 2, 2, "is") == 0);
      name_entry sg = lemma_lex(hk);
      char cn = sg.common_noun();
      char sp = sg.proper();
      char p0 = facts(w[0]).lex.proper();
      plural_ok = !latin && (cn == 'h' || cn == 'q' || sp == 'P' || sp == 'g' ||
                             ((!sg.found() || cn == 'n') && (p0 == 'l' || p0 == 'g')));
      if (plural_ok && sg.found() && lex_.in(name_list::place_word, std::string(hk.substr(0, hk.size() - 1)))) {
        add(a, b, a, entity_type::place, w_rule, "rule: plural place word '" + std::string(tok(head).norm) + "'");
        return;
      }
    }
    if (plural_ok && !given_at(w[0])) {
      // "the Boston Red Sox", "DC Comics", "Wycliffe Bible Translators": a plural head names a group.
      add(a, b, a, entity_type::group, w_rule, "rule: plural head '" + std::string(tok(head).norm) + "'");
      return;
    }
    // A common head makes no person: "James Webb Space Telescope", "Santa Cruz Lectures".
    if (common_only(head) && !in(name_list::title, head) && !(w.size() == 2 && given_at(w[0]))) {
      if (!initial && !title_case)
        add(a, b, a, entity_type::other, w_default, "default: capitalised phrase with a common head");
      return;
    }
    bool rest_unknown = true;  // in a title-case line, "Jules Qwertz" still reads as a name
    for (std::size_t k = 1; k < w.size(); ++k) rest_unknown &= !facts(w[k]).lex.found() && !word_lex(facts(w[k]).key).found();
    if (given_at(w[0]) && (!title_case || rest_unknown)) {
      add(a, b, a, entity_type::person, w_rule, "rule: given name " + std::string(tok(w[0]).norm) + " + name");
      return;
    }
    char hp = fh.lex.proper();
    bool modifiers_only = true;  // "Spanish Netherlands", "North America": adjectives before a place
    for (std::size_t k = 0; k + 1 < w.size(); ++k) {
      const tok_facts& f = facts(w[k]);
      bool ing = f.key.size() > 4 && f.key.compare(f.key.size() - 3, 3, "ing") == 0;
      modifiers_only &= !ing && !given_at(w[k]) && (f.lex.has('A') || f.lex.has('a') || f.lex.proper() == 'l');
    }
    if (hp == 'l' && persons == 0 && modifiers_only) {
      add(a, b, a, entity_type::place, w_lexicon, "WordNet: last word is a place (" + std::string(fh.lex.evidence) + ")");
      return;
    }
    {
      // "Copying Beethoven", "Wrecking Ball": a name does not open with a verb's -ing form.
      const std::string& k0 = facts(w[0]).key;
      if (k0.size() > 5 && k0.compare(k0.size() - 3, 3, "ing") == 0 && !given_at(w[0])) {
        std::string stem = k0.substr(0, k0.size() - 3);
        if (lex_.find(stem).has('v') || lex_.find(stem + "e").has('v') ||
            (stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
             lex_.find(stem.substr(0, stem.size() - 1)).has('v')))
          return;
      }
    }
    {
      // "Syrian Thebaid", "Hebrew Gospel": an adjective of nationality before unknown words is no
      // person's name; after a place preposition it is a place.
      const tok_facts& f0 = facts(w[0]);
      if ((f0.lex.has('A') || lex_.in(name_list::nationality, f0.key)) && !given_at(w[0]) && persons == 0) {
        if (prev == "in" || prev == "at" || prev == "near" || prev == "from" || prev == "into" || prev == "to")
          add(a, b, a, entity_type::place, w_context, "context: after '" + prev + "'");
        return;
      }
    }
    if (hp == 'l' && persons == 0 && !given_at(w[0]) && !title_case) {
      // "Creative Commons Africa": a name ending in a place's name, but not a place itself and
      // seldom a person; its kind is unknown, so it is not listed.
      return;
    }
    if (hp == 'g') {
      add(a, b, a, entity_type::group, w_lexicon, "WordNet: last word is a group (" + std::string(fh.lex.evidence) + ")");
      return;
    }
    if (hp == 'p' || (persons > 0 && !common_only(head))) {
      add(a, b, a, entity_type::person, w_lexicon, "WordNet: contains a person's name");
      return;
    }
    if (common_only(head)) {
      // "Mathematical Exercises", "Pritzker Architecture Prize": a common head makes no person.
      if (!initial && !title_case)
        add(a, b, a, entity_type::other, w_default, "default: capitalised phrase with a common head");
      return;
    }
    if (title_case && unknown == 0 && persons + places == 0) return;
    entity_type ty = entity_type::person;
    std::string ev = "default: capitalised sequence";
    int weight = w_default;
    if (prev == "in" || prev == "at" || prev == "near" || prev == "from" || prev == "across" || prev == "throughout" ||
        prev == "into") {
      ty = entity_type::place, ev = "context: after '" + prev + "'", weight = w_context;
    } else if (prev == "by" && attribution) {
      ev = "rule: name after 'by' in an attribution", weight = w_rule;
    }
    add(a, b, a, ty, weight, ev, title_case && unknown == 0);
    return;
  }

  // One word.
  const std::size_t k = w[0];
  const tok_facts& f = facts(k);
  if (in(name_list::function_word, k)) return;
  char p = f.lex.proper();
  const bool place_prep = prev == "in" || prev == "at" || prev == "near" || prev == "from" || prev == "to" ||
                          prev == "across" || prev == "throughout" || prev == "into";
  if (p && p != 'l' && f.lex.has('l') && place_prep && !initial) {
    add(a, b, a, entity_type::place, w_lexicon, "WordNet: a place, after '" + prev + "'");
    return;
  }
  if (p == 'P') {
    // A kind of person, singular: "the Maya" (a people) vs "Russian" (an adjective).
    // Only when no word it could modify follows: "the Maya built", "the Maya." (not "the American film").
    bool ends = after == npos || !word(after) || in(name_list::function_word, after) ||
                lex_.find(key_of(after)).codes.substr(0, 1) == "v";
    if (after_the && ends && !initial)
      add(a, b, a, entity_type::group, w_rule, "rule: the <people> (WordNet: " + std::string(f.lex.evidence) + ")");
    return;
  }
  if (lex_.in(name_list::nationality, f.key)) {
    bool plural = f.key.back() == 's' || (f.key.size() > 3 && f.key.compare(f.key.size() - 3, 3, "men") == 0);
    bool noun_follows = noun_at(after);
    if ((plural && !noun_follows) || (after_the && !noun_follows))
      add(a, b, a, entity_type::group, w_rule, "rule: nationality or people");
    return;
  }
  if (p == 'o') {
    if (!f.lex.common() && !initial) add(a, b, a, entity_type::other, w_lexicon, "WordNet: " + std::string(f.lex.evidence));
    return;
  }
  // Group suffixes on a name: "<Name>-ites", "<Name>-ists", "<Name>-ians".
  for (const char* suf : {"ites", "ists", "ians", "ans", "ites"}) {
    std::string sf(suf);
    if (f.key.size() > sf.size() + 2 && f.key.compare(f.key.size() - sf.size(), sf.size(), sf) == 0) {
      std::string stem = f.key.substr(0, f.key.size() - sf.size());
      for (const std::string& cand : {stem, stem + "e", stem + "a", stem.substr(0, stem.size() - 1)}) {
        name_entry e = lex_.find(cand);
        if (e.proper() == 'p' || e.proper() == 'l') {
          add(a, b, a, entity_type::group, w_rule, "rule: <Name>-" + sf + " (followers of " + cand + ")");
          return;
        }
      }
    }
  }
  name_entry wl = f.lex.found() ? f.lex : word_lex(f.key);
  if (wl.found() && wl.common()) {
    // A capitalised common word. Inside a sentence an institution word names one ("the Government").
    if (!initial && after_the && in(name_list::org_head, k) && wl.common_noun() == 'q')
      add(a, b, a, entity_type::group, w_context, "context: capitalised institution word");
    return;
  }
  // Unknown to every lexicon: a name. Its type comes from context, then from its shape.
  if (initial && (attribution || s.block_kind == block_kind::heading)) {
    // Kept only when the text confirms it (another mention, or a variant: "Lénine" of "Lenin").
    add(a, b, a, entity_type::person, w_default, "default: unknown capitalised word, confirmed elsewhere", true);
    return;
  }
  entity_type ty = entity_type::person;
  std::string ev = "default: unknown capitalised word";
  int weight = w_default;
  std::string sev;
  char guess = suffix_guess(f.key, sev);
  bool digits = false;
  for (char ch : f.key) digits |= ch >= '0' && ch <= '9';
  const bool acronym = f.allcaps && f.key.size() <= 6;
  if (acronym && (digits || f.key.size() < 3 || (after != npos && word(after) && !facts(after).cap && noun_at(after))))
    return;  // "PM2.5", "AI", "ICT sector"
  const std::string& uk = f.key;
  const bool plural_shape = uk.size() > 4 && uk.back() == 's' && uk[uk.size() - 2] != 's' &&
                            uk[uk.size() - 2] != 'u' && uk[uk.size() - 2] != 'i' && !tok(k).possessive();
  // A plural acronym ("MDGs") names things, not a group: not listed.
  {
    std::string_view t = tok(k).text(text_);
    if (!f.allcaps && t.size() >= 3 && t.back() == 's' && std::isupper(static_cast<unsigned char>(t[t.size() - 2])) &&
        std::isupper(static_cast<unsigned char>(t[0])) && std::isupper(static_cast<unsigned char>(t[1])))
      return;
  }
  bool quantified = after_the;  // "the Tejanos", "many Tejanos", "wealthy Tejanos"
  if (!quantified && before != npos && word(before) && !facts(before).cap) {
    const std::string& bn = tok(before).norm;
    name_entry be = lex_.find(bn);
    quantified = bn == "many" || bn == "some" || bn == "all" || bn == "these" || bn == "those" || bn == "both" ||
                 bn == "several" || bn == "most" || bn == "few" ||
                 (be.found() && be.codes[0] == 'a' && !lex_.in(name_list::function_word, bn));
  }
  if (plural_shape && quantified) {
    add(a, b, a, entity_type::group, w_context, "context: the <Names>");
    return;
  }
  if (acronym) {
    ty = entity_type::group, ev = "default: acronym";
  } else if (f.lex.has('F') || lex_.in(name_list::given_name, f.key)) {
    ev = "rule: given name", weight = w_context;
  } else if (guess == 'l') {
    ty = entity_type::place, ev = sev;
  } else if (guess == 'p') {
    ev = sev;
  }
  std::size_t n1 = after, n2 = after == npos ? npos : next_tok(after, s);
  if (acronym || weight > w_default) {
  } else if (guess == 'p' && !(prev == "in" || prev == "at" || prev == "near" || prev == "from" ||
                                prev == "across" || prev == "throughout" || prev == "into")) {
    weight = w_context;  // "-sky", "-ovich": a surname's shape is evidence enough
  } else if (prev == "in" || prev == "at" || prev == "near" || prev == "from" || prev == "across" ||
             prev == "throughout" || prev == "into") {
    ty = entity_type::place, ev = "context: after '" + prev + "'", weight = w_context;
  } else if (n1 != npos && tok(n1).norm == "," && n2 != npos && word(n2) && facts(n2).cap &&
             facts(n2).lex.proper() == 'l') {
    ty = entity_type::place, ev = "context: before ', <place>'", weight = w_context;
  } else if (prev == "by" && attribution) {
    ty = entity_type::person, ev = "rule: name after 'by' in an attribution", weight = w_rule;
  } else if (after != npos && word(after) && lex_.in(name_list::person_verb, tok(after).norm)) {
    ty = entity_type::person, ev = "context: before '" + tok(after).norm + "'", weight = w_context;
  } else {
    // Coordinated with a person the lexicon knows: "Rykov and Bukharin", "Bukharin, Rykov".
    auto person_at = [&](std::size_t q) {
      if (q == npos || !word(q) || !facts(q).cap) return false;
      if (facts(q).lex.proper() == 'p') return true;
      std::string unused;
      return !facts(q).lex.found() && guess == 'p' && suffix_guess(facts(q).key, unused) == 'p';
    };
    auto place_at = [&](std::size_t q) {
      return q != npos && word(q) && facts(q).cap && facts(q).lex.proper() == 'l';
    };
    auto given_name_at = [&](std::size_t q) {
      return q != npos && word(q) && facts(q).cap && (facts(q).lex.has('F') || lex_.in(name_list::given_name, facts(q).key));
    };
    std::size_t p1 = before, p2 = before == npos ? npos : prev_tok(before, s);
    // "Basel, Heidelberg, and Strasbourg": skip a comma before "and".
    if (p2 != npos && tok(p2).norm == "," && p1 != npos && tok(p1).norm == "and") p2 = prev_tok(p2, s);
    std::size_t q2 = n2;
    if (n1 != npos && tok(n1).norm == "," && n2 != npos && tok(n2).norm == "and") q2 = next_tok(n2, s);
    const bool c_before = p1 != npos && (tok(p1).norm == "and" || tok(p1).norm == ",");
    const bool c_after = n1 != npos && (tok(n1).norm == "and" || tok(n1).norm == ",");
    if ((c_before && person_at(p2)) || (c_after && person_at(q2)) || (c_before && given_name_at(p2)) ||
        (c_after && given_name_at(q2))) {
      ty = entity_type::person, ev = "context: listed with a person", weight = w_context;
    } else if ((c_before && place_at(p2)) || (c_after && place_at(q2))) {
      ty = entity_type::place, ev = "context: listed with a place", weight = w_context;
    } else if (p1 != npos && tok(p1).norm == "," && p2 != npos && word(p2) && !facts(p2).cap &&
               lemma_lex(key_of(p2)).common_noun() == 'h') {
      ty = entity_type::person, ev = "context: apposition to '" + tok(p2).norm + "'", weight = w_context;
    } else if (prev == "of" && p1 != npos && tok(p1).norm == "of" && p2 != npos && word(p2) &&
               lemma_lex(key_of(p2)).common_noun() == 'w') {
      ty = entity_type::place, ev = "context: '" + tok(p2).norm + " of'", weight = w_context;
    } else if (p1 != npos && word(p1) && !facts(p1).cap &&
               (in(name_list::title, p1) || lemma_lex(key_of(p1)).common_noun() == 'h')) {
      // "the emperor Wanli", "his brother Philonise"
      ty = entity_type::person, ev = "context: after '" + tok(p1).norm + "'", weight = w_context;
    } else if (n1 != npos && word(n1) && !facts(n1).cap && [&] {
                 const std::string& v = tok(n1).norm;
                 bool finite = v.size() > 4 && (v.compare(v.size() - 2, 2, "ed") == 0);
                 if (!finite || lex_.in(name_list::function_word, v)) return false;
                 std::string stem = v.substr(0, v.size() - 2);
                 return word_lex(v).has('v') || lex_.find(stem).has('v') || lex_.find(stem + "e").has('v') ||
                        (stem.size() > 3 && stem[stem.size() - 1] == stem[stem.size() - 2] &&
                         lex_.find(stem.substr(0, stem.size() - 1)).has('v')) ||
                        (stem.back() == 'i' && lex_.find(stem.substr(0, stem.size() - 1) + "y").has('v'));
               }()) {
      // "Hideyoshi united Japan": the subject of a verb in the past tense.
      ev = "context: subject of '" + tok(n1).norm + "'", weight = w_context;
      if (guess != 'l') ty = entity_type::person;
    } else if (tok(k).kind == token_kind::word) {
      // "Ebert and Noske": two unknown capitalised words coordinated name the same kind of thing.
      auto unknown_cap = [&](std::size_t q) {
        return q != npos && word(q) && facts(q).cap && !facts(q).allcaps && !facts(q).lex.found() &&
               !word_lex(facts(q).key).found();
      };
      bool and_before = p1 != npos && tok(p1).norm == "and" && unknown_cap(p2);
      bool and_after = n1 != npos && tok(n1).norm == "and" && unknown_cap(n2);
      if (and_before || and_after) ev = "context: coordinated with another name", weight = w_context;
    }
  }
  // A sentence-initial word that no lexicon knows, with context, is a name ("Martov protested").
  add(a, b, a, ty, weight, ev, initial && weight < w_context && !tok(k).possessive());
  if (weight == w_default && !acronym && !tok(k).possessive()) mentions_.back().weak = true;
}

std::vector<entity> recognizer::run() {
  used_.assign(seg_.tokens.size(), 0);
  for (const sentence& s : seg_.sentences) scan_sentence(s);
  return group();
}

std::vector<std::string> split_words(const std::string& k) {
  std::vector<std::string> out;
  std::size_t p = 0;
  while (p <= k.size()) {
    auto q = k.find(' ', p);
    if (q == std::string::npos) q = k.size();
    if (q > p) out.push_back(k.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

bool contains_words(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  if (small.empty() || small.size() >= big.size()) return false;
  for (std::size_t i = 0; i + small.size() <= big.size(); ++i)
    if (std::equal(small.begin(), small.end(), big.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

std::vector<entity> recognizer::group() {
  // Keys confirmed by a firm mention, and the words of the multi-word ones.
  std::set<std::string> confirmed, confirmed_words;
  std::map<std::string, int> weak_count;
  for (const auto& m : mentions_) {
    if (m.tentative) continue;
    if (m.weak) {
      ++weak_count[m.key];
      continue;
    }
    confirmed.insert(m.key);
    if (m.key.find(' ') != std::string::npos)
      for (const auto& x : split_words(m.key)) confirmed_words.insert(x);
  }
  auto firm = [&](const std::string& k) {
    return confirmed.count(k) != 0 || confirmed_words.count(k) != 0 ||
           (k.size() > 4 && k.back() == 'e' && confirmed.count(k.substr(0, k.size() - 1)));
  };
  std::vector<raw_mention> ms;
  for (auto& m : mentions_) {
    if (m.key.empty()) continue;
    if (m.tentative && !firm(m.key)) continue;
    // An unknown word seen once, with no context: most often a title of a work, rarely a name.
    if (m.weak && !firm(m.key) && weak_count[m.key] < 2) continue;
    ms.push_back(m);
  }
  std::sort(ms.begin(), ms.end(), [](const raw_mention& x, const raw_mention& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });

  // One cluster per key, first by exact key.
  struct cluster {
    std::string key;
    std::vector<std::size_t> members;
    int votes[5] = {};
    int strength = 0;  // the strongest single mention's weight
    std::size_t words = 0;
  };
  std::vector<cluster> cl;
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    auto it = by_key.find(ms[i].key);
    if (it == by_key.end()) {
      it = by_key.emplace(ms[i].key, cl.size()).first;
      cluster c;
      c.key = ms[i].key;
      c.words = split_words(c.key).size();
      cl.push_back(std::move(c));
    }
    cluster& c = cl[it->second];
    c.members.push_back(i);
    c.votes[static_cast<int>(ms[i].type)] += ms[i].weight;
    c.strength = std::max(c.strength, ms[i].weight);
  }
  auto best_type = [](const cluster& c) {
    int bt = 0;
    for (int t = 1; t < 5; ++t)
      if (c.votes[t] > c.votes[bt]) bt = t;
    return bt;
  };
  // Short forms join the fullest form that contains them ("Humbert-Droz" -> "Jules Humbert-Droz"),
  // and variants that differ by accents and a final -e join too ("Lénine" -> "Lenin").
  std::vector<std::size_t> parent(cl.size());
  std::vector<std::vector<std::string>> cw(cl.size());
  std::unordered_map<std::string, std::vector<std::size_t>> by_word;  // word -> longer clusters holding it
  for (std::size_t i = 0; i < cl.size(); ++i) {
    parent[i] = i;
    cw[i] = split_words(cl[i].key);
    if (cw[i].size() > 1) {
      std::set<std::string> seen(cw[i].begin(), cw[i].end());
      for (const auto& x : seen) by_word[x].push_back(i);
    }
  }
  for (std::size_t i = 0; i < cl.size(); ++i) {
    const auto& sw = cw[i];
    int ti = best_type(cl[i]);
    std::size_t best = i;
    std::size_t best_count = 0;
    std::vector<std::size_t> cands;
    auto bw_it = by_word.find(sw[0]);
    if (bw_it != by_word.end()) cands = bw_it->second;
    // Variants that differ by a final -e ("Lénine" -> "Lenin"), accents being folded already.
    if (sw.size() == 1 && sw[0].size() > 4 && sw[0].back() == 'e') {
      auto it = by_key.find(sw[0].substr(0, sw[0].size() - 1));
      if (it != by_key.end() && best_type(cl[it->second]) == static_cast<int>(entity_type::person) &&
          ti == static_cast<int>(entity_type::person))
        cands.push_back(it->second);
    }
    for (std::size_t j : cands) {
      if (j == i) continue;
      int tj = best_type(cl[j]);
      // People's short forms join their full names; a place or group known by itself ("Texas") stays
      // apart from a longer name that contains it ("University of Texas").
      const int person = static_cast<int>(entity_type::person);
      bool compatible = (ti == person && tj == person) || cl[i].strength <= w_default;
      if (!compatible) continue;
      const auto& bw = cw[j];
      bool match = contains_words(bw, sw) || (bw.size() == 1 && sw.size() == 1) ||
                   (ti == person && sw.size() >= 2 && bw.size() > sw.size() && sw.front() == bw.front() &&
                    sw.back() == bw.back());  // "Brock Holt" -> "Brock Wyatt Holt"
      if (!match) continue;
      if (best != i && bw.size() < cw[best].size()) continue;
      if (best == i || bw.size() > cw[best].size() || cl[j].members.size() > best_count) {
        best = j;
        best_count = cl[j].members.size();
      }
    }
    parent[i] = best;
  }
  auto root = [&](std::size_t i) {
    int guard = 0;
    while (parent[i] != i && guard++ < 64) i = parent[i];
    return i;
  };
  std::map<std::size_t, std::vector<std::size_t>> groups;  // root -> clusters
  for (std::size_t i = 0; i < cl.size(); ++i) groups[root(i)].push_back(i);

  std::vector<std::pair<std::size_t, entity>> out;
  for (auto& [r, members] : groups) {
    entity e;
    int votes[5] = {};
    std::vector<std::size_t> idx;
    for (auto c : members) {
      for (int t = 0; t < 5; ++t) votes[t] += cl[c].votes[t];
      idx.insert(idx.end(), cl[c].members.begin(), cl[c].members.end());
    }
    // The root's own type wins over its short forms' weak votes.
    int bt = best_type(cl[r]);
    if (cl[r].votes[bt] < w_rule) {
      bt = 0;
      for (int t = 1; t < 5; ++t)
        if (votes[t] > votes[bt]) bt = t;
    }
    e.type = static_cast<entity_type>(bt);
    std::sort(idx.begin(), idx.end());
    std::size_t first_begin = ms[idx[0]].begin;
    std::string best_name;
    std::size_t best_words = 0;
    std::set<std::string> aliases, evid;
    std::vector<std::pair<int, std::string>> weighted_evidence;
    for (auto i : idx) {
      const raw_mention& m = ms[i];
      entity_mention em;
      em.begin = m.begin;
      em.end = m.end;
      const token& t = seg_.tokens[m.first];
      em.sentence = t.sentence;
      em.block = t.block;
      em.paragraph = t.paragraph;
      em.block_kind = t.block_kind;
      em.text = std::string(text_.substr(m.begin, m.end - m.begin));
      std::string name(text_.substr(m.name_begin, m.end - m.name_begin));
      std::size_t nw = split_words(m.key).size();
      auto shouted = [](const std::string& x) {
        return std::none_of(x.begin(), x.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      };
      if (nw > best_words || (nw == best_words && (best_name.empty() || (shouted(best_name) && !shouted(name))))) {
        best_words = nw;
        best_name = name;
      }
      // Names and aliases read as one line: a hard-wrapped "Free Software\nFoundation" is listed as
      // "Free Software Foundation". The mention's text stays the exact surface (offsets contract).
      aliases.insert(collapse_space(em.text));
      aliases.insert(collapse_space(name));
      if (m.type == e.type && evid.insert(m.evidence).second) weighted_evidence.emplace_back(-m.weight, m.evidence);
      e.mentions.push_back(std::move(em));
    }
    // Strongest evidence first (lexicon and rules before context and defaults), then in text order.
    std::stable_sort(weighted_evidence.begin(), weighted_evidence.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& we : weighted_evidence) e.evidence.push_back(std::move(we.second));
    e.name = collapse_space(best_name);
    aliases.erase(e.name);
    e.aliases.assign(aliases.begin(), aliases.end());
    out.emplace_back(first_begin, std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<entity> res;
  res.reserve(out.size());
  for (auto& p : out) res.push_back(std::move(p.second));
  return res;
}

}  // namespace

std::vector<entity> find_entities(const document& doc, const segmentation& seg, const entity_options& options) {
  recognizer r(doc, seg, options);
  std::vector<entity> all = r.run();
  if (options.types.empty()) return all;
  std::vector<entity> out;
  for (auto& e : all)
    if (std::find(options.types.begin(), options.types.end(), e.type) != options.types.end()) out.push_back(std::move(e));
  return out;
}

}  // namespace histext
