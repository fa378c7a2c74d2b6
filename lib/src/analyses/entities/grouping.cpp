// Found mentions -> entities. The rules a historian expects of a list of people:
// - mentions with the same folded name are one cluster, typed by the sum of their margins (a
//   post-filter's reading from the name's own context wins a tie);
// - a short form joins a fuller name that contains it only when exactly one fuller name fits
//   (two Josephs: "Joseph" stays apart), and never across a gendered form of address that
//   disagrees ("Mrs. Adams" does not join "John Adams" unless that name is a woman's too), nor a
//   name with a doctor's title, a rank or an office joins the one Mrs. or Miss of that name
//   ("President Lincoln" is not "Mrs. Lincoln");
// - names standing side by side are never merged (the decoder keeps them apart, post-filter 8
//   splits them, and a frequent short form never joins a rare fuller name whose other words name
//   a person of their own: "he gave Moses Zipporah his daughter");
// - a short form with a sovereign's or a saint's title joins only a fuller name with one too
//   or a regnal numeral ("King John" is not John Ball; "King Charles" is Charles II);
// - a title alone is no short form ("the President", "the President of the United States");
// - a word used three times as often alone as the fuller name whose middle word it is stays apart
//   ("Chao" is not his daughter "Rulan Chao Pian");
// - a short form after "of" is not the fuller name ("Abraham", "the God of Abraham"), unless a
//   peer's ("Monmouth" is the Duke of Monmouth), nor a given name used more than ten times as
//   often as the one fuller name it begins or ends ("Mary", "Mary Finch"; "David", "Shimea David");
// - a one-word place read where the text names a peer of that title is the peer ("Albany was
//   Governor": the Duke of Albany; "Melbourne": Lord Melbourne), unless it is a country or a region
//   or a fifth of its mentions stand after a preposition of place (peer_by_place);
// - a one-word person with no title, no given name, that stands after "at", "in", "into", "near" or
//   "within" twice and in an eighth of its mentions is a place ("at Leith"; post-filter 5);
// - the canonical name is never one written in capitals when the text writes it otherwise;
// - the canonical name is the fullest form (a person's epithet after "the" not counted: "Aaron
//   the Levite" is an alias of Aaron), and of forms equally full the one the text writes most
//   ("Peter the Great" twice over "Tsar Peter" once); titles and short forms are aliases;
// - white space is collapsed and line-end hyphens are joined in names and aliases;
// - the gazetteer's entries gather all their aliases, under the historian's name;
// - a name misread from old print ("Rufsell") joins the name so read with a long s (Russell).
#include "analyses/entities/grouping.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "analyses/entities/gazetteer.hpp"
#include "analyses/entities/recognizer.hpp"
#include "analyses/entities/word_facts.hpp"
#include "common/text_util.hpp"
#include "lexicons/word_stats.hpp"
#include "lexicons/wordlist.hpp"
#include "segmentation/dehyphenate.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

namespace {

// Whether a one-word place read where a peer of that title is named is the peer: not a country
// or a region, whose dukes and electors are named after it ("the Duke of Saxony" beside the
// Saxony an army marches into), and not when a fifth of its mentions or more stand after a
// preposition of place ("Lord Derby rode to Derby"; "came to Orleans"), nor when named once. Albany, Melbourne and
// Sunderland are the peers of political histories oftener than the towns.
bool peer_by_place(const name_lexicon& lex, const std::string& key, int located, std::size_t mentions) {
  // (Once is no habit: "the Marquis of Newcastle ... garrisoned York, Carlisle, Newcastle".)
  if (mentions < 2 || 5 * static_cast<std::size_t>(located) >= mentions) return false;
  const std::string_view ev = lex.find(key).evidence;
  for (std::string_view region : {"country", "state", "region", "area", "kingdom", "empire", "province", "duchy"})
    if (ev.size() >= region.size() && ev.substr(ev.size() - region.size()) == region) return false;
  return true;
}

}  // namespace

std::string clean_name(std::string_view s) {
  // "Rus-\nsia" -> "Russia": a hyphen at a line end before a lower-case letter joins the word;
  // "Philadel- phia", a line end an OCR engine turned into a space, joins as the segmenter joins
  // it (joins_without_hyphen: only into a known word).
  std::string joined;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-' && i > 0 && std::isalpha(static_cast<unsigned char>(s[i - 1]))) {
      std::size_t j = i + 1;
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
      const bool line_end = j < s.size() && s[j] == '\n';
      if (line_end) {
        ++j;
        while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
      }
      if ((line_end || j > i + 1) && j < s.size() && s[j] >= 'a' && s[j] <= 'z') {
        std::size_t b = joined.size(), e = j;
        while (b > 0 && std::isalpha(static_cast<unsigned char>(joined[b - 1]))) --b;
        while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
        std::string before = joined.substr(b), after(s.substr(j, e - j));
        for (char& ch : before) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        // At a line end always: a name broken into two words ("Bran-\ndon") is still one name.
        if (line_end || joins_without_hyphen(before, after, false)) {
          i = j - 1;
          continue;
        }
      }
    }
    if (s[i] == '_') continue;  // the italics of plain-text editions ("_Lord_ Brabourne")
    // "Washing\nton" -> "Washington": a name whose hyphen OCR lost, as the segmenter joins it.
    if ((s[i] == '\n' || s[i] == '\r') && !joined.empty() && std::isalpha(static_cast<unsigned char>(joined.back()))) {
      std::size_t j = i;
      while (j < s.size() && (s[j] == '\n' || s[j] == '\r' || s[j] == ' ' || s[j] == '\t')) ++j;
      std::size_t b = joined.size(), e = j;
      while (b > 0 && std::isalpha(static_cast<unsigned char>(joined[b - 1]))) --b;
      while (e < s.size() && std::isalpha(static_cast<unsigned char>(s[e]))) ++e;
      if (j < s.size() && s[j] >= 'a' && s[j] <= 'z' && std::isupper(static_cast<unsigned char>(joined[b]))) {
        std::string before = joined.substr(b);
        for (char& ch : before) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (joins_broken_name(before, s.substr(j, e - j))) {
          i = j - 1;
          continue;
        }
      }
    }
    joined += s[i];
  }
  return collapse_space(joined);
}

namespace {

// How full a name is, for the choice of the canonical name: its words, but for a person not an
// epithet after "the" ("Aaron the Levite", "John the Baptist" are aliases of Aaron and John),
// which a regnal number is not ("Nicholas the First").
std::size_t name_words(const std::string& key, entity_type type) {
  const std::vector<std::string> words = split_words(key);
  if (type != entity_type::person) return words.size();
  // Nor a place after a full name ("Edward Gibbon of West Cliff" is Edward Gibbon; "Robert of
  // Normandy" and "Joan of Arc" are named by it).
  for (std::size_t k = 2; k + 1 < words.size(); ++k)
    if (words[k] == "of"sv) return k;
  for (std::size_t k = 1; k + 1 < words.size(); ++k)
    if (words[k] == "the"sv && !regnal_ordinal(words[k + 1])) return k;
  return words.size();
}

}  // namespace

std::vector<entity> group_mentions(std::string_view text, mention_list ms, const gazetteer* gaz,
                                   const exclude_list* exclude) {
  std::stable_sort(ms.begin(), ms.end(), [](const found_mention& x, const found_mention& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  const int n_types = 3;  // the model's types: person, group, place
  const name_lexicon& lex = name_lexicon::instance();
  struct cluster {
    std::string key;
    std::vector<std::string> words;
    std::vector<std::size_t> members;
    float votes[5] = {};                      // by entity_type: works and ships have clusters of their own
    int female = 0, male = 0, unmarried = 0;  // mentions with "Mrs.", "Mr.", "Miss" before them
    int sovereign = 0;                        // mentions with a sovereign's or a saint's title ("King John")
    int located = 0;                          // mentions after a preposition of place ("at Albany")
    int placed = 0;                           // mentions after "at", "in", "into", "near", "within" (not possessive)
    int who = 0, which = 0;                   // mentions before ", who" and before ", which"
    int beside_places = 0;                    // mentions next to a place's name past a comma
    int learned = 0;                          // mentions with "Dr.", "Professor" or "Rev." before them
    int ranked = 0;                           // mentions with a rank or an office ("President", "General")
    int peer = 0;                             // mentions with a peer's title ("Lord Aberdeen")
    long gazetteer_entry = -1;
    int type() const {
      int b = 0;
      for (int t = 1; t < 5; ++t)
        if (votes[t] > votes[b]) b = t;
      return b;
    }
    // 'f' (Mrs.), 'm' (Mr.), 'u' (Miss): the address most of its mentions have, or 0.
    char gender() const {
      if (unmarried > female && unmarried > male) return 'u';
      return female > male ? 'f' : male > female ? 'm' : 0;
    }
  };
  std::vector<cluster> cl;
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const found_mention& m = ms[i];
    // A gazetteer entry is one cluster whatever alias matched.
    // Mr. and Mrs. Gladstone are two people: a gendered form of address is part of the cluster key.
    // A title of a work or a ship's name is a cluster of its own ("Belle" the film, Belle the woman).
    std::string ck = m.gazetteer_entry >= 0   ? "\x01gazetteer " + std::to_string(m.gazetteer_entry)
                     : !modelled_type(m.type) ? "\x03" + std::string(to_string(m.type)) + ' ' + m.key
                     : m.gender               ? m.key + '\x02' + m.gender
                                              : m.key;
    auto it = by_key.find(ck);
    if (it == by_key.end()) {
      it = by_key.emplace(ck, cl.size()).first;
      cluster c;
      c.key = m.key;
      c.words = split_words(m.key);
      c.gazetteer_entry = m.gazetteer_entry;
      cl.push_back(std::move(c));
    }
    cluster& c = cl[it->second];
    c.members.push_back(i);
    // Each mention votes for its type; a mention without a computed margin counts as one. A
    // post-filter's reading from the name's own context counts a hair more than the model's surest,
    // so that it wins a tie ("Teotihuacan was located about" against one "ties to Teotihuacan").
    c.votes[static_cast<int>(m.type)] +=
        1.0f + std::max(0.0f, std::min(m.margin, 10.0f)) / 10.0f + (m.by_rule ? 0.01f : 0.0f);
    c.female += m.gender == 'f';
    c.male += m.gender == 'm';
    c.unmarried += m.gender == 'u';
    c.located += m.place_before != place_none;
    c.who += m.relative_after == relative_who;
    c.which += m.relative_after == relative_which;
    c.beside_places += m.beside_place;
    c.placed += m.place_before == place_at &&
                !(m.end < text.size() && (text[m.end] == '\'' || text.substr(m.end, 3) == "\u2019"sv));
    c.learned += std::any_of(m.titles.begin(), m.titles.end(), [](const std::string& t) {
      return t == "dr"sv || t == "dr."sv || t == "doctor"sv || t == "professor"sv || t == "prof"sv || t == "prof."sv ||
             t == "rev"sv || t == "rev."sv || t == "reverend"sv;
    });
    c.ranked += std::any_of(m.titles.begin(), m.titles.end(), [](const std::string& t) {
      static const char* const ranks[] = {"president", "general", "gen.",    "colonel",    "col.",     "major",
                                          "captain",   "capt.",   "admiral", "commodore",  "governor", "gov.",
                                          "senator",   "judge",   "justice", "chancellor", "mayor",    "sheriff"};
      return std::any_of(std::begin(ranks), std::end(ranks), [&](const char* r) { return t == r; });
    });
    c.peer += std::any_of(m.titles.begin(), m.titles.end(),
                          [](const std::string& t) { return t == "lord"sv || peerage_title(t); });
    c.sovereign +=
        std::any_of(m.titles.begin(), m.titles.end(), [](const std::string& t) { return sovereign_title(t); });
  }
  const int person = static_cast<int>(entity_type::person);
  // Mentions of each name, with or without a form of address ("Miss Mary" and "Mary" are one
  // name used 70 times, whichever of them joins a fuller name).
  std::unordered_map<std::string, std::size_t> key_mentions;
  for (const cluster& c : cl) key_mentions[c.key] += c.members.size();
  // Short forms: the fuller clusters that contain a cluster's words.
  std::unordered_map<std::string, std::vector<std::size_t>> by_word;
  for (std::size_t i = 0; i < cl.size(); ++i)
    if (cl[i].words.size() > 1 && cl[i].gazetteer_entry < 0) {
      std::set<std::string> seen(cl[i].words.begin(), cl[i].words.end());
      for (const auto& w : seen) by_word[w].push_back(i);
    }
  std::vector<std::size_t> parent(cl.size());
  for (std::size_t i = 0; i < cl.size(); ++i) parent[i] = i;
  // Old print misread: a name with an 'f' for a long s joins the name so read, when the text has
  // it with the same type ("Rufsell", "Ruffell" -> Russell), and never names the entity.
  std::vector<char> misread(cl.size(), 0);
  for (std::size_t i = 0; i < cl.size(); ++i) {
    if (cl[i].gazetteer_entry >= 0) continue;
    for (const std::string& r : long_s_readings(cl[i].key)) {
      auto it = by_key.find(r);
      if (it == by_key.end() || it->second == i || cl[it->second].type() != cl[i].type()) continue;
      parent[i] = it->second;
      misread[i] = 1;
      break;
    }
  }
  // A bare "Gladstone" joins the one gendered Gladstone of the text; with a Mr. and a Mrs. (or a
  // Mrs. and a Miss) it stays apart (it could be either).
  std::vector<char> gendered_join(cl.size(), 0);
  // Short forms that joined a peer though read as a place: their mentions count as his.
  std::vector<char> peer_join(cl.size(), 0);
  for (std::size_t i = 0; i < cl.size(); ++i) {
    if (misread[i] || cl[i].gazetteer_entry >= 0 || cl[i].female || cl[i].male || cl[i].unmarried ||
        cl[i].type() >= n_types)
      continue;
    // (One character at a time: "\x02f" would read as the single character 0x2f.)
    std::size_t found = 0, which = 0;
    for (char g : {'f', 'm', 'u'})
      if (auto it = by_key.find(cl[i].key + '\x02' + g); it != by_key.end()) ++found, which = it->second;
    // Of the same type: a "Washington" read as a place is not General Washington. But a peer is
    // called by his title's place: "Melbourne" read as a place is Lord Melbourne (peer_by_place).
    if (found != 1) continue;
    // A doctor, a professor or a reverend is not the one Mrs. or Miss of that name: "Dr. Raymond"
    // and "Mrs. Raymond" are husband and wife oftener than one woman; nor is a president, a
    // general or a judge ("President Lincoln" and "Mrs. Lincoln", in the history this tool reads).
    if ((cl[i].learned > 0 || cl[i].ranked > 0) && (cl[which].gender() == 'f' || cl[which].gender() == 'u')) continue;
    const bool peer_place = cl[which].peer > 0 && cl[which].type() == person &&
                            cl[i].type() == static_cast<int>(entity_type::place) &&
                            peer_by_place(lex, cl[i].key, cl[i].located, cl[i].members.size());
    if (cl[which].type() != cl[i].type() && !peer_place) continue;
    peer_join[i] = peer_place;
    parent[i] = which;
    gendered_join[i] = 1;
  }
  for (std::size_t i = 0; i < cl.size(); ++i) {
    if (misread[i] || gendered_join[i] || cl[i].gazetteer_entry >= 0 || cl[i].words.empty()) continue;
    const auto& sw = cl[i].words;
    const int ti = cl[i].type();
    auto bw_it = by_word.find(sw[0]);
    if (bw_it == by_word.end()) continue;
    // A title alone is no short form of a name ("the Marquis" is not the one Marquis de Ligurie).
    if (sw.size() == 1 && lex.in(name_list::title, sw[0])) continue;
    std::vector<std::size_t> fits;
    for (std::size_t j : bw_it->second) {
      if (j == i || cl[j].words.size() <= sw.size()) continue;
      const int tj = cl[j].type();
      const auto& bw = cl[j].words;
      // "Duke of Monmouth" for "Monmouth": a peer is called by his title's place.
      const bool peer_title =
          sw.size() == 1 && bw.size() == 3 && bw[1] == "of"sv && bw[2] == sw[0] && peerage_title(bw[0]);
      // Even where the model read the place: "Albany was Governor" is the Duke of Albany (peer_by_place).
      const bool peer_of = peer_title && tj == person && ti == static_cast<int>(entity_type::place) &&
                           peer_by_place(lex, sw[0], cl[i].located, cl[i].members.size());
      if (ti != tj && !peer_of) continue;
      // A place or group known by itself ("Texas") stays apart from a longer name that holds it
      // ("University of Texas"): only people's short forms join.
      if (tj != person) continue;
      const bool match =
          contains_words(bw, sw) || (sw.size() >= 2 && sw.front() == bw.front() && sw.back() == bw.back());
      if (!match) continue;
      // A given name used far more often than the one fuller name that holds it names several
      // people ("Mary" 71 times, "Mary Finch" once, in a family's letters), or stood beside
      // another name ("the son of Shimea David's brother": David 1,000 times).
      // (A given name: first in the fuller name, or known as one.)
      const bool given = sw.size() == 1 && (bw.front() == sw[0] || given_name(lex, sw[0]));
      if (given && key_mentions[cl[i].key] > 10 * cl[j].members.size()) continue;
      // "Abraham" is not "the God of Abraham": a short form after "of" names another. But a peer
      // is called by his title's place: "Monmouth" is the Duke of Monmouth, "Argyle" the Earl.
      // (Past a "the": "Kirk" is not "the Commissioner of the General Assembly of the Kirk".)
      const auto at = std::search(bw.begin(), bw.end(), sw.begin(), sw.end());
      const bool after_the_of = at != bw.end() && at - bw.begin() >= 2 && *(at - 1) == "the"sv && *(at - 2) == "of"sv;
      if (after_the_of) continue;
      if (at != bw.end() && at != bw.begin() && *(at - 1) == "of"sv && !peer_title) continue;
      // A word used far more often alone than the rarer fuller name whose middle it is names
      // someone else: a family's name ("Chao", the subject of a life, is not his daughter "Rulan
      // Chao Pian"; "Todd" is not "Mary Todd Lincoln").
      // (The name ends before "of" or an epithet: "Bruce" is "James Bruce of Kinnaird"; and a
      // title first is no given name: "Captain the Honourable Sir Gervas Jerome".)
      if (sw.size() == 1 && bw.front() != sw[0] && !lex.in(name_list::title, bw.front()) &&
          cl[i].members.size() >= 3 * cl[j].members.size() && [&] {
            const auto end = bw.begin() + static_cast<std::ptrdiff_t>(name_words(cl[j].key, entity_type::person));
            return *(end - 1) != sw[0] && std::find(bw.begin(), end, sw[0]) != end;
          }())
        continue;
      // A rare fuller form whose other words are a person named on their own is two people side
      // by side ("he gave Moses Zipporah his daughter"): the frequent given name stays apart (a
      // surname joins: "Moreau" is Jeanne Moreau, though "Jeanne" stands alone too).
      if (given && cl[i].members.size() >= 3 * cl[j].members.size()) {
        bool other_person = false;
        for (const auto& w : bw) {
          if (std::find(sw.begin(), sw.end(), w) != sw.end()) continue;
          auto one = by_key.find(w);
          other_person |= one != by_key.end() && cl[one->second].type() == person;
        }
        if (other_person) continue;
      }
      // Kings, popes and saints are known by a given name alone: "King John" is not John Ball, nor
      // "Queen Elizabeth" Elizabeth Bennet, unless the fuller name has such a title too.
      // A quarter of the short form's mentions with such a title make it a sovereign's (one ironic
      // "King Pym" does not); a regnal numeral or an epithet makes the fuller name one ("King
      // Charles" is Charles II and Charles the Second, "King Ethelred" Ethelred the Unready).
      const std::string& last = cl[j].words.back();
      const bool regnal =
          last.find_first_not_of("ivx") == std::string::npos || std::find(bw.begin(), bw.end(), "the") != bw.end();
      if (4 * cl[i].sovereign >= static_cast<int>(cl[i].members.size()) && !cl[j].sovereign && !regnal) continue;
      const char gi = cl[i].gender(), gj = cl[j].gender();
      if (gi && gj && gi != gj) continue;
      if ((gi == 'f' || gi == 'u') && gj != gi) continue;  // "Mrs. Adams" is not "John Adams"
      // Nor is "Mr. Bingley" the woman of "Caroline Bingley", nor a bare "Bingley" where the
      // document has a Mr. Bingley too (Pride and Prejudice: 218 mentions of the brother had
      // joined his sister's name).
      if (gj != 'f' && gj != 'u' && female_given_name(bw.front()) &&
          (gi == 'm' || (gi == 0 && by_key.count(cl[i].key + '\x02' + 'm') != 0)))
        continue;
      fits.push_back(j);
    }
    if (fits.empty()) continue;
    // Unambiguous only when every fit is a part of the fullest one ("Joseph" -> "Joseph Stalin"
    // and "Joseph Vissarionovich Stalin" are one person; "Joseph Smith" makes it ambiguous).
    std::size_t full = fits[0];
    for (std::size_t j : fits)
      if (cl[j].words.size() > cl[full].words.size() ||
          (cl[j].words.size() == cl[full].words.size() && cl[j].members.size() > cl[full].members.size()))
        full = j;
    bool ambiguous = false;
    for (std::size_t j : fits)
      if (j != full && !contains_words(cl[full].words, cl[j].words) &&
          !(cl[j].words.front() == cl[full].words.front() && cl[j].words.back() == cl[full].words.back()))
        ambiguous = true;
    if (!ambiguous) {
      parent[i] = full;
      peer_join[i] = cl[i].type() != cl[full].type();
    }
  }
  auto root = [&](std::size_t i) {
    for (int guard = 0; parent[i] != i && guard < 64; ++guard) i = parent[i];
    return i;
  };
  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < cl.size(); ++i) groups[root(i)].push_back(i);

  // The last words of the names of several words: their type when every such place or group
  // agrees, and whether some person's name ends so ("William Temple" beside "the Inner Temple").
  std::unordered_map<std::string, int> head_type;  // -1: places and groups disagree
  std::set<std::string> person_heads, person_firsts;
  // The towns of "Stepney parish", "Halifax township", "Cook county": the first word of a place
  // of two words whose second is a settlement's.
  std::map<std::string, std::string> settlements;  // "stepney" -> "parish"
  // The schools of "Tsinghua University", "Balliol College": the first word of a group of two words
  // whose second is a school's.
  std::map<std::string, std::string> schools;  // "tsinghua" -> "university"
  for (const cluster& c : cl) {
    if (c.words.size() < 2 || c.gazetteer_entry >= 0) continue;
    const int t = c.type();
    static const char* const learning[] = {"university", "college", "academy", "seminary", "institute"};
    if (c.words.size() == 2 && t == static_cast<int>(entity_type::group) &&
        std::any_of(std::begin(learning), std::end(learning), [&](const char* k) { return c.words[1] == k; }))
      schools.emplace(c.words[0], c.words[1]);
    static const char* const kinds[] = {"parish", "county", "township", "borough", "ward", "hundred", "churchyard"};
    if (c.words.size() == 2 && t == static_cast<int>(entity_type::place) &&
        std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return c.words[1] == k; }))
      settlements.emplace(c.words[0], c.words[1]);
    if (t == person) {
      person_heads.insert(c.words.back());
      person_firsts.insert(c.words.front());
    } else if (t == static_cast<int>(entity_type::place) || t == static_cast<int>(entity_type::group)) {
      auto [it, fresh] = head_type.emplace(c.words.back(), t);
      if (!fresh && it->second != t) it->second = -1;
    }
  }
  std::vector<std::pair<std::size_t, entity>> out;
  std::vector<char> genders;  // of each entity's root cluster, aligned with out
  for (auto& [r, members] : groups) {
    entity e;
    float votes[5] = {};
    std::vector<std::size_t> idx;
    std::set<std::size_t> misread_mentions;
    for (auto c : members) {
      for (int t = 0; t < 5; ++t) votes[peer_join[c] ? person : t] += cl[c].votes[t];
      idx.insert(idx.end(), cl[c].members.begin(), cl[c].members.end());
      if (misread[c]) misread_mentions.insert(cl[c].members.begin(), cl[c].members.end());
    }
    int bt = cl[r].type();
    std::string retyped_why;  // the reason a post-filter gives for a type of its own, if any
    if (cl[r].gazetteer_entry < 0 && members.size() > 1) {
      bt = 0;
      for (int t = 1; t < 5; ++t)
        if (votes[t] > votes[bt]) bt = t;
    }
    // Post-filter 5: a person that WordNet knows only as a place is a place ("Madrid",
    // "Heidelberg"), and a place it knows only as a person is a person.
    if (cl[r].gazetteer_entry < 0) {
      const name_entry le = lex.find(cl[r].key);
      char only = 0;
      bool mixed = false;
      for (char c : le.codes) {
        const char k = c == 'l' ? 'l' : (c == 'p' || c == 'P') ? 'p' : c == 'g' ? 'g' : c == 'o' ? 'o' : 0;
        if (!k) continue;
        if (only && k != only) mixed = true;
        only = k;
      }
      // Only between people and places: a town may well stand for its team or its university.
      const int place = static_cast<int>(entity_type::place);
      // Not a person with a title or a form of address ("Lady Cork", "Lord Rochester").
      const bool titled = std::any_of(idx.begin(), idx.end(), [&](std::size_t k) { return !ms[k].titles.empty(); });
      // Not a given name that begins a person's name in the document: "Charlotte" beside
      // "Charlotte Lucas" (WordNet knows only the city; 77 mentions in Pride and Prejudice).
      const bool first_name = given_name(lex, cl[r].key) && person_firsts.count(cl[r].key) != 0;
      if (!mixed && only == 'l' && bt == person && !titled && !first_name) bt = place;
      // (Not a saint's name read as a place: "St. James's" is the palace, though WordNet knows only
      // the apostle; nor a town listed with towns: "marched to Northampton, Coventry, and Warwick";
      // nor a town before its state: "Quincy, Massachusetts".)
      const bool saints = std::any_of(idx.begin(), idx.end(), [&](std::size_t k) {
        return !ms[k].reasons.empty() &&
               (ms[k].reasons[0].first == saint_place_reason || ms[k].reasons[0].first == listed_place_reason ||
                ms[k].reasons[0].first == town_of_state_reason);
      });
      if (!mixed && only == 'p' && bt == place && !saints) bt = person;
      // A group named by a plural that WordNet does not know, whose singular it knows only as a
      // place, is those places ("the Americas", "the two Sicilies"; not "the Washingtons", a
      // family: WordNet knows a person Washington; nor "the family of the Souths": a common word).
      if (bt == static_cast<int>(entity_type::group) && cl[r].words.size() == 1 && !le.found() &&
          cl[r].key.size() > 3 && cl[r].key.back() == 's') {
        for (const std::string& one : singular_forms(cl[r].key)) {
          const name_entry se = lex.find(one);
          if (se.found() && se.proper() == 'l' && !se.common() && !se.has('p') && !se.has('P') && !se.has('g') &&
              !se.has('A')) {
            bt = place;
            retyped_why = "the plural of '" + one + "', which WordNet knows only as a place";
            break;
          }
        }
      }
      // A one-word person whose name the document gives a place as a settlement's is that place:
      // "Shoreditch" beside "Shoreditch parish" (Defoe's parishes). No title, no given name, and
      // no person WordNet knows ("Cook county" leaves Captain Cook a person).
      if (auto st = settlements.find(cl[r].key); bt == person && cl[r].words.size() == 1 && !titled &&
                                                 st != settlements.end() && !given_name(lex, cl[r].key) &&
                                                 le.proper() != 'p' && le.proper() != 'P') {
        bt = place;
        retyped_why = "a place, as in '" + cl[r].key + " " + st->second + "' elsewhere in the document";
      }
      // The first word of a school's name that the document gives in full, alone, read as a place
      // where WordNet knows no place of that name, is the school: "teaching at Tsinghua" beside
      // "Tsinghua University" ("at Oxford" stays the town: WordNet knows it).
      if (auto sc = schools.find(cl[r].key); bt == place && cl[r].words.size() == 1 && !titled && sc != schools.end() &&
                                             !le.has('l') && !given_name(lex, cl[r].key)) {
        bt = static_cast<int>(entity_type::group);
        retyped_why = "a school, as in '" + cl[r].key + " " + sc->second + "' elsewhere in the document";
      }
      // The head of a place's or an institution's name that the document gives in full, alone,
      // read as a person: "the Lodge" beside "Holland Lodge" (WordNet knows a physicist Lodge).
      // A common word, no given name, no title, and no person's name in the document ends so.
      if (bt == person && cl[r].words.size() == 1 && !titled && le.common() && !given_name(lex, cl[r].key) &&
          !person_heads.count(cl[r].key)) {
        auto h = head_type.find(cl[r].key);
        if (h != head_type.end() && h->second >= 0) {
          bt = h->second;
          retyped_why = "the last word of a name the document gives in full, read there as a " +
                        std::string(to_string(static_cast<entity_type>(bt)));
        }
      }
      int placed = 0, beside = 0;
      for (auto c : members) placed += cl[c].placed, beside += cl[c].beside_places;
      // And a given name that begins a person's name in the document, read as a place or a group,
      // is that person's where it seldom stands after "at", "in", "into", "near" or "within":
      // "Charlotte" beside "Charlotte Lucas" (the model read the city, 77 times in Pride and
      // Prejudice), "Ida" beside "Miss Ida Greyson" (WordNet's IDA is an agency).
      if ((bt == place || bt == static_cast<int>(entity_type::group)) && cl[r].words.size() == 1 && first_name &&
          8 * static_cast<std::size_t>(placed) < idx.size()) {
        bt = person;
        retyped_why = "a given name that begins a person's name in the document";
      }
      // Where it stands: a one-word person no mention gives a title, no given name and no person
      // WordNet knows, that stands after "at", "in", "into", "near" or "within" in at least an
      // eighth of its mentions, is a place ("at Leith", "in Holyrood", "into Alhama": the
      // prediction history can carry a town's first reading as a person through a whole book).
      // So does an address: a name that stands next to places past a comma in at least half of its
      // mentions, twice or more ("Godmersham Park, Faversham, Kent", at the head of 30 letters).
      if (beside >= 2 && 2 * static_cast<std::size_t>(beside) >= idx.size()) placed = std::max<int>(placed, beside);
      if (bt == person && cl[r].words.size() == 1 && !titled && !given_name(lex, cl[r].key) && le.proper() != 'p' &&
          le.proper() != 'P' && placed >= 1 && 8 * static_cast<std::size_t>(placed) >= idx.size())
        bt = place;
    }
    // "Argyle, who is represented as remarkably tenacious": a one-word group that a mention
    // follows with "who", and none with "which", is a person (the model had read "Argyle's
    // counsel" as a clan's). Not a plural ("the Whigs, who"), a body's head or a common word that
    // British English gives "who" ("the Council, who were"), nor a group or place WordNet knows.
    if (bt == static_cast<int>(entity_type::group) && cl[r].gazetteer_entry < 0 && cl[r].words.size() == 1) {
      int who = 0, which = 0;
      for (auto c : members) who += cl[c].who, which += cl[c].which;
      const std::string& k = cl[r].key;
      const name_entry le = lex.find(k);
      // (A common word only when historical English capitalises it: "argyle" is a pattern of socks.)
      auto name_word = [&] {
        if (!le.common()) return true;
        const lexicons::word_stat* st = lexicons::word_stats::instance().find(k);
        return st && st->mid_cap >= 900;
      };
      if (who > 0 && which == 0 && k.size() > 2 && k.back() != 's' && !le.has('g') && !le.has('l') &&
          lex.lists(k) == 0 && name_word())
        bt = person;
    }
    e.type = static_cast<entity_type>(bt);
    std::sort(idx.begin(), idx.end());
    std::string best_name;
    std::size_t best_words = 0;
    bool best_misread = false;
    std::set<std::string> aliases;
    std::map<std::string, float> reasons;
    auto shouted = [](const std::string& x) {
      return std::none_of(x.begin(), x.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    };
    // How often the text writes each form: of two names equally full, the one it uses more is the
    // name ("Tsar Peter" once, "Peter the Great" twice: Peter the Great; "Aaron" over "Aaron the
    // Levite"). The first written breaks a tie.
    std::vector<std::string> names;
    names.reserve(idx.size());
    std::unordered_map<std::string_view, int> written;
    for (auto i : idx) names.push_back(clean_name(text.substr(ms[i].name_begin, ms[i].end - ms[i].name_begin)));
    for (const std::string& n : names) ++written[n];
    auto times = [&](const std::string& n) {
      const auto it = written.find(n);
      return it == written.end() ? 0 : it->second;
    };
    for (std::size_t x = 0; x < idx.size(); ++x) {
      const auto i = idx[x];
      const found_mention& m = ms[i];
      entity_mention em;
      em.begin = m.begin;
      em.end = m.end;
      em.sentence = m.sentence;
      em.block = m.block;
      em.paragraph = m.paragraph;
      em.block_kind = m.block_kind;
      em.text = std::string(text.substr(m.begin, m.end - m.begin));
      const std::string& name = names[x];
      const std::size_t nw = name_words(m.key, m.type);
      // The fullest name, but one written in capitals ("JOHN MARCHES INTO THE NIGHT", a heading)
      // only when the text never writes the name otherwise.
      const bool loud = shouted(name), best_loud = shouted(best_name), bad = misread_mentions.count(i) != 0;
      if (best_name.empty() || (best_misread && !bad) ||
          (bad == best_misread &&
           ((best_loud && !loud) ||
            (loud == best_loud && (nw > best_words || (nw == best_words && times(name) > times(best_name))))))) {
        best_misread = bad;
        best_words = nw;
        best_name = name;
      }
      aliases.insert(clean_name(em.text));
      aliases.insert(name);
      if (static_cast<int>(m.type) == bt)
        for (const auto& [words, share] : m.reasons) reasons[words] += share;
      e.mentions.push_back(std::move(em));
    }
    if (gaz && cl[r].gazetteer_entry >= 0) {
      best_name = gaz->entries()[static_cast<std::size_t>(cl[r].gazetteer_entry)].name;
      e.evidence.push_back("gazetteer: " + gaz->source());
    }
    e.name = clean_name(best_name);
    // Evidence: the features that most favoured this reading, then what the lexicon knows.
    if (!retyped_why.empty()) e.evidence.push_back(retyped_why);
    std::vector<std::pair<std::string, float>> rs(reasons.begin(), reasons.end());
    std::stable_sort(rs.begin(), rs.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    for (std::size_t k = 0; k < rs.size() && k < 3; ++k) e.evidence.push_back(rs[k].first);
    // Only a fact of the entity's own type: "Joan of Arc", a painting, is no "instance of military
    // leader", nor the town Quincy an "instance of American Revolutionary leader". (WordNet's fact
    // is about the first capitalised sense; a group may be a people, a kind of person.)
    name_entry le = lex.find(cl[r].key);
    const char sense = le.proper();
    const bool agrees = (e.type == entity_type::person && (sense == 'p' || sense == 'P')) ||
                        (e.type == entity_type::place && sense == 'l') ||
                        (e.type == entity_type::group && (sense == 'g' || sense == 'P' || sense == 'o'));
    if (sense && agrees && !le.evidence.empty()) {
      std::string fact = "WordNet: " + std::string(le.evidence);
      if (std::find(e.evidence.begin(), e.evidence.end(), fact) == e.evidence.end()) e.evidence.push_back(fact);
    }
    aliases.erase(e.name);
    e.aliases.assign(aliases.begin(), aliases.end());
    if (exclude && !exclude->empty()) {
      bool drop = exclude->contains(e.name);
      for (const auto& a : e.aliases) drop = drop || exclude->contains(a);
      if (drop) continue;
    }
    genders.push_back(cl[r].gender());
    out.emplace_back(ms[idx[0]].begin, std::move(e));
  }
  // Two people with one name (Mr. and Mrs. Gladstone): the gendered ones are named with their
  // form of address, as the text names them.
  std::map<std::string, int> name_count;
  for (const auto& [b, e] : out) ++name_count[e.name];
  for (std::size_t k = 0; k < out.size(); ++k) {
    entity& e = out[k].second;
    if (!genders[k] || name_count[e.name] < 2 || e.mentions.empty()) continue;
    for (const auto& m : e.mentions) {
      std::string titled = clean_name(m.text);
      if (titled == e.name || titled.size() <= e.name.size()) continue;
      std::erase(e.aliases, titled);
      e.aliases.push_back(e.name);
      std::sort(e.aliases.begin(), e.aliases.end());
      e.name = titled;
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<entity> res;
  res.reserve(out.size());
  for (auto& p : out) res.push_back(std::move(p.second));
  return res;
}

}  // namespace histext::entities_detail
