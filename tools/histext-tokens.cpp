// histext-tokens: blocks, sentences and tokens of a passage (ICU), with byte offsets.
#include "cli.hpp"
#include "histext/segment.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-tokens";
  CLI::App app{"Split a passage into blocks, sentences and tokens, with byte offsets into the input."};
  histext::cli::common_options common;
  histext::segment_options options;
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json", "vertical", "vrt"}, false);
  app.add_flag("--split-hyphens", options.split_hyphens, "split hyphenated compounds (UD's convention)");
  histext::cli::set_example(app, "histext-tokens --format tsv data/bukharin.txt | head");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;

  const histext::format fmt = histext::parse_format(common.format);
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  std::optional<histext::segmenter> seg;
  histext::cli::corpus_options corpus;
  corpus.format = fmt;
  corpus.heading = histext::cli::table_heading::own;  // the summary is headed by the file's name
  corpus.meta = [&](std::vector<histext::input_info> in) { return histext::cli::make_meta(tool, std::move(in), app); };
  return histext::cli::for_each_input(tool, common, corpus, [&](const histext::document& doc, std::ostream& out) {
    if (!seg) seg.emplace(histext::cli::segment_opts(common, options));
    auto progress = histext::cli::progress_reporter(tool, doc.name(), doc.text().size());
    // Block by block in every format: no token list of the whole document is kept.
    histext::write_tokens(out, doc, *seg, fmt, histext::cli::make_meta(tool, {doc.info()}, app), color, progress);
  });
}
