// libFuzzer entry for the "shard" target (body in fuzz_targets.hpp, replayed by the regression test).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return histext::fuzz::read_shard(data, size);
}
