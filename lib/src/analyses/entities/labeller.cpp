// A piece's sentences -> the names the model reads in them. Decisions come from Viterbi over the
// model's scores; the only fixed rules here are the decoder's constraint (a token with no capital
// that is not a particle between capitalised words is O) and the historian's gazetteer, which wins.
#include "analyses/entities/labeller.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "analyses/entities/gazetteer.hpp"
#include "analyses/entities/recognizer.hpp"

namespace histext::entities_detail {

using namespace std::string_view_literals;

namespace {

// Forms of address: the gender they give a name ('m' Mr., 'f' Mrs., 'u' Miss, 0 none given), and
// whether they name nobody on their own ("Dear Sir," is no person called Sir; "the King" is
// someone). One table for post-filter 7 and for the gendered grouping.
struct address_form {
  const char* word;
  char gender;
  bool bare;
};
const address_form address_forms[] = {
    {"mr", 'm', true},          {"mr.", 'm', true},          {"sir", 'm', true},       {"monsieur", 'm', true},
    {"m.", 'm', false},         {"herr", 'm', true},         {"signor", 'm', true},    {"mister", 0, true},
    {"sire", 0, true},          {"master", 0, true},         {"senor", 0, true},       {"lord", 'm', false},
    {"king", 'm', false},       {"prince", 'm', false},      {"emperor", 'm', false},  {"tsar", 'm', false},
    {"czar", 'm', false},       {"kaiser", 'm', false},      {"sultan", 'm', false},   {"shah", 'm', false},
    {"father", 'm', false},     {"brother", 'm', false},     {"duke", 'm', false},     {"count", 'm', false},
    {"baron", 'm', false},      {"general", 'm', false},     {"gen.", 'm', false},     {"colonel", 'm', false},
    {"col.", 'm', false},       {"captain", 'm', false},     {"capt.", 'm', false},    {"major", 'm', false},
    {"lieutenant", 'm', false}, {"lieut.", 'm', false},      {"admiral", 'm', false},  {"commodore", 'm', false},
    {"sergeant", 'm', false},   {"mrs", 'f', true},          {"mrs.", 'f', true},      {"ms", 'f', true},
    {"ms.", 'f', true},         {"madam", 0, true},          {"madame", 'f', true},    {"mme", 'f', true},
    {"mme.", 'f', true},        {"frau", 'f', true},         {"signora", 'f', true},   {"senora", 0, true},
    {"mistress", 0, true},      {"dame", 'f', false},        {"lady", 'f', false},     {"queen", 'f', false},
    {"princess", 'f', false},   {"empress", 'f', false},     {"tsarina", 'f', false},  {"sister", 'f', false},
    {"mother", 'f', false},     {"duchess", 'f', false},     {"countess", 'f', false}, {"baroness", 'f', false},
    {"miss", 'u', true},        {"mademoiselle", 'u', true}, {"mlle", 'u', true},      {"mlle.", 'u', true},
    {"signorina", 'u', true},   {"fraulein", 'u', true},     {"dear", 0, true},        {"gentlemen", 0, true},
    {"ladies", 0, true},        {"messrs", 0, true},         {"esq", 0, true}};

const address_form* address_of(std::string_view w) {
  for (const address_form& a : address_forms)
    if (w == a.word) return &a;
  return nullptr;
}

// Initials alone: every word of the key a letter or letters each followed by a full stop ("b.",
// "a.m.", "n. y."), or a single letter.
bool only_initials(const std::string& key) {
  const std::vector<std::string> words = split_words(key);
  return !words.empty() && std::all_of(words.begin(), words.end(), [](const std::string& w) {
    if (w.size() == 1) return std::isalpha(static_cast<unsigned char>(w[0])) != 0;
    if (w.size() % 2 != 0) return false;
    for (std::size_t k = 0; k < w.size(); k += 2)
      if (!std::isalpha(static_cast<unsigned char>(w[k])) || w[k + 1] != '.') return false;
    return true;
  });
}

// A name's suffix or a business abbreviation alone, which OCR and lists cut from its name ("W. L.
// Taylor, Jr.", "President Co. Alliance"): no name by itself.
bool lone_abbreviation(const std::string& key) {
  static const char* const words[] = {"jr.",   "jr",    "sr.",  "esq.",  "esq", "co.",
                                      "bros.", "inst.", "ult.", "prox.", "viz."};
  return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return key == w; });
}

// A web address or an e-mail address in a name's key ("ci.taiwan.gov.tw", "www.loc.gov",
// "info@example.org"): two full stops between letters with a lower-case letter after each (not an
// initial's, "U.S.", "J.R.R.", which capitals follow, nor a missing space, "Mt.vernon"), "www.",
// or an '@'.
bool web_address(std::string_view key, std::string_view surface) {
  if (key.find('@') != std::string_view::npos || key.starts_with("www.")) return true;
  int dots = 0;  // "Mt.vernon", a missing space, has one
  for (std::size_t k = 1; k + 1 < surface.size(); ++k)
    if (surface[k] == '.' && std::isalpha(static_cast<unsigned char>(surface[k - 1])) &&
        std::islower(static_cast<unsigned char>(surface[k + 1])))
      ++dots;
  return dots >= 2;
}

// Post-filter 6: the place of a dateline, the capitalised words before its first comma, when the
// sentence opens a dateline block ("Monticello, November 14, 1809."). Not when the first word is
// a month or weekday ("Tuesday, 4th.") or a function word ("At Sea, ..."), and not past five words.
std::optional<tagged_span> dateline_place(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                          const name_lexicon& lex) {
  if (sf.size() < 2) return std::nullopt;
  const std::size_t first = sf.token_index(0);
  const token& t0 = piece.tokens[first];
  if (t0.block_kind != block_kind::dateline || (first > 0 && piece.tokens[first - 1].block == t0.block))
    return std::nullopt;
  std::size_t words = 0;
  for (std::size_t i = 0; i < sf.size(); ++i) {
    const token& t = piece.tokens[sf.token_index(i)];
    const std::string_view w = t.text(text);
    if (!t.is_word()) {
      if (w != ","sv || words == 0) return std::nullopt;
      return tagged_span{0, i - 1, entity_type::place};
    }
    const std::string& key = sf.key(i);
    const bool particle = i > 0 && lex.in(name_list::connector, key);
    if ((!capitalised(w) && !particle) || lex.in(name_list::date_word, key) || ++words > 5 ||
        (i == 0 && lex.in(name_list::function_word, key)))
      return std::nullopt;
  }
  return std::nullopt;
}

// The gender a form of address gives the name after it, or 0.
char gender_of_title(std::string_view t) {
  const address_form* a = address_of(t);
  return a ? a->gender : 0;
}

}  // namespace

// A name made only of forms of address ("sir", "dear sir", "madam", "ladies").
bool bare_address(const std::string& key) {
  const std::vector<std::string> words = split_words(key);
  return !words.empty() && std::all_of(words.begin(), words.end(), [](std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    const address_form* a = address_of(w);
    return a && a->bare;
  });
}

std::vector<std::string> rule_tags(std::string_view text, const segmentation& piece, word_facts_cache* memo) {
  std::vector<std::string> tags(piece.tokens.size());
  entity_options opts;
  opts.keep_titles = false;  // whatever the default: the model was trained on the cascade's untitled names
  recognizer r(text, piece, opts, memo);
  const std::vector<recognizer::read_span> found = r.run_spans();
  // Tokens are in text order, so a mention's tokens are found by binary search on their offsets.
  auto by_begin = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::lower_bound(piece.tokens.begin(), piece.tokens.end(), offset,
                                                     [](const token& t, std::size_t b) { return t.begin < b; }) -
                                    piece.tokens.begin());
  };
  for (const recognizer::read_span& m : found) {
    const std::string type = to_string(m.type);
    std::vector<std::size_t> toks;
    for (std::size_t i = by_begin(m.begin); i < piece.tokens.size() && piece.tokens[i].begin < m.end; ++i)
      if (piece.tokens[i].is_word()) toks.push_back(i);
    for (std::size_t k = 0; k < toks.size(); ++k) {
      const char* part = toks.size() == 1 ? "U-" : k == 0 ? "B-" : k + 1 == toks.size() ? "L-" : "I-";
      tags[toks[k]] = part + type;
    }
  }
  return tags;
}

prepared_sentence prepare(const sentence_features& features) {
  prepared_sentence p;
  const std::size_t n = features.size();
  p.eligible.resize(n);
  p.offsets.resize(n + 1);
  // Room for every key at once (an eligible token has about forty): growing by doubling was the
  // most frequent allocation of a run.
  std::size_t eligible = 0;
  for (std::size_t i = 0; i < n; ++i) eligible += features.eligible(i) != 0;
  p.keys.reserve(eligible * 48);
  for (std::size_t i = 0; i < n; ++i) {
    p.offsets[i] = static_cast<std::uint32_t>(p.keys.size());
    p.eligible[i] = static_cast<char>(features.eligible(i));
    if (p.eligible[i]) features.keys(i, p.keys);
  }
  p.offsets[n] = static_cast<std::uint32_t>(p.keys.size());
  return p;
}

std::vector<float> emissions(const model& m, const prepared_sentence& p) {
  const std::size_t n = p.eligible.size();
  std::vector<float> e(n * n_tags, 0.0f);
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) m.add(p.keys[k], &e[i * n_tags]);
  return e;
}

margin_report explain(const model& m, const sentence_features& features, const tagged_span& span,
                      const std::vector<std::uint64_t>& removed, std::size_t top) {
  // Per token of the span: its feature keys (minus the removed ones) and their weights. Words are
  // made only for the largest shares, at the end: formatting every feature cost most of the time.
  struct tok_feats {
    std::vector<std::size_t> index;  // position in sentence_features::described(i)
    std::vector<model::row> rows;
  };
  std::vector<tok_feats> toks;
  std::vector<std::uint64_t> all;
  for (std::size_t i = span.first; i <= span.last; ++i) {
    tok_feats t;
    all.clear();
    features.keys(i, all);
    for (std::size_t j = 0; j < all.size(); ++j) {
      if (std::find(removed.begin(), removed.end(), all[j]) != removed.end()) continue;
      t.rows.push_back(m.weights(all[j]));
      t.index.push_back(j);
    }
    toks.push_back(std::move(t));
  }
  const std::size_t n = span.last - span.first + 1;
  auto tag_at = [&](int type, std::size_t k) {  // type -1: O
    if (type < 0) return tag_o;
    auto et = static_cast<entity_type>(type);
    if (n == 1) return make_tag(tag_part::unit, et);
    return make_tag(k == 0 ? tag_part::begin : k + 1 == n ? tag_part::last : tag_part::inside, et);
  };
  auto reading = [&](int type) {
    float s = 0;
    for (std::size_t k = 0; k < n; ++k)
      for (const auto& r : toks[k].rows) s += r[static_cast<std::size_t>(tag_at(type, k))];
    return s;
  };
  const int chosen = static_cast<int>(span.type);
  margin_report rep;
  float best_other = 0;
  bool any = false;
  for (int alt : {-1, 0, 1, 2}) {
    if (alt == chosen) continue;
    float s = reading(alt);
    if (!any || s > best_other) best_other = s, rep.runner_up = alt, any = true;
  }
  rep.margin = reading(chosen) - best_other;
  struct share {
    std::size_t tok, feat;
    float value;
  };
  std::vector<share> shares;
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t f = 0; f < toks[k].rows.size(); ++f) {
      const auto& r = toks[k].rows[f];
      const float v =
          r[static_cast<std::size_t>(tag_at(chosen, k))] - r[static_cast<std::size_t>(tag_at(rep.runner_up, k))];
      if (v != 0) shares.push_back({k, f, v});
    }
  // Largest first, ties in the order found; only the leading `top` are ordered (a full sort of
  // every share cost a third of the evidence's time).
  auto larger = [](const share& x, const share& y) {
    if (x.value != y.value) return x.value > y.value;
    return x.tok != y.tok ? x.tok < y.tok : x.feat < y.feat;
  };
  if (shares.size() > top) {
    std::partial_sort(shares.begin(), shares.begin() + static_cast<std::ptrdiff_t>(top), shares.end(), larger);
    shares.resize(top);
  } else {
    std::sort(shares.begin(), shares.end(), larger);
  }
  std::vector<std::vector<described_feature>> words(n);
  for (const share& sh : shares) {
    if (words[sh.tok].empty()) {
      // Only the features among the top shares are put in words.
      std::vector<std::size_t> wanted;
      for (const share& o : shares)
        if (o.tok == sh.tok) wanted.push_back(toks[o.tok].index[o.feat]);
      words[sh.tok] = features.described(span.first + sh.tok, wanted);
    }
    rep.shares.emplace_back(words[sh.tok][toks[sh.tok].index[sh.feat]], sh.value);
  }
  return rep;
}

std::uint8_t preposition_of_place(std::string_view w) {
  static const char* const at[] = {"at", "in", "into", "near", "within"};
  static const char* const towards[] = {"to", "from", "towards", "toward", "through"};
  auto in = [&](const auto& list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return w == x; });
  };
  return in(at) ? place_at : in(towards) ? place_towards : place_none;
}

word_facts labeller::facts_of(const std::string& key) const {
  return env_.facts ? env_.facts->get(key) : compute_word_facts(*env_.lex, env_.stats, key);
}

bool labeller::title_word(const std::string& key) const {
  if (env_.lex->in(name_list::title, key)) return true;
  // The plural of Mr., before several names ("Messrs. Brown and Jones"): a form of address the
  // curated list (and so the model's features) leaves out.
  if (key == "messrs"sv || key == "messrs."sv) return true;
  // An abbreviated title without its full stop: British style ("Capt Lott", "Gen Gordon") and OCR
  // ("Capt, Lott"). Not "St": "St John" is also a surname (Oliver St John), and "St Albans" a town.
  if (!key.empty() && key.size() <= 6 && key.back() != '.' && key != "st"sv &&
      env_.lex->in(name_list::title, key + '.'))
    return true;
  // A title of two titles joined by a hyphen: "Major-General Scott", "Lieutenant-Colonel Hay",
  // "the Governor-General".
  if (const std::size_t dash = key.find('-');
      dash != std::string::npos && dash > 0 && dash + 1 < key.size() && key.find('-', dash + 1) == std::string::npos &&
      env_.lex->in(name_list::title, key.substr(0, dash)) && env_.lex->in(name_list::title, key.substr(dash + 1)))
    return true;
  if (key.size() < 7 && key.find('f') == std::string::npos) return false;
  const word_facts f = facts_of(key);
  if (f.long_s && f.in(name_list::title)) return true;
  // A title OCR misread letter by letter: "Pbesidext Grover Cleveland" is President Cleveland.
  return !ocr_title(*env_.lex, key, f).empty();
}

bool labeller::adjective_before_noun(std::string_view text, const segmentation& piece, const sentence_features& sf,
                                     std::size_t i) const {
  if (i == 0 || i + 1 >= sf.size()) return false;
  const std::string& b = sf.key(i - 1);
  if (b != "a"sv && b != "an"sv && b != "the"sv) return false;
  const token& n = piece.tokens[sf.token_index(i + 1)];
  const std::string& next = sf.key(i + 1);
  const name_lexicon& lex = *env_.lex;
  if (!n.is_word() || capitalised(n.text(text)) || lex.in(name_list::function_word, next) ||
      !word_or_singular(lex, next, [](const name_entry& x) { return x.common_noun() != 0; }))
    return false;
  return lex.find(sf.key(i)).has('A') && !title_word(sf.key(i)) && !piece.tokens[sf.token_index(i)].possessive();
}

void labeller::label(std::string_view text, const segmentation& piece, mention_list& out) {
  std::vector<std::string> rules;
  if (model_->feature_groups() & static_cast<std::uint32_t>(feature_group::rules))
    rules = rule_tags(text, piece, env_.facts);
  std::vector<gazetteer_match> gaz;
  if (gazetteer_ && !gazetteer_->empty()) gaz = gazetteer_->match(text, piece);
  std::size_t next_gaz = 0;
  const name_lexicon& lex = *env_.lex;
  const std::size_t first_new = out.size();
  for (const sentence& s : piece.sentences) {
    sentence_features sf(env_, text, piece, s, rules.empty() ? nullptr : &rules);
    auto title_at = [&](std::size_t i) { return title_word(sf.key(i)); };
    prepared_sentence p = prepare(sf);
    std::vector<int> tags = viterbi(emissions(*model_, p), p.eligible, model_->trans());
    std::vector<tagged_span> spans = spans_of(tags);
    // Spans set by a post-filter, with the reason given as their evidence. They replace the
    // model's overlapping readings; the gazetteer's matches replace both.
    std::vector<chosen_span> ruled;
    // Post-filter 1, first half: a hyphenated capitalised word that the model left unread before a
    // group noun ("the Zinoviev-Kamenev fraction") names a group (add_named_people then names its
    // people).
    for (std::size_t i = 0; i + 1 < sf.size(); ++i) {
      if (!p.eligible[i] || tags[i] != tag_o) continue;
      const std::string_view w = piece.tokens[sf.token_index(i)].text(text);
      if (w.find('-') == std::string_view::npos || !capitalised(w)) continue;
      if (piece.tokens[sf.token_index(i + 1)].is_word() && lex.in(name_list::group_noun, sf.key(i + 1)))
        ruled.push_back(
            {{i, i, entity_type::group}, -1, "a hyphenated name before the group noun '" + sf.key(i + 1) + "'"});
    }
    // Post-filter 6: the capitalised words before the first comma of a dateline name a place
    // ("Monticello, November 14, 1809."; "WASHINGTON, D.C., MARCH 4, 1861").
    if (auto place = dateline_place(text, piece, sf, lex)) ruled.push_back({*place, -1, "the place of a dateline"});
    // Post-filter 10: titles of works and names of ships ("the romantic comedy Leap Year").
    for (auto& [span, why] : work_titles(text, piece, sf, spans)) ruled.push_back({span, -1, std::move(why)});
    std::vector<chosen_span> chosen;
    while (next_gaz < gaz.size() && gaz[next_gaz].first_token < s.last_token) {
      const gazetteer_match& g = gaz[next_gaz++];
      if (g.first_token < s.first_token) continue;
      tagged_span t{g.first_token - s.first_token, g.last_token - s.first_token, gazetteer_->entries()[g.entry].type};
      chosen.push_back({t, static_cast<long>(g.entry), {}});
    }
    auto overlaps = [](const tagged_span& x, const std::vector<chosen_span>& taken) {
      for (const chosen_span& c : taken)
        if (!(x.last < c.span.first || x.first > c.span.last)) return true;
      return false;
    };
    for (chosen_span& r : ruled)
      if (!overlaps(r.span, chosen)) chosen.push_back(std::move(r));
    for (const auto& sp : spans)
      if (!overlaps(sp, chosen)) chosen.push_back({sp, -1, {}});
    std::sort(chosen.begin(), chosen.end(),
              [](const chosen_span& x, const chosen_span& y) { return x.span.first < y.span.first; });
    // Post-filter 12: a titled person "of" a known place is a person and a place.
    split_titled_places(text, piece, sf, chosen);
    // Post-filter 3, particles: a person's name goes on past a particle of names before a
    // capitalised word that no other reading holds ("Diego Lopez de Ayala", "Pero Ruiz de
    // Alarcon", where the model stopped before "de"), and takes the person read there.
    for (std::size_t k = 0; k < chosen.size(); ++k) {
      chosen_span& c = chosen[k];
      if (c.entry >= 0 || c.span.type != entity_type::person) continue;
      static const char* const particles[] = {"de",  "del", "della", "di",  "da", "dos", "das", "do",
                                              "van", "von", "der",   "den", "du", "des", "y"};
      const std::size_t at = c.span.last + 1;
      if (at + 1 >= sf.size() || piece.tokens[sf.token_index(c.span.last)].possessive() ||
          !piece.tokens[sf.token_index(at)].is_word() || capitalised(piece.tokens[sf.token_index(at)].text(text)) ||
          std::none_of(std::begin(particles), std::end(particles), [&](const char* w) { return sf.key_is(at, w); }))
        continue;
      const token& next = piece.tokens[sf.token_index(at + 1)];
      if (!next.is_word() || !capitalised(next.text(text)) || lex.in(name_list::function_word, sf.key(at + 1)))
        continue;
      std::size_t last = at + 1;
      if (k + 1 < chosen.size() && chosen[k + 1].span.first == at + 1) {
        if (chosen[k + 1].span.type != entity_type::person || chosen[k + 1].entry >= 0) continue;
        last = chosen[k + 1].span.last;
        chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(k + 1));
      } else if (k + 1 < chosen.size() && chosen[k + 1].span.first <= at + 1) {
        continue;
      }
      chosen[k].span.last = last;
    }
    // Post-filter 12, peers: a name after a peer's title and "of" that the model read alone is the
    // peer ("The Earl of Essex had spent a month": Essex read as the county).
    // Lower case after "the" too, as Irving writes them: "the marques of Cadiz", "the count of
    // Tendilla", "the bishop of Jaen" (the model read the place alone as a person or a place).
    auto peer_at = [&](std::size_t i) {
      const token& t = piece.tokens[sf.token_index(i)];
      const std::string& k = sf.key(i);
      if (!t.is_word()) return false;
      if (capitalised(t.text(text))) return peerage_title(k) || k == "prince"sv || k == "princess"sv || k == "count"sv;
      return i > 0 && sf.key_is(i - 1, "the") &&
             (peerage_title(k) || k == "count"sv || k == "marques"sv || k == "bishop"sv || k == "archbishop"sv);
    };
    // (And one the model left unread whole: "the English Earl of Atholl".)
    {
      std::vector<char> taken(sf.size(), 0);
      for (const chosen_span& c : chosen)
        for (std::size_t i = c.span.first; i <= c.span.last && i < taken.size(); ++i) taken[i] = 1;
      const std::size_t before = chosen.size();
      for (std::size_t i = 0; i + 2 < sf.size(); ++i) {
        if (taken[i] || taken[i + 1] || taken[i + 2] || !sf.key_is(i + 1, "of") || !peer_at(i)) continue;
        const token& x = piece.tokens[sf.token_index(i + 2)];
        if (!x.is_word() || !capitalised(x.text(text)) || !p.eligible[i + 2]) continue;
        std::size_t last = i + 2;
        while (last + 1 < sf.size() && !taken[last + 1] && p.eligible[last + 1] &&
               capitalised(piece.tokens[sf.token_index(last + 1)].text(text)))
          ++last;
        chosen.push_back({{i, last, entity_type::person}, -1, "a peer's title before it"});
        for (std::size_t k = i; k <= last; ++k) taken[k] = 1;
        i = last;
      }
      // Post-filter 3, regnal forms the model left unread whole ("Charles the First was beheaded in
      // 1649": a sentence's first word proves nothing by its capital): a given name, or a name
      // WordNet knows as a person's, before "the" and a capitalised ordinal. Not "Book the Second".
      for (std::size_t i = 0; i + 2 < sf.size(); ++i) {
        if (taken[i] || taken[i + 1] || taken[i + 2] || !sf.key_is(i + 1, "the") || !regnal_ordinal(sf.key(i + 2)) ||
            !p.eligible[i] || !capitalised(piece.tokens[sf.token_index(i)].text(text)) ||
            !capitalised(piece.tokens[sf.token_index(i + 2)].text(text)))
          continue;
        const std::string& k = sf.key(i);
        if (lex.in(name_list::function_word, k) || title_word(k) ||
            !(given_name(lex, k) || lex.find(k).proper() == 'p' || lex.find(k).proper() == 'P'))
          continue;
        chosen.push_back({{i, i + 2, entity_type::person}, -1, "a name before a regnal ordinal"});
        i += 2;
      }
      if (chosen.size() != before)
        std::sort(chosen.begin(), chosen.end(),
                  [](const chosen_span& x, const chosen_span& y) { return x.span.first < y.span.first; });
    }
    for (chosen_span& c : chosen) {
      const std::size_t f = c.span.first;
      if (c.entry >= 0 || !c.why.empty() || f < 2 || !sf.key_is(f - 1, "of") || !peer_at(f - 2)) continue;
      if (std::any_of(chosen.begin(), chosen.end(), [&](const chosen_span& o) { return o.span.last == f - 2; }))
        continue;
      c.span.first = f - 2;
      c.span.type = entity_type::person;
      c.why = "a peer's title before it";
    }
    // The sentence's reading becomes history for the sentences after: the model's, with the
    // historian's gazetteer and the post-filters' spans in its place where they overrode it (a
    // dateline's "STEVENTON" read as a person must not teach every later "Steventon" so). Not
    // titles of works, and not post-filter 11's retyping: a list's type is a fact of that sentence
    // alone (one "a party from Goodnestone, Lady B., and Lucy Foote" must not make every later
    // Goodnestone a person).
    std::vector<tagged_span> read;
    if (env_.history)
      for (const chosen_span& c : chosen)
        if (modelled_type(c.span.type)) read.push_back(c.span);
    // Post-filter 19: firms ("Brown, Shipley & Co."), before post-filter 11 takes the partners for
    // a list. Not remembered by the history, as post-filter 13.
    read_firms(text, piece, sf, p, chosen);
    // Post-filter 21: "the Ways and Means Committee" whole, before post-filter 11 reads a list.
    read_conjoined_names(text, piece, sf, p, chosen);
    // Post-filter 23: "the son of Hamilton", "the days of Washington", before post-filter 11 too.
    read_kin_and_reigns(text, piece, sf, p, chosen);
    // Post-filter 13, lists: "the parishes of Shoreditch, Stepney", before post-filter 11 too.
    read_listed_settlements(text, piece, sf, p, chosen);
    // Post-filter 11: names listed together share a type ("Basel, Heidelberg, and Strasbourg").
    {
      std::vector<tagged_span> listed;
      std::vector<char> fixed;
      for (const chosen_span& c : chosen) listed.push_back(c.span), fixed.push_back(c.entry >= 0 || !c.why.empty());
      auto why = [](entity_type t) {
        return std::string("listed with other names of ") + (t == entity_type::person  ? "people"
                                                             : t == entity_type::place ? "places"
                                                                                       : "groups");
      };
      std::vector<tagged_span> unread;
      for (std::size_t k : agree_in_lists(text, piece, sf, listed, fixed, &unread)) {
        chosen[k].span.type = listed[k].type;
        chosen[k].why = why(listed[k].type);
        chosen[k].listed = true;
      }
      for (const tagged_span& sp : unread) chosen.push_back({sp, -1, why(sp.type), true});
      if (!unread.empty())
        std::sort(chosen.begin(), chosen.end(),
                  [](const chosen_span& x, const chosen_span& y) { return x.span.first < y.span.first; });
    }
    // Post-filter 11, places listed after a preposition ("marched to Northampton, Coventry, and
    // Warwick").
    read_place_lists(text, piece, sf, p, chosen);
    // Post-filter 13: the words of places ("Mount McGregor", "Jefferson street"). Not remembered by
    // the history, as post-filter 11.
    read_place_words(text, piece, sf, p, chosen);
    // Post-filter 15: capitalised plurals of nouns of people ("the Imperialists"), as post-filter 13.
    read_plural_groups(text, piece, sf, p, chosen);
    // Post-filter 16: "Brown's Hotel", "Christ's College", as post-filter 13.
    read_possessive_heads(text, piece, sf, p, chosen);
    // Post-filter 17: names WordNet knows whole ("the West Indies"), as post-filter 13.
    read_known_names(text, piece, sf, p, chosen);
    // Post-filter 18: events name their places ("the Treaty of Utrecht"), as post-filter 13.
    read_event_places(text, piece, sf, p, chosen);
    // Post-filter 22: "settled in Trier", as post-filter 13.
    read_places_after_prepositions(text, piece, sf, p, chosen);
    // Post-filter 25: "She loved Mary.", as post-filter 13.
    read_lone_given_names(text, piece, sf, p, chosen);
    // Post-filter 20: names in a line of capitals ("SWEEPS KANSAS"), as post-filter 13.
    read_capital_names(text, piece, sf, p, chosen);
    // Post-filter 24: a building's name is a place, a school's a group ("the Museum of Art").
    type_by_heads(sf, chosen);
    // Standalone capitalised words (runs of one): the denominator of post-filter 2.
    // In a line of capitals every word stands on its own ("THE LIFE OF WELLINGTON").
    const bool shouting = sf.all_capitals();
    std::vector<char> covered(p.eligible.size(), 0);  // a name is read here (the model's or not)
    for (const chosen_span& c : chosen)
      for (std::size_t i = c.span.first; i <= c.span.last; ++i) covered[i] = 1;
    for (std::size_t i = 0; i < p.eligible.size(); ++i)
      if (p.eligible[i] &&
          (shouting || ((i == 0 || !p.eligible[i - 1]) && (i + 1 == p.eligible.size() || !p.eligible[i + 1])))) {
        bool added = false;
        standalone& sa = standalone_.get_or_make(sf.key(i), [&] {
          added = true;
          return standalone{};
        });
        if (added) sa.id = static_cast<std::uint32_t>(standalone_.size() - 1);
        ++sa.count;
        const token& t = piece.tokens[sf.token_index(i)];
        // An adjective of a people before its noun is no name where it stands, though the word is
        // one elsewhere ("the Norman cause"; see the readings below): taken down as read.
        const bool adjective = covered[i] == 0 && adjective_before_noun(text, piece, sf, i);
        occurrences_.push_back(
            {sa.id, t.begin, t.base_end, t.sentence, t.block, t.paragraph, t.block_kind, covered[i] != 0 || adjective});
      }
    // A Roman numeral with its full stop in one token ("I.", "XIV."): its letters, or 0.
    auto numeral_with_stop = [&](std::size_t i) -> std::size_t {
      const std::string_view w = piece.tokens[sf.token_index(i)].text(text);
      if (w.size() < 2 || w.back() != '.' ||
          w.substr(0, w.size() - 1).find_first_not_of("IVX") != std::string_view::npos)
        return 0;
      return w.size() - 1;
    };
    for (chosen_span c : chosen) {  // a copy: the readings below may give their reason
      tagged_span sp = c.span;
      const long entry = c.entry;
      // Post-filter 3: a name never begins with a function word ("For Judah", "And David", the
      // vocative "O Jacob", though WordNet has the letter O as a name).
      // Only before a capitalised word ("For Judah"), and a lower-case article never leads a name
      // ("la Baconnière" -> Baconnière; "de Gaulle" keeps its particle).
      auto lower_article = [&](std::size_t i) {
        static const char* articles[] = {"the", "la", "le", "les", "el", "il", "lo", "los", "las", "die", "das"};
        const token& t = piece.tokens[sf.token_index(i)];
        if (capitalised(t.text(text))) return false;
        for (const char* a : articles)
          if (sf.key_is(i, a)) return true;
        return false;
      };
      // Nor does a person's name begin with a month or weekday that is no given name ("November
      // Ruth"; "August Wilson" stays).
      auto leading_date = [&](std::size_t i) {
        const std::string& k = sf.key(i);
        return sp.type == entity_type::person && lex.in(name_list::date_word, k) && !given_name(lex, k) &&
               capitalised(piece.tokens[sf.token_index(i + 1)].text(text));
      };
      // Nor with "the" as OCR misreads it ("Tbe Legislature", "Tho Senate").
      auto ocr_the = [&](std::size_t i) {
        static const char* misread[] = {"tbe", "tho", "thc", "tlie", "tiie", "ihe"};
        return std::any_of(std::begin(misread), std::end(misread), [&](const char* w) { return sf.key_is(i, w); }) &&
               capitalised(piece.tokens[sf.token_index(i + 1)].text(text));
      };
      // Nor with a citation's "See", "Vide" or "Cf." before a name ("See MIGNET, vol. i." in a
      // footnote, "public cause.--See MIGNET"), where the word opens its sentence or follows a
      // dash, a bracket or a colon.
      auto citation = [&](std::size_t i) {
        const std::string& k = sf.key(i);
        if ((k != "see"sv && k != "vide"sv && k != "cf."sv && k != "cf"sv) ||
            !capitalised(piece.tokens[sf.token_index(i)].text(text)) ||
            !capitalised(piece.tokens[sf.token_index(i + 1)].text(text)))
          return false;
        if (i == sf.first_word()) return true;
        const std::string_view before = piece.tokens[sf.token_index(i - 1)].text(text);
        return before == "--"sv || before == "\u2014"sv || before == "\u2013"sv || before == "("sv || before == "["sv ||
               before == ":"sv || before == ";"sv;
      };
      // Nor does a person's name begin with the plural of a kind of person before it, a party
      // in apposition ("the Girondists Vergniaud, Guadet and Gensonné"): not a title's plural,
      // which post-filter 7 makes a title ("Senators Kelly").
      auto party_plural = [&](std::size_t i) {
        const std::string& k = sf.key(i);
        if (sp.type != entity_type::person || k.size() < 5 || k.back() != 's' || title_at(i) || lex.find(k).proper() ||
            !capitalised(piece.tokens[sf.token_index(i + 1)].text(text)) || title_at(i + 1))
          return false;
        return facts_of(k).plural == 'P';
      };
      // But "Will" capitalised inside a sentence of ordinary case, before a capitalised word that is
      // no function word, is William ("after an injury to Will Middlebrooks"; not "Will Smith
      // come?" at a sentence's start): the name is a person's and begins there.
      auto given_will = [&](std::size_t i) {
        if (i + 1 >= sf.size() || !sf.key_is(i, "will") || i == sf.first_word() || !sf.normal_case()) return false;
        const token& before = piece.tokens[sf.token_index(i - 1)];
        const std::string_view b = before.text(text);
        return capitalised(piece.tokens[sf.token_index(i)].text(text)) &&
               capitalised(piece.tokens[sf.token_index(i + 1)].text(text)) &&
               !lex.in(name_list::function_word, sf.key(i + 1)) &&
               ((before.is_word() && !capitalised(b)) || b == ","sv);
      };
      if (entry < 0 && sp.first > 0 && given_will(sp.first - 1) &&
          std::none_of(chosen.begin(), chosen.end(), [&](const chosen_span& o) { return o.span.last == sp.first - 1; }))
        --sp.first;
      if (entry < 0 && sp.first < sp.last && given_will(sp.first)) sp.type = entity_type::person;
      while (entry < 0 && sp.first < sp.last && !given_will(sp.first) &&
             (ocr_the(sp.first) || citation(sp.first) || party_plural(sp.first) ||
              (lex.in(name_list::function_word, sf.key(sp.first)) &&
               (sf.key(sp.first).size() == 1 || !lex.find(sf.key(sp.first)).proper()) &&
               capitalised(piece.tokens[sf.token_index(sp.first + 1)].text(text))) ||
              lower_article(sp.first) || leading_date(sp.first)))
        ++sp.first;
      // Nor does a person's name run back past a title and a given name after it ("Tagebuch des
      // Generals Patrick Gordon", a book's title before its man): the name starts at the title.
      // Only when no word before the title is a title or a given name ("Bonnie Prince Charlie"
      // aside, "Queen Mary" and "John King Smith" keep theirs).
      if (entry < 0 && sp.type == entity_type::person && sp.first + 2 <= sp.last)
        for (std::size_t k = sp.first + 1; k < sp.last; ++k) {
          const std::string& w = sf.key(k);
          if (saint_title(w)) break;  // "the Dean of St. Patrick's"
          if (!title_at(k) && !plural_of_title(lex, w)) continue;
          if (!capitalised(piece.tokens[sf.token_index(k)].text(text)) || !given_name(lex, sf.key(k + 1)) ||
              !capitalised(piece.tokens[sf.token_index(k + 1)].text(text)))
            break;
          bool clean = true;
          for (std::size_t j = sp.first; j < k && clean; ++j) clean = !title_at(j) && !given_name(lex, sf.key(j));
          if (clean) sp.first = k;
          break;
        }
      // In a line of capitals the model's reading can run on through a headline ("EARL OF SNOWDON
      // IN THE NETFLIX DRAMA"): a name ends before a function word that no name holds inside (all
      // but "of", "the", "and", "for" and the particles: "BANK OF ENGLAND", "CENTER FOR ADVANCED
      // STUDY", "DU PONT DE NEMOURS").
      // The verb ends a name in a title-case headline too ("Roosevelt Asks Congress For War").
      if (entry < 0 && (sf.all_capitals() || sf.title_case()))
        for (std::size_t i = sp.first + 1; i <= sp.last; ++i) {
          const std::string& k = sf.key(i);
          if (sf.all_capitals() && lex.in(name_list::function_word, k) && !lex.in(name_list::connector, k) &&
              k != "the"sv && k != "and"sv && k != "for"sv && k != "of"sv) {
            sp.last = i - 1;
            break;
          }
          // Nor before a headline's verb, which WordNet knows only as a verb ("ROOSEVELT ASKS
          // CONGRESS FOR WAR", "DECLARES", "Roosevelt Asks Congress"; not "SWEEPS", a noun too).
          const bool verb_only = [&] {
            if (lex.find(k).codes == "v"sv) return true;
            if (k.size() < 4 || k.back() != 's') return false;
            const std::string base = k.substr(0, k.size() - 1);
            return lex.find(base).codes.find_first_not_of('v') == std::string_view::npos &&
                   !lex.find(base).codes.empty();
          }();
          // In title case only a verb in -s inside the reading, as headlines write them ("Sweet Mr.
          // Ogle!" and "Rob Roy" are names).
          const bool headline_verb =
              sf.all_capitals() || (i < sp.last && k.back() == 's' && lex.find(k).codes != "v"sv);
          if (verb_only && headline_verb && !lex.find(k).proper()) {
            sp.last = i - 1;
            // What stays is typed as WordNet knows it: "Roosevelt Asks Congress" was one group.
            const char known = lex.find(sf.span_key(sp.first, sp.last)).proper();
            if (known == 'p' || known == 'P') sp.type = entity_type::person;
            if (known == 'l') sp.type = entity_type::place;
            if (known == 'g') sp.type = entity_type::group;
            break;
          }
        }
      // A regnal numeral's full stop ends a sentence the segmenter read as an initial's ("Edward I.
      // He often quarrelled", "the Court of Francois II. Shakespeare"): a person's name stops at
      // the numeral when a function word follows or the numeral is no single letter.
      if (entry < 0 && sp.type == entity_type::person)
        for (std::size_t i = sp.first + 1; i < sp.last; ++i) {
          const std::size_t letters = numeral_with_stop(i);
          if (letters >= 2 || (letters == 1 && lex.in(name_list::function_word, sf.key(i + 1)))) {
            sp.last = i;
            break;
          }
        }
      // Nor does a person's name end with one ("Charles I. He": a sentence the segmenter did not
      // end at "I."; "Museum of Art" keeps its "Art", the archaic verb).
      // But a regnal "I" before punctuation is the name's ("Tsar Aleksei I,"; "Charles I. He" ->
      // Charles I): the pronoun after a name is followed by its verb ("Mary I went").
      auto regnal = [&](std::size_t i) {
        return piece.tokens[sf.token_index(i)].text(text) == "I"sv &&
               (i + 1 == sf.size() || !piece.tokens[sf.token_index(i + 1)].is_word());
      };
      while (entry < 0 && sp.type == entity_type::person && sp.first < sp.last &&
             lex.in(name_list::function_word, sf.key(sp.last)) &&
             (sf.key(sp.last).size() == 1 || !lex.find(sf.key(sp.last)).proper()) && !regnal(sp.last))
        --sp.last;
      // And the model's person right before a regnal "I" takes it when a title leads the name
      // ("Pope Damasus I,": the model reads the pronoun as no name).
      if (entry < 0 && sp.type == entity_type::person && sp.last + 1 < sf.size() && regnal(sp.last + 1) &&
          (title_at(sp.first) || (sp.first > 0 && title_at(sp.first - 1))))
        ++sp.last;
      // Initials joined by "&" with no space are one word of the name: "the Grand Lodge of New York
      // F&AM", "the B&O Railroad" (the word breaker splits at "&"; the model ends the name at "F").
      while (entry < 0 && sp.type != entity_type::person && sp.last + 2 < sf.size() && sf.key_is(sp.last + 1, "&")) {
        auto capitals = [&](std::size_t i) {
          const std::string_view w = piece.tokens[sf.token_index(i)].text(text);
          return !w.empty() && w.size() <= 4 &&
                 std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
        };
        const token& amp = piece.tokens[sf.token_index(sp.last + 1)];
        if (!capitals(sp.last) || !capitals(sp.last + 2) || amp.begin != piece.tokens[sf.token_index(sp.last)].end ||
            piece.tokens[sf.token_index(sp.last + 2)].begin != amp.end ||
            std::any_of(chosen.begin(), chosen.end(), [&](const chosen_span& o) {
              return &o != &c && o.span.first <= sp.last + 2 && sp.last + 1 <= o.span.last;
            }))
          break;
        sp.last += 2;
      }
      // A person takes the regnal numeral after it ("Louis XV", "Henry VIII", "Henry V,"), which the
      // model often leaves out (the numerals are rare in its training). Not "V." (an initial).
      auto numeral = [&](std::size_t i) {
        if (i >= sf.size() || !piece.tokens[sf.token_index(i)].is_word()) return false;
        const std::string_view w = piece.tokens[sf.token_index(i)].text(text);
        const bool alone = i + 1 == sf.size() || !piece.tokens[sf.token_index(i + 1)].is_word();
        return w.find_first_not_of("IVX") == std::string_view::npos && (w.size() >= 2 || (w == "V"sv && alone));
      };
      // And "the First" ("George the First", "Charles the Second"), which the model often leaves out.
      if (entry < 0 && sp.type == entity_type::person && sp.last + 2 < sf.size() && sf.key_is(sp.last + 1, "the") &&
          regnal_ordinal(sf.key(sp.last + 2)) && capitalised(piece.tokens[sf.token_index(sp.last + 2)].text(text)) &&
          std::none_of(chosen.begin(), chosen.end(),
                       [&](const chosen_span& o) { return o.span.first <= sp.last + 2 && sp.last + 1 <= o.span.last; }))
        sp.last += 2;
      if (entry < 0 && sp.type == entity_type::person && numeral(sp.last + 1) &&
          std::none_of(chosen.begin(), chosen.end(),
                       [&](const chosen_span& o) { return o.span.first <= sp.last + 1 && sp.last + 1 <= o.span.last; }))
        ++sp.last;
      // A name after a personal form of address is a person's ("talking about Lady Cork", "Lord
      // Rochester", "Mrs. Hall", read as places). After Sir, Lady, Lord or Dame, not when it ends in
      // the head of a place or an institution ("Lord Street", "Lady Chapel"); never when it goes on
      // with "of" ("the Lord Mayor of London").
      // (The form of address may stand in the model's span: "Mrs. Hall" read whole as a place.)
      if (entry < 0 && c.why.empty() && sp.type != entity_type::person && (sp.first > 0 || sp.first < sp.last) && [&] {
            static const char* const plain[] = {"mr",   "mr.",  "mrs",      "mrs.",        "ms",  "ms.",
                                                "miss", "dr",   "dr.",      "madame",      "mme", "mme.",
                                                "herr", "frau", "monsieur", "mademoiselle"};
            static const char* const noble[] = {"sir", "lady", "lord", "dame"};
            const std::size_t at =
                sp.first < sp.last && (address_of(sf.key(sp.first)) || peerage_title(sf.key(sp.first))) ? sp.first
                                                                                                        : sp.first - 1;
            if (at >= sf.size()) return false;  // sp.first == 0 and no address in the span
            const std::string& before = sf.key(at);
            const std::string& last = sf.key(sp.last);
            auto in = [&](const auto& list) {
              return std::any_of(std::begin(list), std::end(list), [&](const char* w) { return before == w; });
            };
            if (!capitalised(piece.tokens[sf.token_index(at)].text(text)) ||
                (sp.last + 1 < sf.size() && sf.key_is(sp.last + 1, "of")))
              return false;
            // One word after Mr. or Madame: "Madame Tussauds Museum" is a museum. A peer's title
            // at the start of the span is a noble's too ("the Marquis de la Fayette" read as a
            // place); "the Duke of Richmond" is the model's to read.
            const bool peer = at == sp.first && peerage_title(before) && !sf.key_is(at + 1, "of");
            return (in(plain) && sp.last == at + 1) ||
                   ((in(noble) || peer) && !lex.in(name_list::place_word, last) && !lex.in(name_list::org_head, last));
          }())
        sp.type = entity_type::person;
      // Titles at the start of the span are not the name ("General Kornilov" -> Kornilov); a form
      // of address just before it belongs to the mention (and says Mr. or Mrs.).
      // Only people have titles: "St. Petersburg" and "General Motors" keep theirs.
      // A doctrine or a movement ("Puritanism", "Toryism") is no part of a person's or a place's
      // name ("in Scotland Puritanism was the main thing": Scotland), and alone names a group.
      if (entry < 0 && modelled_type(sp.type)) {
        auto doctrine = [&](std::size_t i) {
          const std::string& k = sf.key(i);
          return k.size() > 5 && k.ends_with("ism") && piece.tokens[sf.token_index(i)].is_word();
        };
        const std::size_t was = sp.last;
        while (sp.last > sp.first && doctrine(sp.last) && sp.type != entity_type::group) --sp.last;
        while (sp.last < was && sp.last > sp.first &&
               (lex.in(name_list::connector, sf.key(sp.last)) || sf.key_is(sp.last, "the")))
          --sp.last;  // "Mahomet of Jacobinism" -> Mahomet
        if (sp.first == sp.last && doctrine(sp.first)) sp.type = entity_type::group;
      }
      // An institution's head before "of" makes a group of a place's reading ("the University of
      // Michigan" read as a place where old print has "Univerfity": the head is read with its long
      // s too). Not "the Union of South Africa", a country.
      if (entry < 0 && sp.type == entity_type::place && sp.first + 1 < sp.last && sf.key_is(sp.first + 1, "of") &&
          !sf.key_is(sp.first, "union")) {
        const std::string& k = sf.key(sp.first);
        const word_facts f = facts_of(k);
        if (lex.in(name_list::org_head, k) || (f.long_s && f.in(name_list::org_head))) sp.type = entity_type::group;
      }
      // So does a name that ends in a title, with no "of" in it: "the United Nations
      // Secretary-General", "the Black Prince" (read as a group, a place). Not "St.", a street's as
      // often ("Keppel St.").
      if (entry < 0 && sp.first < sp.last && modelled_type(sp.type) && sp.type != entity_type::person &&
          c.why.empty() && title_at(sp.last) && !saint_title(sf.key(sp.last)) && [&] {
            for (std::size_t i = sp.first; i < sp.last; ++i)
              if (sf.key_is(i, "of")) return false;
            return true;
          }())
        sp.type = entity_type::person;
      // A title alone names a person, never a group or a place ("the Queen" read as a group).
      if (entry < 0 && sp.first == sp.last && modelled_type(sp.type) && sp.type != entity_type::person &&
          title_at(sp.first))
        sp.type = entity_type::person;
      // So does a title before a given name or a person WordNet knows, where the model read a
      // place or a group ("Pbesidext Grover Cleveland", OCR's President Cleveland); not a saint's
      // ("St. John" is a town too), nor a place or an institution named after one whose last word
      // says so ("Prince Edward Island", "King George's College").
      if (entry < 0 && sp.first < sp.last && (sp.type == entity_type::place || sp.type == entity_type::group) &&
          c.why.empty() && title_at(sp.first) &&
          (given_name(lex, sf.key(sp.first + 1)) || lex.find(sf.span_key(sp.first + 1, sp.last)).proper() == 'p') &&
          !sf.key_is(sp.first, "st.") && !sf.key_is(sp.first, "st") && !sf.key_is(sp.first, "saint") &&
          !lex.in(name_list::place_word, sf.key(sp.last)) && !lex.in(name_list::org_head, sf.key(sp.last)))
        sp.type = entity_type::person;
      // A sentence's first word that WordNet knows only in lower case, before a title, is no part
      // of the name: "Yesterday President Roosevelt", "Meanwhile General Grant".
      if (entry < 0 && sp.type == entity_type::person && sp.first == sf.first_word() && sp.first + 1 < sp.last &&
          title_at(sp.first + 1) && !title_at(sp.first) && !given_name(lex, sf.key(sp.first))) {
        const name_entry e = lex.find(sf.key(sp.first));
        if (!e.proper() && e.common()) ++sp.first;
      }
      const bool person = sp.type == entity_type::person;
      std::size_t name_first = sp.first;
      std::vector<std::string> titles;
      // A nationality before a title is no part of the name ("the German-Russian Colonel Rudolf
      // Strasburgh", "the French General Moreau").
      auto nationality = [&](const std::string& key) {
        for (std::size_t at = 0; at <= key.size();) {
          std::size_t end = key.find('-', at);
          if (end == std::string::npos) end = key.size();
          if (!lex.in(name_list::nationality, key.substr(at, end - at))) return false;
          at = end + 1;
        }
        return !key.empty();
      };
      while (person && name_first + 1 < sp.last && nationality(sf.key(name_first)) && title_at(name_first + 1))
        ++name_first;
      // An epithet of age before a person's name is, like a title, no part of it: "Old Brown" is
      // Captain Brown, "Young Harry" Harry.
      // So is a word that makes a title of an office before one: "Lord High Chancellor
      // Loughborough", "Chief Justice Tindal", "Attorney General Jeffreys".
      auto office = [&](std::size_t i) {
        static const char* const words[] = {"high", "chief", "deputy", "acting", "under", "attorney", "solicitor"};
        const std::string& k = sf.key(i);
        return i + 1 < sp.last && title_at(i + 1) &&
               std::any_of(std::begin(words), std::end(words), [&](const char* w) { return k == w; });
      };
      // The plural of a title before a name is a title too: "Senators Kelly and Bennet", "Lords
      // Stawell and Malmsbury"; not a sovereign's, a peer's or a churchman's, which name places
      // ("Kings Lynn", "Earls Colne", "Abbots Langley", "Bishops Lydeard").
      auto plural_title = [&](std::size_t i) {
        const std::string& k = sf.key(i);
        if (i != sp.first || k.size() < 5 || k.back() != 's' || title_at(i + 1)) return false;
        const std::string one = k.substr(0, k.size() - 1);
        return title_word(one) && !sovereign_title(one) && !peerage_title(one) && !church_title(one);
      };
      while (person && name_first < sp.last &&
             (title_at(name_first) || sf.key_is(name_first, "old") || sf.key_is(name_first, "young") ||
              office(name_first) || plural_title(name_first)))
        titles.push_back(sf.key(name_first++));
      // An office "of" something before a full name: "Secretary of State Cordell Hull", "Secretary
      // of the Navy Josephus Daniels", "President of the United States Abraham Lincoln" -> the
      // name after the office's object (the longest of up to three words WordNet knows as a name,
      // or one word), when two capitalised words or a title and one follow; not a sovereign's or
      // a peer's style ("the Duke of York Richard").
      if (person && name_first > sp.first && sf.key_is(name_first, "of") && !peerage_title(titles.front()) &&
          titles.front() != "king"sv && titles.front() != "queen"sv && titles.front() != "prince"sv &&
          titles.front() != "emperor"sv) {
        std::size_t obj = name_first + 1;
        if (obj < sp.last && sf.key_is(obj, "the")) ++obj;
        std::size_t obj_last = obj;
        for (std::size_t e = obj + 1; e < obj + 3 && e < sp.last; ++e) {
          if (lex.find(sf.span_key(obj, e)).proper()) obj_last = e;
        }
        const std::size_t rest = obj_last + 1;
        auto cap_at = [&](std::size_t t) {
          return t <= sp.last && piece.tokens[sf.token_index(t)].is_word() &&
                 capitalised(piece.tokens[sf.token_index(t)].text(text));
        };
        bool all_cap = obj <= sp.last && cap_at(obj);
        for (std::size_t t = obj; t <= sp.last && all_cap; ++t)
          all_cap = cap_at(t) || !piece.tokens[sf.token_index(t)].is_word();
        // The rest is a person's name: no word of a people, an institution, a place or an event,
        // not known whole as another kind of name ("Count of the Holy Roman Empire"), and not
        // ending in a common word ("Professor of East Asian Studies").
        bool personal = rest <= sp.last;
        if (personal) {
          std::string key;
          for (std::size_t t = rest; t <= sp.last && personal; ++t) {
            const std::string& w = sf.key(t);
            key += (key.empty() ? "" : " ") + w;
            personal = !lex.in(name_list::nationality, w) && !lex.in(name_list::org_head, w) &&
                       !lex.in(name_list::place_word, w) && !lex.in(name_list::event_word, w);
          }
          const name_entry whole = lex.find(key), last = lex.find(sf.key(sp.last));
          personal = personal && (!whole.proper() || whole.proper() == 'p') &&
                     !(last.common() && !last.proper() && !given_name(lex, sf.key(sp.last)));
        }
        if (all_cap && personal && (rest + 1 <= sp.last || title_at(rest)) && !(title_at(rest) && rest == sp.last)) {
          for (std::size_t t = name_first; t < rest; ++t)
            if (piece.tokens[sf.token_index(t)].is_word()) titles.push_back(sf.key(t));
          name_first = rest;
          while (name_first < sp.last && title_at(name_first)) titles.push_back(sf.key(name_first++));
        }
      }
      // An epithet of age before a title alone is a name: "the Old Lady", a film's role ("Old Brown"
      // is Brown).
      if (person && name_first == sp.last && name_first > sp.first && title_at(sp.last) &&
          std::any_of(titles.begin(), titles.end(),
                      [](const std::string& t) { return t == "old"sv || t == "young"sv; })) {
        name_first = sp.first;
        titles.clear();
      }
      // "Professor of Linguistics", "Count of the Holy Roman Empire": the title is the name.
      // (In capitals too: "KING OF DENMARK".)
      if (name_first > sp.first &&
          (!capitalised(piece.tokens[sf.token_index(name_first)].text(text)) || sf.key_is(name_first, "of"))) {
        name_first = sp.first;
        titles.clear();
      }
      std::size_t first = sp.first;
      for (int k = 0; person && k < 6 && first > 0; ++k) {
        std::size_t j = first - 1;
        const token& t = piece.tokens[sf.token_index(j)];
        if (!t.is_word() || !title_at(j) || !capitalised(t.text(text))) break;
        titles.insert(titles.begin(), sf.key(j));
        first = j;
      }
      // A common noun after a title in the possessive names no person: "The King's Man" (a film),
      // "the King's Speech", "the Queen's Head" (an inn). Not a given name or a person WordNet
      // knows ("the King's Edward").
      if (entry < 0 && person && c.why.empty() && name_first == sp.last && name_first > first &&
          piece.tokens[sf.token_index(name_first - 1)].possessive() && title_at(name_first - 1) && [&] {
            const std::string& k = sf.key(name_first);
            const name_entry e = lex.find(k);
            return e.common() && !e.has('p') && !given_name(lex, k);
          }())
        continue;
      // A title before the head of a place alone is that place's name: "Lord Street", "King Street",
      // "Queen Square" (the model reads a titled person "Street").
      // Only a sovereign's or a peer's title and a street's head: "Lord Temple" and "Mrs. Hall" are
      // people.
      if (person && titles.size() == 1 && name_first == sp.last && first < name_first && [&] {
            static const char* const titles_of_streets[] = {"lord",   "king",     "queen",  "duke",
                                                            "prince", "princess", "duchess"};
            static const char* const streets[] = {"street", "square", "road", "lane", "row", "place"};
            auto in = [](const auto& list, const std::string& w) {
              return std::any_of(std::begin(list), std::end(list), [&](const char* x) { return w == x; });
            };
            return in(titles_of_streets, titles[0]) && in(streets, sf.key(sp.last)) &&
                   capitalised(piece.tokens[sf.token_index(sp.last)].text(text));
          }()) {
        sp.type = entity_type::place;
        name_first = first;
        titles.clear();
      }
      // A saint's name in the possessive after "at", "in", "to" or "from", with no name after it, is
      // his church, palace or parish: "the levee at St. James's" (a place, named with its "St.";
      // not "St. Thomas's murder").
      if (person && titles.size() == 1 && saint_title(titles[0]) &&
          piece.tokens[sf.token_index(sp.last)].possessive() && first > 0 &&
          (sf.key_is(first - 1, "at") || sf.key_is(first - 1, "in") || sf.key_is(first - 1, "to") ||
           sf.key_is(first - 1, "from")) &&
          !(sp.last + 1 < sf.size() && piece.tokens[sf.token_index(sp.last + 1)].is_word() &&
            capitalised(piece.tokens[sf.token_index(sp.last + 1)].text(text)))) {
        sp.type = entity_type::place;
        name_first = first;
        titles.clear();
        c.why = saint_place_reason;
      }
      // A saint's name after "<Order> of" names the order, the society or the knights: "the Order of
      // St. John", "the Knights of St. John", "the Society of St. Vincent de Paul" (a group, not the
      // saint). Only the heads of religious and lay bodies: "the Church of St. Mary" is a building.
      if (person && titles.size() == 1 && saint_title(titles[0]) && first >= 2 && sf.key_is(first - 1, "of") &&
          piece.tokens[sf.token_index(first - 2)].is_word() &&
          capitalised(piece.tokens[sf.token_index(first - 2)].text(text)) && [&] {
            static const char* const bodies[] = {"order",        "orders",     "knights",       "society",
                                                 "brotherhood",  "sisterhood", "sisters",       "brothers",
                                                 "congregation", "fraternity", "confraternity", "guild"};
            const std::string& head = sf.key(first - 2);
            return std::any_of(std::begin(bodies), std::end(bodies), [&](const char* b) { return head == b; });
          }()) {
        sp.type = entity_type::group;
        sp.first = first - 2;
        name_first = sp.first;
        first = sp.first;
        titles.clear();
        c.why = "a saint's name after the head word of an order or a society: the body's name";
      }
      // A hyphenated name that WordNet knows with a space has WordNet's type ("the States-General",
      // an assembly the model read as a place; "Rhode-Island" as old print writes it).
      if (entry < 0 && c.why.empty() && sp.first == sp.last && sf.key(sp.first).find('-') != std::string::npos &&
          !lex.find(sf.key(sp.first)).found()) {
        std::string spaced = sf.key(sp.first);
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        const char t = lex.find(spaced).proper();
        if (t == 'p' || t == 'l' || t == 'g')
          sp.type = t == 'p' ? entity_type::person : t == 'l' ? entity_type::place : entity_type::group;
      }
      // Post-filter 4, headings: a person's name ends before a verb in the past tense, which a
      // heading capitalises as it does every word ("How King Boabdil el Chico Marched over the
      // Border" -> Boabdil el Chico; "Ferdinand Attacked Moclin" -> Ferdinand).
      if (entry < 0 && c.why.empty() && sp.type == entity_type::person)
        for (std::size_t k = name_first + 1; k <= sp.last; ++k) {
          if (!piece.tokens[sf.token_index(k)].is_word() || !past_tense_verb(lex, env_.stats, sf.key(k))) continue;
          std::size_t end = k - 1;
          while (end > name_first &&
                 (!piece.tokens[sf.token_index(end)].is_word() || lex.in(name_list::connector, sf.key(end))))
            --end;
          sp.last = end;
          break;
        }
      // Nor does it run on into an office after the name ("he named Perkins Secretary of Labor",
      // "Henry Dundas Treasurer of the Navy" -> Perkins, Henry Dundas); a sovereign's or a peer's
      // style is the name's ("Edward Prince of Wales", "John Duke of Marlborough").
      if (entry < 0 && c.why.empty() && sp.type == entity_type::person)
        for (std::size_t k = name_first + 1; k < sp.last; ++k) {
          const std::string& w = sf.key(k);
          if (!sf.key_is(k + 1, "of") || !title_at(k) || !capitalised(piece.tokens[sf.token_index(k)].text(text)))
            continue;
          static const char* const styles[] = {"king", "queen", "prince", "princess", "emperor", "empress",
                                               "lord", "lady",  "count",  "countess", "tsar",    "czar"};
          if (peerage_title(w) ||
              std::any_of(std::begin(styles), std::end(styles), [&](const char* x) { return w == x; }))
            break;
          // A named chair: "Agassiz Professor of Oriental Languages", "Regius Professor of History".
          if ((w == "professor"sv || w == "lecturer"sv || w == "reader"sv) && k == name_first + 1) break;
          std::size_t end = k - 1;
          while (end > name_first && (!piece.tokens[sf.token_index(end)].is_word() || title_at(end))) --end;
          if (!title_at(end)) sp.last = end;
          break;
        }
      // Nor does it end in a place's office without "of" ("John I. Mitchell United States
      // Senator"): a title that is no one's name, after a place WordNet knows whole (up to three
      // words), ends the reading before the place, when two words of name stay before it.
      if (entry < 0 && c.why.empty() && sp.type == entity_type::person && sp.last >= name_first + 3 &&
          title_at(sp.last) && capitalised(piece.tokens[sf.token_index(sp.last)].text(text)) &&
          lex.find(sf.key(sp.last)).proper() != 'p' && !given_name(lex, sf.key(sp.last))) {
        const std::size_t end = sp.last - 1;
        for (std::size_t from = std::max(name_first + 2, end > 2 ? end - 2 : 0); from <= end; ++from) {
          if (lex.find(sf.span_key(from, end)).proper() != 'l') continue;
          sp.last = from - 1;
          while (sp.last > name_first && !piece.tokens[sf.token_index(sp.last)].is_word()) --sp.last;
          break;
        }
      }
      // Nor into the title of a law named after a person: "the George Floyd Justice in Policing
      // Act" -> George Floyd (the model stops before "in", three words into the title).
      if (entry < 0 && c.why.empty() && sp.type == entity_type::person && sp.last >= name_first + 2 &&
          sp.last + 2 < sf.size()) {
        const std::string& joint = sf.key(sp.last + 1);
        if (joint == "in"sv || joint == "of"sv || joint == "for"sv || joint == "on"sv || joint == "against"sv)
          for (std::size_t j = sp.last + 2; j < sf.size() && j <= sp.last + 5; ++j) {
            if (!piece.tokens[sf.token_index(j)].is_word() || !capitalised(piece.tokens[sf.token_index(j)].text(text)))
              break;
            const std::string& w = sf.key(j);
            if (w == "act"sv || w == "acts"sv || w == "bill"sv || w == "law"sv) {
              // The title's first word is a common one ("Justice"), not the name's ("Oliver Wendell
              // Holmes on Common Law Reform").
              const std::string& last = sf.key(sp.last);
              const name_entry e = lex.find(last);
              if (title_at(sp.last) || (e.common() && !e.proper() && !given_name(lex, last))) --sp.last;
              break;
            }
          }
      }
      // Post-filter 3: nor does it run on through "the" into an institution, a place or an event
      // ("In the reign of Elizabeth the Church was settled" -> Elizabeth), as an epithet does
      // ("Alexander the Great", "John the Baptist").
      if (entry < 0 && c.why.empty() && sp.type == entity_type::person)
        for (std::size_t k = name_first + 1; k < sp.last; ++k) {
          // Not after "of" or a particle: "the Lord of the Isles", "the President of the Council".
          if (!sf.key_is(k, "the") || lex.in(name_list::connector, sf.key(k - 1)) ||
              !capitalised(piece.tokens[sf.token_index(k - 1)].text(text)))
            continue;
          const std::string& w = sf.key(k + 1);
          if (lex.in(name_list::org_head, w) || lex.in(name_list::place_word, w) || lex.in(name_list::event_word, w))
            sp.last = k - 1;
          break;
        }
      // Post-filter 3: nor does a name take the crown a verb gives it ("and crowned Anne Boleyn
      // Queen", "proclaimed Mary Queen"): a sovereign's title at the end of a person's name of two
      // words or more, after crowned, proclaimed, made, declared, created or elected.
      if (entry < 0 && c.why.empty() && sp.type == entity_type::person && first > 0 && name_first + 1 < sp.last &&
          sovereign_title(sf.key(sp.last)) && [&] {
            static const char* const givers[] = {"crowned", "proclaimed", "made", "declared", "created", "elected"};
            const std::string& before = sf.key(first - 1);
            return std::any_of(std::begin(givers), std::end(givers), [&](const char* g) { return before == g; });
          }())
        --sp.last;
      // Post-filter 3: nor does a name cross a column of a table (three spaces or a tab between
      // two of its words on one line): "The Duke of Portland     First Lord of the Treasury." is the Duke of
      // Portland, his office in the next column.
      for (std::size_t k = name_first + 1; entry < 0 && k <= sp.last; ++k) {
        const token& before = piece.tokens[sf.token_index(k - 1)];
        const token& here = piece.tokens[sf.token_index(k)];
        if (here.begin <= before.end) continue;
        const std::string_view gap = text.substr(before.end, here.begin - before.end);
        // (On one line: a wrapped line's indent is no column, "the City of\n      Cordova".)
        if (gap.find('\n') != std::string_view::npos ||
            (gap.find('\t') == std::string_view::npos && gap.find("   ") == std::string_view::npos))
          continue;
        sp.last = k - 1;
        while (sp.last > name_first && !piece.tokens[sf.token_index(sp.last)].is_word()) --sp.last;
        break;
      }
      // Post-filter 3: nor does a name end in an adjective of the noun after it ("In England
      // Parliamentary oligarchy was the main thing" -> England): a last word WordNet knows only as
      // an adjective, before a lower-case word that is no function word. Not an epithet after "the"
      // ("William the Silent took Brill").
      if (entry < 0 && c.why.empty() && sp.last > name_first && sp.last + 1 < sf.size() &&
          !sf.key_is(sp.last - 1, "the") && piece.tokens[sf.token_index(sp.last)].is_word() &&
          !piece.tokens[sf.token_index(sp.last)].possessive() && piece.tokens[sf.token_index(sp.last + 1)].is_word() &&
          !capitalised(piece.tokens[sf.token_index(sp.last + 1)].text(text)) &&
          !lex.in(name_list::function_word, sf.key(sp.last + 1)) && !lex.in(name_list::nationality, sf.key(sp.last)) &&
          [&] {
            const name_entry e = lex.find(sf.key(sp.last));
            return e.found() && e.codes.find_first_not_of("aA") == std::string_view::npos;
          }()) {
        --sp.last;
        while (sp.last > name_first && !piece.tokens[sf.token_index(sp.last)].is_word()) --sp.last;
      }
      found_mention m;
      const token& a = piece.tokens[sf.token_index(first)];
      const token& b = piece.tokens[sf.token_index(sp.last)];
      m.begin = a.begin;
      m.end = b.base_end;
      // A regnal numeral's full stop is the sentence's, not the name's ("Charles I." -> Charles I).
      const bool numeral_stop = sp.type == entity_type::person && sp.last > sp.first && numeral_with_stop(sp.last) > 0;
      if (numeral_stop) --m.end;
      // The name shown with its title (keep_titles) starts at the first title the text spells out
      // as an office, a rank or a style ("Vice President Bush", "Lord Chancellor Clarendon", "Sir
      // Walter Raleigh"). A form of address before it is left to the aliases, as are an epithet of
      // age, a nationality and a title misread from print: "Dear Mr. Wilberforce" -> Wilberforce,
      // "Messrs. Brown" -> Brown, "the French General Moreau" -> General Moreau, "Prefident
      // Lincoln" -> Lincoln.
      std::size_t shown = name_first;
      if (keep_titles_) {
        auto spelled_title = [&](std::size_t i) {
          const std::string& k = sf.key(i);
          if (!piece.tokens[sf.token_index(i)].is_word() || nationality(k)) return false;
          if (const address_form* a = address_of(k); a && (a->bare ? k != "sir"sv : k == "m."sv)) return false;
          if (lex.in(name_list::title, k) || office(i)) return true;
          if (k.find('-') != std::string::npos && title_at(i)) return true;                        // "Major-General"
          if (k.size() <= 6 && k.back() != '.' && lex.in(name_list::title, k + '.')) return true;  // "Capt Lott"
          return k.size() > 4 && k.back() == 's' && lex.in(name_list::title, k.substr(0, k.size() - 1));  // "Senators"
        };
        shown = first;
        // (A name that is only a title keeps its epithet: "the Old Lady", a film's role.)
        const bool only_titles = name_first == sp.last && title_at(name_first);
        while (shown < name_first && !spelled_title(shown) &&
               !(only_titles && piece.tokens[sf.token_index(shown)].is_word() && !address_of(sf.key(shown))))
          ++shown;
      }
      m.name_begin = piece.tokens[sf.token_index(shown)].begin;
      m.sentence = a.sentence;
      m.block = a.block;
      m.paragraph = a.paragraph;
      m.block_kind = a.block_kind;
      m.type = sp.type;
      m.gazetteer_entry = entry;
      for (std::size_t i = name_first; i <= sp.last; ++i) {
        if (!piece.tokens[sf.token_index(i)].is_word()) continue;
        if (!m.key.empty()) m.key += ' ';
        m.key += sf.key(i);
      }
      if (numeral_stop && !m.key.empty() && m.key.back() == '.') m.key.pop_back();
      for (const auto& t : titles)
        if (!m.gender) m.gender = gender_of_title(t);
      m.titles = std::move(titles);
      if (sp.last + 1 < sf.size() && piece.tokens[sf.token_index(sp.last + 1)].is_word())
        m.next_key = sf.key(sp.last + 1);
      if (first > 0 && piece.tokens[sf.token_index(first - 1)].is_word())
        m.place_before = preposition_of_place(sf.key(first - 1));
      m.beside_place = std::any_of(chosen.begin(), chosen.end(), [&](const chosen_span& o) {
        return o.span.type == entity_type::place &&
               ((o.span.last + 2 == c.span.first && sf.key_is(c.span.first - 1, ",")) ||
                (o.span.first == c.span.last + 2 && sf.key_is(c.span.last + 1, ",")));
      });
      if (std::size_t r = sp.last + 1 + (sp.last + 1 < sf.size() && sf.key_is(sp.last + 1, ",")); r < sf.size()) {
        const std::string& w = sf.key(r);
        m.relative_after = (w == "who"sv || w == "whom"sv || w == "whose"sv) ? relative_who
                           : w == "which"sv                                  ? relative_which
                                                                             : 0;
      }
      if (m.key.empty()) continue;
      // Post-filter 7: a form of address alone names nobody ("Dear Sir,"; "Yes, Madam").
      // Nor as a group ("Ladies", "Gentlemen": the plural salutes, it names no party).
      if (entry < 0 && bare_address(m.key)) continue;
      // Nor does the plural of an office name a party, alone ("Senators will be asked to vote",
      // "the Ministers resolved") or after a party's or a people's word ("nearly all Republican
      // Senators have announced", "the Tory Ministers", "the Roman Emperors": an adjective WordNet
      // knows only so, a kind of person or a nationality): the holders are no body with a name. Not
      // "the Lords" (the House), nor an order's brothers, fathers or saints, nor an institution
      // ("the Republican Party").
      if (entry < 0 && m.type == entity_type::group &&
          (m.key.find(' ') == std::string::npos || (name_first == sp.first && sp.last == sp.first + 1)) && [&] {
            static const char* const bodies[] = {"lords",    "brothers", "fathers",        "sisters",
                                                 "mothers",  "saints",   "elders",         "friars",
                                                 "citizens", "comrades", "representatives"};
            const std::string& k = sf.key(sp.last);
            if (!plural_of_title(lex, k) || lex.in(name_list::org_head, k) ||
                std::any_of(std::begin(bodies), std::end(bodies), [&](const char* b) { return k == b; }))
              return false;
            if (m.key.find(' ') == std::string::npos) return true;
            const std::string& a = sf.key(sp.first);
            const name_entry e = lex.find(a);
            return lex.in(name_list::nationality, a) ||
                   (e.found() && e.codes.find_first_not_of("aA") == std::string_view::npos) || e.proper() == 'P';
          }())
        continue;
      // Nor does the office "of" a title name a body ("to hold the Office of Vice Presidency",
      // "Resign the Office of President of the United States"): the post. Not where an article
      // follows "of" ("the Office of the High Commissioner for Human Rights" is an institution).
      if (entry < 0 && m.type == entity_type::group && name_first == sp.first && sp.first + 2 <= sp.last &&
          sf.key_is(sp.first, "office") && sf.key_is(sp.first + 1, "of") && title_at(sp.first + 2))
        continue;
      // Nor does an adjective before its noun name a group ("turn to Democratic control", "the
      // Democratic majority"): one word WordNet knows only as an adjective, before a lower-case
      // word. Not a nationality (the model's reading of "French troops" stays).
      if (entry < 0 && m.type == entity_type::group && sp.first == sp.last && name_first == sp.first &&
          sp.last + 1 < sf.size() && piece.tokens[sf.token_index(sp.last + 1)].is_word() &&
          !capitalised(piece.tokens[sf.token_index(sp.last + 1)].text(text)) &&
          !lex.in(name_list::nationality, sf.key(sp.first)) && [&] {
            const name_entry e = lex.find(sf.key(sp.first));
            return e.found() && e.codes.find_first_not_of("aA") == std::string_view::npos;
          }())
        continue;
      // A name printed in capitals inside a sentence of ordinary case ("AGRICOLA came", as Dickens
      // prints names) is a person where the model read an acronym's group, when WordNet knows it as
      // a person's name, or it is a given name of five letters or more that is no plural. Not an
      // unknown word: long acronyms are ("CENTROSOYUZ", "NARKOMINDEL"); nor "EVA", "UNESCO",
      // "BRITONS" or "INTERPOL".
      if (entry < 0 && m.type == entity_type::group && sp.first == sp.last && name_first == sp.first &&
          sf.normal_case() && [&] {
            const std::string_view w = piece.tokens[sf.token_index(sp.first)].text(text);
            const std::string& k = sf.key(sp.first);
            bool allcaps = false;
            if (w.size() < 3 || !capitalised(w, &allcaps) || !allcaps) return false;
            const name_entry e = lex.find(k);
            if (e.has('g') || e.has('l')) return false;
            // A plural's singular is a known word ("BRITONS").
            bool plural = false;
            for (const std::string& one : singular_forms(k)) plural = plural || lex.find(one).found();
            return e.proper() == 'p' || (given_name(lex, k) && k.size() >= 5 && !plural);
          }())
        m.type = sp.type = entity_type::person;
      // Nor is a kind of person after an article a person's name ("a Jacobin", "the Frenchman",
      // "a Levite"): one word WordNet knows as a kind of person and as no one's name, no given
      // name and no title (a title alone is a person: "the President", post-filter 7).
      if (entry < 0 && m.type == entity_type::person && sp.first == sp.last && name_first == sp.first && sp.first > 0 &&
          [&] {
            const std::string& b = sf.key(sp.first - 1);
            if (b != "a"sv && b != "an"sv && b != "the"sv && b != "every"sv && b != "this"sv && b != "that"sv)
              return false;
            if (sp.last + 1 < sf.size() && piece.tokens[sf.token_index(sp.last + 1)].is_word() &&
                capitalised(piece.tokens[sf.token_index(sp.last + 1)].text(text)))
              return false;
            const std::string& k = sf.key(sp.first);
            const name_entry e = lex.find(k);
            return e.has('P') && !e.has('p') && !e.has('l') && !e.has('g') && !given_name(lex, k) &&
                   !title_at(sp.first);
          }())
        continue;
      // Nor is an adjective of a people between an article and its noun a name ("the Norman
      // victors", "a Saxon thane", "the Roman road"): one word WordNet knows as a capitalised
      // adjective, before a lower-case common noun; read as a person, a place, or a group that is
      // no nationality of the curated list (the model's "the French troops" stays, as above).
      if (entry < 0 && modelled_type(m.type) && sp.first == sp.last && name_first == sp.first && sp.first > 0 &&
          !(m.type == entity_type::group && lex.in(name_list::nationality, sf.key(sp.first))) &&
          adjective_before_noun(text, piece, sf, sp.first))
        continue;
      // Nor is a common noun after "the" a person's name: it is an institution ("the Kirk would
      // have groaned", "war between the Crown and the Kirk"). One word WordNet knows only as
      // common nouns, no given name, no title, no kind of person: the reading becomes a group.
      if (entry < 0 && m.type == entity_type::person && sp.first == sp.last && name_first == sp.first && sp.first > 0 &&
          sf.key_is(sp.first - 1, "the") && !title_at(sp.first) &&
          !piece.tokens[sf.token_index(sp.first)].possessive() && [&] {
            const std::string& k = sf.key(sp.first);
            const name_entry e = lex.find(k);
            return e.found() && !e.proper() && e.codes.find_first_not_of("nqw") == std::string_view::npos &&
                   !given_name(lex, k);
          }())
        m.type = sp.type = entity_type::group;
      // Nor is the head of a law, a treaty or an event a person after an article or the law's own
      // name ("the Bill was rejected", "the first Bill passed", "the Royal Marriage Bill", "the
      // Alien Bill": Bill is a given name too). One word of the list of events' heads, after "the",
      // "a", "this", "that", an ordinal or a capitalised word that is no title and no word of
      // kin or endearment ("Uncle Bill", "Old Bill", "Little Bill").
      if (entry < 0 && m.type == entity_type::person && sp.first == sp.last && name_first == sp.first && sp.first > 0 &&
          lex.in(name_list::event_word, sf.key(sp.first)) && [&] {
            static const char* const before[] = {"the", "a", "an", "this", "that", "first", "second", "third", "new"};
            const std::string& b = sf.key(sp.first - 1);
            const token& t = piece.tokens[sf.token_index(sp.first - 1)];
            static const char* const familiar[] = {"uncle",  "aunt", "cousin", "brother", "old",
                                                   "little", "big",  "young",  "poor",    "dear"};
            if (t.is_word() && capitalised(t.text(text)) && !t.possessive() && !title_at(sp.first - 1) &&
                !lex.in(name_list::function_word, b) &&
                std::none_of(std::begin(familiar), std::end(familiar), [&](const char* w) { return b == w; }))
              return true;
            return std::any_of(std::begin(before), std::end(before), [&](const char* w) { return b == w; });
          }())
        continue;
      // Nor is a name of two words or more that ends in the head of a law, a plan, a prize or an
      // event a group or a place: "the Marshall Plan", "the Reform Bill", "the Glorious Revolution"
      // read as groups are `other`. Not a body's name ("the Office of Science and Technology
      // Policy": a word of the heads of institutions in it).
      if (entry < 0 && c.why.empty() && (m.type == entity_type::group || m.type == entity_type::place) &&
          name_first < sp.last && lex.in(name_list::event_word, sf.key(sp.last)) && [&] {
            for (std::size_t i = name_first; i < sp.last; ++i)
              if (lex.in(name_list::org_head, sf.key(i))) return false;
            return true;
          }()) {
        m.type = sp.type = entity_type::other;
        // The evidence is this reason: the model has no reading of `other` to explain.
        c.why = "ends in the head of a law or an event, '" + sf.key(sp.last) + "'";
      }
      // And a prize named after a person, read as the person: "the César Award", "the Copley
      // Medal", "the Nobel Prize" (only these heads: "Day", "Law" and "Strike" are surnames too).
      if (entry < 0 && c.why.empty() && m.type == entity_type::person && name_first < sp.last && [&] {
            static const char* const prizes[] = {"award", "awards", "prize", "prizes", "medal", "medals"};
            return std::any_of(std::begin(prizes), std::end(prizes),
                               [&](const char* w) { return sf.key_is(sp.last, w); });
          }()) {
        m.type = sp.type = entity_type::other;
        c.why = "ends in the head of a prize, '" + sf.key(sp.last) + "'";
      }
      // A hyphenated given name is a person's ("the Mary-Kate and Ashley Olsen comedy", read as a
      // place; "Jean-Baptiste", "Anne-Marie"): one word whose parts are all given names and no
      // place WordNet knows.
      if (entry < 0 && m.type != entity_type::person && sp.first == sp.last && name_first == sp.first && [&] {
            const std::string& k = sf.key(sp.first);
            if (k.find('-') == std::string::npos) return false;
            int parts = 0;
            for (std::size_t a = 0, b; a <= k.size(); a = b + 1, ++parts) {
              b = std::min(k.find('-', a), k.size());
              const std::string part = k.substr(a, b - a);
              if (part.size() < 2 || !given_name(lex, part) || lex.find(part).has('l')) return false;
            }
            return parts >= 2;
          }())
        m.type = sp.type = entity_type::person;
      // A one-word place that "is" or "became" a title is a person ("Wellington is Prime Minister":
      // a peer called by his title's place; "Victoria became Queen"): the verb, maybe an article,
      // then a title within two words.
      if (entry < 0 && m.type == entity_type::place && sp.first == sp.last && name_first == sp.first && [&] {
            std::size_t k = sp.last + 1;
            if (k + 1 >= sf.size()) return false;
            const std::string& v = sf.key(k);
            if (v != "is"sv && v != "was"sv && v != "became"sv && v != "becomes"sv) return false;
            ++k;
            if (sf.key_is(k, "the") || sf.key_is(k, "a")) ++k;
            return (k < sf.size() && title_at(k)) || (k + 1 < sf.size() && title_at(k + 1));
          }()) {
        m.type = sp.type = entity_type::person;
        if (c.why.empty()) c.why = "a place's name that is or became a title";
      }
      // A commander is named after "under" where forces or a service come just before it: "the
      // allies under Wellington", "the army under Wellington marched", "served under Nelson" (read
      // as places): one word WordNet knows as a person's name too, or a given name, and no place's
      // head after it ("under London Bridge").
      if (entry < 0 && m.type == entity_type::place && sp.first == sp.last && name_first == sp.first && sp.first >= 2 &&
          sf.key_is(sp.first - 1, "under") && [&] {
            static const char* const forces[] = {"army",   "armies",   "troops",   "forces", "fleet",     "fleets",
                                                 "allies", "men",      "soldiers", "served", "serving",   "squadron",
                                                 "corps",  "division", "regiment", "column", "detachment"};
            const std::string& b = sf.key(sp.first - 2);
            if (std::none_of(std::begin(forces), std::end(forces), [&](const char* f) { return b == f; })) return false;
            const std::string& k = sf.key(sp.first);
            if (!lex.find(k).has('p') && !given_name(lex, k)) return false;
            return !(sp.last + 1 < sf.size() && lex.in(name_list::place_word, sf.key(sp.last + 1)));
          }()) {
        m.type = sp.type = entity_type::person;
        if (c.why.empty()) c.why = "a commander after 'under'";
      }
      // The names before a nickname in quotation marks and a surname are a person's given names
      // ("their second son, Austin Shepherd "Shep" Padalecki", read as a group; "George Herman
      // "Babe" Ruth"): one or two capitalised words between the marks, a capitalised word after.
      if (entry < 0 && m.type != entity_type::person && [&] {
            auto text_at = [&](std::size_t i) { return piece.tokens[sf.token_index(i)].text(text); };
            auto cap_at = [&](std::size_t i) { return capitalised_word(text, piece, sf, i); };
            // (Not one word WordNet knows as a place and no given name: "Paris "Old Town" Market".)
            if (sp.first == sp.last && lex.find(sf.key(sp.first)).has('l') && !given_name(lex, sf.key(sp.first)))
              return false;
            std::size_t i = sp.last + 1;
            if (i + 3 >= sf.size()) return false;
            const std::string_view open = text_at(i);
            const std::string_view close = open == "\""sv ? "\""sv : open == "\u201c"sv ? "\u201d"sv : ""sv;
            if (close.empty() || !cap_at(i + 1)) return false;
            std::size_t j = i + 2;
            if (cap_at(j)) ++j;
            return j + 1 < sf.size() && text_at(j) == close && cap_at(j + 1);
          }()) {
        m.type = sp.type = entity_type::person;
        if (c.why.empty()) c.why = "given names before a nickname in quotation marks";
      }
      // Nor does a word WordNet knows as a capitalised adjective, and as no one's name, read alone
      // as a person or a group before a lower-case noun: it is the noun's adjective ("the Catholic
      // sovereigns", "the Lutheran church"; not a nationality, "French troops"). Not a kind of
      // person without the adjective: WordNet makes kinds of Pharaoh, Pilate and Simeon, and a
      // dropped reading is dropped from the history too, which the model reads on.
      if (entry < 0 && (m.type == entity_type::person || m.type == entity_type::group) && sp.first == sp.last &&
          name_first == sp.first && sp.last + 1 < sf.size() && !piece.tokens[sf.token_index(sp.last)].possessive() &&
          piece.tokens[sf.token_index(sp.last + 1)].is_word() &&
          !capitalised(piece.tokens[sf.token_index(sp.last + 1)].text(text)) &&
          !lex.in(name_list::nationality, sf.key(sp.first)) && [&] {
            const std::string& k = sf.key(sp.first);
            const name_entry e = lex.find(k);
            if (!e.has('A') || e.has('p') || e.has('l') || e.has('g') || given_name(lex, k)) return false;
            // A noun, not a verb after its subject ("Pharaoh saw", "the Catholic sovereigns").
            const std::string& next = sf.key(sp.last + 1);
            if (lex.in(name_list::function_word, next) || lex.find(next).has('v')) return false;
            // Or its singular's: "sovereigns".
            return word_or_singular(lex, next, [](const name_entry& x) { return x.common_noun() != 0; });
          }())
        continue;
      // Nor does such an adjective after a copula name a person ("her father was Catholic and her
      // mother a Protestant"): a word WordNet knows as a capitalised adjective and as no one's name.
      if (entry < 0 && m.type == entity_type::person && sp.first == sp.last && name_first == sp.first && sp.first > 0 &&
          [&] {
            static const char* const copulas[] = {"was", "is", "were", "are", "be", "been", "became", "remained"};
            const std::string& before = sf.key(sp.first - 1);
            if (std::none_of(std::begin(copulas), std::end(copulas), [&](const char* c) { return before == c; }))
              return false;
            const name_entry e = lex.find(sf.key(sp.first));
            return e.has('A') && !e.has('p') && !given_name(lex, sf.key(sp.first));
          }())
        continue;
      // Nor does an office that a verb gives to someone ("he became Professor of Linguistics", "was
      // appointed Master of the Rolls", "served as Secretary of State"): the reading names the post,
      // not a person. Only an office "of" common words (no place, no name, no institution: "became
      // Governor of Virginia", "was President of the Royal Society" name Virginia and the Society),
      // and not a sovereign's, a peer's or a churchman's style ("was created Duke of Wellington",
      // "was Archbishop of Sens").
      if (entry < 0 && m.type == entity_type::person && first > 0 && first == name_first && first + 2 <= sp.last &&
          sf.key_is(first + 1, "of") && title_at(first) && !peerage_title(sf.key(first)) &&
          !sovereign_title(sf.key(first)) && !church_title(sf.key(first)) && !sf.key_is(first, "lord") &&
          !sf.key_is(first, "lady") && [&] {
            static const char* const givers[] = {"was",    "is",      "be",        "been",   "became",
                                                 "become", "becomes", "appointed", "named",  "elected",
                                                 "made",   "as",      "remained",  "chosen", "nominated"};
            auto giver = [&](std::size_t k) {
              return std::any_of(std::begin(givers), std::end(givers), [&](const char* g) { return sf.key_is(k, g); });
            };
            // Or a second office of the same predicate: "was an American linguist and Professor of
            // Linguistics" (a giver within six lower-case words or nationalities before "and").
            bool given = giver(first - 1);
            if (!given && sf.key_is(first - 1, "and"))
              for (std::size_t k = first - 1; k-- > 0 && first - 1 - k <= 6 && !given;) {
                const token& t = piece.tokens[sf.token_index(k)];
                if (!t.is_word() || (capitalised(t.text(text)) && !lex.in(name_list::nationality, sf.key(k)))) break;
                given = giver(k);
              }
            if (!given) return false;
            for (std::size_t k = first + 2; k <= sp.last; ++k) {
              if (!piece.tokens[sf.token_index(k)].is_word()) continue;
              const std::string& w = sf.key(k);
              if (lex.in(name_list::function_word, w) || lex.in(name_list::connector, w) ||
                  lex.in(name_list::nationality, w) || title_at(k))
                continue;
              // An institution named after "of" is named there: "was President of the Royal Society".
              if (given_name(lex, w) || lex.in(name_list::org_head, w)) return false;
              // A common word, or its singular's: "Studies".
              if (!word_or_singular(lex, w, [](const name_entry& x) { return x.common(); })) return false;
            }
            // The office's last word names nothing: "Mayor of Bath", "Governor of Jersey", "Viceroy
            // of China" name a place WordNet knows (its common senses aside), "Professor of Botany
            // Gray" a person.
            return !lex.find(sf.key(sp.last)).proper();
          }())
        continue;
      // Nor does an abbreviated title ("Capt," where OCR read a comma for the full stop), nor a
      // rank after a name and its comma ("Sir John Dashwood, Bart.", "Thomas Coke, Esq.").
      if (entry < 0 && m.key.find(' ') == std::string::npos && m.key.size() <= 7 && title_word(m.key) &&
          (m.key.back() == '.' || env_.lex->in(name_list::title, m.key + '.')))
        continue;
      if (entry < 0 &&
          (m.key == "bart."sv || m.key == "bart"sv || m.key == "bt."sv || m.key == "esq."sv || m.key == "esq"sv ||
           m.key == "knt."sv || m.key == "knt"sv) &&
          first > 0 && sf.key_is(first - 1, ","))
        continue;
      // Nor does a common noun after a possessive pronoun ("my Journal", "his Stepmother", "your
      // Uncle": old print capitalises nouns), only a word WordNet knows as a common noun and not as a
      // name, and no given name ("my Godmersham", "my Emma" stay).
      if (entry < 0 && name_first == sp.last && sp.first == sp.last && sp.first > 0 && [&] {
            static const char* const pronouns[] = {"my", "his", "her", "our", "their", "your", "thy", "its"};
            const std::string& before = sf.key(sp.first - 1);
            const std::string& k = sf.key(sp.first);
            return !sf.all_capitals() &&
                   std::any_of(std::begin(pronouns), std::end(pronouns), [&](const char* w) { return before == w; }) &&
                   lex.find(k).common() && !lex.find(k).proper() && !given_name(lex, k);
          }())
        continue;
      // Post-filter 9: initials alone name no person or place ("Mrs. B.", "A.M.", "N. Y."), unless
      // the lexicon knows them as a name ("U.S.", "D.C."); a group's initials are its name.
      if (entry < 0 && m.type != entity_type::group && only_initials(m.key) && !lex.find(m.key).proper()) continue;
      // Nor does a suffix or an abbreviation alone ("Jr.", "Co."), whatever the model read.
      if (entry < 0 && lone_abbreviation(m.key)) continue;
      // Nor does a web or an e-mail address ("CI.taiwan.gov.tw").
      if (entry < 0 && web_address(m.key, text.substr(m.begin, m.end - m.begin))) continue;
      // Evidence: the margin's largest shares, for the first few mentions of each name.
      if (!c.why.empty()) {
        m.reasons = {{c.why, 1.0f}};
        // A post-filter's reading is as sure as the model's surest in the document's vote on a
        // name's type (grouping): "the parish of Stepney" outvotes a person read before it. One
        // from the name's own context, not a list's, also wins a tie (by_rule).
        m.margin = 10.0f;
        m.by_rule = !c.listed;
      } else if (entry < 0 && explained_[m.key]++ < 3) {
        margin_report rep = explain(*model_, sf, sp, {}, 16);
        m.margin = rep.margin;
        // Shares come largest first: only the leading ones are put in words (a dozen covers the
        // five kept even when several tokens share a feature).
        std::map<std::string, float> by_words;
        std::size_t worded = 0;
        for (const auto& [d, share] : rep.shares) {
          if (share <= 0 || worded == 12) break;
          if (d.f == feat::bias) continue;
          by_words[describe(d.f, d.value, d.detail)] += share;
          ++worded;
        }
        std::vector<std::pair<std::string, float>> r(by_words.begin(), by_words.end());
        std::stable_sort(r.begin(), r.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
        if (r.size() > 5) r.resize(5);
        m.reasons = std::move(r);
      }
      out.push_back(std::move(m));
    }
    if (env_.history) {
      const std::vector<int> final_tags = tags_of(read, tags.size());
      for (std::size_t i = 0; i < final_tags.size(); ++i) history_.record(sf.key(i), p.eligible[i], final_tags[i]);
    }
  }
  add_named_people(text, out, first_new);
}

}  // namespace histext::entities_detail
