#pragma once
// Internal: JSON output shared by every analysis writer (nlohmann::ordered_json keeps key order).
#include <nlohmann/json.hpp>

#include <iosfwd>

#include "histext/output.hpp"

namespace histext {

using json = nlohmann::ordered_json;

/// {"tool", "version", "inputs": [{"name", "size", "sha256", "encoding"}], "options": {...}}
json meta_json(const run_meta& meta);

/// Writes {"meta": ..., then body's members} and a newline. Non-finite reals become null.
void write_json(std::ostream& out, const run_meta& meta, const json& body);

/// A real, or null when it is not finite.
json real_or_null(double value);

}  // namespace histext
