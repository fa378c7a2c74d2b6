// Writer for histext-keywords: it only lays out a keywords_result.
#include <cstdio>
#include <ostream>

#include "histext/keywords.hpp"
#include "writers/json_writer.hpp"

namespace histext {

namespace {

const char* direction_sign(int d) { return d > 0 ? "+" : d < 0 ? "-" : "="; }

// p runs down to 1e-300 and below: three significant digits say more than three decimals.
std::string p_text(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", p);
  return buf;
}

json side_json(const keyword_side& s) {
  return json{{"inputs", s.inputs}, {"running_words", s.running_words}, {"types", s.types}};
}

}  // namespace

void write_keywords(std::ostream& out, const keywords_result& r, const keywords_options& o, format f,
                    const run_meta& meta, bool color) {
  if (f == format::json) {
    json body;
    body["target"] = side_json(r.target);
    body["reference"] = side_json(r.reference);
    body["measure"] = to_string(o.measure);
    body["relative_frequency_base"] = "running_words";  // what the per-million figures divide by
    json rows = json::array();
    for (const keyword_row& k : r.rows)
      rows.push_back(json{{"word", k.word},
                          {"direction", direction_sign(k.direction)},
                          {"target_count", k.target_count},
                          {"reference_count", k.reference_count},
                          {"target_per_million", real_or_null(k.target_per_million)},
                          {"reference_per_million", real_or_null(k.reference_per_million)},
                          {"g2", real_or_null(k.k.g2)},
                          {"p", real_or_null(k.k.p)},
                          {"log_ratio", real_or_null(k.k.log_ratio)},
                          {"pct_diff", real_or_null(k.k.pct_diff)}});
    body["keywords"] = std::move(rows);
    write_json(out, meta, body);
    return;
  }
  table t;
  t.columns = {"word", "direction", "target_count", "reference_count", "target_per_million", "reference_per_million",
               "g2",   "p",         "log_ratio",    "pct_diff"};
  for (const keyword_row& k : r.rows)
    t.rows.push_back({k.word, std::string(direction_sign(k.direction)), static_cast<std::int64_t>(k.target_count),
                      static_cast<std::int64_t>(k.reference_count), k.target_per_million, k.reference_per_million,
                      k.k.g2, p_text(k.k.p), k.k.log_ratio, k.k.pct_diff});
  t.precision = 3;
  write_table(out, t, f, color);
}

}  // namespace histext
