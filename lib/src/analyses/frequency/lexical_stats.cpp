#include "analyses/frequency/lexical_stats.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <iterator>
#include <limits>

namespace histext::freq {

namespace {
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
}  // namespace

double mattr(const id_sequence& seq, std::size_t vocabulary, std::size_t window) {
  if (seq.size() < window || window == 0) return nan_value;
  std::vector<std::uint32_t> in_window(vocabulary, 0);
  std::size_t distinct = 0;
  std::uint64_t sum = 0;                        // of the windows' type counts: exact, divided once at the end
  auto head = seq.begin(), tail = seq.begin();  // tail trails head by `window` once it moves
  for (std::size_t i = 0; i < seq.size(); ++i, ++head) {
    if (in_window[*head]++ == 0) ++distinct;
    if (i >= window && --in_window[*tail++] == 0) --distinct;
    if (i + 1 >= window) sum += distinct;
  }
  return static_cast<double>(sum) / static_cast<double>(window) / static_cast<double>(seq.size() - window + 1);
}

namespace {

// One direction of MTLD (McCarthy & Jarvis 2010, threshold 0.72).
template <class It>
double mtld_pass(It begin, It end, std::size_t vocabulary, std::size_t total) {
  const double threshold = 0.72;  // types / tokens <= 0.72 is tested as 100 types <= 72 tokens
  std::vector<std::uint32_t> stamp(vocabulary, 0);
  std::uint32_t factor_id = 1;
  double factors = 0;
  std::size_t tokens = 0, types = 0;
  for (It it = begin; it != end; ++it) {
    ++tokens;
    if (stamp[*it] != factor_id) {
      stamp[*it] = factor_id;
      ++types;
    }
    if (100 * types <= 72 * tokens) {
      factors += 1;
      ++factor_id;
      tokens = types = 0;
    }
  }
  if (tokens > 0) factors += (1.0 - static_cast<double>(types) / static_cast<double>(tokens)) / (1.0 - threshold);
  return factors > 0 ? static_cast<double>(total) / factors : nan_value;
}

}  // namespace

// With `parallel`, the backward pass runs on another thread (the passes are independent and each
// reads the whole sequence: on a large corpus this is most of the end-of-run work).
double mtld(const id_sequence& seq, std::size_t vocabulary, bool parallel) {
  // Below mtld_min_tokens a text holds a factor or two and MTLD is mostly the extrapolated partial
  // factor (1792 for 80 tokens): McCarthy & Jarvis (2010) find it stable from about 100 tokens.
  if (seq.size() < mtld_min_tokens) return nan_value;
  auto backward = [&] {
    return mtld_pass(std::make_reverse_iterator(seq.end()), std::make_reverse_iterator(seq.begin()), vocabulary,
                     seq.size());
  };
  std::future<double> b_async;
  if (parallel) b_async = std::async(std::launch::async, backward);
  double f = mtld_pass(seq.begin(), seq.end(), vocabulary, seq.size());
  double b = parallel ? b_async.get() : backward();
  if (!std::isfinite(f) || !std::isfinite(b)) return nan_value;
  // The mean length of a factor cannot exceed the text: a text whose types never fall to the
  // threshold has less than one factor, and the extrapolation would claim more.
  return std::min((f + b) / 2, static_cast<double>(seq.size()));
}

// Least squares of log frequency on log rank: returns {exponent (minus the slope), R²}.
std::pair<double, double> zipf_fit(std::vector<std::uint64_t> counts) {
  if (counts.size() < 2) return {nan_value, nan_value};
  std::sort(counts.begin(), counts.end(), std::greater<>());
  const auto n = static_cast<Eigen::Index>(counts.size());
  Eigen::MatrixXd x(n, 2);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i, 0) = 1.0;
    x(i, 1) = std::log(static_cast<double>(i + 1));
    y(i) = std::log(static_cast<double>(counts[static_cast<std::size_t>(i)]));
  }
  Eigen::Vector2d beta = x.colPivHouseholderQr().solve(y);
  Eigen::VectorXd residual = y - x * beta;
  double ss_res = residual.squaredNorm();
  double ss_tot = (y.array() - y.mean()).matrix().squaredNorm();
  double r2 = ss_tot > 0 ? 1.0 - ss_res / ss_tot : nan_value;
  return {-beta(1), r2};
}

}  // namespace histext::freq
