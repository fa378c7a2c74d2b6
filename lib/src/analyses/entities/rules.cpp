// Typing a candidate span: whole-span lexicon entries, titles, heads, context rules, shape.
#include "analyses/entities/recognizer.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

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
    if (a < b && !initial && word(a) && facts(a).cap && in(name_list::connector, a) && an != "of"sv && an != "and"sv &&
        an != "for"sv)
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
    if (p != npos && word(p) && tok(p).norm == "the"sv) p = prev_tok(p, s);
    return p != npos && word(p) ? tok(p).norm : std::string();
  };
  const std::string prev = prev_word_norm(a);
  const bool after_the = before != npos && word(before) && tok(before).norm == "the"sv;

  // Citation: "Place: Publisher, 1971".
  if (after != npos && text_.substr(tok(after).begin, tok(after).end - tok(after).begin) == ":"sv) {
    std::size_t k = after + 1, pub_first = npos, pub_last = npos;
    for (; k < s.last_token; ++k) {
      if (word(k)) {
        if (pub_first == npos) pub_first = k;
        pub_last = k;
        continue;
      }
      break;
    }
    if (pub_first != npos && facts(pub_first).cap && k + 1 < s.last_token && tok(k).norm == ","sv &&
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
    bool quoted = (ob == "\""sv && ca == "\""sv) || (ob == "\u201c"sv && ca == "\u201d"sv) ||
                  (ob == "\u2018"sv && ca == "\u2019"sv) || (ob == "'"sv && ca == "'"sv);
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
  if (!whole_e.found() && whole.size() > 3 && whole.compare(0, 3, "st ") == 0)
    whole_e = lex_.find("st. " + whole.substr(3));
  char wp = whole_e.proper();
  const bool after_det = before != npos && word(before) &&
                         (tok(before).norm == "the"sv || tok(before).norm == "this"sv || tok(before).norm == "that"sv ||
                          tok(before).norm == "our"sv || tok(before).norm == "a"sv || tok(before).norm == "every"sv ||
                          tok(before).norm == "their"sv || tok(before).norm == "his"sv || tok(before).norm == "her"sv);
  const bool common_first =
      !whole_e.codes.empty() && std::string_view("hqwnavr").find(whole_e.codes[0]) != std::string_view::npos;
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
  if (w.size() == 1 && wp && wp != 'p' &&
      (whole_e.has('F') || whole_e.has('p') || lex_.in(name_list::given_name, whole)) && before != npos &&
      word(before) && !facts(before).cap &&
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
        if (tok(w[k]).norm == "of"sv) {
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
      if (lex_.in(name_list::person_verb, an) || (an == "and"sv && n2 != npos && word(n2) && facts(n2).cap))
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
    if (cn == "of"sv || cn == "for"sv ||
        ((cn == "de"sv || cn == "des"sv || cn == "du"sv || cn == "di"sv || cn == "da"sv || cn == "del"sv ||
          cn == "della"sv) &&
         !facts(w[k]).cap)) {
      of_at = k;
      break;
    }
  }
  const std::size_t head = of_at == npos ? w.back() : w[of_at - 1];
  if (n0 > 0 && n0 < w.size()) {
    if (tok(w[n0]).norm == "of"sv) {
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
    char cn =
        hl.found() && !hl.proper() && !hl.has('F') && !lex_.in(name_list::given_name, fh.key) ? hl.common_noun() : 0;
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
      bool latin =
          hk.size() > 2 && (hk.compare(hk.size() - 2, 2, "us") == 0 || hk.compare(hk.size() - 2, 2, "is") == 0);
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
    for (std::size_t k = 1; k < w.size(); ++k)
      rest_unknown &= !facts(w[k]).lex.found() && !word_lex(facts(w[k]).key).found();
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
      add(a, b, a, entity_type::place, w_lexicon,
          "WordNet: last word is a place (" + std::string(fh.lex.evidence) + ")");
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
        if (prev == "in"sv || prev == "at"sv || prev == "near"sv || prev == "from"sv || prev == "into"sv ||
            prev == "to"sv)
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
      add(a, b, a, entity_type::group, w_lexicon,
          "WordNet: last word is a group (" + std::string(fh.lex.evidence) + ")");
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
    if (prev == "in"sv || prev == "at"sv || prev == "near"sv || prev == "from"sv || prev == "across"sv ||
        prev == "throughout"sv || prev == "into"sv) {
      ty = entity_type::place, ev = "context: after '" + prev + "'", weight = w_context;
    } else if (prev == "by"sv && attribution) {
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
  const bool place_prep = prev == "in"sv || prev == "at"sv || prev == "near"sv || prev == "from"sv || prev == "to"sv ||
                          prev == "across"sv || prev == "throughout"sv || prev == "into"sv;
  if (p && p != 'l' && f.lex.has('l') && place_prep && !initial) {
    add(a, b, a, entity_type::place, w_lexicon, "WordNet: a place, after '" + prev + "'");
    return;
  }
  if (p == 'P') {
    // A kind of person, singular: "the Maya" (a people) vs "Russian" (an adjective).
    // Only when no word it could modify follows: "the Maya built", "the Maya." (not "the American film").
    bool ends = after == npos || !word(after) || in(name_list::function_word, after) ||
                lex_.find(key_of(after)).codes.substr(0, 1) == "v"sv;
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
    if (!f.lex.common() && !initial)
      add(a, b, a, entity_type::other, w_lexicon, "WordNet: " + std::string(f.lex.evidence));
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
  const bool plural_shape = uk.size() > 4 && uk.back() == 's' && uk[uk.size() - 2] != 's' && uk[uk.size() - 2] != 'u' &&
                            uk[uk.size() - 2] != 'i' && !tok(k).possessive();
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
    quantified = bn == "many"sv || bn == "some"sv || bn == "all"sv || bn == "these"sv || bn == "those"sv ||
                 bn == "both"sv || bn == "several"sv || bn == "most"sv || bn == "few"sv ||
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
  } else if (guess == 'p' && !(prev == "in"sv || prev == "at"sv || prev == "near"sv || prev == "from"sv ||
                               prev == "across"sv || prev == "throughout"sv || prev == "into"sv)) {
    weight = w_context;  // "-sky", "-ovich": a surname's shape is evidence enough
  } else if (prev == "in"sv || prev == "at"sv || prev == "near"sv || prev == "from"sv || prev == "across"sv ||
             prev == "throughout"sv || prev == "into"sv) {
    ty = entity_type::place, ev = "context: after '" + prev + "'", weight = w_context;
  } else if (n1 != npos && tok(n1).norm == ","sv && n2 != npos && word(n2) && facts(n2).cap &&
             facts(n2).lex.proper() == 'l') {
    ty = entity_type::place, ev = "context: before ', <place>'", weight = w_context;
  } else if (prev == "by"sv && attribution) {
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
    auto place_at = [&](std::size_t q) { return q != npos && word(q) && facts(q).cap && facts(q).lex.proper() == 'l'; };
    auto given_name_at = [&](std::size_t q) {
      return q != npos && word(q) && facts(q).cap &&
             (facts(q).lex.has('F') || lex_.in(name_list::given_name, facts(q).key));
    };
    std::size_t p1 = before, p2 = before == npos ? npos : prev_tok(before, s);
    // "Basel, Heidelberg, and Strasbourg": skip a comma before "and".
    if (p2 != npos && tok(p2).norm == ","sv && p1 != npos && tok(p1).norm == "and"sv) p2 = prev_tok(p2, s);
    std::size_t q2 = n2;
    if (n1 != npos && tok(n1).norm == ","sv && n2 != npos && tok(n2).norm == "and"sv) q2 = next_tok(n2, s);
    const bool c_before = p1 != npos && (tok(p1).norm == "and"sv || tok(p1).norm == ","sv);
    const bool c_after = n1 != npos && (tok(n1).norm == "and"sv || tok(n1).norm == ","sv);
    if ((c_before && person_at(p2)) || (c_after && person_at(q2)) || (c_before && given_name_at(p2)) ||
        (c_after && given_name_at(q2))) {
      ty = entity_type::person, ev = "context: listed with a person", weight = w_context;
    } else if ((c_before && place_at(p2)) || (c_after && place_at(q2))) {
      ty = entity_type::place, ev = "context: listed with a place", weight = w_context;
    } else if (p1 != npos && tok(p1).norm == ","sv && p2 != npos && word(p2) && !facts(p2).cap &&
               lemma_lex(key_of(p2)).common_noun() == 'h') {
      ty = entity_type::person, ev = "context: apposition to '" + tok(p2).norm + "'", weight = w_context;
    } else if (prev == "of"sv && p1 != npos && tok(p1).norm == "of"sv && p2 != npos && word(p2) &&
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
      bool and_before = p1 != npos && tok(p1).norm == "and"sv && unknown_cap(p2);
      bool and_after = n1 != npos && tok(n1).norm == "and"sv && unknown_cap(n2);
      if (and_before || and_after) ev = "context: coordinated with another name", weight = w_context;
    }
  }
  // A sentence-initial word that no lexicon knows, with context, is a name ("Martov protested").
  add(a, b, a, ty, weight, ev, initial && weight < w_context && !tok(k).possessive());
  if (weight == w_default && !acronym && !tok(k).possessive()) mentions_.back().weak = true;
}

}  // namespace histext::entities_detail
