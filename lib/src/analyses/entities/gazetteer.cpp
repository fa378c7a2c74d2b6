// The historian's corrections: gazetteer and exclude files, and finding gazetteer names in text.
#include "analyses/entities/gazetteer.hpp"

#include <algorithm>

#include "analyses/entities/recognizer.hpp"
#include "common/text_util.hpp"
#include "histext/document.hpp"
#include "histext/error.hpp"

namespace histext::entities_detail {
namespace {

// The tokens of a name, as one segmenter per thread sees them: loading the abbreviation list for
// every name would cost more than segmenting it.
std::vector<token> name_tokens(std::string_view name) {
  thread_local segmenter seg;
  document doc = document::from_bytes(std::string(name), "<name>");
  return seg.run(doc).tokens;
}

// The key a token compares by: a word's folded base, any other token's norm.
std::string token_key(const token& t) { return t.is_word() ? fold(t.base()) : t.norm; }

std::string trimmed(std::string_view s) {
  s.remove_prefix(leading_space(s));
  s.remove_suffix(trailing_space(s));
  return std::string(s);
}

[[noreturn]] void fail(const std::string& source, std::size_t line, const std::string& what) {
  throw error(source + ":" + std::to_string(line) + ": " + what);
}

// Calls each(line_number, line) for every line that is neither blank nor a '#' comment; the line
// is trimmed of surrounding white space (a CR of CRLF included).
template <typename F>
void for_each_line(std::string_view text, F each) {
  std::size_t number = 0, p = 0;
  while (p < text.size()) {
    std::size_t q = text.find('\n', p);
    if (q == std::string_view::npos) q = text.size();
    std::string_view line = text.substr(p, q - p);
    ++number;
    p = q + 1;
    std::string_view inner = line;
    inner.remove_prefix(leading_space(inner));
    inner.remove_suffix(trailing_space(inner));
    if (inner.empty() || inner.front() == '#') continue;
    each(number, line);
  }
}

// The text of a file for parse(): read (and validated) as a document, a UTF-8 BOM skipped.
std::string file_text(const std::string& path) {
  document doc = document::from_file(path);
  return doc.text().substr(doc.body_begin());
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string key;
  for (const token& t : name_tokens(name)) {
    if (!t.is_word()) continue;
    if (!key.empty()) key += ' ';
    key += fold(t.base());
  }
  return key;
}

gazetteer gazetteer::load(const std::string& path) { return parse(file_text(path), path); }

gazetteer gazetteer::parse(std::string_view text, const std::string& source) {
  validate_utf8(text, source);
  gazetteer g;
  g.source_ = source;
  // Builds the pattern of one name of the entry being read; false when the name has no word.
  auto add_pattern = [&g](std::string_view name) {
    pattern p;
    p.entry = g.entries_.size();
    for (const token& t : name_tokens(name)) {
      if (t.kind == token_kind::footnote) continue;
      p.keys.push_back(token_key(t));
      p.words.push_back(t.is_word() ? 1 : 0);
    }
    // Leading and trailing punctuation is no part of a name ("Lenin." is "Lenin").
    while (!p.words.empty() && !p.words.back()) {
      p.words.pop_back();
      p.keys.pop_back();
    }
    auto first_word = std::find(p.words.begin(), p.words.end(), 1) - p.words.begin();
    p.words.erase(p.words.begin(), p.words.begin() + first_word);
    p.keys.erase(p.keys.begin(), p.keys.begin() + first_word);
    if (p.keys.empty()) return false;
    g.patterns_.push_back(std::move(p));
    return true;
  };
  for_each_line(text, [&](std::size_t number, std::string_view line) {
    std::vector<std::string_view> columns;
    std::size_t p = 0;
    while (true) {
      std::size_t q = line.find('\t', p);
      columns.push_back(line.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
      if (q == std::string_view::npos) break;
      p = q + 1;
    }
    if (columns.size() > 3)
      fail(source, number,
           "more than 3 columns (" + std::to_string(columns.size()) + "); expected name TAB type TAB aliases");
    gazetteer_entry entry;
    entry.name = trimmed(columns[0]);
    if (entry.name.empty()) fail(source, number, "empty name");
    std::string type = columns.size() > 1 ? ascii_lower(trimmed(columns[1])) : std::string();
    if (type.empty()) fail(source, number, "missing type for '" + entry.name + "' (expected person, group or place)");
    try {
      entry.type = parse_entity_type(type);
    } catch (const error&) {
      fail(source, number, "unknown type '" + type + "' (expected person, group or place)");
    }
    if (entry.type != entity_type::person && entry.type != entity_type::group && entry.type != entity_type::place)
      fail(source, number, "type '" + type + "' is not allowed in a gazetteer (expected person, group or place)");
    if (columns.size() > 2) {
      std::string_view aliases = columns[2];
      std::size_t a = 0;
      while (a <= aliases.size()) {
        std::size_t b = aliases.find('|', a);
        if (b == std::string_view::npos) b = aliases.size();
        std::string alias = trimmed(aliases.substr(a, b - a));
        a = b + 1;
        // An empty alias ("a||b", a trailing '|') is a slip, not a name: skipped.
        if (!alias.empty() && alias != entry.name) entry.aliases.push_back(std::move(alias));
      }
    }
    if (!add_pattern(entry.name)) fail(source, number, "name '" + entry.name + "' has no word");
    for (const auto& alias : entry.aliases)
      if (!add_pattern(alias)) fail(source, number, "alias '" + alias + "' has no word");
    g.entries_.push_back(std::move(entry));
  });
  for (std::size_t k = 0; k < g.patterns_.size(); ++k) g.by_first_[g.patterns_[k].keys.front()].push_back(k);
  // Longest first, so that the first candidate that matches is the longest; ties keep file order.
  for (auto& [key, candidates] : g.by_first_)
    std::stable_sort(candidates.begin(), candidates.end(), [&g](std::size_t a, std::size_t b) {
      return g.patterns_[a].keys.size() > g.patterns_[b].keys.size();
    });
  return g;
}

std::size_t gazetteer::match_at(const segmentation& seg, std::size_t i, std::size_t end, std::size_t& last) const {
  auto found = by_first_.find(fold(seg.tokens[i].base()));
  if (found == by_first_.end()) return patterns_.size();
  for (std::size_t k : found->second) {
    const pattern& p = patterns_[k];
    std::size_t j = i, n = 1;  // keys[0] matched at token i
    for (; n < p.keys.size(); ++n) {
      ++j;
      // A footnote mark inside a name in the text is skipped ("Vladimir² Lenin").
      while (j < end && seg.tokens[j].kind == token_kind::footnote) ++j;
      if (j >= end) break;
      const token& t = seg.tokens[j];
      if (t.is_word() != (p.words[n] != 0) || token_key(t) != p.keys[n]) break;
    }
    if (n == p.keys.size()) {
      last = j;
      return k;
    }
  }
  return patterns_.size();
}

std::vector<gazetteer_match> gazetteer::match(std::string_view /*text*/, const segmentation& seg) const {
  std::vector<gazetteer_match> out;
  if (patterns_.empty()) return out;
  for (const sentence& s : seg.sentences) {
    const std::size_t end = std::min<std::size_t>(s.last_token, seg.tokens.size());
    for (std::size_t i = s.first_token; i < end; ++i) {
      if (!seg.tokens[i].is_word()) continue;
      std::size_t last = i;
      std::size_t k = match_at(seg, i, end, last);
      if (k == patterns_.size()) continue;
      out.push_back({i, last, patterns_[k].entry});
      i = last;  // non-overlapping: go on after the match
    }
  }
  return out;
}

exclude_list exclude_list::load(const std::string& path) { return parse(file_text(path), path); }

exclude_list exclude_list::parse(std::string_view text, const std::string& source) {
  validate_utf8(text, source);
  exclude_list list;
  for_each_line(text, [&](std::size_t number, std::string_view line) {
    std::string name = trimmed(line);
    std::string key = name_key(name);
    if (key.empty()) fail(source, number, "name '" + name + "' has no word");
    list.keys_.insert(std::move(key));
  });
  return list;
}

bool exclude_list::contains(std::string_view name) const {
  if (keys_.empty()) return false;
  return keys_.count(name_key(name)) != 0;
}

}  // namespace histext::entities_detail
