// Tests for string_memo: the open-addressing memo answers as a std::unordered_map would, and the
// values it hands out never move.
#include "common/string_memo.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <unordered_map>

namespace histext {
namespace {

TEST(string_memo, answers_as_a_map_through_growth) {
  // Enough keys to grow the slot array several times, short and long (past the small-string
  // buffer), with repeats; every key's value and address are checked against a plain map.
  string_memo<int> memo;
  std::unordered_map<std::string, int> plain;
  std::unordered_map<std::string, const int*> where;
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pick(0, 5999), len(1, 40);
  for (int round = 0; round < 20000; ++round) {
    const int n = pick(rng);
    const std::string key = std::string(static_cast<std::size_t>(len(rng) % 3 == 0 ? 20 : 3), 'k') + std::to_string(n);
    int made = 0;
    int& v = memo.get_or_make(key, [&] {
      ++made;
      return n;
    });
    const bool fresh = plain.emplace(key, n).second;
    EXPECT_EQ(made, fresh ? 1 : 0) << key;  // made once, on first request only
    ++v;
    ++plain[key];
    if (fresh) where[key] = &v;
  }
  EXPECT_EQ(memo.size(), plain.size());
  for (const auto& [key, value] : plain) {
    const int* got = memo.find(key);
    ASSERT_NE(got, nullptr) << key;
    EXPECT_EQ(*got, value) << key;
    EXPECT_EQ(got, where[key]) << key;  // never moved
  }
  EXPECT_EQ(memo.find("absent"), nullptr);
  std::size_t seen = 0;
  memo.for_each([&](const std::string& key, int value) {
    ++seen;
    EXPECT_EQ(plain.at(key), value);
  });
  EXPECT_EQ(seen, plain.size());
}

TEST(string_memo, an_empty_memo_finds_nothing) {
  const string_memo<int> memo;
  EXPECT_EQ(memo.find(""), nullptr);
  EXPECT_EQ(memo.size(), 0u);
}

}  // namespace
}  // namespace histext
