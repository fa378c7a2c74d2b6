#pragma once
// Internal: the --dehyphenate pass of the segmenter (segment_options::dehyphenate).
#include <cstddef>
#include <string_view>

#include "histext/segment.hpp"

namespace histext {

/// Joins words split by a hyphen at a line end in out.tokens[first_token...] (and renumbers
/// out.sentences[first_sentence...]): "revolu-\ntionary" becomes one word token spanning both
/// parts, norm "revolutionary", when joins_without_hyphen says so (a known word, or a name's
/// continuation: "Ed-\nmunds"); otherwise one
/// hyphenated word, norm "well-known" (unless `split_hyphens`, which then keeps the three tokens).
/// A hyphen followed by spaces instead of a line end (a line end an OCR engine or a copy from a
/// column turned into a space: "Presi- dent", "Philadel- phia") joins a lower-case continuation
/// only into a known word ("pre- and post-war" stays). A name broken at a line end without its
/// hyphen joins too, when joins_broken_name says so ("Washing\nton"; norm "washington"). Offsets
/// stay those of the original bytes.
/// `text` is the document's text.
void dehyphenate(std::string_view text, segmentation& out, std::size_t first_token, std::size_t first_sentence,
                 bool split_hyphens);

/// Whether a word broken by a hyphen joins into one word without the hyphen: `before` and `after`
/// are the folded parts ("revolu", "tionary"); `name`: the part before is capitalised, the
/// continuation is in lower case, and the break is at a line end. True when the joined form is a
/// known word, or for a name whose continuation is no word of its own ("Ed-\nmunds",
/// "Bol-\nsheviki"); a compound keeps its hyphen ("Vice-\npresident", "well-\nknown"), unless
/// `inside_name`: a capitalised word stands before it, so a name's continuation joins even when it
/// is a word ("Miss Jeannette Hart-\nwell"). The one owner of this rule: the segmenter and the names
/// of entities (grouping.cpp) both ask it.
bool joins_without_hyphen(std::string_view before, std::string_view after, bool name, bool inside_name = false);

/// Whether a capitalised word at a line end and a lower-case word at the start of the next line
/// are one name whose hyphen an OCR engine lost ("George Washing\nton", "Penn\nsylvania"):
/// `before` and `after` are the folded words. True when the joined form is a name the lexicon
/// knows (a person, a place or a group), each part has two letters or more ("A\ndam", "I\nran"
/// stay two words) and neither is a function word ("He\nbrews"), and not when the first part is a
/// name and the second a word of its own
/// ("Mary\nland", "Mr. Wood\nrow of houses"). The one owner of this rule: the segmenter and the
/// names of entities (grouping.cpp) both ask it.
bool joins_broken_name(std::string_view before, std::string_view after);

}  // namespace histext
