#pragma once
// Internal: found mentions -> entities (see grouping.cpp for the rules).
#include <string>
#include <string_view>
#include <vector>

#include "analyses/entities/labeller.hpp"
#include "histext/entities.hpp"

namespace histext::entities_detail {

class gazetteer;
class exclude_list;

/// A name as it reads on one line: white space collapsed, line-end hyphens joined ("Rus-\nsia").
std::string clean_name(std::string_view s);

/// Groups mentions into entities in order of first mention. `gaz` names the entities of its
/// entries; `exclude` drops entities whose name or an alias is on it (both may be null).
std::vector<entity> group_mentions(std::string_view text, mention_list mentions, const gazetteer* gaz,
                                   const exclude_list* exclude);

}  // namespace histext::entities_detail
