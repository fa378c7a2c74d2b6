// histext-kwic: every occurrence of a word with its context (keyword in context).
#include "cli.hpp"
#include "histext/frequency.hpp"
#include "histext/segment.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-kwic";
  CLI::App app{"Show every occurrence of a word with N words of context each side (keyword in context)."};
  histext::cli::common_options common;
  histext::kwic_options options;
  std::string word;
  app.add_option("word", word, "the word to find (matched on its normalised form)")->required();
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  app.add_option("-c,--context", options.context, "words of context each side")->capture_default_str();
  app.add_flag("--lemma", options.lemma, "match on the WordNet lemma (went finds go, goes, going)");
  histext::cli::set_example(app, "histext-kwic stalin data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  options.all = common.all;

  const histext::format fmt = histext::parse_format(common.format);
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  std::optional<histext::segmenter> seg;
  return histext::cli::for_each_input(tool, common, [&](const histext::document& doc, std::ostream& out) {
    if (!seg) seg.emplace(histext::cli::segment_opts(common));
    histext::segmentation s = seg->run(doc);
    auto lines = histext::find_keyword(doc, s, word, options);
    auto meta = histext::cli::make_meta(tool, {doc.info()},
                                        {{"word", word}, {"context", std::to_string(options.context)},
                                         {"lemma", options.lemma ? "true" : "false"},
                                         {"all", common.all ? "true" : "false"}, {"format", common.format},
                                         {"encoding", common.encoding}});
    histext::write_kwic(out, lines, fmt, meta, color);
  });
}
