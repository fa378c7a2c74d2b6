// The corpus view of histext-entities: entities pooled by name and type across files.
#include <map>
#include <utility>

#include "histext/entities.hpp"

namespace histext {

std::vector<corpus_entity> pool_entities(std::vector<corpus_entity> pool, const std::string& file,
                                         const std::vector<entity>& entities) {
  std::map<std::pair<std::string, entity_type>, std::size_t> where;
  for (std::size_t i = 0; i < pool.size(); ++i) where.emplace(std::make_pair(pool[i].name, pool[i].type), i);
  for (const entity& e : entities) {
    auto [it, fresh] = where.emplace(std::make_pair(e.name, e.type), pool.size());
    if (fresh) pool.push_back(corpus_entity{e.name, e.type, 0, {}});
    corpus_entity& c = pool[it->second];
    c.count += e.mentions.size();
    // One file may list a name and type once only; should it list it twice, the counts add up.
    if (!c.files.empty() && c.files.back().first == file)
      c.files.back().second += e.mentions.size();
    else
      c.files.emplace_back(file, e.mentions.size());
  }
  return pool;
}

}  // namespace histext
