#pragma once
// Internal: the co-occurrence network's bounds and its centrality measure (histext::cooccur is
// declared in histext/entities.hpp).
#include <cstddef>
#include <vector>

#include "histext/entities.hpp"

namespace histext::entities_detail {

/// At most this many distinct entities of one sentence (the first ones, in text order) enter the
/// pairs. Without a bound a sentence of n names costs n*(n-1)/2 pairs (5,000 names: 12.5 million).
/// The King James Bible's longest list names 105; the bound is above every real sentence seen.
inline constexpr std::size_t max_pair_entities_per_sentence = 128;

/// Power iteration: at most this many steps, stopping earlier when no score moves by more than
/// centrality_tolerance (fixed numbers, so the result is the same on every run).
inline constexpr int centrality_max_iterations = 1000;
inline constexpr double centrality_tolerance = 1e-12;

/// The measure's name, written in the JSON meta as options.centrality_measure.
inline constexpr const char* centrality_measure_name = "eigenvector_per_component";

/// Weighted eigenvector centrality of each connected component of the graph of `n` nodes whose
/// edges are `pairs` (weight = count), scaled so that the top node of each component scores 1.
/// Nodes without an edge score 0. Deterministic: fixed iteration count and tolerance, and sums in
/// a fixed order.
std::vector<double> component_centrality(std::size_t n, const std::vector<entity_pair>& pairs);

}  // namespace histext::entities_detail
