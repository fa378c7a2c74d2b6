// Collocation statistics from a 2x2 contingency table, against values computed by hand.
#include "analyses/frequency/collocation_stats.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "histext/error.hpp"

using namespace histext;
using namespace histext::freq;

// O11 2, R1 3, C1 3, N 12: O12 1, O21 1, O22 8; E11 0.75, E12 2.25, E21 2.25, E22 6.75.
TEST(collocation_stats, hand_computed_table) {
  const contingency t{2, 3, 3, 12};
  EXPECT_DOUBLE_EQ(expected_11(t), 0.75);
  const double g2 =
      2 * (2 * std::log(2 / 0.75) + 1 * std::log(1 / 2.25) + 1 * std::log(1 / 2.25) + 8 * std::log(8 / 6.75));
  EXPECT_NEAR(log_likelihood(t), g2, 1e-12);
  EXPECT_NEAR(log_likelihood(t), 3.39798, 1e-5);  // by hand (python)
  EXPECT_NEAR(pmi(t), std::log2(2 / 0.75), 1e-12);
}

TEST(collocation_stats, empty_cells_count_zero) {
  // The collocate only occurs in the region, which it fills: O12 = O21 = 0.
  const contingency t{4, 4, 4, 8};
  EXPECT_DOUBLE_EQ(expected_11(t), 2.0);
  EXPECT_NEAR(log_likelihood(t), 2 * (4 * std::log(2.0) + 4 * std::log(2.0)), 1e-12);
  EXPECT_DOUBLE_EQ(pmi(t), 1.0);
  EXPECT_TRUE(std::isnan(expected_11(contingency{0, 0, 0, 0})));
}

TEST(collocation_stats, inconsistent_table_throws) {
  EXPECT_THROW(log_likelihood(contingency{5, 4, 6, 20}), error);    // O11 > R1
  EXPECT_THROW(log_likelihood(contingency{5, 6, 4, 20}), error);    // O11 > C1
  EXPECT_THROW(log_likelihood(contingency{1, 10, 12, 20}), error);  // R1 + C1 - O11 > N
}
