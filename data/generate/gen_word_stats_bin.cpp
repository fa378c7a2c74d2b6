// gen_word_stats_bin: data/word_stats.tsv (reviewable text, committed) -> word_stats.bin, the
// binary form the library loads with a copy instead of a parse (lib/src/lexicons/word_stats.hpp
// documents the layout). Standalone: the data is built before the library.
//   gen_word_stats_bin IN.tsv OUT.bin
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

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
  std::string out("HXWS0001");
  put(out, static_cast<std::uint32_t>(offsets.size()));
  put(out, static_cast<std::uint32_t>(keys.size()));
  for (auto o : offsets) put(out, o);
  put(out, static_cast<std::uint32_t>(keys.size()));
  out += stats;
  out += keys;
  std::ofstream o(argv[2], std::ios::binary | std::ios::trunc);
  o.write(out.data(), static_cast<std::streamsize>(out.size()));
  o.close();
  if (!o) return fail(std::string(argv[2]) + ": write error");
  return 0;
}
