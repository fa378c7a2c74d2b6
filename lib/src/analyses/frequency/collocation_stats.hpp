#pragma once
// Association measures of a collocate from its 2x2 contingency table (formulas in docs/frequency.md).
#include <cstdint>

namespace histext::freq {

/// The counts behind one collocate: o11 (its occurrences inside the node's window region), r1 (the
/// region's size), c1 (its frequency) and n (counted items). Consistent when o11 <= min(r1, c1)
/// and r1 + c1 - o11 <= n, which the union definition of the region guarantees.
struct contingency {
  std::uint64_t o11 = 0, r1 = 0, c1 = 0, n = 0;
};

/// E11 = r1 * c1 / n (NaN when n is 0).
double expected_11(const contingency& t);
/// Dunning's log-likelihood G2 = 2 * sum over the four cells of O * ln(O / E) (0 * ln 0 = 0).
/// Throws histext::error on an inconsistent table (a negative cell).
double log_likelihood(const contingency& t);
/// PMI = log2(o11 / E11) (NaN when E11 is not positive; -inf when o11 is 0).
double pmi(const contingency& t);

}  // namespace histext::freq
