// Tests for the entity decoder's constraints: segments cut by ineligible tokens, particles that may
// only stand inside a name, and the transitions a tag sequence uses (shared with training).
#include "analyses/entities/decoder.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "analyses/entities/model.hpp"

namespace histext {
namespace {

using namespace entities_detail;

transitions zero_transitions() {
  transitions t;
  t.from.assign((n_tags + 1) * n_tags, 0.0f);
  t.ends.assign(n_tags, 0.0f);
  return t;
}

TEST(entity_decoder, each_run_of_eligible_tokens_is_closed_by_the_end_weights) {
  // "Stalin went": the O-to-O weight must not count across the ineligible "went".
  transitions t = zero_transitions();
  t.from[(tag_o + 1) * n_tags + tag_o] = 100;  // O after O, between eligible tokens only
  const int u_per = make_tag(tag_part::unit, entity_type::person);
  std::vector<float> e(2 * n_tags, 0.0f);
  e[u_per] = 1;
  EXPECT_EQ(viterbi(e, {1, 0}, t), (std::vector<int>{u_per, tag_o}));
  // The end weights close every run, not only the sentence.
  t.ends[u_per] = -5;
  EXPECT_EQ(viterbi(e, {1, 0}, t), (std::vector<int>{tag_o, tag_o}));
}

TEST(entity_decoder, inside_only_particles_neither_begin_nor_end_a_name) {
  transitions t = zero_transitions();
  const int u_grp = make_tag(tag_part::unit, entity_type::group);
  const int b_grp = make_tag(tag_part::begin, entity_type::group);
  const int i_grp = make_tag(tag_part::inside, entity_type::group);
  const int l_grp = make_tag(tag_part::last, entity_type::group);
  // "Bank of England": "of" (3) wants to be a name of its own; it can only be inside one.
  std::vector<float> e(3 * n_tags, 0.0f);
  e[0 * n_tags + b_grp] = 2;
  e[1 * n_tags + u_grp] = 50;
  e[1 * n_tags + i_grp] = 1;
  e[2 * n_tags + l_grp] = 2;
  EXPECT_EQ(viterbi(e, {1, 3, 1}, t), (std::vector<int>{b_grp, i_grp, l_grp}));
  // A connector (4) may begin a name but not end one.
  std::vector<float> f(2 * n_tags, 0.0f);
  f[0 * n_tags + u_grp] = 50;
  f[1 * n_tags + tag_o] = 1;
  EXPECT_EQ(viterbi(f, {4, 1}, t)[0], tag_o);
}

TEST(entity_decoder, and_or_for_stands_inside_a_group_or_place_but_never_inside_a_person) {
  // "Nan for Beth": the scores favour one person over three tokens; code 5 forbids it.
  transitions t = zero_transitions();
  const int b_per = make_tag(tag_part::begin, entity_type::person);
  const int i_per = make_tag(tag_part::inside, entity_type::person);
  const int l_per = make_tag(tag_part::last, entity_type::person);
  const int u_per = make_tag(tag_part::unit, entity_type::person);
  std::vector<float> e(3 * n_tags, 0.0f);
  e[b_per] = 5, e[n_tags + i_per] = 5, e[2 * n_tags + l_per] = 5;
  e[u_per] = 1, e[2 * n_tags + u_per] = 1;
  EXPECT_EQ(viterbi(e, {1, 3, 1}, t), (std::vector<int>{b_per, i_per, l_per}));  // "the": allowed
  EXPECT_EQ(viterbi(e, {1, 5, 1}, t), (std::vector<int>{u_per, tag_o, u_per}));
  // A group's name may hold it ("Society for the Diffusion of Useful Knowledge").
  const int b_grp = make_tag(tag_part::begin, entity_type::group);
  const int i_grp = make_tag(tag_part::inside, entity_type::group);
  const int l_grp = make_tag(tag_part::last, entity_type::group);
  std::vector<float> g(3 * n_tags, 0.0f);
  g[b_grp] = 5, g[n_tags + i_grp] = 5, g[2 * n_tags + l_grp] = 5;
  EXPECT_EQ(viterbi(g, {1, 5, 1}, t), (std::vector<int>{b_grp, i_grp, l_grp}));
}

TEST(entity_decoder, visited_transitions_follow_the_segments) {
  const int u_per = make_tag(tag_part::unit, entity_type::person);
  std::vector<std::size_t> seen;
  visit_transitions({u_per, tag_o, tag_o}, {1, 0, 1}, [&](std::size_t at) { seen.push_back(at); });
  const std::size_t ends = (n_tags + 1) * n_tags;
  // Run 1: start -> U-person, U-person -> end; run 2: start -> O, O -> end.
  EXPECT_EQ(seen, (std::vector<std::size_t>{static_cast<std::size_t>(u_per), ends + u_per,
                                            static_cast<std::size_t>(tag_o), ends + tag_o}));
}

TEST(entity_decoder, the_fast_decoder_gives_the_reference_tags) {
  // viterbi() skips tags a token cannot take and tags never reached; on random weights, with ties
  // (weights from a few values) and every eligibility flag, it must choose exactly as the reference.
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> value(-3, 3), flag(0, 6), length(0, 12);
  transitions t = zero_transitions();
  int differ = 0;
  for (int round = 0; round < 3000; ++round) {
    for (float& w : t.from) w = static_cast<float>(value(rng)) * 0.5f;
    for (float& w : t.ends) w = static_cast<float>(value(rng)) * 0.5f;
    const std::size_t n = static_cast<std::size_t>(length(rng));
    std::vector<char> eligible(n);
    for (char& e : eligible) e = static_cast<char>(round % 3 == 0 ? 1 : flag(rng));
    std::vector<float> e(n * n_tags, 0.0f);
    for (std::size_t i = 0; i < n; ++i)
      if (eligible[i] != 0)
        for (int k = 0; k < n_tags; ++k) e[i * n_tags + k] = static_cast<float>(value(rng)) * 0.25f;
    differ += viterbi(e, eligible, t) != viterbi_reference(e, eligible, t);
  }
  EXPECT_EQ(differ, 0);
}

}  // namespace
}  // namespace histext
