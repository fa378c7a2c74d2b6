// Build-time generator: reads Festival's syllabified CMU dictionary (cmudict-0.4.out, lines like
//   ("abandon" nil (((ax) 0) ((b ae n) 1) ((d ax n) 0)))
// ) and writes a compact sorted table of lower-case words and their syllable counts.
//
// Output (little-endian, all integers unsigned):
//   8 bytes  magic "HXSYL001"
//   u32      n, the number of words
//   u32      blob size in bytes
//   u32[n+1] offsets of each word in the blob (the last one is the blob size)
//   u8[n]    syllable counts
//   blob     the words, concatenated in byte order, no separators
// A word listed several times (one entry per part of speech) keeps its first entry's count.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "common/byte_order.hpp"

namespace {

void put_u32(std::ostream& out, std::uint32_t v) {
  std::string b;
  histext::byte_order::append_u32(b, v);
  out.write(b.data(), static_cast<std::streamsize>(b.size()));
}

// Syllables are the groups "((phones) stress)": count the "((" after the word's pronunciation opens.
int count_syllables(const std::string& line, std::size_t from) {
  int n = 0;
  for (std::size_t i = from; i + 1 < line.size(); ++i)
    if (line[i] == '(' && line[i + 1] == '(') {
      ++n;
      while (i + 1 < line.size() && line[i + 1] == '(') ++i;
    }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: histext_gen_syllables cmudict-0.4.out syllables.bin\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "histext_gen_syllables: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::vector<std::pair<std::string, int>> entries;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.size() < 4 || line[0] != '(' || line[1] != '"') continue;  // "MNCL" header, blanks
    std::size_t close = line.find('"', 2);
    if (close == std::string::npos) {
      std::cerr << "histext_gen_syllables: " << argv[1] << ":" << line_no << ": malformed entry\n";
      return 1;
    }
    std::string word = line.substr(2, close - 2);
    bool ok = !word.empty();
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (!((c >= 'a' && c <= 'z') || c == '\'' || c == '-')) ok = false;
    }
    // The pronunciation starts at the third '(' of the line: ("word" pos ((...
    std::size_t pron = line.find("((", close);
    int n = pron == std::string::npos ? 0 : count_syllables(line, pron + 1);
    if (!ok || n <= 0 || n > 255) continue;
    entries.emplace_back(std::move(word), n);
  }
  // Keep each word's first entry: stable sort by word, then unique.
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  entries.erase(
      std::unique(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
      entries.end());
  if (entries.size() < 1000) {
    std::cerr << "histext_gen_syllables: only " << entries.size() << " entries in " << argv[1] << "\n";
    return 1;
  }
  std::string tmp = std::string(argv[2]) + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    std::uint32_t blob = 0;
    for (const auto& e : entries) blob += static_cast<std::uint32_t>(e.first.size());
    out.write("HXSYL001", 8);
    put_u32(out, static_cast<std::uint32_t>(entries.size()));
    put_u32(out, blob);
    std::uint32_t off = 0;
    for (const auto& e : entries) {
      put_u32(out, off);
      off += static_cast<std::uint32_t>(e.first.size());
    }
    put_u32(out, off);
    for (const auto& e : entries) out.put(static_cast<char>(e.second));
    for (const auto& e : entries) out.write(e.first.data(), static_cast<std::streamsize>(e.first.size()));
    if (!out.flush()) {
      std::cerr << "histext_gen_syllables: cannot write " << tmp << "\n";
      return 1;
    }
  }
  if (std::rename(tmp.c_str(), argv[2]) != 0) {
    std::cerr << "histext_gen_syllables: cannot rename " << tmp << " to " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
