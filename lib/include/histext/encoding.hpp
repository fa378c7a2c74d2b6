#pragma once
/// @file encoding.hpp  Charset detection and conversion to UTF-8 (ICU ucnv/ucsdet inside).
#include <string>
#include <string_view>

namespace histext {

/// The charset named by a leading byte-order mark ("UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE",
/// "UTF-32BE"), or "" when there is none.
std::string bom_charset(std::string_view bytes);

/// Converts bytes from the ICU charset `label` to UTF-8 (a BOM is dropped). Throws histext::error
/// naming `name` on an unknown label or on bytes that are invalid in that charset.
std::string convert_to_utf8(std::string_view bytes, const std::string& label, const std::string& name);

/// ICU's best guess at the charset of bytes (ucsdet), e.g. "UTF-8", "windows-1252", "KOI8-R".
/// Throws histext::error naming `name` when ICU cannot guess.
std::string detect_charset(std::string_view bytes, const std::string& name);

}  // namespace histext
