#pragma once
// Turning merged counts into a freq_result: shared by frequency_counter::result() and by shards
// (shard.cpp), so that a merge of shards and --combine lay out the same numbers the same way.
#include <cstdint>
#include <string>
#include <vector>

#include "analyses/frequency/count_table.hpp"
#include "analyses/frequency/counting.hpp"
#include "histext/frequency.hpp"

namespace histext::freq {

/// Why a pooled summary of several inputs has no MATTR and MTLD (freq_summary::null_reason).
inline constexpr const char* pooled_null_reason =
    "mattr and mtld need one running text and pooled inputs are not one: see each input's summary";

/// The summary of `t`'s counts, `tokens` counted items in all: everything but mattr and mtld,
/// which are NaN (they need the running text).
freq_summary summarize_counts(const count_table& t, std::uint64_t tokens);

/// One input's whole summary, MATTR and MTLD included (its running text is in `t`).
freq_summary summarize_input(const count_table& t, const freq_options& o);

/// Fills r.words and the collocation fields from `pooled`, whose summary is r.summary (already
/// set), with o's filters. `columns` (the inputs' own tables, or empty) gives word_row::per_input.
void fill_rows(freq_result& r, const count_table& pooled, const freq_options& o, const std::string& node_key,
               const std::vector<const count_table*>& columns);

/// What a shard reads of a counter.
struct counter_access {
  static const counting_rules& rules(const frequency_counter& c);
  static std::vector<const count_table*> tables(const frequency_counter& c);
};

}  // namespace histext::freq
