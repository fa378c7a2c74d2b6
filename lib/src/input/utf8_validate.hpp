#pragma once
// Internal: the one UTF-8 validator. document::from_bytes (validate_utf8) and the streaming
// chunk reader both call it; only how they turn a failure into a message differs (a whole text
// against a stream read piece by piece).
#include <cstddef>
#include <string_view>

namespace histext {

/// The length of the longest prefix of `s` that is well-formed UTF-8 (RFC 3629 as ICU's U8_NEXT
/// reads it: no overlong forms, no surrogates, nothing above U+10FFFF). With `nul_ends`, a NUL
/// byte also ends the prefix (binary input). Returns s.size() when all of `s` is valid.
std::size_t valid_utf8_prefix(std::string_view s, bool nul_ends);

}  // namespace histext
