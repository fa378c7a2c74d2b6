#pragma once
// Internal: the --dehyphenate pass of the segmenter (segment_options::dehyphenate).
#include <cstddef>
#include <string_view>

#include "histext/segment.hpp"

namespace histext {

/// Joins words split by a hyphen at a line end in out.tokens[first_token...] (and renumbers
/// out.sentences[first_sentence...]): "revolu-\ntionary" becomes one word token spanning both
/// parts, norm "revolutionary", when the joined form is a known word (wordlist.hpp); otherwise one
/// hyphenated word, norm "well-known" (unless `split_hyphens`, which then keeps the three tokens).
/// A hyphen followed by spaces instead of a line end (a line end an OCR engine or a copy from a
/// column turned into a space: "Presi- dent", "Philadel- phia") joins a lower-case continuation
/// only into a known word ("pre- and post-war" stays). Offsets stay those of the original bytes.
/// `text` is the document's text.
void dehyphenate(std::string_view text, segmentation& out, std::size_t first_token, std::size_t first_sentence,
                 bool split_hyphens);

}  // namespace histext
