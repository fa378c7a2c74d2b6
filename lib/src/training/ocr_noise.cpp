// Synthetic OCR damage: long s, broken and wrapped lines, lines in capitals, letter confusions.
#include "training/ocr_noise.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "histext/document.hpp"
#include "histext/segment.hpp"

namespace histext::training {
namespace {

/// Uniform doubles from std::mt19937_64, converted here rather than by std::*_distribution,
/// whose algorithms differ between standard libraries.
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : engine_(seed) {}
  /// In [0, 1): the top 53 bits of one draw.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  /// In [0, n) for n > 0.
  std::size_t below(std::size_t n) { return std::min(n - 1, static_cast<std::size_t>(uniform() * n)); }
  bool chance(double p) { return uniform() < p; }

 private:
  std::mt19937_64 engine_;
};

/// Each kind of damage has its own stream, so that changing one rate leaves the others' choices alone.
random_source stream(std::uint64_t seed, std::uint64_t which) {
  return random_source(seed ^ (0x9E3779B97F4A7C15ull * (which + 1)));
}

/// Replace text[pos, pos + len) by `with` (len 0: insert before pos).
struct edit {
  std::size_t pos = 0, len = 0;
  std::string with;
};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

/// Span boundaries of the document: no edit may change bytes on both sides of one.
std::vector<bool> span_boundaries(const annotated_document& doc) {
  std::vector<bool> at(doc.text.size() + 1, false);
  for (const auto& s : doc.spans) at[s.begin] = at[s.end] = true;
  return at;
}

/// Whether an edit of [pos, pos + len) leaves every span boundary outside it (an insertion,
/// len 0, must not sit on a boundary either: the span would not know which side it belongs to).
bool clear_of(const std::vector<bool>& boundary, std::size_t pos, std::size_t len) {
  if (len == 0) return !boundary[pos];
  for (std::size_t p = pos + 1; p < pos + len; ++p)
    if (boundary[p]) return false;
  return true;
}

/// Applies edits (sorted by pos, not overlapping) and moves the spans with them.
annotated_document apply_edits(const annotated_document& doc, const std::vector<edit>& edits) {
  annotated_document out;
  out.id = doc.id;
  out.text.reserve(doc.text.size() + doc.text.size() / 16);
  // shift[k]: bytes added by edits [0, k); an offset p moves by shift[number of edits ending at or before p].
  std::vector<std::ptrdiff_t> shift(edits.size() + 1, 0);
  std::vector<std::size_t> ends(edits.size());
  std::size_t copied = 0;
  for (std::size_t k = 0; k < edits.size(); ++k) {
    const edit& e = edits[k];
    out.text.append(doc.text, copied, e.pos - copied);
    out.text += e.with;
    copied = e.pos + e.len;
    ends[k] = copied;
    shift[k + 1] = shift[k] + static_cast<std::ptrdiff_t>(e.with.size()) - static_cast<std::ptrdiff_t>(e.len);
  }
  out.text.append(doc.text, copied, std::string::npos);
  auto moved = [&](std::size_t p) {
    std::size_t k = static_cast<std::size_t>(std::upper_bound(ends.begin(), ends.end(), p) - ends.begin());
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(p) + shift[k]);
  };
  out.spans = doc.spans;
  for (auto& s : out.spans) {
    s.begin = moved(s.begin);
    s.end = moved(s.end);
  }
  return out;
}

/// The word tokens of a text, from histext's segmenter (one per thread: it holds ICU iterators).
std::vector<token> words_of(const std::string& text) {
  thread_local segmenter words;
  segmentation seg = words.run(document::from_bytes(text, "<ocr noise>"));
  std::vector<token> out;
  for (auto& t : seg.tokens)
    if (t.is_word()) out.push_back(std::move(t));
  return out;
}

/// Where a word of at least 6 ASCII letters may be hyphen-broken: between two ASCII letters,
/// leaving at least 2 letters on each side, not on a span boundary. Empty when it may not.
std::vector<std::size_t> break_points(const std::string& text, const token& t, const std::vector<bool>& boundary) {
  std::vector<std::size_t> out;
  std::size_t letters = 0;
  for (std::size_t i = t.begin; i < t.end; ++i) letters += is_ascii_letter(text[i]);
  if (letters < 6) return out;
  for (std::size_t p = t.begin + 2; p + 2 <= t.end; ++p)
    if (is_ascii_letter(text[p - 1]) && is_ascii_letter(text[p]) && is_ascii_letter(text[p - 2]) &&
        is_ascii_letter(text[p + 1]) && !boundary[p])
      out.push_back(p);
  return out;
}

/// Line ends: existing single line breaks between words become a hyphen break inside the next
/// word at the rate `broken_lines`; lines longer than the page width are wrapped before the word
/// that overruns it, by a hyphen break inside it at that rate or else by turning the space before
/// it into a line break.
annotated_document break_lines(const annotated_document& doc, std::uint64_t seed, double rate) {
  random_source rng = stream(seed, 0);
  const std::size_t width = 60 + rng.below(21);
  const std::string& text = doc.text;
  const std::vector<bool> boundary = span_boundaries(doc);
  std::vector<edit> edits;
  std::size_t line_start = 0, previous_end = 0;
  bool previous_word = false;
  for (const token& t : words_of(text)) {
    const std::string_view gap(text.data() + previous_end, t.begin - previous_end);
    const std::size_t newline = gap.rfind('\n');
    if (newline != std::string_view::npos) {
      line_start = previous_end + newline + 1;
      // A lone LF between two words (not a blank line, not CRLF): a line end to re-break.
      if (previous_word && gap == "\n" && rng.chance(rate)) {
        const auto points = break_points(text, t, boundary);
        if (!points.empty() && clear_of(boundary, previous_end, 1)) {
          const std::size_t p = points[rng.below(points.size())];
          edits.push_back({previous_end, 1, " "});
          edits.push_back({p, 0, "-\n"});
          line_start = p;
        }
      }
    } else if (t.end - line_start > width && t.begin >= 2 && text[t.begin - 1] == ' ' && text[t.begin - 2] != ' ') {
      const auto points = rng.chance(rate) ? break_points(text, t, boundary) : std::vector<std::size_t>{};
      if (!points.empty()) {
        const std::size_t p = points[rng.below(points.size())];
        edits.push_back({p, 0, "-\n"});
        line_start = p;
      } else {
        edits.push_back({t.begin - 1, 1, "\n"});
        line_start = t.begin;
      }
    }
    previous_end = t.end;
    previous_word = true;
  }
  return apply_edits(doc, edits);
}

/// Lines (between LFs) in capitals at the rate `rate`. Bytes keep their places.
annotated_document capital_lines(const annotated_document& doc, std::uint64_t seed, double rate) {
  random_source rng = stream(seed, 1);
  annotated_document out = doc;
  std::size_t start = 0;
  while (start < out.text.size()) {
    std::size_t end = out.text.find('\n', start);
    if (end == std::string::npos) end = out.text.size();
    if (rng.chance(rate))
      for (std::size_t i = start; i < end; ++i)
        if (is_ascii_lower(out.text[i])) out.text[i] = static_cast<char>(out.text[i] - 'a' + 'A');
    start = end + 1;
  }
  return out;
}

/// Look-alike letters an OCR engine confuses: `from` (ASCII letters) read as `to`.
struct confusion {
  std::string_view from, to;
};
constexpr confusion confusions[] = {
    {"rn", "m"}, {"m", "rn"}, {"cl", "d"}, {"d", "cl"}, {"e", "c"}, {"c", "e"},  {"h", "b"},
    {"b", "h"},  {"l", "1"},  {"l", "I"},  {"I", "l"},  {"o", "0"}, {"O", "0"},  {"u", "n"},
    {"n", "u"},  {"i", "l"},  {"f", "t"},  {"t", "f"},  {"v", "y"}, {"w", "vv"},
};

/// Long s and letter confusions inside words.
annotated_document misread_letters(const annotated_document& doc, std::uint64_t seed, double long_s,
                                   double letter_confusion) {
  random_source long_s_rng = stream(seed, 2), confusion_rng = stream(seed, 3);
  const std::string& text = doc.text;
  const std::vector<bool> boundary = span_boundaries(doc);
  std::vector<edit> edits;
  std::vector<const confusion*> candidates;
  for (const token& t : words_of(text)) {
    for (std::size_t i = t.begin; i < t.end; ++i) {
      const char c = text[i];
      if (!is_ascii_letter(c)) continue;
      if (c == 's') {
        // Not word-final: a letter follows in the word, or across a line-end hyphen ("Pres-\nident").
        const bool letter_next = i + 1 < t.end && is_ascii_letter(text[i + 1]);
        const bool broken_next =
            text.compare(i + 1, 2, "-\n") == 0 && i + 3 < text.size() && is_ascii_letter(text[i + 3]);
        if ((letter_next || broken_next) && long_s_rng.chance(long_s)) {
          edits.push_back({i, 1, "f"});
          continue;
        }
      }
      if (!confusion_rng.chance(letter_confusion)) continue;
      candidates.clear();
      for (const confusion& k : confusions)
        if (i + k.from.size() <= t.end && text.compare(i, k.from.size(), k.from) == 0 &&
            clear_of(boundary, i, k.from.size()))
          candidates.push_back(&k);
      if (candidates.empty()) continue;
      const confusion& k = *candidates[confusion_rng.below(candidates.size())];
      edits.push_back({i, k.from.size(), std::string(k.to)});
      i += k.from.size() - 1;
    }
  }
  return apply_edits(doc, edits);
}

}  // namespace

annotated_document add_ocr_noise(const annotated_document& doc, std::uint64_t seed, const ocr_noise_options& options) {
  // Layout first (line ends, then capital lines), then the reading of the letters: the long s is
  // a lower-case letter, so a line set in capitals has none, as in print.
  annotated_document out = doc;
  if (options.broken_lines > 0) out = break_lines(out, seed, options.broken_lines);
  if (options.capital_lines > 0) out = capital_lines(out, seed, options.capital_lines);
  if (options.long_s > 0 || options.letter_confusion > 0)
    out = misread_letters(out, seed, options.long_s, options.letter_confusion);
  return out;
}

}  // namespace histext::training
