// histext-train: trains the entity recogniser on texts with standoff name annotations.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli.hpp"
#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/train.hpp"

namespace {

const char* default_notice =
    "histext entity model. Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).\n"
    "Trained on: LitBank (https://github.com/dbamman/litbank), CC BY 4.0, David Bamman, Sejal Popat and Sheng "
    "Shen (2019), David Bamman, Olivia Lewke and Anya Mansoor (2020); GUM (https://github.com/amir-zeldes/gum), "
    "annotations CC BY 4.0, texts CC BY 2.5 / CC BY 4.0 / CC BY-SA 3.0, Amir Zeldes and contributors; UNER "
    "English-EWT (Universal NER), CC BY-SA 4.0. Converted to PER/GRP/LOC name spans (see ../shared/train/README.md).\n";

std::string line_of(const histext::span_scores& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "P %.3f R %.3f F1 %.3f (person %.3f, group %.3f, place %.3f; %zu gold names)",
                s.precision(), s.recall(), s.f1(), s.f1(histext::entity_type::person),
                s.f1(histext::entity_type::group), s.f1(histext::entity_type::place), s.gold);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string tool = "histext-train";
  CLI::App app{"Train the entity recogniser on texts with name annotations (DIR/texts/*.txt and DIR/mentions.tsv)."};
  std::vector<std::string> dirs, dev_dirs;
  std::string output, features = "all";
  int folds = 0;
  histext::train_options options;
  bool no_ocr = false;
  app.add_option("DIR", dirs, "folders of annotated texts: texts/<id>.txt and mentions.tsv (see docs/training.md)")
      ->required();
  app.add_option("-o,--output", output, "write the model here (a model is written only when this is given)");
  app.add_option("--dev", dev_dirs, "held-out folders: scored after every epoch");
  histext::cli::add_bounded(app, "--folds", folds, 0, 100,
                            "cross-validate over N folds of documents first and print the scores (0: none)");
  histext::cli::add_bounded(app, "--epochs", options.epochs, 1, 100, "passes over the training documents");
  histext::cli::add_bounded(app, "--bags", options.bags, 1, 20,
                            "perceptrons trained on different document orders, their weights averaged");
  app.add_option("--seed", options.seed, "seed of the document order and the synthetic OCR damage");
  app.add_option("--features", features,
                 "feature groups, comma-separated: words,shape,lexicons,document,corpus,rules,history (default: all)");
  app.add_option("--prune", options.prune_share,
                 "features whose averaged weights are all smaller than this share of the largest weight are left out "
                 "of the model")
      ->capture_default_str();
  bool ocr_test = false;
  app.add_flag("--ocr-test", ocr_test,
               "with --folds: score each held-out fold on a copy with synthetic OCR damage (long s, broken words...)");
  app.add_flag("--no-ocr-noise", no_ocr, "do not add damaged copies of documents with synthetic OCR damage");
  app.add_option("--ocr-noise-share", options.ocr_noise_share,
                 "share of the documents that also get a copy with synthetic OCR damage")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  options.target_source = "gum";
  app.add_option("--target", options.target_source,
                 "the folder name whose naming conventions the model follows (its own copy of the features is "
                 "added to the shared ones; \"\": no copies)")
      ->capture_default_str();
  app.add_option("--target-weight", options.target_weight, "weight of the target folder's copy of the features")
      ->check(CLI::Range(0.0f, 10.0f))
      ->capture_default_str();
  histext::cli::add_bounded(app, "--target-repeat", options.target_repeat, 1, 10,
                            "passes over the target folder's documents per epoch");
  bool no_tag_parts = false;
  app.add_flag("--no-tag-parts", no_tag_parts, "no weights shared by the tags of one type or one part of a name");
  histext::cli::add_bounded(app, "--min-count", options.min_feature_count, 1, 1000,
                            "features seen in fewer training tokens get no weight");
  histext::cli::set_example(app,
                            "histext-train ../shared/train/litbank ../shared/train/gum ../shared/train/uner_ewt "
                            "-o data/entities.model");
  if (int rc = histext::cli::parse(app, argc, argv); rc >= 0) return rc;
  options.ocr_noise = !no_ocr;
  options.tag_parts = !no_tag_parts;
  options.notice = default_notice;
  if (features != "all") {
    options.feature_groups = 0;
    std::stringstream ss(features);
    std::string f;
    const std::pair<const char*, histext::feature_group> names[] = {
        {"words", histext::feature_group::words},       {"shape", histext::feature_group::shape},
        {"lexicons", histext::feature_group::lexicons}, {"document", histext::feature_group::document},
        {"corpus", histext::feature_group::corpus},     {"rules", histext::feature_group::rules},
        {"history", histext::feature_group::history}};
    while (std::getline(ss, f, ',')) {
      bool known = false;
      for (auto [n, g] : names)
        if (f == n) options.feature_groups |= static_cast<std::uint32_t>(g), known = true;
      if (!known) {
        histext::cli::report(
            tool, "--features: unknown group '" + f + "' (expected words, shape, lexicons, document, corpus or rules)");
        return 2;
      }
    }
  }
  if (output.empty() && folds < 2) {
    histext::cli::report(tool, "nothing to do: give -o MODEL, --folds N, or both");
    return 2;
  }
  try {
    auto read_all = [&](const std::vector<std::string>& ds) {
      std::vector<histext::annotated_document> docs;
      for (const auto& d : ds) {
        auto part = histext::read_annotations(d);
        // The collection is the folder's name ("../shared/train/gum/" -> "gum").
        std::filesystem::path p = std::filesystem::path(d).lexically_normal();
        if (p.filename().empty()) p = p.parent_path();
        for (auto& doc : part) {
          doc.source = p.filename().string();
          docs.push_back(std::move(doc));
        }
      }
      return docs;
    };
    const auto started = std::chrono::steady_clock::now();
    std::vector<histext::annotated_document> train = read_all(dirs), dev = read_all(dev_dirs);
    std::size_t names = 0;
    for (const auto& d : train) names += d.spans.size();
    std::fprintf(stderr, "%s: %zu documents, %zu names\n", tool.c_str(), train.size(), names);
    if (folds >= 2) {
      const histext::span_scores pooled =
          histext::cross_validate(train, folds, options, ocr_test, [&](int f, const histext::span_scores& s) {
            std::printf("fold %d/%d: %s\n", f, folds, line_of(s).c_str());
            std::fflush(stdout);
          });
      std::printf("cross-validated (%d folds, features %s%s): %s\n", folds, features.c_str(),
                  ocr_test ? ", held-out folds with OCR damage" : "", line_of(pooled).c_str());
      std::fflush(stdout);
    }
    if (!output.empty()) {
      std::string model = histext::train_model(train, dev, options, [&](int epoch, const histext::span_scores* s) {
        std::fprintf(stderr, "%s: epoch %d/%d%s%s\n", tool.c_str(), epoch, options.epochs * options.bags,
                     s ? ": held-out " : "", s ? line_of(*s).c_str() : "");
      });
      histext::cli::common_options o;
      o.output = output;
      histext::cli::output out(o);
      out.write(model);
      out.commit();
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::fprintf(stderr, "%s: wrote %s (%zu bytes, sha256 %s) in %.1f s\n", tool.c_str(), output.c_str(),
                   model.size(), histext::sha256_hex(model).c_str(), secs);
    }
  } catch (const histext::error& e) {
    histext::cli::report(tool, e.what());
    return 1;
  }
  return 0;
}
