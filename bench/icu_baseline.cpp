// The baseline of bench/segment_bench: a single-threaded loop running ICU's word and sentence
// BreakIterators over the same UTF-8 UText, counting boundaries and nothing else.
// Built twice: as part of segment_bench (the function), and as the `icu_baseline` executable
// (with HISTEXT_ICU_BASELINE_MAIN):  icu_baseline FILE [REPETITIONS]
#include "icu_baseline.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <string>

namespace histext::bench {

struct icu_baseline::impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  UText* utext = nullptr;
  ~impl() { utext_close(utext); }
};

icu_baseline::icu_baseline() : impl_(std::make_unique<impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  // The "ss=standard" keyword makes ICU wrap the iterator with its abbreviation suppressions.
  impl_->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU break iterators: ") + u_errorName(status));
}

icu_baseline::~icu_baseline() = default;

icu_counts icu_baseline::count(std::string_view text) {
  if (text.size() > INT32_MAX) throw std::runtime_error("icu_baseline: input over 2 GB");
  UErrorCode status = U_ZERO_ERROR;
  impl_->utext = utext_openUTF8(impl_->utext, text.data(), static_cast<int64_t>(text.size()), &status);
  impl_->words->setText(impl_->utext, status);
  impl_->sentences->setText(impl_->utext, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU UText: ") + u_errorName(status));
  icu_counts counts;
  for (int32_t b = impl_->words->first(); b != icu::BreakIterator::DONE; b = impl_->words->next()) ++counts.words;
  for (int32_t b = impl_->sentences->first(); b != icu::BreakIterator::DONE; b = impl_->sentences->next())
    ++counts.sentences;
  return counts;
}

}  // namespace histext::bench

#ifdef HISTEXT_ICU_BASELINE_MAIN
#include <chrono>
#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: icu_baseline FILE [REPETITIONS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "icu_baseline: %s: cannot open\n", argv[1]);
    return 1;
  }
  // One read into a buffer of the file's size, as histext reads a file: the baseline's own
  // process time is then the loop plus a fair load, not a slow character-by-character read.
  in.seekg(0, std::ios::end);
  std::string text(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  int reps = argc == 3 ? std::stoi(argv[2]) : 3;
  try {
    histext::bench::icu_baseline baseline;
    double best = 0;
    histext::bench::icu_counts counts;
    for (int r = 0; r < reps; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      counts = baseline.count(text);
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      double mbs = static_cast<double>(text.size()) / 1e6 / s;
      std::printf("run %d: %.3f s, %.2f MB/s\n", r + 1, s, mbs);
      if (mbs > best) best = mbs;
    }
    std::printf("%s: %zu bytes, %llu word boundaries, %llu sentence boundaries, best %.2f MB/s\n", argv[1], text.size(),
                static_cast<unsigned long long>(counts.words), static_cast<unsigned long long>(counts.sentences), best);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "icu_baseline: %s\n", e.what());
    return 1;
  }
  return 0;
}
#endif
