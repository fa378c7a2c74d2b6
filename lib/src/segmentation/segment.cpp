#include "histext/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#ifdef __linux__
#include <sys/mman.h>
#endif

#include "common/fast_paths.hpp"
#include "common/text_util.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"
#include "lexicons/data_list.hpp"
#include "segmentation/blocks.hpp"
#include "segmentation/dehyphenate.hpp"

namespace histext {

const char* to_string(token_kind kind) {
  switch (kind) {
    case token_kind::word: return "word";
    case token_kind::number: return "number";
    case token_kind::punctuation: return "punctuation";
    case token_kind::symbol: return "symbol";
    case token_kind::footnote: return "footnote";
  }
  return "word";
}

// ---------------------------------------------------------------------------------------------
// Possessives

namespace {

// Grammatical contractions with 's that are not possessives ('s = is, has; "let's" = let us).
bool is_s_contraction(std::string_view base) {
  static const std::unordered_set<std::string_view> words = {"it",  "that",  "he",  "she", "there", "here", "what",
                                                             "who", "where", "how", "let", "when",  "why",  "this"};
  return words.count(base) != 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string_view without_s_ending(std::string_view norm) {
  return norm.size() > 2 && ends_with(norm, "'s") ? norm.substr(0, norm.size() - 2) : norm;
}

std::string_view without_possessive(std::string_view norm) {
  if (norm.size() > 2 && ends_with(norm, "'s")) {
    std::string_view base = norm.substr(0, norm.size() - 2);
    return is_s_contraction(base) ? norm : base;
  }
  if (norm.size() > 2 && ends_with(norm, "s'")) return norm.substr(0, norm.size() - 1);  // "farmers'"
  return norm;
}

// ---------------------------------------------------------------------------------------------
// The segmenter

namespace {

struct abbreviation_list {
  std::unordered_set<std::string> known;          // lower-cased, without the final period ("gen", "u.s")
  std::unordered_set<std::string> may_end;        // lower-cased, without the final period ("etc")
  std::unordered_set<std::string> before_number;  // also ordinary words: abbreviations only before a number ("no")
};

abbreviation_list load_abbreviations() {
  abbreviation_list list;
  for_each_data_line("abbreviations.txt", [&](std::string_view line) {
    std::string_view word = line.substr(0, line.find_first_of(" \t"));
    bool ends = line.find(" end") != std::string_view::npos;
    bool number = line.find(" number") != std::string_view::npos;
    if (word.size() < 2 || word.back() != '.') return;
    std::string key = ascii_lower(word.substr(0, word.size() - 1));
    (number ? list.before_number : list.known).insert(key);
    if (ends) list.may_end.insert(key);
  });
  return list;
}

// An upper-case Roman numeral of two letters or more in its usual form (II, IV, VIII, XIV, MDCC).
// Single letters are left to the initials ("J.").
bool is_roman_numeral(std::string_view w) {
  if (w.size() < 2 || w.size() > 12) return false;
  auto value = [](char c) {
    switch (c) {
      case 'I': return 1;
      case 'V': return 5;
      case 'X': return 10;
      case 'L': return 50;
      case 'C': return 100;
      case 'D': return 500;
      case 'M': return 1000;
      default: return 0;
    }
  };
  // Sum with subtraction, then check the number prints back the same way (rejects "IIII", "VX", "IL").
  int total = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    int v = value(w[i]);
    if (v == 0) return false;
    int next = i + 1 < w.size() ? value(w[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  if (total <= 0 || total >= 4000) return false;
  static const char* const thousands[] = {"", "M", "MM", "MMM"};
  static const char* const hundreds[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
  static const char* const tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
  static const char* const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  std::string canonical =
      std::string(thousands[total / 1000]) + hundreds[total / 100 % 10] + tens[total / 10 % 10] + ones[total % 10];
  return canonical == w;
}

// A footnote number: 1 to 3 ASCII digits, not starting with 0 ("4", "12"; "05" reads as a decimal).
bool is_footnote_number(std::string_view w) {
  if (w.empty() || w.size() > 3 || w[0] == '0') return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Prefixes that UD keeps joined even when it splits hyphenated words ("e-mail", "non-Microsoft").
bool is_prefix(const std::string& w) {
  static const std::unordered_set<std::string> prefixes = {"e",    "x",  "non",   "counter", "mis", "pre", "co",
                                                           "anti", "re", "multi", "semi",    "ex",  "un"};
  return prefixes.count(w) != 0;
}

bool is_hyphen(std::string_view s) { return s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91"; }

// ASCII case-insensitive comparisons (for URL schemes).
bool iequals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != lower[i]) return false;
  return true;
}
bool istarts_with(std::string_view a, std::string_view lower) {
  return a.size() >= lower.size() && iequals(a.substr(0, lower.size()), lower);
}

struct raw_token {
  std::size_t begin, end;  // relative to the block
  token_kind kind;
  bool hyphenated = false;
};

UChar32 first_char(std::string_view s) {
  UChar32 c = 0;
  std::size_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
  return c;
}

UChar32 last_char(std::string_view s) {
  UChar32 c = 0;
  auto i = static_cast<int32_t>(s.size());
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

bool has_letter(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, s.size(), c);
    if (u_isalpha(c)) return true;
  }
  return false;
}

bool is_superscript_digits(std::string_view s) {
  for (std::string_view d : {"\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5",
                             "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"}) {
    if (s.substr(0, d.size()) == d) return s.size() == d.size() || is_superscript_digits(s.substr(d.size()));
  }
  return false;
}

}  // namespace

struct segmenter::impl {
  segment_options options;
  abbreviation_list abbreviations;
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  UText* utext = nullptr;
  std::string scratch;
  std::vector<raw_token> raw;
  std::vector<raw_token> merged;  // merge_tokens' output, swapped with raw
  std::vector<std::size_t> breaks;
  std::vector<std::size_t> kept;                           // find_sentences' scratch
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // [begin, end) of each line of the block

  explicit impl(const segment_options& o) : options(o), abbreviations(load_abbreviations()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale en("en");
    words.reset(icu::BreakIterator::createWordInstance(en, status));
    // ICU's plain sentence rules; abbreviations are judged on tokens in find_sentences, from the
    // project's list. ICU's own suppression list (en@ss=standard) is not used: on the evaluation
    // texts it swallowed real sentence ends after "Act.", "OK.", "AD.", "IoT." and "Go."
    // ("... the Policing Act. I thank ..." was one sentence), and it costs time at every break.
    sentences.reset(icu::BreakIterator::createSentenceInstance(en, status));
    if (U_FAILURE(status)) throw error(std::string("ICU break iterators: ") + u_errorName(status));
    utext = utext_openUTF8(nullptr, "", 0, &status);
  }
  ~impl() { utext_close(utext); }

  void tokenize(std::string_view s);
  void merge_tokens(std::string_view s);
  void find_sentences(std::string_view s);
  void add_list_item_breaks(std::string_view s);
  void add_line_breaks(std::string_view s);
  bool lines_end_sentences = false;  // the block's lines are headings, a dateline, a signature...
  void emit(std::string_view text, const block& b, segmentation& out);
};

// ICU word segments of the block, classified; whitespace dropped.
void segmenter::impl::tokenize(std::string_view s) {
  raw.clear();
  UErrorCode status = U_ZERO_ERROR;
  words->setText(utext, status);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    std::string_view piece = s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    // A piece opening with an ASCII letter is a word, and one opening with an ASCII digit with a
    // letter inside ("4th", "Bukharin1") is a word too, whatever ICU's rule status: only the
    // other pieces need it (a digit before a character ICU counts as a letter but u_isalpha does
    // not, as in "1\u02D7", takes ICU's word).
    // A run of spaces, or one ASCII byte that is neither a letter, a digit, "_" (which can open
    // a word: "_id") nor "@" (a letter to ICU, for e-mail addresses), is a piece no rule tags:
    // its status is UBRK_WORD_NONE (segment.ascii_pieces_take_icu_kinds checks every byte).
    // The reference is ICU's rule status for every piece.
    int32_t status;
    if constexpr (fast_paths) {
      const auto lead = static_cast<unsigned char>(piece[0]);
      const bool digit = static_cast<unsigned>(lead - '0') < 10u;
      status = static_cast<unsigned>((lead | 0x20) - 'a') < 26u ? UBRK_WORD_LETTER
               : digit && has_letter(piece)                     ? UBRK_WORD_NUMBER
               : lead == ' ' || (lead < 0x80 && piece.size() == 1 && !digit && lead != '_' && lead != '@')
                   ? UBRK_WORD_NONE
                   : words->getRuleStatus();
    } else {
      status = words->getRuleStatus();
    }
    token_kind kind;
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
      // Fast path: the common spaces without a property look-up (u_isUWhiteSpace below is the reference).
      if (fast_paths && (piece[0] == ' ' || piece[0] == '\t')) continue;
      UChar32 c = first_char(piece);
      if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF) continue;
      // Superscript digits glued to a word ("Stalin²") or to the full stop after one ("treaty.¹").
      auto glued_to_word_or_stop = [&] {
        if (raw.empty() || raw.back().end != static_cast<std::size_t>(start)) return false;
        if (raw.back().kind == token_kind::word) return true;
        const raw_token& dot = raw.back();
        return dot.end - dot.begin == 1 && s[dot.begin] == '.' && raw.size() >= 2 &&
               raw[raw.size() - 2].end == dot.begin && raw[raw.size() - 2].kind == token_kind::word;
      };
      if ((piece[0] == '\xC2' || piece[0] == '\xE2') && is_superscript_digits(piece) && glued_to_word_or_stop())
        kind = token_kind::footnote;
      else if (u_ispunct(c))
        kind = token_kind::punctuation;
      else if (u_isalpha(c))  // letters ICU leaves unclassified (e.g. some scripts' marks)
        kind = token_kind::word;
      else
        kind = token_kind::symbol;
    } else if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) {
      kind = has_letter(piece) ? token_kind::word : token_kind::number;  // "Bukharin1", "4th"
    } else {
      kind = token_kind::word;
    }
    raw.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end), kind});
  }
}

// Joins and splits ICU's pieces into histext's tokens (hyphenated compounds, abbreviations with
// their period, ellipses, URLs and e-mail addresses) and splits footnote markers from words.
void segmenter::impl::merge_tokens(std::string_view s) {
  auto text = [&](const raw_token& t) { return s.substr(t.begin, t.end - t.begin); };
  std::vector<raw_token>& out = merged;
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    raw_token t = raw[i];
    auto adjacent = [&](std::size_t j) { return j < raw.size() && raw[j].begin == raw[j - 1].end; };

    // Fast path (most tokens): every rule below needs the next token adjacent and either this
    // token a one-byte punctuation mark or symbol, or the next one opening with one of : @ - . /
    // or a Unicode hyphen (U+2010, U+2011: first byte 0xE2). The exceptions are a word opening
    // with "www." and a footnote marker glued to a word (a final digit). Any other token is kept
    // as it is. A new rule must widen `joinable` or `maybe`.
    // The reference tries every rule below on every token.
    if constexpr (fast_paths) {
      auto joins_next = [](char c) {
        switch (c) {
          case ':':
          case '@':
          case '-':
          case '.':
          case '/':
          case '\xE2': return true;
          default: return false;
        }
      };
      const bool joinable =
          adjacent(i + 1) &&
          ((t.end - t.begin == 1 && (t.kind == token_kind::punctuation || t.kind == token_kind::symbol)) ||
           joins_next(s[raw[i + 1].begin]));
      if (!joinable) {
        std::string_view w = text(t);
        bool maybe = (t.kind == token_kind::word && ((w[0] | 0x20) == 'w' || (w.back() >= '0' && w.back() <= '9'))) ||
                     (t.kind == token_kind::number && w.size() >= 5 && w.find('.') != std::string_view::npos);
        if (!maybe) {
          out.push_back(t);
          continue;
        }
      }
    }

    // URL: scheme "://..." or "www." up to the next space; trailing punctuation stays out.
    bool scheme = t.kind == token_kind::word && adjacent(i + 1) && text(raw[i + 1]) == ":" && adjacent(i + 2) &&
                  text(raw[i + 2]) == "/" &&
                  (iequals(text(t), "http") || iequals(text(t), "https") || iequals(text(t), "ftp"));
    if (scheme || (t.kind == token_kind::word && istarts_with(text(t), "www."))) {
      std::size_t j = i;
      while (adjacent(j + 1)) ++j;
      while (j > i && raw[j].kind == token_kind::punctuation && text(raw[j]) != "/") --j;
      out.push_back({t.begin, raw[j].end, token_kind::symbol});
      i = j;
      continue;
    }
    // E-mail: word @ word.word
    if (t.kind == token_kind::word && adjacent(i + 1) && text(raw[i + 1]) == "@" && adjacent(i + 2) &&
        raw[i + 2].kind == token_kind::word && text(raw[i + 2]).find('.') != std::string_view::npos) {
      out.push_back({t.begin, raw[i + 2].end, token_kind::symbol});
      i += 2;
      continue;
    }
    // Hyphenated compound: word (hyphen word)+, at least one side of each hyphen a word.
    if (t.kind == token_kind::word || t.kind == token_kind::number) {
      std::size_t j = i;
      while ((!options.split_hyphens || (j == i && is_prefix(ascii_lower(text(raw[j]))))) && adjacent(j + 1) &&
             is_hyphen(text(raw[j + 1])) && adjacent(j + 2) &&
             (raw[j + 2].kind == token_kind::word || raw[j + 2].kind == token_kind::number) &&
             (raw[j].kind == token_kind::word || raw[j + 2].kind == token_kind::word))
        j += 2;
      if (j > i) {
        bool any_word = false;
        for (std::size_t k = i; k <= j; k += 2) any_word |= raw[k].kind == token_kind::word;
        t = {t.begin, raw[j].end, any_word ? token_kind::word : token_kind::number, true};
        i = j;
      }
    }
    // An abbreviation opening with a symbol, from the list: "&c." is one word.
    if ((t.kind == token_kind::punctuation || t.kind == token_kind::symbol) && t.end - t.begin == 1 &&
        adjacent(i + 1) && raw[i + 1].kind == token_kind::word && adjacent(i + 2) && text(raw[i + 2]) == "." &&
        abbreviations.known.count(ascii_lower(s.substr(t.begin, raw[i + 1].end - t.begin)))) {
      out.push_back({t.begin, raw[i + 2].end, token_kind::word});
      i += 2;
      continue;
    }
    // Abbreviation or initial with its period: "Mr.", "U.S.", "J.", "etc."; "No." only before a
    // number ("No. 10", "No. XII"), since "no." is also a word with a full stop.
    if (t.kind == token_kind::word && !t.hyphenated && adjacent(i + 1) && text(raw[i + 1]) == "." &&
        !(adjacent(i + 2) && text(raw[i + 2]) == ".")) {
      std::string key = ascii_lower(text(t));
      std::string_view surface = text(t);
      bool initial = surface.size() == 1 && std::isupper(static_cast<unsigned char>(surface[0]));
      bool dotted = surface.find('.') != std::string_view::npos;
      auto number_follows = [&] {
        return i + 2 < raw.size() && (raw[i + 2].kind == token_kind::number || is_roman_numeral(text(raw[i + 2])));
      };
      if (initial || dotted || abbreviations.known.count(key) ||
          (abbreviations.before_number.count(key) && number_follows())) {
        out.push_back({t.begin, raw[i + 1].end, token_kind::word});
        ++i;
        continue;
      }
    }
    // A footnote number glued to the full stop after a word: "the treaty.4 Pitt" -> treaty . 4,
    // the 4 a footnote (a word, unlike a number, cannot carry a decimal part).
    if (t.kind == token_kind::word && !t.hyphenated && t.end - t.begin >= 2 && adjacent(i + 1) &&
        text(raw[i + 1]) == "." && adjacent(i + 2) && raw[i + 2].kind == token_kind::number &&
        is_footnote_number(text(raw[i + 2])) && !adjacent(i + 3) && is_alphabetic(text(t))) {
      out.push_back(t);
      out.push_back(raw[i + 1]);
      out.push_back({raw[i + 2].begin, raw[i + 2].end, token_kind::footnote});
      i += 2;
      continue;
    }
    // A footnote number glued to the full stop after a number of three digits or more, when a
    // capitalised word follows: "in 1789.12 The" -> 1789 . 12. A decimal ("3.14 metres") or a
    // section number ("see 4.2 above", "4.2 The": integer part under three digits) stays whole.
    if (t.kind == token_kind::number && !adjacent(i + 1) && i + 1 < raw.size() &&
        u_isupper(first_char(text(raw[i + 1])))) {
      std::string_view w = text(t);
      std::size_t dot = w.find('.');
      if (dot != std::string_view::npos && dot >= 3 && is_footnote_number(w.substr(dot + 1)) &&
          std::all_of(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(dot),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        out.push_back({t.begin, t.begin + dot, token_kind::number});
        out.push_back({t.begin + dot, t.begin + dot + 1, token_kind::punctuation});
        out.push_back({t.begin + dot + 1, t.end, token_kind::footnote});
        continue;
      }
    }
    // Emoticons: ":)", ";-)", ":P", ":?"
    if ((text(t) == ":" || text(t) == ";") && adjacent(i + 1)) {
      std::size_t j = i + 1;
      if (text(raw[j]) == "-" && adjacent(j + 1)) ++j;
      std::string_view face = text(raw[j]);
      if ((face == ")" || face == "(" || face == "D" || face == "P" || face == "p" || face == "?" || face == "/") &&
          !(adjacent(j + 1) && (raw[j + 1].kind == token_kind::word || raw[j + 1].kind == token_kind::number))) {
        out.push_back({t.begin, raw[j].end, token_kind::symbol});
        i = j;
        continue;
      }
    }
    // Runs of repeated punctuation or rules: "...", "!!", "?!", "--", "=====", "***", ">>", "$$$"
    if ((t.kind == token_kind::punctuation || t.kind == token_kind::symbol) && t.end - t.begin == 1) {
      auto rule_char = [](char c) { return c == '=' || c == '-' || c == '*' || c == '_' || c == '~'; };
      auto same_class = [&](char a, char b) {
        return a == b || ((a == '!' || a == '?') && (b == '!' || b == '?')) || (rule_char(a) && rule_char(b));
      };
      std::size_t j = i;
      while (adjacent(j + 1) && raw[j + 1].end - raw[j + 1].begin == 1 && same_class(s[t.begin], s[raw[j + 1].begin]))
        ++j;
      if (j > i) {
        out.push_back({t.begin, raw[j].end, t.kind});
        i = j;
        continue;
      }
    }
    // Dates, times and phone numbers: "08/16/2000", "12:42:55", "303-832-8160", "705-7201"
    if (t.kind == token_kind::number) {
      std::size_t j = i;
      std::string_view sep;
      while (adjacent(j + 1) && adjacent(j + 2) && raw[j + 2].kind == token_kind::number &&
             (text(raw[j + 1]) == "/" || text(raw[j + 1]) == ":" || text(raw[j + 1]) == "-") &&
             (sep.empty() || sep == text(raw[j + 1])))
        sep = text(raw[j + 1]), j += 2;
      bool phone = sep == "-" && (j - i >= 4 || (text(raw[i]).size() == 3 && text(raw[j]).size() == 4));
      if (j > i && (sep != "-" || phone)) {
        out.push_back({t.begin, raw[j].end, token_kind::number});
        i = j;
        continue;
      }
    }
    // Single letters around a slash: "b/c", "w/o"
    if (t.kind == token_kind::word && t.end - t.begin == 1 && adjacent(i + 1) && text(raw[i + 1]) == "/" &&
        adjacent(i + 2) && raw[i + 2].kind == token_kind::word && raw[i + 2].end - raw[i + 2].begin == 1 &&
        !adjacent(i + 3)) {
      out.push_back({t.begin, raw[i + 2].end, token_kind::word});
      i += 2;
      continue;
    }
    // Footnote marker glued to a word: "Bukharin1" -> "Bukharin" + "1".
    if (t.kind == token_kind::word && !t.hyphenated) {
      std::string_view w = text(t);
      std::size_t digits = 0;
      while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[w.size() - 1 - digits]))) ++digits;
      std::string_view stem = w.substr(0, w.size() - digits);
      // Only after a word with a lower-case letter: "COVID19" and "B52" keep their digits.
      auto lower = [&] { return std::any_of(stem.begin(), stem.end(), [](char c) { return c >= 'a' && c <= 'z'; }); };
      if (digits >= 1 && digits <= 3 && stem.size() >= 3 && lower() && is_alphabetic(stem)) {
        out.push_back({t.begin, t.begin + stem.size(), token_kind::word});
        out.push_back({t.begin + stem.size(), t.end, token_kind::footnote});
        continue;
      }
    }
    out.push_back(t);
  }
  raw.swap(out);
}

// Sentence boundaries of the block (offsets relative to it), quote-aware and trimmed.
void segmenter::impl::find_sentences(std::string_view s) {
  breaks.clear();
  UErrorCode status = U_ZERO_ERROR;
  sentences->setText(utext, status);
  for (int32_t b = sentences->next(); b != icu::BreakIterator::DONE; b = sentences->next())
    breaks.push_back(static_cast<std::size_t>(b));
  if (breaks.empty() || breaks.back() != s.size()) breaks.push_back(s.size());

  // A break right after an abbreviation that never ends a sentence ("Gen.", "pp.") or after an
  // initial ("J.") is not a sentence end.
  auto after_abbreviation = [&](std::size_t b) {
    std::size_t e = b;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    auto it =
        std::lower_bound(raw.begin(), raw.end(), e, [](const raw_token& t, std::size_t pos) { return t.end < pos; });
    if (it == raw.end() || it->end != e || it->kind != token_kind::word || s[e - 1] != '.') return false;
    std::string_view w = s.substr(it->begin, it->end - it->begin - 1);
    if (w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]))) return true;
    std::string key = ascii_lower(w);
    return (abbreviations.known.count(key) || abbreviations.before_number.count(key)) &&
           !abbreviations.may_end.count(key);
  };
  // Keep a break after "?" or "!" only if what follows does not start in lower case
  // ("“Why?” he asked." is one sentence).
  kept.clear();
  for (std::size_t k = 0; k + 1 < breaks.size(); ++k) {
    std::size_t b = breaks[k];
    std::size_t e = b;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    std::string_view before = s.substr(0, e);
    while (!before.empty() && u_hasBinaryProperty(last_char(before), UCHAR_QUOTATION_MARK))
      before.remove_suffix(U8_LENGTH(last_char(before)));
    UChar32 next = first_char(s.substr(b));
    bool quoted = before.size() < e;
    if (quoted && !before.empty() && (before.back() == '?' || before.back() == '!') && u_islower(next)) continue;
    if (after_abbreviation(b)) continue;
    kept.push_back(b);
  }
  // A full stop after an ordinary word, followed by a lower-case word, still ends a sentence
  // (ICU keeps them together; informal text often starts sentences in lower case).
  for (std::size_t k = 1; k + 1 < raw.size(); ++k) {
    const raw_token &prev = raw[k - 1], &dot = raw[k], &next = raw[k + 1];
    if (dot.end - dot.begin != 1 || s[dot.begin] != '.' || prev.end != dot.begin || next.begin == dot.end) continue;
    if ((prev.kind != token_kind::word && prev.kind != token_kind::number) || prev.end - prev.begin < 2 ||
        !u_islower(first_char(s.substr(next.begin))))
      continue;
    if (abbreviations.known.count(ascii_lower(s.substr(prev.begin, prev.end - prev.begin)))) continue;
    // A regnal numeral: a capitalised name, a Roman numeral and its full stop, then a lower-case
    // word ("Charles II. fled") is period printing, not a sentence end.
    if (k >= 2 && is_roman_numeral(s.substr(prev.begin, prev.end - prev.begin)) && raw[k - 2].end < prev.begin &&
        raw[k - 2].kind == token_kind::word && u_isupper(first_char(s.substr(raw[k - 2].begin))))
      continue;
    kept.push_back(dot.end);
  }
  // A footnote number glued to a full stop ("treaty.4", "treaty.¹") closes the sentence it
  // follows: the sentence ends after it.
  for (std::size_t k = 1; k < raw.size(); ++k) {
    const raw_token &dot = raw[k - 1], &note = raw[k];
    if (note.kind == token_kind::footnote && dot.end == note.begin && dot.end - dot.begin == 1 && s[dot.begin] == '.')
      kept.push_back(note.end);
  }
  add_list_item_breaks(s);
  if (lines_end_sentences) add_line_breaks(s);
  kept.push_back(s.size());
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  breaks.swap(kept);

  // Move a break that falls inside a token to the token's end, and one just before a footnote
  // glued to the token before it ("treaty.|¹") to after the footnote.
  std::size_t t = 0;
  for (std::size_t& b : breaks) {
    while (t < raw.size() && raw[t].end <= b) ++t;
    if (t < raw.size() && raw[t].begin < b)
      b = raw[t].end;
    else if (t < raw.size() && t > 0 && raw[t].begin == b && raw[t].kind == token_kind::footnote && raw[t - 1].end == b)
      b = raw[t].end;
  }
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
}

namespace {

// Bytes of the list marker opening `line` ("1. ", "12) ", "(a) ", "(iv) ", "a) ", "- ", "* ", "• "),
// 0 if there is none. A marker is followed by a space and then text.
std::size_t list_marker(std::string_view line) {
  line = line.substr(0, line.size() - trailing_space(line));
  std::size_t lead = leading_space(line);
  std::string_view l = line.substr(lead);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::size_t n = 0;
  if (!l.empty() && l[0] == '(') {
    // "(1)", "(12)", "(a)", "(iv)": up to three digits or lower-case letters.
    std::size_t j = 1;
    while (j < l.size() && j <= 4 && (digit(l[j]) || lower(l[j]))) ++j;
    if (j > 1 && j < l.size() && l[j] == ')') n = j + 1;
  } else if (!l.empty() && digit(l[0])) {
    std::size_t j = 0;
    while (j < l.size() && digit(l[j])) ++j;
    if (j <= 3 && j < l.size() && (l[j] == '.' || l[j] == ')')) n = j + 1;
  } else if (l.size() >= 2 && lower(l[0]) && l[1] == ')') {
    n = 2;
  } else {
    for (std::string_view bullet : {"-", "*", "\xE2\x80\xA2", "\xE2\x80\xA3", "\xE2\x97\xA6", "\xE2\x96\xAA"})
      if (l.substr(0, bullet.size()) == bullet) n = bullet.size();
  }
  if (n == 0 || n >= l.size() || (l[n] != ' ' && l[n] != '\t') || leading_space(l.substr(n)) == l.size() - n) return 0;
  return lead + n;
}

// Whether a line ends with a mark that closes a sentence or introduces a list (. ! ? : ;),
// closing quotes and brackets aside.
bool ends_with_stop(std::string_view line) {
  line = line.substr(0, line.size() - trailing_space(line));
  while (!line.empty()) {
    UChar32 c = last_char(line);
    if (c == ')' || c == ']' || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)) {
      line.remove_suffix(U8_LENGTH(c));
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
  }
  return false;
}

}  // namespace

// A line that is a list item starts a sentence and ends one at its line end, punctuated or not;
// lines after it that start in lower case continue it (a hard-wrapped item). A marker counts
// only where a list can start: first line of the block, after a line ending with . ! ? : ; or
// after another item, or when the next line is an item too; so a hard-wrapped sentence whose
// next line happens to open with "- " or "12. " is left alone.
void segmenter::impl::add_list_item_breaks(std::string_view s) {
  if (lines.size() < 2) return;
  auto line_text = [&](std::size_t k) { return s.substr(lines[k].first, lines[k].second - lines[k].first); };
  bool in_item = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::string_view l = line_text(k);
    bool marker = list_marker(l) != 0;
    bool item = marker && (k == 0 || in_item || ends_with_stop(line_text(k - 1)) ||
                           (k + 1 < lines.size() && list_marker(line_text(k + 1)) != 0));
    if (item) {
      kept.push_back(lines[k].first);
      in_item = true;
    } else if (in_item) {
      // A line in lower case goes on with the item; any other ends the list (its break was
      // put at the end of the line before).
      std::string_view rest = l.substr(leading_space(l));
      in_item = !rest.empty() && u_islower(first_char(rest));
    }
    // An item ends at its line end unless the next line continues it.
    if (in_item && k + 1 < lines.size()) {
      std::string_view next = line_text(k + 1);
      std::string_view rest = next.substr(leading_space(next));
      if (list_marker(next) != 0 || rest.empty() || !u_islower(first_char(rest))) kept.push_back(lines[k].second);
    }
  }
}

// In a block whose lines stand alone (a heading of two lines, a dateline, a salutation, a
// closing and its signature, a running head), every line end is a sentence end, unless the next
// line starts in lower case and so continues the line before ("I am, Sir, / your obedient
// servant,").
void segmenter::impl::add_line_breaks(std::string_view s) {
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    std::string_view next = s.substr(lines[k + 1].first, lines[k + 1].second - lines[k + 1].first);
    std::string_view rest = next.substr(leading_space(next));
    if (rest.empty() || !u_islower(first_char(rest))) kept.push_back(lines[k].second);
  }
}

void segmenter::impl::emit(std::string_view text, const block& b, segmentation& out) {
  std::string_view s = text.substr(b.begin, b.end - b.begin);
  auto sentence_number = static_cast<std::uint32_t>(out.sentences_before + out.sentences.size());
  std::size_t start = 0, t = 0;
  for (std::size_t brk : breaks) {
    std::size_t first = t;
    while (t < raw.size() && raw[t].end <= brk) ++t;
    std::size_t lead = start + leading_space(s.substr(start, brk - start));
    std::size_t trail = brk - trailing_space(s.substr(lead, brk - lead));
    start = brk;
    if (first == t) continue;  // whitespace only
    sentence sent;
    sent.begin = b.begin + lead;
    sent.end = b.begin + trail;
    sent.index = ++sentence_number;
    sent.block = b.index;
    sent.block_kind = b.kind;
    sent.paragraph = b.paragraph;
    sent.first_token = static_cast<std::uint32_t>(out.tokens.size());
    for (std::size_t k = first; k < t; ++k) {
      const raw_token& r = raw[k];
      token& tok = out.tokens.emplace_back();
      tok.begin = b.begin + r.begin;
      tok.end = b.begin + r.end;
      tok.base_end = tok.end;
      tok.kind = r.kind;
      tok.hyphenated = r.hyphenated;
      tok.sentence = sent.index;
      tok.block = b.index;
      tok.block_kind = b.kind;
      tok.paragraph = b.paragraph;
      normalize_word(s.substr(r.begin, r.end - r.begin), tok.norm);
      if (tok.kind == token_kind::word) {
        const std::size_t strip = tok.norm.size() - without_possessive(tok.norm).size();
        if (strip != 0) {
          tok.norm_strip = static_cast<std::uint8_t>(strip);
          // The stripped bytes of norm are ASCII (' and s), one per code point of the surface,
          // whose apostrophe may be ’ (3 bytes) or ʼ (2) and whose s may be S.
          std::string_view surface = s.substr(r.begin, r.end - r.begin);
          auto cut = static_cast<int32_t>(surface.size());
          for (std::size_t n = 0; n < strip && cut > 0; ++n)
            U8_BACK_1(reinterpret_cast<const uint8_t*>(surface.data()), 0, cut);
          tok.base_end = tok.begin + static_cast<std::size_t>(cut);
        }
      }
    }
    sent.last_token = static_cast<std::uint32_t>(out.tokens.size());
    // A sentence spans its tokens (a stray combining mark ICU glues to a space belongs to none).
    sent.begin = out.tokens[sent.first_token].begin;
    sent.end = out.tokens.back().end;
    out.sentences.push_back(sent);
  }
}

segmenter::segmenter(const segment_options& options) : impl_(std::make_unique<impl>(options)) {}
segmenter::~segmenter() = default;
segmenter::segmenter(segmenter&&) noexcept = default;
segmenter& segmenter::operator=(segmenter&&) noexcept = default;

void segmenter::run_block(std::string_view text, const block& b, segmentation& out) {
  impl& m = *impl_;
  // ICU reads a copy whose line ends are spaces: inside a block a line end is not a sentence end.
  m.scratch.assign(text.substr(b.begin, b.end - b.begin));
  // Its lines (LF, CRLF or CR), for the list items, before the line ends become spaces.
  m.lines.clear();
  for (std::size_t line_begin = 0, i = 0; i <= m.scratch.size(); ++i) {
    if (i < m.scratch.size() && m.scratch[i] != '\n' && m.scratch[i] != '\r') continue;
    m.lines.emplace_back(line_begin, i);
    if (i + 1 < m.scratch.size() && m.scratch[i] == '\r' && m.scratch[i + 1] == '\n') ++i;
    line_begin = i + 1;
  }
  for (char end_of_line : {'\n', '\r'})
    for (char* p = m.scratch.data();
         (p = static_cast<char*>(std::memchr(p, end_of_line, m.scratch.data() + m.scratch.size() - p)));)
      *p++ = ' ';
  UErrorCode status = U_ZERO_ERROR;
  m.utext = utext_openUTF8(m.utext, m.scratch.data(), static_cast<int64_t>(m.scratch.size()), &status);
  if (U_FAILURE(status)) throw error(std::string("ICU UText: ") + u_errorName(status));
  m.tokenize(m.scratch);
  m.merge_tokens(m.scratch);
  m.lines_end_sentences = b.kind == block_kind::heading || b.kind == block_kind::dateline ||
                          b.kind == block_kind::salutation || b.kind == block_kind::closing ||
                          b.kind == block_kind::page;
  m.find_sentences(m.scratch);
  const std::size_t first_token = out.tokens.size(), first_sentence = out.sentences.size();
  m.emit(text, b, out);
  if (m.options.dehyphenate) dehyphenate(text, out, first_token, first_sentence, m.options.split_hyphens);
}

namespace {

// Reserves room for n elements at once. The token vector of a 40 MB text is hundreds of MB:
// growing it by doubling copies it and faults every page in again, and page faults dominate
// on some machines. On Linux a large reservation is also marked for transparent huge pages
// (one fault per 2 MB instead of per 4 KB). Pages reserved and never written cost nothing.
template <class T>
void reserve_large(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
#ifdef __linux__
  const std::size_t bytes = v.capacity() * sizeof(T);
  if (bytes >= (std::size_t{8} << 20)) {
    constexpr std::uintptr_t page = 4096;
    auto first = (reinterpret_cast<std::uintptr_t>(v.data()) + page - 1) & ~(page - 1);
    auto last = (reinterpret_cast<std::uintptr_t>(v.data()) + bytes) & ~(page - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // a hint only
  }
#endif
}

}  // namespace

segmentation segmenter::run(const document& doc, const progress_fn& progress) {
  segmentation out;
  out.blocks = split_blocks(doc.view(), doc.body_begin());
  // English prose runs at 4.5-6 bytes a token and 100-150 bytes a sentence; denser text just
  // lets the vectors grow as usual.
  reserve_large(out.tokens, doc.text().size() / 4 + 16);
  reserve_large(out.sentences, doc.text().size() / 64 + 16);
  std::size_t reported = 0;
  for (const block& b : out.blocks) {
    run_block(doc.view(), b, out);
    if (progress && b.end - reported >= (1u << 20)) progress(reported = b.end, doc.text().size());
  }
  if (progress) progress(doc.text().size(), doc.text().size());
  return out;
}

void segmenter::for_each_block(const document& doc, const block_fn& each, const progress_fn& progress) {
  segmentation piece;
  std::vector<block> blocks = split_blocks(doc.view(), doc.body_begin());
  std::size_t reported = 0;
  for (const block& b : blocks) {
    piece.sentences_before += static_cast<std::uint32_t>(piece.sentences.size());
    piece.sentences.clear();
    piece.tokens.clear();
    run_block(doc.view(), b, piece);
    each(b, piece);
    if (progress && b.end - reported >= (1u << 20)) progress(reported = b.end, doc.text().size());
  }
  if (progress) progress(doc.text().size(), doc.text().size());
}

segmentation segment(const document& doc, const segment_options& options) { return segmenter(options).run(doc); }

}  // namespace histext

namespace histext {

void add_to_summary(segment_summary& s, const segmentation& seg) {
  s.blocks += seg.blocks.size();
  for (const block& b : seg.blocks) {
    s.headings += b.kind == block_kind::heading;
    s.paragraphs += b.kind == block_kind::paragraph;
    s.attributions += b.kind == block_kind::attribution;
    ++s.by_block_kind[static_cast<int>(b.kind)];
  }
  s.sentences += seg.sentences.size();
  for (const sentence& x : seg.sentences) s.body_sentences += x.block_kind == block_kind::paragraph;
  s.tokens += seg.tokens.size();
  for (const token& t : seg.tokens) ++s.by_kind[static_cast<int>(t.kind)];
}

segment_summary summarize(const segmentation& seg) {
  segment_summary s;
  add_to_summary(s, seg);
  return s;
}

segment_summary summarize(segmenter& seg, const document& doc, const segmenter::progress_fn& progress) {
  segment_summary s;
  segmentation blocks_only;  // the blocks counted once at the end; each piece's own blocks list is unused
  seg.for_each_block(
      doc,
      [&](const block& b, const segmentation& piece) {
        blocks_only.blocks.push_back(b);
        add_to_summary(s, piece);
      },
      progress);
  add_to_summary(s, blocks_only);
  return s;
}

}  // namespace histext
