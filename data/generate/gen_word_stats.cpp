// gen_word_stats: word statistics of unlabelled historical English (the Project Gutenberg corpus
// of ../shared/train/corpus) for the named-entity recogniser.
//
//   gen_word_stats CORPUS_DIR OUT
//
// Reads every CORPUS_DIR/*.txt.gz (gzip, UTF-8; zlib) in sorted file-name order, segments each
// book with histext's segmenter and writes OUT (see data/word_stats.tsv's header and
// docs/entities.md): one line per key with at least `min_count` occurrences, sorted by key bytes,
//   key <TAB> count <TAB> mid_cap <TAB> cluster
// key: token.base() with accents stripped (lower-case normalised base form), word tokens with a
// letter only. mid_cap: per-mille of the key's mid-sentence occurrences (not the sentence's first
// word; sentences with >= 70% capitalised words skipped) written with a capital, "-" under 3 such
// occurrences. cluster: 0..255, a k-means cluster of PPMI + randomized-SVD vectors of the most
// frequent keys, "-" for the others.
//
// Deterministic: no clock, no threads, no std::*_distribution (their output differs between
// standard libraries); random numbers are raw std::mt19937_64 draws with fixed seeds.
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/text_util.hpp"
#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/segment.hpp"

namespace {

constexpr std::uint32_t min_count = 3;         // keys written to the file
constexpr std::size_t max_targets = 30000;     // keys that get a cluster
constexpr std::uint32_t min_target_count = 5;  // ... if they occur at least this often
constexpr std::size_t context_count = 2000;    // most frequent keys used as contexts
constexpr int window = 2;                      // +-2 word tokens, within a sentence
constexpr double cds_alpha = 0.75;             // context-distribution smoothing
constexpr int dimensions = 64;
constexpr int oversampling = 16;
constexpr int power_iterations = 2;
constexpr int cluster_count = 256;
constexpr int max_lloyd_iterations = 30;
constexpr double caps_sentence_share = 0.7;  // sentences at least this capitalised are skipped
constexpr std::uint64_t svd_seed = 20261202;
constexpr std::uint64_t kmeans_seed = 17;

std::string read_gzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw histext::error(path + ": cannot open");
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  int err = 0;
  const char* msg = gzerror(f, &err);
  std::string why = err < 0 ? msg : "";
  gzclose(f);
  if (n < 0 || err < 0) throw histext::error(path + ": gzip error: " + why);
  return out;
}

/// First code point of `s` is upper or title case.
bool capitalised(std::string_view s) {
  if (s.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool has_letter(std::string_view s) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

// The same bits on every machine. glibc picks log, exp, pow and cos by the processor's features at
// run time (FMA or not), and their last bits differ between those versions: the clusters of
// 24,450 keys changed between two x86-64 machines with the same binary and corpus. These use only
// +, -, *, / (the generator is compiled with -ffp-contract=off), frexp and ldexp, which are
// exact; they are accurate to a few units in the last place, which is all the statistics need.
constexpr double ln2 = 0.693147180559945309417232121458176568;

/// log(x) for x > 0: x = m 2^e with m in [sqrt(1/2), sqrt(2)), log(m) = 2 atanh(s), s = (m-1)/(m+1).
double portable_log(double x) {
  int e = 0;
  double m = std::frexp(x, &e);  // [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double term = s, sum = 0;
  for (int k = 1; k < 60; k += 2) {  // |s| < 0.172: 30 odd terms are far past double precision
    sum += term / k;
    term *= s2;
  }
  return 2 * sum + e * ln2;
}

/// exp(x) for |x| < 700: x = k ln2 + r with |r| <= ln2 / 2, exp(r) by its Taylor series.
double portable_exp(double x) {
  const double k = std::nearbyint(x / ln2);
  const double r = x - k * ln2;
  double term = 1, sum = 1;
  for (int n = 1; n < 30; ++n) {
    term *= r / n;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

/// x^y for x > 0.
double portable_pow(double x, double y) { return portable_exp(y * portable_log(x)); }

/// cos(x) for x in [0, 2 pi): reduced to [-pi, pi], then its Taylor series.
double portable_cos(double x) {
  constexpr double pi = 3.14159265358979323846;
  if (x > pi) x -= 2 * pi;
  const double x2 = x * x;
  double term = 1, sum = 1;
  for (int n = 2; n < 60; n += 2) {
    term *= -x2 / ((n - 1) * n);
    sum += term;
  }
  return sum;
}

/// A uniform double in [0, 1) from one raw 64-bit draw (53 high bits).
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

/// A standard normal deviate (Box-Muller on two raw draws; the sine half is dropped for simplicity).
double gaussian(std::mt19937_64& rng) {
  double u1 = 1.0 - uniform(rng);  // (0, 1]
  double u2 = uniform(rng);
  return std::sqrt(-2.0 * portable_log(u1)) * portable_cos(2.0 * 3.14159265358979323846 * u2);
}

struct key_stat {
  std::uint32_t count = 0;
  std::uint32_t mid = 0;       // mid-sentence occurrences in sentences that are not mostly capitalised
  std::uint32_t mid_caps = 0;  // ... of which capitalised
};

/// The corpus read once: key table, per-key counts and every sentence as a run of key ids.
struct corpus {
  std::vector<std::string> keys;
  std::unordered_map<std::string, std::uint32_t> key_ids;
  std::vector<key_stat> stats;
  std::vector<std::uint32_t> sequence;      // key ids of all sentences, concatenated
  std::vector<std::size_t> sentence_start;  // into sequence; last entry = sequence.size()
  std::size_t books = 0, bytes = 0;
};

class reader {
 public:
  explicit reader(corpus& c) : c_(c) {}

  void add_book(const std::string& name, std::string bytes) {
    c_.bytes += bytes.size();
    ++c_.books;
    const histext::document doc = histext::document::from_bytes(std::move(bytes), name);
    const histext::segmentation seg = seg_.run(doc);
    std::vector<std::uint32_t> ids;
    std::vector<char> caps;
    for (const histext::sentence& s : seg.sentences) {
      ids.clear();
      caps.clear();
      for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
        const histext::token& tok = seg.tokens[t];
        if (!tok.is_word()) continue;
        const std::int64_t id = key_id(tok.base());
        if (id < 0) continue;
        ids.push_back(static_cast<std::uint32_t>(id));
        caps.push_back(capitalised(tok.text(doc.view())) ? 1 : 0);
      }
      if (ids.empty()) continue;
      const auto n_caps = static_cast<std::size_t>(std::count(caps.begin(), caps.end(), 1));
      const bool mostly_caps = static_cast<double>(n_caps) >= caps_sentence_share * static_cast<double>(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) {
        key_stat& st = c_.stats[ids[i]];
        ++st.count;
        if (i > 0 && !mostly_caps) {
          ++st.mid;
          st.mid_caps += static_cast<std::uint32_t>(caps[i]);
        }
      }
      c_.sentence_start.push_back(c_.sequence.size());
      c_.sequence.insert(c_.sequence.end(), ids.begin(), ids.end());
    }
  }

 private:
  /// The key id of a token base, or -1 when the key has no letter (cached per base form).
  std::int64_t key_id(std::string_view base) {
    if (auto it = base_cache_.find(std::string(base)); it != base_cache_.end()) return it->second;
    const bool ascii =
        std::all_of(base.begin(), base.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
    std::string key = ascii ? std::string(base) : histext::strip_accents(base);
    std::int64_t id = -1;
    if (has_letter(key)) {
      auto [it, fresh] = c_.key_ids.emplace(key, static_cast<std::uint32_t>(c_.keys.size()));
      if (fresh) {
        c_.keys.push_back(key);
        c_.stats.emplace_back();
      }
      id = it->second;
    }
    base_cache_.emplace(std::string(base), id);
    return id;
  }

  corpus& c_;
  histext::segmenter seg_;
  std::unordered_map<std::string, std::int64_t> base_cache_;
};

/// An orthonormal basis of the columns of m (thin Q of a Householder QR).
Eigen::MatrixXd orthonormal(const Eigen::MatrixXd& m) {
  Eigen::HouseholderQR<Eigen::MatrixXd> qr(m);
  return qr.householderQ() * Eigen::MatrixXd::Identity(m.rows(), m.cols());
}

/// Row vectors (targets x dimensions) of the PPMI matrix's truncated SVD, U * sqrt(S), rows
/// L2-normalised.
Eigen::MatrixXd embed(const Eigen::MatrixXd& a) {
  const Eigen::Index l = dimensions + oversampling;
  std::mt19937_64 rng(svd_seed);
  Eigen::MatrixXd omega(a.cols(), l);
  // Filled column by column in a fixed order (Eigen's storage order does not matter then).
  for (Eigen::Index j = 0; j < l; ++j)
    for (Eigen::Index i = 0; i < a.cols(); ++i) omega(i, j) = gaussian(rng);
  Eigen::MatrixXd q = orthonormal(a * omega);
  for (int it = 0; it < power_iterations; ++it) {
    Eigen::MatrixXd z = orthonormal(a.transpose() * q);
    q = orthonormal(a * z);
  }
  const Eigen::MatrixXd b = q.transpose() * a;  // l x contexts
  Eigen::JacobiSVD<Eigen::MatrixXd> svd(b, Eigen::ComputeThinU);
  Eigen::MatrixXd u = q * svd.matrixU().leftCols(dimensions);
  for (int k = 0; k < dimensions; ++k) u.col(k) *= std::sqrt(svd.singularValues()(k));
  for (Eigen::Index i = 0; i < u.rows(); ++i) {
    double n = u.row(i).norm();
    if (n > 0) u.row(i) /= n;
  }
  return u;
}

/// k-means (k-means++ seeding, Lloyd iterations): the cluster of each row of x. Ties go to the
/// lower index.
std::vector<int> kmeans(const Eigen::MatrixXd& x, int k) {
  const Eigen::Index n = x.rows();
  std::mt19937_64 rng(kmeans_seed);
  Eigen::MatrixXd centres(k, x.cols());
  auto pick = [&](std::size_t i) { return std::min<Eigen::Index>(static_cast<Eigen::Index>(i), n - 1); };
  centres.row(0) = x.row(pick(static_cast<std::size_t>(uniform(rng) * static_cast<double>(n))));
  std::vector<double> d2(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) d2[i] = (x.row(i) - centres.row(0)).squaredNorm();
  for (int c = 1; c < k; ++c) {
    double total = std::accumulate(d2.begin(), d2.end(), 0.0);
    double r = uniform(rng) * total;
    Eigen::Index chosen = n - 1;
    double acc = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      acc += d2[i];
      if (acc > r && d2[i] > 0) {
        chosen = i;
        break;
      }
    }
    centres.row(c) = x.row(chosen);
    for (Eigen::Index i = 0; i < n; ++i) d2[i] = std::min(d2[i], (x.row(i) - centres.row(c)).squaredNorm());
  }
  std::vector<int> assign(static_cast<std::size_t>(n), -1);
  for (int it = 0; it < max_lloyd_iterations; ++it) {
    // |x - c|^2 = |x|^2 - 2 x.c + |c|^2; |x|^2 is the same for every centre of a row.
    const Eigen::MatrixXd dots = x * centres.transpose();
    const Eigen::VectorXd cn = centres.rowwise().squaredNorm();
    bool changed = false;
    for (Eigen::Index i = 0; i < n; ++i) {
      int best = 0;
      double best_d = std::numeric_limits<double>::infinity();
      for (int c = 0; c < k; ++c) {
        double d = cn(c) - 2 * dots(i, c);
        if (d < best_d) {
          best_d = d;
          best = c;
        }
      }
      if (assign[i] != best) changed = true;
      assign[i] = best;
    }
    if (!changed) break;
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(k, x.cols());
    std::vector<int> sizes(static_cast<std::size_t>(k), 0);
    for (Eigen::Index i = 0; i < n; ++i) {
      sums.row(assign[i]) += x.row(i);
      ++sizes[assign[i]];
    }
    for (int c = 0; c < k; ++c)
      if (sizes[c] > 0) centres.row(c) = sums.row(c) / sizes[c];  // an empty cluster keeps its centre
  }
  return assign;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int run(const std::string& dir, const std::string& out_path) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.size() > 7 && name.ends_with(".txt.gz")) files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw histext::error(dir + ": no *.txt.gz files");

  corpus c;
  reader r(c);
  for (const std::string& f : files) r.add_book(f, read_gzip(dir + "/" + f));
  c.sentence_start.push_back(c.sequence.size());
  std::cerr << "gen_word_stats: " << c.books << " books, " << c.bytes << " bytes, " << c.sequence.size()
            << " word tokens, " << c.keys.size() << " keys (" << seconds_since(t0) << " s)\n";

  // Frequency rank: count descending, then key bytes.
  std::vector<std::uint32_t> by_freq(c.keys.size());
  std::iota(by_freq.begin(), by_freq.end(), 0u);
  std::sort(by_freq.begin(), by_freq.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (c.stats[a].count != c.stats[b].count) return c.stats[a].count > c.stats[b].count;
    return c.keys[a] < c.keys[b];
  });
  std::vector<std::int32_t> target_of(c.keys.size(), -1), context_of(c.keys.size(), -1);
  std::size_t targets = 0;
  while (targets < std::min(max_targets, by_freq.size()) && c.stats[by_freq[targets]].count >= min_target_count) {
    target_of[by_freq[targets]] = static_cast<std::int32_t>(targets);
    ++targets;
  }
  const std::size_t contexts = std::min(context_count, by_freq.size());
  for (std::size_t i = 0; i < contexts; ++i) context_of[by_freq[i]] = static_cast<std::int32_t>(i);

  // Co-occurrence counts (targets x contexts) within +-window word tokens of a sentence.
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(targets), static_cast<Eigen::Index>(contexts));
  for (std::size_t s = 0; s + 1 < c.sentence_start.size(); ++s) {
    const std::size_t b = c.sentence_start[s], e = c.sentence_start[s + 1];
    for (std::size_t i = b; i < e; ++i) {
      const std::int32_t t = target_of[c.sequence[i]];
      if (t < 0) continue;
      const std::size_t lo = i >= b + window ? i - window : b, hi = std::min(e, i + window + 1);
      for (std::size_t j = lo; j < hi; ++j) {
        const std::int32_t ctx = context_of[c.sequence[j]];
        if (j != i && ctx >= 0) a(t, ctx) += 1;
      }
    }
  }
  // Positive PMI with context-distribution smoothing: log(P(w,c) / (P(w) P_alpha(c))).
  const Eigen::VectorXd row_sums = a.rowwise().sum();
  const Eigen::RowVectorXd col_sums = a.colwise().sum();
  const double total = row_sums.sum();
  Eigen::RowVectorXd p_ctx(col_sums.size());
  for (Eigen::Index j = 0; j < col_sums.size(); ++j)
    p_ctx(j) = col_sums(j) > 0 ? portable_pow(col_sums(j), cds_alpha) : 0.0;
  p_ctx /= p_ctx.sum();
  for (Eigen::Index j = 0; j < a.cols(); ++j)
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      const double n = a(i, j);
      a(i, j) = n > 0 ? std::max(0.0, portable_log(n / total / ((row_sums(i) / total) * p_ctx(j)))) : 0.0;
    }
  std::cerr << "gen_word_stats: PPMI " << targets << " x " << contexts << " (" << seconds_since(t0) << " s)\n";

  std::vector<std::int16_t> cluster_of(c.keys.size(), -1);
  if (targets >= static_cast<std::size_t>(cluster_count)) {
    const Eigen::MatrixXd x = embed(a);
    a.resize(0, 0);
    std::cerr << "gen_word_stats: SVD done (" << seconds_since(t0) << " s)\n";
    const std::vector<int> assign = kmeans(x, cluster_count);
    // Number the clusters by the frequency rank of their most frequent member, so that ids do not
    // depend on the order k-means++ happened to pick centres in.
    std::vector<int> renumber(cluster_count, -1);
    int next = 0;
    for (std::size_t t = 0; t < targets; ++t)
      if (renumber[assign[t]] < 0) renumber[assign[t]] = next++;
    for (std::size_t t = 0; t < targets; ++t) cluster_of[by_freq[t]] = static_cast<std::int16_t>(renumber[assign[t]]);
    std::cerr << "gen_word_stats: k-means done, " << next << " non-empty clusters (" << seconds_since(t0) << " s)\n";
  }

  std::vector<std::uint32_t> kept;
  for (std::uint32_t i = 0; i < c.keys.size(); ++i)
    if (c.stats[i].count >= min_count) kept.push_back(i);
  std::sort(kept.begin(), kept.end(), [&](std::uint32_t x, std::uint32_t y) { return c.keys[x] < c.keys[y]; });

  std::ofstream out(out_path, std::ios::binary);
  if (!out) throw histext::error(out_path + ": cannot write");
  out << "# word_stats.tsv: word statistics of unlabelled historical English for histext's named-entity recogniser.\n"
         "# Generated by data/generate/gen_word_stats.cpp; reproduce with `cmake --build build --target word_stats`\n"
         "# (reads HISTEXT_TRAIN_CORPUS_DIR, default ../shared/train/corpus; see docs/entities.md).\n"
         "# Corpus: "
      << c.books << " Project Gutenberg books (1709-1922), " << c.sequence.size()
      << " word tokens, public domain (../shared/train/README.md, corpus/MANIFEST.tsv).\n"
         "# One line per key occurring at least "
      << min_count
      << " times, sorted by key bytes: key<TAB>count<TAB>mid_cap<TAB>cluster\n"
         "#   key: lower-case normalised base form (histext token.base(), accents stripped) of word tokens with a "
         "letter.\n"
         "#   count: occurrences.\n"
         "#   mid_cap: per-mille (0..1000) of the occurrences that are not the first word of their sentence\n"
         "#     (sentences with >= 70% capitalised words skipped) that start with a capital; '-' under 3 such.\n"
         "#   cluster: 0..255, k-means cluster of PPMI (+-2 words, 2,000 contexts, alpha 0.75) + 64-d SVD vectors\n"
         "#     of the 30,000 most frequent keys (count >= 5); '-' for the others.\n";
  for (std::uint32_t i : kept) {
    const key_stat& st = c.stats[i];
    out << c.keys[i] << '\t' << st.count << '\t';
    if (st.mid >= 3)
      out << (static_cast<std::uint64_t>(st.mid_caps) * 1000 + st.mid / 2) / st.mid;
    else
      out << '-';
    out << '\t';
    if (cluster_of[i] >= 0)
      out << cluster_of[i];
    else
      out << '-';
    out << '\n';
  }
  out.close();
  if (!out) throw histext::error(out_path + ": write error");
  std::cerr << "gen_word_stats: wrote " << kept.size() << " keys to " << out_path << " (" << seconds_since(t0)
            << " s)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: gen_word_stats CORPUS_DIR OUT\n";
    return 2;
  }
  try {
    return run(argv[1], argv[2]);
  } catch (const std::exception& e) {
    std::cerr << "gen_word_stats: " << e.what() << '\n';
    return 1;
  }
}
