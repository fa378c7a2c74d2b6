// histext-kwic: every occurrence of a word with its context (keyword in context).
#include <unistd.h>

#include <iostream>

#include "cli.hpp"
#include "histext/concordance.hpp"
#include "histext/error.hpp"
#include "histext/segment.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-kwic";
  CLI::App app{"Show every occurrence of a word with N words of context each side (keyword in context)."};
  histext::cli::common_options common;
  histext::kwic_options options;
  std::string word;
  app.add_option("word", word, "the word to find (matched on its normalised form)")->required();
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  // Read as a signed number so that -1 is refused rather than wrapped round to a huge context.
  long long context = static_cast<long long>(options.context);
  app.add_option("-c,--context", context, "words of context each side (0 to " +
                                               std::to_string(histext::max_kwic_context) + ")")
      ->capture_default_str();
  app.add_flag("--lemma", options.lemma, "match on the WordNet lemma (went finds go, goes, going)");
  histext::cli::set_example(app, "histext-kwic stalin data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (context < 0 || context > static_cast<long long>(histext::max_kwic_context)) {
    histext::cli::report(tool, "--context must be between 0 and " + std::to_string(histext::max_kwic_context) +
                                   " (got " + std::to_string(context) + ")");
    return 2;
  }
  options.context = static_cast<std::size_t>(context);
  options.all = common.all;
  // "histext-kwic FILE" (the word forgotten) takes FILE as the word and would wait for the text
  // on the terminal without a word: with no input named and stdin a terminal, show the usage.
  if (common.inputs.empty() && ::isatty(0)) {
    histext::cli::report(tool, "no input file, and standard input is a terminal (name a FILE, or - to type the text)");
    std::cerr << app.help();
    return 2;
  }

  const histext::format fmt = histext::parse_format(common.format);
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  std::optional<histext::segmenter> seg;
  try {
    seg.emplace(histext::cli::segment_opts(common));
    (void)histext::keyword_key(word, *seg);  // a word that is not one word is a usage error
  } catch (const histext::error& e) {
    histext::cli::report(tool, e.what());
    return seg ? 2 : 1;
  }
  const std::vector<std::pair<std::string, std::string>> meta_options = {
      {"word", word}, {"context", std::to_string(options.context)}, {"lemma", options.lemma ? "true" : "false"},
      {"all", common.all ? "true" : "false"}, {"format", common.format}, {"encoding", common.encoding}};
  histext::cli::corpus_options corpus;
  corpus.format = fmt;
  corpus.heading = histext::cli::table_heading::prefix;  // several files: each line starts with its file
  corpus.meta = [&](std::vector<histext::input_info> in) {
    return histext::cli::make_meta(tool, std::move(in), meta_options);
  };
  return histext::cli::for_each_input(tool, common, corpus, [&](const histext::document& doc, std::ostream& out) {
    auto meta = histext::cli::make_meta(tool, {doc.info()}, meta_options);
    histext::kwic_writer writer(out, fmt, std::move(meta), color);
    histext::find_keyword(doc, *seg, word, options, [&](histext::kwic_line&& line) { writer.add(std::move(line)); });
    writer.finish();
  });
}
