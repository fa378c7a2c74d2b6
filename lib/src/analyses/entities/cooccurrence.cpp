// The co-occurrence network of the entities: pairs named in one sentence (bounded per sentence)
// and a centrality measure defined on every connected component.
#include "analyses/entities/cooccurrence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <tuple>

namespace histext {

namespace entities_detail {

std::vector<double> component_centrality(std::size_t n, const std::vector<entity_pair>& pairs) {
  std::vector<double> score(n, 0.0);
  // Adjacency lists in a fixed order (neighbour index ascending) so every sum runs the same way.
  std::vector<std::vector<std::pair<std::size_t, double>>> adj(n);
  for (const auto& p : pairs) {
    if (p.a >= n || p.b >= n || p.a == p.b || p.count == 0) continue;
    adj[p.a].emplace_back(p.b, static_cast<double>(p.count));
    adj[p.b].emplace_back(p.a, static_cast<double>(p.count));
  }
  for (auto& l : adj) std::sort(l.begin(), l.end());

  std::vector<std::size_t> component(n, static_cast<std::size_t>(-1));
  std::vector<std::size_t> local(n, 0);
  for (std::size_t start = 0; start < n; ++start) {
    if (adj[start].empty() || component[start] != static_cast<std::size_t>(-1)) continue;
    // Breadth-first search collects the component; nodes are then taken in index order.
    std::vector<std::size_t> nodes{start};
    component[start] = start;
    for (std::size_t q = 0; q < nodes.size(); ++q)
      for (const auto& [j, w] : adj[nodes[q]])
        if (component[j] == static_cast<std::size_t>(-1)) {
          component[j] = start;
          nodes.push_back(j);
        }
    std::sort(nodes.begin(), nodes.end());
    for (std::size_t k = 0; k < nodes.size(); ++k) local[nodes[k]] = k;

    // Power iteration on A + cI, c = the component's largest weighted degree (>= its largest
    // eigenvalue): the same eigenvectors as A, a spectrum in [0, 2c], so it converges on
    // bipartite components (a star, a chain) whatever the weights, where A alone oscillates and
    // A + I crawls once pairs co-occur hundreds of times. On a connected component A + cI is
    // primitive, so the limit is the Perron vector: every score is positive.
    double shift = 0;
    for (std::size_t node : nodes) {
      double degree = 0;
      for (const auto& [j, w] : adj[node]) degree += w;
      shift = std::max(shift, degree);
    }
    std::vector<double> v(nodes.size(), 1.0), next(nodes.size());
    for (int it = 0; it < centrality_max_iterations; ++it) {
      double norm2 = 0;
      for (std::size_t k = 0; k < nodes.size(); ++k) {
        double s = shift * v[k];
        for (const auto& [j, w] : adj[nodes[k]]) s += w * v[local[j]];
        next[k] = s;
        norm2 += s * s;
      }
      const double norm = std::sqrt(norm2);
      if (!(norm > 0)) break;
      double diff = 0;
      for (std::size_t k = 0; k < nodes.size(); ++k) {
        next[k] /= norm;
        diff = std::max(diff, std::abs(next[k] - v[k]));
      }
      v.swap(next);
      if (diff < centrality_tolerance) break;
    }
    const double mx = *std::max_element(v.begin(), v.end());
    for (std::size_t k = 0; k < nodes.size(); ++k) score[nodes[k]] = mx > 0 ? v[k] / mx : 0.0;
  }
  return score;
}

}  // namespace entities_detail

cooccurrence cooccur(const std::vector<entity>& entities) {
  using namespace entities_detail;
  cooccurrence net;
  net.centrality_measure = centrality_measure_name;
  const std::size_t n = entities.size();

  // Mentions of people, groups and places, in sentence and text order.
  std::vector<std::tuple<std::uint32_t, std::size_t, std::size_t>> seen;  // sentence, begin, entity
  for (std::size_t i = 0; i < n; ++i) {
    if (entities[i].type == entity_type::work || entities[i].type == entity_type::other) continue;
    for (const auto& m : entities[i].mentions) seen.emplace_back(m.sentence, m.begin, i);
  }
  std::sort(seen.begin(), seen.end());

  std::map<std::pair<std::size_t, std::size_t>, std::size_t> counts;
  std::size_t capped_sentences = 0, dropped_pairs = 0;
  std::vector<std::uint32_t> last_sentence(n, 0);
  std::vector<char> any(n, 0);
  std::vector<std::size_t> ids;
  auto flush = [&] {
    // The first max_pair_entities_per_sentence distinct entities of the sentence make its pairs.
    if (ids.size() > max_pair_entities_per_sentence) {
      const std::size_t d = ids.size(), k = max_pair_entities_per_sentence;
      ++capped_sentences;
      dropped_pairs += d * (d - 1) / 2 - k * (k - 1) / 2;
      ids.resize(k);
    }
    std::sort(ids.begin(), ids.end());
    for (std::size_t x = 0; x < ids.size(); ++x)
      for (std::size_t y = x + 1; y < ids.size(); ++y) ++counts[{ids[x], ids[y]}];
    ids.clear();
  };
  for (std::size_t k = 0; k < seen.size(); ++k) {
    const auto [s, begin, i] = seen[k];
    if (k > 0 && std::get<0>(seen[k - 1]) != s) flush();
    if (any[i] && last_sentence[i] == s) continue;  // already listed for this sentence
    any[i] = 1;
    last_sentence[i] = s;
    ids.push_back(i);
  }
  flush();

  for (const auto& [ab, c] : counts) net.pairs.push_back({ab.first, ab.second, c});
  std::stable_sort(net.pairs.begin(), net.pairs.end(),
                   [](const entity_pair& x, const entity_pair& y) { return x.count > y.count; });
  net.dropped_pairs = dropped_pairs;
  if (capped_sentences > 0)
    net.notes.push_back(std::to_string(capped_sentences) +
                        (capped_sentences == 1 ? " sentence names" : " sentences name") + " more than " +
                        std::to_string(max_pair_entities_per_sentence) + " entities: only the first " +
                        std::to_string(max_pair_entities_per_sentence) + " of each entered the co-occurrence pairs (" +
                        std::to_string(dropped_pairs) + " sentence pairs left out)");
  net.centrality = component_centrality(n, net.pairs);
  return net;
}

}  // namespace histext
