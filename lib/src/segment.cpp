#include "histext/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "histext/error.hpp"
#include "dehyphenate.hpp"
#include "histext/version.hpp"
#include "text_util.hpp"

namespace histext {

const char* to_string(block_kind kind) {
  switch (kind) {
    case block_kind::heading: return "heading";
    case block_kind::paragraph: return "paragraph";
    case block_kind::attribution: return "attribution";
  }
  return "paragraph";
}

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
// Blocks

namespace {

struct line_span {
  std::size_t begin, end;  // content, without the line end
};

// Lines of text[begin, size): LF, CRLF and CR each end a line.
std::vector<line_span> split_lines(std::string_view text, std::size_t begin) {
  std::vector<line_span> lines;
  std::size_t start = begin;
  for (std::size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      lines.push_back({start, i});
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back({start, text.size()});
  return lines;
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
    return !(c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == 0x2026);
  }
  return false;
}

}  // namespace

std::vector<block> split_blocks(std::string_view text, std::size_t begin) {
  std::vector<block> blocks;
  std::size_t cur_begin = 0, cur_end = 0;
  bool open = false;
  for (const line_span& line : split_lines(text, begin)) {
    std::string_view content = text.substr(line.begin, line.end - line.begin);
    std::size_t lead = leading_space(content), trail = trailing_space(content);
    if (lead == content.size()) {  // blank line closes a block
      if (open) blocks.push_back({cur_begin, cur_end});
      open = false;
      continue;
    }
    if (!open) cur_begin = line.begin + lead;
    cur_end = line.end - trail;
    open = true;
  }
  if (open) blocks.push_back({cur_begin, cur_end});

  if (blocks.size() > 1 && looks_like_heading(text.substr(blocks.front().begin, blocks.front().end - blocks.front().begin)))
    blocks.front().kind = block_kind::heading;
  if (blocks.size() > 1 && blocks.back().kind == block_kind::paragraph &&
      is_dash_start(text.substr(blocks.back().begin, blocks.back().end - blocks.back().begin)))
    blocks.back().kind = block_kind::attribution;
  std::uint32_t index = 0, paragraph = 0;
  for (block& b : blocks) {
    b.index = ++index;
    b.paragraph = b.kind == block_kind::paragraph ? ++paragraph : 0;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The segmenter

namespace {

struct abbreviation_list {
  std::unordered_set<std::string> known;     // lower-cased, without the final period ("gen", "u.s")
  std::unordered_set<std::string> may_end;   // lower-cased, without the final period ("etc")
};

abbreviation_list load_abbreviations() {
  abbreviation_list list;
  std::string path = data_file("abbreviations.txt");
  std::ifstream in(path);
  if (!in) throw error(path + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string word = line.substr(0, line.find_first_of(" \t\r"));
    bool ends = line.find(" end") != std::string::npos;
    if (word.size() < 2 || word.back() != '.') continue;
    std::string key = ascii_lower(word.substr(0, word.size() - 1));
    list.known.insert(key);
    if (ends) list.may_end.insert(key);
  }
  return list;
}

// Grammatical contractions with 's that are not possessives.
bool is_s_contraction(std::string_view base) {
  static const std::unordered_set<std::string_view> words = {
      "it", "that", "he", "she", "there", "here", "what", "who", "where", "how", "let", "when", "why", "this"};
  return words.count(base) != 0;
}

bool is_hyphen(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91";
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
  std::vector<std::size_t> breaks;

  explicit impl(const segment_options& o) : options(o), abbreviations(load_abbreviations()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale en("en");
    words.reset(icu::BreakIterator::createWordInstance(en, status));
    std::unique_ptr<icu::BreakIterator> plain(icu::BreakIterator::createSentenceInstance(en, status));
    // en@ss=standard's suppressions, plus the project's list of historical abbreviations.
    std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
        icu::FilteredBreakIteratorBuilder::createInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) throw error(std::string("ICU break iterators: ") + u_errorName(status));
    // The project's own abbreviations are applied on tokens (find_sentences), not through ICU's
    // filter, which matches suffixes ("Mme." would suppress the break after "programme.").
    for (const std::string& a : abbreviations.may_end) {  // never suppress what may end a sentence
      builder->unsuppressBreakAfter(icu::UnicodeString::fromUTF8(a + "."), status);
      status = U_ZERO_ERROR;
    }
    sentences.reset(builder->wrapIteratorWithFilter(plain.release(), status));
    if (U_FAILURE(status)) throw error(std::string("ICU sentence filter: ") + u_errorName(status));
    utext = utext_openUTF8(nullptr, "", 0, &status);
  }
  ~impl() { utext_close(utext); }

  void tokenize(std::string_view s);
  void merge_tokens(std::string_view s);
  void find_sentences(std::string_view s);
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
    int32_t status = words->getRuleStatus();
    token_kind kind;
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
      UChar32 c = first_char(piece);
      if (u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF) continue;
      if (is_superscript_digits(piece) && !raw.empty() && raw.back().end == static_cast<std::size_t>(start) &&
          raw.back().kind == token_kind::word)
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
  std::vector<raw_token> out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    raw_token t = raw[i];
    auto adjacent = [&](std::size_t j) { return j < raw.size() && raw[j].begin == raw[j - 1].end; };

    // URL: scheme "://..." or "www." up to the next space; trailing punctuation stays out.
    std::string lower = t.kind == token_kind::word ? ascii_lower(text(t)) : std::string();
    bool scheme = (lower == "http" || lower == "https" || lower == "ftp") && adjacent(i + 1) && text(raw[i + 1]) == ":" &&
                  adjacent(i + 2) && text(raw[i + 2]) == "/";
    if (scheme || lower.rfind("www.", 0) == 0) {
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
    if (!options.split_hyphens && (t.kind == token_kind::word || t.kind == token_kind::number)) {
      std::size_t j = i;
      while (adjacent(j + 1) && is_hyphen(text(raw[j + 1])) && adjacent(j + 2) &&
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
    // Abbreviation or initial with its period: "Mr.", "U.S.", "J.", "etc."
    if (t.kind == token_kind::word && !t.hyphenated && adjacent(i + 1) && text(raw[i + 1]) == ".") {
      std::string key = ascii_lower(text(t));
      std::string_view surface = text(t);
      bool initial = surface.size() == 1 && std::isupper(static_cast<unsigned char>(surface[0]));
      bool dotted = surface.find('.') != std::string_view::npos;
      if (initial || dotted || abbreviations.known.count(key)) {
        out.push_back({t.begin, raw[i + 1].end, token_kind::word});
        ++i;
        continue;
      }
    }
    // Runs of the same terminal punctuation: "...", "!!", "?!", "--"
    if (t.kind == token_kind::punctuation && t.end - t.begin == 1 && std::string_view(".!?-").find(s[t.begin]) != std::string_view::npos) {
      std::size_t j = i;
      auto same_class = [&](char a, char b) {
        return a == b || ((a == '!' || a == '?') && (b == '!' || b == '?'));
      };
      while (adjacent(j + 1) && raw[j + 1].end - raw[j + 1].begin == 1 && same_class(s[t.begin], s[raw[j + 1].begin])) ++j;
      if (j > i) {
        out.push_back({t.begin, raw[j].end, token_kind::punctuation});
        i = j;
        continue;
      }
    }
    // Footnote marker glued to a word: "Bukharin1" -> "Bukharin" + "1".
    if (t.kind == token_kind::word && !t.hyphenated) {
      std::string_view w = text(t);
      std::size_t digits = 0;
      while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[w.size() - 1 - digits]))) ++digits;
      std::string_view stem = w.substr(0, w.size() - digits);
      if (digits >= 1 && digits <= 3 && stem.size() >= 3 && is_alphabetic(stem)) {
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
    auto it = std::lower_bound(raw.begin(), raw.end(), e, [](const raw_token& t, std::size_t pos) { return t.end < pos; });
    if (it == raw.end() || it->end != e || it->kind != token_kind::word || s[e - 1] != '.') return false;
    std::string_view w = s.substr(it->begin, it->end - it->begin - 1);
    if (w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]))) return true;
    std::string key = ascii_lower(w);
    return abbreviations.known.count(key) && !abbreviations.may_end.count(key);
  };
  // Keep a break after "?" or "!" only if what follows does not start in lower case
  // ("“Why?” he asked." is one sentence).
  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k + 1 < breaks.size(); ++k) {
    std::size_t b = breaks[k];
    std::size_t e = b;
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    std::string_view before = s.substr(0, e);
    while (!before.empty() && u_hasBinaryProperty(last_char(before), UCHAR_QUOTATION_MARK))
      before.remove_suffix(U8_LENGTH(last_char(before)));
    UChar32 next = first_char(s.substr(b));
    if (!before.empty() && (before.back() == '?' || before.back() == '!') && u_islower(next)) continue;
    if (after_abbreviation(b)) continue;
    kept.push_back(b);
  }
  kept.push_back(s.size());
  breaks.swap(kept);

  // Move a break that falls inside a token to the token's end.
  std::size_t t = 0;
  for (std::size_t& b : breaks) {
    while (t < raw.size() && raw[t].end <= b) ++t;
    if (t < raw.size() && raw[t].begin < b) b = raw[t].end;
  }
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
}

void segmenter::impl::emit(std::string_view text, const block& b, segmentation& out) {
  std::string_view s = text.substr(b.begin, b.end - b.begin);
  auto sentence_number = static_cast<std::uint32_t>(out.sentences.size());
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
      token tok;
      tok.begin = b.begin + r.begin;
      tok.end = b.begin + r.end;
      tok.base_end = tok.end;
      tok.kind = r.kind;
      tok.hyphenated = r.hyphenated;
      tok.sentence = sent.index;
      tok.block = b.index;
      tok.block_kind = b.kind;
      tok.paragraph = b.paragraph;
      tok.norm = normalize_word(s.substr(r.begin, r.end - r.begin));
      if (tok.kind == token_kind::word && tok.norm.size() > 2 && tok.norm.compare(tok.norm.size() - 2, 2, "'s") == 0 &&
          !is_s_contraction(std::string_view(tok.norm).substr(0, tok.norm.size() - 2))) {
        tok.norm_strip = 2;
        std::string_view surface = s.substr(r.begin, r.end - r.begin);
        std::size_t apostrophe = surface.size() >= 4 && surface.compare(surface.size() - 4, 3, "\xE2\x80\x99") == 0 ? 3 : 1;
        tok.base_end = tok.end - 1 - apostrophe;
      }
      out.tokens.push_back(std::move(tok));
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
  std::replace_if(m.scratch.begin(), m.scratch.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  UErrorCode status = U_ZERO_ERROR;
  m.utext = utext_openUTF8(m.utext, m.scratch.data(), static_cast<int64_t>(m.scratch.size()), &status);
  if (U_FAILURE(status)) throw error(std::string("ICU UText: ") + u_errorName(status));
  m.tokenize(m.scratch);
  m.merge_tokens(m.scratch);
  m.find_sentences(m.scratch);
  const std::size_t first_token = out.tokens.size(), first_sentence = out.sentences.size();
  m.emit(text, b, out);
  if (m.options.dehyphenate) dehyphenate(text, out, first_token, first_sentence, m.options.split_hyphens);
}

segmentation segmenter::run(const document& doc) {
  segmentation out;
  out.blocks = split_blocks(doc.view(), doc.body_begin());
  for (const block& b : out.blocks) run_block(doc.view(), b, out);
  return out;
}

segmentation segment(const document& doc, const segment_options& options) { return segmenter(options).run(doc); }

}  // namespace histext

namespace histext {

segment_summary summarize(const segmentation& seg) {
  segment_summary s;
  s.blocks = seg.blocks.size();
  for (const block& b : seg.blocks) {
    s.headings += b.kind == block_kind::heading;
    s.paragraphs += b.kind == block_kind::paragraph;
    s.attributions += b.kind == block_kind::attribution;
  }
  s.sentences = seg.sentences.size();
  for (const sentence& x : seg.sentences) s.body_sentences += x.block_kind == block_kind::paragraph;
  s.tokens = seg.tokens.size();
  for (const token& t : seg.tokens) ++s.by_kind[static_cast<int>(t.kind)];
  return s;
}

}  // namespace histext
