// Training the entity model: an averaged structured perceptron (Collins 2002) over BILOU tags,
// with the recogniser's own features and Viterbi decoder, so that training and use cannot drift.
// Single-threaded and seeded: the same documents and options give the same model bytes.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "analyses/entities/labeller.hpp"
#include "analyses/entities/word_facts.hpp"
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
  std::vector<char> unknown;       // per token: left unlabelled by a source that does not label peoples
  int domain = -1;                 // the source's own copy of the features (-1: none)
  bool learnable = false;          // some token may be a name
  std::size_t doc = 0;             // the document's place among those prepared together
  std::vector<std::string> words;  // per token: its folded key (with prediction history only)
};

bool has_history(std::uint32_t groups) { return (groups & static_cast<std::uint32_t>(feature_group::history)) != 0; }

// `ex`'s features rebuilt token by token: the keys for which keep(key) holds, then what
// add(i, out) appends for token i.
template <class Keep, class Add>
prepared_sentence rebuilt(const example& ex, Keep&& keep, Add&& add) {
  prepared_sentence q;
  q.eligible = ex.p.eligible;
  const std::size_t n = ex.p.eligible.size();
  q.offsets.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    q.offsets[i] = static_cast<std::uint32_t>(q.keys.size());
    for (std::uint32_t k = ex.p.offsets[i]; k < ex.p.offsets[i + 1]; ++k)
      if (keep(ex.p.keys[k])) q.keys.push_back(ex.p.keys[k]);
    add(i, q.keys);
  }
  q.offsets[n] = static_cast<std::uint32_t>(q.keys.size());
  return q;
}

// The features of `ex` for which keep(key) holds.
template <class Keep>
prepared_sentence filtered(const example& ex, Keep&& keep) {
  return rebuilt(ex, keep, [](std::size_t, std::vector<std::uint64_t>&) {});
}

// `ex`'s features with the prediction-history features of `history` added to its eligible tokens
// (what sentence_features gives the labeller from its own history).
prepared_sentence with_history(const example& ex, const label_history& history) {
  const std::size_t n = ex.p.eligible.size();
  return rebuilt(
      ex, [](std::uint64_t) { return true; },
      [&](std::size_t i, std::vector<std::uint64_t>& out) {
        if (!ex.p.eligible[i]) return;
        visit_history(history, ex.words[i], i > 0 ? &ex.words[i - 1] : nullptr, i + 1 < n ? &ex.words[i + 1] : nullptr,
                      [&](feat f, std::string_view v) { out.push_back(feature_key(f, v)); });
      });
}

void record(label_history& history, const example& ex, const std::vector<int>& tags) {
  for (std::size_t i = 0; i < tags.size(); ++i) history.record(ex.words[i], ex.p.eligible[i], tags[i]);
}

// A plural word for a people, a nation, a faith or a party: "Americans", "Huguenots", "Whigs".
bool people_word(const std::string& key) {
  const name_lexicon& lex = name_lexicon::instance();
  if (key.size() < 4 || key.back() != 's') return false;
  if (lex.in(name_list::nationality, key)) return true;
  // Looser than singular_forms (any -s word loses one or two letters): the shipped model was
  // trained with this reading of the training data's unlabelled peoples.
  for (std::string stem : {key.substr(0, key.size() - 1), key.substr(0, key.size() - 2)}) {
    const char c = lex.find(stem).proper();
    if (c == 'P' || c == 'g') return true;
  }
  return false;
}

// `domains` (may be null): the domain of each source name; other documents have none.
std::vector<example> prepare_documents(const std::vector<annotated_document>& docs, std::uint32_t groups,
                                       const std::map<std::string, int>* domains) {
  feature_env env;
  env.lex = &name_lexicon::instance();
  env.groups = groups;
  if (groups & static_cast<std::uint32_t>(feature_group::corpus)) env.stats = &lexicons::word_stats::instance();
  segmenter seg;
  std::vector<example> out;
  for (std::size_t doc_index = 0; doc_index < docs.size(); ++doc_index) {
    const annotated_document& d = docs[doc_index];
    document doc = document::from_bytes(d.text, d.id);
    segmentation s = seg.run(doc);
    doc_memory memory;
    memory.observe(doc.view(), s);
    env.doc = &memory;
    word_facts_cache facts(*env.lex, env.stats);  // the same memo as histext-entities uses
    env.facts = &facts;
    std::vector<std::string> rules;
    if (groups & static_cast<std::uint32_t>(feature_group::rules)) rules = rule_tags(doc.view(), s, &facts);
    std::size_t next_span = 0;
    for (const sentence& sen : s.sentences) {
      sentence_features sf(env, doc.view(), s, sen, rules.empty() ? nullptr : &rules);
      example ex;
      ex.p = prepare(sf);
      ex.doc = doc_index;
      if (has_history(groups))
        for (std::size_t i = 0; i < sf.size(); ++i) ex.words.push_back(sf.key(i));
      if (domains)
        if (auto it = domains->find(d.source); it != domains->end()) ex.domain = it->second;
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
          // A person's name never holds "and" or "for" (code 5): the gold is cut there too.
          const bool inside = i < n && s.tokens[sf.token_index(i)].begin >= sp.begin &&
                              s.tokens[sf.token_index(i)].begin < sp.end && ex.p.eligible[i] &&
                              !(ex.p.eligible[i] == 5 && sp.type == entity_type::person);
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
      // The decoder's constraints hold for the gold reading too: a run neither begins on a token
      // that may only be inside a name nor ends on one that may not end it.
      auto can_begin = [&](std::size_t i) {
        return ex.p.eligible[i] == 1 || ex.p.eligible[i] == 2 || ex.p.eligible[i] == 4;
      };
      auto can_end = [&](std::size_t i) { return ex.p.eligible[i] == 1 || ex.p.eligible[i] == 2; };
      std::vector<tagged_span> kept;
      for (tagged_span r : runs) {
        while (r.first < r.last && !can_begin(r.first)) ++r.first;
        while (r.last > r.first && !can_end(r.last)) --r.last;
        if (r.first == r.last ? can_end(r.first) : can_begin(r.first) && can_end(r.last)) kept.push_back(r);
      }
      runs = std::move(kept);
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

// A feature's copy for one source of training data (domain adaptation by feature copies, Daume 2007).
std::uint64_t domain_key(std::uint64_t key, int domain) {
  std::uint64_t k = key ^ (0x9e3779b97f4a7c15ull * static_cast<std::uint64_t>(domain + 1));
  k ^= k >> 31;
  k *= 0xbf58476d1ce4e5b9ull;
  return k ^ (k >> 29);
}

// One perceptron's averaged weights: sorted keys, n_tags weights per key, then the transitions
// in the layout of model::write.
struct bag_weights {
  std::vector<std::uint64_t> keys;
  std::vector<float> rows;
  std::vector<float> trans;
};

class trainer {
 public:
  float target_weight = 1;
  int target = -1;  // the domain whose copy is added to the shared weights in the written model
  std::vector<float> w;
  std::vector<double> acc;  // sum of c * update, for the average (double: c reaches millions)
  std::vector<float> tw;
  std::vector<double> tacc;
  std::unordered_map<std::uint64_t, std::uint32_t> index;
  std::vector<std::uint64_t> keys;
  double c = 1;

  // Columns of a feature's row: one per tag, then one per entity type (3) and one per part of a
  // name (B, I, L, U, 4). With `decompose`, a tag's weight is the sum of its own column and those
  // of its type and its part, so that what is learnt for "L-place" also teaches "place" and "L":
  // rare tags borrow strength from their type and part. The written model holds the sums.
  static constexpr int width = n_tags + 7;
  bool decompose = false;
  int columns(int tag, int out[3]) const {
    out[0] = tag;
    if (!decompose || tag == tag_o) return 1;
    out[1] = n_tags + static_cast<int>(type_of(tag));
    out[2] = n_tags + 3 + static_cast<int>(part_of(tag)) - 1;
    return 3;
  }

  trainer() : tw((n_tags + 1) * n_tags + n_tags, 0.0f), tacc(tw.size(), 0.0) {}

  std::uint32_t row(std::uint64_t key) {
    auto [it, added] = index.emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (added) {
      keys.push_back(key);
      w.resize(w.size() + width, 0.0f);
      acc.resize(acc.size() + width, 0.0);
    }
    return it->second;
  }
  void bump(std::uint64_t key, int tag, float delta) {
    const std::size_t r = std::size_t{row(key)} * width;
    int cols[3];
    for (int k = 0, m = columns(tag, cols); k < m; ++k) {
      w[r + static_cast<std::size_t>(cols[k])] += delta;
      acc[r + static_cast<std::size_t>(cols[k])] += c * delta;
    }
  }
  void bump_transition(std::size_t at, float delta) {
    tw[at] += delta;
    tacc[at] += c * delta;
  }
  transitions current() const {
    transitions t;
    t.from.assign(tw.begin(), tw.begin() + (n_tags + 1) * n_tags);
    t.ends.assign(tw.begin() + (n_tags + 1) * n_tags, tw.end());
    return t;
  }
  std::vector<float> scores(const prepared_sentence& p, int domain) const {
    const std::size_t n = p.eligible.size();
    std::vector<float> e(n * n_tags, 0.0f);
    auto add = [&](std::size_t i, std::uint64_t key) {
      auto it = index.find(key);
      if (it == index.end()) return;
      const float* r = &w[std::size_t{it->second} * width];
      int cols[3];
      for (int t = 0; t < n_tags; ++t)
        for (int k = 0, m = columns(t, cols); k < m; ++k) e[i * n_tags + t] += r[cols[k]];
    };
    for (std::size_t i = 0; i < n; ++i)
      for (std::uint32_t k = p.offsets[i]; k < p.offsets[i + 1]; ++k) {
        add(i, p.keys[k]);
        if (domain >= 0) add(i, domain_key(p.keys[k], domain));
      }
    return e;
  }
  // Learns from one sentence with features `feats` (ex_in.p, or with history added); returns the
  // reading the model gave it before the update.
  std::vector<int> learn(const example& ex_in, const prepared_sentence& feats) {
    const std::vector<int> pred = viterbi(scores(feats, ex_in.domain), ex_in.p.eligible, current());
    // Unknown tokens take the model's own reading when it is a one-word group or nothing.
    const example* use = &ex_in;
    example patched;
    for (std::size_t i = 0; i < pred.size(); ++i)
      if (ex_in.unknown[i] && pred[i] != ex_in.gold[i] &&
          (pred[i] == tag_o || pred[i] == make_tag(tag_part::unit, entity_type::group))) {
        if (use == &ex_in) patched.gold = ex_in.gold, use = &patched;
        patched.gold[i] = pred[i];
      }
    const example& ex = *use;
    if (pred != ex.gold) {
      const std::size_t n = pred.size();
      for (std::size_t i = 0; i < n; ++i) {
        if (pred[i] != ex.gold[i])
          for (std::uint32_t k = feats.offsets[i]; k < feats.offsets[i + 1]; ++k) {
            bump(feats.keys[k], ex.gold[i], 1.0f);
            bump(feats.keys[k], pred[i], -1.0f);
            if (ex_in.domain >= 0) {
              copies.insert(domain_key(feats.keys[k], ex_in.domain));
              bump(domain_key(feats.keys[k], ex_in.domain), ex.gold[i], 1.0f);
              bump(domain_key(feats.keys[k], ex_in.domain), pred[i], -1.0f);
            }
          }
      }
      visit_transitions(ex.gold, ex_in.p.eligible, [&](std::size_t at) { bump_transition(at, 1.0f); });
      visit_transitions(pred, ex_in.p.eligible, [&](std::size_t at) { bump_transition(at, -1.0f); });
    }
    c += 1;
    return pred;
  }
  // The averaged weights, keys sorted so that the file never depends on hash order (not pruned:
  // a bag's weights are pruned only once they are merged with the others').
  std::unordered_set<std::uint64_t> copies;  // the keys of the sources' own copies of features
  bag_weights averaged() const {
    std::vector<std::uint32_t> order(keys.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
    bag_weights out;
    for (auto r : order) {
      if (copies.count(keys[r])) continue;  // a source's copy: added to the shared feature below
      const auto copy = target >= 0 ? index.find(domain_key(keys[r], target)) : index.end();
      auto average = [&](std::uint32_t at_row, int tag) {
        int cols[3];
        double v = 0;
        for (int k = 0, m = columns(tag, cols); k < m; ++k) {
          const std::size_t at = std::size_t{at_row} * width + static_cast<std::size_t>(cols[k]);
          v += w[at] - acc[at] / c;
        }
        return static_cast<float>(v);
      };
      out.keys.push_back(keys[r]);
      for (int t = 0; t < n_tags; ++t) {
        float v = average(r, t);
        if (copy != index.end()) v += target_weight * average(copy->second, t);
        out.rows.push_back(v);
      }
    }
    for (std::size_t i = 0; i < tw.size(); ++i) out.trans.push_back(static_cast<float>(tw[i] - tacc[i] / c));
    return out;
  }
};

// The model's bytes from the weights of one or more bags: each feature's row (and each transition)
// is the mean over the bags, a feature a bag never saw counting as zero there; rows whose weights
// are all smaller than `prune_share` times the largest weight are dropped.
std::string merged_model(const std::vector<bag_weights>& bags, std::uint32_t groups, float prune_share,
                         const std::string& notice) {
  const float share = 1.0f / static_cast<float>(bags.size());
  std::vector<std::size_t> at(bags.size(), 0);
  std::vector<std::uint64_t> kept;
  std::vector<float> rows;
  for (;;) {
    // The smallest key not yet merged (every bag's keys are sorted).
    bool any = false;
    std::uint64_t key = 0;
    for (std::size_t b = 0; b < bags.size(); ++b)
      if (at[b] < bags[b].keys.size() && (!any || bags[b].keys[at[b]] < key)) key = bags[b].keys[at[b]], any = true;
    if (!any) break;
    float row[n_tags] = {};
    for (std::size_t b = 0; b < bags.size(); ++b)
      if (at[b] < bags[b].keys.size() && bags[b].keys[at[b]] == key) {
        for (int t = 0; t < n_tags; ++t) row[t] += share * bags[b].rows[at[b] * n_tags + static_cast<std::size_t>(t)];
        ++at[b];
      }
    kept.push_back(key);
    rows.insert(rows.end(), row, row + n_tags);
  }
  // The bar is relative: weights count updates, so their scale grows with the training data.
  float largest = 0;
  for (float v : rows) largest = std::max(largest, std::fabs(v));
  const float bar = prune_share * largest;
  std::size_t out = 0;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    float big = 0;
    for (int t = 0; t < n_tags; ++t) big = std::max(big, std::fabs(rows[k * n_tags + static_cast<std::size_t>(t)]));
    if (big < bar) continue;
    kept[out] = kept[k];
    std::copy_n(rows.begin() + static_cast<std::ptrdiff_t>(k * n_tags), n_tags,
                rows.begin() + static_cast<std::ptrdiff_t>(out * n_tags));
    ++out;
  }
  kept.resize(out);
  rows.resize(out * n_tags);
  transitions t;
  const std::size_t n_from = static_cast<std::size_t>((n_tags + 1) * n_tags);
  for (std::size_t i = 0; i < bags.front().trans.size(); ++i) {
    float v = 0;
    for (const bag_weights& b : bags) v += share * b.trans[i];
    (i < n_from ? t.from : t.ends).push_back(v);
  }
  return model::write(kept, rows, t, groups, notice);
}

span_scores score_examples(const model& m, const std::vector<example>& exs) {
  span_scores sc;
  const bool history = has_history(m.feature_groups());
  label_history h;
  for (std::size_t x = 0; x < exs.size(); ++x) {
    const example& ex = exs[x];
    if (history && x > 0 && ex.doc != exs[x - 1].doc) h = label_history();
    for (const auto& g : ex.gold_spans) ++sc.gold, ++sc.gold_by_type[static_cast<int>(g.type)];
    if (!ex.learnable) continue;
    const prepared_sentence feats = history ? with_history(ex, h) : ex.p;
    std::vector<int> tags = viterbi(emissions(m, feats), ex.p.eligible, m.trans());
    if (history) record(h, ex, tags);
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
  if (options.ocr_noise_share < 0 || options.ocr_noise_share > 1) throw error("ocr_noise_share must be in [0, 1]");
  if (options.target_repeat < 1) throw error("target_repeat must be at least 1");
  if (options.bags < 1) throw error("training needs at least one bag");
  std::vector<annotated_document> docs;
  for (const annotated_document& d : train)
    for (int k = 0;
         k < (!options.target_source.empty() && d.source == options.target_source ? options.target_repeat : 1); ++k)
      docs.push_back(d);
  if (options.ocr_noise) {
    // A damaged copy of a share of the documents: the model meets long s, broken words and
    // capital lines. The share is drawn by a fixed hash of the document's place, not by chance.
    const std::size_t n = docs.size();
    for (std::size_t i = 0; i < n; ++i)
      if (static_cast<double>((i * 2654435761u) % 1000) < options.ocr_noise_share * 1000)
        docs.push_back(training::add_ocr_noise(docs[i], options.seed * 1000003u + i));
  }
  // Domains: every named source has its own copy of the features (sorted names: deterministic).
  std::map<std::string, int> domains;
  if (!options.target_source.empty()) {
    for (const annotated_document& d : docs)
      if (!d.source.empty()) domains.emplace(d.source, 0);
    int next = 0;
    for (auto& [name, id] : domains) id = next++;
  }
  std::vector<example> exs = prepare_documents(docs, options.feature_groups, &domains);
  std::erase_if(exs, [](const example& e) { return !e.learnable; });
  if (options.min_feature_count > 1) {
    // Features seen fewer times than this get no weight: rare words and word pairs otherwise take
    // large weights from the few sentences they are in.
    std::unordered_map<std::uint64_t, std::uint32_t> counts;
    for (const example& ex : exs)
      for (std::uint64_t k : ex.p.keys) ++counts[k];
    const auto min = static_cast<std::uint32_t>(options.min_feature_count);
    for (example& ex : exs) ex.p = filtered(ex, [&](std::uint64_t k) { return counts[k] >= min; });
  }
  std::vector<example> held_out;
  if (!dev.empty()) held_out = prepare_documents(dev, options.feature_groups, nullptr);
  // With prediction history, documents are read in order (the history of a sentence is what the
  // model read before it); otherwise sentences are shuffled across documents.
  const bool history = has_history(options.feature_groups);
  std::vector<std::vector<std::size_t>> by_doc;
  for (std::size_t i = 0; i < exs.size(); ++i) {
    if (i == 0 || exs[i].doc != exs[i - 1].doc) by_doc.emplace_back();
    by_doc.back().push_back(i);
  }
  // Bagging over document orders: each bag is a perceptron that meets the documents in its own
  // order (seeded from `seed` and the bag's number); the model is the mean of their averaged
  // weights. One perceptron's weights depend on the order it was shown the data, and borderline
  // names flip between retrains; the mean of a few is steadier, and a little better.
  std::vector<bag_weights> bags;
  std::string bytes;
  for (int bag = 0; bag < options.bags; ++bag) {
    trainer tr;
    tr.decompose = options.tag_parts;
    if (!domains.empty()) {
      // Frustratingly easy domain adaptation (Daume 2007): each source's own copy of the features
      // takes its conventions (UNER and LitBank leave peoples unlabelled, GUM's countries act as
      // groups...), the shared weights what the sources agree on. The written model is the shared
      // weights plus a share of the target source's copy.
      if (auto t = domains.find(options.target_source); t != domains.end()) tr.target = t->second;
      tr.target_weight = options.target_weight;
    }
    std::mt19937_64 rng(options.seed + 7919u * static_cast<std::uint64_t>(bag));
    std::vector<std::size_t> order(history ? by_doc.size() : exs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      // Fisher-Yates with the raw generator: the same order with every standard library.
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      for (std::size_t i : order) {
        if (!history) {
          tr.learn(exs[i], exs[i].p);
          continue;
        }
        label_history h;
        for (std::size_t e : by_doc[i]) record(h, exs[e], tr.learn(exs[e], with_history(exs[e], h)));
      }
      if (!progress) continue;
      const int step = bag * options.epochs + epoch;
      if (held_out.empty()) {
        progress(step, nullptr);
        continue;
      }
      // Held-out scores of the bags so far, the current one as it stands.
      bags.push_back(tr.averaged());
      bytes = merged_model(bags, options.feature_groups, options.prune_share, options.notice);
      bags.pop_back();
      span_scores sc = score_examples(*model::parse(bytes, "model"), held_out);
      progress(step, &sc);
    }
    bags.push_back(tr.averaged());
  }
  return merged_model(bags, options.feature_groups, options.prune_share, options.notice);
}

annotated_document with_ocr_damage(const annotated_document& doc, std::uint64_t seed) {
  return training::add_ocr_noise(doc, seed);
}

span_scores evaluate_model(const std::string& model_bytes, const std::vector<annotated_document>& docs) {
  auto m = model::parse(model_bytes, "model");
  return score_examples(*m, prepare_documents(docs, m->feature_groups(), nullptr));
}

}  // namespace histext
