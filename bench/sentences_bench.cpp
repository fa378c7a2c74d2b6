// histext-sentences' pipeline on one thread: document load + segmentation + sentence statistics.
// Input: $HISTEXT_BENCH_CORPUS (bench/make_corpus.sh's 42 MB KJV corpus; see sentences_bench.sh).
// Rates are over CPU time (Google Benchmark's default), so a busy machine does not skew them.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "histext/document.hpp"
#include "histext/segment.hpp"
#include "histext/sentence_stats.hpp"
#include "histext/syllables.hpp"

namespace {

std::string corpus_path() {
  const char* p = std::getenv("HISTEXT_BENCH_CORPUS");
  return p ? p : "";
}

// The whole pipeline, as histext-sentences runs it: load, segment block by block, analyse.
void load_segment_stats(benchmark::State& state) {
  const std::string path = corpus_path();
  if (path.empty()) {
    state.SkipWithError("set HISTEXT_BENCH_CORPUS (bench/make_corpus.sh OUT)");
    return;
  }
  histext::syllable_dictionary::shared();  // the one-off table load is not per-document work
  histext::segmenter seg;
  std::size_t bytes = 0, sentences = 0, words = 0;
  for (auto _ : state) {
    histext::document doc = histext::document::from_file(path);
    histext::sentence_report r = histext::analyze_sentences(doc, seg);
    bytes += doc.text().size();
    sentences = r.summary.sentences;
    words = r.summary.words;
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["words"] = static_cast<double>(words);
}
BENCHMARK(load_segment_stats)->Unit(benchmark::kMillisecond)->Iterations(3);

// The statistics alone over a segmentation made beforehand (the part this module adds).
void stats_only(benchmark::State& state) {
  const std::string path = corpus_path();
  if (path.empty()) {
    state.SkipWithError("set HISTEXT_BENCH_CORPUS");
    return;
  }
  histext::document doc = histext::document::from_file(path);
  histext::segmentation seg = histext::segment(doc);
  std::size_t bytes = 0;
  for (auto _ : state) {
    histext::sentence_report r = histext::analyze_sentences(doc, seg);
    bytes += doc.text().size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(stats_only)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
