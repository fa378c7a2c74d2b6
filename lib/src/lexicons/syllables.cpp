// Syllable counts: the compiled CMU table (see data/generate/gen_syllables.cpp) and the rules.
#include "histext/syllables.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include "common/byte_order.hpp"
#include "common/text_util.hpp"
#include "histext/error.hpp"
#include "histext/segment.hpp"
#include "histext/version.hpp"

namespace histext {

namespace {

using byte_order::read_u32;

bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

/// Lower-case ASCII letters, hyphens and apostrophes of a word: accents stripped, other marks dropped.
std::string ascii_letters(std::string_view word) {
  bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string stripped;
  if (!ascii) {
    stripped = normalize_word(strip_accents(word));
    word = stripped;
  }
  std::string out;
  out.reserve(word.size());
  for (char c : word) {
    if (c >= 'A' && c <= 'Z')
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || c == '-' || c == '\'')
      out.push_back(c);
    else if (static_cast<unsigned char>(c) >= 0x80) {
      // A letter with no ASCII base (æ, ø, ß...): keep a vowel-like placeholder only for the
      // first byte of a sequence so that it still forms a syllable nucleus.
      if ((static_cast<unsigned char>(c) & 0xC0) == 0xC0) out.push_back('e');
    }
  }
  return out;
}

/// Ends with a sibilant sound, so that -s / -'s adds a syllable (horse -> horses, Marx -> Marx's).
bool sibilant_end(std::string_view b) {
  if (b.empty()) return false;
  char last = b.back();
  if (last == 's' || last == 'x' || last == 'z') return true;
  if (ends_with(b, "ch") || ends_with(b, "sh")) return true;
  if (last == 'e' && b.size() >= 2) {
    char prev = b[b.size() - 2];
    return prev == 's' || prev == 'c' || prev == 'g' || prev == 'z' || prev == 'x';
  }
  return false;
}

/// Vowel groups of one plain word (lower-case a-z only) with the usual corrections.
int rules_plain(std::string_view w) {
  const std::size_t n = w.size();
  if (n == 0) return 0;
  auto vowel_at = [&](std::size_t i) {
    char c = w[i];
    if (is_vowel_letter(c)) return true;
    if (c != 'y') return false;
    // y before a vowel is a consonant at the start or after a vowel (yes, lawyer, beyond);
    // elsewhere a vowel (my, rhythm, day, Trotskyite).
    if (i + 1 < n && is_vowel_letter(w[i + 1])) return i > 0 && !is_vowel_letter(w[i - 1]) && w[i - 1] != 'y';
    return true;
  };
  auto consonant_at = [&](std::size_t i) { return i < n && !vowel_at(i); };
  int groups = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (vowel_at(i) && (i == 0 || !vowel_at(i - 1))) ++groups;
  if (groups == 0) return 1;  // "hmm", "nth", "st": one syllable (or a spelt abbreviation)
  int count = groups;

  // Silent final e (make, Jones, joked), but syllabic -le/-les/-led after a consonant (table, handled).
  if (n >= 3 && w[n - 1] == 'e' && consonant_at(n - 2)) {
    bool syllabic_le = w[n - 2] == 'l' && consonant_at(n - 3) && w[n - 3] != 'l';
    if (!syllabic_le) --count;
  } else if (n >= 4 && (ends_with(w, "es") || ends_with(w, "ed")) && consonant_at(n - 3) && !vowel_at(n - 4)) {
    // -es / -ed after a consonant cluster: tables, handled, hundred keep their vowel; boxes too.
    char c = w[n - 3];
    bool keep = (c == 'l' && w[n - 4] != 'r') || (c == 'r' && w[n - 4] != 'r');
    if (w[n - 1] == 's')
      keep = keep || c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g' || c == 'h';
    else
      keep = keep || c == 't' || c == 'd';
    if (!keep) --count;
  } else if (n >= 4 && (ends_with(w, "es") || ends_with(w, "ed")) && consonant_at(n - 3)) {
    // -es / -ed after vowel + consonant: makes, joked silent; horses, wanted, wished... voiced.
    char c = w[n - 3];
    bool keep;
    if (w[n - 1] == 's')
      keep = c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g';
    else
      keep = c == 't' || c == 'd';
    if (!keep) --count;
  }
  // Silent e before a suffix: lonely, movement, careful, careless, lateness.
  static const char* const e_suffixes[] = {"ely", "ement", "eful", "eless", "eness"};
  for (const char* suf : e_suffixes) {
    std::size_t k = std::strlen(suf);
    // The e is silent after vowel + consonant (lone-ly, move-ment), not after a cluster (gently).
    if (n > k + 1 && ends_with(w, suf) && n - k >= 2 && consonant_at(n - k - 1) && vowel_at(n - k - 2)) --count;
  }
  // Vowel pairs read as two syllables.
  for (std::size_t i = 0; i + 1 < n; ++i) {
    char a = w[i], b = w[i + 1];
    char before = i > 0 ? w[i - 1] : ' ';
    if (a == 'i' && (b == 'a' || b == 'o' || b == 'u')) {
      // -cia, -tia, -sia, -gia, -tion, -sion, -cion, -gion, -cious, -tious, -gious: one syllable
      bool palatal = before == 'c' || before == 't' || before == 's' || before == 'g' || before == 'x';
      if (!palatal && i > 0) ++count;
    } else if (a == 'e' && b == 'o' && before != 'g' && before != 'c' && i > 0) {
      ++count;  // video, theory, Leo; not George, -geous, -ceous
    } else if (a == 'u' && (b == 'a' || b == 'o') && before != 'q' && before != 'g') {
      ++count;  // actual, duo; not quarter, language
    } else if (a == 'e' && b == 'a' && i + 2 == n && i > 0) {
      ++count;  // idea, Korea
    } else if (a == 'i' && b == 'e' && i + 2 < n && w[i + 2] == 't') {
      ++count;  // quiet, diet, society
    }
  }
  // Consonant-only endings that are syllables: prism, sarcasm, rhythm.
  if (ends_with(w, "ism") || ends_with(w, "asm") || ends_with(w, "thm")) ++count;
  // -ling after a consonant + l is two syllables (battling, mingling); -ier after a consonant too.
  if (n > 5 && ends_with(w, "ling") && consonant_at(n - 5) && w[n - 5] != 'l') ++count;
  if (n > 4 && ends_with(w, "ier") && consonant_at(n - 4)) ++count;
  // McDonald: Mc is a syllable.
  if (starts_with(w, "mc") && n > 3) ++count;
  return std::max(count, 1);
}

/// Splits on hyphens; sums each part through `one`.
template <typename F>
int sum_parts(std::string_view w, F one) {
  int total = 0;
  std::size_t start = 0;
  while (start <= w.size()) {
    std::size_t dash = w.find('-', start);
    if (dash == std::string_view::npos) dash = w.size();
    if (dash > start) total += one(w.substr(start, dash - start));
    start = dash + 1;
  }
  return total;
}

/// A part without hyphens: drop a final 's (possessive or contraction: segment.hpp's rule), then
/// apostrophes (don't -> dont).
int rules_part(std::string_view p) {
  if (std::string_view base = without_s_ending(p); base.size() < p.size()) {
    return rules_part(base) + (sibilant_end(base) ? 1 : 0);
  }
  std::string plain;
  for (char c : p)
    if (c != '\'') plain.push_back(c);
  return plain.empty() ? 0 : rules_plain(plain);
}

int dictionary_part(std::string_view p, const syllable_dictionary& dict, syllable_source& source) {
  if (std::string_view base = without_s_ending(p); base.size() < p.size()) {
    int b = dictionary_part(base, dict, source);
    if (source == syllable_source::dictionary) source = syllable_source::derived;
    return b + (sibilant_end(base) ? 1 : 0);
  }
  std::string plain;
  for (char c : p)
    if (c != '\'') plain.push_back(c);
  if (plain.empty()) return 0;
  if (int n = dict.lookup(plain)) return n;
  // Plural or third person: -s on a listed base (+1 after a sibilant), -es after s, x, z, ch, sh.
  if (plain.size() > 3 && plain.back() == 's') {
    std::string_view base = std::string_view(plain).substr(0, plain.size() - 1);
    if (int n = dict.lookup(base)) {
      source = syllable_source::derived;
      return n + (sibilant_end(base) ? 1 : 0);
    }
    if (ends_with(plain, "es")) {
      std::string_view base2 = std::string_view(plain).substr(0, plain.size() - 2);
      if (sibilant_end(base2) && base2.back() != 'e')
        if (int m = dict.lookup(base2)) {
          source = syllable_source::derived;
          return m + 1;
        }
    }
  }
  source = syllable_source::rules;
  return rules_plain(plain);
}

}  // namespace

syllable_dictionary syllable_dictionary::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(path + ": cannot read the syllable table");
  std::ostringstream s;
  s << in.rdbuf();
  auto bytes = std::make_shared<const std::string>(s.str());
  const std::string& b = *bytes;
  auto bad = [&](const char* why) { return error(path + ": not a histext syllable table (" + why + ")"); };
  if (b.size() < 16 || b.compare(0, 8, "HXSYL001") != 0) throw bad("bad magic");
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  std::size_t count = read_u32(u + 8), blob = read_u32(u + 12);
  if (b.size() != 16 + 4 * (count + 1) + count + blob) throw bad("size mismatch");
  syllable_dictionary d;
  d.bytes_ = bytes;
  d.count_ = count;
  d.offsets_ = u + 16;
  d.counts_ = d.offsets_ + 4 * (count + 1);
  d.blob_ = reinterpret_cast<const char*>(d.counts_ + count);
  if (d.offset(count) != blob) throw bad("bad offsets");
  for (std::size_t i = 0; i < count; ++i)
    if (d.offset(i) > d.offset(i + 1)) throw bad("bad offsets");
  return d;
}

const syllable_dictionary& syllable_dictionary::shared() {
  static std::once_flag once;
  static syllable_dictionary dict;
  std::call_once(once, [] { dict = load(data_file("syllables.bin")); });
  return dict;
}

std::uint32_t syllable_dictionary::offset(std::size_t i) const { return read_u32(offsets_ + 4 * i); }

std::string_view syllable_dictionary::word(std::size_t i) const {
  return std::string_view(blob_ + offset(i), offset(i + 1) - offset(i));
}

int syllable_dictionary::syllables(std::size_t i) const { return counts_[i]; }

int syllable_dictionary::lookup(std::string_view w) const {
  std::size_t lo = 0, hi = count_;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    int c = word(mid).compare(w);
    if (c == 0) return counts_[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

int count_syllables_rules(std::string_view word) {
  std::string w = ascii_letters(word);
  return sum_parts(w, [](std::string_view p) { return rules_part(p); });
}

int count_syllables(std::string_view word, const syllable_dictionary& dict, syllable_source* source) {
  std::string w = ascii_letters(word);
  syllable_source worst = syllable_source::dictionary;
  bool hyphenated = w.find('-') != std::string::npos;
  int total = 0;
  if (hyphenated) {
    if (int n = dict.lookup(w)) {
      if (source) *source = syllable_source::dictionary;
      return n;
    }
  }
  total = sum_parts(w, [&](std::string_view p) {
    syllable_source s = syllable_source::dictionary;
    int n = dictionary_part(p, dict, s);
    if (static_cast<int>(s) > static_cast<int>(worst)) worst = s;
    return n;
  });
  if (hyphenated && worst == syllable_source::dictionary) worst = syllable_source::derived;
  if (source) *source = worst;
  return total;
}

syllable_counter::syllable_counter() : dict_(&syllable_dictionary::shared()) {}

int syllable_counter::count(std::string_view word) {
  if (word.empty() || word.size() > 0xFFFF) return count_syllables(word, *dict_);
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  if (slots_.empty()) slots_.resize(4096);
  std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (s.length == 0) break;
    if (s.hash == h && std::string_view(arena_).substr(s.offset, s.length) == word) return s.count;
  }
  int n = count_syllables(word, *dict_);
  if (used_ >= 1000000 || arena_.size() + word.size() > 0xFFFFFFFFu) return n;  // cache full: count afresh
  if (2 * (used_ + 1) > slots_.size()) {                                        // keep the load under one half
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask = slots_.size() - 1;
    for (const slot& s : old) {
      if (s.length == 0) continue;
      std::size_t j = s.hash & mask;
      while (slots_[j].length != 0) j = (j + 1) & mask;
      slots_[j] = s;
    }
  }
  std::size_t j = h & mask;
  while (slots_[j].length != 0) j = (j + 1) & mask;
  slots_[j] = {h, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(word.size()), n};
  arena_.append(word);
  ++used_;
  return n;
}

}  // namespace histext
