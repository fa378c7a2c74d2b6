// The features of the entity model: one `visit` lists every feature of a token once, and both the
// fast path (keys only) and the evidence (keys with their words) go through it.
#include "analyses/entities/features.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "analyses/entities/model.hpp"
#include "analyses/entities/word_facts.hpp"
#include "common/fast_paths.hpp"
#include "common/text_util.hpp"
#include "lexicons/word_stats.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

namespace {

struct info {
  feature_group group;
  const char* words;  // "%s" is the value
};

// Per template: its group and its words in evidence.
const info& info_of(feat f) {
  static const info table[] = {
      {feature_group::words, "bias"},
      {feature_group::words, "the word '%s'"},
      {feature_group::words, "'%s' before it"},
      {feature_group::words, "'%s' after it"},
      {feature_group::words, "'%s' two words before"},
      {feature_group::words, "'%s' two words after"},
      {feature_group::words, "'%s' before it"},
      {feature_group::words, "'%s' around it"},
      {feature_group::shape, "written %s"},
      {feature_group::shape, "after a word written %s"},
      {feature_group::shape, "before a word written %s"},
      {feature_group::shape, "beginning '%s'"},
      {feature_group::shape, "ending in -%s"},
      {feature_group::shape, "first word of a sentence"},
      {feature_group::shape, "after an opening quote, colon or dash"},
      {feature_group::shape, "in a %s block"},
      {feature_group::shape, "in a %s line"},
      {feature_group::shape, "length %s"},
      {feature_group::shape, "possessive"},
      {feature_group::shape, "hyphenated"},
      {feature_group::lexicons, "WordNet: a %s name"},
      {feature_group::lexicons, "WordNet: also a common word"},
      {feature_group::lexicons, "WordNet: %s"},
      {feature_group::lexicons, "plural of a WordNet %s"},
      {feature_group::lexicons, "a %s"},
      {feature_group::lexicons, "a %s before it"},
      {feature_group::lexicons, "a %s after it"},
      {feature_group::lexicons, "a %s two words after"},
      {feature_group::document, "capitalised in mid-sentence %s"},
      {feature_group::document, "in lower case %s"},
      {feature_group::document, "capitalised only at sentence starts"},
      {feature_group::corpus, "capitalised %s of the time in historical English"},
      {feature_group::corpus, "frequency class %s in historical English"},
      {feature_group::corpus, "word cluster %s"},
      {feature_group::corpus, "after a word of cluster %s"},
      {feature_group::corpus, "before a word of cluster %s"},
      {feature_group::rules, "the rule cascade reads it as %s"},
      {feature_group::shape, "written %s among its neighbours"},
      {feature_group::shape, "the word after a word written %s"},
      {feature_group::shape, "'%s' before a word so written"},
      {feature_group::rules, "the rule cascade reads %s"},
      {feature_group::shape, "word %s of a run of capitalised words"},
      {feature_group::lexicons, "what is known of the word: %s"},
      {feature_group::history, "read earlier in the document as %s"},
      {feature_group::history, "after a word read earlier as %s"},
      {feature_group::history, "before a word read earlier as %s"},
  };
  static_assert(sizeof table / sizeof table[0] == static_cast<std::size_t>(feat::count_));
  return table[static_cast<std::size_t>(f)];
}

// The shape letter of an ASCII byte, as the code point path below gives it (ICU's classes agree
// with these ranges on ASCII, and no ASCII letter is title case).
char ascii_shape(unsigned char b) {
  return b >= 'A' && b <= 'Z' ? 'X' : b >= 'a' && b <= 'z' ? 'x' : b >= '0' && b <= '9' ? 'd' : static_cast<char>(b);
}

std::string shape_of(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  char last = 0;
  int run = 0;
  while (i < s.size()) {
    char k;
    if (fast_paths && static_cast<unsigned char>(s[i]) < 0x80) {
      k = ascii_shape(static_cast<unsigned char>(s[i++]));
    } else {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
      k = u_isupper(c) || u_istitle(c) ? 'X' : u_islower(c) ? 'x' : u_isdigit(c) ? 'd' : c < 0x80 ? char(c) : 'o';
    }
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out += k;  // "Xxx" and "Xxxxxx" share a shape; "X" and "XX" do not
  }
  return out;
}

// Code-point prefix and suffix of a key.
std::string_view cp_prefix(std::string_view s, int n) {
  std::size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) U8_FWD_1(reinterpret_cast<const uint8_t*>(s.data()), i, s.size());
  return s.substr(0, i);
}
std::string_view cp_suffix(std::string_view s, int n) {
  std::size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) U8_BACK_1(reinterpret_cast<const uint8_t*>(s.data()), 0, i);
  return s.substr(i);
}

// A feature value of a few parts joined in a buffer on the stack: the values are only hashed, and
// building a std::string for each (with its temporaries) cost a tenth of the features' time. The
// value is the same bytes either way; it lives until the end of the full expression that made it.
class joined {
 public:
  joined(std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (std::string_view part : parts) n += part.size();
    if (n > sizeof small_) big_.resize(n);
    char* const start = n > sizeof small_ ? big_.data() : small_;
    char* out = start;
    for (std::string_view part : parts)
      if (!part.empty()) out = std::copy(part.begin(), part.end(), out);
    view_ = std::string_view(start, n);
  }
  joined(const joined&) = delete;
  joined& operator=(const joined&) = delete;
  operator std::string_view() const { return view_; }

 private:
  char small_[112];
  std::string big_;
  std::string_view view_;
};

const char* bucket(std::uint32_t n) { return n == 0 ? "0" : n == 1 ? "1" : n <= 3 ? "2-3" : n <= 9 ? "4-9" : "10+"; }

const char* list_name(name_list l) {
  switch (l) {
    case name_list::title: return "title";
    case name_list::org_head: return "organisation word";
    case name_list::place_word: return "place word";
    case name_list::group_noun: return "group noun";
    case name_list::connector: return "name particle";
    case name_list::function_word: return "function word";
    case name_list::nationality: return "nationality";
    case name_list::given_name: return "given name";
    case name_list::person_verb: return "verb of people";
    case name_list::event_word: return "event or document word";
    case name_list::date_word: return "month or weekday";
    case name_list::work_noun: return "word before a title";
    case name_list::vessel_noun: return "word before a ship's name";
  }
  return "list";
}

const char* proper_name(char c) {
  switch (c) {
    case 'p': return "person's";
    case 'P': return "kind of person's";
    case 'l': return "place";
    case 'g': return "group";
    default: return "capitalised";
  }
}

}  // namespace

feature_group group_of(feat f) { return info_of(f).group; }

namespace {

// "U-person" -> "a one-word person", "B-group" -> "the start of a group's name".
std::string tag_words(std::string_view tag) {
  if (tag.size() < 3 || tag[1] != '-') return "no name";
  const std::string type(tag.substr(2));
  switch (tag[0]) {
    case 'U': return "a one-word " + type;
    case 'B': return "the start of a " + type + "'s name";
    case 'I': return "inside a " + type + "'s name";
    case 'L': return "the end of a " + type + "'s name";
  }
  return type;
}

// "inside a sentence, WordNet p, rare" -> "inside a sentence, a person's name in WordNet, rare".
std::string signature_words(std::string v) {
  const std::pair<const char*, const char*> codes[] = {
      {"WordNet p", "a person's name in WordNet"}, {"WordNet P", "a kind of person in WordNet"},
      {"WordNet l", "a place name in WordNet"},    {"WordNet g", "a group name in WordNet"},
      {"WordNet o", "another name in WordNet"},    {"also common", "also a common word"},
      {", rare", ", rare in historical English"}};
  for (auto [from, to] : codes)
    if (auto at = v.find(from); at != std::string::npos) v.replace(at, std::string_view(from).size(), to);
  return v;
}

}  // namespace

std::string describe(feat f, std::string_view value, int detail) {
  std::string w = info_of(f).words;
  std::string v(value);
  if (v == "<s>"sv && (f == feat::prev1 || f == feat::prev2)) return "at the start of a sentence";
  if (v == "</s>"sv && (f == feat::next1 || f == feat::next2)) return "at the end of a sentence";
  if (f == feat::doc_mid_cap && detail == 0) return "capitalised nowhere else in mid-sentence";
  if (f == feat::doc_lower && detail == 0) return "never in lower case in the text";
  if (f == feat::doc_mid_cap || f == feat::doc_lower) v = detail == 1 ? "once" : std::to_string(detail) + " times";
  if (f == feat::corpus_mid_cap) v = std::to_string(detail / 10) + "%";
  if (f == feat::list_word || f == feat::list_prev || f == feat::list_next || f == feat::list_next2) {
    auto colon = v.find(':');  // "title:general" -> "title 'general'"
    if (colon != std::string::npos) v = v.substr(0, colon) + " '" + v.substr(colon + 1) + "'";
    // "a organisation word" -> "an organisation word"
    if (!v.empty() && std::string_view("aeiou").find(v[0]) != std::string_view::npos && w.rfind("a %s", 0) == 0)
      w = "an" + w.substr(1);
  }
  if (f == feat::wn_proper && !v.empty()) v = proper_name(v[0]);
  if (f == feat::plural_kind && !v.empty()) v = std::string(proper_name(v[0])) + " name";
  if (f == feat::caps_context && v == "allcaps"sv) v = "all-capital";
  if (f == feat::caps_context && v == "titlecase"sv) v = "title-case";
  if (f == feat::signature) v = signature_words(v);
  if (f == feat::rule) v = tag_words(v);
  if (f == feat::rule_with_shape) {
    const auto space = v.find(' ');
    v = tag_words(v.substr(0, space)) + (space == std::string::npos ? "" : ", written " + v.substr(space + 1));
  }
  auto at = w.find("%s");
  if (at != std::string::npos) w.replace(at, 2, v);
  return w;
}

bool capital_after_prefix(std::string_view s) {
  // "al-Sabunji", "el-Sisi", "ibn-Saud": a short lower-case prefix, a hyphen, a capital.
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 3 || dash + 1 >= s.size()) return false;
  for (std::size_t i = 0; i < dash; ++i)
    if (s[i] < 'a' || s[i] > 'z') return false;
  return capitalised(s.substr(dash + 1));
}

bool capitalised(std::string_view s, bool* allcaps) {
  if (allcaps) *allcaps = false;
  if (s.empty()) return false;
  if (fast_paths && !allcaps && static_cast<unsigned char>(s[0]) < 0x80 && s[0] != 'd' && s[0] != 'l')
    return s[0] >= 'A' && s[0] <= 'Z';  // ASCII: u_isupper is A-Z and nothing is title case
  std::size_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
  bool cap = c > 0 && (u_isupper(c) || u_istitle(c));
  if (!cap && s.size() > 2 && (s[0] == 'd' || s[0] == 'l') && s[1] == '\'') {
    std::size_t j = 2;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, s.size(), c);
    cap = c > 0 && (u_isupper(c) || u_istitle(c));
  }
  if (cap && allcaps) {
    int letters = 0;
    bool all = true;
    for (std::size_t k = 0; k < s.size();) {
      if (fast_paths && static_cast<unsigned char>(s[k]) < 0x80) {  // ASCII: letters are A-Z, a-z
        const char b = s[k++];
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) ++letters, all = all && b <= 'Z';
        continue;
      }
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, s.size(), c);
      if (u_isalpha(c)) {
        ++letters;
        if (!(u_isupper(c) || u_istitle(c))) all = false;
      }
    }
    *allcaps = all && letters >= 2;
  }
  return cap;
}

std::string token_key(const token& t) { return fold_accents(t.base()); }

std::string token_key_of(std::string_view surface) { return fold_accents(without_possessive(normalize_word(surface))); }

void doc_memory::observe(std::string_view text, const segmentation& piece) {
  for (const sentence& s : piece.sentences) {
    int words = 0, caps = 0;
    for (std::size_t i = s.first_token; i < s.last_token; ++i)
      if (piece.tokens[i].is_word()) ++words, caps += capitalised(piece.tokens[i].text(text));
    const bool title_line = words >= 2 && caps * 10 >= words * 7;
    bool first = true;
    for (std::size_t i = s.first_token; i < s.last_token; ++i) {
      const token& t = piece.tokens[i];
      if (!t.is_word()) continue;
      bool cap = capitalised(t.text(text));
      // An ASCII word is its own folded key: no copy to look it up (token_key() is the reference).
      const std::string_view base = t.base();
      const bool ascii = fast_paths && std::all_of(base.begin(), base.end(), [](char ch) { return ch >= 0; });
      counts& c = ascii ? words_.get_or_make(base, [] { return counts{}; })
                        : words_.get_or_make(token_key(t), [] { return counts{}; });
      if (!cap)
        ++c.lower;
      else if (first)
        ++c.initial_cap;
      else if (!title_line)
        ++c.mid_cap;
      first = false;
    }
  }
}

void label_history::record(std::string_view key, int eligible, int tag) {
  // Only the names read, not the words read as no name: in a long text a word missed early would
  // otherwise be missed ever after.
  if (!eligible || tag == tag_o) return;
  ++words_.get_or_make(key, [] { return counts{}; }).by_type[static_cast<int>(type_of(tag))];
}

const label_history::counts* label_history::find(std::string_view key) const { return words_.find(key); }

void visit_history(const label_history& history, const std::string& self, const std::string* prev,
                   const std::string* next, const history_sink& sink) {
  // Values from fixed tables: this runs for every capitalised token of the text.
  static const char* types[] = {"a person", "a group", "a place"};
  static const char* counted[3][5] = {
      {"a person, 0 times", "a person, 1 time", "a person, 2-3 times", "a person, 4-9 times", "a person, 10+ times"},
      {"a group, 0 times", "a group, 1 time", "a group, 2-3 times", "a group, 4-9 times", "a group, 10+ times"},
      {"a place, 0 times", "a place, 1 time", "a place, 2-3 times", "a place, 4-9 times", "a place, 10+ times"}};
  auto bucket_index = [](std::uint32_t n) { return n == 0 ? 0 : n == 1 ? 1 : n <= 3 ? 2 : n <= 9 ? 3 : 4; };
  if (const label_history::counts* c = history.find(self)) {
    for (int t = 0; t < 3; ++t)
      if (c->by_type[t]) sink(feat::hist_word, counted[t][bucket_index(c->by_type[t])]);
  } else {
    sink(feat::hist_word, "no name yet");
  }
  // A neighbour's usual reading: "Jenna" read as a person before "Jenna Marbles".
  auto usual = [&](const std::string* key, feat f) {
    if (!key) return;
    const label_history::counts* n = history.find(*key);
    if (!n) return;
    int best = -1;
    for (int t = 0; t < 3; ++t)
      if (n->by_type[t] && (best < 0 || n->by_type[t] > n->by_type[best])) best = t;
    if (best >= 0) sink(f, types[best]);
  };
  usual(prev, feat::hist_prev);
  usual(next, feat::hist_next);
}

void history_features(const label_history& history, const std::string& self, const std::string* prev,
                      const std::string* next, std::vector<std::pair<feat, std::string>>& out) {
  visit_history(history, self, prev, next, [&](feat f, std::string_view v) { out.emplace_back(f, std::string(v)); });
}

const doc_memory::counts* doc_memory::find(std::string_view key) const { return words_.find(key); }

sentence_features::sentence_features(const feature_env& env, std::string_view text, const segmentation& piece,
                                     const sentence& s, const std::vector<std::string>* rule_tags)
    : env_(env), text_(text), piece_(piece), s_(s), rule_tags_(rule_tags), first_(s.first_token) {
  toks_.resize(s.last_token - s.first_token);
  int words = 0, caps = 0, allcaps = 0;
  for (std::size_t i = 0; i < toks_.size(); ++i) {
    const token& t = piece.tokens[first_ + i];
    tok& k = toks_[i];
    std::string_view surface = t.text(text);
    k.word = t.is_word();
    k.closes = t.possessive();
    k.key = token_key(t);
    k.open = !k.word && (surface == "\""sv || surface == "“"sv || surface == "‘"sv || surface == ":"sv ||
                         surface == "—"sv || surface == "("sv || surface == "'"sv || surface == "«"sv);
    if (k.word) {
      k.cap = capitalised(surface, &k.allcaps);
      ++words;
      caps += k.cap;
      allcaps += k.allcaps;
    }
  }
  while (first_word_ < toks_.size() && !toks_[first_word_].word) ++first_word_;
  caps_context_ = (words >= 2 && allcaps * 2 > words)      ? "allcaps"
                  : (words >= 2 && caps * 10 >= words * 7) ? "titlecase"
                                                           : "normal";
  // Eligible: capitalised words, and particles between them ("Bank of the United States").
  auto particle = [&](std::size_t i) {
    const tok& k = toks_[i];
    return k.word && !k.cap &&
           (facts_at(i).in(name_list::connector) || k.key == "the"sv || k.key == "and"sv || k.key == "for"sv ||
            k.key == "on"sv || k.key == "upon"sv || k.key == "in"sv || k.key == "&"sv);
  };
  for (std::size_t i = 0; i < toks_.size(); ++i) {
    tok& k = toks_[i];
    if (k.cap || (k.word && capital_after_prefix(piece.tokens[first_ + i].text(text)))) {
      k.eligible = true;
      continue;
    }
    // Cheap test first: a particle joins a name only after a capitalised word one or two back.
    if (!((i >= 1 && toks_[i - 1].cap) || (i >= 2 && toks_[i - 2].cap)) || !particle(i)) continue;
    k.particle = facts_at(i).in(name_list::connector) ? 2 : 1;
    bool before = false, after = false;
    for (std::size_t j = i; j-- > 0 && i - j <= 2;) {
      if (toks_[j].cap) before = true;
      if (toks_[j].cap || !particle(j)) break;
    }
    for (std::size_t j = i + 1; j < toks_.size() && j - i <= 2; ++j) {
      if (toks_[j].cap) after = true;
      if (toks_[j].cap || !particle(j)) break;
    }
    k.eligible = before && after;
  }
  for (std::size_t i = 0; i < toks_.size();) {
    if (!toks_[i].eligible) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < toks_.size() && toks_[j].eligible) ++j;
    for (std::size_t k = i; k < j; ++k) {
      toks_[k].run_index = static_cast<std::uint16_t>(std::min<std::size_t>(k - i + 1, 60000));
      toks_[k].run_length = static_cast<std::uint16_t>(std::min<std::size_t>(j - i, 60000));
    }
    i = j;
  }
}

word_facts sentence_features::facts_at(std::size_t j) const {
  if (!env_.facts) return compute_word_facts(*env_.lex, env_.stats, toks_[j].key);
  if (facts_.empty()) facts_.assign(toks_.size(), nullptr);
  if (!facts_[j]) facts_[j] = &env_.facts->get(toks_[j].key);  // the memo's nodes never move
  return *facts_[j];
}

std::string_view sentence_features::shape_at(std::size_t j) const {
  tok& k = toks_[j];
  if (!k.shaped) {
    const token& t = piece_.tokens[first_ + j];
    k.shape = shape_of(t.text(text_).substr(0, t.base_end - t.begin));
    k.shaped = true;
  }
  return k.shape;
}

std::string_view sentence_features::neighbour(std::ptrdiff_t i) const {
  if (i < 0) return "<s>";
  if (static_cast<std::size_t>(i) >= toks_.size()) return "</s>";
  return toks_[static_cast<std::size_t>(i)].key;
}

template <class Sink>
void sentence_features::visit(std::size_t i, Sink&& sink) const {
  const std::uint32_t g = env_.groups;
  auto on = [&](feature_group x) { return (g & static_cast<std::uint32_t>(x)) != 0; };
  const tok& k = toks_[i];
  const auto p = static_cast<std::ptrdiff_t>(i);
  const token& t = piece_.tokens[first_ + i];
  sink(feat::bias, "", 0);
  if (on(feature_group::words)) {
    sink(feat::word, k.key, 0);
    sink(feat::prev1, neighbour(p - 1), 0);
    sink(feat::next1, neighbour(p + 1), 0);
    sink(feat::prev2, neighbour(p - 2), 0);
    sink(feat::next2, neighbour(p + 2), 0);
    sink(feat::prev_bigram, joined{neighbour(p - 1), " ", k.key}, 0);
    sink(feat::next_bigram, joined{neighbour(p - 1), " _ ", neighbour(p + 1)}, 0);
  }
  if (on(feature_group::shape)) {
    const std::string_view shape = shape_at(i);
    const std::string_view sp = i > 0 ? shape_at(i - 1) : "<s>";
    const std::string_view sn = i + 1 < toks_.size() ? shape_at(i + 1) : "</s>";
    sink(feat::shape, shape, 0);
    sink(feat::shape_prev, sp, 0);
    sink(feat::shape_next, sn, 0);
    if (k.key.size() >= 3) {
      for (int n = 1; n <= 3; ++n) sink(feat::prefix, cp_prefix(k.key, n), 0);
      for (int n = 1; n <= 4; ++n) sink(feat::suffix, cp_suffix(k.key, n), 0);
    }
    if (i == first_word_) sink(feat::first_word, "", 0);
    if (i > 0 && toks_[i - 1].open) sink(feat::after_open, "", 0);
    sink(feat::block, to_string(t.block_kind), 0);
    sink(feat::caps_context, caps_context_, 0);
    sink(feat::length, k.key.size() <= 2 ? "1-2" : k.key.size() <= 4 ? "3-4" : "5+", 0);
    {
      const int len = std::min<int>(k.run_length, 5), at = std::min<int>(k.run_index, 5);
      const bool last = k.run_index == k.run_length;
      const char digits[] = "0123456789";
      sink(feat::run_position,
           joined{std::string_view(digits + at, 1), last ? " (last)" : "", " of ", std::string_view(digits + len, 1)},
           0);
    }
    sink(feat::shape_window, joined{sp, " ", shape, " ", sn}, 0);
    if (on(feature_group::words)) {
      sink(feat::word_after_shape, joined{sp, " ", k.key}, 0);
      sink(feat::prev_with_shape, joined{neighbour(p - 1), " ", shape}, 0);
    }
    if (t.possessive()) sink(feat::possessive, "", 0);
    if (t.hyphenated) sink(feat::hyphenated, "", 0);
  }
  if (on(feature_group::lexicons) && env_.lex) {
    const word_facts F = facts_at(i);
    const name_entry e = F.entry;
    if (char c = e.proper()) {
      sink(feat::wn_proper, std::string(1, c), 0);
      if (!e.evidence.empty()) sink(feat::wn_class, e.evidence, 0);
    }
    if (e.common()) sink(feat::wn_common, "", 0);
    if (e.has('F')) sink(feat::list_word, "given name", 0);
    if (F.plural) sink(feat::plural_kind, std::string(1, F.plural), 0);
    auto lists_of = [&](std::ptrdiff_t j, feat f) {
      if (j < 0 || static_cast<std::size_t>(j) >= toks_.size() || !toks_[static_cast<std::size_t>(j)].word) return;
      const std::string& key = toks_[static_cast<std::size_t>(j)].key;
      const word_facts nf = j == p ? F : facts_at(static_cast<std::size_t>(j));
      // Every curated list but the months and weekdays and the words before titles and ships' names,
      // which only the post-filters read (they come last in name_list).
      for (int l = 0; l < static_cast<int>(name_list::date_word); ++l)
        if (nf.in(static_cast<name_list>(l)))
          sink(f, joined{list_name(static_cast<name_list>(l)), ":", key}, 0),
              sink(f, list_name(static_cast<name_list>(l)), 0);
    };
    {
      // What decides a capitalised word most often: where it stands, whether WordNet knows it as a
      // name or also as a common word, and how often historical English capitalises it.
      const char proper = e.proper();
      std::string_view corpus;
      if (env_.stats && (g & static_cast<std::uint32_t>(feature_group::corpus))) {
        const lexicons::word_stat* w = F.stat;
        corpus = !w || w->mid_cap < 0 ? ", rare"
                 : w->mid_cap >= 800  ? ", usually capitalised"
                 : w->mid_cap >= 200  ? ", often capitalised"
                                      : ", seldom capitalised";
      }
      sink(feat::signature,
           joined{i == first_word_ ? "first word" : "inside a sentence", proper ? ", WordNet " : ", not a WordNet name",
                  proper ? std::string_view(&proper, 1) : "", e.common() ? ", also common" : "", corpus},
           0);
    }
    lists_of(p, feat::list_word);
    lists_of(p - 1, feat::list_prev);
    lists_of(p + 1, feat::list_next);
    lists_of(p + 2, feat::list_next2);
  }
  if (on(feature_group::document) && env_.doc) {
    if (const doc_memory::counts* c = env_.doc->find(k.key)) {
      // The token itself is not "elsewhere": take it out of its own count.
      std::uint32_t mid = c->mid_cap, lower = c->lower;
      if (k.cap && mid > 0 && caps_context_ == "normal"sv && !piece_.tokens.empty()) {
        if (i != first_word_) --mid;
      }
      if (!k.cap && lower > 0) --lower;
      sink(feat::doc_mid_cap, bucket(mid), static_cast<int>(mid));
      sink(feat::doc_lower, bucket(lower), static_cast<int>(lower));
      if (k.cap && mid == 0 && c->initial_cap > 0 && lower == 0) sink(feat::doc_initial_only, "", 0);
    }
  }
  if (on(feature_group::corpus) && env_.stats) {
    const lexicons::word_stat* w = facts_at(i).stat;
    if (!w) {
      sink(feat::corpus_freq, "unseen", 0);
    } else {
      sink(feat::corpus_freq, std::to_string(std::min(20, static_cast<int>(std::log2(1.0 + w->count)))), 0);
      if (w->mid_cap >= 0) sink(feat::corpus_mid_cap, std::to_string(w->mid_cap / 100), w->mid_cap);
      if (w->cluster >= 0) sink(feat::cluster, std::to_string(w->cluster), 0);
    }
    auto cluster_at = [&](std::ptrdiff_t j, feat f) {
      if (j < 0 || static_cast<std::size_t>(j) >= toks_.size()) return;
      const lexicons::word_stat* n = facts_at(static_cast<std::size_t>(j)).stat;
      if (n && n->cluster >= 0) sink(f, std::to_string(n->cluster), 0);
    };
    cluster_at(p - 1, feat::cluster_prev);
    cluster_at(p + 1, feat::cluster_next);
  }
  if (on(feature_group::history) && env_.history) {
    visit_history(*env_.history, k.key, i > 0 ? &toks_[i - 1].key : nullptr,
                  i + 1 < toks_.size() ? &toks_[i + 1].key : nullptr,
                  [&](feat f, std::string_view v) { sink(f, v, 0); });
  }
  if (on(feature_group::rules) && rule_tags_) {
    const std::string& r = (*rule_tags_)[first_ + i];
    sink(feat::rule, r.empty() ? "O" : std::string_view(r), 0);
    sink(feat::rule_with_shape, joined{r.empty() ? std::string_view("O") : std::string_view(r), " ", shape_at(i)}, 0);
  }
}

void sentence_features::keys(std::size_t i, std::vector<std::uint64_t>& out) const {
  visit(i, [&](feat f, std::string_view v, int) { out.push_back(feature_key(f, v)); });
}

std::vector<described_feature> sentence_features::described(std::size_t i) const {
  std::vector<described_feature> out;
  visit(i, [&](feat f, std::string_view v, int detail) {
    out.push_back(described_feature{feature_key(f, v), f, std::string(v), detail});
  });
  return out;
}

std::vector<described_feature> sentence_features::described(std::size_t i,
                                                            const std::vector<std::size_t>& wanted) const {
  std::vector<described_feature> out;
  visit(i, [&](feat f, std::string_view v, int detail) {
    if (std::find(wanted.begin(), wanted.end(), out.size()) == wanted.end())
      out.emplace_back();
    else
      out.push_back(described_feature{feature_key(f, v), f, std::string(v), detail});
  });
  return out;
}

}  // namespace histext::entities_detail
