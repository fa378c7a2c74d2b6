// Shards: mergeable counts (histext-freq --shard / --merge). The format, version 1:
//
//   "histext-freq-shard\n", u32 version, the counting options, the node's key, the stopword list's
//   SHA-256, the recorded meta options, the inputs (info and summary each), the totals, the keys
//   in byte order (count, sentences, blocks, co-occurrences with the node, surface forms), and
//   the SHA-256 (64 hex digits) of every byte before it.
//
// Integers are unsigned little-endian (u8, u32, u64), reals the u64 of their IEEE-754 bits (so a
// summary survives exactly), strings a u64 length and their bytes. docs/frequency.md, "Shards".
#include <algorithm>
#include <bit>
#include <istream>
#include <iterator>
#include <map>
#include <ostream>
#include <string_view>
#include <tuple>

#include "analyses/frequency/results.hpp"
#include "common/sha256.hpp"
#include "histext/error.hpp"
#include "histext/frequency.hpp"

namespace histext {

using namespace freq;

namespace {

constexpr std::string_view shard_magic = "histext-freq-shard\n";
constexpr std::uint32_t shard_version = 1;
constexpr std::size_t checksum_size = 64;

struct shard_word {
  std::string key;
  std::uint64_t count = 0, sentences = 0, blocks = 0, cooc = 0;
  std::vector<std::pair<std::string, std::uint64_t>> surfaces;  // by bytes
};

struct shard_input {
  input_info info;
  freq_summary summary;
};

bool input_less(const shard_input& a, const shard_input& b) {
  return std::tie(a.info.name, a.info.size, a.info.sha256, a.info.encoding) <
         std::tie(b.info.name, b.info.size, b.info.sha256, b.info.encoding);
}

class byte_writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) u8(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void raw(std::string_view s) { out_.append(s); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class byte_reader {
 public:
  byte_reader(std::string_view data, const std::string& name) : data_(data), name_(name) {}
  [[noreturn]] void fail(const std::string& what) const {
    throw error(name_ + ": byte " + std::to_string(pos_) + ": " + what);
  }
  void need(std::size_t n) const {
    if (data_.size() - pos_ < n) fail("truncated shard (" + std::to_string(data_.size()) + " bytes)");
  }
  std::uint8_t u8() {
    need(1);
    return static_cast<std::uint8_t>(data_[pos_++]);
  }
  std::uint32_t u32() {
    need(4);
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= std::uint32_t(static_cast<std::uint8_t>(data_[pos_++])) << (8 * i);
    return v;
  }
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= std::uint64_t(static_cast<std::uint8_t>(data_[pos_++])) << (8 * i);
    return v;
  }
  double f64() { return std::bit_cast<double>(u64()); }
  bool flag() {
    const std::uint8_t v = u8();
    if (v > 1) fail("corrupt shard (a flag is " + std::to_string(v) + ")");
    return v == 1;
  }
  std::string str() {
    const std::uint64_t n = u64();
    need(n);  // before any allocation: a corrupt length cannot ask for more than the file holds
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items of at least `min_bytes` each, refused if the rest of the file cannot hold them.
  std::size_t count(std::size_t min_bytes) {
    const std::uint64_t n = u64();
    if (n > (data_.size() - pos_) / min_bytes) fail("truncated or corrupt shard (" + std::to_string(n) + " items)");
    return static_cast<std::size_t>(n);
  }
  std::string_view raw(std::size_t n) {
    need(n);
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::size_t pos() const { return pos_; }
  std::size_t left() const { return data_.size() - pos_; }

 private:
  std::string_view data_;
  const std::string& name_;
  std::size_t pos_ = 0;
};

const char* form_name(word_form f) { return f == word_form::lemma ? "lemma" : f == word_form::stem ? "stem" : "norm"; }

std::string stopword_fingerprint(const stopword_list& list) {
  sha256_state h;
  for (const std::string& w : list.words()) {
    h.update(w);
    h.update("\n");
  }
  return h.hex();
}

}  // namespace

struct freq_shard::impl {
  std::string source;  // for messages: the file read, or "a merge of N shards"
  freq_options options;
  std::string node_key;
  std::string stopwords_sha256;
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<shard_input> inputs;  // sorted (input_less)
  std::uint64_t tokens = 0, running_words = 0, sentences = 0, blocks = 0, window_slots = 0;
  std::vector<shard_word> words;  // by key bytes, each key once

  // The options that change counts, as (name, value): equal in every shard of a merge.
  std::vector<std::pair<std::string, std::string>> identity() const {
    auto b = [](bool v) { return std::string(v ? "true" : "false"); };
    return {{"form", form_name(options.form)},
            {"numbers", b(options.numbers)},
            {"all", b(options.all)},
            {"ngrams", std::to_string(options.ngram)},
            {"window", std::to_string(options.window)},
            {"collocations", options.collocate},
            {"collocation node", node_key},
            {"mattr window", std::to_string(options.mattr_window)},
            {"split hyphens", b(options.segmentation.split_hyphens)},
            {"dehyphenate", b(options.segmentation.dehyphenate)},
            {"stopword list (SHA-256)", stopwords_sha256}};
  }
};

freq_shard::freq_shard() : impl_(std::make_unique<impl>()) {}
freq_shard::~freq_shard() = default;
freq_shard::freq_shard(freq_shard&&) noexcept = default;
freq_shard& freq_shard::operator=(freq_shard&&) noexcept = default;

const freq_options& freq_shard::options() const { return impl_->options; }

std::vector<input_info> freq_shard::inputs() const {
  std::vector<input_info> out;
  for (const shard_input& in : impl_->inputs) out.push_back(in.info);
  return out;
}

const std::vector<std::pair<std::string, std::string>>& freq_shard::meta_options() const { return impl_->meta; }

freq_shard freq_shard::from_counter(const frequency_counter& counter,
                                    std::vector<std::pair<std::string, std::string>> meta_options) {
  const counting_rules& rules = counter_access::rules(counter);
  const std::vector<const count_table*> tables = counter_access::tables(counter);
  freq_shard shard;
  impl& s = *shard.impl_;
  s.source = "the counter";
  s.options = rules.options;
  s.options.top = 0;
  s.options.min_count = 1;
  s.options.min_length = 1;
  s.options.combine = true;
  s.node_key = rules.node_key;
  s.stopwords_sha256 = stopword_fingerprint(rules.stops);
  s.meta = std::move(meta_options);
  count_table pooled_storage;
  const count_table* pooled = tables.size() == 1 ? tables.front() : &pooled_storage;
  for (const count_table* t : tables) {
    s.inputs.push_back({t->info, summarize_input(*t, rules.options)});
    s.tokens += t->sequence.size();
    if (tables.size() > 1) pooled_storage.pool(*t, /*with_sequence=*/false);
  }
  std::sort(s.inputs.begin(), s.inputs.end(), input_less);
  s.running_words = pooled->running_words;
  s.sentences = pooled->sentences;
  s.blocks = pooled->blocks;
  s.window_slots = pooled->window_slots;
  s.words.resize(pooled->keys.size());
  for (std::size_t i = 0; i < pooled->keys.size(); ++i) {
    shard_word& w = s.words[i];
    w.key = pooled->keys[i];
    w.count = pooled->entries[i].count;
    w.sentences = pooled->entries[i].sentences;
    w.blocks = pooled->entries[i].blocks;
    w.surfaces.assign(pooled->surfaces[i].begin(), pooled->surfaces[i].end());
    std::sort(w.surfaces.begin(), w.surfaces.end());
  }
  for (const auto& [id, n] : pooled->cooc) s.words[id].cooc = n;
  std::sort(s.words.begin(), s.words.end(), [](const shard_word& a, const shard_word& b) { return a.key < b.key; });
  return shard;
}

void freq_shard::write(std::ostream& out) const {
  const impl& s = *impl_;
  byte_writer w;
  w.raw(shard_magic);
  w.u32(shard_version);
  w.u8(static_cast<std::uint8_t>(s.options.form));
  w.u8(s.options.numbers);
  w.u8(s.options.all);
  w.u64(s.options.ngram);
  w.u64(s.options.window);
  w.str(s.options.collocate);
  w.str(s.node_key);
  w.u64(s.options.mattr_window);
  w.u8(s.options.segmentation.split_hyphens);
  w.u8(s.options.segmentation.dehyphenate);
  w.str(s.stopwords_sha256);
  w.u64(s.meta.size());
  for (const auto& [k, v] : s.meta) {
    w.str(k);
    w.str(v);
  }
  w.u64(s.inputs.size());
  for (const shard_input& in : s.inputs) {
    w.str(in.info.name);
    w.u64(in.info.size);
    w.str(in.info.sha256);
    w.str(in.info.encoding);
    const freq_summary& m = in.summary;
    for (std::uint64_t v : {m.tokens, m.running_words, m.types, m.hapax, m.sentences, m.paragraphs}) w.u64(v);
    for (double v : {m.ttr, m.mattr, m.mtld, m.zipf, m.zipf_r2}) w.f64(v);
    w.str(m.null_reason);
  }
  for (std::uint64_t v : {s.tokens, s.running_words, s.sentences, s.blocks, s.window_slots}) w.u64(v);
  w.u64(s.words.size());
  for (const shard_word& x : s.words) {
    w.str(x.key);
    for (std::uint64_t v : {x.count, x.sentences, x.blocks, x.cooc}) w.u64(v);
    w.u64(x.surfaces.size());
    for (const auto& [surface, n] : x.surfaces) {
      w.str(surface);
      w.u64(n);
    }
  }
  sha256_state h;
  h.update(w.bytes());
  w.raw(h.hex());
  out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
}

freq_shard freq_shard::read(std::istream& in, const std::string& name) {
  // The magic first: a text file, a device such as /dev/zero or an endless pipe is refused after
  // its first bytes instead of being read whole.
  std::string bytes(shard_magic.size(), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) throw error(name + ": read error");
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes != shard_magic) throw error(name + ": not a histext-freq shard (made by histext-freq --shard)");
  bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) throw error(name + ": read error");
  byte_reader r(bytes, name);
  r.raw(shard_magic.size());
  const std::uint32_t version = r.u32();
  if (version != shard_version)
    r.fail("shard format version " + std::to_string(version) + "; this histext-freq reads version " +
           std::to_string(shard_version));
  freq_shard shard;
  impl& s = *shard.impl_;
  s.source = name;
  freq_options& o = s.options;
  o.combine = true;
  const std::uint8_t form = r.u8();
  if (form > 2) r.fail("corrupt shard (word form " + std::to_string(form) + ")");
  o.form = static_cast<word_form>(form);
  o.numbers = r.flag();
  o.all = r.flag();
  o.ngram = r.u64();
  if (o.ngram < 1 || o.ngram > 5) r.fail("corrupt shard (n-gram size " + std::to_string(o.ngram) + ")");
  o.window = r.u64();
  if (o.window < 1) r.fail("corrupt shard (window 0)");
  o.collocate = r.str();
  s.node_key = r.str();
  if (o.collocate.empty() != s.node_key.empty()) r.fail("corrupt shard (a node without its word)");
  o.mattr_window = r.u64();
  if (o.mattr_window < 1) r.fail("corrupt shard (MATTR window 0)");
  o.segmentation.split_hyphens = r.flag();
  o.segmentation.dehyphenate = r.flag();
  s.stopwords_sha256 = r.str();
  s.meta.resize(r.count(16));
  for (auto& [k, v] : s.meta) {
    k = r.str();
    v = r.str();
  }
  s.inputs.resize(r.count(128));
  for (shard_input& x : s.inputs) {
    x.info.name = r.str();
    x.info.size = r.u64();
    x.info.sha256 = r.str();
    x.info.encoding = r.str();
    freq_summary& m = x.summary;
    for (std::uint64_t* v : {&m.tokens, &m.running_words, &m.types, &m.hapax, &m.sentences, &m.paragraphs})
      *v = r.u64();
    for (double* v : {&m.ttr, &m.mattr, &m.mtld, &m.zipf, &m.zipf_r2}) *v = r.f64();
    m.null_reason = r.str();
  }
  if (!std::is_sorted(s.inputs.begin(), s.inputs.end(), input_less)) r.fail("corrupt shard (inputs out of order)");
  for (std::uint64_t* v : {&s.tokens, &s.running_words, &s.sentences, &s.blocks, &s.window_slots}) *v = r.u64();
  if (s.window_slots > s.tokens) r.fail("corrupt shard (window region larger than the text)");
  s.words.resize(r.count(48));
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    shard_word& x = s.words[i];
    x.key = r.str();
    if (i > 0 && !(s.words[i - 1].key < x.key)) r.fail("corrupt shard (keys out of order)");
    for (std::uint64_t* v : {&x.count, &x.sentences, &x.blocks, &x.cooc}) *v = r.u64();
    // The 2x2 table of every collocate has no negative cell (O11 <= C1, O11 <= R1, R1 + C1 - O11 <= N).
    if (!s.node_key.empty()
            ? x.cooc > x.count || x.cooc > s.window_slots || x.count - x.cooc > s.tokens - s.window_slots
            : x.cooc != 0)
      r.fail("corrupt shard (co-occurrences of '" + x.key + "')");
    x.surfaces.resize(r.count(16));
    for (auto& [surface, n] : x.surfaces) {
      surface = r.str();
      n = r.u64();
    }
  }
  const std::size_t body = r.pos();
  const std::string_view sum = r.raw(checksum_size);
  if (r.left() != 0) r.fail("corrupt shard (" + std::to_string(r.left()) + " bytes after its end)");
  sha256_state h;
  h.update(std::string_view(bytes).substr(0, body));
  if (h.hex() != sum) throw error(name + ": corrupt shard (its SHA-256 does not match its contents)");
  return shard;
}

freq_shard freq_shard::merge(std::vector<freq_shard> shards) {
  if (shards.empty()) throw error("no shards to merge");
  freq_shard merged;
  impl& m = *merged.impl_;
  const impl& first = *shards.front().impl_;
  const auto first_identity = first.identity();
  for (const freq_shard& shard : shards) {
    const impl& s = *shard.impl_;
    const auto id = s.identity();
    for (std::size_t i = 0; i < id.size(); ++i)
      if (id[i].second != first_identity[i].second)
        throw error("shards made with different options: " + id[i].first + " is '" + first_identity[i].second +
                    "' in " + first.source + ", '" + id[i].second + "' in " + s.source);
    for (std::size_t i = 0; i < std::max(s.meta.size(), first.meta.size()); ++i) {
      const bool both = i < s.meta.size() && i < first.meta.size();
      if (both && s.meta[i] == first.meta[i]) continue;
      const std::string option = i < first.meta.size() ? first.meta[i].first : s.meta[i].first;
      throw error("shards made with different options: " + option + " is '" +
                  (i < first.meta.size() ? first.meta[i].second : std::string("(absent)")) + "' in " + first.source +
                  ", '" + (i < s.meta.size() ? s.meta[i].second : std::string("(absent)")) + "' in " + s.source);
    }
  }
  m.options = first.options;
  m.node_key = first.node_key;
  m.stopwords_sha256 = first.stopwords_sha256;
  m.meta = first.meta;
  m.source = "a merge of " + std::to_string(shards.size()) + " shards";
  std::vector<shard_word> all;
  for (freq_shard& shard : shards) {
    impl& s = *shard.impl_;
    for (shard_input& in : s.inputs) m.inputs.push_back(std::move(in));
    m.tokens += s.tokens;
    m.running_words += s.running_words;
    m.sentences += s.sentences;
    m.blocks += s.blocks;
    m.window_slots += s.window_slots;
    for (shard_word& w : s.words) all.push_back(std::move(w));
  }
  std::sort(m.inputs.begin(), m.inputs.end(), input_less);
  // Keys sorted by bytes: the merge is the same whatever the shards' order.
  std::stable_sort(all.begin(), all.end(), [](const shard_word& a, const shard_word& b) { return a.key < b.key; });
  for (std::size_t i = 0; i < all.size();) {
    shard_word w = std::move(all[i]);
    std::map<std::string, std::uint64_t> surfaces(w.surfaces.begin(), w.surfaces.end());
    for (++i; i < all.size() && all[i].key == w.key; ++i) {
      w.count += all[i].count;
      w.sentences += all[i].sentences;
      w.blocks += all[i].blocks;
      w.cooc += all[i].cooc;
      for (const auto& [surface, n] : all[i].surfaces) surfaces[surface] += n;
    }
    w.surfaces.assign(surfaces.begin(), surfaces.end());
    m.words.push_back(std::move(w));
  }
  // The same input (name, size and SHA-256) in two shards would be counted twice: refuse it.
  for (std::size_t i = 1; i < m.inputs.size(); ++i) {
    const input_info &a = m.inputs[i - 1].info, &b = m.inputs[i].info;
    if (a.name == b.name && a.size == b.size && !a.sha256.empty() && a.sha256 == b.sha256)
      throw error(a.name + ": this input is in more than one shard (merging would count it twice)");
  }
  return merged;
}

freq_result freq_shard::result(const freq_options& filters) const {
  const impl& s = *impl_;
  freq_options o = s.options;
  o.top = filters.top;
  o.min_count = filters.min_count;
  o.min_length = filters.min_length;
  count_table pooled;
  pooled.keys.reserve(s.words.size());
  pooled.entries.resize(s.words.size());
  pooled.surfaces.resize(s.words.size());
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const shard_word& w = s.words[i];
    const auto id = static_cast<std::uint32_t>(i);
    pooled.keys.push_back(w.key);
    pooled.ids.emplace(w.key, id);
    pooled.entries[i].count = w.count;
    pooled.entries[i].sentences = w.sentences;
    pooled.entries[i].blocks = w.blocks;
    for (const auto& [surface, n] : w.surfaces) pooled.surfaces[i][surface] += n;
    if (w.cooc) pooled.cooc.emplace(id, w.cooc);
  }
  pooled.running_words = s.running_words;
  pooled.sentences = s.sentences;
  pooled.blocks = s.blocks;
  pooled.window_slots = s.window_slots;
  freq_result r;
  for (const shard_input& in : s.inputs) {
    r.inputs.push_back(in.info.name);
    r.per_input_summary.push_back(in.summary);
  }
  // As frequency_counter::result() with combine: one input is its own pool; several have no
  // running text in common, so no MATTR or MTLD.
  if (s.inputs.size() == 1) {
    r.summary = s.inputs.front().summary;
  } else {
    r.summary = summarize_counts(pooled, s.tokens);
    r.summary.null_reason = pooled_null_reason;
  }
  fill_rows(r, pooled, o, s.node_key, {});
  return r;
}

void write_shard(std::ostream& out, const frequency_counter& counter,
                 const std::vector<std::pair<std::string, std::string>>& meta_options) {
  freq_shard::from_counter(counter, meta_options).write(out);
}

freq_shard merge_shards(const std::vector<std::istream*>& shards, const std::vector<std::string>& names) {
  if (shards.size() != names.size()) throw error("merge_shards: one name per shard");
  std::vector<freq_shard> read;
  for (std::size_t i = 0; i < shards.size(); ++i) read.push_back(freq_shard::read(*shards[i], names[i]));
  return freq_shard::merge(std::move(read));
}

}  // namespace histext
