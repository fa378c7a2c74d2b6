// Keywords: two frequency results compared word by word (formulas in docs/keywords.md).
#include "histext/keywords.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "histext/error.hpp"

namespace histext {

namespace {

// The products a*n2 and b*n1 can pass 2^64 on big corpora; 128 bits hold them exactly.
__extension__ using wide = unsigned __int128;

// o * ln(o / e), with 0 * ln 0 = 0.
double term(double o, double e) { return o > 0 ? o * std::log(o / e) : 0.0; }

// o * ln(o / e) for a big cell whose o - e = diff is small beside e: log1p keeps the digits that
// ln(o / e) would lose when o / e rounds to a number very near 1.
double big_term(double o, double e, double diff) { return o > 0 ? o * std::log1p(diff / e) : 0.0; }

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? std::string("-") : s;
}

keyword_side side_of(const freq_result& r, const char* which) {
  keyword_side s{r.inputs, r.summary.running_words, r.summary.types};
  if (s.running_words == 0) throw error(joined(r.inputs) + ": no words to compare (" + which + ")");
  return s;
}

// The chosen measure's strength in the row's own direction: larger ranks first.
double strength(const keyword_row& r, keyness_measure m) {
  switch (m) {
    case keyness_measure::log_ratio: return std::fabs(r.k.log_ratio);
    case keyness_measure::pct_diff: return std::fabs(r.k.pct_diff);
    case keyness_measure::g2: break;
  }
  return r.k.g2;
}

// Positive first, then negative, then equal.
int group_of(int direction) { return direction > 0 ? 0 : direction < 0 ? 1 : 2; }

}  // namespace

keyness_measure parse_keyness_measure(const std::string& name) {
  if (name == "g2") return keyness_measure::g2;
  if (name == "log-ratio") return keyness_measure::log_ratio;
  if (name == "pct-diff") return keyness_measure::pct_diff;
  throw error("unknown keyness measure '" + name + "' (g2, log-ratio or pct-diff)");
}

const char* to_string(keyness_measure m) {
  switch (m) {
    case keyness_measure::log_ratio: return "log-ratio";
    case keyness_measure::pct_diff: return "pct-diff";
    case keyness_measure::g2: break;
  }
  return "g2";
}

freq_options keywords_options::counting_options() const {
  freq_options o = counting;
  o.ngram = 1;
  o.collocate.clear();
  o.combine = true;  // one pooled count per side
  o.top = 0;
  o.min_count = 1;
  o.min_length = 1;
  return o;
}

keyness compute_keyness(std::uint64_t a, std::uint64_t n1, std::uint64_t b, std::uint64_t n2) {
  if (n1 == 0 || n2 == 0 || a > n1 || b > n2 || a + b == 0)
    throw error("keyness: counts " + std::to_string(a) + " of " + std::to_string(n1) + " and " + std::to_string(b) +
                " of " + std::to_string(n2) + " are not a comparison");
  const double A = static_cast<double>(a), B = static_cast<double>(b);
  const double N1 = static_cast<double>(n1), N2 = static_cast<double>(n2), N = N1 + N2;
  const double R1 = A + B;
  const double E11 = R1 * N1 / N, E12 = R1 * N2 / N;  // the word's row
  const double E21 = N1 - E11, E22 = N2 - E12;        // every other word's row
  keyness k;
  // Four terms over the 2x2 table; in the other row O - E is E11 - a (resp. E12 - b).
  double g2 = 2 * (term(A, E11) + term(B, E12) + big_term(N1 - A, E21, E11 - A) + big_term(N2 - B, E22, E12 - B));
  k.g2 = std::max(0.0, g2);  // rounding can leave -0.0000001 for equal frequencies
  k.p = std::erfc(std::sqrt(k.g2 / 2));
  const double fa = (a ? A : 0.5) / N1, fb = (b ? B : 0.5) / N2;
  k.log_ratio = std::log2(fa / fb);
  k.pct_diff = (A / N1 - fb) / fb * 100;
  return k;
}

keywords_result compare_keywords(const freq_result& target, const freq_result& reference,
                                 const keywords_options& options) {
  keywords_result r;
  r.target = side_of(target, "target");
  r.reference = side_of(reference, "reference");
  const std::uint64_t n1 = r.target.running_words, n2 = r.reference.running_words;

  std::unordered_map<std::string_view, std::uint64_t> in_reference;
  in_reference.reserve(reference.words.size());
  for (const word_row& w : reference.words) in_reference.emplace(w.word, w.count);
  auto add = [&](const std::string& word, std::uint64_t a, std::uint64_t b) {
    if (a + b < options.min_count) return;
    keyword_row row;
    row.word = word;
    row.target_count = a;
    row.reference_count = b;
    const wide lhs = wide(a) * n2, rhs = wide(b) * n1;  // a/n1 against b/n2, exactly
    row.direction = lhs > rhs ? 1 : lhs < rhs ? -1 : 0;
    row.target_per_million = static_cast<double>(a) / static_cast<double>(n1) * 1e6;
    row.reference_per_million = static_cast<double>(b) / static_cast<double>(n2) * 1e6;
    row.k = compute_keyness(a, n1, b, n2);
    r.rows.push_back(std::move(row));
  };
  for (const word_row& w : target.words) {
    auto it = in_reference.find(w.word);
    add(w.word, w.count, it == in_reference.end() ? 0 : it->second);
  }
  std::unordered_set<std::string_view> in_target;
  in_target.reserve(target.words.size());
  for (const word_row& w : target.words) in_target.insert(w.word);
  for (const word_row& w : reference.words)
    if (!in_target.count(w.word)) add(w.word, 0, w.count);

  const keyness_measure m = options.measure;
  std::sort(r.rows.begin(), r.rows.end(), [m](const keyword_row& x, const keyword_row& y) {
    if (group_of(x.direction) != group_of(y.direction)) return group_of(x.direction) < group_of(y.direction);
    if (double sx = strength(x, m), sy = strength(y, m); sx != sy) return sx > sy;
    if (x.k.g2 != y.k.g2) return x.k.g2 > y.k.g2;
    return x.word < y.word;
  });
  if (options.top) {
    std::vector<keyword_row> kept;
    std::size_t in_group = 0;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      if (i > 0 && r.rows[i].direction != r.rows[i - 1].direction) in_group = 0;
      if (in_group++ < options.top) kept.push_back(std::move(r.rows[i]));
    }
    r.rows = std::move(kept);
  }
  return r;
}

keywords_result compare_keywords(const document& target, const document& reference, const keywords_options& options) {
  const freq_options o = options.counting_options();
  return compare_keywords(count_words(target, o), count_words(reference, o), options);
}

}  // namespace histext
