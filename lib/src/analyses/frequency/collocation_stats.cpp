#include "analyses/frequency/collocation_stats.hpp"

#include <cmath>
#include <limits>

#include "histext/error.hpp"

namespace histext::freq {

namespace {

double term(double o, double e) { return o > 0 && e > 0 ? o * std::log(o / e) : 0.0; }

}  // namespace

double expected_11(const contingency& t) {
  if (t.n == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(t.r1) * static_cast<double>(t.c1) / static_cast<double>(t.n);
}

double log_likelihood(const contingency& t) {
  if (t.o11 > t.r1 || t.o11 > t.c1 || t.r1 + t.c1 - t.o11 > t.n)
    throw error("internal: inconsistent collocation table (O11 " + std::to_string(t.o11) + ", R1 " +
                std::to_string(t.r1) + ", C1 " + std::to_string(t.c1) + ", N " + std::to_string(t.n) + ")");
  const double n = static_cast<double>(t.n), r1 = static_cast<double>(t.r1), c1 = static_cast<double>(t.c1);
  const double o11 = static_cast<double>(t.o11);
  const double o12 = r1 - o11, o21 = c1 - o11, o22 = n - r1 - c1 + o11;  // all >= 0: checked above
  const double r2 = n - r1, c2 = n - c1;
  return 2.0 * (term(o11, r1 * c1 / n) + term(o12, r1 * c2 / n) + term(o21, r2 * c1 / n) + term(o22, r2 * c2 / n));
}

double pmi(const contingency& t) {
  const double e = expected_11(t);
  if (!(e > 0)) return std::numeric_limits<double>::quiet_NaN();
  return std::log2(static_cast<double>(t.o11) / e);
}

}  // namespace histext::freq
