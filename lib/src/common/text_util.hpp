#pragma once
// Internal text helpers shared by the library's stages (ICU inside; not installed).
#include <string>
#include <string_view>

namespace histext {

/// ASCII-only lower-casing (bytes >= 0x80 unchanged).
std::string ascii_lower(std::string_view s);

/// Bytes of white space (Unicode White_Space, NBSP included) at the start / end of s.
std::size_t leading_space(std::string_view s);
std::size_t trailing_space(std::string_view s);

/// s with every run of white space (Unicode White_Space: line breaks, tabs, NBSP...) made one
/// ASCII space; nothing trimmed ("Free Software\nFoundation" -> "Free Software Foundation").
/// Invalid UTF-8 bytes are copied unchanged.
std::string collapse_space(std::string_view s);

/// True when every code point of s is a letter or a combining mark (and s is not empty).
bool is_alphabetic(std::string_view s);

/// NFC, ICU default case folding, and curly apostrophes (U+2019, U+02BC) made "'".
std::string normalize_word(std::string_view s);
/// The same, written into `out` (which keeps its capacity: no allocation for short ASCII words).
void normalize_word(std::string_view s, std::string& out);

/// Removes accents: NFD, drop combining marks, NFC ("Lénine" -> "Lenine").
std::string strip_accents(std::string_view s);
/// The key form of a lower-case word: strip_accents, with ASCII passed through untouched (no ICU
/// call). The one accent-folding rule of the entity features, gazetteer and rule cascade.
std::string fold_accents(std::string_view s);

}  // namespace histext
