// histext-freq: word frequencies, lexical diversity, n-grams and collocations of passages.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
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
  app.add_option("--ngrams", options.ngram, "count n-grams of N words inside a sentence (2 to 5)")
      ->check(CLI::Range(1, 5));
  app.add_option("--collocations", options.collocate, "list the collocates of WORD (log-likelihood, PMI)");
  app.add_option("--window", options.window, "collocation window, words each side")->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--top", options.top, "show the first N rows only");
  app.add_option("--min-count", options.min_count, "show words counted at least N times")->capture_default_str();
  app.add_option("--min-length", options.min_length, "show words of at least N letters")->capture_default_str();
  app.add_flag("--combine", options.combine, "several files: pooled counts instead of a column per file");
  app.add_flag("--summary", summary, "print the summary statistics instead of the words");
  options.threads = 0;
  app.add_option("--threads", options.threads, "counting threads (0: one per core)")->capture_default_str()->check(CLI::Range(0, 256));
  histext::cli::set_example(app, "histext-freq --top 10 data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (lemma) options.form = histext::word_form::lemma;
  if (stem) options.form = histext::word_form::stem;
  options.all = common.all;
  options.segmentation = histext::cli::segment_opts(common);

  const histext::format fmt = histext::parse_format(common.format);
  options.checksum = fmt == histext::format::json;  // only JSON's meta block shows it
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  std::vector<std::string> names = common.inputs.empty() ? std::vector<std::string>{"-"} : common.inputs;
  bool failed = false;
  try {
    namespace fs = std::filesystem;
    for (const auto& in : names) {
      std::error_code ec;
      if (!common.output.empty() && in != "-" && fs::exists(common.output, ec) && fs::equivalent(in, common.output, ec))
        throw histext::error(common.output + ": refusing to write over an input file");
    }
    histext::frequency_counter counter(options);
    std::vector<histext::input_info> infos;
    for (const std::string& name : names) {
      try {
        if (!common.encoding.empty()) {
          histext::document doc = histext::cli::load_input(tool, name, common);
          counter.add_document(doc);
          infos.push_back(doc.info());
        } else if (name == "-") {
          infos.push_back(counter.add_stream(std::cin, "-"));
        } else {
          std::error_code ec;
          if (fs::is_directory(name, ec)) throw histext::error(name + ": is a directory");
          std::ifstream file(name, std::ios::binary);
          if (!file) throw histext::error(name + ": " + std::strerror(errno));
          infos.push_back(counter.add_stream(file, name));
        }
      } catch (const std::exception& e) {
        histext::cli::report(tool, e.what());
        failed = true;
      }
    }
    if (infos.empty()) return 1;
    const char* form = lemma ? "lemma" : stem ? "stem" : "norm";
    auto meta = histext::cli::make_meta(
        tool, infos,
        {{"all", common.all ? "true" : "false"}, {"stopwords", options.stopwords}, {"form", form},
         {"numbers", options.numbers ? "true" : "false"}, {"ngrams", std::to_string(options.ngram)},
         {"collocations", options.collocate}, {"window", std::to_string(options.window)},
         {"top", std::to_string(options.top)}, {"min_count", std::to_string(options.min_count)},
         {"min_length", std::to_string(options.min_length)}, {"combine", options.combine ? "true" : "false"},
         {"format", common.format}, {"encoding", common.encoding}});
    histext::freq_result result = counter.result();
    std::ostringstream buffer;
    if (summary)
      histext::write_freq_summary(buffer, result, options, fmt, meta, color);
    else if (!options.collocate.empty() && fmt != histext::format::json)
      histext::write_collocations(buffer, result, options, fmt, meta, color);
    else
      histext::write_frequencies(buffer, result, options, fmt, meta, color);
    if (common.output.empty()) {
      std::cout << buffer.str();
      std::cout.flush();
    } else {
      histext::atomic_file file(common.output);
      file.stream() << buffer.str();
      file.commit();
    }
  } catch (const std::exception& e) {
    histext::cli::report(tool, e.what());
    return 1;
  }
  return failed ? 1 : 0;
}
