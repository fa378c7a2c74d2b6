#pragma once
// Counting one chunk: its blocks segmented and their words, n-grams and the node's window region
// counted into a chunk_result, on a worker (one per thread). The façade (frequency.cpp) hands the
// chunks out and merges the results.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/frequency/count_table.hpp"
#include "analyses/frequency/word_table.hpp"
#include "histext/frequency.hpp"
#include "histext/lemma.hpp"
#include "histext/segment.hpp"
#include "histext/stopwords.hpp"
#include "input/chunk_reader.hpp"

namespace histext::freq {

/// What every chunk is counted by; read-only once made, so the workers share it.
struct counting_rules {
  freq_options options;  ///< validated by the façade
  stopword_list stops;
  std::unique_ptr<lemmatizer> lemmas;  ///< with options.form == lemma only
  std::string node_key;                ///< the collocation node's key, "" without one

  /// The key transform: a normalised word (token::base()) -> the key it is counted under (itself,
  /// its lemma or its stem). The one place that decides it, for counted words and the node alike.
  /// `stem` is the caller's stemmer (needed with options.form == stem; throws histext::error
  /// without it).
  std::string key_of(stemmer* stem, std::string_view base) const;
};

/// Per-thread state: the segmenter, a stemmer and what it knows of each word. It lives across
/// chunks (its word table and keys grow with the vocabulary) and inputs (new_input() per input).
struct worker {
  /// A worker for rules.options (its own segmenter; a stemmer with form == stem).
  explicit worker(const freq_options& options);

  /// Starts a new input: each key's text is sent to that input's table once again.
  void new_input();

  segmenter seg;
  std::optional<stemmer> stem;
  segmentation out;
  std::vector<word_key> block_words;    // the current block's tokens (counted ones only)
  word_table words;                     // every normalised word this worker has seen
  string_map<std::uint32_t> key_slots;  // key (word, lemma or stem) -> slot
  std::vector<std::string> keys;        // slot -> key
  struct chunk_id {
    std::uint32_t stamp = 0, local = 0;  // the chunk generation that last saw the key, its id there
  };
  std::vector<chunk_id> key_ids;  // slot -> chunk_id
  key_sender sender;              // which keys' texts went to the current input's table
  std::uint32_t generation = 0;
  std::size_t last_ids = 0, last_bytes = 0;  // the last chunk's counted items and bytes: the next one's
                                             // sequence is reserved at that rate, and an eighth more
};

/// Counts the blocks of `c` (paragraphs only unless options.all) with worker `w`: the chunk's own
/// vocabulary (ids in order of first appearance), counts, dispersion, sequence, n-grams and the
/// node's co-occurrences. Throws histext::error when segmentation fails.
chunk_result count_chunk(const text_chunk& c, worker& w, const counting_rules& rules);

}  // namespace histext::freq
