#pragma once
// Internal: the features of the entity model. One place to add a feature: a `feat` value, its
// group and its words in features.cpp (feature_info), and one line in sentence_features::visit.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/hash.hpp"
#include "common/string_memo.hpp"
#include "histext/names.hpp"
#include "histext/segment.hpp"
#include "histext/train.hpp"

namespace histext::lexicons {
class word_stats;
}

namespace histext::entities_detail {

/// Feature templates. The numbering is part of the model file's keys: append, never reorder.
enum class feat : std::uint8_t {
  bias,
  word,
  prev1,
  next1,
  prev2,
  next2,
  prev_bigram,
  next_bigram,  // words
  shape,
  shape_prev,
  shape_next,
  prefix,
  suffix,
  first_word,
  after_open,
  block,
  caps_context,  // shape
  length,
  possessive,
  hyphenated,  //
  wn_proper,
  wn_common,
  wn_class,
  plural_kind,
  list_word,
  list_prev,
  list_next,
  list_next2,  // lexicons
  doc_mid_cap,
  doc_lower,
  doc_initial_only,  // document
  corpus_mid_cap,
  corpus_freq,
  cluster,
  cluster_prev,
  cluster_next,  // corpus
  rule,          // rules
  shape_window,
  word_after_shape,
  prev_with_shape,  // shape
  rule_with_shape,  // rules
  run_position,     // shape
  signature,        // lexicons
  hist_word,
  hist_prev,
  hist_next,  // history
  count_
};

/// The group a template belongs to (a feature_group bit).
feature_group group_of(feat f);
/// The model key of a feature: its template and value.
inline std::uint64_t feature_key(feat f, std::string_view value) {
  return stable_hash64(value, (static_cast<std::uint64_t>(f) + 1) * 0x9e3779b97f4a7c15ull);
}
/// The feature in words, for evidence: "title 'general' before it".
std::string describe(feat f, std::string_view value, int detail);

/// What the whole document says about each word: a two-pass memory (observe every piece, then label).
class doc_memory {
 public:
  struct counts {
    std::uint32_t mid_cap = 0;      ///< capitalised, not first in its sentence, in a normal sentence
    std::uint32_t lower = 0;        ///< written in lower case
    std::uint32_t initial_cap = 0;  ///< capitalised first word of a sentence
  };
  /// Adds the words of one piece of the document.
  void observe(std::string_view text, const segmentation& piece);
  const counts* find(std::string_view key) const;

 private:
  string_memo<counts> words_;
};

/// Prediction history: the names the model has read so far in the document, by word and type
/// (Ratinov and Roth 2009). Labelling and training record every sentence's reading after decoding it, so the
/// history of a sentence holds only the sentences before it: one pass, the same in both.
class label_history {
 public:
  struct counts {
    std::uint32_t by_type[3] = {};  ///< read inside a name of each type (person, group, place)
  };
  /// Records how one token was read: its folded key, eligible flag (sentence_features::eligible)
  /// and BILOU tag. Called for every token of a sentence once it is decoded.
  void record(std::string_view key, int eligible, int tag);
  const counts* find(std::string_view key) const;

 private:
  string_memo<counts> words_;
};

/// Receives one feature: its template and value.
using history_sink = std::function<void(feat, std::string_view)>;
/// Calls `sink` with each history feature of a token whose folded key is `self`, between tokens
/// `prev` and `next` (null at the sentence's ends). The one owner of these features:
/// sentence_features and training both ask it.
void visit_history(const label_history& history, const std::string& self, const std::string* prev,
                   const std::string* next, const history_sink& sink);
/// The same features as (template, value) pairs appended to `out`.
void history_features(const label_history& history, const std::string& self, const std::string* prev,
                      const std::string* next, std::vector<std::pair<feat, std::string>>& out);

class word_facts_cache;
struct word_facts;

/// What the features read besides the sentence.
struct feature_env {
  const name_lexicon* lex = nullptr;
  const lexicons::word_stats* stats = nullptr;  ///< null: no corpus features
  const doc_memory* doc = nullptr;              ///< null: no document features
  const label_history* history = nullptr;       ///< null: no prediction-history features
  /// Memo of lexicon facts for this document (null: looked up each time, the plain reference path).
  word_facts_cache* facts = nullptr;
  std::uint32_t groups = all_feature_groups;
};

/// One feature with its words (for evidence).
struct described_feature {
  std::uint64_t key = 0;
  feat f = feat::bias;
  std::string value;
  int detail = 0;
};

/// The tokens of one sentence, prepared for feature extraction.
class sentence_features {
 public:
  /// `rule_tags` (may be null): the rule cascade's tag names of the piece's tokens ("B-person",
  /// empty for none), indexed like segmentation::tokens.
  sentence_features(const feature_env& env, std::string_view text, const segmentation& piece, const sentence& s,
                    const std::vector<std::string>* rule_tags);
  std::size_t size() const { return toks_.size(); }
  /// Whether the token may be part of a name (capitalised, or a connector between capitalised
  /// words). Other tokens are always O: a documented constraint of the decoder.
  /// 1: anywhere in a name; 2: a name must end on it (a possessive closes a name); 3: only inside a
  /// name ("of", "the", "and" between capitalised words); 4: a name may begin on it but not end
  /// ("de", "van": "de Gaulle" after a title); 5: only inside a group's or a place's name ("and",
  /// "for", "in": "Bank of England and Wales", but "Nan for Beth" is two people).
  int eligible(std::size_t i) const {
    const tok& k = toks_[i];
    return !k.eligible ? 0 : k.closes ? 2 : k.particle == 1 ? (k.key == "the" ? 3 : 5) : k.particle == 2 ? 4 : 1;
  }
  /// Index into segmentation::tokens of the sentence's i-th token.
  std::size_t token_index(std::size_t i) const { return first_ + i; }
  /// The model keys of token i's features (appended to `out`).
  void keys(std::size_t i, std::vector<std::uint64_t>& out) const;
  /// Token i's features with their values, for evidence.
  std::vector<described_feature> described(std::size_t i) const;
  /// The same list, but only the features at the positions in `wanted` are filled in (the others
  /// are left empty): evidence words only the few largest shares.
  std::vector<described_feature> described(std::size_t i, const std::vector<std::size_t>& wanted) const;
  /// Whether most words of the sentence are written in capitals (a line of capitals).
  bool all_capitals() const { return caps_context_ == "allcaps"; }
  /// Whether most words of the sentence are capitalised, not in capitals (a title-case headline).
  bool title_case() const { return caps_context_ == "titlecase"; }
  /// Whether the sentence is ordinary prose (neither a line of capitals nor one of capitalised words).
  bool normal_case() const { return caps_context_ == "normal"; }
  /// Index of the sentence's first word token (size() when it has none).
  std::size_t first_word() const { return first_word_; }
  /// The folded lower-case key of token i.
  const std::string& key(std::size_t i) const { return toks_[i].key; }
  /// Whether token i's key is `w`: a comparison the compiler inlines (a std::string against a
  /// string literal calls strlen and an out-of-line compare, once per token in the post-filters).
  [[gnu::always_inline]] bool key_is(std::size_t i, std::string_view w) const {
    return std::string_view(toks_[i].key) == w;
  }
  /// The keys of tokens first..last (inclusive) joined by one space: the lexicon's key of a name
  /// of several words ("united states").
  std::string span_key(std::size_t first, std::size_t last) const {
    std::string out = toks_[first].key;
    for (std::size_t i = first + 1; i <= last; ++i) (out += ' ') += toks_[i].key;
    return out;
  }

 private:
  struct tok {
    std::string key, shape;  // shape: made on first use (shape_at), as most tokens are never features' tokens
    bool word = false, cap = false, allcaps = false, eligible = false, open = false, closes = false, shaped = false;
    std::uint8_t particle = 0;  // an eligible lower-case word: 1 inside a name only, 2 a name's connector
    std::uint16_t run_index = 0, run_length = 0;  // place in the run of eligible tokens
  };
  template <class Sink>
  void visit(std::size_t i, Sink&& sink) const;
  // The facts of token j: through the document's memo, kept per token (the features ask for a
  // token's facts up to seven times); without the memo, computed each time (the reference path).
  word_facts facts_at(std::size_t j) const;
  std::string_view neighbour(std::ptrdiff_t i) const;
  std::string_view shape_at(std::size_t j) const;

  const feature_env& env_;
  std::string_view text_;
  const segmentation& piece_;
  const sentence& s_;
  const std::vector<std::string>* rule_tags_;
  mutable std::vector<const word_facts*> facts_;  // per token, from the memo, once asked
  std::size_t first_ = 0;
  mutable std::vector<tok> toks_;  // mutable: shapes are filled in on first use
  std::size_t first_word_ = 0;     // index of the sentence's first word token (size() when none)
  std::string_view caps_context_;  // "allcaps", "titlecase" or "normal" (a literal: compared per token)
};

/// Whether a word's surface starts with a capital (or d'/l' + capital); `allcaps` when every
/// letter of two or more is upper case.
bool capitalised(std::string_view surface, bool* allcaps = nullptr);
/// Whether a word is a short lower-case prefix, a hyphen and a capitalised word ("al-Sabunji").
bool capital_after_prefix(std::string_view surface);
/// The folded key of a token: its base without accents.
std::string token_key(const token& t);
/// The folded key of a word's surface text (lower-cased, accents removed, no possessive).
std::string token_key_of(std::string_view surface);

}  // namespace histext::entities_detail
