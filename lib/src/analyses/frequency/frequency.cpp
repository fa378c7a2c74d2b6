// Counting: chunks are segmented and counted in parallel, their tables merged in input order.
#include "histext/frequency.hpp"

#include <Eigen/Dense>

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
#include "input/chunk_reader.hpp"
#include "histext/error.hpp"
#include "common/text_util.hpp"

namespace histext {

namespace {

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
// The shortest text (in counted items) given an MTLD; shorter ones get NaN (docs/frequency.md).
constexpr std::size_t mtld_min_tokens = 100;

struct sv_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using string_map = std::unordered_map<std::string, V, sv_hash, std::equal_to<>>;

struct local_entry {  // within one chunk (under 4 GB: ICU's limit), so 32-bit counts suffice
  std::uint32_t count = 0, sentences = 0, blocks = 0;
  std::uint32_t last_sentence = 0, first_block = 0, last_block = 0;
};

// What one chunk gives: its own vocabulary (ids in order of first appearance).
struct chunk_result {
  // Words (not n-grams) also carry a number per key: a worker sends a key's text only the first
  // time it meets the key in a run (one run per input), numbering such keys 0, 1, 2... in that
  // run, and the table maps (worker, number) to its id after.
  const void* source = nullptr;           // the worker
  std::vector<std::uint32_t> run_numbers;  // local id -> the key's number in this run (none for n-grams)
  std::vector<std::uint8_t> key_sent;     // local id -> 1 when keys[id] holds the key's text
  std::vector<std::string> keys;          // local id -> key text ("" when not sent)
  std::vector<local_entry> entries;
  std::vector<string_map<std::uint64_t>> surfaces;  // lemma/stem only
  std::vector<std::uint32_t> sequence;
  std::uint64_t sentences = 0, blocks = 0;
  std::uint64_t running_words = 0;  // counted-kind tokens, stopwords included
  std::uint32_t first_block = 0, last_block = 0;
  std::map<std::uint32_t, std::uint64_t> cooc;  // local id -> co-occurrences with the node
  std::uint64_t window_slots = 0;
};

struct global_entry {
  std::uint64_t count = 0, sentences = 0, blocks = 0;
  std::uint32_t last_block = 0;
};

// The counted items of one input in order, as ids: the chunks' own vectors, renumbered in place
// and kept as parts (merging a chunk copies nothing, and the whole never needs one block of
// memory). Parts are never empty.
class id_sequence {
 public:
  // A bidirectional iterator over every id of every part.
  class iterator {
   public:
    using iterator_category = std::bidirectional_iterator_tag;
    using value_type = std::uint32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::uint32_t*;
    using reference = const std::uint32_t&;
    iterator() = default;
    iterator(const std::vector<std::vector<std::uint32_t>>* parts, std::size_t part, std::size_t pos)
        : parts_(parts), part_(part), pos_(pos) {}
    reference operator*() const { return (*parts_)[part_][pos_]; }
    iterator& operator++() {
      if (++pos_ == (*parts_)[part_].size()) {
        ++part_;
        pos_ = 0;
      }
      return *this;
    }
    iterator& operator--() {
      if (pos_ == 0) pos_ = (*parts_)[--part_].size();
      --pos_;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    iterator operator--(int) {
      iterator old = *this;
      --*this;
      return old;
    }
    bool operator==(const iterator& o) const { return part_ == o.part_ && pos_ == o.pos_; }

   private:
    const std::vector<std::vector<std::uint32_t>>* parts_ = nullptr;
    std::size_t part_ = 0, pos_ = 0;
  };

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  iterator begin() const { return {&parts_, 0, 0}; }
  iterator end() const { return {&parts_, parts_.size(), 0}; }

  // Appends `part` (local ids) renumbered through `map`, taking its storage.
  void append(std::vector<std::uint32_t>&& part, const std::vector<std::uint32_t>& map) {
    if (part.empty()) return;
    for (std::uint32_t& id : part) id = map[id];
    size_ += part.size();
    parts_.push_back(std::move(part));
  }
  // Appends a copy of every id of `other` renumbered through `map`.
  void append_copy(const id_sequence& other, const std::vector<std::uint32_t>& map) {
    for (const auto& part : other.parts_) append(std::vector<std::uint32_t>(part), map);
  }

 private:
  std::vector<std::vector<std::uint32_t>> parts_;
  std::size_t size_ = 0;
};

}  // namespace

// One input's merged counts.
struct count_table {
  std::string name;
  string_map<std::uint32_t> ids;
  std::vector<std::string> keys;
  std::vector<global_entry> entries;
  std::vector<string_map<std::uint64_t>> surfaces;
  id_sequence sequence;
  std::uint64_t sentences = 0, blocks = 0;
  std::uint64_t running_words = 0;
  std::uint32_t last_block = 0;
  std::map<std::uint32_t, std::uint64_t> cooc;
  std::uint64_t window_slots = 0;
  std::map<const void*, std::vector<std::uint32_t>> run_ids;  // worker -> its run's key number -> id

  std::uint32_t intern(const std::string& key) {
    auto it = ids.find(key);
    if (it != ids.end()) return it->second;
    auto id = static_cast<std::uint32_t>(keys.size());
    ids.emplace(key, id);
    keys.push_back(key);
    entries.emplace_back();
    surfaces.emplace_back();
    return id;
  }

  // Adds another input's whole table (its blocks are its own: none is shared with this one).
  void pool(const count_table& t) {
    std::vector<std::uint32_t> map(t.keys.size());
    for (std::size_t i = 0; i < t.keys.size(); ++i) {
      const std::uint32_t g = intern(t.keys[i]);
      map[i] = g;
      entries[g].count += t.entries[i].count;
      entries[g].sentences += t.entries[i].sentences;
      entries[g].blocks += t.entries[i].blocks;
      for (const auto& [surface, n] : t.surfaces[i]) surfaces[g][surface] += n;
    }
    sequence.append_copy(t.sequence, map);
    sentences += t.sentences;
    running_words += t.running_words;
    blocks += t.blocks;
    for (const auto& [id, n] : t.cooc) cooc[map[id]] += n;
    window_slots += t.window_slots;
  }

  void merge(chunk_result& c) {
    std::vector<std::uint32_t> map(c.keys.size());
    std::vector<std::uint32_t>* known = c.run_numbers.empty() ? nullptr : &run_ids[c.source];
    constexpr std::uint32_t unknown = std::numeric_limits<std::uint32_t>::max();
    for (std::size_t i = 0; i < c.keys.size(); ++i) {
      std::uint32_t g;
      if (!known) {
        g = intern(c.keys[i]);
      } else {
        const std::uint32_t number = c.run_numbers[i];
        if (known->size() <= number) known->resize(std::size_t{number} + 1, unknown);
        if (c.key_sent[i]) (*known)[number] = intern(c.keys[i]);
        g = (*known)[number];
        if (g == unknown) throw error("internal: a word's text was never sent to the table");
      }
      map[i] = g;
      global_entry& e = entries[g];
      const local_entry& l = c.entries[i];
      e.count += l.count;
      e.sentences += l.sentences;
      e.blocks += l.blocks - (l.first_block == e.last_block ? 1 : 0);
      e.last_block = l.last_block;
      for (auto& [s, n] : c.surfaces.empty() ? string_map<std::uint64_t>() : std::move(c.surfaces[i]))
        surfaces[g][s] += n;
    }
    sequence.append(std::move(c.sequence), map);
    sentences += c.sentences;
    running_words += c.running_words;
    if (c.blocks) {
      blocks += c.blocks - (c.first_block == last_block ? 1 : 0);
      last_block = c.last_block;
    }
    for (const auto& [id, n] : c.cooc) cooc[map[id]] += n;
    window_slots += c.window_slots;
  }
};

namespace {

// What a worker knows about a normalised word.
struct word_info {
  std::uint32_t key_slot;
  bool stop;
};

static_assert(std::endian::native == std::endian::little,
              "word_key packs bytes with little-endian loads and shifts");

// A word as the per-token look-up sees it: up to 16 bytes packed into two integers (zero-padded,
// so equal words of equal length have equal packs), or a longer word by reference; and its hash.
struct word_key {
  std::string_view text;
  std::uint64_t lo = 0, hi = 0;  // the packed bytes when text.size() <= 16
  std::uint64_t hash = 0;

  explicit word_key(std::string_view s) : text(s) {
    constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
    const char* p = s.data();
    const std::size_t n = s.size();
    auto load8 = [](const char* q) {
      std::uint64_t v;
      std::memcpy(&v, q, 8);
      return v;
    };
    auto load4 = [](const char* q) {
      std::uint32_t v;
      std::memcpy(&v, q, 4);
      return std::uint64_t{v};
    };
    auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    // Overlapping loads instead of a loop over bytes: the bytes two loads share are the same.
    if (n > 16) {
      std::uint64_t h = k1 ^ n;
      for (std::size_t i = 0; i + 8 <= n; i += 8) h = ((h ^ load8(p + i)) * k1) ^ (h >> 29);
      lo = load8(p + n - 8);
      hi = h;
    } else if (n > 8) {
      lo = load8(p);
      hi = load8(p + n - 8) >> (8 * (16 - n));
    } else if (n == 8) {
      lo = load8(p);
    } else if (n >= 4) {
      lo = load4(p) | (load4(p + n - 4) << (8 * (n - 4)));
    } else if (n > 0) {
      lo = byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
    }
    std::uint64_t h = (lo ^ (n * k2)) * k1;
    h = (h ^ (h >> 32) ^ hi) * k2;
    hash = h ^ (h >> 29);
    if (n > 16) lo = hi = 0;  // long words are compared as strings
  }
};

// Normalised word -> word_info by open addressing (linear probing). Words of up to 16 bytes live
// packed in the 32-byte slot, compared as two integers: this is the per-token look-up.
class word_table {
 public:
  word_table() : slots_(1024) {}

  bool find(const word_key& key, word_info& info) const {
    const std::uint64_t hash = key.hash | 1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = start(hash);; i = (i + 1) & mask) {
      const slot& s = slots_[i];
      if (s.hash == 0) return false;
      if (s.hash == hash && equals(s, key)) {
        info = {s.key_slot, s.stop};
        return true;
      }
    }
  }

  // Starts loading the slot where a look-up of `key` begins (look-ups follow each other closely
  // and their slots are scattered: fetching a block's slots ahead hides the cache misses).
  void prefetch(const word_key& key) const { __builtin_prefetch(&slots_[start(key.hash | 1)]); }

  void insert(const word_key& key, word_info info) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();
    slot s;
    s.hash = key.hash | 1;
    s.key_slot = info.key_slot;
    s.stop = info.stop;
    if (key.text.size() <= 16) {
      s.len = static_cast<std::uint8_t>(key.text.size());
      s.lo = key.lo;
      s.hi = key.hi;
    } else {
      s.len = long_key;
      s.lo = long_.size();
      long_.emplace_back(key.text);
    }
    place(s);
    ++used_;
  }

 private:
  static constexpr std::uint8_t long_key = 255;
  struct alignas(32) slot {  // 32 bytes: never split across cache lines
    std::uint64_t hash = 0;  // 0: empty; else the word's hash with its lowest bit set
    std::uint64_t lo = 0, hi = 0;  // the packed word, or (long words) lo indexes long_
    std::uint32_t key_slot = 0;
    bool stop = false;
    std::uint8_t len = 0;
  };
  static_assert(sizeof(slot) == 32);
  // The first slot to probe: the top bits of the hash times a large odd constant (Fibonacci
  // hashing), which every bit of the hash reaches.
  std::size_t start(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> shift_);
  }

  bool equals(const slot& s, const word_key& key) const {
    if (s.len != long_key) return s.len == key.text.size() && s.lo == key.lo && s.hi == key.hi;
    return key.text.size() > 16 && long_[s.lo] == key.text;
  }
  void place(const slot& s) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = start(s.hash);
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
  void grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    --shift_;
    for (const slot& s : old)
      if (s.hash != 0) place(s);
  }

  std::vector<slot> slots_;
  int shift_ = 64 - 10;  // 64 - log2(slots_.size())
  std::size_t used_ = 0;
  std::vector<std::string> long_;
};

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
      // The node goes through the same key transform as the counted words, once: Snowball is
      // not idempotent ("agreed" -> "agre" -> "agr"), so a second pass would miss the node.
      std::string n = normalize_word(options.collocate);
      if (n.size() > 2 && n.compare(n.size() - 2, 2, "'s") == 0) n.resize(n.size() - 2);
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
  struct slot {
    std::optional<chunk_result> result;
    std::exception_ptr failure;
  };
  std::mutex mutex;
  std::condition_variable job_ready, result_ready;
  std::map<std::size_t, text_chunk> jobs;
  std::map<std::size_t, slot> done;
  // Chunks already counted, handed back for reading the next ones into: their megabyte buffers
  // are reused instead of freed and faulted in afresh.
  std::vector<text_chunk> spare;
  bool closing = false;
  auto work = [&]() {
    std::unique_ptr<worker> w;
    std::exception_ptr setup_failure;
    try {
      w = make_worker();
    } catch (...) {
      setup_failure = std::current_exception();
    }
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      job_ready.wait(lock, [&] { return closing || !jobs.empty(); });
      if (jobs.empty()) return;
      auto node = jobs.extract(jobs.begin());
      lock.unlock();
      slot s;
      try {
        if (setup_failure) std::rethrow_exception(setup_failure);
        s.result = process(node.mapped(), *w);
      } catch (...) {
        s.failure = std::current_exception();
      }
      lock.lock();
      spare.push_back(std::move(node.mapped()));
      done.emplace(node.key(), std::move(s));
      result_ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned k = 0; k < options.threads; ++k) threads.emplace_back(work);
  std::size_t submitted = 0, merged = 0;
  std::exception_ptr failure;
  auto merge_one = [&]() {
    std::unique_lock<std::mutex> lock(mutex);
    result_ready.wait(lock, [&] { return done.count(merged) != 0; });
    slot s = std::move(done.at(merged));
    done.erase(merged);
    lock.unlock();
    ++merged;
    if (s.failure) {
      if (!failure) failure = s.failure;
      return;
    }
    if (failure) return;
    try {
      table.merge(*s.result);
    } catch (...) {
      failure = std::current_exception();  // rethrown once every thread has stopped
    }
  };
  auto submit = [&](text_chunk&& c) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      jobs.emplace(submitted++, std::move(c));
    }
    job_ready.notify_one();
    while (submitted - merged >= 2 * options.threads) merge_one();
  };
  try {
    submit(std::move(first));
    submit(std::move(second));
    while (!failure) {
      text_chunk c;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (!spare.empty()) {
          c = std::move(spare.back());
          spare.pop_back();
        }
      }
      if (!next(c)) break;
      submit(std::move(c));
    }
  } catch (...) {
    if (!failure) failure = std::current_exception();
  }
  while (merged < submitted) merge_one();
  {
    std::lock_guard<std::mutex> lock(mutex);
    closing = true;
  }
  job_ready.notify_all();
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
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

double mattr(const id_sequence& seq, std::size_t vocabulary, std::size_t window) {
  if (seq.size() < window || window == 0) return nan_value;
  std::vector<std::uint32_t> in_window(vocabulary, 0);
  std::size_t distinct = 0;
  std::uint64_t sum = 0;  // of the windows' type counts: exact, divided once at the end
  auto head = seq.begin(), tail = seq.begin();  // tail trails head by `window` once it moves
  for (std::size_t i = 0; i < seq.size(); ++i, ++head) {
    if (in_window[*head]++ == 0) ++distinct;
    if (i >= window && --in_window[*tail++] == 0) --distinct;
    if (i + 1 >= window) sum += distinct;
  }
  return static_cast<double>(sum) / static_cast<double>(window) / static_cast<double>(seq.size() - window + 1);
}

// One direction of MTLD (McCarthy & Jarvis 2010, threshold 0.72).
template <class It>
double mtld_pass(It begin, It end, std::size_t vocabulary, std::size_t total) {
  const double threshold = 0.72;  // types / tokens <= 0.72 is tested as 100 types <= 72 tokens
  std::vector<std::uint32_t> stamp(vocabulary, 0);
  std::uint32_t factor_id = 1;
  double factors = 0;
  std::size_t tokens = 0, types = 0;
  for (It it = begin; it != end; ++it) {
    ++tokens;
    if (stamp[*it] != factor_id) {
      stamp[*it] = factor_id;
      ++types;
    }
    if (100 * types <= 72 * tokens) {
      factors += 1;
      ++factor_id;
      tokens = types = 0;
    }
  }
  if (tokens > 0)
    factors += (1.0 - static_cast<double>(types) / static_cast<double>(tokens)) / (1.0 - threshold);
  return factors > 0 ? static_cast<double>(total) / factors : nan_value;
}

// With `parallel`, the backward pass runs on another thread (the passes are independent and each
// reads the whole sequence: on a large corpus this is most of the end-of-run work).
double mtld(const id_sequence& seq, std::size_t vocabulary, bool parallel) {
  // Below mtld_min_tokens a text holds a factor or two and MTLD is mostly the extrapolated partial
  // factor (1792 for 80 tokens): McCarthy & Jarvis (2010) find it stable from about 100 tokens.
  if (seq.size() < mtld_min_tokens) return nan_value;
  auto backward = [&] {
    return mtld_pass(std::make_reverse_iterator(seq.end()), std::make_reverse_iterator(seq.begin()), vocabulary, seq.size());
  };
  std::future<double> b_async;
  if (parallel) b_async = std::async(std::launch::async, backward);
  double f = mtld_pass(seq.begin(), seq.end(), vocabulary, seq.size());
  double b = parallel ? b_async.get() : backward();
  if (!std::isfinite(f) || !std::isfinite(b)) return nan_value;
  // The mean length of a factor cannot exceed the text: a text whose types never fall to the
  // threshold has less than one factor, and the extrapolation would claim more.
  return std::min((f + b) / 2, static_cast<double>(seq.size()));
}

// Least squares of log frequency on log rank: returns {exponent (minus the slope), R²}.
std::pair<double, double> zipf_fit(std::vector<std::uint64_t> counts) {
  if (counts.size() < 2) return {nan_value, nan_value};
  std::sort(counts.begin(), counts.end(), std::greater<>());
  const auto n = static_cast<Eigen::Index>(counts.size());
  Eigen::MatrixXd x(n, 2);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i, 0) = 1.0;
    x(i, 1) = std::log(static_cast<double>(i + 1));
    y(i) = std::log(static_cast<double>(counts[static_cast<std::size_t>(i)]));
  }
  Eigen::Vector2d beta = x.colPivHouseholderQr().solve(y);
  Eigen::VectorXd residual = y - x * beta;
  double ss_res = residual.squaredNorm();
  double ss_tot = (y.array() - y.mean()).matrix().squaredNorm();
  double r2 = ss_tot > 0 ? 1.0 - ss_res / ss_tot : nan_value;
  return {-beta(1), r2};
}

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
