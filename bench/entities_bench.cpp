// Throughput of histext-entities' analysis. The corpus is bench/make_corpus.sh's output, named by
// $HISTEXT_BENCH_CORPUS (default /tmp/histext-corpus.txt); without it only the home passage runs.
//   bench/make_corpus.sh /tmp/histext-corpus.txt && build/bench/entities_bench
// BM_entities_only: find_entities over pre-segmented chunks of 2000 blocks (the stage itself).
// BM_segment_and_entities: segmentation plus find_entities, chunk by chunk (the whole pipeline).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "histext/document.hpp"
#include "histext/entities.hpp"
#include "histext/segment.hpp"
#include "histext/version.hpp"

namespace {

const histext::document* corpus() {
  static const histext::document* doc = [] {
    const char* p = std::getenv("HISTEXT_BENCH_CORPUS");
    std::string path = p ? p : "/tmp/histext-corpus.txt";
    std::ifstream in(path);
    if (!in) return static_cast<const histext::document*>(nullptr);
    return static_cast<const histext::document*>(new histext::document(histext::document::from_file(path)));
  }();
  return doc;
}

std::vector<histext::segmentation> chunks(const histext::document& doc) {
  histext::segmenter seg;
  std::vector<histext::block> blocks = histext::split_blocks(doc.view());
  std::vector<histext::segmentation> out;
  for (std::size_t i = 0; i < blocks.size(); i += 2000) {
    histext::segmentation s;
    for (std::size_t j = i; j < std::min(blocks.size(), i + 2000); ++j) {
      s.blocks.push_back(blocks[j]);
      seg.run_block(doc.view(), blocks[j], s);
    }
    out.push_back(std::move(s));
  }
  return out;
}

void BM_entities_only(benchmark::State& state) {
  const histext::document* doc = corpus();
  if (!doc) {
    state.SkipWithError("no corpus: run bench/make_corpus.sh /tmp/histext-corpus.txt");
    return;
  }
  static std::vector<histext::segmentation> segs = chunks(*doc);
  std::size_t n = 0;
  for (auto _ : state)
    for (const auto& s : segs) n += histext::find_entities(*doc, s).size();
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc->text().size()));
}
BENCHMARK(BM_entities_only)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_segment_and_entities(benchmark::State& state) {
  const histext::document* doc = corpus();
  if (!doc) {
    state.SkipWithError("no corpus: run bench/make_corpus.sh /tmp/histext-corpus.txt");
    return;
  }
  std::size_t n = 0;
  for (auto _ : state)
    for (const auto& s : chunks(*doc)) n += histext::find_entities(*doc, s).size();
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc->text().size()));
}
BENCHMARK(BM_segment_and_entities)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_home_passage(benchmark::State& state) {
  std::ifstream in(histext::data_file("bukharin.txt"));
  std::stringstream ss;
  ss << in.rdbuf();
  histext::document doc = histext::document::from_bytes(ss.str(), "bukharin.txt");
  histext::segmenter seg;
  for (auto _ : state) {
    histext::segmentation s = seg.run(doc);
    benchmark::DoNotOptimize(histext::find_entities(doc, s));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text().size()));
}
BENCHMARK(BM_home_passage)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
