// Sentence statistics: counts per sentence, quotation tracking, summaries and readability.
#include "histext/sentence_stats.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>

#include "histext/syllables.hpp"

namespace histext {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Alphabetic code points of a word's surface.
std::size_t count_letters(std::string_view s) {
  std::size_t n = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto len = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < len;) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i++]);
      n += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    n += c >= 0 && u_isalpha(c);
  }
  return n;
}

/// Text with every run of white space made one space.
std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

enum quote_type : std::uint8_t { double_quote = 0, single_quote = 1, straight_double = 2, straight_single = 3 };

/// The code point before / at byte `at` of `text` (0 at either end).
UChar32 char_before(std::string_view text, std::size_t at) {
  if (at == 0) return 0;
  auto i = static_cast<std::int32_t>(at);
  UChar32 c;
  U8_PREV(reinterpret_cast<const std::uint8_t*>(text.data()), 0, i, c);
  return c;
}
UChar32 char_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  auto i = static_cast<std::int32_t>(at);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, static_cast<std::int32_t>(text.size()), c);
  return c;
}
bool is_letter_or_digit(UChar32 c) { return c > 0 && u_isalnum(c); }

/// Whether the word starting at `at` is one that poetry and period prose print with an elided
/// first letter ('tis, 'twas, 'em, 'gainst...): a mark right before it is an apostrophe.
bool elided_word_at(std::string_view text, std::size_t at) {
  static const std::string_view words[] = {"tis", "twas",   "twere", "twill",  "twould", "twixt", "tween",
                                           "em",  "gainst", "neath", "mongst", "midst",  "mid",   "prentice"};
  std::size_t end = at;
  while (end < text.size() && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z')) ++end;
  if (end == at || end - at > 8 || is_letter_or_digit(char_at(text, end))) return false;
  std::string lower(text.substr(at, end - at));
  for (char& c : lower) c = static_cast<char>(c | 0x20);
  return std::find(std::begin(words), std::end(words), lower) != std::end(words);
}

/// Quotation marks as a stack of open quotes (a vector and one counter per kind, never recursion).
/// “ „ « open and ” » close double quotes, ‘ opens and ’ closes single quotes. A straight " closes
/// the open straight quotation, or opens one; right after a word and before a space or punctuation
/// it can only close (a stray one is ignored). Text tokenized with spaces around its quotes
/// defeats any finer reading of the neighbours. A straight ' opens only after a non-word and
/// before a word, and closes only an open straight single quote. ’ between letters is inside a word
/// token, so never seen here.
///
/// Single quotes share their marks with apostrophes, so three shapes are apostrophes, not quotes:
/// ’ (or ') at the start of a word ("’Tis", "’em"); ‘ or ' before an elided word from a short
/// list ("‘Tis" as word processors print it, "'twas"); and a plural possessive ("the farmers’
/// carts"), a mark after an s and before a space and a word, when the open quotation closes
/// further on: the next mark of that kind that can only close comes before any that can only open.
/// A quotation opened inside a paragraph is looked for in that paragraph only; one opened at a
/// paragraph's start may run over the next paragraphs, each opening with the mark again.
class quote_tracker {
 public:
  std::size_t depth() const { return stack_.size(); }
  void reset() {
    stack_.clear();
    opened_in_.clear();
    opened_first_.clear();
    open_[0] = open_[1] = open_[2] = open_[3] = 0;
  }
  /// A block starts: an opening mark before its first word that repeats the still-open quote of an
  /// earlier block continues that quote (the convention for quotations running over paragraphs).
  void start_block(std::uint32_t block) {
    block_ = block;
    words_in_block_ = 0;
  }
  void saw_word() { ++words_in_block_; }

  /// Reads the quotation marks inside one punctuation or symbol token `s` at `begin` of `text`.
  void scan(std::string_view text, std::size_t begin, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      auto b = static_cast<unsigned char>(s[i]);
      std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      std::string_view ch = s.substr(i, len);
      const std::size_t at = begin + i;
      if (ch == "\xE2\x80\x9C" || ch == "\xE2\x80\x9E" || ch == "\xC2\xAB")
        open(double_quote);
      else if (ch == "\xE2\x80\x9D" || ch == "\xC2\xBB")
        close(double_quote);
      else if (ch == "\xE2\x80\x98") {
        if (!elided_word_at(text, at + len)) open(single_quote);
      } else if (ch == "\xE2\x80\x99")
        curly_close_mark(text, at);
      else if (ch == "\"")
        straight_double_mark(text, at);
      else if (ch == "'")
        straight_single_mark(text, at);
      i += len;
    }
  }

 private:
  std::vector<std::uint8_t> stack_;
  std::vector<std::uint32_t> opened_in_;
  std::vector<bool> opened_first_;  // opened before the first word of its block
  std::size_t open_[4] = {0, 0, 0, 0};
  std::uint32_t block_ = 0;
  std::size_t words_in_block_ = 0;
  // The possessive look-ahead's last answer, per kind (single, straight single): the first mark
  // at or after `from` that can only open or only close is at `mark` (npos: none), and `closes`
  // says which. It holds for any position in [from, mark], so the text is scanned once.
  struct lookahead {
    std::size_t from = std::string_view::npos, mark = 0;
    bool closes = false;
  } ahead_[2][2];  // [straight][may run over paragraphs]

  void open(quote_type t) {
    if (continues_open(t)) return;
    stack_.push_back(t);
    opened_in_.push_back(block_);
    opened_first_.push_back(words_in_block_ == 0);
    ++open_[t];
  }
  void close(quote_type t) {
    if (open_[t] == 0) return;  // a stray closing mark (or an apostrophe after a word): ignored
    for (;;) {
      std::uint8_t top = stack_.back();
      stack_.pop_back();
      opened_in_.pop_back();
      opened_first_.pop_back();
      --open_[top];
      if (top == t) return;
    }
  }
  bool continues_open(quote_type t) const {
    return words_in_block_ == 0 && !stack_.empty() && stack_.back() == t && opened_in_.back() < block_;
  }
  static bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  }
  static bool space_char(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  /// A straight quote right after a word and before a space, punctuation or the end closes.
  static bool closing_position(std::string_view text, std::size_t at) {
    bool after_text = at > 0 && !space_char(text[at - 1]) && text[at - 1] != '(' && text[at - 1] != '[';
    bool before_break = at + 1 >= text.size() || !word_char(text[at + 1]);
    return after_text && before_break;
  }
  /// A mark of `len` bytes at `at` that starts a word: no letter or digit before it, a letter after.
  static bool starts_word(std::string_view text, std::size_t at, std::size_t len) {
    return !is_letter_or_digit(char_before(text, at)) && u_isalpha(char_at(text, at + len));
  }
  /// A mark of `len` bytes at `at` shaped like a plural possessive: after an s, then spaces and a word.
  static bool possessive_shape(std::string_view text, std::size_t at, std::size_t len) {
    if (at == 0 || (text[at - 1] != 's' && text[at - 1] != 'S')) return false;
    std::size_t j = at + len;
    if (j >= text.size() || (text[j] != ' ' && text[j] != '\t' && text[j] != '\n' && text[j] != '\r')) return false;
    while (j < text.size() && space_char(text[j])) ++j;
    return is_letter_or_digit(char_at(text, j));
  }
  /// A mark at `at` that opens a paragraph (after a blank line): a continued quotation, not a new one.
  static bool opens_paragraph(std::string_view text, std::size_t at) {
    int newlines = 0;
    while (at > 0 && space_char(text[at - 1])) newlines += text[--at] == '\n';
    return at == 0 || newlines >= 2;
  }

  /// Whether the line end at `at` is followed by a blank line or the end of the text.
  static bool paragraph_ends_at(std::string_view text, std::size_t at) {
    int newlines = 0;
    for (; at < text.size() && space_char(text[at]); ++at) newlines += text[at] == '\n';
    return at == text.size() || newlines >= 2;
  }

  /// The next mark of the kind (curly: ‘ ’; straight: ') from `from` that can only open or only
  /// close; true if it closes (or there is none: false).
  bool next_mark_closes(std::string_view text, std::size_t from, bool straight) {
    // The innermost open quotation of the kind: did it open a paragraph?
    const quote_type kind = straight ? straight_single : single_quote;
    bool runs_over = false;
    for (std::size_t k = stack_.size(); k-- > 0;)
      if (stack_[k] == kind) {
        runs_over = opened_first_[k];
        break;
      }
    lookahead& a = ahead_[straight][runs_over];
    if (a.from != std::string_view::npos && a.from <= from && from <= a.mark) return a.closes;
    a.from = from;
    a.closes = false;
    a.mark = text.size();
    for (std::size_t j = from; j < text.size(); ++j) {
      if (text[j] == '\n' && !runs_over && paragraph_ends_at(text, j)) {
        a.mark = j;  // the paragraph ends with the quotation still open: this mark closes it
        break;
      }
      if (straight ? text[j] != '\'' : text.compare(j, 2, "\xE2\x80") != 0) continue;
      if (straight) {
        if (is_letter_or_digit(char_before(text, j)) && is_letter_or_digit(char_at(text, j + 1))) continue;  // don't
        if (elided_word_at(text, j + 1) || possessive_shape(text, j, 1)) continue;
        if (closing_position(text, j)) {
          a.mark = j, a.closes = true;
          break;
        }
        if (starts_word(text, j, 1) && !opens_paragraph(text, j)) {
          a.mark = j;
          break;
        }
        continue;
      }
      const std::string_view ch = text.substr(j, 3);
      if (ch == "\xE2\x80\x99") {
        if (starts_word(text, j, 3) || possessive_shape(text, j, 3)) continue;
        if (is_letter_or_digit(char_before(text, j)) && is_letter_or_digit(char_at(text, j + 3))) continue;
        a.mark = j, a.closes = true;
        break;
      }
      if (ch == "\xE2\x80\x98" && !elided_word_at(text, j + 3) && !opens_paragraph(text, j)) {
        a.mark = j;
        break;
      }
    }
    return a.closes;
  }

  void curly_close_mark(std::string_view text, std::size_t at) {
    if (starts_word(text, at, 3)) return;  // "’Tis", "’em": an elision
    if (open_[single_quote] && possessive_shape(text, at, 3) && next_mark_closes(text, at + 3, false)) return;
    close(single_quote);
  }
  void straight_double_mark(std::string_view text, std::size_t at) {
    if (continues_open(straight_double)) return;
    if (closing_position(text, at)) {
      close(straight_double);  // a stray closing mark with nothing open is ignored
    } else if (open_[straight_double]) {
      close(straight_double);  // "Jenna Marbles "comes, " spaced out ": the second one closes
    } else {
      open(straight_double);
    }
  }
  void straight_single_mark(std::string_view text, std::size_t at) {
    bool after_word = at > 0 && word_char(text[at - 1]);
    bool before_word = at + 1 < text.size() && word_char(text[at + 1]);
    if (closing_position(text, at)) {
      if (open_[straight_single] && possessive_shape(text, at, 1) && next_mark_closes(text, at + 1, true)) return;
      close(straight_single);
    } else if (!after_word && before_word && !elided_word_at(text, at + 1)) {
      open(straight_single);
    }
  }
};

}  // namespace

readability compute_readability(std::size_t sentences, std::size_t words, std::size_t letters, std::size_t syllables,
                                std::size_t polysyllables) {
  readability r;
  if (sentences == 0 || words == 0) {
    r.flesch_reading_ease = r.flesch_kincaid_grade = r.gunning_fog = r.smog = r.coleman_liau = r.automated_readability =
        nan;
    return r;
  }
  const double s = static_cast<double>(sentences), w = static_cast<double>(words);
  const double asl = w / s, asw = static_cast<double>(syllables) / w;
  const double poly = static_cast<double>(polysyllables);
  r.flesch_reading_ease = 206.835 - 1.015 * asl - 84.6 * asw;
  r.flesch_kincaid_grade = 0.39 * asl + 11.8 * asw - 15.59;
  r.gunning_fog = 0.4 * (asl + 100.0 * poly / w);
  r.smog = 1.043 * std::sqrt(poly * 30.0 / s) + 3.1291;
  const double l = static_cast<double>(letters) / w * 100.0, s100 = s / w * 100.0;
  r.coleman_liau = 0.0588 * l - 0.296 * s100 - 15.8;
  r.automated_readability = 4.71 * static_cast<double>(letters) / w + 0.5 * asl - 21.43;
  return r;
}

distribution describe(const std::vector<double>& values, bool histogram) {
  distribution d;
  d.count = values.size();
  if (values.empty()) {
    d.mean = d.median = d.sd = d.min = d.max = d.q1 = d.q3 = nan;
    return d;
  }
  Eigen::VectorXd v = Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
  const auto n = static_cast<double>(v.size());
  d.mean = v.mean();
  d.min = v.minCoeff();
  d.max = v.maxCoeff();
  d.sd = v.size() > 1 ? std::sqrt((v.array() - d.mean).square().sum() / (n - 1.0)) : nan;
  std::sort(v.data(), v.data() + v.size());
  auto quantile = [&](double p) {
    double h = (n - 1.0) * p;
    auto lo = static_cast<Eigen::Index>(std::floor(h));
    Eigen::Index hi = std::min<Eigen::Index>(lo + 1, v.size() - 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
  };
  d.q1 = quantile(0.25);
  d.median = quantile(0.5);
  d.q3 = quantile(0.75);
  if (histogram && d.min >= 0) {
    // Width 1, 2 or 5 x 10^k: the smallest giving at most about ten bars from 0 to max.
    double raw = d.max / 10.0;
    std::size_t width = 1;
    for (std::size_t scale = 1;; scale *= 10) {
      if (raw <= static_cast<double>(scale)) {
        width = scale;
        break;
      }
      if (raw <= static_cast<double>(2 * scale)) {
        width = 2 * scale;
        break;
      }
      if (raw <= static_cast<double>(5 * scale)) {
        width = 5 * scale;
        break;
      }
    }
    auto bins = static_cast<std::size_t>(d.max) / width + 1;
    d.histogram.resize(bins);
    for (std::size_t b = 0; b < bins; ++b) d.histogram[b] = {b * width, (b + 1) * width, 0};
    for (double x : values) ++d.histogram[static_cast<std::size_t>(x) / width].count;
  }
  return d;
}

namespace {

/// The analysis proper, fed one block at a time.
class analyzer {
 public:
  analyzer(const document& doc, const sentence_options& options) : text_(doc.view()), options_(options), syllables_() {
    // Room for one sentence per 32 bytes (prose has about one per 100-150) reserved up front: an
    // untouched reservation costs address space, not memory, while growing a vector of 300,000
    // sentences by doubling briefly holds both copies (tens of MB on a 40 MB text). A text with
    // more sentences than that grows as usual.
    const std::size_t expected = text_.size() / 32;
    report_.sentences.reserve(expected);
    raw_.reserve(expected);
  }

  void start_block(const block& b) {
    const bool body = b.kind == block_kind::paragraph;
    current_block_body_ = body;
    current_block_words_ = 0;
    if (!body) outside_tracker_.reset();  // a heading or an attribution is read on its own
    tracker().start_block(b.index);
  }
  void end_block() {
    const auto words = static_cast<double>(current_block_words_);
    all_block_words_.push_back(words);
    (current_block_body_ ? body_paragraph_words_ : outside_paragraph_words_).push_back(words);
  }

  /// One sentence with its tokens [first, last).
  void add_sentence(const sentence& s, const token* first, const token* last) {
    const bool body = s.block_kind == block_kind::paragraph;
    quote_tracker& q = tracker();
    sentence_stat st;
    st.index = s.index;
    st.block = s.block;
    st.block_kind = s.block_kind;
    st.paragraph = s.paragraph;
    st.position = s.block == last_block_ ? ++position_ : (position_ = 1);
    last_block_ = s.block;
    st.begin = s.begin;
    st.end = s.end;
    std::size_t depth1 = 0, depth2 = 0, max_depth = 0;
    std::size_t preview_end = s.end;
    for (const token* t = first; t != last; ++t) {
      if (t->kind == token_kind::punctuation || t->kind == token_kind::symbol) {
        q.scan(text_, t->begin, text_.substr(t->begin, t->end - t->begin));
        if (body) note_body_token(q, false);
        continue;
      }
      if (t->kind != token_kind::word) {
        if (body) note_body_token(q, false);
        continue;
      }
      q.saw_word();
      ++st.words;
      if (st.words == options_.preview_words) preview_end = t->end;
      st.letters += count_letters(text_.substr(t->begin, t->end - t->begin));
      int syl = syllables_.count(t->norm);
      st.syllables += static_cast<std::size_t>(syl);
      st.polysyllables += syl >= 3;
      std::size_t d = q.depth();
      depth1 += d >= 1;
      depth2 += d >= 2;
      max_depth = std::max(max_depth, d);
      if (body) note_body_token(q, true);
    }
    std::string_view shown = text_.substr(s.begin, std::min(preview_end, s.end) - s.begin);
    st.preview = collapse_space(shown);
    if (preview_end < s.end && st.words > options_.preview_words) st.preview += " \xE2\x80\xA6";
    // Both readings are kept until we know whether a frame spans the body.
    raw_.push_back({depth1, depth2, max_depth});
    current_block_words_ += st.words;
    (body || options_.all ? report_.sentences : others_).push_back(std::move(st));
    if (!(body || options_.all)) raw_others_.push_back(raw_.back()), raw_.pop_back();
  }

  sentence_report finish() {
    report_.all = options_.all;
    report_.framed = frame_candidate_ && frame_closed_ && !frame_reopened_ && words_after_frame_ == 0;
    auto settle = [&](std::vector<sentence_stat>& list, const std::vector<raw_quote>& raw) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        sentence_stat& st = list[i];
        bool framed = report_.framed && st.block_kind == block_kind::paragraph;
        st.quoted_words = framed ? raw[i].depth2 : raw[i].depth1;
        st.quote_depth =
            static_cast<std::uint32_t>(framed && raw[i].max_depth > 0 ? raw[i].max_depth - 1 : raw[i].max_depth);
        st.quoted = st.quoted_words > 0 && 2 * st.quoted_words >= st.words;
      }
    };
    settle(report_.sentences, raw_);
    settle(others_, raw_others_);
    report_.summary = summarize(report_.sentences, options_.all ? all_block_words_ : body_paragraph_words_);
    if (!options_.all)
      report_.outside_body = summarize(others_, outside_paragraph_words_);
    else
      report_.outside_body = summarize({}, {});
    return std::move(report_);
  }

 private:
  struct raw_quote {
    std::size_t depth1, depth2, max_depth;
  };
  std::string_view text_;
  sentence_options options_;
  syllable_counter syllables_;
  quote_tracker body_tracker_, outside_tracker_;
  bool current_block_body_ = true;
  std::size_t current_block_words_ = 0;
  std::uint32_t last_block_ = 0, position_ = 0;
  std::vector<double> body_paragraph_words_, outside_paragraph_words_, all_block_words_;
  sentence_report report_;
  std::vector<sentence_stat> others_;
  std::vector<raw_quote> raw_, raw_others_;
  // Frame detection over the body's tokens.
  std::size_t body_tokens_ = 0, words_after_frame_ = 0;
  bool frame_candidate_ = false, frame_closed_ = false, frame_reopened_ = false;

  quote_tracker& tracker() { return current_block_body_ ? body_tracker_ : outside_tracker_; }

  void note_body_token(const quote_tracker& q, bool word) {
    if (body_tokens_++ == 0) frame_candidate_ = q.depth() == 1 && !word;
    if (!frame_candidate_) return;
    if (!frame_closed_) {
      if (q.depth() == 0) frame_closed_ = true;
    } else {
      if (q.depth() > 0) frame_reopened_ = true;
      if (word) ++words_after_frame_;
    }
  }

  sentence_summary summarize(const std::vector<sentence_stat>& list, const std::vector<double>& paragraphs) const {
    sentence_summary s;
    s.paragraphs = paragraphs.size();
    std::vector<double> lengths;
    const sentence_stat* longest = nullptr;
    const sentence_stat* shortest = nullptr;
    for (const sentence_stat& st : list) {
      if (st.words == 0) continue;
      ++s.sentences;
      s.words += st.words;
      s.letters += st.letters;
      s.syllables += st.syllables;
      s.polysyllables += st.polysyllables;
      s.quoted_words += st.quoted_words;
      s.quoted_sentences += st.quoted;
      lengths.push_back(static_cast<double>(st.words));
      if (!longest || st.words > longest->words) longest = &st;
      if (!shortest || st.words < shortest->words) shortest = &st;
    }
    s.quoted_share = s.words ? static_cast<double>(s.quoted_words) / static_cast<double>(s.words) : nan;
    s.words_per_sentence = describe(lengths, true);
    s.words_per_paragraph = describe(paragraphs, false);
    auto ref = [&](const sentence_stat* st) {
      sentence_ref r;
      if (!st) return r;
      r.index = st->index;
      r.words = st->words;
      r.text = collapse_space(text_.substr(st->begin, st->end - st->begin));
      return r;
    };
    s.longest = ref(longest);
    s.shortest = ref(shortest);
    s.readability = compute_readability(s.sentences, s.words, s.letters, s.syllables, s.polysyllables);
    return s;
  }
};

}  // namespace

sentence_report analyze_sentences(const document& doc, const segmentation& seg, const sentence_options& options) {
  analyzer a(doc, options);
  std::size_t si = 0;
  for (const block& b : seg.blocks) {
    a.start_block(b);
    while (si < seg.sentences.size() && seg.sentences[si].block == b.index) {
      const sentence& s = seg.sentences[si++];
      a.add_sentence(s, seg.tokens.data() + s.first_token, seg.tokens.data() + s.last_token);
    }
    a.end_block();
  }
  return a.finish();
}

sentence_report analyze_sentences(const document& doc, segmenter& seg, const sentence_options& options) {
  analyzer a(doc, options);
  segmentation piece;
  std::uint32_t numbered = 0;
  for (const block& b : split_blocks(doc.view(), doc.body_begin())) {
    piece.sentences.clear();
    piece.tokens.clear();
    seg.run_block(doc.view(), b, piece);
    a.start_block(b);
    for (sentence s : piece.sentences) {
      s.index += numbered;
      a.add_sentence(s, piece.tokens.data() + s.first_token, piece.tokens.data() + s.last_token);
    }
    numbered += static_cast<std::uint32_t>(piece.sentences.size());
    a.end_block();
  }
  return a.finish();
}

sentence_tally tally_sentences(const std::string& file, const sentence_report& report) {
  sentence_tally t;
  t.file = file;
  t.summary = report.summary;
  t.outside_sentences = report.outside_body.sentences;
  t.outside_words = report.outside_body.words;
  std::uint32_t block = 0;
  for (const sentence_stat& st : report.sentences) {
    if (st.words > 0) t.sentence_words.push_back(static_cast<double>(st.words));
    if (t.paragraph_words.empty() || st.block != block) t.paragraph_words.push_back(0), block = st.block;
    t.paragraph_words.back() += static_cast<double>(st.words);
  }
  // A summary paragraph without a sentence counts with no words (as in the report's own summary).
  t.paragraph_words.resize(std::max(t.paragraph_words.size(), report.summary.paragraphs), 0.0);
  return t;
}

sentence_summary pool_sentences(const std::vector<sentence_tally>& files) {
  sentence_summary s;
  std::vector<double> lengths, paragraphs;
  const sentence_tally* longest = nullptr;
  const sentence_tally* shortest = nullptr;
  for (const sentence_tally& f : files) {
    const sentence_summary& x = f.summary;
    s.paragraphs += x.paragraphs;
    s.sentences += x.sentences;
    s.words += x.words;
    s.letters += x.letters;
    s.syllables += x.syllables;
    s.polysyllables += x.polysyllables;
    s.quoted_sentences += x.quoted_sentences;
    s.quoted_words += x.quoted_words;
    lengths.insert(lengths.end(), f.sentence_words.begin(), f.sentence_words.end());
    paragraphs.insert(paragraphs.end(), f.paragraph_words.begin(), f.paragraph_words.end());
    if (x.longest.index && (!longest || x.longest.words > longest->summary.longest.words)) longest = &f;
    if (x.shortest.index && (!shortest || x.shortest.words < shortest->summary.shortest.words)) shortest = &f;
  }
  s.quoted_share = s.words ? static_cast<double>(s.quoted_words) / static_cast<double>(s.words)
                           : std::numeric_limits<double>::quiet_NaN();
  s.words_per_sentence = describe(lengths, true);
  s.words_per_paragraph = describe(paragraphs, false);
  if (longest) s.longest = longest->summary.longest, s.longest.file = longest->file;
  if (shortest) s.shortest = shortest->summary.shortest, s.shortest.file = shortest->file;
  s.readability = compute_readability(s.sentences, s.words, s.letters, s.syllables, s.polysyllables);
  return s;
}

}  // namespace histext
