// histext-keywords: the words a target corpus uses more (and less) than a reference corpus.
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "cli.hpp"
#include "histext/error.hpp"
#include "histext/keywords.hpp"

namespace {

const std::string tool = "histext-keywords";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Compare a target corpus with a reference corpus: the words it uses more (+) and less (-), "
      "by log-likelihood G2, log ratio and %DIFF."};
  histext::cli::common_options common;
  histext::keywords_options options;
  histext::freq_options& counting = options.counting;
  std::vector<std::string> references;
  std::string measure = "g2";
  bool lemma = false, stem = false;
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  app.add_option("-r,--reference", references, "the reference corpus: one or more files, after the TARGET files")
      ->required()
      ->expected(1, -1);
  app.add_option("--measure", measure, "rank by g2 (log-likelihood), log-ratio or pct-diff (%DIFF)")
      ->check(CLI::IsMember({"g2", "log-ratio", "pct-diff"}))
      ->capture_default_str();
  histext::cli::add_bounded(app, "--min-count", options.min_count, 0, 1'000'000'000'000,
                            "show words counted at least N times in target and reference together");
  histext::cli::add_bounded(app, "--top", options.top, 0, 1'000'000'000,
                            "show the first N rows of each direction (0: all)");
  app.add_option("--stopwords", counting.stopwords, "stopword list: default (English), none, or a FILE")
      ->capture_default_str();
  app.add_option("--add-stopwords", counting.add_stopwords, "FILE whose words join the stopword list (repeatable)");
  auto* lemma_flag = app.add_flag("--lemma", lemma, "count WordNet lemmas (programmes -> programme, went -> go)");
  app.add_flag("--stem", stem, "count Snowball English stems")->excludes(lemma_flag);
  app.add_flag("--numbers", counting.numbers, "count numbers as words");
  counting.threads = 0;
  histext::cli::add_bounded(app, "--threads", counting.threads, 0, 256, "counting threads (0: one per core)");
  histext::cli::set_example(app, "histext-keywords genesis.txt --reference gospels.txt --top 10");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;

  std::vector<std::string> targets = common.inputs.empty() ? std::vector<std::string>{"-"} : common.inputs;
  const auto stdin_uses =
      std::count(targets.begin(), targets.end(), "-") + std::count(references.begin(), references.end(), "-");
  if (stdin_uses > 1) {
    histext::cli::report(tool, "standard input (-) can be read only once");
    return 2;
  }
  if (common.inputs.empty() && ::isatty(0)) {
    histext::cli::report(tool, "no TARGET file: name the target files before --reference (see --help)");
    return 2;
  }
  if (lemma) counting.form = histext::word_form::lemma;
  if (stem) counting.form = histext::word_form::stem;
  counting.all = common.all;
  counting.segmentation = histext::cli::segment_opts(common);
  options.measure = histext::parse_keyness_measure(measure);

  const histext::format fmt = histext::parse_format(common.format);
  counting.checksum = fmt == histext::format::json;  // only JSON's meta block shows it
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  bool failed = false;
  try {
    // Directories stand for their *.txt files, on either side.
    histext::cli::common_options side = common;
    side.inputs = targets;
    targets = histext::cli::expand_inputs(tool, side, failed);
    side.inputs = references;
    references = histext::cli::expand_inputs(tool, side, failed);
    // -o must be neither a target nor a reference file.
    histext::cli::common_options every_input = common;
    every_input.inputs = targets;
    every_input.inputs.insert(every_input.inputs.end(), references.begin(), references.end());
    histext::cli::output out(every_input);
    const histext::freq_options counter_options = options.counting_options();
    histext::frequency_counter target_counter(counter_options), reference_counter(counter_options);
    std::vector<histext::input_info> infos = histext::cli::count_inputs(tool, target_counter, targets, common, failed);
    const bool target_read = !infos.empty();
    std::vector<histext::input_info> reference_infos =
        histext::cli::count_inputs(tool, reference_counter, references, common, failed);
    if (!target_read || reference_infos.empty()) return 1;  // the failures are already reported
    infos.insert(infos.end(), reference_infos.begin(), reference_infos.end());
    const char* form = lemma ? "lemma" : stem ? "stem" : "norm";
    // threads never change the output, so they are not part of it
    auto meta = histext::cli::make_meta(tool, infos, app, {{"form", form}}, {"threads"});
    histext::keywords_result result =
        histext::compare_keywords(target_counter.result(), reference_counter.result(), options);
    std::ostringstream buffer;
    histext::write_keywords(buffer, result, options, fmt, meta, color);
    out.write(buffer.str());
    out.commit();
  } catch (const std::exception& e) {
    histext::cli::report(tool, e.what());
    return 1;
  }
  return failed ? 1 : 0;
}
