// Counting: chunks are segmented and counted in parallel, their tables merged in input order.
#include "histext/frequency.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <future>
#include <iterator>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "analyses/frequency/collocation_stats.hpp"
#include "analyses/frequency/count_table.hpp"
#include "analyses/frequency/lexical_stats.hpp"
#include "analyses/frequency/ordered_pipeline.hpp"
#include "analyses/frequency/word_table.hpp"
#include "histext/concordance.hpp"
#include "input/chunk_reader.hpp"
#include "histext/error.hpp"
#include "common/text_util.hpp"

namespace histext {

using namespace freq;

namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

// Per-thread state: the segmenter, a stemmer and what it knows of each word.
struct worker {
  explicit worker(const segment_options& o) : seg(o) {}
  segmenter seg;
  std::optional<stemmer> stem;
  segmentation out;
  std::vector<word_key> block_words;    // the current block's tokens (counted ones only)
  word_table words;                     // every normalised word this worker has seen
  string_map<std::uint32_t> key_slots;  // key (word, lemma or stem) -> slot
  std::vector<std::string> keys;        // slot -> key
  struct chunk_id {
    std::uint32_t stamp = 0, local = 0;  // the chunk generation that last saw the key, its id there
  };
  std::vector<chunk_id> key_ids;  // slot -> chunk_id
  std::vector<std::uint32_t> key_sent_run;  // slot -> the last run whose table got the key's text
  std::vector<std::uint32_t> key_run_number;  // slot -> its number in that run
  std::uint32_t generation = 0;
  std::size_t last_ids = 0, last_bytes = 0;  // the last chunk's counted items and bytes: the next one's
                                             // sequence is reserved at that rate, and an eighth more
  std::uint32_t run = 1;  // one per input (count_table); key_sent_run starts below it
  std::uint32_t run_keys = 0;  // keys numbered in this run
};

struct item {
  std::string_view surface;
  std::uint32_t key_slot;
  bool stop;
};

}  // namespace

struct frequency_counter::impl {
  freq_options options;
  stopword_list stops;
  std::unique_ptr<lemmatizer> lemmas;
  std::string node_key;
  std::vector<std::unique_ptr<count_table>> tables;
  std::unique_ptr<worker> main_worker;

  explicit impl(const freq_options& o) : options(o), stops(stopword_list::from_spec(o.stopwords)) {
    for (const std::string& file : options.add_stopwords) stops.add_file(file);
    if (options.ngram < 1 || options.ngram > 5) throw error("--ngrams must be between 1 and 5");
    if (options.window < 1) throw error("--window must be at least 1");
    if (options.mattr_window < 1) throw error("the MATTR window must be at least 1");
    if (options.threads == 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
    if (options.form == word_form::lemma) lemmas = std::make_unique<lemmatizer>(options.wordnet_dir);
    if (!options.collocate.empty()) {
      if (options.ngram != 1) throw error("--collocations counts single words: drop --ngrams");
      // The node is keyed like a token: keyword_key segments it as text is, so it is normalised
      // and loses a possessive by the one rule ("Stalin's" -> "stalin", "it's" stays). Then it goes
      // through the same key transform as the counted words, once: Snowball is not idempotent
      // ("agreed" -> "agre" -> "agr"), so a second pass would miss the node.
      segmenter seg(options.segmentation);
      const std::string n = keyword_key(options.collocate, seg);
      std::optional<stemmer> st;
      if (options.form == word_form::stem) st.emplace();
      node_key = transform(st ? &*st : nullptr, n);
    }
  }

  std::unique_ptr<worker> make_worker() const {
    auto w = std::make_unique<worker>(options.segmentation);
    if (options.form == word_form::stem) w->stem.emplace();
    return w;
  }

  // The key transform: a normalised word (token::base()) -> the key it is counted under (itself,
  // its lemma or its stem). The one place that decides it, for counted words and the node alike.
  std::string transform(stemmer* stem, std::string_view base) const {
    switch (options.form) {
      case word_form::norm: return std::string(base);
      case word_form::lemma: return lemmas->lemma(base);
      case word_form::stem:
        if (!stem) throw error("internal: stemming without a stemmer");
        return stem->stem(base);
    }
    return std::string(base);
  }

  word_info info_of(worker& w, const word_key& word) const {
    const std::string_view base = word.text;
    word_info info{};
    if (w.words.find(word, info)) return info;
    info.stop = stops.contains(base);
    std::string key = transform(w.stem ? &*w.stem : nullptr, base);
    auto slot = w.key_slots.find(key);
    if (slot == w.key_slots.end()) {
      slot = w.key_slots.emplace(key, static_cast<std::uint32_t>(w.keys.size())).first;
      w.keys.push_back(std::move(key));
      w.key_ids.emplace_back();
      w.key_sent_run.push_back(0);
      w.key_run_number.push_back(0);
    }
    info.key_slot = slot->second;
    w.words.insert(word, info);
    return info;
  }

  chunk_result process(const text_chunk& c, worker& w) const;
  void run(count_table& table, const std::function<bool(text_chunk&)>& next);
};

void frequency_counter::impl::run(count_table& table, const std::function<bool(text_chunk&)>& next) {
  if (!main_worker) main_worker = make_worker();
  ++main_worker->run;  // a new table: each key's text is sent to it once
  main_worker->run_keys = 0;
  text_chunk first, second;
  if (!next(first)) return;
  bool more = next(second);
  if (!more || options.threads <= 1) {
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
      options.threads, std::move(first), std::move(second), next, [this] { return make_worker(); },
      [this](const text_chunk& c, worker& w) { return process(c, w); }, [&](chunk_result& r) { table.merge(r); });
}

chunk_result frequency_counter::impl::process(const text_chunk& c, worker& w) const {
  chunk_result r;
  r.source = &w;
  const bool forms = options.form != word_form::norm;
  const std::size_t n = options.ngram;
  const std::uint32_t generation = ++w.generation;
  if (w.last_bytes)  // chunks are alike: growing by doubling would copy the sequence
    r.sequence.reserve(static_cast<std::size_t>(static_cast<double>(w.last_ids) * 1.125 * static_cast<double>(c.text.size()) /
                                                static_cast<double>(w.last_bytes)));
  string_map<std::uint32_t> ngram_ids;
  std::vector<item> items;
  std::vector<std::uint32_t> sentence_ids;
  std::string joined_key, joined_surface;
  std::uint32_t sentence_number = 0;
  const std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

  auto add_entry = [&](std::string key) {
    auto id = static_cast<std::uint32_t>(r.keys.size());
    r.keys.push_back(std::move(key));
    r.entries.emplace_back();
    if (forms) r.surfaces.emplace_back();
    return id;
  };
  // Chunk-local id of a key slot: ids follow first appearance in the chunk, whatever the worker.
  auto local_of = [&](std::uint32_t slot) {
    worker::chunk_id& k = w.key_ids[slot];
    if (k.stamp != generation) {
      k.stamp = generation;
      const bool send = w.key_sent_run[slot] != w.run;
      if (send) {
        w.key_sent_run[slot] = w.run;
        w.key_run_number[slot] = w.run_keys++;
      }
      k.local = add_entry(send ? w.keys[slot] : std::string());
      r.run_numbers.push_back(w.key_run_number[slot]);
      r.key_sent.push_back(send ? 1 : 0);
    }
    return k.local;
  };
  auto record = [&](std::uint32_t id, std::uint32_t block_index) {
    local_entry& e = r.entries[id];
    ++e.count;
    if (e.last_sentence != sentence_number) {
      ++e.sentences;
      e.last_sentence = sentence_number;
    }
    if (e.last_block != block_index) {
      if (e.blocks == 0) e.first_block = block_index;
      ++e.blocks;
      e.last_block = block_index;
    }
    r.sequence.push_back(id);
  };
  auto counted = [&](const token& tok) {
    return tok.kind == token_kind::word || (options.numbers && tok.kind == token_kind::number);
  };
  std::uint32_t node_slot = none;
  if (!node_key.empty()) {
    auto it = w.key_slots.find(node_key);
    if (it != w.key_slots.end()) node_slot = it->second;
  }

  for (const block& b : c.blocks) {
    if (!options.all && b.kind != block_kind::paragraph) continue;
    w.out.blocks.clear();
    w.out.sentences.clear();
    w.out.tokens.clear();
    w.seg.run_block(c.text, b, w.out);
    if (r.blocks == 0) r.first_block = b.index;
    if (r.blocks == 0 || r.last_block != b.index) ++r.blocks;
    r.last_block = b.index;
    // The block's counted words, hashed and their slots prefetched before the first look-up.
    w.block_words.clear();
    for (const token& tok : w.out.tokens) {
      if (!counted(tok)) continue;
      const word_key& key = w.block_words.emplace_back(tok.base());
      w.words.prefetch(key);
    }
    std::size_t next_word = 0;
    for (const sentence& s : w.out.sentences) {
      ++r.sentences;
      ++sentence_number;
      items.clear();
      sentence_ids.clear();
      for (std::uint32_t t = s.first_token; t < s.last_token; ++t) {
        if (!counted(w.out.tokens[t])) continue;
        const word_key& key = w.block_words[next_word++];
        std::string_view base = key.text;
        if (base.empty()) continue;
        ++r.running_words;
        const word_info info = info_of(w, key);
        if (n > 1) {  // n-grams are built once the sentence is read
          items.push_back({base, info.key_slot, info.stop});
          continue;
        }
        if (info.stop) continue;
        std::uint32_t id = local_of(info.key_slot);
        record(id, b.index);
        if (forms) ++r.surfaces[id][std::string(base)];
        if (!node_key.empty()) sentence_ids.push_back(id);
      }
      if (n == 1) {
        if (!node_key.empty()) {
          if (node_slot == none) {
            auto found = w.key_slots.find(node_key);
            if (found == w.key_slots.end()) continue;
            node_slot = found->second;
          }
          if (w.key_ids[node_slot].stamp != generation) continue;
          const std::uint32_t node = w.key_ids[node_slot].local;
          // The node's window region is the union of its windows in the sentence: a position
          // covered by two windows counts once (so O11 <= C1), and no node occurrence is in it.
          // Nodes come in order, so positions below `covered` are already counted.
          const std::size_t len = sentence_ids.size(), win = options.window;
          std::size_t covered = 0;
          for (std::size_t p = 0; p < len; ++p) {
            if (sentence_ids[p] != node) continue;
            const std::size_t lo = std::max(covered, p >= win ? p - win : 0), hi = std::min(len, p + win + 1);
            for (std::size_t q = lo; q < hi; ++q)
              if (sentence_ids[q] != node) {
                ++r.cooc[sentence_ids[q]];
                ++r.window_slots;
              }
            covered = std::max(covered, hi);
          }
        }
      } else {
        for (std::size_t i = 0; i + n <= items.size(); ++i) {
          bool stop = false;
          for (std::size_t k = i; k < i + n; ++k) stop |= items[k].stop;
          if (stop) continue;
          joined_key.clear();
          joined_surface.clear();
          for (std::size_t k = i; k < i + n; ++k) {
            if (k > i) {
              joined_key += ' ';
              joined_surface += ' ';
            }
            joined_key += w.keys[items[k].key_slot];
            joined_surface += items[k].surface;
          }
          auto found = ngram_ids.find(joined_key);
          std::uint32_t id = found != ngram_ids.end() ? found->second : ngram_ids.emplace(joined_key, add_entry(joined_key)).first->second;
          record(id, b.index);
          if (forms) ++r.surfaces[id][joined_surface];
        }
      }
    }
  }
  w.last_ids = r.sequence.size();
  w.last_bytes = c.text.size();
  return r;
}

frequency_counter::frequency_counter(const freq_options& options) : impl_(std::make_unique<impl>(options)) {}
frequency_counter::~frequency_counter() = default;
frequency_counter::frequency_counter(frequency_counter&&) noexcept = default;
frequency_counter& frequency_counter::operator=(frequency_counter&&) noexcept = default;

input_info frequency_counter::add_stream(std::istream& in, const std::string& name) {
  chunk_reader reader(in, name, impl_->options.chunk_bytes, impl_->options.checksum);
  if (reader.needs_conversion()) {
    document doc = document::from_bytes(reader.take_all(), name);
    add_document(doc);
    input_info info = doc.info();
    if (!impl_->options.checksum) info.sha256.clear();
    return info;
  }
  auto table = std::make_unique<count_table>();
  table->name = name;
  impl_->run(*table, [&](text_chunk& c) { return reader.next(c); });
  impl_->tables.push_back(std::move(table));
  return reader.info();
}

void frequency_counter::add_document(const document& doc) {
  auto table = std::make_unique<count_table>();
  table->name = doc.name();
  std::vector<block> blocks = split_blocks(doc.view(), doc.body_begin());
  std::size_t i = 0;
  impl_->run(*table, [&](text_chunk& c) {
    if (i >= blocks.size()) return false;
    c.owned.clear();
    c.text = doc.view();
    c.base = 0;
    c.blocks.clear();
    std::size_t start = blocks[i].begin;
    while (i < blocks.size() && (c.blocks.empty() || blocks[i].end - start <= impl_->options.chunk_bytes))
      c.blocks.push_back(blocks[i++]);
    return true;
  });
  impl_->tables.push_back(std::move(table));
}

// ---------------------------------------------------------------------------------------------
// Statistics
namespace {

freq_summary summarize_table(const count_table& t, const freq_options& o) {
  freq_summary s;
  s.tokens = t.sequence.size();
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
  // MATTR and the MTLD passes only read the sequence; with threads to spare they overlap.
  const bool parallel = o.threads > 1 && t.sequence.size() >= (std::size_t{1} << 13);
  std::future<double> mattr_async;
  if (parallel)
    mattr_async = std::async(std::launch::async, [&] { return mattr(t.sequence, t.keys.size(), o.mattr_window); });
  s.mtld = mtld(t.sequence, t.keys.size(), parallel);
  s.mattr = parallel ? mattr_async.get() : mattr(t.sequence, t.keys.size(), o.mattr_window);
  auto [z, r2] = zipf_fit(std::move(counts));
  s.zipf = z;
  s.zipf_r2 = r2;
  return s;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
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

freq_result frequency_counter::result() const {
  const freq_options& o = impl_->options;
  freq_result r;
  const auto& tables = impl_->tables;
  // Pool the inputs (in order) into one table.
  count_table pooled_storage;
  const count_table* pooled = nullptr;
  if (tables.size() == 1) {
    pooled = tables.front().get();
  } else {
    for (const auto& t : tables) pooled_storage.pool(*t);
    pooled = &pooled_storage;
  }
  for (const auto& t : tables) {
    r.inputs.push_back(t->name);
    r.per_input_summary.push_back(summarize_table(*t, o));
  }
  // One input is its own pool: its summary is not computed twice.
  r.summary = tables.size() == 1 ? r.per_input_summary.front() : summarize_table(*pooled, o);
  const bool columns = tables.size() > 1 && !o.combine;

  std::vector<std::uint32_t> order(pooled->keys.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (pooled->entries[a].count != pooled->entries[b].count) return pooled->entries[a].count > pooled->entries[b].count;
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
    if (columns)
      for (const auto& t : tables) {
        auto it = t->ids.find(key);
        row.per_input.push_back(it == t->ids.end() ? 0 : t->entries[it->second].count);
      }
    r.words.push_back(std::move(row));
  }

  if (!impl_->node_key.empty()) {
    // node_key is already the key (lemma or stem too): transforming it again would change it.
    r.collocate = impl_->node_key;
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
    std::sort(r.collocates.begin(), r.collocates.end(), [](const collocate_row& a, const collocate_row& b) {
      if (a.g2 != b.g2) return a.g2 > b.g2;
      return a.word < b.word;
    });
    if (o.top && r.collocates.size() > o.top) r.collocates.resize(o.top);
  }
  return r;
}

freq_result count_words(const document& doc, const freq_options& options) {
  frequency_counter counter(options);
  counter.add_document(doc);
  return counter.result();
}

}  // namespace histext
