// Lexical statistics (MATTR, MTLD, Zipf) as pure functions of an id sequence.
#include "analyses/frequency/lexical_stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace histext::freq;

namespace {

id_sequence sequence_of(std::vector<std::uint32_t> ids) {
  std::vector<std::uint32_t> identity(ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end()) + 1);
  std::iota(identity.begin(), identity.end(), 0u);
  id_sequence s;
  s.append(std::move(ids), identity);
  return s;
}

}  // namespace

TEST(lexical_stats, mattr_averages_the_windows) {
  // windows of 3 over a b a c: {a,b,a} 2 types, {b,a,c} 3 types -> (2/3 + 3/3) / 2
  EXPECT_NEAR(mattr(sequence_of({0, 1, 0, 2}), 3, 3), 5.0 / 6.0, 1e-12);
  EXPECT_TRUE(std::isnan(mattr(sequence_of({0, 1}), 2, 3)));
}

TEST(lexical_stats, mtld_of_a_two_word_cycle) {
  // a b a b ...: each pass ends a factor every 3 ids (2/3 <= 0.72); 100 ids are 33 factors and
  // a partial one of 1 id (TTR 1, contributes 0).
  std::vector<std::uint32_t> ids;
  for (int i = 0; i < 100; ++i) ids.push_back(i % 2);
  EXPECT_NEAR(mtld(sequence_of(ids), 2, false), 100.0 / 33.0, 1e-12);
  EXPECT_EQ(mtld(sequence_of(ids), 2, true), mtld(sequence_of(ids), 2, false));
}

TEST(lexical_stats, mtld_null_when_short_and_capped_at_length) {
  std::vector<std::uint32_t> ids(99);
  std::iota(ids.begin(), ids.end(), 0u);
  ids.back() = 0;
  EXPECT_TRUE(std::isnan(mtld(sequence_of(ids), 99, false)));  // below mtld_min_tokens
  // 150 ids, 140 distinct: no factor ends, and the partial one would give far more than 150.
  std::vector<std::uint32_t> long_ids(150);
  std::iota(long_ids.begin(), long_ids.end(), 0u);
  for (std::size_t i = 140; i < 150; ++i) long_ids[i] = 0;
  EXPECT_DOUBLE_EQ(mtld(sequence_of(long_ids), 140, false), 150.0);
}

TEST(lexical_stats, zipf_of_an_exact_power_law) {
  auto [exponent, r2] = zipf_fit({60, 30, 20, 15, 12, 10});
  EXPECT_NEAR(exponent, 1.0, 1e-9);
  EXPECT_NEAR(r2, 1.0, 1e-9);
  EXPECT_TRUE(std::isnan(zipf_fit({5}).first));
}
