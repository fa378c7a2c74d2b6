#pragma once
// Internal: a piece's sentences and tokens packed into a few bytes a token, so that a two-pass
// analysis (histext-entities reads the whole document for its word memory, then for the names) can
// read a piece a second time without segmenting it again. Unpacking gives back exactly what was
// packed, field for field; `fast_paths` off never packs (every pass segments).
#include <string>
#include <string_view>

#include "histext/segment.hpp"

namespace histext {

/// Appends `seg`'s sentences and tokens (not its blocks or sentences_before) to `out`: about
/// five bytes a token, a byte for each byte of English text. Returns false, with `out` as it
/// was, when a span runs backwards (which the segmenter never gives; such a piece is simply
/// segmented again). `text` is the document's text.
bool pack_segmentation(std::string_view text, const segmentation& seg, std::string& out);

/// Replaces `out`'s sentences and tokens with those packed in `bytes` by pack_segmentation() over
/// the same `text`; its blocks and sentences_before are left to the caller. Throws histext::error
/// on bytes that are not such a pack.
void unpack_segmentation(std::string_view text, std::string_view bytes, segmentation& out);

}  // namespace histext
