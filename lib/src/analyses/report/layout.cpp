// Layout functions of histext-report: graph layout, bar scales, dispersion positions. Pure
// functions of their arguments (no clock, no global state), so the page is the same every run.
#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "histext/error.hpp"
#include "histext/report.hpp"

namespace histext {

namespace {

// A double in [0, 1) from the raw engine output: std::uniform_real_distribution is not specified
// bit for bit across standard libraries, the engine is.
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0); }

double min_distance(const std::vector<point>& p) {
  double best = INFINITY;
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t j = i + 1; j < p.size(); ++j) best = std::min(best, std::hypot(p[i].x - p[j].x, p[i].y - p[j].y));
  return best;
}

}  // namespace

graph_layout force_layout(std::size_t n, const std::vector<graph_edge>& edges, const layout_options& options) {
  for (const graph_edge& e : edges)
    if (e.a >= n || e.b >= n)
      throw error("force_layout: edge names node " + std::to_string(std::max(e.a, e.b)) + " of a graph of " +
                  std::to_string(n));
  graph_layout out;
  const double r = options.radius > 0 ? options.radius : 1;
  // 4 radii of room per node on a square grid: enough for the grid fallback to always fit.
  const double cells = std::ceil(std::sqrt(static_cast<double>(std::max<std::size_t>(n, 1))));
  const double side = std::max(options.min_side, (cells + 2) * 4 * r);
  out.width = out.height = side;
  out.radius = r;
  if (n == 0) return out;
  std::mt19937_64 rng(options.seed);
  std::vector<point>& p = out.nodes;
  p.resize(n);
  const double lo = 4 * r, hi = side - 4 * r;  // centres stay inside, with a margin for labels
  for (point& q : p) q = {lo + unit(rng) * (hi - lo), lo + unit(rng) * (hi - lo)};
  const double k = std::sqrt(side * side / static_cast<double>(n));
  double max_weight = 0;
  for (const graph_edge& e : edges) max_weight = std::max(max_weight, e.weight);
  std::vector<point> disp(n);
  for (std::size_t it = 0; it < options.iterations; ++it) {
    const double temperature = side / 10 * (1 - static_cast<double>(it) / static_cast<double>(options.iterations));
    std::fill(disp.begin(), disp.end(), point{});
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
        double d = std::hypot(dx, dy);
        if (d < 1e-9) {  // coincident: separate along a fixed direction chosen by index
          dx = 1e-3 * static_cast<double>(j - i);
          dy = 0;
          d = std::abs(dx);
        }
        const double f = k * k / d;
        disp[i].x += dx / d * f, disp[i].y += dy / d * f;
        disp[j].x -= dx / d * f, disp[j].y -= dy / d * f;
      }
    for (const graph_edge& e : edges) {
      if (e.a == e.b) continue;
      const double dx = p[e.a].x - p[e.b].x, dy = p[e.a].y - p[e.b].y;
      const double d = std::hypot(dx, dy);
      if (d < 1e-9) continue;
      // Heavier edges pull harder, at most twice the plain force.
      const double w = max_weight > 0 ? 1 + e.weight / max_weight : 1;
      const double f = w * d * d / k;
      disp[e.a].x -= dx / d * f, disp[e.a].y -= dy / d * f;
      disp[e.b].x += dx / d * f, disp[e.b].y += dy / d * f;
    }
    // Gravity towards the centre keeps separate components on the page instead of on its edges.
    for (std::size_t i = 0; i < n; ++i) {
      disp[i].x -= (p[i].x - side / 2) * k / side;
      disp[i].y -= (p[i].y - side / 2) * k / side;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double d = std::hypot(disp[i].x, disp[i].y);
      if (d > 0) {
        const double step = std::min(d, temperature);
        p[i].x += disp[i].x / d * step;
        p[i].y += disp[i].y / d * step;
      }
      p[i].x = std::clamp(p[i].x, lo, hi);
      p[i].y = std::clamp(p[i].y, lo, hi);
    }
  }
  // Overlap pass: push apart pairs closer than 6 radii (half each way), a bounded number of rounds.
  const double want = 6 * r;  // room for the labels under the nodes
  for (int round = 0; round < 200; ++round) {
    bool moved = false;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        double dx = p[j].x - p[i].x, dy = p[j].y - p[i].y;
        double d = std::hypot(dx, dy);
        if (d >= want) continue;
        if (d < 1e-9) dx = 1, dy = 0, d = 1;
        const double push = (want - d) / 2 + 1e-6;
        p[i].x = std::clamp(p[i].x - dx / d * push, lo, hi), p[i].y = std::clamp(p[i].y - dy / d * push, lo, hi);
        p[j].x = std::clamp(p[j].x + dx / d * push, lo, hi), p[j].y = std::clamp(p[j].y + dy / d * push, lo, hi);
        moved = true;
      }
    if (!moved) break;
  }
  if (n > 1 && min_distance(p) < 2 * r) {
    // The box edges blocked the overlap pass: a square grid with 4 radii between centres,
    // in the order of the nodes' x then y, keeps the layout's rough shape and cannot overlap.
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a].y < p[b].y; });
    const auto per_row = static_cast<std::size_t>(cells);
    for (std::size_t row = 0; row * per_row < n; ++row) {
      const auto first = order.begin() + static_cast<std::ptrdiff_t>(row * per_row);
      const auto last = order.begin() + static_cast<std::ptrdiff_t>(std::min(n, (row + 1) * per_row));
      std::stable_sort(first, last, [&](std::size_t a, std::size_t b) { return p[a].x < p[b].x; });
      std::size_t col = 0;
      for (auto it = first; it != last; ++it, ++col)
        p[*it] = {4 * r + 4 * r * static_cast<double>(col), 4 * r + 4 * r * static_cast<double>(row)};
    }
  }
  return out;
}

bar_scale make_bar_scale(double max_value, double pixels, std::size_t ticks) {
  bar_scale s;
  s.pixels = pixels;
  if (!(max_value > 0) || !std::isfinite(max_value)) return s;  // max 1, step 1
  const double raw = max_value / static_cast<double>(std::max<std::size_t>(ticks, 1));
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw - 1e-12 * raw) {
      step = m * mag;
      break;
    }
  if (max_value >= 1 && step < 1) step = 1;  // counts: integer ticks
  s.step = step;
  s.max = std::ceil(max_value / step - 1e-9) * step;
  if (s.max < max_value) s.max += step;
  return s;
}

std::vector<double> dispersion_positions(const std::vector<std::size_t>& offsets, std::size_t text_size) {
  std::vector<double> out;
  out.reserve(offsets.size());
  for (std::size_t o : offsets)
    out.push_back(text_size == 0 ? 0.0 : std::min(1.0, static_cast<double>(o) / static_cast<double>(text_size)));
  return out;
}

}  // namespace histext
