// gen_word_stats_bin: data/word_stats.tsv (reviewable text, committed) -> word_stats.bin, the
// binary form the library maps instead of parsing (lib/src/lexicons/word_stats.hpp documents the
// layout), with a hash table of the keys. Standalone but for common/hash.hpp: the data is built
// before the library.
//   gen_word_stats_bin IN.tsv OUT.bin
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "common/hash.hpp"

namespace {
int fail(const std::string& what) {
  std::fprintf(stderr, "gen_word_stats_bin: %s\n", what.c_str());
  return 1;
}
template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return fail("usage: gen_word_stats_bin IN.tsv OUT.bin");
  std::ifstream in(argv[1]);
  if (!in) return fail(std::string(argv[1]) + ": cannot open");
  std::string keys, stats, line, prev;
  std::vector<std::uint32_t> offsets;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::size_t at = 0;
    for (std::size_t tab; (tab = line.find('\t', at)) != std::string::npos; at = tab + 1)
      f.push_back(line.substr(at, tab - at));
    f.push_back(line.substr(at));
    auto num = [&](const std::string& s, long dash) { return s == "-" ? dash : std::strtol(s.c_str(), nullptr, 10); };
    if (f.size() != 4 || f[0].empty() || (!prev.empty() && !(prev < f[0])))
      return fail(std::string(argv[1]) + ": line " + std::to_string(number) + ": malformed or out of order");
    prev = f[0];
    offsets.push_back(static_cast<std::uint32_t>(keys.size()));
    keys += f[0];
    put(stats, static_cast<std::uint32_t>(num(f[1], 0)));
    put(stats, static_cast<std::int16_t>(num(f[2], -1)));
    put(stats, static_cast<std::int16_t>(num(f[3], -1)));
  }
  // Open addressing, linear probing, at most half full: slot (stable_hash64(key) & (slots - 1))
  // onwards holds the key's index + 1 (0: empty).
  std::uint32_t slots = 1;
  while (slots < 2 * offsets.size()) slots *= 2;
  std::vector<std::uint32_t> table(slots, 0);
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    const std::size_t end = i + 1 < offsets.size() ? offsets[i + 1] : keys.size();
    std::size_t at = histext::stable_hash64(std::string_view(keys).substr(offsets[i], end - offsets[i])) & (slots - 1);
    while (table[at]) at = (at + 1) & (slots - 1);
    table[at] = static_cast<std::uint32_t>(i + 1);
  }
  std::string out("HXWS0002");
  put(out, static_cast<std::uint32_t>(offsets.size()));
  put(out, static_cast<std::uint32_t>(keys.size()));
  put(out, slots);
  for (auto o : offsets) put(out, o);
  put(out, static_cast<std::uint32_t>(keys.size()));
  out += stats;
  for (auto t : table) put(out, t);
  out += keys;
  std::ofstream o(argv[2], std::ios::binary | std::ios::trunc);
  o.write(out.data(), static_cast<std::streamsize>(out.size()));
  o.close();
  if (!o) return fail(std::string(argv[2]) + ": write error");
  return 0;
}
