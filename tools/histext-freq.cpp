// histext-freq: word frequencies, lexical diversity, n-grams and collocations of passages.
#include <algorithm>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "histext/error.hpp"
#include "histext/frequency.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-freq";
  CLI::App app{"Count the words of passages: frequency, rank, dispersion, lexical diversity, n-grams, collocations."};
  histext::cli::common_options common;
  histext::freq_options options;
  bool lemma = false, stem = false, summary = false, shard = false, merge = false;
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  app.add_option("--stopwords", options.stopwords,
                 "stopword list: default (English), none, or a FILE (replaces the list)")
      ->capture_default_str();
  app.add_option("--add-stopwords", options.add_stopwords, "FILE whose words join the stopword list (repeatable)");
  auto* lemma_flag = app.add_flag("--lemma", lemma, "count WordNet lemmas (programmes -> programme, went -> go)");
  app.add_flag("--stem", stem, "count Snowball English stems")->excludes(lemma_flag);
  app.add_flag("--numbers", options.numbers, "count numbers as words");
  histext::cli::add_bounded(app, "--ngrams", options.ngram, 1, 5, "count n-grams of N words inside a sentence");
  app.add_option("--collocations", options.collocate, "list the collocates of WORD (log-likelihood, PMI)");
  histext::cli::add_bounded(app, "--window", options.window, 1, 1000, "collocation window, words each side");
  auto* top_opt =
      histext::cli::add_bounded(app, "--top", options.top, 0, 1'000'000'000, "show the first N rows only (0: all)");
  auto* min_count_opt = histext::cli::add_bounded(app, "--min-count", options.min_count, 0, 1'000'000'000'000,
                                                  "show words counted at least N times");
  auto* min_length_opt = histext::cli::add_bounded(app, "--min-length", options.min_length, 0, 1'000'000'000,
                                                   "show words of at least N letters");
  app.add_flag("--combine", options.combine, "several files: pooled counts instead of a column per file");
  auto* summary_flag = app.add_flag("--summary", summary, "print the summary statistics instead of the words");
  // A shard keeps every count: the row filters and the layout belong to the --merge that reads it.
  app.add_flag("--shard", shard, "write a mergeable count table (binary) instead of the words (see --merge)")
      ->excludes(top_opt)
      ->excludes(min_count_opt)
      ->excludes(min_length_opt)
      ->excludes(summary_flag)
      ->excludes(app.get_option("--format"));
  app.add_flag(
      "--merge", merge,
      "FILE... are shards (--shard): write what --combine over their inputs writes (with --shard: a merged shard)");
  options.threads = 0;
  histext::cli::add_bounded(app, "--threads", options.threads, 0, 256, "counting threads (0: one per core)");
  histext::cli::set_example(app, "histext-freq --top 10 data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (lemma) options.form = histext::word_form::lemma;
  if (stem) options.form = histext::word_form::stem;
  options.all = common.all;
  options.segmentation = histext::cli::segment_opts(common);

  const histext::format fmt = histext::parse_format(common.format);
  options.checksum = fmt == histext::format::json || shard;  // only JSON's meta block (and a shard) keeps it
  // Options that never change the output (threads) or that choose the mode are not in the meta.
  const std::set<std::string> not_meta = {"threads", "shard", "merge"};
  // A shard records the options that change counts as the meta shows them, not those of the layout.
  const std::set<std::string> not_counting = {"threads",   "shard",      "merge",   "format", "top",
                                              "min_count", "min_length", "summary", "combine"};
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  bool failed = false;
  if (merge) {
    try {
      histext::cli::output out(common);
      std::vector<histext::freq_shard> shards;
      // Shards are named one by one (a directory means *.txt inputs, not shards).
      const std::vector<std::string> names = common.inputs.empty() ? std::vector<std::string>{"-"} : common.inputs;
      for (const std::string& name : names)
        shards.push_back(histext::freq_shard::read(*histext::cli::open_input(name), name));
      histext::freq_shard merged = histext::freq_shard::merge(std::move(shards));
      std::ostringstream buffer;
      if (shard) {
        merged.write(buffer);
      } else {
        // The meta of --combine over the same inputs: this command's options, those that change
        // counts as the shards recorded them (an explicit one must agree), and combine.
        std::set<std::string> given;
        for (const CLI::Option* opt : app.get_options())
          if (opt->count() > 0 && !opt->get_lnames().empty()) {
            std::string n = opt->get_lnames().front();
            std::replace(n.begin(), n.end(), '-', '_');
            given.insert(n);
          }
        const auto here = histext::cli::options_of(app, not_meta);
        for (const auto& [k, v] : merged.meta_options()) {
          const std::string& key = k;  // a lambda cannot capture a structured binding in clang-14
          auto it = std::find_if(here.begin(), here.end(), [&](const auto& kv) { return kv.first == key; });
          if (it != here.end() && given.count(k) && it->second != v)
            throw histext::error("--" + k + " " + it->second + " differs from the shards' (" + v + ")");
        }
        auto extra = merged.meta_options();
        extra.emplace_back("combine", "true");
        auto meta = histext::cli::make_meta(tool, merged.inputs(), app, extra, not_meta);
        histext::freq_options shown = merged.options();
        shown.top = options.top;
        shown.min_count = options.min_count;
        shown.min_length = options.min_length;
        histext::freq_result result = merged.result(shown);
        if (!shown.collocate.empty() && result.node_count == 0)
          histext::cli::report(tool, "note: '" + shown.collocate + "' does not occur in the counted text");
        if (summary)
          histext::write_freq_summary(buffer, result, shown, fmt, meta, color);
        else if (!shown.collocate.empty() && fmt != histext::format::json)
          histext::write_collocations(buffer, result, shown, fmt, meta, color);
        else
          histext::write_frequencies(buffer, result, shown, fmt, meta, color);
      }
      out.write(buffer.str());
      out.commit();
    } catch (const std::exception& e) {
      histext::cli::report(tool, e.what());
      return 1;
    }
    return 0;
  }
  try {
    histext::cli::output out(common);  // refuses an -o that is an input, before any work
    const std::vector<std::string> names = histext::cli::expand_inputs(tool, common, failed);  // directories too
    histext::frequency_counter counter(options);
    std::vector<histext::input_info> infos = histext::cli::count_inputs(tool, counter, names, common, failed);
    if (infos.empty()) return 1;
    const char* form = lemma ? "lemma" : stem ? "stem" : "norm";
    // threads never change the output, so they are not part of it
    auto meta = histext::cli::make_meta(tool, infos, app, {{"form", form}}, not_meta);
    if (shard) {
      std::ostringstream buffer;
      histext::write_shard(buffer, counter,
                           histext::cli::make_meta(tool, {}, app, {{"form", form}}, not_counting).options);
      out.write(buffer.str());
      out.commit();
      return failed ? 1 : 0;
    }
    histext::freq_result result = counter.result();
    if (!options.collocate.empty() && result.node_count == 0)
      histext::cli::report(tool, "note: '" + options.collocate + "' does not occur in the counted text");
    std::ostringstream buffer;
    if (summary)
      histext::write_freq_summary(buffer, result, options, fmt, meta, color);
    else if (!options.collocate.empty() && fmt != histext::format::json)
      histext::write_collocations(buffer, result, options, fmt, meta, color);
    else
      histext::write_frequencies(buffer, result, options, fmt, meta, color);
    out.write(buffer.str());
    out.commit();
  } catch (const std::exception& e) {
    histext::cli::report(tool, e.what());
    return 1;
  }
  return failed ? 1 : 0;
}
