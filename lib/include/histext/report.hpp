#pragma once
/// @file report.hpp  histext-report: one self-contained HTML page per run (docs/report.md).
///
/// The page computes nothing of its own: build_report() runs the analyses (segment, entities,
/// frequency, sentences) and the layout functions below (graph layout, bar scales, dispersion
/// positions), each a pure function with its own tests; write_report() only places the results.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "histext/document.hpp"
#include "histext/entities.hpp"
#include "histext/frequency.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"
#include "histext/sentence_stats.hpp"

namespace histext {

/// A point of a layout, in pixels (y grows downwards, as in SVG).
struct point {
  double x = 0, y = 0;
};

/// One weighted, undirected edge between node indices a and b.
struct graph_edge {
  std::size_t a = 0, b = 0;
  double weight = 1;
};

/// Fruchterman-Reingold parameters. The same options and graph give the same layout, bit for bit.
struct layout_options {
  double radius = 10;            ///< node radius; centres end at least 2 * radius apart
  double min_side = 480;         ///< the square's smallest side
  std::size_t iterations = 300;  ///< fixed iteration count (no convergence test)
  std::uint64_t seed = 1;        ///< seed of the starting positions (std::mt19937_64)
};

/// A graph drawn in a width x height box; node i is centred at nodes[i].
struct graph_layout {
  double width = 0, height = 0;
  double radius = 0;
  std::vector<point> nodes;
};

/// Force-directed layout (Fruchterman & Reingold 1991): every pair repels with k^2/d, every edge
/// attracts with w d^2/k, k = sqrt(area / n), a weak gravity pulls towards the centre (so separate
/// components stay on the page); the temperature (largest move) falls linearly to 0
/// over `iterations`. Starting positions are drawn from mt19937_64(seed). An overlap pass then
/// pushes apart any two centres closer than 6 radii, and a grid fallback guarantees that no two
/// centres are closer than 2 radii. The box side grows with n (4 radii per node on a square grid).
/// Throws histext::error if an edge names a node >= n.
graph_layout force_layout(std::size_t n, const std::vector<graph_edge>& edges, const layout_options& options = {});

/// A linear axis from 0 to a "nice" maximum (1, 2 or 5 x 10^k, at least `max_value`), for bars.
struct bar_scale {
  double max = 1;       ///< the axis end
  double step = 1;      ///< tick spacing (max / step ticks)
  double pixels = 100;  ///< length of the axis
  /// Bar length of `value` in pixels.
  double length(double value) const { return max > 0 ? value / max * pixels : 0; }
};
/// The scale of bars of values up to `max_value` drawn over `pixels`, with about `ticks` ticks.
bar_scale make_bar_scale(double max_value, double pixels, std::size_t ticks = 5);

/// Relative positions in [0, 1] of byte offsets in a text of `text_size` bytes (offset / size),
/// in the offsets' order; an empty text gives 0 for every offset.
std::vector<double> dispersion_positions(const std::vector<std::size_t>& offsets, std::size_t text_size);

/// One row of a dispersion plot: an item and where it occurs.
struct dispersion_row {
  std::string label;              ///< the word or the entity's name
  std::string kind;               ///< "word" or the entity type
  std::vector<double> positions;  ///< relative positions in [0, 1], in text order
};

/// What build_report() does.
struct report_options {
  std::size_t top_words = 20;           ///< bars of the frequency chart
  std::size_t dispersion_words = 6;     ///< words in the dispersion plot
  std::size_t dispersion_entities = 6;  ///< entities in the dispersion plot
  std::size_t graph_nodes = 40;         ///< the most-mentioned entities drawn in the network
  /// Longer texts show only their first blocks up to this many bytes in the highlighted view
  /// (the entity table and charts still cover the whole text).
  std::size_t text_view_bytes = 256 * 1024;
  std::size_t table_entities = 500;  ///< rows of the entity table (most mentioned first beyond it)
  std::size_t table_mentions = 50;   ///< mentions listed per entity in the table
};

/// Everything one input's section shows, computed by the library.
struct report_input {
  document doc;
  segmentation seg;
  std::vector<entity> entities;
  cooccurrence network;
  std::vector<std::size_t> graph_entities;  ///< indices into `entities` of the graph's nodes
  std::vector<graph_edge> graph_edges;      ///< between graph node indices
  graph_layout graph;
  freq_result words;  ///< top words (body, default stopwords)
  bar_scale word_scale;
  std::vector<dispersion_row> dispersion;
  sentence_report sentences;
  bar_scale histogram_scale;     ///< of the sentence-length histogram's counts
  bar_scale strip_scale;         ///< of sentence lengths (words)
  std::size_t shown_bytes = 0;   ///< the highlighted view covers text()[0, shown_bytes)
  std::size_t shown_blocks = 0;  ///< blocks in the highlighted view
};

/// Segments `doc` and runs every analysis and layout the page shows. Throws histext::error.
report_input build_report(document doc, const report_options& options = {});

/// Writes one self-contained HTML page: a section per input (structured passage, words, people
/// groups and places, sentences), then provenance from `meta`. No network, no date: the same
/// inputs and meta give the same bytes. Its Content-Security-Policy carries the SHA-256 of its
/// inline style and script.
void write_report(std::ostream& out, const std::vector<report_input>& inputs, const run_meta& meta,
                  const report_options& options = {});

/// Standard base64 (RFC 4648, with padding) of bytes.
std::string base64(std::string_view bytes);
/// The CSP source of an inline element's text: "'sha256-" + base64(raw SHA-256 digest) + "'".
std::string csp_hash(std::string_view text);

}  // namespace histext
