// Writers for histext-freq: they only lay out a freq_result.
#include <ostream>

#include "histext/frequency.hpp"
#include "writers/json_writer.hpp"

namespace histext {

namespace {

json summary_json(const freq_summary& s, const freq_options& o) {
  json j;
  j["tokens"] = s.tokens;
  j["types"] = s.types;
  j["ttr"] = real_or_null(s.ttr);
  j["hapax"] = s.hapax;
  j["mattr"] = real_or_null(s.mattr);
  j["mattr_window"] = o.mattr_window;
  j["mtld"] = real_or_null(s.mtld);
  if (!s.null_reason.empty()) j["null_reason"] = s.null_reason;  // only a pooled summary has one
  j["zipf_exponent"] = real_or_null(s.zipf);
  j["zipf_r2"] = real_or_null(s.zipf_r2);
  j["sentences"] = s.sentences;
  j["paragraphs"] = s.paragraphs;
  j["running_words"] = s.running_words;
  j["relative_frequency_base"] = "running_words";  // what per_1000 and percent divide by
  return j;
}

bool has_columns(const freq_result& r, const freq_options& o) { return r.inputs.size() > 1 && !o.combine; }

json body_json(const freq_result& r, const freq_options& o) {
  json body;
  body["summary"] = summary_json(r.summary, o);
  if (r.inputs.size() > 1) {
    json inputs = json::array();
    for (std::size_t i = 0; i < r.inputs.size(); ++i)
      inputs.push_back(json{{"name", r.inputs[i]}, {"summary", summary_json(r.per_input_summary[i], o)}});
    body["inputs"] = inputs;
  }
  return body;
}

json collocations_json(const freq_result& r, const freq_options& o) {
  json c;
  c["node"] = r.collocate;
  c["node_count"] = r.node_count;
  c["window"] = o.window;
  json rows = json::array();
  for (const collocate_row& x : r.collocates)
    rows.push_back(json{{"word", x.word},
                        {"observed", x.observed},
                        {"expected", real_or_null(x.expected)},
                        {"frequency", x.frequency},
                        {"g2", real_or_null(x.g2)},
                        {"pmi", real_or_null(x.pmi)}});
  c["rows"] = rows;
  return c;
}

void write_collocation_table(std::ostream& out, const freq_result& r, format f, bool color) {
  table t;
  t.columns = {"collocate", "observed", "expected", "frequency", "g2", "pmi"};
  for (const collocate_row& x : r.collocates)
    t.rows.push_back({x.word, static_cast<std::int64_t>(x.observed), x.expected, static_cast<std::int64_t>(x.frequency),
                      x.g2, x.pmi});
  t.precision = 3;
  write_table(out, t, f, color);
}

}  // namespace

void write_frequencies(std::ostream& out, const freq_result& r, const freq_options& o, format f, const run_meta& meta,
                       bool color) {
  const bool columns = has_columns(r, o);
  const bool forms = o.form != word_form::norm;
  if (f == format::json) {
    json body = body_json(r, o);
    json words = json::array();
    for (const word_row& w : r.words) {
      json j;
      j["word"] = w.word;
      if (forms) j["surface"] = w.surface;
      j["count"] = w.count;
      if (columns) j["counts"] = w.per_input;
      j["per_1000"] = real_or_null(w.per_1000);
      j["percent"] = real_or_null(w.percent);
      j["rank"] = w.rank;
      j["sentences"] = w.sentences;
      j["paragraphs"] = w.paragraphs;
      words.push_back(std::move(j));
    }
    body["words"] = std::move(words);
    if (!o.collocate.empty()) body["collocations"] = collocations_json(r, o);
    write_json(out, meta, body);
    return;
  }
  table t;
  t.columns.push_back(o.ngram > 1                  ? "ngram"
                      : o.form == word_form::lemma ? "lemma"
                      : o.form == word_form::stem  ? "stem"
                                                   : "word");
  if (forms) t.columns.push_back("surface");
  if (columns)
    for (const std::string& name : r.inputs) t.columns.push_back(name);
  for (const char* c : {"count", "per_1000", "percent", "rank", "sentences", "paragraphs"}) t.columns.push_back(c);
  for (const word_row& w : r.words) {
    std::vector<cell> row;
    row.emplace_back(w.word);
    if (forms) row.emplace_back(w.surface);
    if (columns)
      for (std::uint64_t n : w.per_input) row.emplace_back(static_cast<std::int64_t>(n));
    row.emplace_back(static_cast<std::int64_t>(w.count));
    row.emplace_back(w.per_1000);
    row.emplace_back(w.percent);
    row.emplace_back(static_cast<std::int64_t>(w.rank));
    row.emplace_back(static_cast<std::int64_t>(w.sentences));
    row.emplace_back(static_cast<std::int64_t>(w.paragraphs));
    t.rows.push_back(std::move(row));
  }
  t.precision = 3;
  write_table(out, t, f, color);
}

void write_freq_summary(std::ostream& out, const freq_result& r, const freq_options& o, format f, const run_meta& meta,
                        bool color) {
  if (f == format::json) {
    json body = body_json(r, o);
    if (!r.collocate.empty()) body["collocations"] = collocations_json(r, o);
    write_json(out, meta, body);
    return;
  }
  std::vector<const freq_summary*> columns;
  table t;
  t.columns.push_back("statistic");
  if (r.inputs.size() > 1)
    for (std::size_t i = 0; i < r.inputs.size(); ++i) {
      t.columns.push_back(r.inputs[i]);
      columns.push_back(&r.per_input_summary[i]);
    }
  t.columns.push_back(r.inputs.size() > 1 ? "all" : "value");
  columns.push_back(&r.summary);
  auto add = [&](const char* name, auto get) {
    std::vector<cell> row{std::string(name)};
    for (const freq_summary* s : columns) row.push_back(get(*s));
    t.rows.push_back(std::move(row));
  };
  auto i64 = [](std::uint64_t v) { return cell(static_cast<std::int64_t>(v)); };
  add("tokens", [&](const freq_summary& s) { return i64(s.tokens); });
  add("types", [&](const freq_summary& s) { return i64(s.types); });
  add("ttr", [&](const freq_summary& s) { return cell(s.ttr); });
  add("hapax", [&](const freq_summary& s) { return i64(s.hapax); });
  add("mattr", [&](const freq_summary& s) { return cell(s.mattr); });
  add("mtld", [&](const freq_summary& s) { return cell(s.mtld); });
  add("zipf_exponent", [&](const freq_summary& s) { return cell(s.zipf); });
  add("zipf_r2", [&](const freq_summary& s) { return cell(s.zipf_r2); });
  add("sentences", [&](const freq_summary& s) { return i64(s.sentences); });
  add("paragraphs", [&](const freq_summary& s) { return i64(s.paragraphs); });
  add("running_words", [&](const freq_summary& s) { return i64(s.running_words); });
  add("relative_frequency_base", [&](const freq_summary&) { return cell(std::string("running_words")); });
  t.precision = 4;
  write_table(out, t, f, color);
  if (!r.collocate.empty()) {
    // The collocations follow the summary after one blank line, each table with its header.
    out << (f == format::csv ? "\r\n" : "\n");
    write_collocation_table(out, r, f, color);
  }
}

void write_collocations(std::ostream& out, const freq_result& r, const freq_options& o, format f, const run_meta& meta,
                        bool color) {
  if (f == format::json) {
    json body = body_json(r, o);
    body["collocations"] = collocations_json(r, o);
    write_json(out, meta, body);
    return;
  }
  write_collocation_table(out, r, f, color);
}

}  // namespace histext
