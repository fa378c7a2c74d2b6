#include "segmentation/blocks.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "common/fast_paths.hpp"
#include "common/text_util.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"
#include "lexicons/data_list.hpp"

namespace histext {

const char* to_string(block_kind kind) {
  switch (kind) {
    case block_kind::heading: return "heading";
    case block_kind::dateline: return "dateline";
    case block_kind::salutation: return "salutation";
    case block_kind::closing: return "closing";
    case block_kind::postscript: return "postscript";
    case block_kind::attribution: return "attribution";
    case block_kind::page: return "page";
    case block_kind::note: return "note";
    case block_kind::paragraph: return "paragraph";
  }
  return "paragraph";
}

namespace {

// Calls each(begin, end) for every line of text[begin, size): LF, CRLF and CR each end a line.
template <typename F>
void for_each_line(std::string_view text, std::size_t begin, F each) {
  std::size_t start = begin;
  // Fast path, LF only: let memchr find the ends. The loop below is its reference.
  if (fast_paths && text.find('\r', begin) == std::string_view::npos) {
    while (start < text.size()) {
      const void* hit = std::memchr(text.data() + start, '\n', text.size() - start);
      std::size_t end = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
      each(start, end);
      start = end + 1;
    }
    return;
  }
  for (std::size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      each(start, i);
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) each(start, text.size());
}

bool is_dash_start(std::string_view s) {
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\x95", "-"})
    if (s.substr(0, dash.size()) == dash) return true;
  return false;
}

// A heading is one short line with no final punctuation (closing quotes and brackets aside).
bool looks_like_heading(std::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  if (s.find('\n') != std::string_view::npos || s.find('\r') != std::string_view::npos) return false;
  auto i = static_cast<int32_t>(s.size());
  while (i > 0) {
    int32_t j = i;
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, j, c);
    if (c == ')' || c == ']' || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)) {
      i = j;
      continue;
    }
    return !(c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == 0x2026 || c == 0x2014 ||
             c == 0x2013);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Word lists (data/*.txt), loaded once per process

struct word_lists {
  std::vector<std::string> openers, valedictions;           // case-folded phrases
  std::vector<std::pair<std::string, bool>> heading_words;  // phrase, opens a section of notes
  std::unordered_set<std::string> number_words;
  std::unordered_map<std::string, bool> date_words;  // word -> names a month or weekday
};

// Lines of a data file: first field (up to a tab) and the second, comments and blanks skipped.
template <typename F>
void read_list(const char* name, F each) {
  for_each_data_line(name, [&](std::string_view line) {
    const std::size_t tab = line.find('\t');
    each(normalize_word(line.substr(0, tab)),
         tab == std::string_view::npos ? std::string() : std::string(line.substr(tab + 1)));
  });
}

const word_lists& lists() {
  static const word_lists l = [] {
    word_lists w;
    read_list("letter_openers.txt", [&](std::string p, const std::string&) { w.openers.push_back(std::move(p)); });
    read_list("valedictions.txt", [&](std::string p, const std::string&) { w.valedictions.push_back(std::move(p)); });
    read_list("heading_words.txt", [&](std::string p, const std::string& tag) {
      w.heading_words.emplace_back(std::move(p), tag == "notes");
    });
    read_list("number_words.txt", [&](std::string p, const std::string&) { w.number_words.insert(std::move(p)); });
    read_list("date_words.txt",
              [&](std::string p, const std::string& tag) { w.date_words[std::move(p)] = tag == "date"; });
    // Longest first, so that "your loving" is tried before "your" would be (and "i am, sir, your"
    // before "i am, sir").
    auto longest_first = [](const std::string& a, const std::string& b) {
      return a.size() > b.size() || (a.size() == b.size() && a < b);
    };
    std::sort(w.openers.begin(), w.openers.end(), longest_first);
    std::sort(w.valedictions.begin(), w.valedictions.end(), longest_first);
    std::sort(w.heading_words.begin(), w.heading_words.end(),
              [&](const auto& a, const auto& b) { return longest_first(a.first, b.first); });
    return w;
  }();
  return l;
}

// ---------------------------------------------------------------------------------------------
// Layout cues of one line (trimmed, no line break inside)

UChar32 first_cp(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

// The last code point, closing quotes and brackets skipped; 0 if none.
UChar32 final_cp(std::string_view s) {
  auto i = static_cast<int32_t>(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
    if (c == ')' || c == ']' || u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK)) continue;
    return c;
  }
  return 0;
}

bool ends_sentence(std::string_view s) {
  const UChar32 c = final_cp(s);
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

// Fields of a line between runs of white space: a layout measure (how many, how long, what they
// start with), not words; the tokens are ICU's.
std::vector<std::string_view> fields(std::string_view s) {
  auto space_at = [&](std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? std::size_t{1}
                                                                                       : std::size_t{0};
    return leading_space(s.substr(i, 4));  // NBSP and other Unicode spaces
  };
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t w = space_at(i)) {
      i += w;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && space_at(j) == 0) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_roman(std::string_view s, bool upper) {
  const std::string_view letters = upper ? "IVXLCDM" : "ivxlcdm";
  return !s.empty() && s.size() <= 8 && s.find_first_not_of(letters) == std::string_view::npos;
}

std::string_view strip_trailing(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

// Letters: how many are upper case and how many lower case.
std::pair<std::size_t, std::size_t> letter_cases(std::string_view s) {
  std::size_t upper = 0, lower = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    if (u_isUUppercase(c))
      ++upper;
    else if (u_isULowercase(c))
      ++lower;
  }
  return {upper, lower};
}

bool starts_upper_or_digit(std::string_view s) {
  const UChar32 c = first_cp(s);
  return u_isUUppercase(c) || u_isdigit(c);
}

// True when the case-folded line starts with one of `phrases` at a field boundary; the match's
// length in `len`.
template <typename List, typename Key>
bool starts_with_phrase(const std::string& folded, const List& phrases, Key key, std::size_t* len = nullptr) {
  for (const auto& entry : phrases) {
    const std::string& p = key(entry);
    if (folded.compare(0, p.size(), p) != 0) continue;
    if (folded.size() > p.size()) {
      const UChar32 next = first_cp(std::string_view(folded).substr(p.size()));
      if (u_isalnum(next)) continue;  // "sirius" is not "sir"
    }
    if (len) *len = p.size();
    return true;
  }
  return false;
}
const auto same = [](const std::string& s) -> const std::string& { return s; };

std::string folded_line(std::string_view s) {
  return normalize_word(s.substr(0, std::min<std::size_t>(s.size(), 200)));
}

// A page number or folio ("24", "[24]", "— 24 —", "xii"), or a running head: a page number at
// one end of a line whose other letters are all capitals ("24 THE FRENCH REVOLUTION. [CHAP. II.").
bool page_line(std::string_view s) {
  if (s.size() > 100) return false;
  auto strip = [](std::string_view f) {
    while (!f.empty() && (f.front() == '[' || f.front() == '(' || f.front() == '-' || f.front() == '|'))
      f.remove_prefix(1);
    f = strip_trailing(f, "])-|");
    return f;
  };
  auto number = [](std::string_view f) { return (all_digits(f) && f.size() <= 3) || is_roman(f, false); };
  std::vector<std::string_view> fs = fields(s);
  std::vector<std::string_view> core;
  for (std::string_view f : fs) {
    if (f == "\xE2\x80\x94" || f == "\xE2\x80\x93" || f == "-" || f == "|") continue;  // "— 24 —"
    core.push_back(strip(f));
  }
  if (core.size() == 1) return number(core[0]);
  if (core.size() < 2) return false;
  const bool at_start = all_digits(core.front()) && core.front().size() <= 3;
  const bool at_end = all_digits(core.back()) && core.back().size() <= 3;
  if (!at_start && !at_end) return false;
  const std::string_view rest =
      at_start ? s.substr(s.find(fs.front()) + fs.front().size()) : s.substr(0, s.rfind(fs.back()));
  auto [upper, lower] = letter_cases(rest);
  return upper >= 3 && lower == 0;
}

// "P.S.", "P.P.S.", "PS", "Postscript" at the start of a block.
bool postscript_start(std::string_view first_field) {
  std::string letters;
  for (char c : first_field)
    if (c != '.' && c != ',' && c != ':' && c != '-') letters += c;
  if (letters == "PS" || letters == "PPS" || letters == "PPPS") return true;
  return ascii_lower(letters) == "postscript";
}

// A footnote marker: "1", "*", "†", "[2]", "(a)", "¹" followed by the note's text.
bool note_marker(std::string_view f) {
  std::string_view core = f;
  if (core.size() >= 3 && ((core.front() == '[' && core.back() == ']') || (core.front() == '(' && core.back() == ')')))
    core = core.substr(1, core.size() - 2);
  if (all_digits(core) && core.size() <= 3) return true;
  if (core.size() == 1 && core[0] >= 'a' && core[0] <= 'z' && core.size() != f.size()) return true;  // "(a)"
  int32_t i = 0;
  const auto n = static_cast<int32_t>(core.size());
  bool any = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(core.data()), i, n, c);
    // * † ‡ § ‖ ¶ and superscript digits
    const bool mark = c == '*' || c == 0x2020 || c == 0x2021 || c == 0xA7 || c == 0x2016 || c == 0xB6 || c == 0xB9 ||
                      c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079);
    if (!mark) return false;
    any = true;
  }
  return any;
}

bool numeral(std::string_view f) {
  f = strip_trailing(f, ".:,");
  return (all_digits(f) && f.size() <= 4) || is_roman(f, true) || is_roman(f, false);
}

// A closing's valediction line: short, and opens with a phrase of valedictions.txt.
bool valediction_line(std::string_view s) {
  return s.size() <= 80 && starts_with_phrase(folded_line(s), lists().valedictions, same);
}

// A signature line under a valediction: a short name ("Arthur", "J. Adams", "Your son, Tom").
bool signature_line(std::string_view s) {
  const std::vector<std::string_view> fs = fields(s);
  const UChar32 end = final_cp(s);
  if (s.size() > 40 || fs.empty() || fs.size() > 6 || !starts_upper_or_digit(s) || end == '?' || end == '!' ||
      end == ':' || end == ';')
    return false;
  // A name, not a short sentence ("My mother is not ill."): most fields capitalised.
  std::size_t lower = 0;
  for (std::string_view f : fs) lower += u_isULowercase(first_cp(f)) ? 1 : 0;
  return 2 * lower <= fs.size();
}

// A salutation: a short line opening with a phrase of letter_openers.txt, ending with a comma,
// colon, exclamation mark or dash, or with nothing. `strict`: only with a comma or colon.
bool salutation_line(std::string_view s, bool strict) {
  if (s.size() > 60 || fields(s).size() > 8) return false;
  if (!starts_with_phrase(folded_line(s), lists().openers, same)) return false;
  const UChar32 end = final_cp(s);
  if (end == ',' || end == ':') return true;
  if (strict) return false;
  return end == '!' || end == 0x2014 || end == 0x2013 || end == '-' || u_isalnum(end);
}

// A dateline: place and date ("Petrograd, 14th March 1917.", "Monticello, Sept. 3d, 1816",
// "Tuesday, 4th.", "Paris, 1789", "STEVENTON, Thursday (January 16, 1796)."): names, numbers and the link words of
// date_words.txt only, holding a month or weekday and a digit, or a place and a year.
bool dateline_text(std::string_view s) {
  const std::vector<std::string_view> fs = fields(s);
  if (s.size() > 100 || fs.empty() || fs.size() > 12) return false;
  const UChar32 end = final_cp(s);
  if (end == '?' || end == '!' || end == ',' || end == ';' || end == ':') return false;
  const auto& words = lists().date_words;
  bool date = false, digit = false, year = false;
  for (std::string_view f : fs) {
    // Editors bracket what they supply: "STEVENTON, Thursday (January 16, 1796)."
    while (!f.empty() && (f.front() == '(' || f.front() == '[')) f.remove_prefix(1);
    std::string_view bare = strip_trailing(f, ",;:");
    if (bare.size() >= 2 && bare.back() == '.' && (bare[bare.size() - 2] == ')' || bare[bare.size() - 2] == ']'))
      bare.remove_suffix(1);
    bare = strip_trailing(strip_trailing(bare, ")]"), ",;:");
    if (bare.empty()) continue;
    std::string folded = normalize_word(bare);
    auto it = words.find(folded);
    if (it == words.end() && !folded.empty() && folded.back() == '.')
      it = words.find(folded.substr(0, folded.size() - 1));
    if (it != words.end()) {
      date |= it->second;
      continue;
    }
    const UChar32 c = first_cp(bare);
    if (u_isdigit(c)) {
      digit = true;
      std::string_view num = strip_trailing(bare, ".");
      if (num.size() == 4 && all_digits(num) && (num[0] == '1' || num[0] == '2')) year = true;
      continue;
    }
    if (!u_isUUppercase(c)) return false;
  }
  const bool place_first = fs.size() >= 2 && fs.front().back() == ',';
  return (date && digit) || (year && place_first);
}

// Heading word ("CHAPTER IV.", "Book One", "PREFACE") standing alone or before a numeral.
bool heading_word_line(std::string_view s, bool& opens_notes) {
  const std::string folded = folded_line(s);
  for (const auto& [word, notes] : lists().heading_words) {
    std::size_t len = 0;
    if (!starts_with_phrase(folded, std::vector<std::string>{word}, same, &len)) continue;
    std::string_view rest = std::string_view(folded).substr(len);
    std::vector<std::string_view> fs = fields(rest);
    if (fs.empty() || (fs.size() == 1 && strip_trailing(fs[0], ".:").empty())) {
      opens_notes = notes;
      return true;
    }
    // Compare the following field on the original line: Roman numerals are upper case there.
    std::vector<std::string_view> orig = fields(s);
    std::size_t skip = fields(word).size();
    if (orig.size() > skip &&
        (numeral(orig[skip]) || lists().number_words.count(normalize_word(strip_trailing(orig[skip], ".:,"))))) {
      opens_notes = notes;
      return true;
    }
    return false;
  }
  return false;
}

struct line {
  std::size_t begin, end;
};

struct context {
  block_kind previous = block_kind::paragraph;
  bool first = false;     // no block before it in the input
  bool only = false;      // the input's one line group
  bool final = false;     // the input's last line group
  bool in_notes = false;  // after a heading that opens notes
};

// The kind of a line group (or of a part split off it), from its own lines and the kind of the
// block before it. `opens_notes` is set for a heading such as "NOTES".
block_kind classify(std::string_view text, const line* ls, std::size_t n, const context& c, bool& opens_notes) {
  opens_notes = false;
  if (c.only) return block_kind::paragraph;
  auto L = [&](std::size_t i) { return text.substr(ls[i].begin, ls[i].end - ls[i].begin); };
  const std::string_view whole = text.substr(ls[0].begin, ls[n - 1].end - ls[0].begin);
  std::size_t longest = 0;
  for (std::size_t i = 0; i < n; ++i) longest = std::max(longest, ls[i].end - ls[i].begin);
  const std::vector<std::string_view> f0 = fields(L(0).substr(0, 200));

  if (!f0.empty() && postscript_start(f0[0])) return block_kind::postscript;
  if (c.final && !c.first && is_dash_start(whole)) return block_kind::attribution;
  bool pages = true;
  for (std::size_t i = 0; i < n && pages; ++i) pages = page_line(L(i));
  if (pages) return block_kind::page;
  if (n <= 4 && longest <= 100 && heading_word_line(L(0), opens_notes)) return block_kind::heading;
  if (n == 1 && f0.size() == 1 && numeral(f0[0]) && !all_digits(f0[0])) return block_kind::heading;  // "II.", "12."
  if (n == 1 && f0.size() == 1 && f0[0].size() >= 2 && f0[0].back() == '.' && all_digits(strip_trailing(f0[0], ".")))
    return block_kind::heading;
  if (n <= 5 && longest <= 80 && valediction_line(L(0))) return block_kind::closing;
  if (c.previous == block_kind::closing && n <= 3) {
    bool signature = true;
    for (std::size_t i = 0; i < n && signature; ++i) signature = signature_line(L(i));
    if (signature) return block_kind::closing;
  }
  if (n == 1 && salutation_line(L(0), false)) return block_kind::salutation;
  if (n <= 2 && longest <= 100) {
    std::string joined(whole);
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    std::replace(joined.begin(), joined.end(), '\r', ' ');
    if (dateline_text(joined)) return block_kind::dateline;
  }
  // A short unpunctuated line after a number is a chapter line ("2 Samuel 1"), not a note.
  if (!c.first && f0.size() >= 2 && note_marker(f0[0]) && n <= 12 && !(n == 1 && looks_like_heading(L(0))) &&
      (c.previous == block_kind::paragraph || c.previous == block_kind::note || c.in_notes))
    return block_kind::note;
  if (n <= 4 && longest <= 100) {
    auto [upper, lower] = letter_cases(whole);
    if (upper >= 3 && lower == 0) return block_kind::heading;  // a title set in capitals
  }
  if (n == 1 && longest <= 100 && looks_like_heading(L(0)) && (c.first || starts_upper_or_digit(L(0))))
    return block_kind::heading;  // one short line without final punctuation ("Genesis 2")
  if (n >= 2 && n <= 3 && longest <= 100 && looks_like_heading(L(n - 1))) {
    // A title of a few lines: each starts with a capital and most longer fields are capitalised.
    bool title = true;
    std::size_t long_fields = 0, capitalised = 0;
    for (std::size_t i = 0; i < n && title; ++i) {
      title = starts_upper_or_digit(L(i));
      for (std::string_view f : fields(L(i)))
        if (f.size() >= 4) {
          ++long_fields;
          capitalised += starts_upper_or_digit(f);
        }
    }
    if (title && 3 * capitalised >= 2 * long_fields) return block_kind::heading;
  }
  return block_kind::paragraph;
}

}  // namespace

std::vector<block> split_blocks(std::string_view text, std::size_t begin, block_state& state, bool at_input_end,
                                bool open_end) {
  // Line groups between blank lines, as lists of trimmed lines.
  std::vector<std::vector<line>> groups;
  bool open = false;
  for_each_line(text, begin, [&](std::size_t line_begin, std::size_t line_end) {
    std::string_view content = text.substr(line_begin, line_end - line_begin);
    std::size_t lead = leading_space(content);
    if (lead == content.size()) {  // blank line closes a block
      open = false;
      return;
    }
    if (!open) groups.emplace_back();
    groups.back().push_back({line_begin + lead, line_end - trailing_space(content)});
    open = true;
  });

  std::vector<block> blocks;
  auto add = [&](const line* ls, std::size_t n, block_kind kind, bool opens_notes) {
    block b;
    b.begin = ls[0].begin;
    b.end = ls[n - 1].end;
    b.kind = kind;
    b.index = ++state.index;
    b.paragraph = kind == block_kind::paragraph ? ++state.paragraph : 0;
    if (kind == block_kind::heading) state.in_notes = opens_notes;
    state.previous = kind;
    state.first = false;
    blocks.push_back(b);
  };
  const bool only = state.first && at_input_end && groups.size() == 1;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::vector<line>& ls = groups[g];
    if (g == 0 && state.continues) {  // the rest of a block cut inside (a forced cut)
      block b{ls.front().begin, ls.back().end, state.index, state.previous,
              state.previous == block_kind::paragraph ? state.paragraph : 0};
      blocks.push_back(b);
      continue;
    }
    const bool last = g + 1 == groups.size();
    if (last && open_end) {  // cut inside: judged as body, as its rest will be
      add(ls.data(), ls.size(), block_kind::paragraph, false);
      continue;
    }
    context c;
    c.only = only;
    c.final = last && at_input_end;
    bool notes = false;
    auto classify_add = [&](std::size_t from, std::size_t to) {
      c.previous = state.previous;
      c.first = state.first;
      c.in_notes = state.in_notes;
      add(ls.data() + from, to - from, classify(text, ls.data() + from, to - from, c, notes), notes);
    };
    std::size_t from = 0, to = ls.size();
    if (!only) {
      // Page lines at either end of the group (a running head printed above the text).
      std::size_t head = from;
      while (head + 1 < to && page_line(text.substr(ls[head].begin, ls[head].end - ls[head].begin))) ++head;
      if (head > from) add(ls.data() + from, head - from, block_kind::page, false);
      from = head;
      std::size_t foot = to;
      while (foot - 1 > from && page_line(text.substr(ls[foot - 1].begin, ls[foot - 1].end - ls[foot - 1].begin)))
        --foot;
      // A salutation on the group's first line ("Dear Sir," above the letter's first paragraph).
      if (from + 1 < foot && salutation_line(text.substr(ls[from].begin, ls[from].end - ls[from].begin), true)) {
        add(ls.data() + from, 1, block_kind::salutation, false);
        ++from;
      }
      // A closing in the last lines: a valediction line after a sentence end, then at most three
      // short signature lines ("... soon.\nYour loving son,\nArthur").
      std::size_t closing = foot;
      for (std::size_t k = std::max(from + 1, foot >= 4 ? foot - 4 : 0); k < foot; ++k) {
        auto lk = [&](std::size_t i) { return text.substr(ls[i].begin, ls[i].end - ls[i].begin); };
        if (!valediction_line(lk(k)) || !ends_sentence(lk(k - 1))) continue;
        bool signature = true;
        for (std::size_t i = k + 1; i < foot && signature; ++i) signature = signature_line(lk(i));
        if (signature) {
          closing = k;
          break;
        }
      }
      if (from < closing) classify_add(from, closing);
      if (closing < foot) add(ls.data() + closing, foot - closing, block_kind::closing, false);
      if (foot < to) add(ls.data() + foot, to - foot, block_kind::page, false);
    } else {
      classify_add(from, to);
    }
  }
  state.continues = false;
  return blocks;
}

std::vector<block> split_blocks(std::string_view text, std::size_t begin) {
  block_state state;
  return split_blocks(text, begin, state, true, false);
}

}  // namespace histext
