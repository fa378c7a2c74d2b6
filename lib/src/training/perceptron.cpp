// Training the entity model: an averaged structured perceptron (Collins 2002) over BILOU tags,
// with the recogniser's own features and Viterbi decoder, so that training and use cannot drift.
// Single-threaded and seeded: the same documents and options give the same model bytes.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <unordered_map>

#include "analyses/entities/labeller.hpp"
#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/train.hpp"
#include "lexicons/word_stats.hpp"
#include "training/ocr_noise.hpp"

namespace histext {

using namespace entities_detail;

double span_scores::precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
double span_scores::recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
double span_scores::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double span_scores::f1(entity_type type) const {
  const auto t = static_cast<std::size_t>(type);
  if (t >= 3) return 0.0;
  const double p = predicted_by_type[t] ? static_cast<double>(correct_by_type[t]) / predicted_by_type[t] : 0.0;
  const double r = gold_by_type[t] ? static_cast<double>(correct_by_type[t]) / gold_by_type[t] : 0.0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

namespace {

// One sentence ready for training or scoring: features, gold tags, and the byte spans for scoring.
struct example {
  prepared_sentence p;
  std::vector<int> gold;
  std::vector<std::pair<std::size_t, std::size_t>> bytes;  // per token: begin, base_end
  std::vector<annotated_span> gold_spans;                  // the sentence's true spans, for scoring
  std::vector<char> unknown;  // per token: left unlabelled by a source that does not label peoples
  bool learnable = false;     // some token may be a name
};

// A plural word for a people, a nation, a faith or a party: "Americans", "Huguenots", "Whigs".
bool people_word(const std::string& key) {
  const name_lexicon& lex = name_lexicon::instance();
  if (key.size() < 4 || key.back() != 's') return false;
  if (lex.in(name_list::nationality, key)) return true;
  for (std::string stem : {key.substr(0, key.size() - 1), key.substr(0, key.size() - 2)}) {
    const char c = lex.find(stem).proper();
    if (c == 'P' || c == 'g') return true;
  }
  return false;
}

std::vector<example> prepare_documents(const std::vector<annotated_document>& docs, std::uint32_t groups) {
  feature_env env;
  env.lex = &name_lexicon::instance();
  env.groups = groups;
  if (groups & static_cast<std::uint32_t>(feature_group::corpus)) env.stats = &lexicons::word_stats::instance();
  segmenter seg;
  std::vector<example> out;
  for (const annotated_document& d : docs) {
    document doc = document::from_bytes(d.text, d.id);
    segmentation s = seg.run(doc);
    doc_memory memory;
    memory.observe(doc.view(), s);
    env.doc = &memory;
    std::vector<std::string> rules;
    if (groups & static_cast<std::uint32_t>(feature_group::rules)) rules = rule_tags(doc.view(), s);
    std::size_t next_span = 0;
    for (const sentence& sen : s.sentences) {
      std::vector<std::string> sentence_rules;
      if (!rules.empty()) sentence_rules.assign(rules.begin() + sen.first_token, rules.begin() + sen.last_token);
      sentence_features sf(env, doc.view(), s, sen, rules.empty() ? nullptr : &sentence_rules);
      example ex;
      ex.p = prepare(sf);
      const std::size_t n = sf.size();
      for (std::size_t i = 0; i < n; ++i) {
        const token& t = s.tokens[sf.token_index(i)];
        ex.bytes.emplace_back(t.begin, t.base_end);
        ex.learnable |= ex.p.eligible[i] != 0;
      }
      // Gold: each span's tokens, cut into runs of tokens the decoder may tag.
      std::vector<tagged_span> runs;
      while (next_span < d.spans.size() && d.spans[next_span].begin < sen.end) {
        const annotated_span& sp = d.spans[next_span++];
        if (sp.begin < sen.begin) continue;
        ex.gold_spans.push_back(sp);
        std::size_t run_first = n;
        for (std::size_t i = 0; i <= n; ++i) {
          const bool inside = i < n && s.tokens[sf.token_index(i)].begin >= sp.begin &&
                              s.tokens[sf.token_index(i)].begin < sp.end && ex.p.eligible[i];
          if (inside && run_first == n) run_first = i;
          if (!inside && run_first != n) {
            runs.push_back({run_first, i - 1, sp.type});
            run_first = n;
          }
          if (inside && ex.p.eligible[i] == 2) {  // a possessive closes a name
            runs.push_back({run_first, i, sp.type});
            run_first = n;
          }
        }
      }
      ex.gold = tags_of(runs, n);
      // Two of the three sources (UNER, LitBank) leave peoples unlabelled ("the Americans"), GUM
      // labels them as groups. An unlabelled plural people word is therefore unknown, not O: the
      // model is neither taught nor punished there (partial-label training).
      ex.unknown.assign(n, 0);
      for (std::size_t i = 0; i < n; ++i)
        if (ex.gold[i] == tag_o && ex.p.eligible[i] && people_word(sf.key(i))) ex.unknown[i] = 1;
      out.push_back(std::move(ex));
    }
  }
  return out;
}

class trainer {
 public:
  std::vector<float> w;
  std::vector<double> acc;  // sum of c * update, for the average (double: c reaches millions)
  std::vector<float> tw;
  std::vector<double> tacc;
  std::unordered_map<std::uint64_t, std::uint32_t> index;
  std::vector<std::uint64_t> keys;
  double c = 1;

  trainer() : tw((n_tags + 1) * n_tags + n_tags, 0.0f), tacc(tw.size(), 0.0) {}

  std::uint32_t row(std::uint64_t key) {
    auto [it, added] = index.emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (added) {
      keys.push_back(key);
      w.resize(w.size() + n_tags, 0.0f);
      acc.resize(acc.size() + n_tags, 0.0);
    }
    return it->second;
  }
  void bump(std::uint64_t key, int tag, float delta) {
    const std::size_t at = std::size_t{row(key)} * n_tags + static_cast<std::size_t>(tag);
    w[at] += delta;
    acc[at] += c * delta;
  }
  void bump_transition(std::size_t at, float delta) {
    if (std::getenv("HX_FREEZE_T")) return;
    tw[at] += delta;
    tacc[at] += c * delta;
  }
  transitions current() const {
    transitions t;
    t.from.assign(tw.begin(), tw.begin() + (n_tags + 1) * n_tags);
    t.ends.assign(tw.begin() + (n_tags + 1) * n_tags, tw.end());
    return t;
  }
  std::vector<float> scores(const prepared_sentence& p) const {
    const std::size_t n = p.eligible.size();
    std::vector<float> e(n * n_tags, 0.0f);
    for (std::size_t i = 0; i < n; ++i)
      for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) {
        auto it = index.find(p.keys[k]);
        if (it == index.end()) continue;
        const float* r = &w[std::size_t{it->second} * n_tags];
        for (int t = 0; t < n_tags; ++t) e[i * n_tags + t] += r[t];
      }
    return e;
  }
  void learn(const example& ex_in) {
    const std::vector<int> pred = viterbi(scores(ex_in.p), ex_in.p.eligible, current());
    // Unknown tokens take the model's own reading when it is a one-word group or nothing.
    const example* use = &ex_in;
    example patched;
    for (std::size_t i = 0; i < pred.size(); ++i)
      if (ex_in.unknown[i] && pred[i] != ex_in.gold[i] &&
          (pred[i] == tag_o || pred[i] == make_tag(tag_part::unit, entity_type::group))) {
        if (use == &ex_in) patched.p = ex_in.p, patched.gold = ex_in.gold, use = &patched;
        patched.gold[i] = pred[i];
      }
    const example& ex = *use;
    if (pred != ex.gold) {
      const std::size_t n = pred.size();
      for (std::size_t i = 0; i < n; ++i) {
        if (pred[i] != ex.gold[i])
          for (std::uint32_t k = ex.p.offsets[i]; k < ex.p.offsets[i + 1]; ++k) {
            bump(ex.p.keys[k], ex.gold[i], 1.0f);
            bump(ex.p.keys[k], pred[i], -1.0f);
          }
        const int gp = i ? ex.gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
        if (gp != pp || ex.gold[i] != pred[i]) {
          bump_transition(static_cast<std::size_t>((gp + 1) * n_tags + ex.gold[i]), 1.0f);
          bump_transition(static_cast<std::size_t>((pp + 1) * n_tags + pred[i]), -1.0f);
        }
      }
      if (ex.gold[n - 1] != pred[n - 1]) {
        bump_transition(static_cast<std::size_t>((n_tags + 1) * n_tags + ex.gold[n - 1]), 1.0f);
        bump_transition(static_cast<std::size_t>((n_tags + 1) * n_tags + pred[n - 1]), -1.0f);
      }
    }
    c += 1;
  }
  // The averaged model's bytes: pruned, keys sorted so that the file never depends on hash order.
  std::string averaged(std::uint32_t groups, float prune_below, const std::string& notice) const {
    std::vector<std::uint32_t> order(keys.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
    std::vector<std::uint64_t> kept;
    std::vector<float> rows;
    for (auto r : order) {
      float row[n_tags];
      float big = 0;
      for (int t = 0; t < n_tags; ++t) {
        const std::size_t at = std::size_t{r} * n_tags + static_cast<std::size_t>(t);
        row[t] = static_cast<float>(w[at] - acc[at] / c);
        big = std::max(big, std::fabs(row[t]));
      }
      if (big < prune_below) continue;
      kept.push_back(keys[r]);
      rows.insert(rows.end(), row, row + n_tags);
    }
    transitions t;
    for (std::size_t i = 0; i < tw.size(); ++i) {
      const float v = static_cast<float>(tw[i] - tacc[i] / c);
      (i < static_cast<std::size_t>((n_tags + 1) * n_tags) ? t.from : t.ends).push_back(v);
    }
    return model::write(kept, rows, t, groups, notice);
  }
};

span_scores score_examples(const model& m, const std::vector<example>& exs) {
  span_scores sc;
  for (const example& ex : exs) {
    for (const auto& g : ex.gold_spans) ++sc.gold, ++sc.gold_by_type[static_cast<int>(g.type)];
    if (!ex.learnable) continue;
    std::vector<int> tags = viterbi(emissions(m, ex.p), ex.p.eligible, m.trans());
    for (const tagged_span& sp : spans_of(tags)) {
      const std::size_t b = ex.bytes[sp.first].first, e = ex.bytes[sp.last].second;
      const int t = static_cast<int>(sp.type);
      ++sc.predicted, ++sc.predicted_by_type[t];
      for (const auto& g : ex.gold_spans)
        if (g.begin == b && g.end == e && g.type == sp.type) ++sc.correct, ++sc.correct_by_type[t];
    }
  }
  return sc;
}

}  // namespace

std::string train_model(const std::vector<annotated_document>& train, const std::vector<annotated_document>& dev,
                        const train_options& options, const train_progress& progress) {
  if (options.epochs < 1) throw error("training needs at least one epoch");
  std::vector<annotated_document> docs = train;
  if (options.ocr_noise) {
    // A damaged copy of every document: the model meets long s, broken words and capital lines.
    for (std::size_t i = 0; i < train.size(); ++i)
      docs.push_back(training::add_ocr_noise(train[i], options.seed * 1000003u + i));
  }
  std::vector<example> exs = prepare_documents(docs, options.feature_groups);
  std::erase_if(exs, [](const example& e) { return !e.learnable; });
  std::vector<example> held_out;
  if (!dev.empty()) held_out = prepare_documents(dev, options.feature_groups);
  trainer tr;
  std::mt19937_64 rng(options.seed);
  std::vector<std::size_t> order(exs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::string bytes;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with the raw generator: the same order with every standard library.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    for (std::size_t i : order) tr.learn(exs[i]);
    if (progress) {
      if (!held_out.empty()) {
        bytes = tr.averaged(options.feature_groups, options.prune_below, options.notice);
        span_scores sc = score_examples(*model::parse(bytes, "model"), held_out);
        progress(epoch, &sc);
      } else {
        progress(epoch, nullptr);
      }
    }
  }
  return tr.averaged(options.feature_groups, options.prune_below, options.notice);
}

span_scores evaluate_model(const std::string& model_bytes, const std::vector<annotated_document>& docs) {
  auto m = model::parse(model_bytes, "model");
  return score_examples(*m, prepare_documents(docs, m->feature_groups()));
}

}  // namespace histext
