#pragma once
// Internal: the BILOU tag set and the entity model file (weights of hashed features per tag, tag
// transitions). The model is written by training/perceptron.cpp and read by the recogniser.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "histext/entities.hpp"

namespace histext::entities_detail {

/// Tags: O, then B, I, L, U for person, group and place.
inline constexpr int n_tags = 13;
inline constexpr int tag_o = 0;
enum class tag_part : std::uint8_t { outside, begin, inside, last, unit };
/// The tag of a part of a name of a type (person, group or place).
constexpr int make_tag(tag_part part, entity_type type) {
  return part == tag_part::outside ? tag_o : 1 + 4 * static_cast<int>(type) + (static_cast<int>(part) - 1);
}
constexpr tag_part part_of(int tag) {
  return tag == tag_o ? tag_part::outside : static_cast<tag_part>((tag - 1) % 4 + 1);
}
constexpr entity_type type_of(int tag) { return static_cast<entity_type>((tag - 1) / 4); }
/// "O", "B-person"...
std::string tag_name(int tag);
/// Whether `next` may follow `prev` (prev = -1: the start of a sentence) in a well-formed BILOU run.
bool allowed_transition(int prev, int next);
/// Whether a sentence may end on `tag`.
bool allowed_end(int tag);

/// Transition weights: (n_tags + 1) x n_tags from {start, tags} to tags, then n_tags end weights.
struct transitions {
  std::vector<float> from;  ///< from[(prev + 1) * n_tags + next]
  std::vector<float> ends;  ///< ends[tag]
};

/// Weights of the model: one row of n_tags weights per feature key, transitions between tags.
class model {
 public:
  using row = std::array<float, n_tags>;
  /// Reads a model file; throws histext::error naming the file when it is missing or malformed.
  static std::shared_ptr<const model> load(const std::string& path);
  /// Parses model bytes (as written by write()); `source` names them in errors.
  static std::shared_ptr<const model> parse(std::string bytes, const std::string& source);
  /// The shipped model, data_dir()/entities.model, loaded once per process.
  static std::shared_ptr<const model> shipped();

  /// Adds the weights of feature `key` to `scores` (nothing when the model has no such feature).
  void add(std::uint64_t key, float* scores) const;
  /// The weights of one feature (all zero when unknown).
  row weights(std::uint64_t key) const;
  /// The transition weights.
  const transitions& trans() const { return trans_; }
  std::uint32_t feature_groups() const { return groups_; }
  std::size_t features() const { return n_features_; }
  const std::string& notice() const { return notice_; }

  /// Serialises weights: `keys[i]`'s row is rows[i] (n_tags floats each); transitions are
  /// (n_tags + 1) x n_tags from {start, tags} to tags, then n_tags end weights. Weights are stored
  /// as int16 with one scale. `notice` (licence and attribution) is kept in the file.
  static std::string write(const std::vector<std::uint64_t>& keys, const std::vector<float>& rows,
                           const transitions& trans, std::uint32_t feature_groups, const std::string& notice);

 private:
  // Parses bytes that stay valid for the model's life (owned_ or mapping_).
  static void parse_into(model& m, const char* data, std::size_t size, const std::string& source);
  std::string owned_;                    // parse(): the bytes
  std::shared_ptr<const void> mapping_;  // load(): the file mapped read-only (no copy at start-up)
  std::uint32_t groups_ = 0, bits_ = 0;
  std::size_t n_features_ = 0;
  float scale_ = 0;
  transitions trans_;
  const std::uint64_t* slots_ = nullptr;  // open addressing: key or 0
  const std::uint32_t* slot_rows_ = nullptr;
  const std::int16_t* weights_ = nullptr;
  std::string notice_;
};

}  // namespace histext::entities_detail
