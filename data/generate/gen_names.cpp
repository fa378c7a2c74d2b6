// gen_names: builds histext's name lexicon from WordNet 3.0 (Debian's wordnet-base).
//
//   gen_names WORDNET_DIR OUT
//
// Writes OUT: one line per lower-cased lemma, sorted by bytes (LC_ALL=C order), no header:
//   key <TAB> codes [<TAB> evidence]
// key: the lemma, lower-case ASCII, '_' made ' '. codes: one letter per sense, nouns first in
// WordNet's sense order (most frequent first), then adjectives, verbs and adverbs:
//   p person (an instance: a particular person)   P a kind of person written with a capital
//                                                   (nationality, follower: German, Trotskyite)
//   l place (capitalised, noun.location)           g group (capitalised, noun.group)
//   o other capitalised noun (work, event...)      F a given name (first word of >= 2 people's names)
//   h common noun for people (architect)           q common noun for groups (party, school)
//   w common noun for places (city, strait)        n any other common noun
//   A capitalised adjective (Russian)              a adjective   v verb   r adverb
//   S suffix statistics: key "-xyz", evidence "people places groups" counts of one-word names ending so
// evidence: for the first capitalised noun sense, "instance of X" or "a kind of X" (X the first
// lemma of its hypernym). Deterministic: the same WordNet gives byte-identical output.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicons/name_index.hpp"

namespace {

struct synset {
  int lexfile = 0;
  std::vector<std::string> words;  // as written (case kept, '_' kept)
  std::string hypernym;            // offset of the first @ or @i
  bool instance = false;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string spaced(std::string s) {
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

// Drops an adjective marker such as "(a)" or "(p)".
std::string strip_marker(const std::string& w) {
  auto p = w.find('(');
  return p == std::string::npos ? w : w.substr(0, p);
}

std::unordered_map<std::string, synset> read_data(const std::string& path) {
  std::unordered_map<std::string, synset> out;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ss(line.substr(0, line.find(" | ")));
    std::string offset, lex, type, cnt_hex;
    ss >> offset >> lex >> type >> cnt_hex;
    synset s;
    s.lexfile = std::stoi(lex);
    int n = static_cast<int>(std::stoul(cnt_hex, nullptr, 16));
    for (int i = 0; i < n; ++i) {
      std::string w, id;
      ss >> w >> id;
      s.words.push_back(strip_marker(w));
    }
    int p_cnt = 0;
    ss >> p_cnt;
    for (int i = 0; i < p_cnt; ++i) {
      std::string sym, off, pos, st;
      ss >> sym >> off >> pos >> st;
      if (s.hypernym.empty() && (sym == "@" || sym == "@i") && pos == "n") {
        s.hypernym = off;
        s.instance = sym == "@i";
      }
    }
    out.emplace(offset, std::move(s));
  }
  return out;
}

// Offsets of a lemma's senses in index order.
std::vector<std::pair<std::string, std::vector<std::string>>> read_index(const std::string& path) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream ss(line);
    std::string lemma, pos;
    int synset_cnt = 0, p_cnt = 0;
    ss >> lemma >> pos >> synset_cnt >> p_cnt;
    for (int i = 0; i < p_cnt; ++i) {
      std::string x;
      ss >> x;
    }
    int sense_cnt = 0, tag_cnt = 0;
    ss >> sense_cnt >> tag_cnt;
    std::vector<std::string> offs;
    for (int i = 0; i < synset_cnt; ++i) {
      std::string o;
      ss >> o;
      offs.push_back(o);
    }
    out.emplace_back(lemma, std::move(offs));
  }
  return out;
}

// The word of a synset that spells `lemma` (case-insensitively), or "".
std::string spelled(const synset& s, const std::string& lemma) {
  for (const auto& w : s.words)
    if (lower(w) == lemma) return w;
  return "";
}

// True when a synset descends (by hypernyms or instance hypernyms) from a building, a structure or
// a facility: a capitalised artifact of that kind is a place (the Louvre, the White House).
bool is_structure(const std::unordered_map<std::string, synset>& nouns, std::string off) {
  for (int depth = 0; depth < 20; ++depth) {
    auto it = nouns.find(off);
    if (it == nouns.end()) return false;
    const auto& w = it->second.words;
    if (!w.empty() && (w[0] == "structure" || w[0] == "facility" || w[0] == "building" || w[0] == "way" ||
                       w[0] == "establishment" || w[0] == "area"))
      return true;
    off = it->second.hypernym;
  }
  return false;
}

bool capitalised(const std::string& w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: gen_names WORDNET_DIR OUT [INDEX_OUT]\n";
    return 2;
  }
  const std::string dir = argv[1];
  try {
    std::map<std::string, std::string> codes, evidence;
    auto nouns = read_data(dir + "/data.noun");
    for (const auto& [lemma, offs] : read_index(dir + "/index.noun")) {
      std::string key = spaced(lemma);
      for (const auto& off : offs) {
        auto it = nouns.find(off);
        if (it == nouns.end()) continue;
        const synset& s = it->second;
        std::string w = spelled(s, lemma);
        char c;
        if (capitalised(w)) {
          if (s.lexfile == 18)
            c = s.instance ? 'p' : 'P';
          else if (s.lexfile == 15 || s.lexfile == 17 || (s.lexfile == 6 && is_structure(nouns, off)))
            c = 'l';
          else if (s.lexfile == 14)
            c = 'g';
          else
            c = 'o';
          if (!evidence.count(key)) {
            std::string hyp;
            auto h = nouns.find(s.hypernym);
            if (h != nouns.end() && !h->second.words.empty()) hyp = spaced(h->second.words[0]);
            evidence[key] = (s.instance ? "instance of " : "a kind of ") + hyp;
          }
        } else {
          c = s.lexfile == 18 ? 'h' : s.lexfile == 14 ? 'q' : s.lexfile == 15 ? 'w' : 'n';
        }
        codes[key] += c;
      }
    }
    // Given names: first words of people's multi-word names, when at least two people share them.
    std::map<std::string, int> given;
    for (const auto& [off, s] : nouns) {
      if (s.lexfile != 18 || !s.instance) continue;
      std::map<std::string, bool> seen;
      for (const auto& w : s.words) {
        auto us = w.find('_');
        if (us == std::string::npos || !capitalised(w)) continue;
        std::string first = w.substr(0, us);
        if (first.size() < 2 || first.find('.') != std::string::npos) continue;
        bool alpha = std::all_of(first.begin(), first.end(), [](char ch) { return std::isalpha((unsigned char)ch); });
        if (!alpha || seen[first]) continue;
        // Titles (Saint, King, Sir...) open names too, but they are common nouns as well.
        seen[first] = true;
        ++given[lower(first)];
      }
    }
    const struct {
      const char* file;
      char lower_code, upper_code;
    } others[] = {{"index.adj", 'a', 'A'}, {"index.verb", 'v', 'v'}, {"index.adv", 'r', 'r'}};
    auto adjs = read_data(dir + "/data.adj");
    for (const auto& o : others) {
      auto idx = read_index(dir + "/" + o.file);
      for (const auto& [lemma, offs] : idx) {
        std::string key = spaced(lemma);
        char c = o.lower_code;
        if (o.lower_code == 'a') {
          bool cap = false;
          for (const auto& off : offs) {
            auto it = adjs.find(off);
            if (it != adjs.end() && capitalised(spelled(it->second, lemma))) cap = true;
          }
          if (cap) c = o.upper_code;
        }
        codes[key] += c;
      }
    }
    for (const auto& [name, n] : given) {
      if (n < 2) continue;
      auto& c = codes[name];
      if (c.find('h') != std::string::npos || c.find('q') != std::string::npos) continue;  // "King", "Saint"
      c += 'F';
    }
    // Name-shape statistics: how often people's and places' one-word names end in each 2-4 letter
    // suffix; they type names that no lexicon knows ("-grad", "-ov", "-shire").
    std::map<std::string, std::array<int, 3>> suffixes;
    for (const auto& [off, s] : nouns) {
      int cls = -1;
      if (s.lexfile == 18 && s.instance)
        cls = 0;
      else if (s.lexfile == 15 || s.lexfile == 17)
        cls = 1;
      else if (s.lexfile == 14)
        cls = 2;
      if (cls < 0) continue;
      std::set<std::string> seen;
      for (const auto& word : s.words) {
        // People's surnames count too: the last word of "Nikolai_Ivanovich_Bukharin".
        std::string w = word;
        if (cls == 0 && w.find('_') != std::string::npos) w = w.substr(w.rfind('_') + 1);
        if (!capitalised(w) || w.find('_') != std::string::npos || w.size() < 4 || !seen.insert(w).second) continue;
        std::string lw = lower(w);
        if (!std::all_of(lw.begin(), lw.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) continue;
        for (std::size_t n = 2; n <= 4 && n < lw.size(); ++n) ++suffixes["-" + lw.substr(lw.size() - n)][cls];
      }
    }
    for (const auto& [suf, counts] : suffixes) {
      int total = counts[0] + counts[1] + counts[2];
      if (total < 3) continue;
      codes[suf] = "S";
      evidence[suf] = std::to_string(counts[0]) + " " + std::to_string(counts[1]) + " " + std::to_string(counts[2]);
    }
    std::string tsv;
    for (const auto& [key, c] : codes) {
      if (key.find('\t') != std::string::npos) continue;
      tsv.append(key).append(1, '\t').append(c);
      auto e = evidence.find(key);
      if (e != evidence.end()) tsv.append(1, '\t').append(e->second);
      tsv.append(1, '\n');
    }
    auto write = [](const char* path, const std::string& bytes) {
      std::ofstream out(path, std::ios::binary);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out) throw std::runtime_error(std::string("cannot write ") + path);
    };
    write(argv[2], tsv);
    // The page index the library searches names.tsv through (lib/src/lexicons/name_index.hpp).
    if (argc == 4) write(argv[3], histext::name_index::build(tsv));
  } catch (const std::exception& e) {
    std::cerr << "gen_names: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
