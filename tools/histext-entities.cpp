// histext-entities: named people, groups and places of a passage, with every mention.
#include <optional>
#include <sstream>

#include "cli.hpp"
#include "histext/entities.hpp"
#include "histext/error.hpp"
#include "histext/segment.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-entities";
  CLI::App app{"List the people, groups and places a passage names, with their mentions and evidence."};
  histext::cli::common_options common;
  std::string types;
  bool cooc = false, highlight = false;
  histext::entity_options options;
  histext::cli::add_common(app, common, {"table", "tsv", "csv", "json"}, false);
  app.add_option("--types", types, "comma-separated types to list: person,group,place,work,other (default: all)");
  app.add_flag("--keep-titles", options.keep_titles,
               "name a person with the title the text gives (General Kornilov), not only as an alias");
  app.add_flag("--body", options.body_only, "count only mentions in body paragraphs (default: every block)");
  app.add_flag("--pages", options.pages, "also count mentions in running heads and page numbers (page blocks)");
  app.add_option("--model", options.model, "entity model written by histext-train (default: the shipped model)");
  app.add_option("--gazetteer", options.gazetteer,
                 "your list of names, which wins over the model: TSV name, type, aliases|... (docs/corrections.md)");
  app.add_option("--exclude", options.exclude, "names never to list, one a line");
  auto* c = app.add_flag("--cooccurrence", cooc, "print pairs named in the same sentence and eigenvector centrality");
  app.add_flag("--highlight", highlight, "print the passage with every mention marked (colour on a terminal)")
      ->excludes(c);
  histext::cli::set_example(app, "histext-entities --types person,group data/bukharin.txt");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;

  if (highlight && common.format != "table") {  // the highlight is marked-up text, not rows
    histext::cli::report(tool, "--highlight prints the passage itself: it takes no --format " + common.format);
    return 2;
  }
  try {
    std::stringstream ss(types);
    std::string t;
    while (std::getline(ss, t, ','))
      if (!t.empty()) options.types.push_back(histext::parse_entity_type(t));
  } catch (const histext::error& e) {
    histext::cli::report(tool, e.what());
    return 2;
  }
  const histext::format fmt = histext::parse_format(common.format);
  const bool color = common.output.empty() && histext::cli::stdout_is_terminal();
  std::optional<histext::segmenter> seg;
  // Several inputs: one corpus view, every entity pooled by name and type with its files.
  std::vector<histext::corpus_entity> pool;
  std::size_t files = 0;
  const bool pooling = !highlight && !cooc;
  histext::cli::corpus_options corpus;
  corpus.format = fmt;
  corpus.heading = histext::cli::table_heading::line;
  corpus.meta = [&](std::vector<histext::input_info> in) {
    return histext::cli::make_meta(tool, std::move(in), app, {{"types", types.empty() ? "all" : types}});
  };
  if (pooling) {
    corpus.json_members = [&]() -> std::vector<std::pair<std::string, std::string>> {
      return {{"corpus", histext::entity_corpus_json(pool)}};
    };
    corpus.finish = [&](std::ostream& out) { histext::write_entity_corpus(out, pool, files, fmt, color); };
  }
  return histext::cli::for_each_input(tool, common, corpus, [&](const histext::document& doc, std::ostream& out) {
    // Words broken at a line end are joined: OCR'd pages and hard-wrapped books break names there
    // ("Wash-\nington"); the mention keeps the exact surface, the name reads "Washington".
    if (!seg) {
      histext::segment_options so = histext::cli::segment_opts(common);
      so.dehyphenate = true;
      seg.emplace(so);
    }
    // Block by block: memory is bounded by a piece of text and the mentions, not by the tokens.
    std::vector<histext::entity> entities = histext::find_entities(
        doc, *seg, options, histext::cli::progress_reporter(tool, doc.name(), doc.text().size()));
    auto meta = histext::cli::make_meta(
        tool, {doc.info()}, app, {{"types", types.empty() ? "all" : types}, {"scope", histext::scope_name(options)}});
    if (highlight)
      histext::write_highlight(out, doc, entities, color);
    else if (cooc) {
      histext::cooccurrence net = histext::cooccur(entities);
      for (const auto& note : net.notes) histext::cli::report(tool, "note: " + note);  // what a bound dropped
      histext::write_cooccurrence(out, entities, net, fmt, meta, color);
    } else
      histext::write_entities(out, entities, fmt, meta, color);
    if (pooling) pool = histext::pool_entities(std::move(pool), doc.name(), entities), ++files;
  });
}
