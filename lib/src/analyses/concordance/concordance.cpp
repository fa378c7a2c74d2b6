// Keyword in context: the search key and the occurrences, block by block.
#include "histext/concordance.hpp"

#include <algorithm>

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
  if (words > 1)
    throw error("the search word \"" + word + "\" holds " + std::to_string(words) + " words; give one");
  return key;
}

struct keyword_finder::impl {
  kwic_options options;
  std::unique_ptr<lemmatizer> lemmas;
  std::string key;
};

keyword_finder::keyword_finder(const std::string& word, const kwic_options& options, segmenter& seg)
    : impl_(std::make_unique<impl>()) {
  if (options.context > max_kwic_context)
    throw error("the context must be between 0 and " + std::to_string(max_kwic_context) + " words");
  impl_->options = options;
  impl_->key = keyword_key(word, seg);
  if (options.lemma) {
    impl_->lemmas = std::make_unique<lemmatizer>(options.wordnet_dir);
    impl_->key = impl_->lemmas->lemma(impl_->key);
  }
}
keyword_finder::~keyword_finder() = default;
keyword_finder::keyword_finder(keyword_finder&&) noexcept = default;
keyword_finder& keyword_finder::operator=(keyword_finder&&) noexcept = default;

const std::string& keyword_finder::key() const { return impl_->key; }

void keyword_finder::find(std::string_view text, const segmentation& seg,
                          const std::function<void(kwic_line&&)>& each) const {
  const kwic_options& options = impl_->options;
  const lemmatizer* lemmas = impl_->lemmas.get();
  const std::string& target = impl_->key;
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
    each(std::move(line));
  }
}

void find_keyword(const document& doc, segmenter& seg, const std::string& word, const kwic_options& options,
                  const std::function<void(kwic_line&&)>& each) {
  const keyword_finder finder(word, options, seg);
  // Context never crosses a block, so one block's tokens are all a line needs.
  seg.for_each_block(doc, [&](const block&, const segmentation& piece) { finder.find(doc.view(), piece, each); });
}

std::vector<kwic_line> find_keyword(const document& doc, const segmentation& seg, const std::string& word,
                                    const kwic_options& options) {
  segmenter query_segmenter;
  const keyword_finder finder(word, options, query_segmenter);
  std::vector<kwic_line> lines;
  finder.find(doc.view(), seg, [&](kwic_line&& line) { lines.push_back(std::move(line)); });
  return lines;
}

}  // namespace histext
