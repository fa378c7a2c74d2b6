// Viterbi over BILOU tags. Ill-formed transitions (I after O, B after B...) are excluded, not
// penalised, so every decoded sequence reads as whole names.
#include "analyses/entities/decoder.hpp"

#include <array>
#include <cstdint>
#include <limits>

#include "common/fast_paths.hpp"

namespace histext::entities_detail {

std::vector<int> viterbi_reference(const std::vector<float>& emissions, const std::vector<char>& eligible,
                                   const transitions& trans) {
  const std::size_t n = eligible.size();
  std::vector<int> out(n, tag_o);
  if (n == 0) return out;
  constexpr float none = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * n_tags, none);
  std::vector<int> back(n * n_tags, -1);
  // 0: only O; 1: any tag; 2: a name may end here but not go on (a possessive: "Newton's Principia");
  // 3: only inside a name ("of"); 4: a name may begin or go on here but not end ("de"); 5: only
  // inside a group's or a place's name ("and", "for": "Nan for Beth" is two people).
  auto can = [&](std::size_t i, int tag) {
    const tag_part p = part_of(tag);
    switch (eligible[i]) {
      case 0: return tag == tag_o;
      case 2: return p != tag_part::begin && p != tag_part::inside;
      case 3: return p == tag_part::outside || p == tag_part::inside;
      case 4: return p == tag_part::outside || p == tag_part::begin || p == tag_part::inside;
      case 5: return p == tag_part::outside || (p == tag_part::inside && type_of(tag) != entity_type::person);
      default: return true;
    }
  };
  // Segments: a token that can only be O cuts the sentence into independent runs of eligible
  // tokens. Each run is scored as a sentence of its own (start weights, transitions, end weights);
  // the forced-O tokens score nothing. So "O before O" weighs only between eligible tokens, and
  // the learned cost of leaving a run as O is its start and end weights, not every O around it.
  auto boundary_before = [&](std::size_t i) { return i == 0 || eligible[i - 1] == 0 || eligible[i] == 0; };
  auto closing = [&](std::size_t i, int t) { return eligible[i] == 0 ? 0.0f : trans.ends[t]; };
  for (std::size_t i = 0; i < n; ++i) {
    for (int t = 0; t < n_tags; ++t) {
      if (!can(i, t)) continue;
      float best = none;
      int arg = -1;
      for (int p = 0; p < n_tags; ++p) {
        const float s = i == 0 ? 0.0f : score[(i - 1) * n_tags + p];
        if (s == none || (i == 0 && p != tag_o)) continue;
        float v;
        if (boundary_before(i)) {
          // The previous segment closes on p (an ineligible token is O and closes nothing).
          if (i > 0 && !allowed_end(p)) continue;
          if (eligible[i] != 0 && !allowed_transition(-1, t)) continue;
          v = s + (i > 0 ? closing(i - 1, p) : 0.0f) + (eligible[i] != 0 ? trans.from[t] : 0.0f);
        } else {
          if (!allowed_transition(p, t)) continue;
          v = s + trans.from[(p + 1) * n_tags + t];
        }
        if (v > best) best = v, arg = p;  // ties keep the lower tag: deterministic
      }
      if (arg < 0) continue;
      score[i * n_tags + t] = best + emissions[i * n_tags + t];
      back[i * n_tags + t] = i == 0 ? -1 : arg;
    }
  }
  float best = none;
  int arg = tag_o;
  for (int t = 0; t < n_tags; ++t) {
    const float s = score[(n - 1) * n_tags + t];
    if (s == none || !allowed_end(t)) continue;
    const float v = s + closing(n - 1, t);
    if (v > best) best = v, arg = t;
  }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = arg;
    if (i > 0) arg = back[i * n_tags + arg];
    if (arg < 0) arg = tag_o;  // unreachable with O always allowed, kept as a guard
  }
  return out;
}

namespace {

// The decoder's constraints as tables, built once: which tags a token of each `eligible` flag may
// take, which tag may follow which (row 0: a segment's start), and which tags close a segment.
struct tag_tables {
  std::array<std::uint16_t, 6> can{};                          // bit t: tag t allowed for the flag
  std::array<std::array<bool, n_tags>, n_tags + 1> follows{};  // [prev + 1][next]
  std::array<bool, n_tags> ends{};
  tag_tables() {
    for (int flag = 0; flag < 6; ++flag)
      for (int t = 0; t < n_tags; ++t) {
        const tag_part p = part_of(t);
        bool ok = true;
        switch (flag) {
          case 0: ok = t == tag_o; break;
          case 2: ok = p != tag_part::begin && p != tag_part::inside; break;
          case 3: ok = p == tag_part::outside || p == tag_part::inside; break;
          case 4: ok = p == tag_part::outside || p == tag_part::begin || p == tag_part::inside; break;
          case 5: ok = p == tag_part::outside || (p == tag_part::inside && type_of(t) != entity_type::person); break;
          default: break;
        }
        if (ok) can[static_cast<std::size_t>(flag)] |= static_cast<std::uint16_t>(1u << t);
      }
    for (int prev = -1; prev < n_tags; ++prev)
      for (int t = 0; t < n_tags; ++t)
        follows[static_cast<std::size_t>(prev + 1)][static_cast<std::size_t>(t)] = allowed_transition(prev, t);
    for (int t = 0; t < n_tags; ++t) ends[static_cast<std::size_t>(t)] = allowed_end(t);
  }
};

}  // namespace

std::vector<int> viterbi(const std::vector<float>& emissions, const std::vector<char>& eligible,
                         const transitions& trans) {
  if constexpr (!fast_paths) return viterbi_reference(emissions, eligible, trans);
  // The reference's recurrence, term for term and in the same order (so every sum rounds alike and
  // ties go the same way), but it only visits the tags a token may take and the previous token's
  // tags that were reached: most tokens are lower-case words that can only be O.
  static const tag_tables tables;
  const std::size_t n = eligible.size();
  std::vector<int> out(n, tag_o);
  if (n == 0) return out;
  constexpr float none = -std::numeric_limits<float>::infinity();
  // Scratch kept by the thread between sentences: two allocations a sentence saved.
  thread_local std::vector<float> score;
  thread_local std::vector<int> back;
  score.assign(n * n_tags, none);
  back.assign(n * n_tags, -1);
  auto flag = [&](std::size_t i) {
    return static_cast<std::size_t>(eligible[i] < 0 || eligible[i] > 5 ? 1 : eligible[i]);
  };
  std::array<int, n_tags> live{}, next_live{};  // tags reached at the previous token, ascending
  std::size_t n_live = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint16_t can = tables.can[flag(i)];
    const bool boundary = i == 0 || eligible[i - 1] == 0 || eligible[i] == 0;
    std::size_t n_next = 0;
    for (int t = 0; t < n_tags; ++t) {
      if (!(can >> t & 1u)) continue;
      float best = none;
      int arg = -1;
      if (i == 0) {
        // Only the start, as O, before the first token.
        if (eligible[0] != 0 && !tables.follows[0][static_cast<std::size_t>(t)]) continue;
        best = 0.0f + 0.0f + (eligible[0] != 0 ? trans.from[static_cast<std::size_t>(t)] : 0.0f);
        arg = tag_o;
      } else if (boundary) {
        if (eligible[i] != 0 && !tables.follows[0][static_cast<std::size_t>(t)]) continue;
        const float start = eligible[i] != 0 ? trans.from[static_cast<std::size_t>(t)] : 0.0f;
        for (std::size_t k = 0; k < n_live; ++k) {
          const int p = live[k];
          if (!tables.ends[static_cast<std::size_t>(p)]) continue;
          const float closing = eligible[i - 1] == 0 ? 0.0f : trans.ends[static_cast<std::size_t>(p)];
          const float v = score[(i - 1) * n_tags + static_cast<std::size_t>(p)] + closing + start;
          if (v > best) best = v, arg = p;
        }
      } else {
        for (std::size_t k = 0; k < n_live; ++k) {
          const int p = live[k];
          if (!tables.follows[static_cast<std::size_t>(p + 1)][static_cast<std::size_t>(t)]) continue;
          const float v = score[(i - 1) * n_tags + static_cast<std::size_t>(p)] +
                          trans.from[static_cast<std::size_t>((p + 1) * n_tags + t)];
          if (v > best) best = v, arg = p;
        }
      }
      if (arg < 0) continue;
      score[i * n_tags + static_cast<std::size_t>(t)] = best + emissions[i * n_tags + static_cast<std::size_t>(t)];
      back[i * n_tags + static_cast<std::size_t>(t)] = i == 0 ? -1 : arg;
      if (score[i * n_tags + static_cast<std::size_t>(t)] != none) next_live[n_next++] = t;
    }
    live = next_live;
    n_live = n_next;
  }
  float best = none;
  int arg = tag_o;
  for (std::size_t k = 0; k < n_live; ++k) {
    const int t = live[k];
    if (!tables.ends[static_cast<std::size_t>(t)]) continue;
    const float v = score[(n - 1) * n_tags + static_cast<std::size_t>(t)] +
                    (eligible[n - 1] == 0 ? 0.0f : trans.ends[static_cast<std::size_t>(t)]);
    if (v > best) best = v, arg = t;
  }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = arg;
    if (i > 0) arg = back[i * n_tags + static_cast<std::size_t>(arg)];
    if (arg < 0) arg = tag_o;
  }
  return out;
}

void visit_transitions(const std::vector<int>& tags, const std::vector<char>& eligible,
                       const std::function<void(std::size_t)>& f) {
  const std::size_t n = tags.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (eligible[i] == 0) continue;
    if (i == 0 || eligible[i - 1] == 0)
      f(static_cast<std::size_t>(tags[i]));  // start of a segment
    else
      f(static_cast<std::size_t>((tags[i - 1] + 1) * n_tags + tags[i]));
    if (i + 1 == n || eligible[i + 1] == 0) f(static_cast<std::size_t>((n_tags + 1) * n_tags + tags[i]));
  }
}

std::vector<tagged_span> spans_of(const std::vector<int>& tags) {
  std::vector<tagged_span> out;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const tag_part p = part_of(tags[i]);
    if (p == tag_part::unit) out.push_back({i, i, type_of(tags[i])});
    if (p == tag_part::begin) {
      std::size_t j = i;
      while (j + 1 < tags.size() && part_of(tags[j + 1]) != tag_part::outside &&
             part_of(tags[j + 1]) != tag_part::begin && part_of(tags[j + 1]) != tag_part::unit)
        ++j;
      out.push_back({i, j, type_of(tags[i])});
      i = j;
    }
  }
  return out;
}

std::vector<int> tags_of(const std::vector<tagged_span>& spans, std::size_t n) {
  std::vector<int> tags(n, tag_o);
  for (const auto& s : spans) {
    if (s.first == s.last) {
      tags[s.first] = make_tag(tag_part::unit, s.type);
      continue;
    }
    tags[s.first] = make_tag(tag_part::begin, s.type);
    for (std::size_t i = s.first + 1; i < s.last; ++i) tags[i] = make_tag(tag_part::inside, s.type);
    tags[s.last] = make_tag(tag_part::last, s.type);
  }
  return tags;
}

}  // namespace histext::entities_detail
