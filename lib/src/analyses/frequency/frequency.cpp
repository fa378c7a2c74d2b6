// The frequency_counter façade: chunks are counted in parallel (counting.cpp), their tables merged
// in input order, and the result assembled from the merged tables.
#include "histext/frequency.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <future>
#include <limits>
#include <map>
#include <optional>
#include <thread>

#include "analyses/frequency/collocation_stats.hpp"
#include "analyses/frequency/count_table.hpp"
#include "analyses/frequency/counting.hpp"
#include "analyses/frequency/lexical_stats.hpp"
#include "analyses/frequency/ordered_pipeline.hpp"
#include "analyses/frequency/results.hpp"
#include "common/utf8.hpp"
#include "histext/concordance.hpp"
#include "histext/error.hpp"
#include "input/chunk_reader.hpp"

namespace histext {

using namespace freq;

namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

}  // namespace

struct frequency_counter::impl {
  counting_rules rules;
  std::vector<std::unique_ptr<count_table>> tables;
  std::unique_ptr<worker> main_worker;

  explicit impl(const freq_options& o) {
    freq_options& options = rules.options;
    options = o;
    rules.stops = stopword_list::from_spec(o.stopwords);
    for (const std::string& file : options.add_stopwords) rules.stops.add_file(file);
    if (options.ngram < 1 || options.ngram > 5) throw error("--ngrams must be between 1 and 5");
    if (options.window < 1) throw error("--window must be at least 1");
    if (options.mattr_window < 1) throw error("the MATTR window must be at least 1");
    if (options.threads == 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
    if (options.form == word_form::lemma) rules.lemmas = std::make_unique<lemmatizer>(options.wordnet_dir);
    if (!options.collocate.empty()) {
      if (options.ngram != 1) throw error("--collocations counts single words: drop --ngrams");
      // The node is keyed like a token: keyword_key segments it as text is, so it is normalised
      // and loses a possessive by the one rule ("Stalin's" -> "stalin", "it's" stays). Then it goes
      // through the same key transform as the counted words, once: Snowball is not idempotent
      // ("agreed" -> "agre" -> "agr"), so a second pass would miss the node. A number is a node
      // too: counted with --numbers, simply never met without.
      segmenter seg(options.segmentation);
      const std::string n = keyword_key(options.collocate, seg, /*numbers=*/true);
      std::optional<stemmer> st;
      if (options.form == word_form::stem) st.emplace();
      rules.node_key = rules.key_of(st ? &*st : nullptr, n);
    }
  }

  std::unique_ptr<worker> make_worker() const { return std::make_unique<worker>(rules.options); }
  chunk_result process(const text_chunk& c, worker& w) const { return count_chunk(c, w, rules); }
  void run(count_table& table, const std::function<bool(text_chunk&)>& next);
};

void frequency_counter::impl::run(count_table& table, const std::function<bool(text_chunk&)>& next) {
  if (!main_worker) main_worker = make_worker();
  main_worker->new_input();  // a new table: each key's text is sent to it once
  text_chunk first, second;
  if (!next(first)) return;
  bool more = next(second);
  if (!more || rules.options.threads <= 1) {
    chunk_result r = process(first, *main_worker);
    table.merge(r);
    if (!more) return;
    r = process(second, *main_worker);
    table.merge(r);
    while (next(first)) {
      r = process(first, *main_worker);
      table.merge(r);
    }
    return;
  }
  // Workers take chunks from a queue; the results are merged here in input order.
  run_in_order(
      rules.options.threads, std::move(first), std::move(second), next, [this] { return make_worker(); },
      [this](const text_chunk& c, worker& w) { return process(c, w); }, [&](chunk_result& r) { table.merge(r); });
}

frequency_counter::frequency_counter(const freq_options& options) : impl_(std::make_unique<impl>(options)) {}
frequency_counter::~frequency_counter() = default;
frequency_counter::frequency_counter(frequency_counter&&) noexcept = default;
frequency_counter& frequency_counter::operator=(frequency_counter&&) noexcept = default;

input_info frequency_counter::add_stream(std::istream& in, const std::string& name) {
  chunk_reader reader(in, name, impl_->rules.options.chunk_bytes, impl_->rules.options.checksum);
  if (reader.needs_conversion()) {
    document doc = document::from_bytes(reader.take_all(), name);
    add_document(doc);
    input_info info = doc.info();
    if (!impl_->rules.options.checksum) info.sha256.clear();
    impl_->tables.back()->info = info;
    return info;
  }
  auto table = std::make_unique<count_table>();
  table->name = name;
  impl_->run(*table, [&](text_chunk& c) { return reader.next(c); });
  table->info = reader.info();
  impl_->tables.push_back(std::move(table));
  return impl_->tables.back()->info;
}

void frequency_counter::add_document(const document& doc) {
  auto table = std::make_unique<count_table>();
  table->name = doc.name();
  table->info = doc.info();
  std::vector<block> blocks = split_blocks(doc.view(), doc.body_begin());
  std::size_t i = 0;
  impl_->run(*table, [&](text_chunk& c) {
    if (i >= blocks.size()) return false;
    c.owned.clear();
    c.text = doc.view();
    c.base = 0;
    c.blocks.clear();
    std::size_t start = blocks[i].begin;
    while (i < blocks.size() && (c.blocks.empty() || blocks[i].end - start <= impl_->rules.options.chunk_bytes))
      c.blocks.push_back(blocks[i++]);
    return true;
  });
  impl_->tables.push_back(std::move(table));
}

// ---------------------------------------------------------------------------------------------
// Statistics

namespace freq {

freq_summary summarize_counts(const count_table& t, std::uint64_t tokens) {
  freq_summary s;
  s.tokens = tokens;
  s.types = t.keys.size();
  std::vector<std::uint64_t> counts;
  counts.reserve(t.entries.size());
  for (const global_entry& e : t.entries) {
    s.hapax += e.count == 1;
    counts.push_back(e.count);
  }
  s.sentences = t.sentences;
  s.paragraphs = t.blocks;
  s.running_words = t.running_words;
  s.ttr = s.tokens ? static_cast<double>(s.types) / static_cast<double>(s.tokens) : nan_value;
  s.mattr = s.mtld = nan_value;
  auto [z, r2] = zipf_fit(std::move(counts));
  s.zipf = z;
  s.zipf_r2 = r2;
  return s;
}

}  // namespace freq

namespace {

freq_summary summarize_table(const count_table& t, const freq_options& o) {
  freq_summary s = summarize_counts(t, t.sequence.size());
  // MATTR and the MTLD passes only read the sequence; with threads to spare they overlap.
  const bool parallel = o.threads > 1 && t.sequence.size() >= (std::size_t{1} << 13);
  std::future<double> mattr_async;
  if (parallel)
    mattr_async = std::async(std::launch::async, [&] { return mattr(t.sequence, t.keys.size(), o.mattr_window); });
  s.mtld = mtld(t.sequence, t.keys.size(), parallel);
  s.mattr = parallel ? mattr_async.get() : mattr(t.sequence, t.keys.size(), o.mattr_window);
  return s;
}

std::string most_frequent(const string_map<std::uint64_t>& m) {
  const std::string* best = nullptr;
  std::uint64_t n = 0;
  for (const auto& [s, c] : m)
    if (!best || c > n || (c == n && s < *best)) {
      best = &s;
      n = c;
    }
  return best ? *best : std::string();
}

}  // namespace

freq_summary freq::summarize_input(const count_table& t, const freq_options& o) { return summarize_table(t, o); }

const counting_rules& freq::counter_access::rules(const frequency_counter& c) { return c.impl_->rules; }

std::vector<const count_table*> freq::counter_access::tables(const frequency_counter& c) {
  std::vector<const count_table*> out;
  for (const auto& t : c.impl_->tables) out.push_back(t.get());
  return out;
}

freq_result frequency_counter::result() const {
  const freq_options& o = impl_->rules.options;
  freq_result r;
  const auto& tables = impl_->tables;
  // Pooled counts of several inputs are not one running text: with `combine` (whose pooled
  // summary is the one shown) MATTR and MTLD are left out rather than measured across the seams
  // between inputs, as a merge of shards (which has no running text) must leave them too.
  const bool no_running_text = tables.size() > 1 && o.combine;
  // Pool the inputs (in order) into one table.
  count_table pooled_storage;
  const count_table* pooled = nullptr;
  std::uint64_t tokens = 0;
  if (tables.size() == 1) {
    pooled = tables.front().get();
  } else {
    for (const auto& t : tables) {
      pooled_storage.pool(*t, !no_running_text);
      tokens += t->sequence.size();
    }
    pooled = &pooled_storage;
  }
  for (const auto& t : tables) {
    r.inputs.push_back(t->name);
    r.per_input_summary.push_back(summarize_table(*t, o));
  }
  // One input is its own pool: its summary is not computed twice.
  if (tables.size() == 1) {
    r.summary = r.per_input_summary.front();
  } else if (no_running_text) {
    r.summary = summarize_counts(*pooled, tokens);
    r.summary.null_reason = pooled_null_reason;
  } else {
    r.summary = summarize_table(*pooled, o);
  }
  std::vector<const count_table*> columns;
  if (tables.size() > 1 && !o.combine)
    for (const auto& t : tables) columns.push_back(t.get());
  fill_rows(r, *pooled, o, impl_->rules.node_key, columns);
  return r;
}

void freq::fill_rows(freq_result& r, const count_table& pooled_table, const freq_options& o,
                     const std::string& node_key, const std::vector<const count_table*>& columns) {
  const count_table* pooled = &pooled_table;
  std::vector<std::uint32_t> order(pooled->keys.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (pooled->entries[a].count != pooled->entries[b].count)
      return pooled->entries[a].count > pooled->entries[b].count;
    return pooled->keys[a] < pooled->keys[b];
  });
  // Relative frequencies are per running word (as Voyant, AntConc and quanteda give them), not per
  // counted item: leaving stopwords out must not inflate every other word's share.
  const double total = static_cast<double>(r.summary.running_words);
  std::uint64_t rank = 0, previous = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const global_entry& e = pooled->entries[order[k]];
    if (k == 0 || e.count != previous) rank = k + 1;
    previous = e.count;
    if (e.count < o.min_count) break;
    const std::string& key = pooled->keys[order[k]];
    if (code_points(key) < o.min_length) continue;
    if (o.top && r.words.size() >= o.top) break;
    word_row row;
    row.word = key;
    if (o.form != word_form::norm) row.surface = most_frequent(pooled->surfaces[order[k]]);
    row.count = e.count;
    row.rank = rank;
    row.sentences = e.sentences;
    row.paragraphs = e.blocks;
    row.per_1000 = 1000.0 * static_cast<double>(e.count) / total;
    row.percent = 100.0 * static_cast<double>(e.count) / total;
    for (const count_table* t : columns) {
      auto it = t->ids.find(key);
      row.per_input.push_back(it == t->ids.end() ? 0 : t->entries[it->second].count);
    }
    r.words.push_back(std::move(row));
  }

  if (!node_key.empty()) {
    // node_key is already the key (lemma or stem too): transforming it again would change it.
    r.collocate = node_key;
    auto it = pooled->ids.find(r.collocate);
    r.node_count = it == pooled->ids.end() ? 0 : pooled->entries[it->second].count;
    r.node_region = pooled->window_slots;
    for (const auto& [id, observed] : pooled->cooc) {
      if (observed < o.min_count) continue;
      if (code_points(pooled->keys[id]) < o.min_length) continue;
      collocate_row c;
      c.word = pooled->keys[id];
      c.observed = observed;
      c.frequency = pooled->entries[id].count;
      const freq::contingency table{observed, pooled->window_slots, c.frequency, r.summary.tokens};
      c.expected = freq::expected_11(table);
      c.g2 = freq::log_likelihood(table);
      c.pmi = freq::pmi(table);
      r.collocates.push_back(std::move(c));
    }
    // A NaN G2 sorts last (a comparison with NaN would break the sort's ordering).
    const auto g2_key = [](double g) { return std::isnan(g) ? -std::numeric_limits<double>::infinity() : g; };
    std::sort(r.collocates.begin(), r.collocates.end(), [&](const collocate_row& a, const collocate_row& b) {
      if (g2_key(a.g2) != g2_key(b.g2)) return g2_key(a.g2) > g2_key(b.g2);
      return a.word < b.word;
    });
    if (o.top && r.collocates.size() > o.top) r.collocates.resize(o.top);
  }
}

freq_result count_words(const document& doc, const freq_options& options) {
  frequency_counter counter(options);
  counter.add_document(doc);
  return counter.result();
}

}  // namespace histext
