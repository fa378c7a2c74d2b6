#pragma once
// The counted items of one input in document order, as ids (see id_sequence).
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace histext::freq {

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

}  // namespace histext::freq
