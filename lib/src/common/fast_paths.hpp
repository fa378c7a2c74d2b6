#pragma once
// The one switch for every fast path in the library (SWAR lower-casing, packed word keys, the ASCII
// shortcuts of the validator, the tokenizer and merge_tokens). Each fast path sits beside a plain
// reference that gives byte-identical results; configuring with -DHISTEXT_FAST_PATHS=OFF compiles
// the references only, and CI compares the two builds' output (.ci/compare-fast-paths).

namespace histext {

#ifndef HISTEXT_FAST_PATHS
#define HISTEXT_FAST_PATHS 1
#endif

/// True when the fast paths are compiled in; `if constexpr (fast_paths)` selects them.
inline constexpr bool fast_paths = HISTEXT_FAST_PATHS != 0;

}  // namespace histext
