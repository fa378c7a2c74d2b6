#pragma once
/// @file train.hpp  Training the entity recogniser (histext-train): annotated documents in the
/// standoff layout of ../shared/train (texts/<id>.txt plus mentions.tsv with byte offsets), an
/// averaged structured perceptron over BILOU tags, and the model file histext-entities loads.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "histext/entities.hpp"

namespace histext {

/// One labelled name: bytes [begin, end) of its document's text, of type person, group or place.
struct annotated_span {
  std::size_t begin = 0, end = 0;
  entity_type type = entity_type::person;
};

/// One training document: its text and its flat (non-nested) labelled names, sorted by begin.
struct annotated_document {
  std::string id;    ///< the file name without .txt
  std::string text;  ///< the exact bytes of texts/<id>.txt
  std::vector<annotated_span> spans;
  /// The collection the document belongs to (histext-train: the name of its folder, "gum"); empty
  /// for none. Training gives each collection its own copy of the features (train_options::target_source).
  std::string source;
};

/// Reads DIR/texts/*.txt and DIR/mentions.tsv (header "doc_id begin end label text nested"; label
/// PER, GRP or LOC; rows with nested=1 are skipped). Documents come sorted by id. Throws
/// histext::error naming the file and line on a malformed row, an offset outside the text or a
/// span whose bytes differ from its `text` column.
std::vector<annotated_document> read_annotations(const std::string& dir);

/// The feature groups of the recogniser, added one at a time for the README's ablation.
enum class feature_group : std::uint8_t {
  words = 1,     ///< the token and its neighbours, lower-cased
  shape = 2,     ///< shape, prefixes and suffixes, sentence position, block kind, all-capital context
  lexicons = 4,  ///< WordNet classes, given names, titles, nationalities, organisation heads, place words
  document = 8,  ///< the same word elsewhere in the document: capitalised mid-sentence, in lower case
  corpus = 16,   ///< statistics of unlabelled historical English: capitalisation rate, word clusters
  rules = 32,    ///< the rule cascade's reading of the span, as a feature
  history = 64,  ///< how the model read the same word earlier in the document (prediction history)
};
/// Every feature group.
inline constexpr std::uint32_t all_feature_groups = 127;

/// Options of a training run.
struct train_options {
  int epochs = 8;          ///< passes over the training documents
  std::uint64_t seed = 1;  ///< shuffles the document order of each epoch
  /// Perceptrons trained on different document orders, whose weights are averaged into the model.
  int bags = 15;
  std::uint32_t feature_groups = all_feature_groups;  ///< a bit set of feature_group
  /// Also train on a copy of every document with synthetic OCR damage (long s as f, broken words,
  /// letter confusions, capital lines), generated from `seed`.
  bool ocr_noise = true;
  /// Share of the documents (0 to 1) that also get a damaged copy when `ocr_noise` is on: the
  /// noise costs some accuracy on clean text, a share keeps OCR'd text covered at less cost.
  double ocr_noise_share = 0.3;
  /// The collection (annotated_document::source) whose naming conventions the model should follow.
  /// When set, every collection gets its own copy of each feature besides the shared one, and the
  /// written model is the shared weights plus `target_weight` times this collection's copy. Empty:
  /// one set of weights for all documents.
  std::string target_source;
  /// Weight of the target collection's copy in the written model (0: shared weights only).
  float target_weight = 0.5f;
  /// The target collection's documents are seen this many times per epoch.
  int target_repeat = 2;
  /// Each feature also has a weight per entity type and per part of a name (B, I, L, U), shared by
  /// the tags of that type or part: multi-word tags, rare in the data, borrow strength.
  bool tag_parts = true;
  /// Features seen in fewer training tokens than this get no weight.
  int min_feature_count = 2;
  /// Features whose averaged weights are all smaller in magnitude than this share of the largest
  /// weight are pruned (0: none). 0.03 halves the shipped model, 3.5 MB to 1.8 MB, at the same
  /// ner-dev score, and a smaller file is faster to start.
  float prune_share = 0.03f;
  /// Kept in the model file: its licence and the attribution its training data requires.
  std::string notice;
};

/// Scores of one evaluation: mention-level exact-span precision, recall and F1, overall and by type.
struct span_scores {
  std::size_t gold = 0, predicted = 0, correct = 0;
  std::size_t gold_by_type[3] = {}, predicted_by_type[3] = {}, correct_by_type[3] = {};  ///< person, group, place
  double precision() const;
  double recall() const;
  double f1() const;
  double f1(entity_type type) const;
  /// Adds another evaluation's counts (pooling folds).
  span_scores& operator+=(const span_scores& other);
};

/// Called after each epoch with its number (counted on over the bags: 1 to bags x epochs) and, when there are held-out
/// documents, their scores.
using train_progress = std::function<void(int epoch, const span_scores* held_out)>;

/// Trains a model on `train` (held-out scores on `dev` after each epoch when it is not empty) and
/// returns the model file's bytes. Deterministic: the same documents and options give the same bytes.
std::string train_model(const std::vector<annotated_document>& train, const std::vector<annotated_document>& dev,
                        const train_options& options, const train_progress& progress = {});

/// A copy of `doc` with synthetic OCR damage drawn from `seed` (long s read as f, words broken at
/// line ends, letter confusions, lines in capitals), its spans moved to follow their names: what
/// training adds for robustness, and what `histext-train --folds N --ocr-test` scores on.
annotated_document with_ocr_damage(const annotated_document& doc, std::uint64_t seed);

/// Document-level cross-validation: the documents are shuffled with options.seed and dealt into
/// `folds` folds (≥ 2); each fold is scored by a model trained on the others (on a copy with OCR
/// damage when `ocr_test`). `each` (may be empty) is called with each fold's number (1-based) and
/// scores; returns the pooled scores. Deterministic.
span_scores cross_validate(const std::vector<annotated_document>& docs, int folds, const train_options& options,
                           bool ocr_test = false, const std::function<void(int fold, const span_scores&)>& each = {});

/// Scores a model (the bytes train_model returned) on annotated documents.
span_scores evaluate_model(const std::string& model_bytes, const std::vector<annotated_document>& docs);

}  // namespace histext
