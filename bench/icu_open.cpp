// The start-up baseline of bench/freq_bench.sh and bench/entities_bench.sh: a program that only
// opens an ICU word BreakIterator and exits. Compiled by those scripts (not by CMake: the scripts
// compare whole processes, and this one must stay as small as a C++ program using ICU can be).
#include <unicode/brkiter.h>

#include <memory>

int main() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  return U_FAILURE(status) ? 1 : 0;
}
