// Throughput of histext's document load + segmentation (blocks, sentences, tokens) against a bare
// ICU baseline (bench/icu_baseline.cpp), both measured in this run on the same corpus.
//   segment_bench CORPUS [--benchmark_...]      (bench/segment_bench.sh builds the corpus and runs this)
// HISTEXT_BENCH_REPS sets the repetitions of each benchmark (default 3); the summary compares medians.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "histext/document.hpp"
#include "histext/segment.hpp"
#include "icu_baseline.hpp"

namespace {

std::string corpus_path;
std::string corpus;

// Wall-clock and process CPU seconds of every iteration, by benchmark, for the summary.
struct sample {
  double real, cpu;
};
std::map<std::string, std::vector<sample>> samples;

struct stopwatch {
  std::chrono::steady_clock::time_point real = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  sample elapsed() const {
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - real).count(),
            static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC};
  }
};

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(corpus.size()));
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The reference: ICU word + sentence break iterators over one UText, counting boundaries.
void bm_icu_baseline(benchmark::State& state) {
  histext::bench::icu_baseline baseline;
  histext::bench::icu_counts counts;
  for (auto _ : state) {
    stopwatch w;
    counts = baseline.count(corpus);
    benchmark::DoNotOptimize(counts);
    samples["icu_baseline"].push_back(w.elapsed());
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
    stopwatch w;
    {
      histext::document doc = histext::document::from_file(corpus_path);
      histext::segmentation out = seg.run(doc);
      tokens = out.tokens.size();
      sentences = out.sentences.size();
      blocks = out.blocks.size();
      benchmark::DoNotOptimize(out);
    }  // freeing the result is part of the cost
    samples["histext_load_segment"].push_back(w.elapsed());
  }
  set_bytes(state);
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["blocks"] = static_cast<double>(blocks);
}

// The same work block by block (segmenter::for_each_block, where the library has it): each
// block's sentences and tokens are seen and dropped, so memory stays bounded by the largest block.
template <class S>
constexpr bool has_for_each_block = requires(S& s, const histext::document& d) {
  s.for_each_block(d, [](const histext::block&, const histext::segmentation&) {});
};

template <class S>
void bm_histext_blocks(benchmark::State& state) {
  if constexpr (has_for_each_block<S>) {
    S seg;
    std::size_t tokens = 0, sentences = 0;
    for (auto _ : state) {
      stopwatch w;
      tokens = sentences = 0;
      {
        histext::document doc = histext::document::from_file(corpus_path);
        seg.for_each_block(doc, [&](const histext::block&, const histext::segmentation& piece) {
          tokens += piece.tokens.size();
          sentences += piece.sentences.size();
        });
      }
      samples["histext_load_blocks"].push_back(w.elapsed());
    }
    set_bytes(state);
    state.counters["tokens"] = static_cast<double>(tokens);
    state.counters["sentences"] = static_cast<double>(sentences);
  }
}

// The parts, for the profile: loading alone, and segmentation of an already loaded document.
void bm_load(benchmark::State& state) {
  for (auto _ : state) {
    stopwatch w;
    {
      histext::document doc = histext::document::from_file(corpus_path);
      benchmark::DoNotOptimize(doc);
    }
    samples["histext_load_only"].push_back(w.elapsed());
  }
  set_bytes(state);
}

void bm_segment(benchmark::State& state) {
  histext::segmenter seg;
  histext::document doc = histext::document::from_bytes(corpus, corpus_path);
  for (auto _ : state) {
    stopwatch w;
    {
      histext::segmentation out = seg.run(doc);
      benchmark::DoNotOptimize(out);
    }
    samples["histext_segment_only"].push_back(w.elapsed());
  }
  set_bytes(state);
}

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

  std::vector<std::pair<const char*, void (*)(benchmark::State&)>> benches = {{"icu_baseline", &bm_icu_baseline},
                                                                              {"histext_load_segment", &bm_histext}};
  if (has_for_each_block<histext::segmenter>)
    benches.emplace_back("histext_load_blocks", &bm_histext_blocks<histext::segmenter>);
  benches.emplace_back("histext_load_only", &bm_load);
  benches.emplace_back("histext_segment_only", &bm_segment);
  for (auto [name, fn] : benches) {
    auto* b = benchmark::RegisterBenchmark(name, fn);
    b->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(reps)->UseRealTime();
    if (reps > 1) b->ReportAggregatesOnly(true);
  }
  benchmark::ConsoleReporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                            : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  // MB/s from the median wall-clock time, and from the median process CPU time (user + system),
  // which is less disturbed by other processes on a busy machine.
  const double mb = static_cast<double>(corpus.size()) / 1e6;
  std::map<std::string, std::pair<double, double>> rate;
  std::printf("\ncorpus: %s, %zu bytes; median of %d run(s); MB = 10^6 bytes\n", corpus_path.c_str(), corpus.size(),
              reps);
  std::printf("  %-22s %12s %12s\n", "", "wall MB/s", "CPU MB/s");
  for (const auto& [name, v] : samples) {
    std::vector<double> real, cpu;
    for (const sample& x : v) {
      real.push_back(x.real);
      cpu.push_back(x.cpu);
    }
    rate[name] = {mb / median(real), mb / median(cpu)};
    std::printf("  %-22s %12.2f %12.2f\n", name.c_str(), rate[name].first, rate[name].second);
  }
  for (const char* name : {"histext_load_segment", "histext_load_blocks"}) {
    if (!rate.count("icu_baseline") || !rate.count(name)) continue;
    double wall = rate[name].first / rate["icu_baseline"].first;
    double cpu = rate[name].second / rate["icu_baseline"].second;
    std::printf("ratio %s / icu_baseline: wall %.3f, CPU %.3f (target >= 0.70: %s)\n", name, wall, cpu,
                wall >= 0.7 ? "met" : "NOT met");
  }
  return 0;
}
