// histext-freq: word frequencies, lexical diversity, n-grams and collocations of passages.
#include <sstream>

#include "cli.hpp"
#include "histext/error.hpp"
#include "histext/frequency.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-freq";
  CLI::App app{"Count the words of passages: frequency, rank, dispersion, lexical diversity, n-grams, collocations."};
  histext::cli::common_options common;
  histext::freq_options options;
  bool lemma = false, stem = false, summary = false;
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  app.add_option("--stopwords", options.stopwords, "stopword list: default (English), none, or a FILE")
      ->capture_default_str();
  auto* lemma_flag = app.add_flag("--lemma", lemma, "count WordNet lemmas (programmes -> programme, went -> go)");
  app.add_flag("--stem", stem, "count Snowball English stems")->excludes(lemma_flag);
  app.add_flag("--numbers", options.numbers, "count numbers as words");
  histext::cli::add_bounded(app, "--ngrams", options.ngram, 1, 5, "count n-grams of N words inside a sentence");
  app.add_option("--collocations", options.collocate, "list the collocates of WORD (log-likelihood, PMI)");
  histext::cli::add_bounded(app, "--window", options.window, 1, 1000, "collocation window, words each side");
  histext::cli::add_bounded(app, "--top", options.top, 0, 1'000'000'000, "show the first N rows only (0: all)");
  histext::cli::add_bounded(app, "--min-count", options.min_count, 0, 1'000'000'000'000, "show words counted at least N times");
  histext::cli::add_bounded(app, "--min-length", options.min_length, 0, 1'000'000'000, "show words of at least N letters");
  app.add_flag("--combine", options.combine, "several files: pooled counts instead of a column per file");
  app.add_flag("--summary", summary, "print the summary statistics instead of the words");
  options.threads = 0;
  histext::cli::add_bounded(app, "--threads", options.threads, 0, 256, "counting threads (0: one per core)");
  histext::cli::set_example(app, "histext-freq --top 10 data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (lemma) options.form = histext::word_form::lemma;
  if (stem) options.form = histext::word_form::stem;
  options.all = common.all;
  options.segmentation = histext::cli::segment_opts(common);

  const histext::format fmt = histext::parse_format(common.format);
  options.checksum = fmt == histext::format::json;  // only JSON's meta block shows it
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  bool failed = false;
  try {
    histext::cli::output out(common);  // refuses an -o that is an input, before any work
    const std::vector<std::string> names = histext::cli::expand_inputs(tool, common, failed);  // directories too
    histext::frequency_counter counter(options);
    std::vector<histext::input_info> infos;
    for (const std::string& name : names) {
      try {
        if (!common.encoding.empty()) {
          histext::document doc = histext::cli::load_input(tool, name, common);
          counter.add_document(doc);
          infos.push_back(doc.info());
        } else {
          infos.push_back(counter.add_stream(*histext::cli::open_input(name), name));
        }
      } catch (const std::exception& e) {
        histext::cli::report(tool, e.what());
        failed = true;
      }
    }
    if (infos.empty()) return 1;
    const char* form = lemma ? "lemma" : stem ? "stem" : "norm";
    // threads never change the output, so they are not part of it
    auto meta = histext::cli::make_meta(tool, infos, app, {{"form", form}}, {"threads"});
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
