#pragma once
// Counts: what one chunk gives (chunk_result) and one input's merged table (count_table).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyses/frequency/id_sequence.hpp"
#include "histext/error.hpp"

namespace histext::freq {

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

}  // namespace histext::freq
