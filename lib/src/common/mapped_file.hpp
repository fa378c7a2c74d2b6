#pragma once
// Internal: the one owner of mapping a data file read-only (the name lexicon, the entity model, the
// word statistics): no copy at start-up. The pages are mapped in one call (MAP_POPULATE) unless the
// caller reads only a few of them: the files are in the page cache, and a lookup's first touch of
// each page was a fault of its own.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace histext {

/// A file mapped read-only; the mapping lives as long as some copy of `keep`.
struct mapped_file {
  std::shared_ptr<const void> keep;
  const char* data = nullptr;  ///< page-aligned
  std::size_t size = 0;
  std::string_view view() const { return {data, size}; }
};

/// Maps the regular, non-empty file at `path`; throws histext::error "<path>: <why>" otherwise
/// (`what` names the expected content in the message: "the entity model").
/// `populate`: map every page at once (for a file most of whose pages a run reads); otherwise each
/// page is mapped when first read.
mapped_file map_file(const std::string& path, const std::string& what, bool populate = true);

}  // namespace histext
