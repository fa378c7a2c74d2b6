// Document-level cross-validation of the entity model (histext-train --folds).
#include <random>

#include "histext/error.hpp"
#include "histext/train.hpp"

namespace histext {

span_scores& span_scores::operator+=(const span_scores& o) {
  gold += o.gold, predicted += o.predicted, correct += o.correct;
  for (int t = 0; t < 3; ++t) {
    gold_by_type[t] += o.gold_by_type[t];
    predicted_by_type[t] += o.predicted_by_type[t];
    correct_by_type[t] += o.correct_by_type[t];
  }
  return *this;
}

span_scores cross_validate(const std::vector<annotated_document>& docs, int folds, const train_options& options,
                           bool ocr_test, const std::function<void(int fold, const span_scores&)>& each) {
  if (folds < 2) throw error("cross-validation needs at least 2 folds");
  // Documents go to folds by a seeded shuffle (the raw generator: the same folds everywhere).
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  span_scores pooled;
  for (int f = 0; f < folds; ++f) {
    std::vector<annotated_document> train, test;
    for (std::size_t k = 0; k < order.size(); ++k)
      (static_cast<int>(k % static_cast<std::size_t>(folds)) == f ? test : train).push_back(docs[order[k]]);
    if (ocr_test)
      for (std::size_t k = 0; k < test.size(); ++k) test[k] = with_ocr_damage(test[k], options.seed * 7919u + k);
    const span_scores s = evaluate_model(train_model(train, {}, options), test);
    if (each) each(f + 1, s);
    pooled += s;
  }
  return pooled;
}

}  // namespace histext
