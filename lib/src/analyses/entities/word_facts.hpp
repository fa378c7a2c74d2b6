#pragma once
// Internal: what the lexicons say about a word, looked up once per word of a document. The
// features ask for the same few thousand words again and again; a binary search in names.tsv and
// in word_stats for every token cost a third of the recogniser's time.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/hash.hpp"
#include "common/string_memo.hpp"
#include "histext/names.hpp"
#include "lexicons/word_stats.hpp"

namespace histext::entities_detail {

/// The lexicon facts of one folded key.
struct word_facts {
  name_entry entry;         ///< WordNet lexicon entry (views into the mapped lexicon: valid for the process)
  char plural = 0;          ///< proper code ('P', 'g'...) of the singular when the key is a plural of a name
  std::uint16_t lists = 0;  ///< bit (1 << name_list) per curated list holding the key
  const lexicons::word_stat* stat = nullptr;  ///< corpus statistics, or null
  bool long_s = false;                        ///< unknown as written, the facts are those of a long-s reading ("houfe")
  bool in(name_list l) const { return (lists >> static_cast<int>(l)) & 1u; }
};

/// The singulars a folded plural key may have, most likely first: "trotskyites" -> trotskyite,
/// trotskyit; "communities" -> community; "englishmen" -> englishman; the Russian plural of period
/// English, "bolsheviki" -> bolshevik. Empty when the key has no plural ending. The one owner of
/// this rule: the features and the rule cascade both ask it.
std::vector<std::string> singular_forms(std::string_view key);

/// Whether `test` holds for the lexicon entry of `key` or of one of its singular forms ("studies"
/// -> study): "a common word or the plural of one". The one owner of that walk.
template <class Test>
bool word_or_singular(const name_lexicon& lex, std::string_view key, Test test) {
  if (test(lex.find(key))) return true;
  for (const std::string& one : singular_forms(key))
    if (test(lex.find(one))) return true;
  return false;
}

/// How a word misread from old print may have been written: each reading has some of the key's
/// non-final 'f' read as a long s ("houfe" -> house, "rufsell" -> russell, "prefident" ->
/// president), every 'f' first, then fewer. Empty when the key has no non-final 'f'; at most four
/// of them are tried (15 readings). The one owner of this rule: word facts and grouping ask it.
std::vector<std::string> long_s_readings(std::string_view key);

/// The title an OCR engine may have misread as `facts`' key ("pbesidext" -> president, "senntor"
/// -> senator): a title of seven letters or more from the curated list, of the key's length, that
/// differs from it in one letter (two from nine letters on), the only such title, when the key
/// is unknown to WordNet, to the corpus statistics and to the curated lists. Empty otherwise.
/// `lex` is the process's name_lexicon (the titles are read from the first one passed, once). The
/// one owner of this rule (labeller::title_word asks it).
std::string ocr_title(const name_lexicon& lex, std::string_view key, const struct word_facts& facts);

/// Whether a folded word is a given name: on the curated list or one of WordNet's given names.
/// The one owner of this test for the post-filters and grouping.
bool given_name(const name_lexicon& lex, std::string_view key);

/// Whether a folded word is the plural of a curated title ("senators", "ministers", "generals").
/// The one owner of this test for the post-filters.
bool plural_of_title(const name_lexicon& lex, std::string_view key);
/// Whether a (lower-case) given name is one that history gives to women alone (data/female_names.txt,
/// read once): "caroline", not "jean". For grouping only, not a feature of the model.
bool female_given_name(std::string_view key);

/// Whether a folded word is a regular past tense ("marched", "attacked", "sallied", "commenced",
/// "planned", "treated"), as a heading's capitals write it ("How King Boabdil Marched over the
/// Border"): WordNet knows it as no name and no noun, and its base as a common word, and historical
/// English capitalises it in fewer than 10% of its uses (not "united"); not a given name
/// ("alfred", "mildred") nor a noun ("creed"). The one owner of this test.
bool past_tense_verb(const name_lexicon& lex, const lexicons::word_stats* stats, std::string_view key);

/// Whether a folded title is a peer's, who is called by the place of his title ("Monmouth" is the
/// Duke of Monmouth): duke, duchess, earl, marquis, marquess, viscount, countess, baron, baroness.
/// The one owner of the list for grouping and the labeller.
bool peerage_title(std::string_view title);

/// Whether a folded title is one of people known by a given name alone: sovereigns, popes and
/// saints (king, queen, emperor, tsar, sultan, pope, saint, prince...). The one owner of the list
/// for grouping and the labeller.
bool sovereign_title(std::string_view title);

/// Whether a folded title is a saint's ("saint", "st.", "st"), whose name is a town's, a church's
/// or a ship's as often as a person's ("St. Omer", "the St. Albans"). The one owner of the list.
bool saint_title(std::string_view title);

/// Whether a folded title is a churchman's, held "of" a see or a house ("the Bishop of Durham",
/// "the Abbot of Cluny"): abbot, archbishop, bishop, prior, dean, canon, cardinal, monk, friar,
/// abbess, prioress. The one owner of the list for the labeller.
bool church_title(std::string_view title);

/// Whether a folded word is an ordinal of a regnal number ("first" ... "eighteenth": "Nicholas the
/// First"). The one owner of the list for the labeller and grouping.
bool regnal_ordinal(std::string_view key);

/// The facts of a folded key, computed now (`stats` may be null).
word_facts compute_word_facts(const name_lexicon& lex, const lexicons::word_stats* stats, std::string_view key);

/// A per-document memo of word_facts (memory bounded by the document's vocabulary).
class word_facts_cache {
 public:
  /// `stats` may be null (no corpus statistics).
  word_facts_cache(const name_lexicon& lex, const lexicons::word_stats* stats) : lex_(lex), stats_(stats) {}
  /// The facts of a folded key, computed on first request.
  const word_facts& get(std::string_view key);

 private:
  const name_lexicon& lex_;
  const lexicons::word_stats* stats_;
  string_memo<word_facts> memo_;
};

}  // namespace histext::entities_detail
