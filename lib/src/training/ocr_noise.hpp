#pragma once
// Internal: synthetic OCR damage for training copies of annotated documents (train_options::ocr_noise).
#include <cstdint>

#include "histext/train.hpp"

namespace histext::training {

/// How much damage add_ocr_noise does. Every rate at 0 leaves the document unchanged.
struct ocr_noise_options {
  /// Share of eligible lower-case 's' (not word-final) printed as the long s and read as 'f'.
  double long_s = 0.5;
  /// Per-letter rate of a look-alike misreading (rn<->m, cl<->d, e<->c, h<->b, l->1/I, o->0, u<->n...),
  /// for letters that have one.
  double letter_confusion = 0.01;
  /// Share of line ends where a word is hyphen-broken across the line ("Pre-\nsident"), when the
  /// word there has at least 6 letters (else the line simply ends before it). When the share
  /// is above 0, lines longer than a page width (drawn per document, 60-80 bytes) are also wrapped
  /// at a space, so that text without hard line breaks gets line ends too.
  double broken_lines = 0.5;
  /// Share of lines put in ALL CAPITALS (ASCII letters only).
  double capital_lines = 0.03;
};

/// Returns a copy of doc with deterministic synthetic OCR damage drawn from `seed` alone (callers
/// wanting different damage per document pass different seeds); span offsets are moved so that
/// each span still covers its (damaged) name. Only ASCII bytes are changed or inserted, so valid
/// UTF-8 stays valid and multi-byte characters are copied as is. Words are found with histext's
/// segmenter. Random numbers come from std::mt19937_64 with a fixed conversion to doubles, so the
/// output is the same with every standard library.
annotated_document add_ocr_noise(const annotated_document& doc, std::uint64_t seed,
                                 const ocr_noise_options& options = {});

}  // namespace histext::training
