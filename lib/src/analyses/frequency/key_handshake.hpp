#pragma once
// The "send each key's text once" handshake between a worker and the table its chunks merge into.
//
// A worker meets the same keys chunk after chunk; copying every key's text into every chunk
// result, and looking every one up by text in the table, would cost a string copy and a string
// hash per key per chunk. Instead, within one run (one input, one count_table):
//   * the worker (key_sender) numbers its keys 0, 1, 2... in the order it first refers to them;
//   * the first chunk that refers to a key carries its text and number; later chunks carry the
//     number only (key_refs);
//   * the table (key_receiver) remembers, per sender, the table id each number stands for, and
//     resolves a chunk's references to ids.
// Chunks of one sender must be resolved in the order the sender made them (the merge goes in
// input order, and a worker counts its chunks in that order). A new run starts the numbering again,
// and the first reference to every key sends its text again.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "histext/error.hpp"

namespace histext::freq {

/// One chunk's references to its keys, by local id (0, 1, 2... in the chunk): the key's number in
/// the sender's run, and whether the chunk carries the key's text.
struct key_refs {
  const void* sender = nullptr;        ///< the key_sender that made them
  std::vector<std::uint32_t> numbers;  ///< local id -> the key's number in the run
  std::vector<std::uint8_t> sent;      ///< local id -> 1 when the chunk carries the key's text

  bool empty() const { return numbers.empty(); }
};

/// The worker's side: for each of its key slots, whether its text went to the current run's table.
class key_sender {
 public:
  /// Adds a key slot (slots are numbered 0, 1, 2... in the order they are added).
  void add_slot() { slots_.emplace_back(); }

  /// Starts a new run (a new table): numbering restarts at 0 and every key's text is sent again.
  void new_run() {
    ++run_;
    next_number_ = 0;
  }

  /// Appends a reference to key `slot` to `refs` (its next local id) and names this sender in it.
  /// Returns true when this is the key's first reference in the run: the chunk must then carry
  /// the key's text under that local id.
  bool refer(std::uint32_t slot, key_refs& refs) {
    slot_state& s = slots_[slot];
    const bool first = s.run != run_;
    if (first) {
      s.run = run_;
      s.number = next_number_++;
    }
    refs.sender = this;
    refs.numbers.push_back(s.number);
    refs.sent.push_back(first ? 1 : 0);
    return first;
  }

 private:
  struct slot_state {
    std::uint32_t run = 0;     // the last run whose table got the key's text (runs start at 1)
    std::uint32_t number = 0;  // the key's number in that run
  };
  std::vector<slot_state> slots_;
  std::uint32_t run_ = 1;
  std::uint32_t next_number_ = 0;
};

/// The table's side (one per run): which table id each sender's key numbers stand for.
class key_receiver {
 public:
  /// Fills `ids` (local id -> table id) for a chunk's `refs`, whose key texts are `texts` (by local
  /// id; only those sent are read). A sent text is interned with intern(text) -> table id, in local
  /// id order, and remembered under its number. Throws histext::error when a number was never sent.
  template <class Intern>
  void resolve(const key_refs& refs, const std::vector<std::string>& texts, Intern&& intern,
               std::vector<std::uint32_t>& ids) {
    std::vector<std::uint32_t>& known = ids_[refs.sender];
    ids.resize(refs.numbers.size());
    for (std::size_t i = 0; i < refs.numbers.size(); ++i) {
      const std::uint32_t number = refs.numbers[i];
      if (known.size() <= number) known.resize(std::size_t{number} + 1, unknown);
      if (refs.sent[i]) known[number] = intern(texts[i]);
      if (known[number] == unknown) throw error("internal: a word's text was never sent to the table");
      ids[i] = known[number];
    }
  }

 private:
  static constexpr std::uint32_t unknown = std::numeric_limits<std::uint32_t>::max();
  std::map<const void*, std::vector<std::uint32_t>> ids_;  // sender -> its key number -> table id
};

}  // namespace histext::freq
