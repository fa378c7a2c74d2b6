// The entity model file. Layout (little-endian):
//   "HXNERv01" | u32 feature_groups | u32 tags | u32 features | u32 table_bits | f32 scale
//   | f32 transitions[(tags + 1) * tags] | f32 ends[tags] | u32 notice_bytes | notice (padded to 8)
//   | u64 slots[2^bits] (feature key, 0 = empty) | u32 slot_rows[2^bits] | i16 weights[features * tags]
// The feature table is stored already hashed (open addressing, linear probing) so that loading is
// one read and no rebuild: start-up stays close to a bare ICU program's.
#include "analyses/entities/model.hpp"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <mutex>

#include "common/mapped_file.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"

namespace histext::entities_detail {

namespace {
constexpr char magic[8] = {'H', 'X', 'N', 'E', 'R', 'v', '0', '1'};

template <class T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void pad8(std::string& out) { out.append((8 - out.size() % 8) % 8, '\0'); }

std::size_t slot_of(std::uint64_t key, std::uint32_t bits) { return static_cast<std::size_t>(key >> (64 - bits)); }
}  // namespace

std::string tag_name(int tag) {
  static const char* parts[] = {"O", "B", "I", "L", "U"};
  if (tag == tag_o) return "O";
  return std::string(parts[static_cast<int>(part_of(tag))]) + "-" + to_string(type_of(tag));
}

bool allowed_transition(int prev, int next) {
  const bool open = prev >= 0 && (part_of(prev) == tag_part::begin || part_of(prev) == tag_part::inside);
  const tag_part n = part_of(next);
  if (open) return (n == tag_part::inside || n == tag_part::last) && type_of(next) == type_of(prev);
  return n == tag_part::outside || n == tag_part::begin || n == tag_part::unit;
}

bool allowed_end(int tag) {
  tag_part p = part_of(tag);
  return p == tag_part::outside || p == tag_part::last || p == tag_part::unit;
}

std::string model::write(const std::vector<std::uint64_t>& keys, const std::vector<float>& rows,
                         const transitions& trans, std::uint32_t feature_groups, const std::string& notice) {
  float maxabs = 0;
  for (float w : rows) maxabs = std::max(maxabs, std::fabs(w));
  const float scale = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
  std::uint32_t bits = 4;
  while ((std::size_t{1} << bits) * 7 < keys.size() * 10) ++bits;  // load factor <= 0.7
  std::string out(magic, sizeof magic);
  put(out, feature_groups);
  put(out, static_cast<std::uint32_t>(n_tags));
  put(out, static_cast<std::uint32_t>(keys.size()));
  put(out, bits);
  put(out, scale);
  for (float t : trans.from) put(out, t);
  for (float e : trans.ends) put(out, e);
  put(out, static_cast<std::uint32_t>(notice.size()));
  out += notice;
  pad8(out);
  std::vector<std::uint64_t> slots(std::size_t{1} << bits, 0);
  std::vector<std::uint32_t> slot_rows(slots.size(), 0);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::size_t s = slot_of(keys[i], bits);
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = keys[i];
    slot_rows[s] = static_cast<std::uint32_t>(i);
  }
  for (auto k : slots) put(out, k);
  for (auto r : slot_rows) put(out, r);
  for (float w : rows) put(out, static_cast<std::int16_t>(std::lround(w / scale)));
  return out;
}

std::shared_ptr<const model> model::parse(std::string bytes, const std::string& source) {
  auto m = std::make_shared<model>();
  m->owned_ = std::move(bytes);
  parse_into(*m, m->owned_.data(), m->owned_.size(), source);
  return m;
}

void model::parse_into(model& mo, const char* data, std::size_t size, const std::string& source) {
  model* m = &mo;
  std::string_view b(data, size);
  std::size_t at = 0;
  auto bad = [&](const std::string& what) {
    return error(source + ": not a histext entity model (" + what + " at byte " + std::to_string(at) + ")");
  };
  auto need = [&](std::size_t n) {
    if (at > b.size() || b.size() - at < n) throw bad("truncated");
  };
  auto get = [&](auto& v) {
    need(sizeof v);
    std::memcpy(&v, b.data() + at, sizeof v);
    at += sizeof v;
  };
  need(sizeof magic);
  if (std::memcmp(b.data(), magic, sizeof magic) != 0) throw bad("bad magic");
  at = sizeof magic;
  std::uint32_t tags = 0, features = 0, notice_size = 0;
  get(m->groups_);
  get(tags);
  get(features);
  get(m->bits_);
  get(m->scale_);
  if (tags != n_tags) throw bad("tag count " + std::to_string(tags));
  if (m->bits_ < 4 || m->bits_ > 30) throw bad("table size");
  m->trans_.from.resize((n_tags + 1) * n_tags);
  m->trans_.ends.resize(n_tags);
  for (float& t : m->trans_.from) get(t);
  for (float& e : m->trans_.ends) get(e);
  get(notice_size);
  need(notice_size);
  m->notice_ = std::string(b.substr(at, notice_size));
  at += notice_size;
  at += (8 - at % 8) % 8;
  const std::size_t n_slots = std::size_t{1} << m->bits_;
  need(n_slots * 12 + std::size_t{features} * n_tags * 2);
  if (at + n_slots * 12 + std::size_t{features} * n_tags * 2 != b.size()) throw bad("size mismatch");
  // The buffer is 8-aligned (new[] or a page) and offsets are padded to 8, so these reads are aligned.
  m->slots_ = reinterpret_cast<const std::uint64_t*>(b.data() + at);
  m->slot_rows_ = reinterpret_cast<const std::uint32_t*>(b.data() + at + n_slots * 8);
  m->weights_ = reinterpret_cast<const std::int16_t*>(b.data() + at + n_slots * 12);
  m->n_features_ = features;
}

std::shared_ptr<const model> model::load(const std::string& path) {
  mapped_file f = map_file(path, "the entity model", false);
  auto m = std::make_shared<model>();
  m->mapping_ = f.keep;
  parse_into(*m, f.data, f.size, path);
  return m;
}

std::shared_ptr<const model> model::shipped() {
  // Never destroyed: unmapping 3 MB at exit costs a short run more than the mapping did.
  static std::once_flag once;
  static auto* m = new std::shared_ptr<const model>();
  static auto* failure = new std::string();
  std::call_once(once, [] {
    try {
      *m = load(data_file("entities.model"));
    } catch (const error& e) {
      *failure = e.what();
    }
  });
  if (!*m) throw error(*failure);
  return *m;
}

void model::add(std::uint64_t key, float* scores) const {
  const std::size_t mask = (std::size_t{1} << bits_) - 1;
  for (std::size_t s = slot_of(key, bits_);; s = (s + 1) & mask) {
    const std::uint64_t k = slots_[s];
    if (k == 0) return;
    if (k == key) {
      if (slot_rows_[s] >= n_features_) return;  // a damaged file: the feature is ignored, never read past
      const std::int16_t* w = weights_ + std::size_t{slot_rows_[s]} * n_tags;
      for (int t = 0; t < n_tags; ++t) scores[t] += static_cast<float>(w[t]) * scale_;
      return;
    }
  }
}

model::row model::weights(std::uint64_t key) const {
  row r{};
  add(key, r.data());
  return r;
}

}  // namespace histext::entities_detail
