// Throughput of histext's document load + segmentation (blocks, sentences, tokens) against a bare
// ICU baseline (bench/icu_baseline.cpp), both measured in this run on the same corpus.
//   segment_bench CORPUS [--benchmark_...]      (bench/segment_bench.sh builds the corpus and runs this)
// HISTEXT_BENCH_REPS sets the repetitions of each benchmark (default 3); the summary compares medians.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "histext/document.hpp"
#include "histext/segment.hpp"
#include "icu_baseline.hpp"

namespace {

std::string corpus_path;
std::string corpus;

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(corpus.size()));
}

// The reference: ICU word + sentence break iterators over one UText, counting boundaries.
void bm_icu_baseline(benchmark::State& state) {
  histext::bench::icu_baseline baseline;
  histext::bench::icu_counts counts;
  for (auto _ : state) {
    counts = baseline.count(corpus);
    benchmark::DoNotOptimize(counts);
  }
  set_bytes(state);
  state.counters["words"] = static_cast<double>(counts.words);
  state.counters["sentences"] = static_cast<double>(counts.sentences);
}

// What a tool does: read and validate the file (SHA-256 included), then blocks, sentences, tokens.
void bm_histext(benchmark::State& state) {
  histext::segmenter seg;
  std::size_t tokens = 0, sentences = 0, blocks = 0;
  for (auto _ : state) {
    histext::document doc = histext::document::from_file(corpus_path);
    histext::segmentation out = seg.run(doc);
    tokens = out.tokens.size();
    sentences = out.sentences.size();
    blocks = out.blocks.size();
    benchmark::DoNotOptimize(out);
  }
  set_bytes(state);
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["blocks"] = static_cast<double>(blocks);
}

// The parts, for the profile: loading alone, and segmentation of an already loaded document.
void bm_load(benchmark::State& state) {
  for (auto _ : state) {
    histext::document doc = histext::document::from_file(corpus_path);
    benchmark::DoNotOptimize(doc);
  }
  set_bytes(state);
}

void bm_segment(benchmark::State& state) {
  histext::segmenter seg;
  histext::document doc = histext::document::from_bytes(corpus, corpus_path);
  for (auto _ : state) {
    histext::segmentation out = seg.run(doc);
    benchmark::DoNotOptimize(out);
  }
  set_bytes(state);
}

// Console output as usual, and the medians kept for the summary.
class summary_reporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> median_bytes_per_second;

  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      auto it = r.counters.find("bytes_per_second");
      if (it == r.counters.end()) continue;
      bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      bool single = r.run_type == Run::RT_Iteration && r.repetitions <= 1;
      if (median || single) median_bytes_per_second[r.run_name.function_name] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: segment_bench CORPUS [--benchmark_...]\n");
    return 2;
  }
  corpus_path = argv[1];
  std::ifstream in(corpus_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "segment_bench: %s: cannot open\n", corpus_path.c_str());
    return 1;
  }
  corpus.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  int reps = 3;
  if (const char* env = std::getenv("HISTEXT_BENCH_REPS"); env && *env) reps = std::atoi(env);

  for (auto [name, fn] : {std::pair{"icu_baseline", &bm_icu_baseline}, std::pair{"histext_load_segment", &bm_histext},
                          std::pair{"histext_load_only", &bm_load}, std::pair{"histext_segment_only", &bm_segment}}) {
    auto* b = benchmark::RegisterBenchmark(name, fn);
    b->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(reps)->UseRealTime();
    if (reps > 1) b->ReportAggregatesOnly(true);
  }
  summary_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  auto& m = reporter.median_bytes_per_second;
  std::printf("\ncorpus: %s, %zu bytes; median of %d run(s); MB = 10^6 bytes\n", corpus_path.c_str(), corpus.size(),
              reps);
  for (const auto& [name, bps] : m) std::printf("  %-22s %8.2f MB/s\n", name.c_str(), bps / 1e6);
  if (m.count("icu_baseline") && m.count("histext_load_segment") && m["icu_baseline"] > 0) {
    double ratio = m["histext_load_segment"] / m["icu_baseline"];
    std::printf("ratio histext_load_segment / icu_baseline = %.3f (target >= 0.70): %s\n", ratio,
                ratio >= 0.7 ? "met" : "NOT met");
  }
  return 0;
}
