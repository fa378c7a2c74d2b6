#pragma once
// Internal: JSON output shared by every analysis writer (nlohmann::ordered_json keeps key order).
#include <iosfwd>
#include <nlohmann/json.hpp>

#include "histext/output.hpp"

namespace histext {

using json = nlohmann::ordered_json;

/// {"tool", "version", "inputs": [{"name", "size", "sha256", "encoding"}], "options": {...}}
json meta_json(const run_meta& meta);

/// Writes {"meta": ..., then body's members} and a newline. Non-finite reals become null.
/// With meta.file set: {"file": ..., then body's members}, no newline (an element of "files").
void write_json(std::ostream& out, const run_meta& meta, const json& body);

/// For writers that stream their members: writes {"meta":... (or {"file":... with meta.file),
/// and close_json_document the "}" (and the newline without meta.file).
void open_json_document(std::ostream& out, const run_meta& meta);
void close_json_document(std::ostream& out, const run_meta& meta);

/// A real, or null when it is not finite.
json real_or_null(double value);

}  // namespace histext
