#pragma once
// Internal: from a piece of segmented text to the names the model finds in it (before grouping).
//   features.cpp  what the model sees of a token
//   decoder.cpp   Viterbi over BILOU tags
//   labeller.cpp  a piece's sentences -> found mentions, with the evidence of their margins
//   grouping.cpp  found mentions -> entities
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyses/entities/decoder.hpp"
#include "analyses/entities/features.hpp"
#include "analyses/entities/model.hpp"
#include "common/string_memo.hpp"

namespace histext::entities_detail {

class gazetteer;

/// The reason given to a saint's name read as his church, palace or parish ("at St. James's"):
/// grouping keeps such a name a place though WordNet knows only the saint.
inline constexpr const char* saint_place_reason = "a saint's name in the possessive after a preposition of place";
/// The reason post-filter 11 gives a name listed after a preposition of place with other places;
/// grouping keeps it a place, though WordNet knows only a person of that name ("Warwick").
inline constexpr const char* listed_place_reason = "listed after a preposition of place with other places";

/// The reason post-filter 13 gives a town named before its state or country ("born in Quincy,
/// Massachusetts"): grouping keeps it a place, though WordNet knows only a person of that name.
inline constexpr const char* town_of_state_reason = "a town before its state";

/// Prepositions of place before a mention (found_mention::place_before).
inline constexpr std::uint8_t place_none = 0, place_towards = 1, place_at = 2;
/// Which preposition of place a folded word is (place_none for any other word).
std::uint8_t preposition_of_place(std::string_view word);
/// Whether token i of a sentence is a word written with a capital (false past the sentence's end).
/// The one owner of this test for the labeller and the post-filters.
bool capitalised_word(std::string_view text, const segmentation& piece, const sentence_features& sf, std::size_t i);

/// Relative pronouns after a mention (found_mention::relative_after).
inline constexpr std::uint8_t relative_who = 1, relative_which = 2;

/// A name the model (or the gazetteer) found, before grouping.
struct found_mention {
  std::size_t begin = 0, end = 0;  ///< bytes of the whole mention (a title before the name included)
  std::size_t name_begin = 0;      ///< bytes: where the name starts (after its titles)
  std::uint32_t sentence = 0, block = 0, paragraph = 0;
  histext::block_kind block_kind = histext::block_kind::paragraph;
  entity_type type = entity_type::person;
  /// True when a post-filter read the name from its own words or context (not from a list's
  /// neighbours): in the document's vote on a name's type, it wins a tie with the model's surest.
  /// (Here, beside the one-byte type, it takes no room of its own: a long book holds a million
  /// mentions.)
  bool by_rule = false;
  std::string key;                  ///< folded words of the name (titles excluded), joined by one space
  std::vector<std::string> titles;  ///< folded titles before the name ("mrs", "general")
  std::string next_key;             ///< folded word right after the name, if any ("fraction")
  /// The preposition right before the mention: place_none, place_towards ("to", "from", "towards",
  /// "through") or place_at ("at", "in", "into", "near", "within"); one byte, not the word: a long
  /// book holds a million mentions.
  std::uint8_t place_before = 0;
  /// The relative pronoun right after the mention (past a comma): 0 none, relative_who ("Argyle,
  /// who"), relative_which ("the Company, which").
  std::uint8_t relative_after = 0;
  /// 1 when a place's name stands next to it past a comma, as in an address ("Godmersham Park,
  /// Faversham, Kent"), else 0.
  std::uint8_t beside_place = 0;
  char gender = 0;            ///< 'm' (Mr.), 'f' (Mrs.) or 'u' (Miss) from a form of address before the name
  float margin = 0;           ///< score of the chosen reading over the runner-up
  long gazetteer_entry = -1;  ///< index of the gazetteer entry that matched, or -1
  /// The features that most favour the chosen type over the runner-up, in words, with their share.
  std::vector<std::pair<std::string, float>> reasons;
};

/// The mentions of a document, in the order found. A deque: a book holds a million, and growing
/// never copies them (nor faults their pages in twice).
using mention_list = std::deque<found_mention>;

/// The rule cascade's reading of a piece: per token of `piece`, "B-person", "U-place"... or "".
/// `memo` (may be null): the document's memo of word facts.
std::vector<std::string> rule_tags(std::string_view text, const segmentation& piece, word_facts_cache* memo = nullptr);

/// Whether a type is one the model reads (person, group, place), not a title of a work or a
/// ship's name (post-filter 10): only those are voted on, remembered and grouped by type.
inline bool modelled_type(entity_type t) { return static_cast<int>(t) < 3; }

/// A span of a sentence to turn into a mention: the model's, a post-filter's (with the reason it
/// gives as evidence) or the gazetteer's (its entry).
struct chosen_span {
  tagged_span span;
  long entry = -1;
  std::string why;
  /// True when post-filter 11 gave the type: the neighbours' in a list, not a fact of the name.
  bool listed = false;
};

/// A sentence prepared for the model: its features' keys for each eligible token.
struct prepared_sentence {
  std::vector<char> eligible;
  std::vector<std::uint32_t> offsets;  ///< keys of token i: keys[offsets[i], offsets[i + 1])
  std::vector<std::uint64_t> keys;
};
/// Prepares one sentence of `features`.
prepared_sentence prepare(const sentence_features& features);

/// Emission scores (n x n_tags) of a prepared sentence under a model.
std::vector<float> emissions(const model& m, const prepared_sentence& p);

/// Why a span was read as it was: its margin over the best other reading of the same tokens (the
/// same span as another type, or no name), and each feature's share of that margin.
struct margin_report {
  float margin = 0;
  int runner_up = -1;                                       ///< an entity_type, or -1 for "no name"
  std::vector<std::pair<described_feature, float>> shares;  ///< largest first
};
/// Explains `span` of `features` under `m`; features whose keys are in `removed` are left out.
/// `shares` keeps the `top` largest (all by default).
margin_report explain(const model& m, const sentence_features& features, const tagged_span& span,
                      const std::vector<std::uint64_t>& removed = {}, std::size_t top = static_cast<std::size_t>(-1));

/// Whether a folded name is made only of forms of address that name nobody alone ("sir", "dear
/// sir", "ladies"): post-filter 7 (labeller.cpp, the owner of the table of forms of address).
bool bare_address(const std::string& key);

/// Post-filter 1 (post_rules.cpp): for each group in found[from, end) named by people joined with
/// a hyphen ("the Zinoviev-Kamenev fraction"), adds a person mention for each of them.
void add_named_people(std::string_view text, mention_list& found, std::size_t from);

/// Post-filter 8 (post_rules.cpp): a person's name of several words ending in a given name, each
/// word named on its own at least three times as often as the whole (and at least three times), is
/// split into one mention per word: names side by side ("I gave unto Isaac Jacob and Esau").
void split_side_by_side(std::string_view text, mention_list& found);

/// Post-filter 26 (post_rules.cpp): a mention whose name and the word after it are, byte for byte,
/// the name of another mention of the same type in the document is that fuller name ("the Boston
/// Red" before "Sox", where the model read "the Boston Red Sox" elsewhere).
void extend_to_fuller_names(std::string_view text, mention_list& found);

/// Post-filter 10 (post_rules.cpp): the titles of works and the names of ships in a sentence of
/// `sf`, as spans of type work or other with the reason for each: the capitalised words after a
/// lower-case noun of works or ships ("the romantic comedy Leap Year", "the steamer Arctic"), after
/// "on board the" or "aboard" (a ship: "on board the Bellerophon"),
/// before a lone year in brackets ("Burning Man (2011)"), or alone between quotation marks
/// ("“Kenilworth”", only where `read`, the model's spans, found a place or a group and no
/// person), unless the lexicon
/// knows them as a name.
std::vector<std::pair<tagged_span, std::string>> work_titles(std::string_view text, const segmentation& piece,
                                                             const sentence_features& sf,
                                                             const std::vector<tagged_span>& read);

/// Post-filter 11 (post_rules.cpp): names listed together share a type. In a list of at least
/// three names of `spans` (sorted, non-overlapping) joined only by commas, "and", "or", "&" and
/// "the", with a conjunction before the last ("Basel, Heidelberg, and Strasbourg"), a name whose type differs from that
/// of a strict majority (two or more) takes the majority's type, unless `fixed` (a gazetteer's or a post-filter's) or
/// the lexicon knows it as a name of its own type. Returns the indices retyped.
/// One capitalised word the model left unread between names of such a list ("to Northampton,
/// Coventry, and Warwick") is appended to `added` (when given) with the list's type; four or more
/// names joined by commas alone are a list when three and a majority have one type, and a titled
/// person keeps its type ("Miss Austen, Godmersham Park, Faversham, Kent").
std::vector<std::size_t> agree_in_lists(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                        std::vector<tagged_span>& spans, const std::vector<char>& fixed,
                                        std::vector<tagged_span>* added = nullptr);

/// Labels pieces of one document with a model.
class labeller {
 public:
  /// `keep_titles`: a title before a person's name stays in the name ("General Kornilov").
  labeller(std::shared_ptr<const model> m, const feature_env& env, const gazetteer* gaz, bool keep_titles = false)
      : model_(std::move(m)), env_(env), gazetteer_(gaz), keep_titles_(keep_titles) {
    if (model_->feature_groups() & static_cast<std::uint32_t>(feature_group::history)) env_.history = &history_;
  }
  labeller(const labeller&) = delete;  // env_ points into history_
  labeller& operator=(const labeller&) = delete;
  /// Appends the names of `piece` (offsets into `text`) to `out`.
  void label(std::string_view text, const segmentation& piece, mention_list& out);
  /// The document-level post-filters, once every piece is labelled, in their order: 26 (fuller
  /// names), 14 (families),
  /// 2 (one reading per document), 4 (people ending in a common word), 8 (names side by side).
  void finish(std::string_view text, mention_list& found) const {
    extend_to_fuller_names(text, found);
    name_families(found);
    apply_majority_readings(found);
    drop_common_word_people(found);
    split_side_by_side(text, found);
  }
  /// Post-filter 2, one reading per document: a one-word name (not the gazetteer's) that the model
  /// read in fewer than half of the places where the word stands capitalised on its own ("Man",
  /// "Amen" at the start of verses), or that the document writes in lower case more than ten
  /// times as often (and at least 20 times), is dropped; one it read in at least half of them is
  /// read in all of them, with the type it has most often.
  void apply_majority_readings(mention_list& found) const;
  /// Post-filter 14: a family named by the plural of a surname the document gives a person ("the
  /// younger Bernoullis" beside Daniel Bernoulli, "the Olsens'" beside Ashley Olsen) is a group:
  /// the model's people of that one word are retyped, and its unread capitalised places added.
  void name_families(mention_list& found) const;
  /// Post-filter 4: drops the people whose name ends in a plain common word that historical
  /// English seldom capitalises ("General Public License").
  void drop_common_word_people(mention_list& found) const;

 private:
  /// A title or form of address, also as misread from old print ("Prefident Lincoln").
  bool title_word(const std::string& key) const;
  /// Whether the word at `i` of the sentence is an adjective of a people between an article and
  /// its noun ("the Norman cause", "a Saxon thane"): WordNet knows it as a capitalised adjective,
  /// and a lower-case common noun follows (post-filter 7).
  bool adjective_before_noun(std::string_view text, const segmentation& piece, const sentence_features& sf,
                             std::size_t i) const;
  /// The lexicons' facts about a word: through the document's memo, or computed (the reference
  /// path, fast paths off).
  word_facts facts_of(const std::string& key) const;
  /// Post-filter 12 (post_rules.cpp): a titled person "of" a known place in `chosen` (sorted) is
  /// split into the person and the place ("Senator Sherman of Ohio").
  void split_titled_places(std::string_view text, const segmentation& piece, const sentence_features& sf,
                           std::vector<chosen_span>& chosen) const;
  /// Post-filter 13 (post_rules.cpp): the words of places ("Mount McGregor", "the Republic of
  /// Korea", "Jefferson street", "from Cook county"); `chosen` stays sorted.
  void read_place_words(std::string_view text, const segmentation& piece, const sentence_features& sf,
                        const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 16 (post_rules.cpp): a possessive name before the capitalised head of a place or
  /// an institution is that place's or institution's name ("Brown's Hotel", "Christ's College");
  /// `chosen` stays sorted.
  void read_possessive_heads(std::string_view text, const segmentation& piece, const sentence_features& sf,
                             const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 17 (post_rules.cpp): a run of capitalised words that the model left unread and
  /// that WordNet knows whole as a place or a group is that name ("the West Indies", "the Cape of
  /// Good Hope"); `chosen` stays sorted.
  void read_known_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                        const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 18 (post_rules.cpp): the name after "of" in an event's name ("the Treaty of
  /// Utrecht", "the Battle of the Nile") is a place (or the person or group WordNet knows), read in
  /// place of the model's reading of the whole; not when its words are common ("the War of
  /// Independence"); `chosen` stays sorted.
  void read_event_places(std::string_view text, const segmentation& piece, const sentence_features& sf,
                         const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 19 (post_rules.cpp): a firm named by its partners ("Brown, Shipley & Co.", "Smith,
  /// Elder and Co.", "W. H. Smith & Son") is one group, in place of the model's readings of its
  /// words; `chosen` stays sorted.
  void read_firms(std::string_view text, const segmentation& piece, const sentence_features& sf,
                  const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 22 (post_rules.cpp): one capitalised word the model left unread after "in", "at",
  /// "into", "near" or "within", which the document never writes in lower case and which
  /// historical English capitalises or hardly knows, is a place ("settled in Trier"); `chosen`
  /// stays sorted.
  void read_places_after_prepositions(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                      const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 25 (post_rules.cpp): a given name standing alone inside a sentence, which the
  /// model left unread, is a person when the document never writes it in lower case, historical
  /// English nearly always capitalises it and WordNet knows no place of that name ("She loved
  /// Mary."); `chosen` stays sorted.
  void read_lone_given_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                             const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 25 (post_rules.cpp): a name "of" a place, as saints and medieval men are named
  /// ("Hilary of Poitiers'"), is one person; true when it replaced a place the model read (the
  /// count of `chosen` unchanged, its order not).
  bool read_names_of_places(std::string_view text, const segmentation& piece, const sentence_features& sf,
                            const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 25 (post_rules.cpp): unread capitalised words after a noun of a person are that
  /// person ("the physician Yang Buwei"); appends to `chosen`.
  void read_names_after_person_nouns(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                     const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 25 (post_rules.cpp): a given name after "as" and a verb of acting is the part
  /// played ("appeared as Eve"); appends to `chosen`.
  void read_parts_played(std::string_view text, const segmentation& piece, const sentence_features& sf,
                         const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 25 (post_rules.cpp): initials and one to three unread capitalised words after them
  /// are a person ("by W. W. Rouse Ball"), unless the lexicon knows the initials as a name ("U. S.")
  /// or the last word heads an institution, a place or an event; appends to `chosen`.
  void read_initialled_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                             const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 25 (post_rules.cpp): the unread names listed after the plural of an office or a
  /// form of address are people ("Senators KELLY, HICKENLOOPER, and Luján"); appends to `chosen`.
  void read_names_after_plural_titles(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                      const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 23 (post_rules.cpp): a name after "the son of", "the wife of", "the reign of",
  /// "the days of"... that WordNet knows as a person's (or a given name) is a person, where the
  /// model read a place or nothing ("the days of Washington and Hamilton"); `chosen` stays sorted.
  void read_kin_and_reigns(std::string_view text, const segmentation& piece, const sentence_features& sf,
                           const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 13, lists (post_rules.cpp): the names listed after a plural noun of settlements and
  /// "of" are places ("the parishes of Shoreditch, Stepney, Whitechappel"); `chosen` stays sorted.
  void read_listed_settlements(std::string_view text, const segmentation& piece, const sentence_features& sf,
                               const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 11, places (post_rules.cpp): names listed after a preposition of place whose first
  /// the model read as a place are places ("marched to Northampton, Coventry, and Warwick"):
  /// untitled people WordNet knows as places too are retyped, unread capitalised words read;
  /// `chosen` stays sorted.
  void read_place_lists(std::string_view text, const segmentation& piece, const sentence_features& sf,
                        const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 21 (post_rules.cpp): an institution's name that opens with two words joined by
  /// "and" ("the Ways and Means Committee", "the Food and Drug Administration") is read whole where
  /// the model read only the words after "and"; `chosen` stays sorted.
  void read_conjoined_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                            const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 20 (post_rules.cpp): in a line of capitals, where the model read nothing, a word
  /// (or a run of up to three) that WordNet knows only as a name, and that historical English
  /// capitalises, is that name ("DUST STORM SWEEPS KANSAS"); `chosen` stays sorted.
  void read_capital_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                          const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  /// Post-filter 24 (post_rules.cpp): a name of two words or more read as a group or a place
  /// takes the type of its head: a building's ("the Metropolitan Museum of Art", "Guy's Hospital")
  /// is a place, a school's, college's or university's is a group.
  void type_by_heads(const sentence_features& sf, std::vector<chosen_span>& chosen) const;
  /// Post-filter 15 (post_rules.cpp): a capitalised plural of a noun of people that historical
  /// English capitalises ("the Imperialists", "the Royalists") names a group; `chosen` stays sorted.
  void read_plural_groups(std::string_view text, const segmentation& piece, const sentence_features& sf,
                          const prepared_sentence& p, std::vector<chosen_span>& chosen) const;
  std::shared_ptr<const model> model_;
  feature_env env_;
  const gazetteer* gazetteer_;
  bool keep_titles_ = false;
  label_history history_;                           // the model's readings so far in the document (prediction history)
  std::unordered_map<std::string, int> explained_;  // evidence is computed for a key's first mentions only
  // Capitalised one-word runs: how often each key stands so, and where (for post-filter 2).
  struct standalone {
    std::uint32_t id = 0, count = 0;
  };
  struct occurrence {
    std::uint32_t id = 0;
    std::size_t begin = 0, end = 0;
    std::uint32_t sentence = 0, block = 0, paragraph = 0;
    histext::block_kind block_kind = histext::block_kind::paragraph;
    bool read = false;  // the model read a name here
  };
  string_memo<standalone> standalone_;
  std::deque<occurrence> occurrences_;  // a deque: a book holds millions, and growth never copies them
  // The keys of standalone_ by id, and a mention of type `type` at an occurrence (post-filters 2
  // and 14 add the unread places of a name).
  std::vector<const std::string*> standalone_keys() const;
  static found_mention mention_at(const occurrence& o, const std::string& key, entity_type type, std::string why);
};

}  // namespace histext::entities_detail
