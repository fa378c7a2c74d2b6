// Counting one chunk (see counting.hpp).
#include "analyses/frequency/counting.hpp"

#include <algorithm>
#include <limits>

#include "histext/error.hpp"

namespace histext::freq {

std::string counting_rules::key_of(stemmer* stem, std::string_view base) const {
  switch (options.form) {
    case word_form::norm: return std::string(base);
    case word_form::lemma: return lemmas->lemma(base);
    case word_form::stem:
      if (!stem) throw error("internal: stemming without a stemmer");
      return stem->stem(base);
  }
  return std::string(base);
}

worker::worker(const freq_options& options) : seg(options.segmentation) {
  if (options.form == word_form::stem) stem.emplace();
}

void worker::new_input() { sender.new_run(); }

namespace {

struct item {
  std::string_view surface;
  std::uint32_t key_slot;
  bool stop;
};

word_info info_of(worker& w, const word_key& word, const counting_rules& rules) {
  const std::string_view base = word.text;
  word_info info{};
  if (w.words.find(word, info)) return info;
  info.stop = rules.stops.contains(base);
  std::string key = rules.key_of(w.stem ? &*w.stem : nullptr, base);
  auto slot = w.key_slots.find(key);
  if (slot == w.key_slots.end()) {
    slot = w.key_slots.emplace(key, static_cast<std::uint32_t>(w.keys.size())).first;
    w.keys.push_back(std::move(key));
    w.key_ids.emplace_back();
    w.sender.add_slot();
  }
  info.key_slot = slot->second;
  w.words.insert(word, info);
  return info;
}

}  // namespace

chunk_result count_chunk(const text_chunk& c, worker& w, const counting_rules& rules) {
  const freq_options& options = rules.options;
  const std::string& node_key = rules.node_key;
  chunk_result r;
  const bool forms = options.form != word_form::norm;
  const std::size_t n = options.ngram;
  const std::uint32_t generation = ++w.generation;
  if (w.last_bytes)  // chunks are alike: growing by doubling would copy the sequence
    r.sequence.reserve(
        static_cast<std::size_t>(static_cast<double>(w.last_ids) * 1.125 * static_cast<double>(c.text.size()) /
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
      const bool send = w.sender.refer(slot, r.refs);  // its reference gets local id r.keys.size()
      k.local = add_entry(send ? w.keys[slot] : std::string());
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
        const word_info info = info_of(w, key, rules);
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
          std::uint32_t id = found != ngram_ids.end()
                                 ? found->second
                                 : ngram_ids.emplace(joined_key, add_entry(joined_key)).first->second;
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

}  // namespace histext::freq
