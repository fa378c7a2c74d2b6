// The name lexicon: names.tsv (generated from WordNet by data/generate/gen_names.cpp) memory-mapped
// and searched through its page index (names.idx, lexicons/name_index.hpp), or by binary search
// over its bytes; plus the curated category lists.
#include "histext/names.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/fast_paths.hpp"
#include "common/hash.hpp"
#include "common/mapped_file.hpp"
#include "common/string_memo.hpp"
#include "histext/error.hpp"
#include "histext/version.hpp"
#include "lexicons/data_list.hpp"
#include "lexicons/name_index.hpp"

namespace histext {

char name_entry::proper() const {
  char first = 0;
  bool place = false;
  for (char c : codes) {
    if (!first && (c == 'p' || c == 'P' || c == 'l' || c == 'g' || c == 'o')) first = c;
    place |= c == 'l';
  }
  // A name that is both a place and a group ("U.S.", "White House") is read as the place.
  return first == 'g' && place ? 'l' : first;
}

bool name_entry::common() const {
  for (char c : codes)
    if (c == 'h' || c == 'q' || c == 'w' || c == 'n' || c == 'a' || c == 'v' || c == 'r') return true;
  return false;
}

char name_entry::common_noun() const {
  for (char c : codes)
    if (c == 'h' || c == 'q' || c == 'w' || c == 'n') return c;
  return 0;
}

void parse_name_line(std::string_view line, std::string_view& key, name_entry& entry) {
  auto t1 = line.find('\t');
  if (t1 == std::string_view::npos || t1 == 0) throw error("names.tsv: malformed line: " + std::string(line));
  key = line.substr(0, t1);
  auto rest = line.substr(t1 + 1);
  auto t2 = rest.find('\t');
  entry.codes = rest.substr(0, t2);
  entry.evidence = t2 == std::string_view::npos ? std::string_view() : rest.substr(t2 + 1);
  if (entry.codes.empty()) throw error("names.tsv: line without codes: " + std::string(line));
}

struct name_lexicon::impl {
  std::uint64_t id = 0;  // unique per lexicon ever made in the process: find()'s memo tells them apart
  mapped_file file;      // names.tsv, mapped read-only
  const char* data = nullptr;
  std::size_t size = 0;
  mapped_file index;  // names.idx when it is there (empty otherwise: the binary search serves)
  // Each curated word with the lists that hold it (bit 1 << name_list): one lookup answers all.
  string_memo<std::uint32_t> lists;
};

namespace {

// `tsv`: every column of a line is a member; `role`: only the first column of lines whose second
// column is `role` (date_words.txt marks month and weekday names "date", other dateline words "link").
// Each member is added to `out` with `bit`.
void load_list(const std::string& file, string_memo<std::uint32_t>& out, std::uint32_t bit, bool tsv,
               std::string_view role = {}) {
  auto add = [&](std::string_view w) { out.get_or_make(w, [] { return 0u; }) |= bit; };
  for_each_data_line(file, [&](std::string_view line) {
    if (!role.empty()) {
      const std::size_t tab = line.find('\t');
      if (tab != std::string_view::npos && line.substr(tab + 1) == role) add(line.substr(0, tab));
      return;
    }
    if (!tsv) {
      add(line);
      return;
    }
    for (std::string_view field : split_fields(line, '\t')) add(field);  // every column is a member
  });
}

}  // namespace

name_lexicon::name_lexicon() : impl_(new impl) {
  static std::atomic<std::uint64_t> made{0};
  impl_->id = ++made;
  const std::string path = data_file("names.tsv");
  try {
    if constexpr (fast_paths) {
      // Optional: a build without it, or with one that does not fit names.tsv, searches the bytes.
      std::error_code ec;
      const std::string index_path = data_dir() + "/names.idx";
      if (std::filesystem::is_regular_file(index_path, ec)) try {
          impl_->index = map_file(index_path, "the name lexicon's index");
        } catch (const error&) {
        }
    }
    // Through the index a look-up reads one block: the file's pages are mapped as they are read.
    impl_->file = map_file(path, "the name lexicon", impl_->index.size == 0);
  } catch (...) {
    delete impl_;
    throw;
  }
  impl_->data = impl_->file.data;
  impl_->size = impl_->file.size;
  // Lines are found through names.idx, built with names.tsv, or by binary search over the bytes
  // themselves: no index to build at start-up.
  try {
    const char* first_nl = static_cast<const char*>(memchr(impl_->data, '\n', impl_->size));
    std::string_view key;
    name_entry entry;
    parse_name_line(std::string_view(impl_->data, first_nl ? first_nl - impl_->data : impl_->size), key, entry);
    const char* files[] = {"titles.txt",       "org_heads.txt",      "place_words.txt",   "group_nouns.txt",
                           "connectors.txt",   "function_words.txt", "nationalities.tsv", "given_names.txt",
                           "person_verbs.txt", "event_words.txt"};
    for (int i = 0; i < 10; ++i) load_list(files[i], impl_->lists, 1u << i, i == 6);
    load_list("date_words.txt", impl_->lists, 1u << static_cast<int>(name_list::date_word), false, "date");
    load_list("work_nouns.txt", impl_->lists, 1u << static_cast<int>(name_list::work_noun), false, "work");
    load_list("work_nouns.txt", impl_->lists, 1u << static_cast<int>(name_list::vessel_noun), false, "vessel");
  } catch (...) {
    delete impl_;
    throw;
  }
}

name_lexicon::~name_lexicon() { delete impl_; }

const name_lexicon& name_lexicon::instance() {
  static const name_lexicon lex;
  return lex;
}

name_entry name_lexicon::find(std::string_view key) const {
  if constexpr (!fast_paths) return search(key);
  // A per-thread memo of recent look-ups, one slot per hash value: the recogniser asks for the same
  // few thousand words of a document again and again, and each binary search touches ~17 lines of
  // a 3 MB file. An entry's views point into the mapped file, valid while its lexicon lives; the
  // lexicon's id (never reused) keeps another lexicon's entries out.
  // Plain bytes, allocated zeroed with calloc. It starts small and doubles (dropping what it held:
  // it is only a cache) each time it has missed twice its size, up to 4,096 slots: a short text
  // touches few pages (start-up counts), a book gets the full memo. Keys longer than a slot holds
  // skip it.
  struct slot {
    std::uint64_t owner;  // 0: empty
    std::size_t hash;
    std::uint32_t size;
    char key[28];
    name_entry entry;
  };
  struct slot_free {
    void operator()(slot* p) const { std::free(p); }
  };
  struct memo_state {
    std::unique_ptr<slot, slot_free> slots;
    std::size_t size = 0, misses = 0;
  };
  thread_local memo_state memo;
  if (key.size() > sizeof(slot::key)) return search_indexed(key);
  if (!memo.slots || (memo.misses > 2 * memo.size && memo.size < 4096)) {
    const std::size_t size = memo.slots ? memo.size * 2 : 256;
    memo.slots.reset(static_cast<slot*>(std::calloc(size, sizeof(slot))));
    memo.size = memo.slots ? size : 0;
    memo.misses = 0;
    if (!memo.slots) return search_indexed(key);
  }
  const std::size_t h = std::hash<std::string_view>{}(key);
  slot& s = memo.slots.get()[h & (memo.size - 1)];
  if (s.owner == impl_->id && s.hash == h && std::string_view(s.key, s.size) == key) return s.entry;
  ++memo.misses;
  const name_entry e = search_indexed(key);
  s.owner = impl_->id;
  s.hash = h;
  s.size = static_cast<std::uint32_t>(key.size());
  std::copy(key.begin(), key.end(), s.key);
  s.entry = e;
  return e;
}

name_entry name_lexicon::search_indexed(std::string_view key) const {
  if (impl_->index.size == 0) return search(key);
  const name_index::result r = name_index::find(impl_->index.view(), std::string_view(impl_->data, impl_->size), key);
  if (r.what == name_index::result::unusable) return search(key);
  name_entry entry;
  if (r.what == name_index::result::found) {
    std::string_view k;
    parse_name_line(r.line, k, entry);
  }
  return entry;
}

name_entry name_lexicon::search(std::string_view key) const {
  const char* d = impl_->data;
  std::size_t lo = 0, hi = impl_->size;  // [lo, hi) holds whole lines
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    // The start of mid's line (memrchr: glibc's backward memchr).
    const void* prev_nl = mid > lo ? memrchr(d + lo, '\n', mid - lo) : nullptr;
    std::size_t b = prev_nl ? static_cast<std::size_t>(static_cast<const char*>(prev_nl) - d) + 1 : lo;
    const void* nl = memchr(d + b, '\n', impl_->size - b);
    std::size_t e = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - d) : impl_->size;
    std::string_view l(d + b, e - b);
    std::string_view k = l.substr(0, l.find('\t'));
    int c = k.compare(key);
    if (c == 0) {
      std::string_view kk;
      name_entry entry;
      parse_name_line(l, kk, entry);
      return entry;
    }
    if (c < 0)
      lo = e + 1;
    else
      hi = b;
  }
  return {};
}

std::size_t name_lexicon::size() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < impl_->size; ++i) n += impl_->data[i] == '\n';
  return n;
}

bool name_lexicon::in(name_list list, std::string_view word) const {
  return (lists(word) >> static_cast<int>(list)) & 1u;
}

std::vector<std::string> name_lexicon::members(name_list list) const {
  std::vector<std::string> out;
  impl_->lists.for_each([&](const std::string& word, std::uint32_t bits) {
    if ((bits >> static_cast<int>(list)) & 1u) out.push_back(word);
  });
  std::sort(out.begin(), out.end());
  return out;
}

std::uint32_t name_lexicon::lists(std::string_view word) const {
  const std::uint32_t* bits = impl_->lists.find(word);
  return bits ? *bits : 0;
}

}  // namespace histext
