// Keyword in context.
#include <algorithm>
#include <ostream>

#include "histext/frequency.hpp"
#include "writers/json_writer.hpp"
#include "common/text_util.hpp"

namespace histext {

namespace {

std::string flatten(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

std::vector<kwic_line> find_keyword(const document& doc, const segmentation& seg, const std::string& word,
                                    const kwic_options& options) {
  std::unique_ptr<lemmatizer> lemmas;
  if (options.lemma) lemmas = std::make_unique<lemmatizer>(options.wordnet_dir);
  std::string target = normalize_word(word);
  if (target.size() > 2 && target.compare(target.size() - 2, 2, "'s") == 0) target.resize(target.size() - 2);
  if (lemmas) target = lemmas->lemma(target);
  std::vector<kwic_line> lines;
  const std::string_view text = doc.view();
  std::vector<std::size_t> words;  // indices of word tokens
  for (std::size_t i = 0; i < seg.tokens.size(); ++i)
    if (seg.tokens[i].kind == token_kind::word) words.push_back(i);
  for (std::size_t k = 0; k < words.size(); ++k) {
    const token& t = seg.tokens[words[k]];
    if (!options.all && t.block_kind != block_kind::paragraph) continue;
    std::string_view base = t.base();
    if (lemmas ? lemmas->lemma(base) != target : base != target) continue;
    kwic_line line;
    line.keyword = flatten(t.text(text));
    line.sentence = t.sentence;
    line.paragraph = t.paragraph;
    line.block = t.block;
    line.begin = t.begin;
    line.end = t.end;
    std::size_t left = k, right = k;
    for (std::size_t n = 0; n < options.context && left > 0 && seg.tokens[words[left - 1]].block == t.block; ++n) --left;
    for (std::size_t n = 0; n < options.context && right + 1 < words.size() && seg.tokens[words[right + 1]].block == t.block;
         ++n)
      ++right;
    // The context runs from just after the word before it to just before the word after it, so
    // punctuation next to the context words shows.
    std::size_t first_tok = words[left], last_tok = words[right];
    while (first_tok > 0 && seg.tokens[first_tok - 1].block == t.block && seg.tokens[first_tok - 1].kind != token_kind::word)
      --first_tok;
    while (last_tok + 1 < seg.tokens.size() && seg.tokens[last_tok + 1].block == t.block &&
           seg.tokens[last_tok + 1].kind != token_kind::word)
      ++last_tok;
    std::size_t lb = first_tok < words[k] ? seg.tokens[first_tok].begin : t.begin;
    std::size_t re = last_tok > words[k] ? seg.tokens[last_tok].end : t.end;
    std::string l = flatten(text.substr(lb, t.begin - lb)), r = flatten(text.substr(t.end, re - t.end));
    std::string_view lv = l, rv = r;
    lv.remove_prefix(leading_space(lv));
    lv.remove_suffix(trailing_space(lv));
    rv.remove_prefix(leading_space(rv));
    rv.remove_suffix(trailing_space(rv));
    line.left = std::string(lv);
    line.right = std::string(rv);
    lines.push_back(std::move(line));
  }
  return lines;
}

void write_kwic(std::ostream& out, const std::vector<kwic_line>& lines, format f, const run_meta& meta, bool color) {
  if (f == format::json) {
    json rows = json::array();
    for (const kwic_line& l : lines)
      rows.push_back(json{{"sentence", l.sentence},
                          {"paragraph", l.paragraph},
                          {"begin", l.begin},
                          {"end", l.end},
                          {"left", l.left},
                          {"keyword", l.keyword},
                          {"right", l.right}});
    write_json(out, meta, json{{"count", lines.size()}, {"lines", rows}});
    return;
  }
  if (f == format::table && lines.empty()) {
    out << "(no occurrences)\n";
    return;
  }
  if (f == format::table) {
    // Left context right-aligned (by code points), keyword, right context.
    auto width = [](std::string_view s) {
      return static_cast<std::size_t>(
          std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    std::size_t lw = 0, kw = 0, pw = 0;
    std::vector<std::string> places;
    for (const kwic_line& l : lines) {
      places.push_back(std::to_string(l.sentence) + ":" + std::to_string(l.paragraph) + "@" + std::to_string(l.begin));
      lw = std::max(lw, width(l.left));
      kw = std::max(kw, width(l.keyword));
      pw = std::max(pw, places.back().size());
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const kwic_line& l = lines[i];
      out << std::string(pw - places[i].size(), ' ') << places[i] << "  " << std::string(lw - width(l.left), ' ') << l.left
          << "  " << (color ? "\x1b[1m" : "") << l.keyword << (color ? "\x1b[0m" : "")
          << std::string(kw - width(l.keyword), ' ') << "  " << l.right;
      std::string_view line_end = "\n";
      out << line_end;
    }
    return;
  }
  table t;
  t.columns = {"sentence", "paragraph", "begin", "end", "left", "keyword", "right"};
  for (const kwic_line& l : lines)
    t.rows.push_back({static_cast<std::int64_t>(l.sentence), static_cast<std::int64_t>(l.paragraph),
                      static_cast<std::int64_t>(l.begin), static_cast<std::int64_t>(l.end), l.left, l.keyword, l.right});
  write_table(out, t, f, color);
}

}  // namespace histext
