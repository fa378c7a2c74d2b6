#pragma once
// Counts: what one chunk gives (chunk_result) and one input's merged table (count_table).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyses/frequency/id_sequence.hpp"
#include "analyses/frequency/key_handshake.hpp"
#include "common/hash.hpp"
#include "histext/document.hpp"

namespace histext::freq {

/// A string-keyed table searched with a string_view and no copy (the library's one string hash).
template <class V>
using string_map = std::unordered_map<std::string, V, string_hash, std::equal_to<>>;

struct local_entry {  // within one chunk (under 4 GB: ICU's limit), so 32-bit counts suffice
  std::uint32_t count = 0, sentences = 0, blocks = 0;
  std::uint32_t last_sentence = 0, first_block = 0, last_block = 0;
};

// What one chunk gives: its own vocabulary (ids in order of first appearance).
struct chunk_result {
  // Words (not n-grams) refer to their keys through the handshake (key_handshake.hpp): a key's
  // text is sent only the first time its worker meets it in a run, later by number.
  key_refs refs;                  // local id -> the key's reference (empty for n-grams)
  std::vector<std::string> keys;  // local id -> key text ("" when not sent)
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
  input_info info;  // as add_stream returned it (or the document's)
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
  key_receiver senders;  // the workers' key numbers -> ids

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

  // Adds another input's whole table (its blocks are its own: none is shared with this one);
  // `with_sequence` false leaves the sequence out (nothing that needs the running text follows).
  void pool(const count_table& t, bool with_sequence = true) {
    std::vector<std::uint32_t> map(t.keys.size());
    for (std::size_t i = 0; i < t.keys.size(); ++i) {
      const std::uint32_t g = intern(t.keys[i]);
      map[i] = g;
      entries[g].count += t.entries[i].count;
      entries[g].sentences += t.entries[i].sentences;
      entries[g].blocks += t.entries[i].blocks;
      for (const auto& [surface, n] : t.surfaces[i]) surfaces[g][surface] += n;
    }
    if (with_sequence) sequence.append_copy(t.sequence, map);
    sentences += t.sentences;
    running_words += t.running_words;
    blocks += t.blocks;
    for (const auto& [id, n] : t.cooc) cooc[map[id]] += n;
    window_slots += t.window_slots;
  }

  void merge(chunk_result& c) {
    std::vector<std::uint32_t> map(c.keys.size());
    if (c.refs.empty()) {
      for (std::size_t i = 0; i < c.keys.size(); ++i) map[i] = intern(c.keys[i]);
    } else {
      senders.resolve(
          c.refs, c.keys, [this](const std::string& key) { return intern(key); }, map);
    }
    for (std::size_t i = 0; i < c.keys.size(); ++i) {
      const std::uint32_t g = map[i];
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
