// The documented post-filters of the recogniser (docs/entities.md lists them):
//   1. A group named by people joined with a hyphen ("the Zinoviev-Kamenev fraction", "the
//      Molotov-Ribbentrop pact") also names each of them: one token cannot carry two entities. A
//      hyphenated name before a group noun (fraction, faction, bloc) is such a group, and so is the
//      first word of a group's name ("the Biden-Harris Administration"). A word whose parts are
//      all given names is a person's ("Mary-Kate"; in labeller::label).
//   2. One reading per document: a one-word name is dropped when the model read it in fewer than
//      half of the places where the word stands capitalised on its own (alone in a run of
//      capitalised words, or anywhere in a line of capitals), or when the document
//      writes the word in lower case more than ten times as often ("the dry land Earth" against
//      900 lower-case "earth"); otherwise every such place is read as that name
//      (labeller::apply_majority_readings).
//   3. A name never begins with a function word before a capitalised word ("For Judah"), nor with
//      a citation's "See" ("--See MIGNET"), nor with a party's plural ("the Girondists Vergniaud"), nor with
//      the words before a title and a given name ("Tagebuch des Generals Patrick Gordon"; but "Will"
//      inside a sentence before a name is William's: "an injury to Will Middlebrooks"), nor with
//      "the" as OCR misreads it ("Tbe Legislature") or a lower-case article ("la Baconnière"),
//      and a person's name never ends with a function word ("Charles I. He") nor runs past a
//      regnal numeral's full stop ("Edward I. He"), nor runs on through "the" into an institution
//      ("Elizabeth the Church") or into an office after it ("Perkins Secretary of Labor") or a
//      law's title ("George Floyd Justice in Policing Act") or a place's office ("John I. Mitchell
//      United States Senator"), but
//      takes a regnal numeral or ordinal ("Louis
//      XV", "Pope Damasus I,", "George the First"; in labeller::label), and a given name before
//      "the" and a capitalised ordinal is a person where the model read nothing ("Charles the
//      First was beheaded"). No name crosses a column of a table ("The Duke of Portland     First
//      Lord of the Treasury") or ends in an adjective of the next noun ("England Parliamentary
//      oligarchy"). Initials joined by "&" are one word of a name ("New York F&AM").
//   4. A person's name does not end in a plain common word that historical English seldom
//      capitalises ("General Public License", "Major Component", "Day"): WordNet gives the word no
//      proper sense, it is no given name, and the corpus capitalises it in fewer than 20% of its
//      mid-sentence uses; not after a given name, which makes it a surname ("Carl Foreman",
//      "Fanny Blood") or two initials ("J. P. True"; labeller::drop_common_word_people); and it
//      ends before a heading's verb in
//      the past tense ("How King Ferdinand Attacked Moclin"; in labeller::label). The head of a
//      law after an article or the law's name is none ("the Bill", "the Alien Bill").
//   5. Person <-> place when WordNet knows only the other, a plural whose singular WordNet knows
//      only as a place is a place ("the Americas"), and the head of a place's or a group's name
//      given in full, read alone as a person, has that name's type ("the Lodge" beside "Holland
//      Lodge"), a one-word person the document also names as a settlement is a place
//      ("Shoreditch" beside "Shoreditch parish"), and a given name that begins a person's name in
//      the document is no town
//      ("Charlotte" beside "Charlotte Lucas"), and the first word of a school's name given in full,
//      read alone as a place WordNet does not know, is the school ("at Tsinghua" beside "Tsinghua
//      University"; grouping.cpp); a name after a personal
//      form of address is a person ("Lady Cork", "Lord Rochester"; labeller::label, grouping.cpp);
//      a person often after "at" or "in" is a place ("at Leith"; grouping.cpp).
//   6. The capitalised words before the first comma of a dateline name a place ("Monticello,
//      November 14, 1809."; in labeller::label).
//   7. A form of address alone names nobody ("Dear Sir,", "Yes, Madam", "Ladies"), nor does the
//      plural of an office name a party ("Senators will be asked", "the Ministers", "Republican
//      Senators"), nor the office "of" a title ("the Office of Vice Presidency"), nor an
//      abbreviated title, with or without its full stop ("Capt, Lott" in OCR), nor a common
//      noun after a possessive pronoun ("my Journal") or a possessive title ("The King's Man"),
//      nor an adjective before its noun ("to Democratic control", "the Catholic sovereigns"; an
//      adjective of a people between an article and its noun, "the Norman cause", whatever the
//      model read, and post-filter 2 adds no such place either), nor
//      an office a verb gives ("he became Professor of Linguistics", "was a linguist and Professor
//      of Linguistics"; not "became Governor of
//      Virginia" nor a peer's, a sovereign's or a churchman's style), nor a kind of person after
//      an article ("a Jacobin", "the Saracen"), and a common noun after "the" is an institution
//      ("the Kirk"); a name that ends in a title with no "of" in it is a person ("the United
//      Nations Secretary-General"); a person's name does not begin with a month or weekday that
//      is no given name ("November Ruth"; in labeller::label).
//   8. Names side by side: a person's name of several words, each of which the document names on
//      its own at least three times as often (and at least three times), and whose last word is a
//      given name (a surname seldom is), is those people standing side by side ("I gave unto
//      Isaac Jacob and Esau"): it is split into one mention each, and so is a place the document
//      reads as one before a person ("to reach Inverlochy Mackay"; split_side_by_side).
//   9. Initials alone name no person or place ("Mrs. B.", "A.M.", "N. Y."), unless the lexicon
//      knows them as a name ("U.S."), nor does a name's suffix or an abbreviation alone ("Jr.",
//      "Co."), nor a web or an e-mail address ("CI.taiwan.gov.tw"); in labeller::label.
//  10. A name read as a group or a place that ends in the head of a law, a plan or an event is
//      `other` ("the Kent Canal Bill"; not "the Office of Science and Technology Policy"), and so
//      is a person's that ends in "Award", "Prize" or "Medal" ("César Award"; in labeller::label). Titles of works and
//      names of ships are no person, group or place: the capitalised words after a lower-case noun of works or ships
//      from data/work_nouns.txt ("the romantic comedy Leap Year", "the steamer Arctic"; not after "to" or a pronoun:
//      "to play Hamlet"), before one in apposition ("Thyrza, a series of elegies") or after "on board the" or "aboard"
//      ("on board the Bellerophon") or a navy's prefix ("HMS Beagle", "the USS Constitution"), before a lone year in
//      brackets ("Burning Man (2011)"; not a citation, "Smith (2005) argued", nor a known or given name unless listed
//      beside such a work, "A Single Man (2009), Stoker (2013)", nor a place or an event a history dates so: "at
//      Culloden (1746)", "the Treaty of Utrecht (1713)", "in Falkland Castle (1402)"), or alone between quotation marks
//      where the model read a place or a group and no person, or before a translation in brackets or its maker
//      ("Kenilworth", ""Nigorie" ("Troubled Waters")", ""Joan of Arc", by Bastien-Lepage"; not a nickname, "Finley
//      "Finn" Polmar", nor
//      a pseudonym, nor a known or given name, nor a name whose head the noun before it gives: "rename the bridge "The
//      Emperor Norton Bridge""), or after a person's possessive in two words or more ("Lagrange's
//      Mécanique Analytique"), are a work, or a vessel typed "other" (work_titles).
//  11. Names listed together share a type: in "Basel, Heidelberg, and Strasbourg" the one person
//      among places is a place, unless the lexicon knows it as a person, and an unread name in such
//      a list is read with its type (agree_in_lists); names listed after a preposition of place
//      with the model's place first are places ("marched to Northampton, Coventry, and Warwick";
//      labeller::read_place_lists).
//  12. A titled person "of" a place is a person and a place ("Senator Sherman of Ohio", "Mr. Adams
//      of Braintree"; not a sovereign's or a peer's "of": "King Louis XV of France"), and an
//      institution "of" a titled person is the institution and the person ("the Government of Lord
//      Salisbury"), and a name after a peer's title and "of" is the peer (capitalised, or in lower
//      case after "the": "the marques of Cadiz"); in labeller::label.
//  13. The words of places: a person's name beginning with Mount, Fort, Cape, Lake, Isle or Port
//      (or Rio, Sierra, Puerto...) is a place ("Mount McGregor", "Rio Negro"), a state is a place
//      ("the Republic of Korea"), a name before a lower-case street, county, river... (not a people's
//      adjective before it and "of": "the American island of Oahu"), read or
//      not, is that place ("Jefferson street", "from Cook county"), and so is one after "the town
//      of", "the desert of", "the kingdom of"..., "the river" ("this town of Donauwerth", "the
//      desert of Chalcis", "the river Lech") or before its county
//      ("Rensselaer, Jasper County") or its state ("Washington, D.C."), after "the walls of"
//      ("the walls of Loxa") or before ", a town" ("Ostend, a town"), or listed after "the
//      parishes of", "the towns of"... ("the parishes of Shoreditch, Stepney, Whitechappel";
//      read_listed_settlements, before post-filter 11), or a building named "of" something ("the
//      Pyramid of the Sun"), or that is located or situated somewhere
//      ("Teotihuacan was located about", "El Castillo, located at"), or that ends in Street,
//      Bridge..., or in Green, Hill... where one is ("through Turnham Green");
//      labeller::read_place_words.
//  14. Families: the plural of a surname the document gives a person names a group ("the younger
//      Bernoullis" beside Daniel Bernoulli; labeller::name_families), and so does the plural of a
//      name alone after "the" that no lexicon knows as a word ("dined with the Darrels", "the
//      Stuarts"; labeller::read_plural_groups).
//  15. A capitalised plural of a noun of people that historical English capitalises names a group
//      ("the Imperialists", "the Royalists"; not "the Merchants"), and so does a people or an
//      institution named alone after "the" ("the English were beaten", "the Japanese attacked",
//      "the Senate will"), or by
//      its initials ("joined the ILP") or a plural in a faction's suffix ("the Narodniki"), and so do orders of knights
//      after "the orders of" where the model read their towns ("the orders of Santiago, Calatrava, and Alcantara";
//      labeller::read_plural_groups).
//  16. A possessive name before the capitalised head of a place or an institution is its name
//      ("Brown's Hotel", "Christ's College", "the King's Bench", "Platt's Music Hall";
//      labeller::read_possessive_heads).
//  17. A run of capitalised words the model left unread that WordNet knows whole as a place or a
//      group is that name ("the West Indies", "the Cape of Good Hope"; labeller::read_known_names).
//  18. Events name their places: in "the Treaty of Utrecht", "the Battle of the Nile", "the Siege of
//      Vienna" the name after "of" is a place (a person or a group when WordNet knows it so), not the
//      event, whether the model read the whole or nothing; not "the War of Independence", whose
//      words are common (labeller::read_event_places).
//  19. Firms: the partners' names before "& Co.", "and Sons", "& Brothers" are one group ("Messrs.
//      Brown, Shipley & Co.", "Smith, Elder and Co."), not people, and so are a railway's towns
//      ("the Chicago, Burlington & Quincy road"; labeller::read_firms).
//  20. Names in a line of capitals: where the model read nothing, a run of up to three words
//      that WordNet knows whole as a name ("NEW YORK"), or one word it knows only as a name and
//      that historical English capitalises ("SWEEPS KANSAS"; labeller::read_capital_names); a
//      reading there, or in a title-case headline, ends before a verb ("Roosevelt Asks Congress";
//      in labeller::label).
//  21. An institution's name may open with two words joined by "and": where the model read only
//      the words after "and" as a group ending in an organisation's head, "the" and an unread
//      capitalised word before "and" make them one name ("the Ways and Means Committee", "the Food
//      and Drug Administration"; labeller::read_conjoined_names); an institution's field "of" one
//      common word goes on through "and" and a second ("the Royal Academy of Painting and
//      Sculpture"), and a group read across "and" whose first part WordNet knows whole as a group
//      is two ("the United Nations and Council of Europe").
//  23. A name after "the son of", "the wife of", "the reign of", "the days of"... that WordNet
//      knows as a person's, or a given name, is a person where the model read a place or nothing
//      ("the days of Washington and Hamilton"; labeller::read_kin_and_reigns).
//  22. One capitalised word alone after "in", "at", "into", "near" or "within", where the model
//      read nothing, that the document never writes in lower case and historical English
//      capitalises or hardly knows (a common word too that it capitalises nine times in ten and
//      that names no people or body: "at Derby"), is a place ("settled in Trier"), and so is one after "to" or
//      "from" where a verb of going comes before it ("travelled with Bonosus to Gaul"; not "went to
//      Mass"), or after "for" where a verb of leaving does, read or not ("left Paris on Tuesday
//      for Compiegne"; labeller::read_places_after_prepositions).
//  25. A given name alone inside a sentence, where the model read nothing, is a person when the
//      document never writes it in lower case, historical English capitalises it and WordNet knows
//      no place of that name ("She loved Mary."), and so is an unread name after a title
//      ("President Roose-⏎velt"), and so is a name WordNet knows only as a person's ("I read in
//      Plutarch."), and so is an unread given name with one unread capitalised word
//      after it ("to rob Ian Kinsler of a hit"; labeller::read_lone_given_names), and so are
//      initials and the capitalised words after them ("by W. W. Rouse Ball";
//      labeller::read_initialled_names) and the names listed after the plural of an office or a
//      form of address, in capitals too ("Senators KELLY, HICKENLOOPER, and Luján";
//      labeller::read_names_after_plural_titles), and a name "of" a place as saints are named
//      ("Hilary of Poitiers'"), a name after a noun of a person ("the physician Yang Buwei") and
//      a part an actor plays ("appeared as Eve"; labeller::read_lone_given_names).
//  24. The head of a name decides between a building and a body: a museum, a gallery or a hospital
//      is a place ("the Metropolitan Museum of Art", "the Hôpital Cochin"), a school, a college or
//      a university a group ("Stephenville High School"), and so is a newspaper ("the Chicago
//      Tribune", "the Manchester Guardian"; labeller::type_by_heads).
//  26. A name cut short where the document gives it in full: a mention whose name and the word
//      after it are, byte for byte, another mention's name of the same type is that fuller name
//      ("the Boston Red" before "Sox"; extend_to_fuller_names, in labeller::finish).
#include <algorithm>
#include <cctype>
#include <functional>
#include <tuple>
#include <unordered_map>

#include "analyses/entities/labeller.hpp"
#include "analyses/entities/recognizer.hpp"
#include "analyses/entities/word_facts.hpp"
#include "histext/names.hpp"
#include "lexicons/word_stats.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

void add_named_people(std::string_view text, mention_list& found, std::size_t from) {
  const name_lexicon& lex = name_lexicon::instance();
  const std::size_t end = found.size();
  for (std::size_t k = from; k < end; ++k) {
    const found_mention m = found[k];  // a copy: push_back below may move the vector
    // A group for the model, or any hyphenated name before a group noun ("the X-Y fraction", "bloc").
    const bool before_group_noun = !m.next_key.empty() && lex.in(name_list::group_noun, m.next_key);
    if (m.type != entity_type::group && !before_group_noun) continue;
    // The hyphenated word: the whole name, or the first word of a group's ("the Biden-Harris
    // Administration").
    std::string_view surface = text.substr(m.name_begin, m.end - m.name_begin);
    if (m.key.find(' ') != std::string::npos) {
      if (m.type != entity_type::group) continue;
      const std::size_t space = surface.find_first_of(" \t\n\r");
      if (space == std::string_view::npos) continue;
      surface = surface.substr(0, space);
    }
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
    found[k].type = entity_type::group;  // the compound names the group they lead
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

bool capitalised_word(std::string_view text, const segmentation& piece, const sentence_features& sf, std::size_t i) {
  return i < sf.size() && piece.tokens[sf.token_index(i)].is_word() &&
         capitalised(piece.tokens[sf.token_index(i)].text(text));
}

namespace {

// Which of a sentence's `n` tokens a chosen span covers (the post-filters that add names read only
// where no name is).
std::vector<char> covered_tokens(const std::vector<chosen_span>& chosen, std::size_t n) {
  std::vector<char> taken(n, 0);
  for (const chosen_span& c : chosen)
    for (std::size_t i = c.span.first; i <= c.span.last && i < n; ++i) taken[i] = 1;
  return taken;
}

// Restores the order of `chosen` (by first token) after spans were added.
void sort_by_start(std::vector<chosen_span>& chosen) {
  std::sort(chosen.begin(), chosen.end(),
            [](const chosen_span& x, const chosen_span& y) { return x.span.first < y.span.first; });
}

// The lexicon's type for a name: 'p' person, 'l' place, 'g' group, or 0.
char known_type(const name_lexicon& lex, const std::string& key) {
  const char c = lex.find(key).proper();
  return c == 'P' ? 'p' : (c == 'p' || c == 'l' || c == 'g') ? c : 0;
}

char type_letter(entity_type t) {
  return t == entity_type::person ? 'p' : t == entity_type::place ? 'l' : t == entity_type::group ? 'g' : 0;
}

// The folded words of tokens [first, last] of `sf`, joined by one space.
std::string key_of_span(const segmentation& piece, const sentence_features& sf, std::size_t first, std::size_t last) {
  std::string key;
  for (std::size_t i = first; i <= last; ++i)
    if (piece.tokens[sf.token_index(i)].is_word()) key += (key.empty() ? "" : " ") + sf.key(i);
  return key;
}

// A common word and no name that historical English capitalises in fewer than half of its
// mid-sentence uses ("ball", "union"), though it may stand capitalised here: no given name, no
// name WordNet knows. The test of a word that cannot be part of a person's name on weaker cues.
bool plain_common_word(const name_lexicon& lex, const lexicons::word_stats* stats, const std::string& key) {
  const name_entry e = lex.find(key);
  if (!e.common() || e.proper() || given_name(lex, key) || !stats) return false;
  const lexicons::word_stat* st = stats->find(key);
  return st && st->mid_cap < 500;
}

// The model's own reading of token `i` alone as a person (no gazetteer entry, no post-filter's
// reason), or null: the reading a post-filter may retype.
chosen_span* model_person_at(std::vector<chosen_span>& chosen, std::size_t i) {
  auto it = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
    return c.span.first == i && c.span.last == i && c.span.type == entity_type::person && c.entry < 0 && c.why.empty();
  });
  return it == chosen.end() ? nullptr : &*it;
}

// Whether one of `verbs` stands within `window` words before token `at`, with no punctuation
// between. The one walk for the verbs of going and of leaving below.
template <std::size_t N>
bool verb_before(const sentence_features& sf, std::size_t at, std::size_t window, const char* const (&verbs)[N]) {
  for (std::size_t k = at; k-- > 0 && at - k <= window;) {
    const std::string& w = sf.key(k);
    if (std::any_of(std::begin(verbs), std::end(verbs), [&](const char* v) { return w == v; })) return true;
    if (w == ","sv || w == ";"sv || w == ":"sv || w == "."sv || w == "("sv || w == ")"sv) return false;
  }
  return false;
}

// Whether a verb of going stands within `window` words before token `at` ("to"), with no
// punctuation between: "marched to", "travelled with Bonosus to" (window 3); not "wrote to",
// "letters to". The one owner of the list for post-filters 11 and 22.
bool going_before(const sentence_features& sf, std::size_t at, std::size_t window) {
  static const char* const going[] = {"marched",   "went",     "sailed",    "rode",      "came",     "returned",
                                      "retreated", "advanced", "proceeded", "travelled", "traveled", "fled",
                                      "moved",     "hastened", "journeyed", "retired",   "repaired", "go",
                                      "march",     "sail",     "ride",      "come",      "return",   "goes"};
  return verb_before(sf, at, window, going);
}

// Whether a verb of leaving stands before `at` ("for") within `window` words, with no punctuation
// between: "left Paris on Tuesday for Compiegne", "sailed for Liverpool", "set out for Bath".
bool leaving_before(const sentence_features& sf, std::size_t at, std::size_t window) {
  static const char* const leaving[] = {"left",    "leave",    "leaves", "sailed",   "sail",
                                        "sails",   "departed", "depart", "embarked", "embark",
                                        "started", "out",      "bound",  "steamed",  "set"};
  return verb_before(sf, at, window, leaving);
}

}  // namespace

std::vector<std::pair<tagged_span, std::string>> work_titles(std::string_view text, const segmentation& piece,
                                                             const sentence_features& sf,
                                                             const std::vector<tagged_span>& read) {
  const name_lexicon& lex = name_lexicon::instance();
  const std::size_t n = sf.size();
  auto tok = [&](std::size_t i) -> const token& { return piece.tokens[sf.token_index(i)]; };
  auto word = [&](std::size_t i) { return i < n && tok(i).is_word(); };
  auto cap = [&](std::size_t i) { return word(i) && capitalised(tok(i).text(text)); };
  // A lower-case word that may stand inside a title ("Until the End of the World", "Pride and
  // Prejudice"). Not "in", "on", "to", "at": "the steamer Arctic in May", "sent Common Sense to
  // Washington".
  auto inner = [&](std::size_t i) {
    const std::string& k = sf.key(i);
    return word(i) && !capitalised(tok(i).text(text)) &&
           (lex.in(name_list::connector, k) || k == "the"sv || k == "a"sv || k == "an"sv || k == "and"sv);
  };
  // Known as a name, or holding a given name: a person's or a place's, not a title.
  auto name_like = [&](std::size_t first, std::size_t last) {
    if (known_type(lex, key_of_span(piece, sf, first, last))) return true;
    for (std::size_t i = first; i <= last; ++i)
      if (cap(i) && !lex.in(name_list::function_word, sf.key(i)) && given_name(lex, sf.key(i))) return true;
    return false;
  };
  std::vector<std::pair<tagged_span, std::string>> out;
  auto overlaps = [&](std::size_t first, std::size_t last) {
    return std::any_of(out.begin(), out.end(),
                       [&](const auto& o) { return !(last < o.first.first || first > o.first.last); });
  };
  // The curated nouns of works and of ships.
  constexpr std::uint32_t nouns =
      (1u << static_cast<int>(name_list::work_noun)) | (1u << static_cast<int>(name_list::vessel_noun));
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // After a noun of works or ships: "the film Stoker", not "to play Hamlet" or "they sing Abide".
    // (The decoder's eligibility first: it is known, and a lower-case noun is never eligible.)
    if (sf.eligible(i) != 0 || sf.eligible(i + 1) == 0 || !word(i) || !cap(i + 1)) continue;
    std::uint32_t lists = lex.lists(sf.key(i));
    // Also as old print spells it: "the fhip Amiable Maria" (long_s_readings owns the rule).
    if (!(lists & nouns) && sf.key(i).find('f') != std::string::npos)
      for (const std::string& r : long_s_readings(sf.key(i)))
        if ((lists = lex.lists(r)) & nouns) break;
    const bool work = (lists >> static_cast<int>(name_list::work_noun)) & 1u,
               vessel = (lists >> static_cast<int>(name_list::vessel_noun)) & 1u;
    if (!work && !vessel) continue;
    if (i > 0 && word(i - 1) && lex.in(name_list::function_word, sf.key(i - 1))) {
      static const char* determiners[] = {"the", "a",   "an",   "his",  "her",  "their", "its",
                                          "my",  "our", "your", "this", "that", "whose"};
      if (std::none_of(std::begin(determiners), std::end(determiners),
                       [&](const char* d) { return sf.key_is(i - 1, d); }))
        continue;
    }
    std::size_t last = i + 1;
    for (std::size_t j = i + 2; j < n && (cap(j) || inner(j)); ++j)
      if (cap(j)) last = j;
    // "the song I wrote": a pronoun begins no title ("The Lookout" and "Until the End" may).
    static const char* pronouns[] = {"i",   "he",    "she", "it",   "we",   "they",  "you",   "his",   "her", "its",
                                     "our", "their", "my",  "your", "this", "these", "those", "which", "who", "what"};
    if (overlaps(i + 1, last) ||
        std::any_of(std::begin(pronouns), std::end(pronouns), [&](const char* w) { return sf.key_is(i + 1, w); }))
      continue;
    out.push_back({{i + 1, last, vessel ? entity_type::other : entity_type::work},
                   std::string("after the word '") + sf.key(i) + "'"});
  }
  for (std::size_t i = 1; i + 3 < n; ++i) {
    // In apposition to a work or a ship: "Byron composed Thyrza, a series of elegies", "Waverley,
    // a novel", "the Arctic, a steamer of the Collins line". The noun ends the apposition (not
    // "Smith, a book collector", "Lee, a film director"); up to two words may stand before it ("a
    // long poem").
    if (!sf.key_is(i, ",") || !cap(i - 1) || sf.eligible(i - 1) == 0 ||
        (!sf.key_is(i + 1, "a") && !sf.key_is(i + 1, "an")))
      continue;
    std::size_t at = i + 2;
    std::uint32_t lists = 0;
    for (; at < n && at <= i + 4 && word(at) && !cap(at); ++at)
      if ((lists = lex.lists(sf.key(at))) & nouns) break;
    if (at >= n || at > i + 4 || !word(at) || cap(at) || !(lists & nouns)) continue;
    if (at + 1 < n && word(at + 1) && !lex.in(name_list::function_word, sf.key(at + 1))) continue;
    std::size_t first = i - 1;
    while (first > 0 && (cap(first - 1) || (inner(first - 1) && first >= 2 && cap(first - 2))) &&
           sf.eligible(first - 1) != 0)
      --first;
    while (first < i - 1 && !cap(first)) ++first;
    if (overlaps(first, i - 1) || lex.in(name_list::function_word, sf.key(first))) continue;
    const bool vessel = (lists >> static_cast<int>(name_list::vessel_noun)) & 1u;
    out.push_back({{first, i - 1, vessel ? entity_type::other : entity_type::work},
                   std::string("before ', a ") + sf.key(at) + "'"});
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // After "on board (of) the" or "aboard (the)": a ship ("went on board the Bellerophon",
    // "sailed aboard the Mayflower"). Not a people's or an owner's ship ("on board the French
    // frigate", "on board the King's ship").
    std::size_t at = i;
    if (sf.key_is(at, "on") && at + 1 < n && sf.key_is(at + 1, "board") && !cap(at + 1)) {
      ++at;
      if (at + 1 < n && sf.key_is(at + 1, "of")) ++at;
    } else if (!sf.key_is(at, "aboard")) {
      continue;
    }
    if (at + 1 < n && sf.key_is(at + 1, "the")) ++at;
    if (at + 1 >= n || !cap(at + 1) || sf.eligible(at + 1) == 0 || lex.in(name_list::function_word, sf.key(at + 1)) ||
        lex.in(name_list::nationality, sf.key(at + 1)))
      continue;
    // A kind of ship, which old print capitalises, is no name ("on board the Packet").
    static const char* const kinds[] = {"packet", "boat", "vessel", "barge", "transport", "galley", "ferry", "prize"};
    if (lex.in(name_list::vessel_noun, sf.key(at + 1)) ||
        std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return sf.key_is(at + 1, k); }))
      continue;
    std::size_t last = at + 1;
    for (std::size_t j = at + 2; j < n && (cap(j) || inner(j)); ++j)
      if (cap(j)) last = j;
    bool possessive = false;
    for (std::size_t j = at + 1; j <= last; ++j) possessive = possessive || tok(j).possessive();
    if (possessive || overlaps(at + 1, last)) continue;
    out.push_back({{at + 1, last, entity_type::other},
                   std::string("a ship: after '") + sf.key(i) + (sf.key_is(i, "on") ? " board'" : "'")});
    i = last;
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // After a navy's or a line's prefix: "HMS Beagle", "the USS Constitution", "RMS Titanic", "SMS
    // Emden". Not "SS", which names a body as often ("the SS officers"). With its full stops
    // ("H.M.S. Bellerophon") the segmenter ends a sentence after the prefix (docs/entities.md).
    static const char* const prefixes[] = {"hms", "uss", "rms", "hmas", "hmcs", "hmnzs", "css", "sms"};
    if (!word(i) || !cap(i + 1) || sf.eligible(i + 1) == 0 || lex.in(name_list::function_word, sf.key(i + 1)) ||
        std::none_of(std::begin(prefixes), std::end(prefixes), [&](const char* p) { return sf.key_is(i, p); }))
      continue;
    // The prefix in capitals, as written ("Hms" is no prefix).
    const std::string_view pre = tok(i).text(text);
    if (std::any_of(pre.begin(), pre.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    // The name's words, with "of" and its like between them ("Prince of Wales"), not "and".
    std::size_t last = i + 1;
    for (std::size_t j = i + 2; j < n && (cap(j) || (word(j) && lex.in(name_list::connector, sf.key(j)))); ++j)
      if (cap(j)) last = j;
    if (overlaps(i + 1, last)) continue;
    out.push_back({{i + 1, last, entity_type::other}, std::string("a ship: after '") + std::string(pre) + "'"});
    i = last;
  }
  std::vector<std::pair<std::size_t, std::size_t>> named;  // dated, but a name: see below
  for (std::size_t i = 1; i + 2 < n; ++i) {
    // Before a lone year in brackets: "Burning Man (2011)".
    if (tok(i).text(text) != "("sv || tok(i + 2).text(text) != ")"sv || !cap(i - 1)) continue;
    const token& y = tok(i + 1);
    const std::string_view ys = y.text(text);
    if (y.kind != token_kind::number || ys.size() != 4 || (ys[0] != '1' && ys[0] != '2')) continue;
    // Not a citation ("Smith (2005) argued", "by Cruse and Croft (2004)").
    if (word(i + 3) && lex.in(name_list::person_verb, sf.key(i + 3))) continue;
    // The title: capitalised words, with lower-case particles between them ("Elevator to the
    // Gallows"), back to a possessive ("Waugh's Brideshead Revisited": Waugh is its author).
    std::size_t first = i - 1;
    for (std::size_t j = first; j > 0;) {
      std::size_t k = j - 1;  // the word before the title so far, past any particles
      while (k > 0 && inner(k)) --k;
      // A capitalised function word ends it ("After the Battle of Homildon Hill (1402)"), but an
      // article may begin a title ("The Lookout (2007)").
      const bool article = sf.key_is(k, "the") || sf.key_is(k, "a") || sf.key_is(k, "an");
      if (!cap(k) || tok(k).possessive() || (lex.in(name_list::function_word, sf.key(k)) && !article)) break;
      first = j = k;
    }
    bool authors = first > 0 && word(first - 1) && sf.key_is(first - 1, "by");
    for (std::size_t j = first; j < i; ++j) authors |= sf.key_is(j, "and") || tok(j).text(text) == "&"sv;
    // Histories date places and events so: "beaten at Culloden (1746)", "died in Falkland Castle
    // (1402)", "the Treaty of Utrecht (1713)". Not after "at" or "near", nor an event's name, nor
    // after a preposition of place a name with the head of a place or an institution (a film's
    // title may have one: "Cemetery Junction (2010)").
    const std::string& before = first > 0 && word(first - 1) ? sf.key(first - 1) : std::string();
    const bool at = before == "at"sv || before == "near"sv;
    const bool locative = at || before == "in"sv || before == "from"sv || before == "to"sv || before == "into"sv;
    bool place_head = false, event = false;
    for (std::size_t j = first; j < i; ++j) {
      place_head |= cap(j) && (lex.in(name_list::place_word, sf.key(j)) || lex.in(name_list::org_head, sf.key(j)));
      event |= cap(j) && lex.in(name_list::event_word, sf.key(j));
    }
    if (at || event || (locative && place_head)) continue;
    // One word the model reads as a person is a person with a date ("for Louisa (1839)").
    const bool person = first + 1 == i && std::any_of(read.begin(), read.end(), [&](const tagged_span& r) {
                          return r.type == entity_type::person && r.first <= first && first <= r.last;
                        });
    if (!cap(first) || authors || overlaps(first, i - 1)) continue;
    if (person || name_like(first, i - 1)) {
      named.push_back({first, i - 1});
      continue;
    }
    out.push_back({{first, i - 1, entity_type::work}, "before a year in brackets"});
  }
  // A name with a year in brackets in a list of such works is one too: "The Lookout (2007), A
  // Single Man (2009), Stoker (2013), Belle (2013)". The list runs from one to the next through
  // ")", then "," or "and"; not a list of citations, where no item is a work ("Smith (2005),
  // Jones (2006)").
  for (bool grew = true; grew;) {
    grew = false;
    for (auto& span : named) {
      // (Not a structured binding: clang-14 cannot capture one in the lambda below.)
      std::size_t& first = span.first;
      const std::size_t last = span.second;
      if (first > last) continue;  // taken
      const bool listed = std::any_of(out.begin(), out.end(), [&](const auto& o) {
        const tagged_span& w = o.first;
        if (w.type != entity_type::work || o.second != "before a year in brackets"sv) return false;
        // w before this one: w ( year ) , this; or this before w: this ( year ) , w.
        auto joins = [&](std::size_t a_last, std::size_t b_first) {
          return a_last + 5 == b_first && (sf.key_is(a_last + 4, ",") || sf.key_is(a_last + 4, "and"));
        };
        return joins(w.last, first) || joins(last, w.first);
      });
      if (!listed || overlaps(first, last)) continue;
      out.push_back({{first, last, entity_type::work}, "before a year in brackets"});
      first = last + 1;
      grew = true;
    }
  }
  for (std::size_t i = 0; i + 2 < n; ++i) {
    // Alone between quotation marks: "“Kenilworth”" (not the nickname in Finley "Finn" Polmar).
    const std::string_view open = tok(i).text(text);
    const bool opens = open == "\""sv || open == "\u201c"sv || open == "\u2018"sv;
    if (!opens || !cap(i + 1) || (i > 0 && cap(i - 1))) continue;
    std::size_t last = i + 1;
    std::size_t j = i + 2;
    for (; j < n && (cap(j) || inner(j)); ++j)
      if (cap(j)) last = j;
    if (j != last + 1 || j >= n) continue;
    const std::string_view close = tok(j).text(text);
    const bool closes = (open == "\""sv && close == "\""sv) || (open == "\u201c"sv && close == "\u201d"sv) ||
                        (open == "\u2018"sv && close == "\u2019"sv);
    if (!closes || (j + 1 < n && cap(j + 1)) || overlaps(i + 1, last)) continue;
    // A title glossed by a translation in brackets, or followed by its maker ("“Joan of Arc”, by
    // French realist Jules Bastien-Lepage", "“Hamlet” by Shakespeare"), is a title whatever the
    // model read and whatever the words name: a nickname gets neither ("known as “Finn” by his
    // friends": no name after "by").
    const bool glossed = j + 2 < n && tok(j + 1).text(text) == "("sv && [&] {
      const std::string_view q = tok(j + 2).text(text);
      return q == "\""sv || q == "\u201c"sv || q == "\u2018"sv;
    }();
    const std::size_t by = j + 1 < n && tok(j + 1).text(text) == ","sv ? j + 2 : j + 1;
    // ("by", maybe an article, maybe one lower-case word, then a capital: "by the realist Jules".)
    const bool authored = by + 1 < n && sf.key_is(by, "by") && [&] {
      std::size_t k = by + 1;
      if (sf.key_is(k, "the") || sf.key_is(k, "a") || sf.key_is(k, "an")) ++k;
      if (word(k) && !cap(k) && !lex.in(name_list::function_word, sf.key(k))) ++k;
      return cap(k);
    }();
    if (!glossed && !authored && name_like(i + 1, last)) continue;
    // Only where the model read a place or a group: quotation marks also hold defined terms
    // ("“This License” refers to"), words used as words, and people's pseudonyms and nicknames
    // ("better known as “Jenna Marbles”", "saying “Marmar”").
    bool place_or_group = false, person = false;
    for (const tagged_span& r : read)
      if (!(r.last < i + 1 || r.first > last)) (r.type == entity_type::person ? person : place_or_group) = true;
    if (!glossed && !authored && (!place_or_group || person)) continue;
    // Nor a name whose head the noun before the quotation marks gives: it says what is named
    // ("campaigns to rename the bridge "The Emperor Norton Bridge"").
    if (i > 0 && word(i - 1) && !cap(i - 1) && sf.key(i - 1) == sf.key(last)) continue;
    // A ship's name, when a noun of ships follows it ("the \"Tamar\" frigate").
    const bool vessel = j + 1 < n && word(j + 1) && lex.in(name_list::vessel_noun, sf.key(j + 1));
    out.push_back({{i + 1, last, vessel ? entity_type::other : entity_type::work}, "alone between quotation marks"});
  }
  // A person's work after his possessive: "Joseph Louis Lagrange's Mécanique Analytique",
  // "Newton's Philosophiae Naturalis Principia Mathematica", where the model read a person. Two
  // words or more ("Mary's Bothwell" is her husband, "Philip's Norton" a village), and not a known
  // or a given name ("Dante's Beatrice Portinari") nor a title ("Napoleon's Marshal Ney").
  for (const tagged_span& r : read) {
    if (r.type != entity_type::person || r.first < 1 || r.last == r.first || !tok(r.first - 1).possessive() ||
        !cap(r.first) || overlaps(r.first, r.last) || name_like(r.first, r.last) ||
        lex.in(name_list::title, sf.key(r.first)) || tok(r.last).possessive())
      continue;
    const bool owner = std::any_of(read.begin(), read.end(), [&](const tagged_span& o) {
      return o.last + 1 == r.first && o.type == entity_type::person;
    });
    if (!owner) continue;
    out.push_back({{r.first, r.last, entity_type::work}, "after a person's possessive"});
  }
  return out;
}

std::vector<std::size_t> agree_in_lists(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                        std::vector<tagged_span>& spans, const std::vector<char>& fixed,
                                        std::vector<tagged_span>* added) {
  const name_lexicon& lex = name_lexicon::instance();
  std::vector<std::size_t> changed;
  auto tok = [&](std::size_t i) -> const token& { return piece.tokens[sf.token_index(i)]; };
  auto cap_word = [&](std::size_t i) { return capitalised_word(text, piece, sf, i); };
  // The members of lists: the names read, and one capitalised word the model left unread between
  // them ("to Northampton, Coventry, and Warwick"), which takes the list's type (index >= spans.size()).
  struct member {
    tagged_span span;
    std::size_t index;
  };
  std::vector<member> all;
  for (std::size_t k = 0; k < spans.size(); ++k) all.push_back({spans[k], k});
  // Only a word that names something by itself: no common word or plural of one ("Sons",
  // "Guardians", "Corn"), no title, no list word, and one historical English capitalises (or has not
  // seen: "Coventry", "Hants").
  auto name_alone = [&](const std::string& k) {
    if (k.size() < 3 || lex.lists(k) != 0 || !sf.normal_case() ||
        word_or_singular(lex, k, [](const name_entry& x) { return x.common(); }))
      return false;
    const lexicons::word_stat* st = lexicons::word_stats::instance().find(k);
    return !st || st->mid_cap < 0 || st->mid_cap >= 800;
  };
  if (added) {
    std::vector<char> taken(sf.size(), 0);
    for (const tagged_span& sp : spans)
      for (std::size_t i = sp.first; i <= sp.last && i < taken.size(); ++i) taken[i] = 1;
    // (Cheapest tests first: a list's separator on one side, "," "and" "or" "&".)
    auto separator = [&](std::size_t i) {
      const std::string_view w = tok(i).text(text);
      return w == ","sv || w == "&"sv || sf.key_is(i, "and") || sf.key_is(i, "or");
    };
    if (spans.size() >= 2)
      for (std::size_t i = sf.first_word() + 1; i + 1 < sf.size(); ++i)
        if (!taken[i] && (separator(i - 1) || separator(i + 1)) && cap_word(i) && !tok(i).possessive() &&
            name_alone(sf.key(i)))
          all.push_back({{i, i, entity_type::other}, spans.size() + i});
    std::sort(all.begin(), all.end(), [](const member& x, const member& y) { return x.span.first < y.span.first; });
  }
  // Whether only list punctuation and conjunctions stand between two names.
  auto joined = [&](const tagged_span& a, const tagged_span& b) {
    if (b.first <= a.last + 1) return false;
    for (std::size_t i = a.last + 1; i < b.first; ++i) {
      const std::string_view w = tok(i).text(text);
      const std::string& k = sf.key(i);
      if (!(w == ","sv || w == "&"sv || k == "and"sv || k == "or"sv || k == "the"sv)) return false;
    }
    return true;
  };
  // A title makes a person whatever the list ("Miss Austen, Godmersham Park, Faversham, Kent").
  auto titled = [&](const tagged_span& sp) {
    return lex.in(name_list::title, sf.key(sp.first)) ||
           (sp.first > 0 && lex.in(name_list::title, sf.key(sp.first - 1)));
  };
  for (std::size_t a = 0; a < all.size();) {
    std::size_t b = a + 1;
    while (b < all.size() && joined(all[b - 1].span, all[b].span)) ++b;
    int votes[3] = {};
    for (std::size_t k = a; k < b; ++k)
      if (all[k].index < spans.size() && modelled_type(all[k].span.type)) ++votes[static_cast<int>(all[k].span.type)];
    int best = 0;
    for (int t = 1; t < 3; ++t)
      if (votes[t] > votes[best]) best = t;
    const int members = votes[0] + votes[1] + votes[2];
    // A list ends with a conjunction before its last name. Names joined by commas alone are as
    // often an address ("Miss Austen, Godmersham Park, Faversham, Kent", where the title keeps the
    // person): four or more of them, three of one type and a majority ("garrisoned York,
    // Scarborough, Carlisle, Pomfret, Leeds").
    bool conjoined = false;
    if (b - a >= 3)
      for (std::size_t i = all[b - 2].span.last + 1; i < all[b - 1].span.first; ++i) {
        const std::string& k = sf.key(i);
        conjoined |= k == "and"sv || k == "or"sv || tok(i).text(text) == "&"sv;
      }
    const bool listed = (conjoined && votes[best] >= 2 && 2 * votes[best] > members) ||
                        (b - a >= 4 && votes[best] >= 3 && 2 * votes[best] > members);
    if (listed) {
      const auto major = static_cast<entity_type>(best);
      for (std::size_t k = a; k < b; ++k) {
        if (all[k].index >= spans.size()) {
          added->push_back({all[k].span.first, all[k].span.last, major});
          continue;
        }
        tagged_span& sp = spans[all[k].index];
        if (fixed[all[k].index] || !modelled_type(sp.type) || sp.type == major || titled(sp)) continue;
        if (known_type(lex, key_of_span(piece, sf, sp.first, sp.last)) == type_letter(sp.type)) continue;
        sp.type = major;
        changed.push_back(all[k].index);
      }
    }
    a = b;
  }
  return changed;
}

// Post-filter 12: a titled person "of" a known place is a person and a place ("Senator Sherman
// of Ohio", "Mr. Smith of Boston"); without a title the place is the name's ("Hilary of
// Poitiers", "Joan of Arc"), and a title alone before "of" is the name ("the Duke of Wellington").
void labeller::split_titled_places(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                   std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  auto title_at = [&](std::size_t i) { return title_word(sf.key(i)); };
  for (std::size_t c = 0; c < chosen.size(); ++c) {
    const tagged_span sp = chosen[c].span;
    if (chosen[c].entry >= 0 || !chosen[c].why.empty() || sp.type != entity_type::person) continue;
    std::size_t first = sp.first;
    while (first < sp.last && title_at(first)) ++first;
    const bool has_title = first > sp.first || (sp.first > 0 && title_at(sp.first - 1));
    if (!has_title || !capitalised(piece.tokens[sf.token_index(first)].text(text))) continue;
    const std::size_t title = first > sp.first ? first - 1 : sp.first - 1;  // the title nearest the name
    // A sovereign's or a peer's "of" is the name's ("King Louis XV of France", "Lord Russell of
    // Kingston"), and so is a regnal numeral's.
    static const char* realm[] = {"king",     "queen",    "emperor",  "empress",  "tsar",    "czar",
                                  "tsarina",  "prince",   "princess", "duke",     "duchess", "earl",
                                  "count",    "countess", "baron",    "baroness", "lord",    "lady",
                                  "marquis",  "marquess", "viscount", "pope",     "bishop",  "archbishop",
                                  "cardinal", "saint",    "st.",      "sultan",   "shah"};
    if (std::any_of(std::begin(realm), std::end(realm), [&](const char* r) { return sf.key_is(title, r); })) continue;
    for (std::size_t k = first + 1; k < sp.last; ++k) {
      if (!sf.key_is(k, "of") || capitalised(piece.tokens[sf.token_index(k)].text(text))) continue;
      std::string place;
      for (std::size_t i = k + 1; i <= sp.last; ++i) place += (place.empty() ? "" : " ") + sf.key(i);
      // A place: known as one, or one capitalised word the lexicon does not know ("Mr. Adams of
      // Braintree").
      char known = lex.find(place).proper();
      if (!known && k + 1 == sp.last && !lex.find(place).found() && !given_name(lex, place) &&
          capitalised(piece.tokens[sf.token_index(k + 1)].text(text)))
        known = 'l';
      const std::string& before = sf.key(k - 1);
      const bool regnal = !before.empty() && before.find_first_not_of("ivxl") == std::string::npos;
      if (known != 'l' || regnal) break;
      chosen[c].span.last = k - 1;
      chosen.insert(
          chosen.begin() + static_cast<std::ptrdiff_t>(c) + 1,
          chosen_span{{k + 1, sp.last, entity_type::place}, -1, "a place after 'of' in a titled person's name"});
      break;
    }
  }
  // And an institution "of" a titled person is the institution and the person: "the Government of
  // Lord Salisbury", "the Cabinet of Mr. Gladstone" (the model reads one group). Not a saint's
  // ("the Order of St. John"), nor a possessive ("the Court of King's Bench"), nor a title that
  // no name follows ("the Office of President of the United States", "the Office of Vice
  // Presidency").
  for (std::size_t c = 0; c < chosen.size(); ++c) {
    const tagged_span sp = chosen[c].span;
    if (chosen[c].entry >= 0 || !chosen[c].why.empty() || sp.type != entity_type::group) continue;
    for (std::size_t k = sp.first + 1; k + 2 <= sp.last; ++k) {
      if (!sf.key_is(k, "of")) continue;
      const std::string& t = sf.key(k + 1);
      if (!title_at(k + 1) || saint_title(t) || !capitalised(piece.tokens[sf.token_index(k + 2)].text(text)) ||
          title_at(k + 2) || lex.in(name_list::function_word, sf.key(k + 2)))
        break;
      // A name after the title, not a common word ("the Office of Vice Presidency").
      const name_entry e = lex.find(sf.key(k + 2));
      if (e.common() && !e.proper() && !given_name(lex, sf.key(k + 2))) break;
      bool possessive = false;
      for (std::size_t i = k + 1; i <= sp.last; ++i)
        possessive = possessive || piece.tokens[sf.token_index(i)].possessive();
      if (possessive) break;
      chosen[c].span.last = k - 1;
      chosen.insert(
          chosen.begin() + static_cast<std::ptrdiff_t>(c) + 1,
          chosen_span{{k + 1, sp.last, entity_type::person}, -1, "a titled person after 'of' in a group's name"});
      break;
    }
  }
}

// Post-filter 13: the words of places. A person's name that begins with "Mount", "Fort",
// "Cape", "Lake", "Isle" or "Port" (or "Rio", "Sierra", "Puerto", "Porto", "Lago", "Cerro", "Mont")
// is a place ("Mount McGregor", "Rio Negro"); a name followed by a
// lower-case "street", "county", "river"... is that place ("Jefferson street", "Cook county":
// old newspapers write the head in lower case). Not remembered by the history, as post-filter 11.
void labeller::read_place_words(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  auto title_at = [&](std::size_t i) { return title_word(sf.key(i)); };
  // A lower-case head of a place name after a name. Not "road" or "lane": "the Gosport road"
  // leads to Gosport.
  auto place_head = [&](std::size_t i) {
    static const char* heads[] = {"street",   "avenue", "square", "county",    "river", "creek",
                                  "township", "island", "valley", "mountains", "canal", "parish"};
    return i < sf.size() && piece.tokens[sf.token_index(i)].is_word() &&
           !capitalised(piece.tokens[sf.token_index(i)].text(text)) &&
           std::any_of(std::begin(heads), std::end(heads), [&](const char* w) { return sf.key_is(i, w); });
  };
  for (chosen_span& c : chosen) {
    if (c.entry >= 0 || !c.why.empty()) continue;
    tagged_span& sp = c.span;
    // A state is a place: "the Republic of Korea", "the Central African Republic", "the Kingdom of
    // France", "the Roman Empire" (the model reads them now as groups, now as places).
    static const char* states[] = {"republic", "kingdom", "empire", "principality", "duchy", "sultanate", "emirate"};
    auto state = [&](std::size_t i) {
      return std::any_of(std::begin(states), std::end(states), [&](const char* w) { return sf.key_is(i, w); });
    };
    if (sp.type == entity_type::group && sp.first < sp.last &&
        ((state(sp.first) && sf.key_is(sp.first + 1, "of")) || state(sp.last))) {
      sp.type = entity_type::place;
      c.why = "the name of a state";
      continue;
    }
    // With the Spanish, Portuguese, Italian and French words of travellers' accounts ("Rio Negro",
    // "Sierra Madre", "Puerto Deseado", "Mont Blanc").
    static const char* leading[] = {"mount", "mt.",    "fort",   "ft.",   "cape", "lake",  "isle", "port",
                                    "rio",   "sierra", "puerto", "porto", "lago", "cerro", "mont"};
    if (sp.type == entity_type::person && sp.first < sp.last &&
        std::any_of(std::begin(leading), std::end(leading), [&](const char* w) { return sf.key_is(sp.first, w); })) {
      sp.type = entity_type::place;
      c.why = "a name that begins with '" + sf.key(sp.first) + "'";
      continue;
    }
    // A person's name that ends in the capitalised head of a street, a field or a building is that
    // place: "Charles Street", "Kingsmead Fields", "Roundway Down" (not a surname that is also a
    // head: "Hill", "Hall", "Green", "Wood", "Park").
    static const char* trailing[] = {"street", "square", "road",     "lane",  "terrace", "gardens",
                                     "fields", "bridge", "castle",   "abbey", "palace",  "cathedral",
                                     "common", "heath",  "moor",     "down",  "downs",   "crescent",
                                     "parade", "column", "monument", "st."};
    // (A group so named is the street's too: "Grub Street", "Downing Street".)
    // ("St." last is a street's: a saint's comes first, "St. James".)
    static const char* streets[] = {"street",  "square", "road",     "lane", "terrace",
                                    "gardens", "fields", "crescent", "st."};
    const bool street =
        std::any_of(std::begin(streets), std::end(streets), [&](const char* w) { return sf.key_is(sp.last, w); });
    if ((sp.type == entity_type::person || (sp.type == entity_type::group && street)) && sp.first < sp.last &&
        capitalised(piece.tokens[sf.token_index(sp.last)].text(text)) && !title_at(sp.first) &&
        !(sp.first > 0 && title_at(sp.first - 1)) &&
        [&] {  // not an office "of" one: "the Keeper of the Castle"
          for (std::size_t i = sp.first; i < sp.last; ++i)
            if (sf.key_is(i, "of")) return false;
          return true;
        }() &&
        std::any_of(std::begin(trailing), std::end(trailing), [&](const char* w) { return sf.key_is(sp.last, w); })) {
      sp.type = entity_type::place;
      c.why = "a name that ends in '" + sf.key(sp.last) + "'";
      continue;
    }
    // The heads that are surnames too make a place after a preposition where one is ("at", "on",
    // "through"...) and a word that is no name of a person: "through Turnham Green", "on Tower
    // Hill" (not "Mr. Hall", "at Thomas Wood's", nor "wrote to Rowland Hill": one writes to people).
    static const char* surname_heads[] = {"hill", "hall", "green", "wood", "park"};
    static const char* where[] = {"at", "in", "into", "near", "within", "on", "through", "across", "over"};
    if (sp.type == entity_type::person && sp.last == sp.first + 1 && sp.first > 0 &&
        std::any_of(std::begin(where), std::end(where), [&](const char* w) { return sf.key_is(sp.first - 1, w); }) &&
        !piece.tokens[sf.token_index(sp.last)].possessive() && !lex.find(sf.span_key(sp.first, sp.last)).has('p') &&
        std::any_of(std::begin(surname_heads), std::end(surname_heads),
                    [&](const char* w) { return sf.key_is(sp.last, w); }) &&
        !title_at(sp.first) && !(sp.first > 0 && title_at(sp.first - 1)) && !given_name(lex, sf.key(sp.first)) &&
        !lex.find(sf.key(sp.first)).has('p') && !lex.find(sf.key(sp.first)).has('P')) {
      sp.type = entity_type::place;
      c.why = "a name that ends in '" + sf.key(sp.last) + "'";
      continue;
    }
    const std::size_t next = sp.last + 1;
    if (!place_head(next)) continue;
    // Not a titled person ("Mr. Smith street" is no street) nor a name right before another.
    if (sp.type == entity_type::person && (title_at(sp.first) || (sp.first > 0 && title_at(sp.first - 1)))) continue;
    if (std::any_of(chosen.begin(), chosen.end(), [&](const chosen_span& o) { return o.span.first == next; })) continue;
    sp.last = next;
    sp.type = entity_type::place;
    c.why = "before the lower-case place word '" + sf.key(next) + "'";
  }
  // The same when the model read no name there: capitalised words it left unread ("from Cook
  // county").
  {
    std::vector<char> taken = covered_tokens(chosen, p.eligible.size());
    const std::size_t before = chosen.size();
    // A name after a lower-case "the town of", "the city of", "the desert of", "the kingdom of"... or
    // "the river" is a place ("this town of Donauwerth", "the desert of Chalcis", "the river Lech"),
    // unless it is a person's name in the lexicon or a given name ("the city of David").
    static const char* settlements[] = {"town", "city", "village", "hamlet", "port", "island", "province", "county",
                                        "parish", "borough", "fortress", "duchy", "desert", "kingdom", "republic",
                                        "diocese", "principality", "isle", "district", "region", "canton", "bishopric",
                                        "electorate", "margraviate",
                                        // the parts and people of a town: "the walls of Loxa"
                                        "walls", "gates", "siege", "suburbs", "environs", "outskirts", "inhabitants",
                                        "citizens", "streets", "ramparts"};
    auto word_at = [&](std::size_t i) {
      return i < sf.size() && piece.tokens[sf.token_index(i)].is_word() &&
             !capitalised(piece.tokens[sf.token_index(i)].text(text));
    };
    for (std::size_t i = 0; i + 1 < p.eligible.size(); ++i) {
      std::size_t f = 0;
      if (sf.key_is(i, "river"))
        f = i + 1;
      else if (i + 2 < sf.size() && sf.key_is(i + 1, "of") &&
               std::any_of(std::begin(settlements), std::end(settlements),
                           [&](const char* w) { return sf.key_is(i, w); }))
        f = i + 2;
      else
        continue;
      if (!word_at(i)) continue;
      if (f >= p.eligible.size() || !p.eligible[f] || !capitalised(piece.tokens[sf.token_index(f)].text(text)) ||
          title_at(f) || lex.in(name_list::function_word, sf.key(f)) || given_name(lex, sf.key(f)))
        continue;
      const char known = lex.find(sf.key(f)).proper();
      if (known == 'p' || known == 'P') continue;
      if (taken[f]) {
        for (chosen_span& c : chosen)
          if (c.span.first == f && c.span.type == entity_type::person && c.entry < 0 && c.why.empty()) {
            c.span.type = entity_type::place;
            c.why = "after '" + sf.key(i) + (f == i + 2 ? " of'" : "'");
          }
        continue;
      }
      std::size_t last = f;
      while (last + 1 < p.eligible.size() && p.eligible[last + 1] == 1 && !taken[last + 1] &&
             piece.tokens[sf.token_index(last + 1)].is_word() &&
             capitalised(piece.tokens[sf.token_index(last + 1)].text(text)) &&
             !lex.in(name_list::function_word, sf.key(last + 1)))
        ++last;
      for (std::size_t k = f; k <= last; ++k) taken[k] = 1;
      chosen.push_back({{f, last, entity_type::place}, -1, "after '" + sf.key(i) + (f == i + 2 ? " of'" : "'")});
    }
    // A name in apposition to a town: "Loxa, or Loja, a city of great strength", "Alhama, a
    // fortress". The model's one-word person, and its other name after "or", is the place.
    static const char* towns[] = {"city", "town", "village", "hamlet", "fortress", "seaport", "port", "borough"};
    for (std::size_t i = 0; i + 3 < p.eligible.size(); ++i) {
      if (!sf.key_is(i + 1, ",") || !p.eligible[i] || !capitalised(piece.tokens[sf.token_index(i)].text(text)))
        continue;
      std::size_t at = i + 2;  // after the comma; past "or Loja,"
      if (at + 3 < sf.size() && sf.key_is(at, "or") && p.eligible[at + 1] && sf.key_is(at + 2, ",")) at += 3;
      if (at + 1 >= sf.size() || (!sf.key_is(at, "a") && !sf.key_is(at, "an")) || !word_at(at + 1) ||
          std::none_of(std::begin(towns), std::end(towns), [&](const char* w) { return sf.key_is(at + 1, w); }))
        continue;
      // The town itself, not "a town clerk", "a village girl".
      if (at + 2 < sf.size() && piece.tokens[sf.token_index(at + 2)].is_word() &&
          !lex.in(name_list::function_word, sf.key(at + 2)))
        continue;
      for (std::size_t f : {i, at == i + 2 ? i : i + 3}) {
        if (title_at(f) || given_name(lex, sf.key(f)) || lex.find(sf.key(f)).has('p')) continue;
        if (chosen_span* c = model_person_at(chosen, f)) {
          c->span.type = entity_type::place;
          c->why = "before ', a " + sf.key(at + 1) + "'";
        }
      }
    }
    // A building or a monument named "of" something, after "the": "the Pyramid of the Sun", "the
    // Temple of the Feathered Serpent", "the Tower of London", where the model read nothing or
    // only the words after "of" (the Sun is no name here). The head capitalised, then "of", an
    // optional "the" and one to three capitalised words that are no function words, and no
    // further capitalised word. One place.
    bool resorted = false;  // a reading replaced, the count unchanged
    static constexpr std::string_view buildings[] = {
        "pyramid", "temple",  "tower",    "palace", "castle",    "abbey",  "mosque",    "shrine",   "tomb",
        "gate",    "citadel", "fortress", "arch",   "cathedral", "chapel", "monastery", "mausoleum"};
    for (std::size_t i = 1; i + 2 < p.eligible.size(); ++i) {
      if (!sf.key_is(i - 1, "the") || !sf.key_is(i + 1, "of") ||
          !capitalised(piece.tokens[sf.token_index(i)].text(text)) ||
          std::none_of(std::begin(buildings), std::end(buildings), [&](std::string_view w) { return sf.key_is(i, w); }))
        continue;
      std::size_t f = i + 2;
      if (f < sf.size() && sf.key_is(f, "the")) ++f;
      std::size_t last = f;
      while (last < sf.size() && last < f + 3 && piece.tokens[sf.token_index(last)].is_word() &&
             capitalised(piece.tokens[sf.token_index(last)].text(text)) &&
             !lex.in(name_list::function_word, sf.key(last)))
        ++last;
      if (last == f || (last < sf.size() && piece.tokens[sf.token_index(last)].is_word() &&
                        capitalised(piece.tokens[sf.token_index(last)].text(text))))
        continue;
      --last;
      // Nothing read there but the model's own names after "of" (each inside [f, last]).
      if (taken[i] || taken[i + 1] || taken[f - 1]) continue;
      bool inside = true;
      for (const chosen_span& c : chosen)
        if (c.span.last >= f && c.span.first <= last)
          inside = inside && c.span.first >= f && c.span.last <= last && c.entry < 0 && c.why.empty();
      if (!inside) continue;
      resorted = resorted || std::erase_if(chosen, [&](const chosen_span& c) {
                               return c.span.first >= f && c.span.last <= last;
                             }) > 0;
      chosen.push_back({{i, last, entity_type::place}, -1, "a building named '" + sf.key(i) + " of'"});
      for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
    }
    // A name that is located or situated somewhere: "Teotihuacan was located about thirty miles
    // northeast of", "El Castillo, located at Chichen Itza", "the town is situated on". The model's
    // person, untitled and known to WordNet as no person, is that place; not "located by the
    // police" (a missing person is found).
    // The verb after a name ending at token `last`, or "".
    auto located = [&](std::size_t last) -> std::string {
      std::size_t at = last + 1;
      if (at < sf.size() && sf.key_is(at, ","))
        ++at;
      else if (at < sf.size() && (sf.key_is(at, "was") || sf.key_is(at, "is")))
        ++at;
      if (at == last + 1 || at + 1 >= sf.size() || (!sf.key_is(at, "located") && !sf.key_is(at, "situated")) ||
          sf.key_is(at + 1, "by"))
        return {};
      return sf.key(at);
    };
    auto no_person = [&](std::size_t first, std::size_t last) {
      return !(first > 0 && title_at(first - 1)) && !title_at(first) && !lex.find(sf.span_key(first, last)).has('p') &&
             !(first == last && given_name(lex, sf.key(first)));
    };
    for (chosen_span& c : chosen) {
      const tagged_span& sp = c.span;
      if (c.entry >= 0 || !c.why.empty() || sp.type != entity_type::person) continue;
      const std::string verb = located(sp.last);
      if (verb.empty() || !no_person(sp.first, sp.last)) continue;
      c.span.type = entity_type::place;
      c.why = "'" + verb + "' somewhere";
    }
    // And one capitalised word the model left unread inside the sentence, never in lower case in
    // the document ("..., Teotihuacan was located about").
    for (std::size_t i = sf.first_word() + 1; i + 2 < p.eligible.size(); ++i) {
      // Cheapest tests first: the verb after it.
      if (!p.eligible[i] || taken[i]) continue;
      const std::string verb = located(i);
      if (verb.empty() || !piece.tokens[sf.token_index(i)].is_word() ||
          !capitalised(piece.tokens[sf.token_index(i)].text(text)) || (i > 0 && p.eligible[i - 1] && taken[i - 1]))
        continue;
      if (capitalised(piece.tokens[sf.token_index(i - 1)].text(text)) && piece.tokens[sf.token_index(i - 1)].is_word())
        continue;
      if (!no_person(i, i) || lex.in(name_list::function_word, sf.key(i)) || lex.find(sf.key(i)).common()) continue;
      if (const doc_memory::counts* d = env_.doc ? env_.doc->find(sf.key(i)) : nullptr; d && d->lower > 0) continue;
      chosen.push_back({{i, i, entity_type::place}, -1, "'" + verb + "' somewhere"});
      taken[i] = 1;
    }
    for (std::size_t i = 0; i + 1 < p.eligible.size(); ++i) {
      // Cheapest tests first: this runs for every token of every sentence.
      if (!p.eligible[i] || taken[i] || taken[i + 1] || !place_head(i + 1) ||
          !piece.tokens[sf.token_index(i)].is_word() || !capitalised(piece.tokens[sf.token_index(i)].text(text)) ||
          title_at(i))
        continue;
      if (lex.in(name_list::function_word, sf.key(i))) continue;  // "Ye mountains of Gilboa"
      std::size_t first = i;
      while (first > 0 && !taken[first - 1] && p.eligible[first - 1] == 1 &&
             !lex.in(name_list::function_word, sf.key(first - 1)) &&
             piece.tokens[sf.token_index(first - 1)].is_word() &&
             capitalised(piece.tokens[sf.token_index(first - 1)].text(text)) && !title_at(first - 1))
        --first;
      // A people's adjective alone before the head and "of" says whose the named place is: "the
      // American island of Oahu", "the Greek island of Crete" (the name comes after "of").
      if (first == i && lex.in(name_list::nationality, sf.key(i)) && sf.key_is(i + 2, "of")) continue;
      chosen.push_back(
          {{first, i + 1, entity_type::place}, -1, "before the lower-case place word '" + sf.key(i + 1) + "'"});
    }
    if (resorted || chosen.size() != before) sort_by_start(chosen);
  }
  // A town before its county, as newspapers and addresses give them: "Rensselaer, Jasper County",
  // "Salisbury, Rowan county". One untitled word the model read as a person, no given name and no
  // person WordNet knows, before a comma and a county, a parish or a township; or one WordNet
  // knows as a place too before a comma and a place of one word ("Quincy, Massachusetts"), or any
  // after a preposition of place before a state or a country ("born in Quincy, Massachusetts").
  for (std::size_t k = 0; k + 1 < chosen.size(); ++k) {
    chosen_span& c = chosen[k];
    const tagged_span& sp = c.span;
    const chosen_span& next = chosen[k + 1];
    if (c.entry >= 0 || !c.why.empty() || (sp.type != entity_type::person && sp.type != entity_type::place) ||
        sp.first != sp.last || sp.last + 2 >= sf.size() || !sf.key_is(sp.last + 1, ",") ||
        next.span.first != sp.last + 2 || next.span.type != entity_type::place)
      continue;
    const std::string& head = sf.key(next.span.last);
    const std::string& w = sf.key(sp.first);
    const name_entry e = lex.find(w);
    // (The model's place keeps its reading, but the reason keeps it a place in grouping.)
    const bool county = sp.type == entity_type::person && next.span.first != next.span.last &&
                        (head == "county"sv || head == "parish"sv || head == "township"sv);
    // Or before its state or country, where WordNet knows the town as a place too: "Quincy,
    // Massachusetts" in an address (not "Smith, London"); or where a preposition of place, "of",
    // a comma or nothing comes before the town and the place after it is a state, a country, a
    // county or a province WordNet knows ("born in Quincy, Massachusetts": WordNet knows only a
    // person Quincy). Never where the state is an adjective before a noun ("Adams, Massachusetts
    // delegate").
    const bool ends = next.span.last + 1 >= sf.size() || !piece.tokens[sf.token_index(next.span.last + 1)].is_word() ||
                      lex.in(name_list::function_word, sf.key(next.span.last + 1));
    const bool placed = sp.first <= sf.first_word() || preposition_of_place(sf.key(sp.first - 1)) != place_none ||
                        sf.key_is(sp.first - 1, "of") || sf.key_is(sp.first - 1, ",");
    const bool region = next.span.last <= next.span.first + 1 && [&] {
      std::string key = sf.key(next.span.first);
      if (next.span.last != next.span.first) key += ' ' + head;
      const name_entry r = lex.find(key);
      if (r.proper() != 'l') return false;
      for (std::string_view kind : {"state", "country", "county", "province", "kingdom", "colony", "territory"})
        if (r.evidence.ends_with(kind)) return true;
      return false;
    }();
    const bool state = ends && ((sp.type == entity_type::person && next.span.first == next.span.last &&
                                 lex.find(head).proper() == 'l' && e.has('l')) ||
                                (placed && region));
    if (!county && !state) continue;
    const char known = e.proper();
    if ((sp.first > 0 && title_at(sp.first - 1)) || given_name(lex, w) || (county && (known == 'p' || known == 'P')))
      continue;
    c.span.type = entity_type::place;
    c.why = county ? "a town before its " + head : std::string(town_of_state_reason);
  }
}

// Post-filter 15: a capitalised plural of a noun of people names a group ("the Imperialists", "the
// Royalists", "the Covenanters"): in mid-sentence of ordinary prose, where the model read no name,
// when WordNet knows the singular as a lower-case noun of people, historical English capitalises
// the plural in at least 80% of its mid-sentence uses (not "Merchants" or "Soldiers", which
// eighteenth-century print capitalises as it does every noun) and the document never writes it
// in lower case.
void labeller::read_plural_groups(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                  const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (!env_.stats || !sf.normal_case()) return;
  const name_lexicon& lex = *env_.lex;
  std::vector<char> taken = covered_tokens(chosen, p.eligible.size());
  const std::size_t before = chosen.size();
  for (std::size_t i = 0; i < p.eligible.size(); ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    const std::string& key = sf.key(i);
    if (!p.eligible[i] || taken[i] || i == sf.first_word() || key.size() < 5 || key.back() != 's') continue;
    const token& t = piece.tokens[sf.token_index(i)];
    if (!t.is_word() || !capitalised(t.text(text))) continue;
    // Alone: not beside another capitalised word ("the Roman Catholics" is the model's to read).
    auto cap_at = [&](std::size_t j) {
      return j < sf.size() && piece.tokens[sf.token_index(j)].is_word() &&
             capitalised(piece.tokens[sf.token_index(j)].text(text));
    };
    if ((i > 0 && cap_at(i - 1)) || cap_at(i + 1)) continue;
    const lexicons::word_stat* st = env_.stats->find(key);
    if (!st || st->mid_cap < 800) continue;
    if (const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr; c && c->lower > 0) continue;
    if (lex.find(key).proper()) continue;  // WordNet's own reading ("Indians") is the model's
    std::string singular;
    for (const std::string& s : singular_forms(key))
      if (lex.find(s).has('h')) {
        singular = s;
        break;
      }
    if (singular.empty()) continue;
    chosen.push_back({{i, i, entity_type::group},
                      -1,
                      "a capitalised plural of '" + singular + "', capitalised " + std::to_string(st->mid_cap / 10) +
                          "% of the time in historical English"});
  }
  // A faction named by a plural in a party's suffix, which WordNet does not know, after "the":
  // "the Narodniki went to the people", "the Octobrists and the Bundists", "the Trudoviks". Alone,
  // never in lower case in the document, and no place, person or common word in the singular
  // ("the Cevennes" has no such suffix; "the Parasites" is a common word's).
  static const char* const factions[] = {"iki", "iks", "ists", "istes", "istas", "ites", "ians", "ovtsy", "evtsy"};
  for (std::size_t i = 1; i < p.eligible.size(); ++i) {
    const std::string& key = sf.key(i);
    if (!p.eligible[i] || taken[i] || key.size() < 6 || !sf.key_is(i - 1, "the")) continue;
    if (std::none_of(std::begin(factions), std::end(factions), [&](const char* x) { return key.ends_with(x); }))
      continue;
    const token& t = piece.tokens[sf.token_index(i)];
    bool allcaps = false;
    if (!t.is_word() || !capitalised(t.text(text), &allcaps) || allcaps) continue;
    if (i + 1 < sf.size() && piece.tokens[sf.token_index(i + 1)].is_word() &&
        capitalised(piece.tokens[sf.token_index(i + 1)].text(text)))
      continue;
    if (lex.find(key).found() || lex.lists(key) != 0) continue;
    if (const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr; c && c->lower > 0) continue;
    const std::vector<std::string> ones = singular_forms(key);
    if (std::any_of(ones.begin(), ones.end(), [&](const std::string& one) {
          const name_entry e = lex.find(one);
          return e.has('l') || e.has('p') || e.common_noun() || lex.lists(one) != 0;
        }))
      continue;
    chosen.push_back({{i, i, entity_type::group}, -1, "a plural in a faction's suffix after 'the'"});
    taken[i] = 1;
  }
  // A family named by the plural of its name after "the": "dined with the Darrels", "the Tudors
  // and the Stuarts", "the Burneys came". Alone, never in lower case in the document, and a plural
  // WordNet does not know ("the Andes", "the Azores" are places it knows); the singular is a
  // person's or a dynasty's name or an unknown word, never a common word, a place, a kind of person
  // or a word of a curated list ("the Smiths", "the Hills", "the States", "the Sundays" are not
  // read), and not a word historical English writes mostly in lower case.
  for (std::size_t i = 1; i < p.eligible.size(); ++i) {
    const std::string& key = sf.key(i);
    if (!p.eligible[i] || taken[i] || key.size() < 5 || key.back() != 's' || !sf.key_is(i - 1, "the")) continue;
    const token& t = piece.tokens[sf.token_index(i)];
    bool allcaps = false;
    if (!t.is_word() || t.possessive() || !capitalised(t.text(text), &allcaps) || allcaps) continue;
    if (i + 1 < sf.size() && piece.tokens[sf.token_index(i + 1)].is_word() &&
        capitalised(piece.tokens[sf.token_index(i + 1)].text(text)))
      continue;
    // No compound ("the Toll-houses") and no Latin or Greek singular in -us or -is ("the Hebrus",
    // "the Propontis"), nor a Latin title ("the Exercitationes") or an -ics ("the Paralympics"); no
    // place after a preposition of place ("in the Vosges", "to the Falklands").
    if (key.find('-') != std::string::npos || key.ends_with("us") || key.ends_with("is") || key.ends_with("ss") ||
        key.ends_with("tiones") || key.ends_with("ics"))
      continue;
    if (i >= 2 && [&] {
          const std::string& b = sf.key(i - 2);
          return b == "in"sv || b == "into"sv || b == "at"sv || b == "to"sv || b == "near"sv || b == "across"sv ||
                 b == "over"sv || b == "through"sv || b == "beyond"sv;
        }())
      continue;
    if (lex.find(key).found() || lex.lists(key) != 0) continue;
    if (const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr; c && c->lower > 0) continue;
    if (const lexicons::word_stat* st = env_.stats->find(key); st && st->mid_cap < 800) continue;
    // The singular (singular_forms: "-s" first, then "-es"): a sibilant drops "es" ("Adamses",
    // "Foxes", "Churches"), any other ending "s" ("Thrales", "Tudors").
    const bool es = key.ends_with("ses") || key.ends_with("xes") || key.ends_with("zes") || key.ends_with("ches") ||
                    key.ends_with("shes");
    const std::vector<std::string> ones = singular_forms(key);
    const std::string& one = es && ones.size() > 1 ? ones[1] : ones.front();
    const name_entry e = lex.find(one);
    if ((lex.lists(one) != 0 && !given_name(lex, one)) || e.common() || e.has('l') || e.has('o') || e.proper() == 'P')
      continue;
    if (const lexicons::word_stat* st = env_.stats->find(one); st && st->mid_cap < 800) continue;
    const std::string& family = one;
    chosen.push_back({{i, i, entity_type::group}, -1, "the family of the name " + family + ", after 'the'"});
    taken[i] = 1;
  }
  // A people named by its adjective after "the", with no noun after it: "the English were
  // beaten", "fought against the French." (not "the English fleet", "the English Channel").
  for (std::size_t i = 1; i < p.eligible.size(); ++i) {
    if (!p.eligible[i] || taken[i] || !sf.key_is(i - 1, "the") || !lex.in(name_list::nationality, sf.key(i))) continue;
    const token& t = piece.tokens[sf.token_index(i)];
    if (!t.is_word() || !capitalised(t.text(text)) || t.possessive()) continue;
    if (i + 1 < sf.size()) {
      const token& n = piece.tokens[sf.token_index(i + 1)];
      // (A verb in the past after it: "the Japanese attacked Wake Island", "the English marched".)
      if (n.is_word() && (capitalised(n.text(text)) || !(lex.in(name_list::function_word, sf.key(i + 1)) ||
                                                         lex.in(name_list::person_verb, sf.key(i + 1)) ||
                                                         past_tense_verb(lex, env_.stats, sf.key(i + 1)))))
        continue;
      // Nor an adjective joined to another: "the German - British comedy", "the Jewish and
      // African-American communities" ("the French and the Spanish" are peoples).
      const std::string_view nw = n.text(text);
      if (nw == "-"sv || nw == "\u2013"sv || nw == "\u2014"sv) continue;
      if ((sf.key_is(i + 1, "and") || sf.key_is(i + 1, "or")) && i + 2 < sf.size() &&
          capitalised(piece.tokens[sf.token_index(i + 2)].text(text)))
        continue;
    }
    chosen.push_back({{i, i, entity_type::group}, -1, "a people named by its adjective after 'the'"});
  }
  // An institution named by its head word alone: "the Senate will", "the International must
  // change", "the Government and the opposition". Only heads that name one body when bare (not
  // "the Court", "the Front", "the Union": a court, a battle line, a country), capitalised in
  // mid-sentence, seldom in lower case in the document, and not the start of a longer name ("the
  // Council of Trent", "the Committee on Rules", "the Army and Navy Club").
  static const char* const bodies[] = {
      "administration", "admiralty",  "army",  "assembly",  "cabinet",    "church", "commission",    "congress",
      "convention",     "council",    "diet",  "duma",      "government", "house",  "international", "ministry",
      "navy",           "parliament", "party", "politburo", "presidium",  "senate", "synod",         "treasury"};
  for (std::size_t i = 1; i < p.eligible.size(); ++i) {
    if (!p.eligible[i] || taken[i] || !sf.key_is(i - 1, "the") || i == sf.first_word()) continue;
    const std::string& key = sf.key(i);
    if (std::none_of(std::begin(bodies), std::end(bodies), [&](const char* b) { return key == b; })) continue;
    const token& t = piece.tokens[sf.token_index(i)];
    if (!t.is_word() || !capitalised(t.text(text)) || t.possessive()) continue;
    // Mostly capitalised in the document (a book may write "the parliament" now and then).
    if (const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr; c && c->lower * 4 > c->mid_cap)
      continue;
    if (i + 1 < sf.size()) {
      const token& n = piece.tokens[sf.token_index(i + 1)];
      const std::string& next = sf.key(i + 1);
      if (n.is_word() &&
          (capitalised(n.text(text)) || next == "of"sv || next == "for"sv || next == "on"sv || next == "de"sv))
        continue;
      if ((next == "and"sv || next == "&"sv) && i + 2 < sf.size() && capitalised_word(text, piece, sf, i + 2)) continue;
    }
    chosen.push_back({{i, i, entity_type::group}, -1, "the institution named by its head word '" + key + "' alone"});
  }
  // Orders of knights and religious houses named after "the order(s) of", "the knights of" or
  // "the priory of", one name or a list, where the model read their towns: "the domains of the
  // orders of Santiago, Calatrava, and Alcantara, and of the priory of San Juan".
  static const char* const orders[] = {"order", "orders", "knights", "priory", "priories"};
  for (std::size_t i = 0; i + 2 < p.eligible.size(); ++i) {
    if (!sf.key_is(i + 1, "of") || p.eligible[i] ||
        std::none_of(std::begin(orders), std::end(orders), [&](const char* w) { return sf.key_is(i, w); }))
      continue;
    for (std::size_t f = i + 2; f < p.eligible.size() && p.eligible[f] && capitalised_word(text, piece, sf, f);) {
      if (lex.in(name_list::function_word, sf.key(f)) || title_word(sf.key(f))) break;  // "the Order of St. John"
      std::size_t last = f;
      while (last + 1 < p.eligible.size() && p.eligible[last + 1] && capitalised_word(text, piece, sf, last + 1))
        ++last;
      // A common noun old print capitalises is no order's name ("the order of Nature").
      if (const name_entry e = lex.find(sf.span_key(f, last)); e.common() && !e.proper()) break;
      const std::string why = "after '" + sf.key(i) + " of'";
      auto own = std::find_if(chosen.begin(), chosen.end(),
                              [&](const chosen_span& c) { return c.span.first <= last && f <= c.span.last; });
      // Only the model's reading of a town: "a priest after the order of Melchizedek" names none.
      if (own != chosen.end() && own->span.first == f && own->span.last == last && own->entry < 0 && own->why.empty() &&
          own->span.type == entity_type::place) {
        own->span.type = entity_type::group;
        own->why = why;
      } else {
        break;
      }
      // The list goes on after a comma, "and" or "or".
      std::size_t next = last + 1;
      if (next < sf.size() && sf.key_is(next, ",")) ++next;
      if (next < sf.size() && (sf.key_is(next, "and") || sf.key_is(next, "or"))) ++next;
      if (next == last + 1) break;
      f = next;
    }
  }
  // A body named by its initials after "the", with no capitalised word after it: "joined the ILP",
  // "arrested by the OGPU", "on the CW", "the WB series". Two to six capitals, not a roman
  // numeral, and no word WordNet knows in lower case or as another kind of name ("the TV film",
  // "the GDP", "the USSR": the model's to read), nor one the document writes in lower case.
  for (std::size_t i = 1; i < p.eligible.size(); ++i) {
    if (!p.eligible[i] || taken[i] || !sf.key_is(i - 1, "the")) continue;
    const token& t = piece.tokens[sf.token_index(i)];
    std::string_view w = t.text(text);
    if (t.possessive()) w.remove_suffix(w.ends_with("'s") ? 2 : w.ends_with("\u2019s") ? 4 : 0);
    if (!t.is_word() || w.size() < 2 || w.size() > 6 ||
        !std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) ||
        w.find_first_not_of("IVXLCDM") == std::string_view::npos)
      continue;
    if (i + 1 < sf.size()) {
      const std::string& next = sf.key(i + 1);
      if (capitalised_word(text, piece, sf, i + 1) || next == "of"sv || next == "-"sv) continue;
    }
    const std::string& key = sf.key(i);
    if (lex.in(name_list::function_word, key)) continue;
    if (const name_entry e = lex.find(key); e.common() || (e.proper() && e.proper() != 'g')) continue;
    if (const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr; c && c->lower > 0) continue;
    chosen.push_back({{i, i, entity_type::group}, -1, "a body named by its initials after 'the'"});
  }
  if (chosen.size() != before) sort_by_start(chosen);
}

// The heads of buildings that post-filters 16 and 24 make places.
bool building_head(const std::string& key) {
  // Not a theatre: the Théâtre National Populaire is a company.
  static const char* const heads[] = {"museum", "musee", "gallery", "hospital", "hopital", "infirmary"};
  return std::any_of(std::begin(heads), std::end(heads), [&](const char* h) { return key == h; });
}

// Post-filter 16: a possessive name before the capitalised head of a place or an institution is
// that place's or institution's name: "Brown's Hotel", "St. Paul's Cathedral", "Van Diemen's Land"
// (places: street, square, palace, church, inn, hotel, and the buildings of post-filter 24:
// "Guy's Hospital"), "Christ's College", "Brooks's Club", "the King's Bench" (institutions:
// college, school, club, academy, library, theatre, bench). Not every
// head of a place or an organisation: "Napoleon's Empire", "Pitt's Government", "Auckland's
// Journal" are no names. The model
// reads the possessive as the end of a name ("Newton's Principia" is two things), and the name
// before it as a person or a place, or not at all. Only when the head ends the name.
void labeller::read_possessive_heads(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                     const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  auto cap = [&](std::size_t i) { return i < n && capitalised_word(text, piece, sf, i); };
  // The type a head gives its name, or -1.
  auto head_type = [&](std::size_t i) -> int {
    // The head ends the name: not "Berkeley's Department of Linguistics".
    if (!cap(i) || cap(i + 1) || piece.tokens[sf.token_index(i)].possessive() || (i + 1 < n && sf.key_is(i + 1, "of")))
      return -1;
    // Heads a possessive names by (not "Napoleon's Empire", "Pitt's Government", "Auckland's Journal").
    static const char* const places[] = {"street",    "lane",   "square", "road",   "bridge",    "palace", "castle",
                                         "cathedral", "abbey",  "chapel", "church", "monastery", "tower",  "temple",
                                         "harbour",   "harbor", "park",   "hall",   "house",     "lodge",  "inn",
                                         "hotel",     "water",  "arms",   "bay",    "island",    "land",   "well"};
    static const char* const bodies[] = {"college", "school",  "club",    "academy",
                                         "library", "theatre", "theater", "bench"};
    const std::string& k = sf.key(i);
    auto in = [&](const auto& list) {
      return std::any_of(std::begin(list), std::end(list), [&](const char* w) { return k == w; });
    };
    if (in(places) || building_head(k)) return static_cast<int>(entity_type::place);  // "Guy's Hospital"
    if (in(bodies)) return static_cast<int>(entity_type::group);
    return -1;
  };
  std::vector<char> taken = covered_tokens(chosen, n);
  auto any_taken = [&](std::size_t first, std::size_t last) {
    return std::any_of(taken.begin() + first, taken.begin() + last + 1, [](char t) { return t != 0; });
  };
  // The model's own reading of exactly tokens [first, last] (no post-filter's, no gazetteer's), or
  // chosen.end().
  auto model_span = [&](std::size_t first, std::size_t last) {
    return std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& o) {
      return o.span.first == first && o.span.last == last && o.entry < 0 && o.why.empty();
    });
  };
  bool added = false;
  std::vector<std::size_t> merged;  // indices in chosen of readings joined to the name before them
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    if (!p.eligible[i] || !piece.tokens[sf.token_index(i)].possessive() || !cap(i)) continue;
    // The head: the word after the possessive, or the last of up to three capitalised words after
    // it ("Platt's Music Hall"). Not a place that only qualifies a noun after it ("Mr. Stewart's
    // Tenth Street store") nor one a form of address owns (a name holds no "Mr.").
    std::size_t h = i + 1;
    while (h < i + 3 && cap(h + 1) && !piece.tokens[sf.token_index(h)].possessive() &&
           !lex.in(name_list::function_word, sf.key(h + 1)))
      ++h;
    if (h > i + 1 && ((h + 1 < n && piece.tokens[sf.token_index(h + 1)].is_word() &&
                       !lex.in(name_list::function_word, sf.key(h + 1))) ||
                      (i > 0 && title_word(sf.key(i - 1)))))
      continue;
    const int type = head_type(h);
    if (type < 0) continue;
    const std::string why = "a possessive name before the word '" + sf.key(h) + "'";
    auto it = std::find_if(chosen.begin(), chosen.end(),
                           [&](const chosen_span& c) { return c.span.first <= i && i <= c.span.last; });
    if (it != chosen.end()) {
      // The model's name ends at the possessive ("Brown's") or at the head ("King's Bench"), or
      // it read the possessive and the words after it as two names ("Platt" and "Music Hall").
      chosen_span& c = *it;
      if (c.entry >= 0 || !c.why.empty() || (c.span.last != i && c.span.last != h)) continue;
      const auto rest = c.span.last == i ? model_span(i + 1, h) : chosen.end();
      if (c.span.last == i && rest == chosen.end() && any_taken(i + 1, h)) continue;
      c.span.last = h;
      c.span.type = static_cast<entity_type>(type);
      c.why = why;
      for (std::size_t k = i + 1; k <= h; ++k) taken[k] = 1;
      if (rest != chosen.end()) merged.push_back(static_cast<std::size_t>(rest - chosen.begin()));
      continue;
    }
    // Or the model read the head alone, after a title ("King's Bench" as the person "Bench").
    const auto head = model_span(i + 1, h);
    if (head == chosen.end() && any_taken(i + 1, h)) continue;
    std::size_t first = i;
    while (first > 0 && !taken[first - 1] && p.eligible[first - 1] == 1 && cap(first - 1) &&
           !lex.in(name_list::function_word, sf.key(first - 1)))
      --first;
    for (std::size_t k = first; k <= h; ++k) taken[k] = 1;
    if (head != chosen.end()) {
      *head = {{first, h, static_cast<entity_type>(type)}, -1, why};
      continue;
    }
    chosen.push_back({{first, h, static_cast<entity_type>(type)}, -1, why});
    added = true;
  }
  // The joined readings go (last first, so the indices stay right), then the order is restored.
  std::sort(merged.begin(), merged.end(), std::greater<>());
  for (std::size_t k : merged) chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k));
  if (added) sort_by_start(chosen);
}

// Post-filter 17: a run of two or more capitalised words (with "of", "the", "de" between them)
// that the model left unread and that WordNet knows whole as a place or a group is that name:
// "the West Indies", "the Cape of Good Hope", "the Bay of Biscay", "the Church of England". The
// model reads one token at a time and has no feature for a name of several words; the longest
// run WordNet knows wins. Not in a line of capitals (a heading's words are not a name). A person's
// name WordNet knows whole only as a common noun is none ("his Alma Mater").
void labeller::read_known_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals()) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  // And a person's name that WordNet knows whole as a common noun and as no name: "Alma Mater"
  // (the model read a given name first), "Black Death". Not a group's or a place's: "Privy
  // Council", "Mansion House" are common nouns in WordNet too.
  std::erase_if(chosen, [&](const chosen_span& c) {
    if (c.entry >= 0 || !c.why.empty() || c.span.first == c.span.last || c.span.type != entity_type::person)
      return false;
    const name_entry e = lex.find(sf.span_key(c.span.first, c.span.last));
    const char noun = e.common_noun();
    return e.found() && !e.proper() && (noun == 'q' || noun == 'w' || noun == 'n');
  });
  auto cap = [&](std::size_t i) { return i < n && capitalised_word(text, piece, sf, i); };
  std::vector<char> taken = covered_tokens(chosen, n);
  const std::size_t before = chosen.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    if (taken[i] || !p.eligible[i] || !cap(i) || taken[i + 1] || !p.eligible[i + 1]) continue;
    if (lex.in(name_list::function_word, sf.key(i))) continue;  // "The", "In" at a sentence start
    // The words of the run: capitalised, or a connector between capitalised words.
    std::size_t end = i;
    while (end + 1 < n && end - i < 6 && !taken[end + 1] && p.eligible[end + 1] &&
           (cap(end + 1) || ((sf.key_is(end + 1, "of") || sf.key_is(end + 1, "the") || sf.key_is(end + 1, "de")) &&
                             cap(end + 2) && !taken[end + 2])))
      ++end;
    if (end == i) continue;
    for (std::size_t last = end; last > i; --last) {
      if (!cap(last)) continue;
      const char code = lex.find(sf.span_key(i, last)).proper();
      if (code != 'l' && code != 'g') continue;
      const entity_type type = code == 'l' ? entity_type::place : entity_type::group;
      chosen.push_back(
          {{i, last, type}, -1, std::string("WordNet: a ") + (code == 'l' ? "place" : "group") + " of that name"});
      for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
      i = last;
      break;
    }
  }
  if (chosen.size() != before) sort_by_start(chosen);
}

// Post-filter 20: names in a line of capitals. A capital says nothing there, and the model reads
// little in a newspaper's headlines ("DUST STORM SWEEPS KANSAS", "GREAT FIRE IN NEW YORK"). Where
// it read nothing, the longest run of up to three words that WordNet knows whole as a name is read
// with WordNet's type (a person's name, a place or a group, not a kind of person: "GERMAN",
// "CATHOLIC"); one word only when WordNet knows it only as a name (not "GRANT") and historical
// English capitalises it in at least 95% of its mid-sentence uses.
void labeller::read_capital_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                  const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (!sf.all_capitals() || !env_.stats) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken = covered_tokens(chosen, n);
  const std::size_t before = chosen.size();
  auto word = [&](std::size_t i) {
    if (i >= n || taken[i] || !p.eligible[i] || !capitalised_word(text, piece, sf, i)) return false;
    const std::string& k = sf.key(i);
    return k.size() >= 3 && !lex.in(name_list::function_word, k) && !title_word(k) && !lex.in(name_list::date_word, k);
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (!word(i)) continue;
    std::size_t end = i;
    while (end + 1 < n && end - i < 2 && word(end + 1)) ++end;
    for (std::size_t last = end + 1; last-- > i;) {
      const std::string key = sf.span_key(i, last);
      // A name, not a kind of person ("GERMAN", "CATHOLIC" are adjectives as often as people).
      const char type = lex.find(key).proper();
      if (type != 'p' && type != 'l' && type != 'g') continue;
      if (lex.in(name_list::nationality, key)) continue;
      if (last == i) {
        const lexicons::word_stat* st = env_.stats->find(key);
        if (lex.find(key).common() || !st || st->mid_cap < 950) continue;
      }
      chosen.push_back({{i, last,
                         type == 'p'   ? entity_type::person
                         : type == 'g' ? entity_type::group
                                       : entity_type::place},
                        -1,
                        "in a line of capitals, a name WordNet knows"});
      for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
      i = last;
      break;
    }
  }
  if (chosen.size() != before) sort_by_start(chosen);
}

// Post-filter 21: "the Ways and Means Committee", "the Food and Drug Administration", "the
// Foreign and Commonwealth Office", "the British and Foreign Bible Society". The model reads the
// words after "and" as the institution and leaves the first word, which alone is a common word or
// an adjective. Only after "the" (a list of two names has none: "in Boston and the Harvard
// Club"), only over a word no reading holds, that is no title ("the King and Privy Council") and
// no function word, and only when the group ends in an organisation's head.
void labeller::read_conjoined_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                    const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals()) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  for (chosen_span& c : chosen) {
    const std::size_t f = c.span.first;
    if (c.entry >= 0 || !c.why.empty() || c.span.type != entity_type::group || f < 3 || !sf.key_is(f - 1, "and") ||
        !sf.key_is(f - 3, "the") || !lex.in(name_list::org_head, sf.key(c.span.last)))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    const std::string& w = sf.key(f - 2);
    if (taken[f - 2] || !capitalised_word(text, piece, sf, f - 2) || lex.in(name_list::function_word, w) ||
        title_word(w))
      continue;
    c.span.first = f - 2;
    c.why = "an institution's name joined by 'and'";
    taken[f - 2] = 1;
  }
  // The field of an institution "of" one common word goes on through "and" and a second one that
  // ends the name: "the Royal Academy of Painting and Sculpture", "the Board of Trade and
  // Plantations". Not a name after "and" ("the Bank of England and France": the model's own
  // reading ends there), nor a title, nor a run that goes on capitalised ("the Council of War and
  // Lord Essex").
  auto plain = [&](std::size_t i) {
    if (i >= n || !capitalised_word(text, piece, sf, i)) return false;
    const std::string& w = sf.key(i);
    return !lex.find(w).proper() && !given_name(lex, w) && !lex.in(name_list::function_word, w) && !title_word(w);
  };
  for (chosen_span& c : chosen) {
    const std::size_t l = c.span.last;
    if (c.entry >= 0 || c.span.type != entity_type::group || l < c.span.first + 2 || !sf.key_is(l - 1, "of") ||
        l + 2 >= n || !sf.key_is(l + 1, "and") || !plain(l) || !plain(l + 2) ||
        capitalised_word(text, piece, sf, l + 3))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if (taken[l + 1] || taken[l + 2] || piece.tokens[sf.token_index(l)].possessive()) continue;
    c.span.last = l + 2;
    c.why = "an institution's field joined by 'and'";
    taken[l + 1] = taken[l + 2] = 1;
  }
  // And the other way: two names the model read as one group across "and", whose first WordNet
  // knows whole as a group, are two names: "the United Nations and Council of Europe conventions".
  // Not a name WordNet knows whole, nor one named by its places ("the Baltimore and Ohio
  // Railroad", post-filter 19's).
  const std::size_t before = chosen.size();
  for (std::size_t k = 0; k < before; ++k) {
    const tagged_span sp = chosen[k].span;
    if (chosen[k].entry >= 0 || !chosen[k].why.empty() || sp.type != entity_type::group || sp.last < sp.first + 2)
      continue;
    if (lex.find(sf.span_key(sp.first, sp.last)).proper()) continue;
    std::string first = sf.key(sp.first);
    for (std::size_t a = sp.first + 1; a < sp.last; first += ' ' + sf.key(a++)) {
      if (!sf.key_is(a, "and")) continue;
      if (lex.find(first).proper() != 'g' || !capitalised_word(text, piece, sf, a + 1) ||
          lex.in(name_list::function_word, sf.key(a + 1)))
        break;
      chosen[k].span.last = a - 1;
      chosen[k].why = "WordNet: a group of that name, before 'and'";
      chosen.push_back({{a + 1, sp.last, sp.type}, -1, "a second name after 'and'"});
      break;
    }
  }
  if (chosen.size() != before) sort_by_start(chosen);
}

// Post-filter 24: the head of a name decides between a place and an institution. A museum, a
// gallery or a hospital is a building one visits, is born or dies in: a place ("the Metropolitan
// Museum of Art", "died at St. Thomas's Hospital", "the Hôpital Cochin"). Not a theatre, which may
// be a company ("the Théâtre National Populaire"). A school, a college, a university
// or an academy is a body one joins: a group ("Stephenville High School", "Eton College"), and so is
// a newspaper named after its town ("the Chicago Tribune"; the head last). The model
// reads such names either way, by the words before the head. The head is the word before the
// first "of" or "for", else the last; only names of two words or more, read as a group or a place.
void labeller::type_by_heads(const sentence_features& sf, std::vector<chosen_span>& chosen) const {
  static const char* const learning[] = {"school", "college", "university", "academy", "seminary"};
  // A newspaper is named after its town ("the Chicago Tribune", "the Manchester Guardian"), and
  // the model reads the town. Heads that name no place; not "Post", "Star", "Sun" or "Globe".
  static const char* const papers[] = {"tribune",   "bulletin",   "chronicle", "guardian", "enquirer",
                                       "inquirer",  "advertiser", "courier",   "dispatch", "despatch",
                                       "telegraph", "examiner",   "sentinel",  "mercury",  "intelligencer",
                                       "gazette",   "herald",     "times",     "journal",  "picayune"};
  for (chosen_span& c : chosen) {
    const tagged_span& sp = c.span;
    if (c.entry >= 0 || sp.last == sp.first || (sp.type != entity_type::group && sp.type != entity_type::place))
      continue;
    std::size_t head = sp.last;
    for (std::size_t i = sp.first + 1; i <= sp.last; ++i)
      if (sf.key_is(i, "of") || sf.key_is(i, "for")) {
        head = i - 1;
        break;
      }
    const std::string& k = sf.key(head);
    // French names put the head first: "the Hôpital Cochin", "the Musée Grévin" (not English ones:
    // "the Hospital Sisters of St. Francis" are an order).
    const std::string& first = sf.key(sp.first);
    const bool french_head = first == "hopital"sv || first == "musee"sv;
    if (sp.type == entity_type::group && (building_head(k) || french_head)) {
      c.span.type = entity_type::place;
      c.why = "a building's name, by its head '" + (french_head ? first : k) + "'";
    } else if (sp.type == entity_type::place &&
               std::any_of(std::begin(learning), std::end(learning), [&](const char* h) { return k == h; })) {
      c.span.type = entity_type::group;
      c.why = "a body's name, by its head '" + k + "'";
    } else if (sp.type == entity_type::place && head == sp.last &&
               std::any_of(std::begin(papers), std::end(papers), [&](const char* h) { return k == h; })) {
      c.span.type = entity_type::group;
      c.why = "a newspaper's name, by its head '" + k + "'";
    }
  }
}

// Post-filter 25: "She loved Mary.", "Mary came home." The model leaves a lone given name unread
// where the sentence gives it no cue (a short document, a name at the sentence's end). A given
// name (the curated list or WordNet's), alone inside a sentence of normal case, where the model
// read nothing, is a person when the document never writes it in lower case, historical English
// capitalises it in at least 90% of its mid-sentence uses (not "Will", "Grace", "Hope") and
// WordNet knows it as no place, group, kind of person or common word ("Florence", "Christian").
// Not a title, a month or a function word, nor a word after an opening quote or a capitalised
// word, nor one before a particle ("the Duc de Guiche") or written in capitals.
void labeller::read_lone_given_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                     const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals() || sf.title_case() || !env_.stats || !env_.doc) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  const std::size_t before = chosen.size();
  for (std::size_t i = 1; i < n; ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    if (!p.eligible[i] || i <= sf.first_word() || !capitalised_word(text, piece, sf, i)) continue;
    // Read already (most capitalised words are): before any lookup.
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if (taken[i]) continue;
    const token& prev = piece.tokens[sf.token_index(i - 1)];
    if (!(prev.is_word() && !capitalised(prev.text(text))) && !sf.key_is(i - 1, ",")) continue;
    // Standing alone: no capitalised word or particle after it ("the Duc de Guiche"), and no
    // noun it qualifies ("the Julian calendar", "the Caroline divines": a word after it that is
    // no function word; a possessive's noun is its own, "Wallace's companion").
    if (i + 1 < n &&
        (p.eligible[i + 1] || capitalised_word(text, piece, sf, i + 1) || lex.in(name_list::connector, sf.key(i + 1)) ||
         (piece.tokens[sf.token_index(i + 1)].is_word() && !piece.tokens[sf.token_index(i)].possessive() &&
          !lex.in(name_list::function_word, sf.key(i + 1)))))
      continue;
    const std::string& k = sf.key(i);
    // A given name, or a name WordNet knows only as a person's ("to accept Christ as my Saviour").
    const name_entry e = lex.find(k);
    const bool given = given_name(lex, k);
    const bool known =
        !given && e.found() && std::all_of(e.codes.begin(), e.codes.end(), [](char x) { return x == 'p'; });
    if (k.size() < 3 || !(given || known) || title_word(k) || lex.in(name_list::date_word, k) ||
        lex.in(name_list::function_word, k) || lex.in(name_list::nationality, k))
      continue;
    // A name only: no place or group of that name, no kind of person or common word ("Christian").
    if (e.has('l') || e.has('g') || e.has('P') || e.common()) continue;
    const lexicons::word_stat* st = env_.stats->find(k);
    if (!st || st->mid_cap < 900) continue;
    // Written as names are, not in capitals inside a sentence of normal case ("GEORGES", "ÉMILE").
    bool allcaps = false;
    capitalised(piece.tokens[sf.token_index(i)].text(text), &allcaps);
    if (allcaps) continue;
    const doc_memory::counts* c = env_.doc->find(k);
    if (c && c->lower > 0) continue;
    chosen.push_back({{i, i, entity_type::person},
                      -1,
                      given ? "a given name alone, never in lower case"
                            : "a name WordNet knows only as a person's, alone, never in lower case"});
    taken[i] = 1;
  }
  // And a given name with one capitalised word after it, both unread: "to rob Ian Kinsler of a
  // hit", "television presenter Sally Meen," (the model reads nothing before "of" and a lower-case
  // word, and little after a lower-case noun, when it knows neither surname). The given name as
  // above, though it may be a common word too ("sally"); the surname in no curated list ("Albert
  // Hall", "Emily Street"), no place, group, kind of person or other name WordNet knows, never in
  // lower case. Not one of a longer run ("the James Webb Space Telescope"), nor inside quotes.
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (!p.eligible[i] || !p.eligible[i + 1] || i <= sf.first_word() || !capitalised_word(text, piece, sf, i) ||
        !capitalised_word(text, piece, sf, i + 1))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if (taken[i] || taken[i + 1]) continue;
    const token& prev = piece.tokens[sf.token_index(i - 1)];
    if (!(prev.is_word() && !capitalised(prev.text(text))) && !sf.key_is(i - 1, ",")) continue;
    if (piece.tokens[sf.token_index(i)].possessive()) continue;
    if (i + 2 < n) {
      // Then no capitalised word, nor a particle but "of" ("Albert Way of Trinity" is fine; "of a
      // hit" too).
      if (capitalised_word(text, piece, sf, i + 2)) continue;
      if (!sf.key_is(i + 2, "of") && lex.in(name_list::connector, sf.key(i + 2))) continue;
    }
    const std::string& k = sf.key(i);
    const std::string& s = sf.key(i + 1);
    if (k.size() < 3 || s.size() < 3 || !given_name(lex, k) || title_word(k) || title_word(s) ||
        (lex.lists(k) & ~(1u << static_cast<int>(name_list::given_name))) != 0 ||
        (lex.lists(s) & ~(1u << static_cast<int>(name_list::given_name))) != 0)
      continue;
    const name_entry e = lex.find(k), f = lex.find(s);
    if (e.has('l') || e.has('g') || e.has('P') || e.has('A') || f.has('l') || f.has('g') || f.has('P') || f.has('A') ||
        f.has('o'))
      continue;
    const lexicons::word_stat* st = env_.stats->find(k);
    if (!st || st->mid_cap < 900) continue;
    bool allcaps = false, allcaps2 = false;
    capitalised(piece.tokens[sf.token_index(i)].text(text), &allcaps);
    capitalised(piece.tokens[sf.token_index(i + 1)].text(text), &allcaps2);
    if (allcaps || allcaps2) continue;
    const doc_memory::counts* c = env_.doc->find(k);
    const doc_memory::counts* d = env_.doc->find(s);
    if ((c && c->lower > 0) || (d && d->lower > 0)) continue;
    chosen.push_back({{i, i + 1, entity_type::person}, -1, "a given name and a surname, never in lower case"});
    taken[i] = taken[i + 1] = 1;
  }
  // And a name after a title that the model left unread ("President Roose-⏎velt today signed",
  // where the broken word's shape misled it): a capitalised title, then one capitalised word that
  // WordNet knows as a person's or not at all, in no curated list ("General Assembly", "King
  // Street", "Mr. Speaker" stay as they are), never in lower case in the document. A common word
  // too when WordNet knows a person so named ("Governor Chase spoke"); and where the model read
  // the office alone ("Chief Justice" before "Chase administered"), its person goes on to the name.
  for (std::size_t i = 1; i < n; ++i) {
    if (!p.eligible[i] || !capitalised_word(text, piece, sf, i) || !capitalised_word(text, piece, sf, i - 1) ||
        !title_word(sf.key(i - 1)))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    // The model's person may be the titles alone ("Chief Justice" before "Chase administered"):
    // it goes on to the name.
    auto titles_alone = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
      if (c.entry >= 0 || c.span.type != entity_type::person || c.span.last != i - 1) return false;
      for (std::size_t k = c.span.first; k < i; ++k)  // an office: "Chief Justice", "Vice President"
        if (!capitalised_word(text, piece, sf, k)) return false;
      return true;
    });
    if (taken[i] || (taken[i - 1] && titles_alone == chosen.end()) ||
        (i + 1 < n && capitalised_word(text, piece, sf, i + 1)) ||
        piece.tokens[sf.token_index(i - 1)].possessive())  // "The King's Quair", a poem
      continue;
    // Not a saint's, whose name is a town's or a ship's as often ("St. Omer", "the St. Albans").
    const std::string& t = sf.key(i - 1);
    if (saint_title(t)) continue;
    const std::string& k = sf.key(i);
    if (k.size() < 3 || lex.lists(k) != 0 || title_word(k)) continue;
    const name_entry e = lex.find(k);
    if (e.found() && !e.has('p')) continue;
    // Nor the plural of a title or a common word ("the Lord Lieutenants", "Grand Justiciaries"),
    // unless WordNet knows a person so named: "Governor Chase spoke" (chase, a verb too).
    if (!e.has('p') && word_or_singular(lex, k, [](const name_entry& x) { return x.common(); })) continue;
    bool titles = false;
    for (const std::string& one : singular_forms(k)) titles = titles || title_word(one);
    if (titles) continue;
    const doc_memory::counts* c = env_.doc->find(k);
    if (c && c->lower > 0) continue;
    if (titles_alone != chosen.end()) {
      titles_alone->span.last = i;
      if (titles_alone->why.empty()) titles_alone->why = "a name after the title '" + t + "'";
    } else {
      chosen.push_back({{i - 1, i, entity_type::person}, -1, "a name after the title '" + t + "'"});
    }
    taken[i - 1] = taken[i] = 1;
  }
  const bool replaced = read_names_of_places(text, piece, sf, p, chosen);
  read_names_after_person_nouns(text, piece, sf, p, chosen);
  read_parts_played(text, piece, sf, p, chosen);
  read_initialled_names(text, piece, sf, p, chosen);
  read_names_after_plural_titles(text, piece, sf, p, chosen);
  if (replaced || chosen.size() != before) sort_by_start(chosen);
}

// Post-filter 25: a given name "of" a place, the style of saints and medieval men ("copied Hilary of
// Poitiers' commentary", "the book of Isidore of Seville"; the model read nothing, or the place
// alone): the name, unread, a given name, a person WordNet knows or a word no lexicon knows, and
// no place, group or common word ("the Rock of Israel"); "of"; one capitalised word WordNet
// knows as a place (or a battle), unread or the model's place, and no capitalised word after it.
// One person, as post-filter 12 reads "Hilary of Poitiers" whole.
bool labeller::read_names_of_places(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                    const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  bool replaced = false;  // a place read by the model became part of a name
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (!p.eligible[i] || !sf.key_is(i + 1, "of") || !capitalised_word(text, piece, sf, i) ||
        !capitalised_word(text, piece, sf, i + 2) || capitalised_word(text, piece, sf, i + 3))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if (taken[i] || taken[i + 1]) continue;
    if (i > sf.first_word()) {
      const token& prev = piece.tokens[sf.token_index(i - 1)];
      if (!(prev.is_word() && !capitalised(prev.text(text))) && !sf.key_is(i - 1, ",")) continue;
    }
    const std::string& k = sf.key(i);
    const name_entry e = lex.find(k);
    if (k.size() < 3 || title_word(k) || e.has('l') || e.has('g') || (e.common() && !given_name(lex, k))) continue;
    // (Or a word no lexicon knows, that the document never writes in lower case and historical
    // English capitalises, if it knows it: "Hilary", "Isidore".)
    if (!given_name(lex, k) && e.proper() != 'p') {
      if (e.found() || lex.lists(k) != 0) continue;
      if (const doc_memory::counts* c = env_.doc->find(k); c && c->lower > 0) continue;
      if (const lexicons::word_stat* st = env_.stats->find(k); st && st->mid_cap < 900) continue;
    }
    bool allcaps = false;
    capitalised(piece.tokens[sf.token_index(i)].text(text), &allcaps);
    if (allcaps) continue;
    const std::string& w = sf.key(i + 2);
    const name_entry f = lex.find(w);
    // (A town WordNet knows by its battle is one too: "Poitiers", "Hastings".)
    if (!(f.has('l') || f.proper() == 'o') || f.has('p') || f.has('P')) continue;
    auto place = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
      return c.span.first == i + 2 && c.span.last == i + 2 && c.span.type == entity_type::place && c.entry < 0;
    });
    if (taken[i + 2] && place == chosen.end()) continue;
    if (place != chosen.end()) chosen.erase(place), replaced = true;
    chosen.push_back(
        {{i, i + 2, entity_type::person}, -1, "a name 'of' a place, as saints and medieval men are named"});
    taken[i] = taken[i + 1] = taken[i + 2] = 1;
  }
  return replaced;
}

// Post-filter 25: a name after a noun of a person, in apposition: "marrying the physician Yang Buwei",
// "television presenter Sally Meen", "the historian Froude" (the role is the cue the model
// misses when it knows neither word). The noun in lower case, its first sense in WordNet a
// person and no adjective ("the great O'Connell"), no title, no possessive ("a fool's
// Paradise"); then one to three capitalised words, unread, and no further capitalised word (a
// possessive ends the name); none a place, a group or a kind of person WordNet knows ("the
// Tory", "the Schoolmen"), a word of the curated lists but a given name, nor a plain common word
// (plain_common_word: "the student Union", "the teacher Training College").
void labeller::read_names_after_person_nouns(std::string_view text, const segmentation& piece,
                                             const sentence_features& sf, const prepared_sentence& p,
                                             std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  for (std::size_t i = 1; i < n; ++i) {
    // Cheapest tests first: this runs for most capitalised words (the model reads most of them).
    if (!p.eligible[i]) continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if (taken[i] || !capitalised_word(text, piece, sf, i)) continue;
    const token& prev = piece.tokens[sf.token_index(i - 1)];
    if (!prev.is_word() || prev.possessive() || capitalised(prev.text(text))) continue;
    const std::string& noun = sf.key(i - 1);
    const name_entry ne = lex.find(noun);
    if (ne.common_noun() != 'h' || ne.has('a') || title_word(noun) || lex.lists(noun) != 0) continue;
    std::size_t last = i;
    bool ok = true;
    while (ok && last < n && last < i + 3 && capitalised_word(text, piece, sf, last) && !taken[last]) {
      const std::string& k = sf.key(last);
      const name_entry e = lex.find(k);
      const std::uint32_t lists = lex.lists(k) & ~(1u << static_cast<int>(name_list::given_name));
      bool allcaps = false;
      capitalised(piece.tokens[sf.token_index(last)].text(text), &allcaps);
      ok = k.size() > 1 && !allcaps && lists == 0 && !title_word(k) && !((e.has('l') || e.has('g')) && !e.has('p')) &&
           !word_or_singular(lex, k, [](const name_entry& x) { return x.has('P') && !x.has('p'); }) &&
           !plain_common_word(lex, env_.stats, k);
      ++last;
      if (piece.tokens[sf.token_index(last - 1)].possessive()) break;
    }
    if (!ok || last == i ||
        (last < n && capitalised_word(text, piece, sf, last) && !piece.tokens[sf.token_index(last - 1)].possessive()))
      continue;
    --last;
    const doc_memory::counts* c = env_.doc->find(sf.key(i));
    if (c && c->lower > 0) continue;
    chosen.push_back({{i, last, entity_type::person}, -1, "a name after the noun of a person '" + noun + "'"});
    for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
  }
}

// Post-filter 25: a part an actor plays, named by a given name: "he appeared in Cry Wolf as
// Tom.", "she guest starred as Ruby on the show", "appeared as Eve in season 2" (the given name
// is a common word too, and the model reads none). After "as", with a verb of acting at most ten words before it
// in the clause; the given name unread, and one unread capitalised word after it at most.
void labeller::read_parts_played(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                 const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  static constexpr std::string_view acting[] = {"cast",  "appeared",  "appears",  "starred", "stars",   "played",
                                                "plays", "portrayed", "portrays", "acted",   "debuted", "recast"};
  for (std::size_t i = 2; i < n; ++i) {
    if (!p.eligible[i] || !sf.key_is(i - 1, "as") || !capitalised_word(text, piece, sf, i)) continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if (taken[i] || !(given_name(lex, sf.key(i)) || female_given_name(sf.key(i))) || title_word(sf.key(i))) continue;
    // The verb in the same clause, past a film's name in apposition ("appeared in Cry Wolf,
    // another horror film, as Tom").
    bool acted = false;
    for (std::size_t k = i - 1; k-- > 0 && i - k <= 10 && !acted;) {
      const std::string& w = sf.key(k);
      if (w == "."sv || w == ";"sv || w == ":"sv || w == "("sv || w == ")"sv) break;
      acted = std::any_of(std::begin(acting), std::end(acting), [&](std::string_view v) { return w == v; });
    }
    if (!acted) continue;
    std::size_t last = i;
    if (i + 1 < n && capitalised_word(text, piece, sf, i + 1) && !taken[i + 1] &&
        !lex.in(name_list::function_word, sf.key(i + 1)))
      last = i + 1;
    if (capitalised_word(text, piece, sf, last + 1)) continue;
    chosen.push_back({{i, last, entity_type::person}, -1, "a part played, after 'as'"});
    for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
  }
}

// Post-filter 25, initials: "described by W. W. Rouse Ball as", "opposed by J. Bright". Initials
// before a name are a person's mark; the model misses the name when its words are common ones
// ("Rouse", "Ball", "Bright"). One or more initials (one capital letter and its full stop), then
// one to three capitalised words, all unread, and no further capitalised word. Not initials the
// lexicon knows as a name ("U. S. Army", "N. Y. Times"), nor a name that ends in the head of an
// institution, a place or an event ("J. P. Morgan Bank"), nor initials after a capitalised word.
void labeller::read_initialled_names(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                     const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  auto initial = [&](std::size_t i) {
    if (i >= n || !piece.tokens[sf.token_index(i)].is_word()) return false;
    const std::string_view w = piece.tokens[sf.token_index(i)].text(text);
    return w.size() == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z';
  };
  std::vector<char> taken;
  for (std::size_t i = 0; i < n; ++i) {
    if (!initial(i) || (i > 0 && initial(i - 1))) continue;
    if (i > sf.first_word() && capitalised_word(text, piece, sf, i - 1)) continue;
    std::size_t j = i;
    std::string letters;  // "u. s."
    while (initial(j)) letters += (letters.empty() ? "" : " ") + sf.key(j), ++j;
    std::size_t last = j;
    while (last < n && last < j + 3 && capitalised_word(text, piece, sf, last) && !initial(last) &&
           !lex.in(name_list::function_word, sf.key(last)) && !lex.in(name_list::nationality, sf.key(last)) &&
           !title_word(sf.key(last)) && sf.key(last).find('\'') == std::string::npos)
      ++last;
    if (last == j || capitalised_word(text, piece, sf, last)) continue;
    --last;  // the name's last word
    // One initial may end a sentence the segmenter did not end ("to see Mrs. L. about A. Want
    // me"): then the words must be written as names are, not common words historical English
    // seldom capitalises.
    if (j == i + 1 && env_.stats) {
      bool common = false;
      for (std::size_t k = j; k <= last; ++k) {
        const std::string& w = sf.key(k);
        common = common || plain_common_word(lex, env_.stats, w);
      }
      if (common) continue;
    }
    if (taken.empty()) taken = covered_tokens(chosen, n);
    std::string joined = letters;
    joined.erase(std::remove(joined.begin(), joined.end(), ' '), joined.end());
    if (lex.find(letters).found() || lex.find(joined).found()) continue;
    const std::uint32_t heads = (1u << static_cast<int>(name_list::org_head)) |
                                (1u << static_cast<int>(name_list::place_word)) |
                                (1u << static_cast<int>(name_list::event_word));
    if ((lex.lists(sf.key(last)) & heads) != 0) continue;
    // The model's person may stop short of a common word ("W. W. Rouse" before "Ball"): it goes on
    // to the name's end.
    auto model = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
      return c.span.first == i && c.span.last < last && c.span.type == entity_type::person && c.entry < 0;
    });
    const std::size_t from = model != chosen.end() ? model->span.last + 1 : i;
    if (std::any_of(taken.begin() + static_cast<std::ptrdiff_t>(from),
                    taken.begin() + static_cast<std::ptrdiff_t>(last) + 1, [](char c) { return c != 0; }))
      continue;
    if (model != chosen.end()) {
      model->span.last = last;
      if (model->why.empty()) model->why = "initials before a name";
    } else {
      chosen.push_back({{i, last, entity_type::person}, -1, "initials before a name"});
    }
    for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
  }
}

// Post-filter 25, a plural title before a list of names: "They join Senators KELLY, HICKENLOOPER,
// and Luján", "Messrs. SMITH and JONES" (in capitals the model reads none of them). The plural of an
// office or a form of address, then names of one to three capitalised words joined by commas and
// "and", each unread, the first no common word WordNet knows alone. Not a
// sovereign's plural ("Kings Langley" is a town), and not in a line of capitals.
void labeller::read_names_after_plural_titles(std::string_view text, const segmentation& piece,
                                              const sentence_features& sf, const prepared_sentence& p,
                                              std::vector<chosen_span>& chosen) const {
  static constexpr std::string_view plural_titles[] = {
      "messrs.",  "messrs",      "senators", "representatives", "generals",   "colonels",  "captains",
      "admirals", "governors",   "judges",   "professors",      "drs.",       "doctors",   "ministers",
      "mesdames", "reverends",   "revs.",    "lieutenants",     "commodores", "sergeants", "presidents",
      "justices", "councillors", "aldermen", "bishops",         "cardinals"};
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  for (std::size_t t = 0; t + 1 < n; ++t) {
    // Cheapest tests first: this runs for every token of every sentence.
    const std::string& title = sf.key(t);
    if (title.size() < 4 || (title.back() != 's' && title.back() != '.') ||
        std::none_of(std::begin(plural_titles), std::end(plural_titles),
                     [&](std::string_view w) { return title == w; }) ||
        !capitalised_word(text, piece, sf, t))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    std::vector<tagged_span> names;
    std::size_t i = t + 1;
    while (i < n) {
      std::size_t last = i;
      // A name the model read already ("Messrs. TRUMBULL"): the list goes on after it.
      auto read = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
        return c.span.first <= i && c.span.last >= i && c.span.type == entity_type::person;
      });
      if (read != chosen.end()) last = read->span.last + 1;
      while (read == chosen.end() && last < n && last < i + 3 && capitalised_word(text, piece, sf, last) &&
             !taken[last] && !lex.in(name_list::function_word, sf.key(last)) && !title_word(sf.key(last)))
        ++last;
      if (last == i || capitalised_word(text, piece, sf, last)) break;
      --last;
      // The first, one word that is a common word and no name, is no name ("Senators Present");
      // after a name, the list is one of names.
      const name_entry e = lex.find(sf.key(i));
      if (read == chosen.end() && names.empty() && i == last && e.common() && !e.has('p') &&
          !given_name(lex, sf.key(i)))
        break;
      if (read == chosen.end()) names.push_back({i, last, entity_type::person});
      // On through ", " and "and" (", and").
      std::size_t next = last + 1;
      if (next < n && sf.key_is(next, ",")) ++next;
      if (next < n && (sf.key_is(next, "and") || sf.key_is(next, "&"))) ++next;
      if (next == last + 1) break;
      i = next;
    }
    for (const tagged_span& sp : names) {
      chosen.push_back({sp, -1, "a name listed after '" + title + "'"});
      for (std::size_t k = sp.first; k <= sp.last; ++k) taken[k] = 1;
    }
  }
}

// Post-filter 22: "he settled in Trier", "the Gauls lived in Gaul". The model leaves such a word
// unread when WordNet gives it a common sense ("trier": one who tries) or a kind of person ("a
// Gaul"). One capitalised word, alone, right after "in", "at", "into", "near" or "within", where
// the model read nothing, is a place when the document never writes it in lower case and
// historical English capitalises it in at least half of its mid-sentence uses or hardly knows it
// (a word WordNet knows in lower case only when the corpus has not seen it). Not a function word,
// a title, a month, a nationality, the head of an institution or of a place ("in Parliament",
// "in Town"), nor a person, a group or a kind WordNet knows and no place ("in Christ", "in
// Latin"; "in Iowa" is a place, though WordNet knows it first as a kind of Sioux). A newspaper's
// "Senator Allison, of Iowa," names the place so after a person's name and a comma.
void labeller::read_places_after_prepositions(std::string_view text, const segmentation& piece,
                                              const sentence_features& sf, const prepared_sentence& p,
                                              std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals() || !env_.stats || !env_.doc) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  std::vector<char> taken;
  const std::size_t before = chosen.size();
  for (std::size_t i = 1; i < n; ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    if (!p.eligible[i] || !capitalised_word(text, piece, sf, i)) continue;
    // After "in", "at"...; or a newspaper's "Senator Allison, of Iowa," after a person's name.
    const bool of_after_person = i >= 3 && sf.key_is(i - 1, "of") && sf.key_is(i - 2, ",") &&
                                 std::any_of(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
                                   return c.span.last == i - 3 && c.span.type == entity_type::person;
                                 });
    // Or after "to" or "from" where a verb of going says one goes there ("travelled with Bonosus to
    // Gaul", "returned from Devizes").
    // Or after "for" where a verb of leaving says one goes there ("left Paris on Tuesday for
    // Compiegne", "sailed for Liverpool"): also where the model read a person there.
    // And a seat in Parliament: "the member for Tamworth", "he sat for Westbury".
    const bool seat_for = sf.key_is(i - 1, "for") && i >= 2 && [&] {
      static const char* const seats[] = {"member",   "members", "sat",   "sits",
                                          "returned", "elected", "stood", "candidate"};
      return std::any_of(std::begin(seats), std::end(seats), [&](const char* w) { return sf.key_is(i - 2, w); });
    }();
    const bool leaving_for = sf.key_is(i - 1, "for") && (leaving_before(sf, i - 1, 5) || seat_for);
    const bool going_to =
        ((sf.key_is(i - 1, "to") || sf.key_is(i - 1, "from")) && going_before(sf, i - 1, 3)) || leaving_for;
    if (preposition_of_place(sf.key(i - 1)) != place_at && !of_after_person && !going_to) continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    if ((i + 1 < n && (capitalised_word(text, piece, sf, i + 1) || p.eligible[i + 1])) ||
        piece.tokens[sf.token_index(i)].possessive() || capitalised_word(text, piece, sf, i - 1))
      continue;
    chosen_span* person_read = nullptr;
    if (taken[i] && (!leaving_for || !(person_read = model_person_at(chosen, i)))) continue;
    const std::string& k = sf.key(i);
    const std::uint32_t lists = lex.lists(k);
    constexpr std::uint32_t excluded =
        (1u << static_cast<int>(name_list::function_word)) | (1u << static_cast<int>(name_list::title)) |
        (1u << static_cast<int>(name_list::date_word)) | (1u << static_cast<int>(name_list::nationality)) |
        (1u << static_cast<int>(name_list::org_head)) | (1u << static_cast<int>(name_list::place_word));
    if (k.size() < 3 || (lists & excluded) || title_word(k)) continue;
    // Letters and hyphens only (not "Parliament_" of a text's italics), no month inside
    // ("February-March"), and no abbreviation ("in Septr., as we").
    bool plain = true;
    for (std::size_t a = 0, b; plain && a <= k.size(); a = b + 1) {
      b = std::min(k.find('-', a), k.size());
      const std::string_view part(k.data() + a, b - a);
      plain =
          part.size() >= 2 && !lex.in(name_list::date_word, part) && std::all_of(part.begin(), part.end(), [](char ch) {
            return static_cast<unsigned char>(ch) >= 0x80 || std::isalpha(static_cast<unsigned char>(ch)) || ch == '\'';
          });
    }
    if (!plain) continue;
    // A name, not an adjective before its noun ("into Euro-Atlantic structures"), nor a word of a
    // title in capitals ("Study in Methodology").
    // (After a verb of leaving or a seat, a verb may follow: "the member for Tamworth warned".)
    if (!leaving_for && i + 1 < n && piece.tokens[sf.token_index(i + 1)].is_word() &&
        !lex.in(name_list::function_word, sf.key(i + 1)))
      continue;
    if (i >= 2 && i - 2 != sf.first_word() && capitalised_word(text, piece, sf, i - 2) && !going_to) continue;
    if (i + 2 < n && sf.key_is(i + 1, ".") &&
        (sf.key_is(i + 2, ",") || (piece.tokens[sf.token_index(i + 2)].is_word() &&
                                   !capitalised(piece.tokens[sf.token_index(i + 2)].text(text)))))
      continue;
    // A place WordNet knows in any sense ("Iowa": first a kind of Sioux, then the state).
    const name_entry e = lex.find(k);
    const bool place = e.has('l');
    if (e.proper() && !place) continue;
    const lexicons::word_stat* st = env_.stats->find(k);
    if (!place) {
      // A common word too when historical English all but always capitalises it, and not a
      // word of people or bodies ("crowned at Scone", "at Derby", "at Sandwich"; not "in
      // Chancery", "at Admiralty").
      const bool capitalised_noun =
          st && st->mid_cap >= 900 && !e.has('h') && !e.has('q') && preposition_of_place(sf.key(i - 1)) == place_at;
      if (e.common() ? st != nullptr && !capitalised_noun : (st && st->mid_cap >= 0 && st->mid_cap < 500)) continue;
    }
    // One goes to a common noun too ("went to Mass", "to Church"): after "to" or "from", a word
    // WordNet knows in lower case only when historical English capitalises it (Gaul, not Mass).
    if (going_to && e.common() && (!st || st->mid_cap < 800)) continue;
    // And to a person ("came to Tostig"): not a word the document has read as a person so far
    // (WordNet does not know Carlisle, Stirling or Amiens, so an unknown word may be a place).
    if (going_to && env_.history) {
      const label_history::counts* h = env_.history->find(k);
      if (h && h->by_type[static_cast<int>(entity_type::person)] > 0) continue;
    }
    const doc_memory::counts* c = env_.doc->find(k);
    if (c && c->lower > 0) continue;
    if (person_read) {
      // One leaves for a place, not for a person WordNet knows or a given name.
      if (e.has('p') || given_name(lex, k)) continue;
      person_read->span.type = entity_type::place;
      person_read->why =
          seat_for ? "a seat: after '" + sf.key(i - 2) + " for'" : "a name after a verb of leaving and 'for'";
      continue;
    }
    chosen.push_back({{i, i, entity_type::place}, -1, "a capitalised word after '" + sf.key(i - 1) + "'"});
    taken[i] = 1;
  }
  if (chosen.size() != before) sort_by_start(chosen);
}

// Post-filter 13, lists: the names listed after a plural noun of settlements and "of" are places:
// "the parishes of Shoreditch, Stepney, Whitechappel", "the towns of Ghent and Bruges" (Defoe's
// parishes had been read as people). Each a run of capitalised words, read or not, joined by commas
// and "and"; not a title, a function word, a given name or a person WordNet knows. Before
// post-filter 11, which then finds the list read.
void labeller::read_listed_settlements(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                       const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals()) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  static const char* const settled[] = {"towns",   "cities",   "villages",  "parishes", "counties", "provinces",
                                        "islands", "boroughs", "districts", "ports",    "hamlets"};
  auto cap = [&](std::size_t i) {
    return i < n && piece.tokens[sf.token_index(i)].is_word() &&
           capitalised(piece.tokens[sf.token_index(i)].text(text));
  };
  std::vector<char> taken;
  const std::size_t before = chosen.size();
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (!sf.key_is(i + 1, "of") || cap(i) ||
        std::none_of(std::begin(settled), std::end(settled), [&](const char* w) { return sf.key_is(i, w); }))
      continue;
    if (taken.empty()) taken = covered_tokens(chosen, n);
    for (std::size_t f = i + 2; f < n;) {
      const std::string& k = sf.key(f);
      if (!p.eligible[f] || !cap(f) || title_word(k) || lex.in(name_list::function_word, k) || given_name(lex, k))
        break;
      const char known = lex.find(k).proper();
      if (known == 'p' || known == 'P') break;
      std::size_t last = f;
      if (taken[f]) {
        chosen_span* read = nullptr;
        for (chosen_span& c : chosen)
          if (c.span.first <= f && f <= c.span.last) read = &c;
        if (!read) break;
        if (read->span.type == entity_type::person && read->entry < 0 && read->why.empty()) {
          read->span.type = entity_type::place;
          read->why = "listed after '" + sf.key(i) + " of'";
        }
        last = read->span.last;
      } else {
        while (last + 1 < n && p.eligible[last + 1] == 1 && !taken[last + 1] && cap(last + 1) &&
               !lex.in(name_list::function_word, sf.key(last + 1)))
          ++last;
        for (std::size_t x = f; x <= last; ++x) taken[x] = 1;
        chosen.push_back({{f, last, entity_type::place}, -1, "listed after '" + sf.key(i) + " of'"});
      }
      // On past ",", "and" or ", and" to the next name.
      std::size_t next = last + 1;
      if (next < n && sf.key_is(next, ",")) ++next;
      if (next < n && sf.key_is(next, "and")) ++next;
      if (next == last + 1) break;
      f = next;
    }
  }
  if (chosen.size() != before) sort_by_start(chosen);
}

// Post-filter 23: "the son of Hamilton", "the widow of Lincoln", "in the reign of Elizabeth",
// "from the days of Washington and Hamilton". The model reads a name that WordNet knows as a town
// too (Hamilton, Washington, Lincoln) as the place. After a noun of kin or of a lifetime and "of",
// a name (and one joined to it by "and") that WordNet knows as a person's, or a given name, is a
// person: the model's place is retyped, and one capitalised word it left unread is read. Not a
// name WordNet knows only as a place ("the days of Rome"), nor a title's ("the son of the Duke").
void labeller::read_kin_and_reigns(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                   const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals()) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  static const char* const cues[] = {
      "son",     "sons",     "daughter",  "daughters",   "wife",          "widow",     "husband",  "brother",
      "sister",  "father",   "mother",    "heir",        "nephew",        "niece",     "grandson", "granddaughter",
      "reign",   "days",     "time",      "times",       "death",         "birth",     "murder",   "execution",
      "funeral", "mistress", "successor", "predecessor", "assassination", "favourite", "favorite", "court"};
  auto person_name = [&](std::size_t first, std::size_t last) {
    const std::string key = sf.span_key(first, last);
    const name_entry e = lex.find(key);
    return e.has('p') || (first == last && !e.proper() && given_name(lex, key));
  };
  bool added = false;
  for (std::size_t i = 2; i < n; ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    if (!sf.key_is(i - 1, "of") || !p.eligible[i] || !capitalised_word(text, piece, sf, i)) continue;
    const std::string& cue = sf.key(i - 2);
    if (std::none_of(std::begin(cues), std::end(cues), [&](const char* c) { return cue == c; })) continue;
    // The name here and one joined to it by "and" ("the days of Washington and Hamilton").
    for (std::size_t at = i, conjuncts = 0; at < n && conjuncts < 2; ++conjuncts) {
      auto it = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& c) { return c.span.first == at; });
      std::size_t last = at;
      if (it != chosen.end()) {
        if (it->entry >= 0 || !it->why.empty() || it->span.type == entity_type::group) break;
        last = it->span.last;
        if (it->span.type == entity_type::place && person_name(at, last)) {
          it->span.type = entity_type::person;
          it->why = "a name after '" + cue + " of'";
        }
      } else {
        if (std::any_of(chosen.begin(), chosen.end(),
                        [&](const chosen_span& c) { return c.span.first <= at && at <= c.span.last; }) ||
            capitalised_word(text, piece, sf, at + 1) || title_word(sf.key(at)) ||
            lex.in(name_list::function_word, sf.key(at)) || !person_name(at, at))
          break;
        chosen.push_back({{at, at, entity_type::person}, -1, "a name after '" + cue + " of'"});
        added = true;
        it = chosen.end();
      }
      if (last + 2 >= n || !sf.key_is(last + 1, "and") || !capitalised_word(text, piece, sf, last + 2)) break;
      at = last + 2;
    }
  }
  if (added) sort_by_start(chosen);
}

// Post-filter 11, places listed after a preposition: "he marched to Northampton, Coventry, and
// Warwick", "garrisons at Exeter, Barnstaple and Bideford". The model reads the first as a place
// and may read a town that names an earl (Warwick) as a person, or leave one unread. After "to",
// "from", "at", "in", "near", "into", "through" or "towards", when the first name is the model's
// place, each name joined to it by commas or "and" is a place: a person read there without a
// title when WordNet knows the name as a place too (or, after two places, one word that is no
// given name), and one capitalised word the model left unread when WordNet knows it as a place or
// not at all.
void labeller::read_place_lists(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals() || chosen.empty()) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  bool added = false;
  // The preposition at `at` says where one goes or stays: any but "to", and "to" right after a
  // verb of going ("marched to", "sailed to"; not "wrote to", "letters to").
  auto movement_before = [&](std::size_t at) { return !sf.key_is(at, "to") || going_before(sf, at, 1); };
  for (std::size_t c = 0; c < chosen.size(); ++c) {
    const tagged_span head = chosen[c].span;
    if (head.type != entity_type::place || head.first == 0 ||
        preposition_of_place(sf.key(head.first - 1)) == place_none)
      continue;
    std::size_t at = head.last + 1;
    std::size_t items = 1;
    while (at + 1 < n) {
      // Joiners: ",", "and", ", and".
      std::size_t next = at;
      bool joined = false;
      while (next < n && (sf.key_is(next, ",") || sf.key_is(next, "and"))) ++next, joined = true;
      if (!joined || next >= n || !capitalised_word(text, piece, sf, next)) break;
      auto it = std::find_if(chosen.begin(), chosen.end(), [&](const chosen_span& o) { return o.span.first == next; });
      if (it != chosen.end()) {
        chosen_span& o = *it;
        if (o.entry >= 0) break;
        if (o.span.type == entity_type::person && o.why.empty() && (next == 0 || !title_word(sf.key(next - 1))) &&
            !title_word(sf.key(next))) {
          const std::string key = sf.span_key(o.span.first, o.span.last);
          // WordNet's place, or one word after two places that is no given name, where the list
          // is where one goes or stays: "marched to Northampton, Coventry, and Warwick" (WordNet
          // knows only the Earl); not to whom one writes ("letters to Vienna, Berlin and
          // Metternich").
          if (!lex.find(key).has('l') &&
              (items < 2 || o.span.first != o.span.last || given_name(lex, key) || !movement_before(head.first - 1)))
            break;
          o.span.type = entity_type::place;
          o.why = listed_place_reason;
        } else if (o.span.type != entity_type::place) {
          break;
        }
        at = o.span.last + 1;
      } else {
        // One unread capitalised word, alone.
        if (std::any_of(chosen.begin(), chosen.end(),
                        [&](const chosen_span& o) { return o.span.first <= next && next <= o.span.last; }) ||
            capitalised_word(text, piece, sf, next + 1) || !p.eligible[next])
          break;
        const std::string& k = sf.key(next);
        const name_entry e = lex.find(k);
        if (lex.in(name_list::function_word, k) || title_word(k) || lex.in(name_list::date_word, k) ||
            lex.in(name_list::nationality, k) || (e.found() && !e.has('l')))
          break;
        // Not a common noun old print capitalises ("Messrs. Gosling, Bankers in Fleet Street").
        const lexicons::word_stat* st = env_.stats ? env_.stats->find(k) : nullptr;
        if (!e.has('l') && st && st->mid_cap >= 0 && st->mid_cap < 500) break;
        const std::vector<std::string> singulars = e.found() ? std::vector<std::string>{} : singular_forms(k);
        if (std::any_of(singulars.begin(), singulars.end(),
                        [&](const std::string& one) { return lex.find(one).common(); }))
          break;
        chosen.push_back({{next, next, entity_type::place}, -1, listed_place_reason});
        added = true;
        at = next + 1;
      }
      ++items;
    }
  }
  if (added) sort_by_start(chosen);
}

void labeller::read_event_places(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                 const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  if (sf.all_capitals()) return;
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  auto cap = [&](std::size_t i) { return i < n && capitalised_word(text, piece, sf, i); };
  // A word that names something by itself: WordNet knows it only as a name, or historical English
  // capitalises it (or has not seen it). "Paris", "Nile", "Utrecht"; not "Independence", "Roses".
  auto name_word = [&](std::size_t i) {
    const std::string& k = sf.key(i);
    const name_entry e = lex.find(k);
    if (e.proper() && !e.common()) return true;
    const lexicons::word_stat* st = env_.stats ? env_.stats->find(k) : nullptr;
    return !e.common() && (!st || st->mid_cap < 0 || st->mid_cap >= 800);
  };
  bool changed = false;
  for (std::size_t i = 0; i + 2 < n; ++i) {
    // Cheapest tests first: this runs for every token of every sentence.
    if (!sf.key_is(i + 1, "of") || !lex.in(name_list::event_word, sf.key(i)) || !cap(i)) continue;
    std::size_t first = i + 2;
    if (sf.key_is(first, "the")) ++first;
    if (!cap(first)) continue;
    // The name after "of": capitalised words, with "of" or "de" between them, up to the head of a
    // place ("after the Battle of Homildon Hill Douglas was a prisoner").
    std::size_t last = first;
    while (last + 1 < n && !(last > first && lex.in(name_list::place_word, sf.key(last))) &&
           (cap(last + 1) || ((sf.key_is(last + 1, "of") || sf.key_is(last + 1, "de")) && cap(last + 2))))
      last += cap(last + 1) ? 1 : 2;
    // Its head names something ("Utrecht", "Homildon Hill"; not "the War of the Spanish
    // Succession"), and a title leaves it to the model ("the Massacre of Saint Bartholomew").
    // (A regnal numeral is not the head: "the Trial of Charles I".)
    const std::size_t head =
        last > first && sf.key(last).find_first_not_of("ivxlc") == std::string::npos ? last - 1 : last;
    bool named = name_word(head);
    for (std::size_t k = first; k < head && !named; ++k)
      named = cap(k) && name_word(k) && lex.in(name_list::place_word, sf.key(head));
    if (!named || lex.in(name_list::title, sf.key(first))) continue;
    // Only over the model's readings: a gazetteer entry or another post-filter's span stays, and so
    // does a reading that begins before the event.
    bool blocked = false;
    for (const chosen_span& c : chosen)
      if (!(c.span.last < i || c.span.first > last) && (c.entry >= 0 || !c.why.empty() || c.span.first < i))
        blocked = true;
    if (blocked) continue;
    // A reading that runs past it keeps its own words after it ("after the Battle of Homildon Hill
    // Douglas was a prisoner": Douglas), typed as WordNet knows them, or dropped.
    std::vector<chosen_span> rest;
    for (const chosen_span& c : chosen)
      if (c.span.first >= i && c.span.first <= last && c.span.last > last && cap(last + 1)) {
        const std::string k = sf.span_key(last + 1, c.span.last);
        const char t = known_type(lex, k);
        if (t)
          rest.push_back({{last + 1, c.span.last,
                           t == 'p'   ? entity_type::person
                           : t == 'g' ? entity_type::group
                                      : entity_type::place},
                          -1,
                          std::string("WordNet: a ") +
                              (t == 'p'   ? "person"
                               : t == 'g' ? "group"
                                          : "place") +
                              " of that name"});
      }
    chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                                [&](const chosen_span& c) { return !(c.span.last < i || c.span.first > last); }),
                 chosen.end());
    chosen.insert(chosen.end(), rest.begin(), rest.end());
    const std::string key = sf.span_key(first, last);
    // A place unless WordNet knows the name only as a person or a group ("the Battle of Hastings"
    // is the town's, though WordNet's Hastings is first the statesman; "the Trial of Charles I").
    const name_entry e = lex.find(key);
    const char code = e.has('l') ? 'l' : known_type(lex, key);
    const entity_type type = code == 'p' || (code == 0 && given_name(lex, sf.key(first))) ? entity_type::person
                             : code == 'g'                                                ? entity_type::group
                                                                                          : entity_type::place;
    const token& a = piece.tokens[sf.token_index(i)];
    const token& b = piece.tokens[sf.token_index(last)];
    chosen.push_back({{first, last, type},
                      -1,
                      "named in the event '" + std::string(text.substr(a.begin, b.base_end - a.begin)) + "'"});
    changed = true;
    i = last;
  }
  if (changed) sort_by_start(chosen);
}

// Post-filter 19: a firm named by its partners. Newspapers, letters and memoirs name banks,
// publishers and merchants so ("Brown, Shipley & Co.", "Smith, Elder and Co.", "W. H. Smith &
// Son"); the model reads the partners as people and "Co." as one more. The partners: capitalised
// words (initials too), commas between them, back from "&" or "and" to a word that is no name
// (a form of address stays out: "Messrs." is no partner).
void labeller::read_firms(std::string_view text, const segmentation& piece, const sentence_features& sf,
                          const prepared_sentence& p, std::vector<chosen_span>& chosen) const {
  const name_lexicon& lex = *env_.lex;
  const std::size_t n = p.eligible.size();
  auto cap = [&](std::size_t i) { return i < n && capitalised_word(text, piece, sf, i); };
  bool changed = false;
  for (std::size_t k = 1; k + 1 < n; ++k) {
    // Cheapest tests first: this runs for every token of every sentence.
    const std::string& joint = sf.key(k);
    if (joint != "&"sv && joint != "and"sv) continue;
    const std::string& tail = sf.key(k + 1);
    if (!cap(k + 1)) continue;
    const bool firm = tail == "co."sv || tail == "co"sv || tail == "company"sv || tail == "sons"sv || tail == "son"sv ||
                      tail == "brothers"sv || tail == "bros."sv || tail == "bros"sv;
    // The firm's name ends at its tail: not "Smith and Sons of Liberty".
    if (firm && k + 2 < n && (cap(k + 2) || sf.key_is(k + 2, "of"))) continue;
    // Or a railway named by its towns: "the Chicago, Burlington & Quincy road", "the Baltimore and
    // Ohio Railroad", "the Atchison, Topeka & Santa Fe railway" (the head is the name's when
    // capitalised).
    std::size_t last = k + 1;
    if (!firm) {
      std::size_t t = k + 1;
      if (t + 1 < n && cap(t + 1) && !lex.in(name_list::function_word, sf.key(t + 1)) &&
          !sf.key_is(t + 1, "railroad") && !sf.key_is(t + 1, "railway") && !sf.key_is(t + 1, "road"))
        ++t;
      if (t + 1 >= n) continue;
      const std::string& head = sf.key(t + 1);
      if (head != "railroad"sv && head != "railway"sv && head != "road"sv && head != "r.r."sv && head != "r.r"sv &&
          head != "canal"sv)
        continue;
      last = cap(t + 1) ? t + 1 : t;
    }
    // A partner's word: capitalised, no function word, no title before a name ("Messrs. Brown";
    // "Smith, Elder and Co." has a partner Elder), and not a word WordNet knows only in lower case
    // where a capital proves nothing (a sentence's first word, a line of capitals: "PRINTED BY
    // WILLIAM CLOWES AND SONS").
    auto partner = [&](std::size_t j) {
      const std::string& w = sf.key(j);
      if (!cap(j) || w == "messrs."sv || w == "messrs"sv || lex.in(name_list::function_word, w) ||
          (title_word(w) && cap(j + 1)))
        return false;
      if (j != sf.first_word() && !sf.all_capitals()) return true;
      const name_entry e = lex.find(w);
      return e.proper() || !e.common();
    };
    if (!partner(k - 1)) continue;
    std::size_t first = k - 1;
    for (std::size_t words = 1; first > 0 && words < 6;) {
      const std::size_t j = first - 1;
      if (partner(j)) {
        first = j;
        ++words;
      } else if (sf.key_is(j, ",") && j > 0 && partner(j - 1)) {
        first = j - 1;
        ++words;
      } else {
        break;
      }
    }
    // A railway joined by "and" after "the" or a list: not "from Chicago and Quincy road".
    if (!firm && joint == "and"sv && first == k - 1 && (first == 0 || !sf.key_is(first - 1, "the"))) continue;
    // Only over the model's readings: a gazetteer entry stays.
    if (std::any_of(chosen.begin(), chosen.end(), [&](const chosen_span& c) {
          return c.entry >= 0 && !(c.span.last < first || c.span.first > last);
        }))
      continue;
    chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                                [&](const chosen_span& c) { return !(c.span.last < first || c.span.first > last); }),
                 chosen.end());
    chosen.push_back(
        {{first, last, entity_type::group},
         -1,
         firm ? "a firm named by its partners ('" + tail + "')" : std::string("a railway named by its towns")});
    changed = true;
    k = last;
  }
  if (changed) sort_by_start(chosen);
}

void labeller::apply_majority_readings(mention_list& found) const {
  struct tally {
    std::uint32_t read = 0;
    std::uint32_t by_type[3] = {};
    const found_mention* example = nullptr;
  };
  std::unordered_map<std::string, tally> reads;
  // Only the model's types: titles of works and ships (post-filter 10) are read where they stand.
  for (const auto& m : found)
    if (m.gazetteer_entry < 0 && modelled_type(m.type) && m.key.find(' ') == std::string::npos) {
      tally& t = reads[m.key];
      ++t.read;
      ++t.by_type[static_cast<int>(m.type)];
      if (!t.example) t.example = &m;
    }
  auto minority = [&](const std::string& key, const tally& t) {
    const standalone* sa = standalone_.find(key);
    if (sa && t.read * 2 < sa->count) return true;
    const doc_memory::counts* c = env_.doc ? env_.doc->find(key) : nullptr;
    return c && c->lower >= 20 && c->lower > 10 * t.read;
  };
  // The majority's other standalone occurrences, added with the key's most frequent type. Not
  // where a mention begins already: a post-filter may read a word after its occurrence was taken
  // down as unread ("the Amorites, Hittites, Perizzites, Hivites, and Jebusites", a list read
  // whole), and a mention counted twice made "Amorites" 122 mentions in 4 MB of the KJV, not 68.
  // (Where mentions begin, sorted: built at the first occurrence to add; a long book holds a
  // million mentions.)
  std::vector<std::size_t> begins;
  auto mentioned = [&](std::size_t begin) {
    if (begins.empty()) {
      begins.reserve(found.size());
      for (const auto& m : found) begins.push_back(m.begin);
      std::sort(begins.begin(), begins.end());
    }
    return std::binary_search(begins.begin(), begins.end(), begin);
  };
  const std::vector<const std::string*> by_id = standalone_keys();
  mention_list added;
  for (const occurrence& o : occurrences_) {
    if (o.read) continue;
    auto it = reads.find(*by_id[o.id]);
    if (it == reads.end() || minority(it->first, it->second) || mentioned(o.begin)) continue;
    const tally& t = it->second;
    int best = 0;
    for (int k = 1; k < 3; ++k)
      if (t.by_type[k] > t.by_type[best]) best = k;
    added.push_back(mention_at(o, it->first, static_cast<entity_type>(best),
                               "read as a name in most places where it stands capitalised"));
  }
  std::erase_if(found, [&](const found_mention& m) {
    if (m.gazetteer_entry >= 0 || !modelled_type(m.type) || m.key.find(' ') != std::string::npos) return false;
    auto it = reads.find(m.key);
    return it != reads.end() && minority(it->first, it->second);
  });
  for (auto& m : added) found.push_back(std::move(m));
}

std::vector<const std::string*> labeller::standalone_keys() const {
  std::vector<const std::string*> by_id(standalone_.size(), nullptr);
  standalone_.for_each([&](const std::string& key, const standalone& sa) { by_id[sa.id] = &key; });
  return by_id;
}

found_mention labeller::mention_at(const occurrence& o, const std::string& key, entity_type type, std::string why) {
  found_mention m;
  m.begin = m.name_begin = o.begin;
  m.end = o.end;
  m.sentence = o.sentence;
  m.block = o.block;
  m.paragraph = o.paragraph;
  m.block_kind = o.block_kind;
  m.key = key;
  m.type = type;
  m.reasons = {{std::move(why), 1.0f}};
  return m;
}

void labeller::name_families(mention_list& found) const {
  // Surnames: the last words of people's names of several words; and every word of a person's name.
  std::unordered_map<std::string, char> words;  // 's' a surname, 'p' a word of a person's name
  for (const found_mention& m : found) {
    if (m.type != entity_type::person) continue;
    const std::vector<std::string> w = split_words(m.key);
    for (const std::string& x : w) words.emplace(x, 'p');
    if (w.size() > 1) words[w.back()] = 's';
  }
  // The family a one-word key names, or "" ("bernoullis" -> bernoulli, "adamses" -> adams).
  auto family = [&](const std::string& key) -> std::string {
    if (key.size() < 4 || key.back() != 's' || key.find(' ') != std::string::npos || words.count(key) ||
        bare_address(key))
      return {};
    for (std::size_t cut : {std::size_t{1}, std::size_t{2}}) {
      if (cut == 2 && key.compare(key.size() - 2, 2, "es") != 0) continue;
      auto it = words.find(key.substr(0, key.size() - cut));
      // Not a title that ends a name ("the Red King", "the Black Prince": "Kings" are no family).
      // Nor the head of a place or an institution that ends an office read as a person ("Secretary
      // of State": "the States" are no family).
      if (it != words.end() && it->second == 's' && !env_.lex->in(name_list::title, it->first) &&
          !env_.lex->in(name_list::place_word, it->first) && !env_.lex->in(name_list::org_head, it->first))
        return it->first;
    }
    return {};
  };
  // The model reads a family as a person, or as a place where it holds land ("the Woodvilles",
  // "the Balliols").
  for (found_mention& m : found)
    if (m.gazetteer_entry < 0 && (m.type == entity_type::person || m.type == entity_type::place)) {
      if (m.type == entity_type::place && env_.lex->find(m.key).has('l')) continue;  // a place WordNet knows
      const std::string f = family(m.key);
      if (f.empty()) continue;
      m.type = entity_type::group;
      m.reasons = {{"the family of the name " + f, 1.0f}};
    }
  const std::vector<const std::string*> by_id = standalone_keys();
  for (const occurrence& o : occurrences_) {
    if (o.read) continue;
    const std::string f = family(*by_id[o.id]);
    if (!f.empty()) found.push_back(mention_at(o, *by_id[o.id], entity_type::group, "the family of the name " + f));
  }
}

void labeller::drop_common_word_people(mention_list& found) const {
  if (!env_.stats) return;  // the rule needs the corpus statistics
  std::erase_if(found, [&](const found_mention& m) {
    if (m.type != entity_type::person || m.gazetteer_entry >= 0 || m.key.empty()) return false;
    const std::size_t space = m.key.rfind(' ');
    const std::string last = space == std::string::npos ? m.key : m.key.substr(space + 1);
    const name_entry e = env_.lex->find(last);
    if (!e.common() || e.proper() || given_name(*env_.lex, last)) return false;
    // A given name or two initials before it make the common word a surname ("Carl Foreman",
    // "Fanny Blood", "J. P. True"; one initial may end a sentence: "with Mrs. H. School ended").
    if (space != std::string::npos) {
      const std::string first = m.key.substr(0, m.key.find(' '));
      if (given_name(*env_.lex, first)) return false;
      auto initial = [&](std::size_t at) {
        return at + 2 <= m.key.size() && m.key[at + 1] == '.' && std::isalpha(static_cast<unsigned char>(m.key[at])) &&
               (at + 2 == m.key.size() || m.key[at + 2] == ' ');
      };
      if (initial(0) && initial(3)) return false;
    }
    const lexicons::word_stat* w = env_.stats->find(last);
    return w && w->mid_cap >= 0 && w->mid_cap < 200;
  });
}

void extend_to_fuller_names(std::string_view text, mention_list& found) {
  // The first mention of each name of several words (the model's or a post-filter's, not the
  // gazetteer's), by its key.
  std::unordered_map<std::string, const found_mention*> fuller;
  for (const found_mention& m : found)
    if (m.gazetteer_entry < 0 && m.key.find(' ') != std::string::npos) fuller.try_emplace(m.key, &m);
  if (fuller.empty()) return;
  // Where mentions begin, sorted (an extended one may not run into one): built at the first
  // candidate; a long book holds a million mentions.
  std::vector<std::size_t> begins;
  std::vector<std::pair<std::size_t, const found_mention*>> grow;  // (index in found, its fuller name)
  std::string probe;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const found_mention& m = found[i];
    if (m.gazetteer_entry >= 0 || m.next_key.empty()) continue;
    probe.assign(m.key).append(1, ' ').append(m.next_key);
    auto it = fuller.find(probe);
    if (it == fuller.end() || it->second->type != m.type) continue;
    // The same words as written: "Boston Red Sox", not "Boston Red, Sox" nor a line's break.
    const found_mention& o = *it->second;
    const std::string_view name = text.substr(o.name_begin, o.end - o.name_begin);
    if (text.substr(m.name_begin, name.size()) != name) continue;
    const std::size_t end = m.name_begin + name.size();
    if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || (text[end] & 0x80))) continue;
    if (begins.empty()) {
      begins.reserve(found.size());
      for (const found_mention& f : found) begins.push_back(f.begin);
      std::sort(begins.begin(), begins.end());
    }
    auto next = std::upper_bound(begins.begin(), begins.end(), m.begin);
    if (next != begins.end() && *next < end) continue;
    grow.push_back({i, &o});
  }
  // Copied first: `fuller` points into `found`, whose mentions change here.
  std::vector<std::tuple<std::size_t, std::string, std::size_t>> keys;  // (index, fuller key, its length)
  for (const auto& [i, o] : grow) keys.emplace_back(i, o->key, o->end - o->name_begin);
  for (auto& [i, key, length] : keys) {
    found_mention& m = found[i];
    m.end = m.name_begin + length;
    m.key = std::move(key);
    m.next_key.clear();
  }
}

void split_side_by_side(std::string_view text, mention_list& found) {
  const name_lexicon& lex = name_lexicon::instance();
  std::unordered_map<std::string, std::uint32_t> people;  // mentions of each person's key
  std::unordered_map<std::string, std::uint32_t> places;  // and of each place's
  for (const found_mention& m : found) {
    if (m.type == entity_type::person && m.gazetteer_entry < 0) ++people[m.key];
    if (m.type == entity_type::place) ++places[m.key];
  }
  mention_list out;
  for (found_mention& m : found) {
    const bool candidate =
        m.type == entity_type::person && m.gazetteer_entry < 0 && m.key.find(' ') != std::string::npos;
    std::vector<std::string> words;
    bool apart = candidate;
    if (apart) {
      const std::uint32_t whole = people[m.key];
      words = split_words(m.key);
      for (const std::string& w : words) {
        auto it = people.find(w);
        apart = apart && it != people.end() && it->second >= 3 && it->second >= 3 * whole;
      }
      // A surname is seldom a given name: "John Adams" is one person however often "John" and
      // "Adams" stand alone; "Isaac Jacob" ends in a given name.
      apart = apart && !words.empty() && given_name(lex, words.back());
    }
    // A place before a person: "to reach Inverlochy Mackay had to march". A rare name of two
    // words, without a title, whose first word the document reads as a place at least twice and
    // never as a person (no given name, no person WordNet knows: "Washington Irving" stays one),
    // and whose second it reads as a person.
    bool place_first = false;
    if (candidate && !apart && m.titles.empty()) {
      words = split_words(m.key);
      if (words.size() == 2 && people[m.key] <= 2 && people.count(words[0]) == 0 && places[words[0]] >= 2 &&
          people.count(words[1]) != 0 && !given_name(lex, words[0]) && !lex.find(words[0]).has('p') &&
          !lex.find(words[0]).has('P'))
        apart = place_first = true;
    }
    // The words' bytes: the surface split at white space, one part per word of the key.
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    if (apart) {
      std::size_t i = m.name_begin;
      while (i < m.end) {
        while (i < m.end && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t j = i;
        while (j < m.end && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) parts.emplace_back(i, j);
        i = j;
      }
      apart = parts.size() == words.size();
    }
    if (!apart) {
      out.push_back(std::move(m));
      continue;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      found_mention p = m;
      p.begin = k == 0 ? m.begin : parts[k].first;  // the first keeps the titles before it
      p.name_begin = parts[k].first;
      p.end = parts[k].second;
      p.key = words[k];
      if (k > 0) p.titles.clear(), p.gender = 0;
      p.next_key = k + 1 < parts.size() ? words[k + 1] : m.next_key;
      if (place_first && k == 0) {
        p.type = entity_type::place;
        p.reasons = {{"read as a place " + std::to_string(places[words[k]]) + " times: names side by side", 1.0f}};
      } else {
        p.reasons = {{"named on its own " + std::to_string(people[words[k]]) + " times: names side by side", 1.0f}};
      }
      out.push_back(std::move(p));
    }
  }
  found = std::move(out);
}

}  // namespace histext::entities_detail
