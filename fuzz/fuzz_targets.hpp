#pragma once
// The fuzz targets' bodies, shared by the libFuzzer executables (fuzz_<name>.cpp) and by the
// regression test (tests/fuzz_regression_test.cpp), which replays fuzz/regressions/<name>/*.
// Each returns 0; a broken invariant aborts (libFuzzer and the test both report it).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "histext/concordance.hpp"
#include "histext/document.hpp"
#include "histext/entities.hpp"
#include "histext/error.hpp"
#include "histext/frequency.hpp"
#include "histext/keywords.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"
#include "histext/sentence_stats.hpp"

namespace histext::fuzz {

inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "histext fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

/// Offsets of every token, sentence and block are in range, ordered and slice the text.
inline void check_segmentation(const document& doc, const segmentation& seg) {
  const std::string_view text = doc.view();
  std::size_t prev = 0;
  for (const token& t : seg.tokens) {
    check(t.begin < t.end && t.end <= text.size(), "token span");
    check(t.begin >= prev, "token order");
    check(t.base_end <= t.end, "token base_end");
    check(t.norm_strip <= t.norm.size(), "token norm_strip");
    prev = t.end;
  }
  for (const sentence& s : seg.sentences) {
    check(s.first_token < s.last_token && s.last_token <= seg.tokens.size(), "sentence tokens");
    check(seg.tokens[s.first_token].begin == s.begin && seg.tokens[s.last_token - 1].end == s.end, "sentence span");
  }
  for (const block& b : seg.blocks) check(b.begin <= b.end && b.end <= text.size(), "block span");
  // Everything the library produced is valid UTF-8 (it throws otherwise).
  validate_utf8(text, "text");
  for (const token& t : seg.tokens) validate_utf8(t.norm, "norm");
}

inline segmenter& shared_segmenter(bool split_hyphens) {
  static segmenter plain{segment_options{}};
  static segmenter split{[] {
    segment_options o;
    o.split_hyphens = true;
    return o;
  }()};
  return split_hyphens ? split : plain;
}

/// Document loading (strict UTF-8, BOMs) plus tokens and sentences.
inline int load_and_segment(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<document> doc;
  try {
    doc = std::make_unique<document>(document::from_bytes(bytes, "fuzz"));
  } catch (const error&) {
    return 0;  // a clear error is a correct answer to bad bytes
  }
  check(doc->text().find('\0') == std::string::npos, "NUL in loaded text");
  check_segmentation(*doc, shared_segmenter(false).run(*doc));
  return 0;
}

/// Charset conversion: the first byte picks an --encoding label, the rest is the file.
inline int convert(const std::uint8_t* data, std::size_t size) {
  static const char* const labels[] = {"auto",      "utf-8",      "windows-1252", "ISO-8859-1", "KOI8-R",
                                       "UTF-16",    "UTF-16LE",   "UTF-16BE",     "UTF-32",     "UTF-32LE",
                                       "Shift_JIS", "EUC-JP",     "ISO-2022-JP",  "GB18030",    "Big5",
                                       "EUC-KR",    "ISO-8859-5", "windows-1251", "IBM424",     "IBM420",
                                       "UTF-7",     "SCSU",       "BOCU-1",       "CESU-8",     ""};
  if (size == 0) return 0;
  const char* label = labels[data[0] % (sizeof labels / sizeof labels[0])];
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    document doc = document::from_bytes(bytes, "fuzz", load_options{label});
    validate_utf8(doc.text(), "converted");
    check(doc.text().find('\0') == std::string::npos, "NUL in converted text");
    check(!doc.info().encoding.empty(), "encoding named");
  } catch (const error&) {
  }
  return 0;
}

/// One analysis: a name and what it does to a loaded, segmented document (write every format).
struct analysis {
  const char* name;
  void (*run)(const document& doc, const segmentation& seg);
};

inline void write_all_formats(const document& doc, const segmentation& seg) {
  run_meta meta{"histext-fuzz", {doc.info()}, {}};
  for (format f : {format::table, format::tsv, format::csv, format::json, format::vertical}) {
    std::ostringstream out;
    write_tokens(out, doc, seg, f, meta);
    if (f == format::json) {
      auto j = nlohmann::ordered_json::parse(out.str(), nullptr, false);
      check(!j.is_discarded() && j.is_object() && j.begin().key() == "meta", "tokens JSON");
      check(j["tokens"].size() == seg.tokens.size(), "tokens JSON count");
    }
  }
}

// Writes `write(out, f)` in every format and checks the JSON parses with "meta" first.
template <typename W>
void check_formats(const char* what, W write) {
  for (format f : {format::table, format::tsv, format::csv, format::json}) {
    std::ostringstream out;
    write(out, f);
    if (f == format::json) {
      auto j = nlohmann::ordered_json::parse(out.str(), nullptr, false);
      check(!j.is_discarded() && j.is_object() && j.begin().key() == "meta", what);
    }
  }
}

inline void frequencies(const document& doc, const segmentation&) {
  run_meta meta{"histext-fuzz", {doc.info()}, {}};
  freq_options o;
  o.all = true;
  o.collocate = "the";
  freq_result r = count_words(doc, o);
  check_formats("freq JSON", [&](std::ostream& out, format f) { write_frequencies(out, r, o, f, meta); });
  check_formats("freq summary JSON", [&](std::ostream& out, format f) { write_freq_summary(out, r, o, f, meta); });
  check_formats("collocations JSON", [&](std::ostream& out, format f) { write_collocations(out, r, o, f, meta); });
  o.ngram = 2;
  o.collocate.clear();
  freq_result bigrams = count_words(doc, o);
  check_formats("bigrams JSON", [&](std::ostream& out, format f) { write_frequencies(out, bigrams, o, f, meta); });
}

inline void keyword_in_context(const document& doc, const segmentation& seg) {
  run_meta meta{"histext-fuzz", {doc.info()}, {}};
  auto lines = find_keyword(doc, seg, "the", {});
  check_formats("kwic JSON", [&](std::ostream& out, format f) { write_kwic(out, lines, f, meta); });
}

inline void named_entities(const document& doc, const segmentation& seg) {
  run_meta meta{"histext-fuzz", {doc.info()}, {}};
  std::vector<entity> found = find_entities(doc, seg);
  for (const entity& e : found)
    for (const auto& m : e.mentions) check(m.begin <= m.end && m.end <= doc.text().size(), "mention offsets");
  check_formats("entities JSON", [&](std::ostream& out, format f) { write_entities(out, found, f, meta); });
  cooccurrence net = cooccur(found);
  check_formats("cooccurrence JSON",
                [&](std::ostream& out, format f) { write_cooccurrence(out, found, net, f, meta); });
  std::ostringstream highlighted;
  write_highlight(highlighted, doc, found, false);
}

inline void sentence_statistics(const document& doc, const segmentation& seg) {
  run_meta meta{"histext-fuzz", {doc.info()}, {}};
  sentence_report report = analyze_sentences(doc, seg);
  check_formats("sentences JSON", [&](std::ostream& out, format f) { write_sentences(out, report, f, meta); });
}

/// The document against itself and against a fixed reference (each side may be empty: a clear
/// error then). Every measure stays finite.
inline void keyword_comparison(const document& doc, const segmentation&) {
  static const document reference = document::from_bytes("The old order changed, and the people read.\n", "reference");
  run_meta meta{"histext-fuzz", {doc.info(), reference.info()}, {}};
  keywords_options o;
  o.counting.all = true;
  for (const document* other : {&doc, &reference}) {
    keywords_result r;
    try {
      r = compare_keywords(doc, *other, o);
    } catch (const error&) {
      continue;  // a side without words
    }
    for (const keyword_row& k : r.rows) {
      check(std::isfinite(k.k.g2) && k.k.g2 >= 0 && std::isfinite(k.k.p), "keyness g2/p");
      check(std::isfinite(k.k.log_ratio) && std::isfinite(k.k.pct_diff), "keyness effect sizes");
      check(other != &doc || k.direction == 0, "a text against itself has no keywords");
    }
    check_formats("keywords JSON", [&](std::ostream& out, format f) { write_keywords(out, r, o, f, meta); });
  }
}

/// Every analysis the fuzzer drives; a new analysis adds one line here.
inline const std::vector<analysis>& analyses() {
  static const std::vector<analysis> list = {
      {"tokens", write_all_formats},      {"freq", frequencies},
      {"kwic", keyword_in_context},       {"entities", named_entities},
      {"sentences", sentence_statistics}, {"keywords", keyword_comparison},
  };
  return list;
}

/// Each analysis: the first byte picks options (bit 0: split hyphens), the rest is the file.
inline int each_analysis(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  bool split = data[0] & 1;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  std::unique_ptr<document> doc;
  try {
    doc = std::make_unique<document>(document::from_bytes(bytes, "fuzz"));
  } catch (const error&) {
    return 0;
  }
  segmentation seg = shared_segmenter(split).run(*doc);
  check_segmentation(*doc, seg);
  for (const analysis& a : analyses()) a.run(*doc, seg);
  return 0;
}

/// Shard reading (histext-freq --merge): any bytes are a shard or a histext::error. A shard read
/// writes back to the same bytes, gives a result, and is refused when merged with itself (its
/// inputs would count twice).
inline int read_shard(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto read = [&] {
    std::istringstream in(bytes);
    return freq_shard::read(in, "fuzz");
  };
  freq_shard shard;
  try {
    shard = read();
  } catch (const error&) {
    return 0;
  }
  std::ostringstream out;
  shard.write(out);
  check(out.str() == bytes, "shard round trip");
  (void)shard.result(freq_options{});
  std::vector<freq_shard> two;
  two.push_back(std::move(shard));
  two.push_back(read());
  try {
    (void)freq_shard::merge(std::move(two)).result(freq_options{});
  } catch (const error&) {
    // A shard merged with itself holds its inputs twice: refused, after the merge has run.
  }
  return 0;
}

/// The targets by name: fuzz_<name> and fuzz/regressions/<name>/.
struct target {
  const char* name;
  int (*run)(const std::uint8_t*, std::size_t);
};
inline const std::vector<target>& targets() {
  static const std::vector<target> list = {
      {"document", load_and_segment}, {"encoding", convert}, {"analyses", each_analysis}, {"shard", read_shard}};
  return list;
}

}  // namespace histext::fuzz
