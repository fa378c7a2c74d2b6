#pragma once
// Internal: bounds of the recogniser's scans (the co-occurrence bound is in cooccurrence.hpp).
#include <cstddef>

namespace histext::entities_detail {

/// At most this many titles directly before a name belong to its mention ("Lieutenant General Sir
/// John Moore" has three); earlier ones in a longer run ("Mr. Mr. Mr. ... Smith") are left out of
/// every mention. Without the bound the title scan looks ahead from every title of the run, and
/// 80 KB of "Mr." before a name took a minute.
inline constexpr std::size_t max_title_run = 6;

}  // namespace histext::entities_detail
