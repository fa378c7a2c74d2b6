// histext-report: one self-contained HTML page (passage, words, entities, sentences) per run.
#include <algorithm>
#include <iostream>
#include <sstream>

#include "cli.hpp"
#include "histext/report.hpp"

int main(int argc, char** argv) {
  const std::string tool = "histext-report";
  CLI::App app{
      "Write one self-contained HTML report (no network, inline SVG charts) of one or more passages: "
      "the passage with its names highlighted, words, people/groups/places, sentences, provenance."};
  histext::cli::common_options common;
  histext::report_options options;
  common.format = "html";
  histext::cli::add_common(app, common, {"html"}, false);
  histext::cli::add_bounded(app, "--top", options.top_words, 1, 1000, "bars in the word-frequency chart");
  histext::cli::add_bounded(app, "--graph-nodes", options.graph_nodes, 1, 500, "entities drawn in the network");
  std::size_t text_kb = options.text_view_bytes / 1024;
  histext::cli::add_bounded(app, "--text-kb", text_kb, 1, 1 << 20,
                            "highlighted text shown, in KB (longer texts are condensed)");
  histext::cli::set_example(app, "histext-report data/bukharin.txt -o report.html");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  options.text_view_bytes = text_kb * 1024;
  if (common.output.empty()) common.output = "report.html";
  std::ostringstream summary;
  int rc =
      histext::cli::with_all_inputs(tool, common, [&](const std::vector<histext::document>& docs, std::ostream& out) {
        std::vector<histext::report_input> inputs;
        std::vector<histext::input_info> infos;
        for (const histext::document& doc : docs) {
          infos.push_back(doc.info());
          inputs.push_back(histext::build_report(doc, options));
        }
        histext::write_report(out, inputs, histext::cli::make_meta(tool, infos, app), options);
        for (const histext::report_input& r : inputs) {
          summary << r.doc.name() << ":\n  top words:";
          for (std::size_t i = 0; i < r.words.words.size() && i < 8; ++i)
            summary << (i ? ", " : " ") << r.words.words[i].word << " " << r.words.words[i].count;
          summary << "\n  people, groups, places:";
          // The main ones: most mentioned first, ties in order of first mention.
          std::vector<const histext::entity*> named;
          for (const histext::entity& e : r.entities)
            if (e.type == histext::entity_type::person || e.type == histext::entity_type::group ||
                e.type == histext::entity_type::place)
              named.push_back(&e);
          std::stable_sort(named.begin(), named.end(), [](const histext::entity* a, const histext::entity* b) {
            return a->mentions.size() > b->mentions.size();
          });
          for (std::size_t i = 0; i < named.size() && i < 8; ++i)
            summary << (i ? ", " : " ") << named[i]->name << " (" << histext::to_string(named[i]->type) << ", "
                    << named[i]->mentions.size() << ")";
          summary << "\n  readability: Flesch reading ease "
                  << histext::format_real(r.sentences.summary.readability.flesch_reading_ease, 1)
                  << ", Flesch-Kincaid grade "
                  << histext::format_real(r.sentences.summary.readability.flesch_kincaid_grade, 1) << "\n";
        }
      });
  if (rc == 0 || !summary.str().empty()) {
    // The page may be on stdout (-o -): the summary then goes to stderr.
    std::ostream& term = common.output == "-" ? std::cerr : std::cout;
    term << summary.str() << (common.output == "-" ? "" : "report: " + common.output + "\n");
  }
  return rc;
}
