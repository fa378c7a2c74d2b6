// histext-sentences: sentence lengths, their distribution, quotation and readability.
#include "cli.hpp"
#include "histext/sentence_stats.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-sentences";
  CLI::App app{
      "Sentence statistics and readability (Flesch, Flesch-Kincaid, Fog, SMOG, Coleman-Liau, ARI) "
      "of the body of a passage; --all adds the heading and attribution."};
  histext::cli::common_options common;
  histext::sentence_options options;
  histext::sentence_write_options write;
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"});
  app.add_flag("--histogram", write.histogram, "table: draw the words-per-sentence distribution as a bar chart");
  app.add_flag("--summary", write.summary_only, "tsv/csv/table: write the summary only, not every sentence");
  histext::cli::add_bounded(app, "--preview-words", options.preview_words, 1, 1000, "words in each sentence's preview");
  histext::cli::set_example(app, "histext-sentences --histogram data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;

  options.all = common.all;
  const histext::format fmt = histext::parse_format(common.format);
  write.color = common.output.empty() && histext::cli::stdout_is_terminal();
  std::optional<histext::segmenter> seg;
  // Several inputs: each file's word counts are tallied (a few bytes per sentence) for the corpus summary.
  std::vector<histext::sentence_tally> tallies;
  auto pooled = [&] { return histext::pool_sentences(tallies); };
  histext::cli::corpus_options corpus;
  corpus.format = fmt;
  corpus.heading = histext::cli::table_heading::own;  // the writer heads each summary with the file's name
  corpus.meta = [&](std::vector<histext::input_info> in) { return histext::cli::make_meta(tool, std::move(in), app); };
  corpus.json_members = [&]() -> std::vector<std::pair<std::string, std::string>> {
    return {{"corpus", histext::sentence_corpus_json(pooled())}};
  };
  corpus.finish = [&](std::ostream& out) {
    histext::write_sentence_corpus(out, tallies, pooled(), options.all, fmt, write);
  };
  return histext::cli::for_each_input(tool, common, corpus, [&](const histext::document& doc, std::ostream& out) {
    if (!seg) seg.emplace(histext::cli::segment_opts(common));
    histext::sentence_report report = histext::analyze_sentences(doc, *seg, options);
    histext::write_sentences(out, report, fmt, histext::cli::make_meta(tool, {doc.info()}, app), write);
    tallies.push_back(histext::tally_sentences(doc.name(), report));
  });
}
