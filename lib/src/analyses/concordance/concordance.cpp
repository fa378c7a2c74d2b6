// Keyword in context: the query (word, phrase, wildcards, regular expression), the occurrences
// block by block, and their order.
#include "histext/concordance.hpp"

#include <unicode/parseerr.h>
#include <unicode/unistr.h>
#include <unicode/uregex.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <unordered_map>

#include "common/fast_paths.hpp"
#include "common/lazy_library.hpp"
#include "common/text_util.hpp"
#include "histext/error.hpp"

namespace histext {

namespace {

std::string flatten(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// `s` compared without its accents (strip_accents), unless they must match.
std::string fold_accents(std::string_view s, bool exact_accents) {
  if (exact_accents) return std::string(s);
  if constexpr (fast_paths)
    if (is_ascii(s)) return std::string(s);  // nothing to strip
  return strip_accents(s);
}

// ICU's regular expressions live in its i18n library, opened on first use like the charset
// detector (common/lazy_library.hpp): the C API of the engine behind icu::RegexMatcher.
struct regex_api {
  decltype(&uregex_open) open;
  decltype(&uregex_close) close;
  decltype(&uregex_setText) set_text;
  decltype(&uregex_matches) matches;
};

const regex_api& regex_functions() {
  static lazy_library library(HISTEXT_ICU_I18N_SONAME, HISTEXT_ICU_I18N_PATH,
                              "ICU regular expressions for histext-kwic");
  static const regex_api functions{library.symbol<decltype(&uregex_open)>(HISTEXT_ICU_NAME(uregex_open)),
                                   library.symbol<decltype(&uregex_close)>(HISTEXT_ICU_NAME(uregex_close)),
                                   library.symbol<decltype(&uregex_setText)>(HISTEXT_ICU_NAME(uregex_setText)),
                                   library.symbol<decltype(&uregex_matches)>(HISTEXT_ICU_NAME(uregex_matches))};
  return functions;
}

// A compiled ICU regular expression matched against whole words. The answers are cached by
// word: a text has far fewer distinct words than tokens.
class word_regex {
 public:
  word_regex(const std::string& pattern, std::uint32_t flags, const std::string& shown) : api_(regex_functions()) {
    const icu::UnicodeString p = icu::UnicodeString::fromUTF8(pattern);
    UParseError where{};
    UErrorCode status = U_ZERO_ERROR;
    re_ = api_.open(p.getBuffer(), p.length(), flags, &where, &status);
    if (U_FAILURE(status)) {
      if (re_) api_.close(re_);
      std::string message = "invalid regular expression \"" + shown + "\": " + u_errorName(status);
      if (where.offset >= 0) message += " at offset " + std::to_string(where.offset);
      throw error(message);
    }
  }
  ~word_regex() { api_.close(re_); }
  word_regex(const word_regex&) = delete;
  word_regex& operator=(const word_regex&) = delete;

  bool matches(const std::string& word) {
    if (auto it = cache_.find(word); it != cache_.end()) return it->second;
    text_ = icu::UnicodeString::fromUTF8(word);  // must outlive the match: ICU keeps a pointer
    UErrorCode status = U_ZERO_ERROR;
    api_.set_text(re_, text_.getBuffer(), text_.length(), &status);
    const bool found = U_SUCCESS(status) && api_.matches(re_, 0, &status) && U_SUCCESS(status);
    if (cache_.size() > (std::size_t{1} << 18)) cache_.clear();  // bounded, whatever the input
    cache_.emplace(word, found);
    return found;
  }

 private:
  const regex_api& api_;
  URegularExpression* re_ = nullptr;
  icu::UnicodeString text_;
  std::unordered_map<std::string, bool> cache_;
};

// One word of the query: an exact key, or a pattern (wildcards or --regex).
struct query_word {
  std::string key;                      // exact: compared with the folded base (or lemma)
  std::string shown;                    // what key() shows
  std::unique_ptr<word_regex> pattern;  // set for a pattern
};

}  // namespace

std::string keyword_key(const std::string& word, segmenter& seg, bool numbers) {
  // The word goes through the segmenter like any text, so it is cut, normalised and stripped of
  // a possessive exactly as the tokens it is compared with ("it's" stays whole, as in text).
  const document query = document::from_bytes(word, "the search word");
  const segmentation s = seg.run(query);
  std::size_t words = 0;
  std::string key;
  for (const token& t : s.tokens)
    if ((t.is_word() || (numbers && t.kind == token_kind::number)) && words++ == 0) key = std::string(t.base());
  if (words == 0) throw error("the search word \"" + word + "\" holds no word");
  if (words > 1) throw error("the search word \"" + word + "\" holds " + std::to_string(words) + " words; give one");
  return key;
}

std::vector<kwic_sort_key> parse_kwic_sort(const std::string& text) {
  std::vector<kwic_sort_key> keys;
  std::size_t from = 0;
  while (true) {
    const std::size_t comma = text.find(',', from);
    const std::string item = text.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    kwic_sort_key k;
    bool ok = item.size() >= 2 && item.size() <= 4 && std::string("LlRr").find(item[0]) != std::string::npos &&
              std::all_of(item.begin() + 1, item.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (ok) {
      k.left = item[0] == 'L' || item[0] == 'l';
      k.position = std::stoul(item.substr(1));
      ok = k.position >= 1 && k.position <= max_kwic_context;
    }
    if (!ok)
      throw error("sort key \"" + item + "\" is not L or R followed by a position from 1 to " +
                  std::to_string(max_kwic_context) + " (e.g. R1,R2)");
    keys.push_back(k);
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return keys;
}

struct keyword_finder::impl {
  kwic_options options;
  std::unique_ptr<lemmatizer> lemmas;
  std::vector<query_word> words;
  std::string key;

  bool matches(const query_word& q, const token& t) const {
    if (q.pattern) return q.pattern->matches(fold_accents(t.base(), options.exact_accents));
    if (lemmas) return fold_accents(lemmas->lemma(t.base()), options.exact_accents) == q.key;
    if (options.exact_accents) return t.base() == q.key;
    if constexpr (fast_paths)
      if (is_ascii(t.base())) return t.base() == q.key;  // no copy for the common case
    return strip_accents(t.base()) == q.key;
  }

  // The query's words, as documented on keyword_finder.
  void parse(const std::string& query, segmenter& seg) {
    const bool exact = options.exact_accents;
    if (options.regex) {
      if (query.empty()) throw error("the regular expression is empty");
      query_word q;
      q.shown = query;
      q.pattern = std::make_unique<word_regex>(fold_accents(query, exact), UREGEX_CASE_INSENSITIVE, query);
      words.push_back(std::move(q));
      return;
    }
    const document doc = document::from_bytes(query, "the search word");
    const segmentation s = seg.run(doc);
    // Tokens that touch make one query word: "stal*" is the word "stal" and the punctuation "*".
    for (std::size_t first = 0; first < s.tokens.size();) {
      std::size_t last = first + 1;
      while (last < s.tokens.size() && s.tokens[last].begin == s.tokens[last - 1].end) ++last;
      std::string glob, regex, shown;  // the pattern as ICU regex syntax, and as typed (normalised)
      bool wildcard = false;
      std::vector<const token*> plain;
      for (std::size_t i = first; i < last; ++i) {
        const token& t = s.tokens[i];
        if (t.kind == token_kind::number)
          throw error("the search word \"" + query + "\" holds a number (" + std::string(t.text(doc.view())) +
                      "); only words are searched");
        if (t.is_word()) {
          plain.push_back(&t);
          const std::string literal = fold_accents(t.base(), exact);
          regex += "\\Q" + literal + "\\E";  // a word token never holds "\E" (no backslash in a word)
          shown += std::string(t.base());
          continue;
        }
        for (char c : t.text(doc.view()))
          if (c == '*' || c == '?') {
            wildcard = true;
            regex += c == '*' ? ".*" : ".";
            shown += c;
          }
      }
      if (wildcard) {
        query_word q;
        q.shown = shown;
        q.pattern = std::make_unique<word_regex>(regex, 0, shown);
        words.push_back(std::move(q));
      } else {
        for (const token* t : plain) {
          query_word q;
          q.key = lemmas ? lemmas->lemma(t->base()) : std::string(t->base());
          q.shown = q.key;
          q.key = fold_accents(q.key, exact);
          words.push_back(std::move(q));
        }
      }
      first = last;
    }
    if (words.empty()) throw error("the search word \"" + query + "\" holds no word");
  }
};

keyword_finder::keyword_finder(const std::string& word, const kwic_options& options, segmenter& seg)
    : impl_(std::make_unique<impl>()) {
  if (options.context > max_kwic_context)
    throw error("the context must be between 0 and " + std::to_string(max_kwic_context) + " words");
  for (const kwic_sort_key& k : options.sort)
    if (k.position < 1 || k.position > max_kwic_context)
      throw error("a sort position must be between 1 and " + std::to_string(max_kwic_context));
  impl_->options = options;
  if (options.lemma) impl_->lemmas = std::make_unique<lemmatizer>(options.wordnet_dir);
  impl_->parse(word, seg);
  for (const query_word& q : impl_->words) impl_->key += (impl_->key.empty() ? "" : " ") + q.shown;
}
keyword_finder::~keyword_finder() = default;
keyword_finder::keyword_finder(keyword_finder&&) noexcept = default;
keyword_finder& keyword_finder::operator=(keyword_finder&&) noexcept = default;

const std::string& keyword_finder::key() const { return impl_->key; }

void keyword_finder::find(std::string_view text, const segmentation& seg,
                          const std::function<void(kwic_line&&)>& each) const {
  find_with_keys(text, seg, [&](kwic_line&& line, std::vector<std::string>&&) { each(std::move(line)); });
}

void keyword_finder::find_with_keys(std::string_view text, const segmentation& seg,
                                    const std::function<void(kwic_line&&, std::vector<std::string>&&)>& each) const {
  const kwic_options& options = impl_->options;
  const std::vector<query_word>& query = impl_->words;
  const std::size_t n = query.size();
  std::vector<std::size_t> words;  // indices of word tokens
  for (std::size_t i = 0; i < seg.tokens.size(); ++i)
    if (seg.tokens[i].kind == token_kind::word) words.push_back(i);
  for (std::size_t k = 0; k + n <= words.size(); ++k) {
    const token& t = seg.tokens[words[k]];
    if (!options.all && t.block_kind != block_kind::paragraph) continue;
    // A phrase: word tokens next to each other (no punctuation token between) in one sentence.
    bool found = impl_->matches(query[0], t);
    for (std::size_t j = 1; found && j < n; ++j) {
      const token& w = seg.tokens[words[k + j]];
      found = words[k + j] == words[k + j - 1] + 1 && w.sentence == t.sentence && impl_->matches(query[j], w);
    }
    if (!found) continue;
    const std::size_t k_last = k + n - 1;
    const token& t_last = seg.tokens[words[k_last]];
    kwic_line line;
    line.keyword = flatten(text.substr(t.begin, t_last.end - t.begin));
    line.sentence = t.sentence;
    line.paragraph = t.paragraph;
    line.block = t.block;
    line.begin = t.begin;
    line.end = t_last.end;
    line.file_position = text.empty() ? 0.0 : static_cast<double>(t.begin) / static_cast<double>(text.size());
    std::size_t left = k, right = k_last;
    for (std::size_t m = 0; m < options.context && left > 0 && seg.tokens[words[left - 1]].block == t.block; ++m)
      --left;
    for (std::size_t m = 0;
         m < options.context && right + 1 < words.size() && seg.tokens[words[right + 1]].block == t.block; ++m)
      ++right;
    // The context runs from just after the word before it to just before the word after it, so
    // punctuation next to the context words shows.
    std::size_t first_tok = words[left], last_tok = words[right];
    while (first_tok > 0 && seg.tokens[first_tok - 1].block == t.block &&
           seg.tokens[first_tok - 1].kind != token_kind::word)
      --first_tok;
    while (last_tok + 1 < seg.tokens.size() && seg.tokens[last_tok + 1].block == t.block &&
           seg.tokens[last_tok + 1].kind != token_kind::word)
      ++last_tok;
    std::size_t lb = first_tok < words[k] ? seg.tokens[first_tok].begin : t.begin;
    std::size_t re = last_tok > words[k_last] ? seg.tokens[last_tok].end : t_last.end;
    std::string l = flatten(text.substr(lb, t.begin - lb)), r = flatten(text.substr(t_last.end, re - t_last.end));
    std::string_view lv = l, rv = r;
    lv.remove_prefix(leading_space(lv));
    lv.remove_suffix(trailing_space(lv));
    rv.remove_prefix(leading_space(rv));
    rv.remove_suffix(trailing_space(rv));
    line.left = std::string(lv);
    line.right = std::string(rv);
    // The sort words: counted in word tokens from the keyword, inside its block, whatever -c is.
    std::vector<std::string> keys;
    for (const kwic_sort_key& s : options.sort) {
      std::string w;
      if (s.left && s.position <= k && seg.tokens[words[k - s.position]].block == t.block)
        w = seg.tokens[words[k - s.position]].norm;
      else if (!s.left && k_last + s.position < words.size() && seg.tokens[words[k_last + s.position]].block == t.block)
        w = seg.tokens[words[k_last + s.position]].norm;
      keys.push_back(std::move(w));
    }
    each(std::move(line), std::move(keys));
  }
}

namespace {

// Lines in options.sort's order: by their sort words, ties in text order (the stable sort keeps
// the order they were found in).
class sorted_lines {
 public:
  void add(kwic_line&& line, std::vector<std::string>&& keys) { kept_.emplace_back(std::move(keys), std::move(line)); }
  void pass(const std::function<void(kwic_line&&)>& each) {
    std::stable_sort(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [keys, line] : kept_) each(std::move(line));
    kept_.clear();
  }

 private:
  std::vector<std::pair<std::vector<std::string>, kwic_line>> kept_;
};

}  // namespace

void find_keyword(const document& doc, segmenter& seg, const std::string& word, const kwic_options& options,
                  const std::function<void(kwic_line&&)>& each) {
  const keyword_finder finder(word, options, seg);
  // Context never crosses a block, so one block's tokens are all a line needs.
  if (options.sort.empty()) {
    seg.for_each_block(doc, [&](const block&, const segmentation& piece) { finder.find(doc.view(), piece, each); });
    return;
  }
  sorted_lines sorted;
  seg.for_each_block(doc, [&](const block&, const segmentation& piece) {
    finder.find_with_keys(doc.view(), piece, [&](kwic_line&& line, std::vector<std::string>&& keys) {
      sorted.add(std::move(line), std::move(keys));
    });
  });
  sorted.pass(each);
}

std::vector<kwic_line> find_keyword(const document& doc, const segmentation& seg, const std::string& word,
                                    const kwic_options& options) {
  segmenter query_segmenter;
  const keyword_finder finder(word, options, query_segmenter);
  sorted_lines sorted;
  finder.find_with_keys(doc.view(), seg, [&](kwic_line&& line, std::vector<std::string>&& keys) {
    sorted.add(std::move(line), std::move(keys));
  });
  std::vector<kwic_line> lines;
  sorted.pass([&](kwic_line&& line) { lines.push_back(std::move(line)); });
  return lines;
}

}  // namespace histext
