#pragma once
// Internal: the entity recogniser shared by its parts. Per-token facts and lexicon helpers live in
// the class body; the member functions are split by stage:
//   candidates.cpp  capitalised runs of a sentence (scan_sentence) and recording mentions (add)
//   rules.cpp       typing a candidate span by lexicon, rules and context (classify)
//   rule_grouping.cpp mentions into entities: confirmation, clustering, canonical names (group)
//   entities.cpp    entity types and find_entities
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyses/entities/bounds.hpp"
#include "analyses/entities/word_facts.hpp"
#include "common/text_util.hpp"
#include "histext/entities.hpp"
#include "histext/error.hpp"
#include "histext/names.hpp"

namespace histext::entities_detail {

// Weights of the type evidence: lexicon and explicit rules beat context, context beats default.
constexpr int w_default = 1, w_context = 2, w_rule = 3, w_lexicon = 3;

inline UChar32 first_cp(std::string_view s, std::size_t& len) {
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

inline bool upper_cp(UChar32 c) { return c > 0 && (u_isupper(c) || u_istitle(c)); }

inline std::string fold(std::string_view norm) { return fold_accents(norm); }

// Per-token facts, computed lazily.
struct tok_facts {
  bool done = false;
  bool cap = false;      // first letter upper case (or d'/l' + upper case)
  bool allcaps = false;  // every letter upper case, two letters or more
  std::string key;       // folded base (no possessive, no accents)
  name_entry lex;
};

struct raw_mention {
  std::size_t first = 0, last = 0;  // token range [first, last] of the whole mention
  std::size_t begin = 0, end = 0;   // bytes
  std::size_t name_begin = 0;       // bytes: where the name starts (after a title)
  std::string key;                  // folded name, words joined by one space
  entity_type type = entity_type::person;
  int weight = w_default;
  std::string evidence;
  bool tentative = false;  // kept only when the same name is confirmed elsewhere
  bool weak = false;       // an unknown word typed by default: kept when it recurs
};

// The lexicons as the rule cascade reads them: through the document's memo of word facts when
// there is one (the fast path), else straight from the lexicon.
class lexicon_reader {
 public:
  lexicon_reader(const name_lexicon& lex, word_facts_cache* memo) : lex_(lex), memo_(memo) {}
  // The cascade reads words as written: a long-s reading of the memo ("houfe") is the model's alone.
  name_entry find(std::string_view key) const {
    if (!memo_) return lex_.find(key);
    const word_facts& f = memo_->get(key);
    return f.long_s ? lex_.find(key) : f.entry;
  }
  bool in(name_list l, std::string_view key) const {
    if (!memo_) return lex_.in(l, key);
    const word_facts& f = memo_->get(key);
    return f.long_s ? lex_.in(l, key) : f.in(l);
  }

 private:
  const name_lexicon& lex_;
  word_facts_cache* memo_;
};

class recognizer {
 public:
  /// `memo` (may be null): the document's memo of word facts, shared with the model's features.
  recognizer(std::string_view text, const segmentation& seg, const entity_options& options,
             word_facts_cache* memo = nullptr)
      : lex_(name_lexicon::instance(), memo), text_(text), seg_(seg), options_(options) {}

  std::vector<entity> run();
  /// One mention of the cascade's reading: bytes and the type of its entity.
  struct read_span {
    std::size_t begin = 0, end = 0;
    entity_type type = entity_type::person;
  };
  /// The mentions run() would give, in the same order (entity by entity), without their entities'
  /// names, aliases and evidence: all the model's rule features need (rule_tags).
  std::vector<read_span> run_spans();

 private:
  lexicon_reader lex_;
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
  void add_bytes(std::size_t first, std::size_t last, std::size_t begin, std::size_t end, entity_type type, int weight,
                 std::string evidence);
  bool singular_kind(const std::string& key, char& code, std::string& ev);
  // The cascade's grouping: which mentions are kept (ms), and the groups of them that make one
  // entity each, with its type, in the order of the groups' first mentions.
  struct mention_group {
    entity_type type = entity_type::person;
    std::vector<std::size_t> idx;  // into ms, ascending
  };
  std::vector<mention_group> group_mentions(std::vector<raw_mention>& ms);
  std::vector<entity> group();
};

/// The space-separated words of a key.
std::vector<std::string> split_words(const std::string& k);
/// True when `small` is a proper contiguous sub-sequence of `big`.
bool contains_words(const std::vector<std::string>& big, const std::vector<std::string>& small);

}  // namespace histext::entities_detail
