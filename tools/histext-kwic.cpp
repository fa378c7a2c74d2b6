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
  std::string word, regex, sort;
  app.add_option("word", word,
                 "the word or phrase to find, matched on its normalised form; * and ? are wildcards "
                 "(\"communist party\", stal*, *ism)");
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  histext::cli::add_bounded(app, "-c,--context", options.context, 0, static_cast<long long>(histext::max_kwic_context),
                            "words of context each side");
  app.add_flag("--lemma", options.lemma, "match on the WordNet lemma (went finds go, goes, going)");
  app.add_option("--regex", regex,
                 "find words matching this ICU regular expression (whole word, any case) instead of WORD");
  app.add_flag("--accents", options.exact_accents, "require the query's accents (by default napoleon finds Napoléon)");
  app.add_option("--sort", sort, "order lines by the words at these positions, then text order (L1, R1, R1,R2...)");
  histext::cli::set_example(app, "histext-kwic stalin data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  if (!regex.empty()) {
    // With --regex there is no WORD: a first positional is an input file.
    if (!word.empty()) common.inputs.insert(common.inputs.begin(), word);
    word = regex;
    options.regex = true;
  } else if (word.empty()) {
    histext::cli::report(tool, "give the WORD to find, or --regex PATTERN");
    std::cerr << app.help();
    return 2;
  }
  try {
    if (!sort.empty()) options.sort = histext::parse_kwic_sort(sort);
  } catch (const histext::error& e) {
    histext::cli::report(tool, std::string("--sort: ") + e.what());
    return 2;
  }
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
    // A query that holds no word or a bad pattern is a usage error (WordNet is loaded later: a
    // missing WordNet is an input failure, as before).
    histext::kwic_options check = options;
    check.lemma = false;
    (void)histext::keyword_finder(word, check, *seg);
  } catch (const histext::error& e) {
    histext::cli::report(tool, e.what());
    return seg ? 2 : 1;
  }
  const std::vector<std::pair<std::string, std::string>> extra = {{"word", options.regex ? "" : word}};
  histext::cli::corpus_options corpus;
  corpus.format = fmt;
  corpus.heading = histext::cli::table_heading::prefix;  // several files: each line starts with its file
  corpus.meta = [&](std::vector<histext::input_info> in) {
    return histext::cli::make_meta(tool, std::move(in), app, extra);
  };
  return histext::cli::for_each_input(tool, common, corpus, [&](const histext::document& doc, std::ostream& out) {
    auto meta = histext::cli::make_meta(tool, {doc.info()}, app, extra);
    histext::kwic_writer writer(out, fmt, std::move(meta), color);
    histext::find_keyword(doc, *seg, word, options, [&](histext::kwic_line&& line) { writer.add(std::move(line)); });
    writer.finish();
  });
}
