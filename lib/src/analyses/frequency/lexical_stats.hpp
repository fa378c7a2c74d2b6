#pragma once
// Lexical statistics of a sequence of item ids: pure functions of their arguments.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "analyses/frequency/id_sequence.hpp"

namespace histext::freq {

/// The shortest sequence given an MTLD; shorter ones get NaN (docs/frequency.md).
inline constexpr std::size_t mtld_min_tokens = 100;

/// Moving-average TTR over every window of `window` consecutive ids (ids < vocabulary); NaN when
/// the sequence is shorter than the window or the window is 0.
double mattr(const id_sequence& seq, std::size_t vocabulary, std::size_t window);
/// MTLD (McCarthy & Jarvis 2010, threshold 0.72): the mean of the forward and backward passes,
/// at most seq.size(); NaN below mtld_min_tokens ids or when no factor ends and none is partial.
/// With `parallel` the backward pass runs on another thread (same result).
double mtld(const id_sequence& seq, std::size_t vocabulary, bool parallel);
/// Least squares of ln(count) on ln(rank) over the counts sorted descending: {exponent (minus
/// the slope), R²}; NaNs with fewer than two counts (R² NaN when all counts are equal).
std::pair<double, double> zipf_fit(std::vector<std::uint64_t> counts);

}  // namespace histext::freq
