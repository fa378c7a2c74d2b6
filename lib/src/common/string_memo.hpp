#pragma once
// Internal: an insert-only table from strings to values whose addresses never change, for tables
// asked once or more per token: the recogniser's per-document memos (word facts, the document's
// word counts, the prediction history, standalone words) and the name lexicon's curated lists.
// Open addressing over a power-of-two array of (hash, pointer) slots: a look-up is one probe of a
// contiguous array and one key compare, where std::unordered_map divides by a prime and follows a
// node per bucket. `fast_paths` off makes it a std::unordered_map (the plain reference); the
// answers are the same either way.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/fast_paths.hpp"
#include "common/hash.hpp"

namespace histext {

/// Strings to values of type V. find() on a memo no one is changing is safe from several threads;
/// get_or_make() is not.
template <class V>
class string_memo {
 public:
  /// The value of `key`, or null.
  V* find(std::string_view key) {
    if constexpr (!fast_paths) {
      auto it = reference_.find(key);
      return it == reference_.end() ? nullptr : &it->second;
    }
    return slots_.empty() ? nullptr : find(key, string_hash{}(key));
  }
  const V* find(std::string_view key) const { return const_cast<string_memo*>(this)->find(key); }

  /// The value of `key`, made by `make()` when the key is new. The reference stays valid for the
  /// memo's life.
  template <class Make>
  V& get_or_make(std::string_view key, Make&& make) {
    if constexpr (!fast_paths) {
      if (V* v = find(key)) return *v;
      return reference_.emplace(std::string(key), make()).first->second;
    }
    const std::size_t h = string_hash{}(key);  // once, for the look-up and the insertion
    if (!slots_.empty())
      if (V* v = find(key, h)) return *v;
    if ((items_.size() + 1) * 10 > slots_.size() * 7) grow();  // load factor <= 0.7
    items_.emplace_back(std::string(key), make());
    place(h, &items_.back());
    return items_.back().second;
  }

  /// The number of keys.
  std::size_t size() const { return fast_paths ? items_.size() : reference_.size(); }

  /// Calls f(key, value) for every entry (in no order a caller may rely on).
  template <class F>
  void for_each(F&& f) const {
    if constexpr (!fast_paths)
      for (const auto& [k, v] : reference_) f(k, v);
    else
      for (const auto& [k, v] : items_) f(k, v);
  }

 private:
  using item = std::pair<std::string, V>;
  struct slot {
    std::size_t hash = 0;
    item* entry = nullptr;
  };
  V* find(std::string_view key, std::size_t h) {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const slot& s = slots_[i];
      if (!s.entry) return nullptr;
      if (s.hash == h && s.entry->first == key) return &s.entry->second;
    }
  }
  void place(std::size_t h, item* it) {
    std::size_t i = h & mask_;
    while (slots_[i].entry) i = (i + 1) & mask_;
    slots_[i] = {h, it};
  }
  void grow() {
    std::vector<slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, slot{});
    mask_ = slots_.size() - 1;
    for (const slot& s : old)
      if (s.entry) place(s.hash, s.entry);
  }
  std::vector<slot> slots_;
  std::size_t mask_ = 0;
  std::deque<item> items_;  // a deque: growing never moves an item
  std::unordered_map<std::string, V, string_hash, std::equal_to<>> reference_;
};

}  // namespace histext
