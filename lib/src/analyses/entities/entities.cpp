// Named people, groups and places: candidate name spans by shape (capitalised sequences with
// connectors), typed by the WordNet lexicon, the curated category lists and context rules, then
// grouped into entities (short forms joined to the fullest form, types decided by weighted vote).
// The stages are in candidates.cpp, rules.cpp and grouping.cpp (see recognizer.hpp); co-occurrence
// in cooccurrence.cpp.
#include "analyses/entities/recognizer.hpp"

namespace histext {

const char* to_string(entity_type type) {
  switch (type) {
    case entity_type::person: return "person";
    case entity_type::group: return "group";
    case entity_type::place: return "place";
    case entity_type::work: return "work";
    case entity_type::other: return "other";
  }
  return "other";
}

entity_type parse_entity_type(const std::string& name) {
  for (auto t : {entity_type::person, entity_type::group, entity_type::place, entity_type::work, entity_type::other})
    if (name == to_string(t)) return t;
  throw error("unknown entity type '" + name + "' (expected person, group, place, work or other)");
}

using entities_detail::recognizer;

std::vector<entity> find_entities(const document& doc, const segmentation& seg, const entity_options& options) {
  recognizer r(doc, seg, options);
  std::vector<entity> all = r.run();
  // The recogniser reads every block (a name in a heading or a signature is evidence too); the
  // scope only decides which mentions are counted. An entity with no mention left is dropped.
  auto counted = [&](const entity_mention& m) {
    if (options.body_only) return m.block_kind == block_kind::paragraph;
    return options.pages || m.block_kind != block_kind::page;
  };
  std::vector<entity> out;
  for (auto& e : all) {
    if (!options.types.empty() && std::find(options.types.begin(), options.types.end(), e.type) == options.types.end())
      continue;
    std::erase_if(e.mentions, [&](const entity_mention& m) { return !counted(m); });
    if (!e.mentions.empty()) out.push_back(std::move(e));
  }
  return out;
}

const char* scope_name(const entity_options& options) { return options.body_only ? "body" : "all"; }

}  // namespace histext
