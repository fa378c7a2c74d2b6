#pragma once
// The per-token look-up of a worker: normalised word -> what the worker knows of it.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/fast_paths.hpp"

namespace histext::freq {

// What a worker knows about a normalised word.
struct word_info {
  std::uint32_t key_slot;
  bool stop;
};

static_assert(!fast_paths || std::endian::native == std::endian::little,
              "word_key packs bytes with little-endian loads and shifts");

// The per-token table's own hash (not histext::string_hash, which hashes the library's string
// tables): words of up to 16 bytes are hashed from their packed integers, no loop over bytes. Its
// one home is here, with the table that probes by it.
inline constexpr std::uint64_t word_hash_k1 = 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio
inline constexpr std::uint64_t word_hash_k2 = 0xC2B2AE3D27D4EB4FULL;

// A word as the per-token look-up sees it: up to 16 bytes packed into two integers (zero-padded,
// so equal words of equal length have equal packs), or a longer word by reference; and its hash.
struct word_key {
  std::string_view text;
  std::uint64_t lo = 0, hi = 0;  // the packed bytes when text.size() <= 16
  std::uint64_t hash = 0;

  explicit word_key(std::string_view s) : text(s) {
    if constexpr (!fast_paths) {  // the plain reference: every word compared as a string
      hash = std::hash<std::string_view>{}(s);
      return;
    }
    constexpr std::uint64_t k1 = word_hash_k1, k2 = word_hash_k2;
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
// packed in the 32-byte slot, compared as two integers: this is the per-token look-up. Without
// histext::fast_paths every word is kept as a string and compared as one (the plain reference).
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
  void prefetch(const word_key& key) const {
    if constexpr (fast_paths) __builtin_prefetch(&slots_[start(key.hash | 1)]);
  }

  void insert(const word_key& key, word_info info) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();
    slot s;
    s.hash = key.hash | 1;
    s.key_slot = info.key_slot;
    s.stop = info.stop;
    if (fast_paths && key.text.size() <= 16) {
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
  struct alignas(32) slot {        // 32 bytes: never split across cache lines
    std::uint64_t hash = 0;        // 0: empty; else the word's hash with its lowest bit set
    std::uint64_t lo = 0, hi = 0;  // the packed word, or (long words) lo indexes long_
    std::uint32_t key_slot = 0;
    bool stop = false;
    std::uint8_t len = 0;
  };
  static_assert(sizeof(slot) == 32);
  // The first slot to probe: the top bits of the hash times a large odd constant (Fibonacci
  // hashing), which every bit of the hash reaches.
  std::size_t start(std::uint64_t hash) const { return static_cast<std::size_t>((hash * word_hash_k1) >> shift_); }

  bool equals(const slot& s, const word_key& key) const {
    if constexpr (!fast_paths) return long_[s.lo] == key.text;
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

}  // namespace histext::freq
