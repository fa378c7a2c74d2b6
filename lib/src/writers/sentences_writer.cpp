// histext-sentences' writers: table (summary, readability, sentences, optional bar chart),
// TSV/CSV (sentences or summary rows) and JSON.
#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>

#include "histext/sentence_stats.hpp"
#include "writers/json_writer.hpp"

namespace histext {

namespace {

cell real_cell(double v) { return std::isfinite(v) ? cell(v) : cell(); }
cell int_cell(std::size_t v) { return cell(static_cast<std::int64_t>(v)); }

json distribution_json(const distribution& d, bool with_histogram) {
  json j;
  j["count"] = d.count;
  j["mean"] = real_or_null(d.mean);
  j["median"] = real_or_null(d.median);
  j["sd"] = real_or_null(d.sd);
  j["min"] = real_or_null(d.min);
  j["max"] = real_or_null(d.max);
  j["q1"] = real_or_null(d.q1);
  j["q3"] = real_or_null(d.q3);
  if (with_histogram) {
    json bins = json::array();
    for (const histogram_bin& b : d.histogram) bins.push_back({{"low", b.low}, {"high", b.high}, {"count", b.count}});
    j["histogram"] = bins;
  }
  return j;
}

json ref_json(const sentence_ref& r) {
  if (r.index == 0) return nullptr;
  if (!r.file.empty()) return {{"file", r.file}, {"index", r.index}, {"words", r.words}, {"text", r.text}};
  return {{"index", r.index}, {"words", r.words}, {"text", r.text}};
}

json summary_json(const sentence_summary& s, const sentence_report* report) {
  json j;
  j["paragraphs"] = s.paragraphs;
  j["sentences"] = s.sentences;
  j["words"] = s.words;
  j["letters"] = s.letters;
  j["syllables"] = s.syllables;
  j["polysyllables"] = s.polysyllables;
  j["words_per_sentence"] = distribution_json(s.words_per_sentence, true);
  j["words_per_paragraph"] = distribution_json(s.words_per_paragraph, false);
  j["longest"] = ref_json(s.longest);
  j["shortest"] = ref_json(s.shortest);
  if (report) j["framed"] = report->framed;
  j["quoted_sentences"] = s.quoted_sentences;
  j["quoted_words"] = s.quoted_words;
  j["quoted_share"] = real_or_null(s.quoted_share);
  j["flesch_reading_ease"] = real_or_null(s.readability.flesch_reading_ease);
  j["flesch_kincaid_grade"] = real_or_null(s.readability.flesch_kincaid_grade);
  j["gunning_fog"] = real_or_null(s.readability.gunning_fog);
  j["smog"] = real_or_null(s.readability.smog);
  j["coleman_liau"] = real_or_null(s.readability.coleman_liau);
  j["automated_readability"] = real_or_null(s.readability.automated_readability);
  return j;
}

/// The summary as (metric, value) rows.
table summary_table(const sentence_report& r) {
  const sentence_summary& s = r.summary;
  // A corpus summary's longest and shortest name their file: "a.txt 12 (40 words): ..."
  auto where = [](const sentence_ref& ref) { return ref.file.empty() ? std::string() : ref.file + " "; };
  table t;
  t.columns = {"metric", "value"};
  t.precision = 2;
  auto row = [&](const std::string& name, cell v) { t.rows.push_back({name, std::move(v)}); };
  row("scope", std::string(r.all ? "all" : "body"));
  row("paragraphs", int_cell(s.paragraphs));
  row("sentences", int_cell(s.sentences));
  row("words", int_cell(s.words));
  row("letters", int_cell(s.letters));
  row("syllables", int_cell(s.syllables));
  row("polysyllables", int_cell(s.polysyllables));
  const distribution& d = s.words_per_sentence;
  row("words_per_sentence_mean", real_cell(d.mean));
  row("words_per_sentence_median", real_cell(d.median));
  row("words_per_sentence_sd", real_cell(d.sd));
  row("words_per_sentence_min", real_cell(d.min));
  row("words_per_sentence_q1", real_cell(d.q1));
  row("words_per_sentence_q3", real_cell(d.q3));
  row("words_per_sentence_max", real_cell(d.max));
  row("words_per_paragraph_mean", real_cell(s.words_per_paragraph.mean));
  row("words_per_paragraph_median", real_cell(s.words_per_paragraph.median));
  row("words_per_paragraph_min", real_cell(s.words_per_paragraph.min));
  row("words_per_paragraph_max", real_cell(s.words_per_paragraph.max));
  // "<index> (<words> words): <text>", or an empty cell when there is no such sentence.
  auto extreme = [&](const auto& x) {
    return x.index ? cell(where(x) + std::to_string(x.index) + " (" + std::to_string(x.words) + " words): " + x.text)
                   : cell();
  };
  row("longest_sentence", extreme(s.longest));
  row("shortest_sentence", extreme(s.shortest));
  row("framed", std::string(r.framed ? "true" : "false"));
  row("quoted_sentences", int_cell(s.quoted_sentences));
  row("quoted_words", int_cell(s.quoted_words));
  row("quoted_share", real_cell(s.quoted_share));
  row("flesch_reading_ease", real_cell(s.readability.flesch_reading_ease));
  row("flesch_kincaid_grade", real_cell(s.readability.flesch_kincaid_grade));
  row("gunning_fog", real_cell(s.readability.gunning_fog));
  row("smog", real_cell(s.readability.smog));
  row("coleman_liau", real_cell(s.readability.coleman_liau));
  row("automated_readability", real_cell(s.readability.automated_readability));
  if (!r.all) {
    row("outside_body_sentences", int_cell(r.outside_body.sentences));
    row("outside_body_words", int_cell(r.outside_body.words));
  }
  return t;
}

const std::vector<std::string> sentence_columns = {
    "index",   "block",     "block_kind",    "paragraph",   "position",     "begin",  "end",    "words",
    "letters", "syllables", "polysyllables", "quote_depth", "quoted_words", "quoted", "preview"};
const std::vector<std::string> preview_columns = {"index",     "paragraph",     "position", "words",  "letters",
                                                  "syllables", "polysyllables", "quoted",   "preview"};

std::vector<cell> sentence_row(const sentence_stat& s, bool with_preview_only) {
  if (with_preview_only)
    return {int_cell(s.index),
            int_cell(s.paragraph),
            int_cell(s.position),
            int_cell(s.words),
            int_cell(s.letters),
            int_cell(s.syllables),
            int_cell(s.polysyllables),
            std::string(s.quoted ? "yes" : ""),
            s.preview};
  return {int_cell(s.index),
          int_cell(s.block),
          std::string(to_string(s.block_kind)),
          int_cell(s.paragraph),
          int_cell(s.position),
          int_cell(s.begin),
          int_cell(s.end),
          int_cell(s.words),
          int_cell(s.letters),
          int_cell(s.syllables),
          int_cell(s.polysyllables),
          int_cell(s.quote_depth),
          int_cell(s.quoted_words),
          std::string(s.quoted ? "true" : "false"),
          s.preview};
}

/// The sentences as rows made one at a time (a table of them all would cost far more than the text).
void write_sentence_rows(std::ostream& out, const sentence_report& r, bool with_preview_only, format f, bool color) {
  write_table_rows(
      out, with_preview_only ? preview_columns : sentence_columns, r.sentences.size(),
      [&](std::size_t i) { return sentence_row(r.sentences[i], with_preview_only); }, f, color);
}

/// A text bar chart of words per sentence: one line per bin, bars of '#' scaled to 40 columns.
void write_histogram(std::ostream& out, const distribution& d) {
  std::size_t top = 0;
  for (const histogram_bin& b : d.histogram) top = std::max(top, b.count);
  std::size_t label_width = 0;
  std::vector<std::string> labels;
  for (const histogram_bin& b : d.histogram) {
    labels.push_back(b.high - b.low == 1 ? std::to_string(b.low)
                                         : std::to_string(b.low) + "-" + std::to_string(b.high - 1));
    label_width = std::max(label_width, labels.back().size());
  }
  out << "words per sentence\n";
  for (std::size_t i = 0; i < d.histogram.size(); ++i) {
    const histogram_bin& b = d.histogram[i];
    std::size_t bar = top ? (b.count * 40 + top - 1) / top : 0;
    out << std::string(label_width - labels[i].size(), ' ') << labels[i] << " | " << std::string(bar, '#');
    if (b.count) out << ' ' << b.count;
    out << '\n';
  }
}

}  // namespace

void write_sentences(std::ostream& out, const sentence_report& r, format f, const run_meta& meta,
                     const sentence_write_options& options) {
  switch (f) {
    case format::json: {
      // The sentences go out one element at a time: a DOM of them all costs far more than the text.
      json head;
      head["summary"] = summary_json(r.summary, &r);
      head["outside_body"] = r.all ? json(nullptr) : summary_json(r.outside_body, nullptr);
      open_json_document(out, meta);
      for (const auto& [k, v] : head.items())
        out << ',' << json(k).dump() << ':' << v.dump(-1, ' ', false, json::error_handler_t::replace);
      out << ",\"sentences\":[";
      bool first = true;
      for (const sentence_stat& s : r.sentences) {
        json j;
        j["index"] = s.index;
        j["block"] = s.block;
        j["block_kind"] = to_string(s.block_kind);
        j["paragraph"] = s.paragraph;
        j["position"] = s.position;
        j["begin"] = s.begin;
        j["end"] = s.end;
        j["words"] = s.words;
        j["letters"] = s.letters;
        j["syllables"] = s.syllables;
        j["polysyllables"] = s.polysyllables;
        j["quote_depth"] = s.quote_depth;
        j["quoted_words"] = s.quoted_words;
        j["quoted"] = s.quoted;
        j["preview"] = s.preview;
        if (!first) out << ',';
        first = false;
        out << j.dump(-1, ' ', false, json::error_handler_t::replace);
      }
      out << ']';
      close_json_document(out, meta);
      return;
    }
    case format::tsv:
    case format::csv:
      if (options.summary_only)
        write_table(out, summary_table(r), f);
      else
        write_sentence_rows(out, r, false, f, false);
      return;
    default: {
      for (const input_info& in : meta.inputs) out << in.name << "\n";
      write_table(out, summary_table(r), format::table, options.color);
      if (options.histogram && !r.summary.words_per_sentence.histogram.empty()) {
        out << '\n';
        write_histogram(out, r.summary.words_per_sentence);
      }
      if (!options.summary_only) {
        out << '\n';
        write_sentence_rows(out, r, true, format::table, options.color);
      }
      return;
    }
  }
}

void write_sentence_corpus(std::ostream& out, const std::vector<sentence_tally>& files, const sentence_summary& corpus,
                           bool all, format f, const sentence_write_options& options) {
  const std::string label = "(corpus)";
  if (f == format::tsv || f == format::csv) {
    if (!options.summary_only) return;  // sentence rows: the corpus is the rows themselves
    sentence_report r;
    r.all = all;
    r.summary = corpus;
    for (const sentence_tally& t : files) {
      r.outside_body.sentences += t.outside_sentences;
      r.outside_body.words += t.outside_words;
    }
    table t = summary_table(r);
    t.rows.erase(std::remove_if(t.rows.begin(), t.rows.end(),
                                [](const std::vector<cell>& row) { return std::get<std::string>(row[0]) == "framed"; }),
                 t.rows.end());  // framing is a property of one text
    t.columns.insert(t.columns.begin(), "file");
    for (auto& row : t.rows) row.insert(row.begin(), label);
    std::ostringstream rows;  // a few dozen short rows: written without their header
    write_table(rows, t, f);
    const std::string text = std::move(rows).str();
    out << text.substr(text.find('\n') + 1);
    return;
  }
  if (f != format::table) return;
  table t;
  t.columns = {"file",
               "paragraphs",
               "sentences",
               "words",
               "words_per_sentence_mean",
               "words_per_sentence_median",
               "quoted_share",
               "flesch_reading_ease",
               "flesch_kincaid_grade",
               "gunning_fog",
               "smog",
               "coleman_liau",
               "automated_readability"};
  t.precision = 2;
  auto row = [&](const std::string& name, const sentence_summary& s) {
    t.rows.push_back({name, int_cell(s.paragraphs), int_cell(s.sentences), int_cell(s.words),
                      real_cell(s.words_per_sentence.mean), real_cell(s.words_per_sentence.median),
                      real_cell(s.quoted_share), real_cell(s.readability.flesch_reading_ease),
                      real_cell(s.readability.flesch_kincaid_grade), real_cell(s.readability.gunning_fog),
                      real_cell(s.readability.smog), real_cell(s.readability.coleman_liau),
                      real_cell(s.readability.automated_readability)});
  };
  for (const sentence_tally& f : files) row(f.file, f.summary);
  row(label, corpus);
  out << "\ncorpus: " << files.size() << (files.size() == 1 ? " file" : " files") << '\n';
  write_table(out, t, format::table, options.color);
}

std::string sentence_corpus_json(const sentence_summary& corpus) {
  return summary_json(corpus, nullptr).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace histext
