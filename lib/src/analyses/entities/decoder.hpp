#pragma once
// Internal: Viterbi decoding of BILOU tags over a sentence's emission scores.
#include <cstddef>
#include <functional>
#include <vector>

#include "analyses/entities/model.hpp"

namespace histext::entities_detail {

/// The best well-formed tag sequence for `n` tokens with emission scores `emissions` (n x n_tags,
/// row-major). A token whose `eligible` flag is 0 can only be O; one whose flag is 2 can end a
/// name but not continue one (O, L or U); 3: only inside a name (O or I); 4: begin or go on but not
/// end a name (O, B or I); 5: only inside a group's or a place's name (O, or I of a group or a
/// place); other values: any tag.
std::vector<int> viterbi(const std::vector<float>& emissions, const std::vector<char>& eligible,
                         const transitions& trans);
/// The plain reference of viterbi(): every tag pair at every token. viterbi() gives the same tags
/// (it skips only tags a token cannot take and tags never reached); -DHISTEXT_FAST_PATHS=OFF uses this.
std::vector<int> viterbi_reference(const std::vector<float>& emissions, const std::vector<char>& eligible,
                                   const transitions& trans);

/// Calls `f` with the index of every transition weight a tag sequence uses, in the layout of
/// `transitions` (from, then ends: index (n_tags + 1) * n_tags + tag). Tokens whose `eligible` flag
/// is 0 cut the sentence into segments, each scored with start, transition and end weights.
void visit_transitions(const std::vector<int>& tags, const std::vector<char>& eligible,
                       const std::function<void(std::size_t)>& f);

/// A run of tokens [first, last] tagged as one name.
struct tagged_span {
  std::size_t first = 0, last = 0;
  entity_type type = entity_type::person;
};
/// The names of a well-formed tag sequence.
std::vector<tagged_span> spans_of(const std::vector<int>& tags);
/// The BILOU tags of spans over `n` tokens (O elsewhere).
std::vector<int> tags_of(const std::vector<tagged_span>& spans, std::size_t n);

}  // namespace histext::entities_detail
