// Writers for histext-entities: entity lists, the co-occurrence network (computed by cooccur() in
// lib/src/analyses/entities/cooccurrence.cpp) and highlighting.
#include <algorithm>
#include <ostream>

#include "histext/entities.hpp"
#include "histext/error.hpp"
#include "writers/json_writer.hpp"

namespace histext {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

void write_entities(std::ostream& out, const std::vector<entity>& entities, format f, const run_meta& meta,
                    bool color) {
  if (f == format::json) {
    // One entity at a time: a DOM of every mention of a whole book cost gigabytes.
    open_json_document(out, meta);
    out << ",\"entities\":[";
    // Each mention is written as it is read (the members in the order a DOM would give), not built
    // as a JSON object first: that cost most of a book's JSON time. Strings go through nlohmann's
    // dump, so escaping and invalid-UTF-8 replacement are the library's.
    auto str = [](std::string_view v) { return json(v).dump(-1, ' ', false, json::error_handler_t::replace); };
    for (std::size_t i = 0; i < entities.size(); ++i) {
      const entity& e = entities[i];
      if (i) out << ',';
      out << "{\"name\":" << str(e.name) << ",\"type\":" << str(to_string(e.type)) << ",\"count\":" << e.mentions.size()
          << ",\"aliases\":" << json(e.aliases).dump(-1, ' ', false, json::error_handler_t::replace)
          << ",\"mentions\":[";
      for (std::size_t k = 0; k < e.mentions.size(); ++k) {
        const entity_mention& m = e.mentions[k];
        if (k) out << ',';
        out << "{\"begin\":" << m.begin << ",\"end\":" << m.end << ",\"sentence\":" << m.sentence
            << ",\"block\":" << m.block << ",\"block_kind\":" << str(to_string(m.block_kind))
            << ",\"paragraph\":" << m.paragraph << ",\"text\":" << str(m.text) << '}';
      }
      out << "],\"evidence\":" << json(e.evidence).dump(-1, ' ', false, json::error_handler_t::replace) << '}';
    }
    out << ']';
    close_json_document(out, meta);
    return;
  }
  if (f == format::vertical) throw error("histext-entities: format vertical is not offered");
  table t;
  t.columns = {"name", "type", "count", "aliases", "evidence"};
  for (const auto& e : entities)
    t.rows.push_back({e.name, std::string(to_string(e.type)), static_cast<std::int64_t>(e.mentions.size()),
                      join(e.aliases, "|"), join(e.evidence, "; ")});
  write_table(out, t, f, color);
}

void write_cooccurrence(std::ostream& out, const std::vector<entity>& entities, const cooccurrence& net, format f,
                        const run_meta& meta, bool color) {
  if (f == format::json) {
    run_meta m = meta;
    m.options.emplace_back("centrality_measure", net.centrality_measure);
    json pairs = json::array(), cent = json::array();
    for (const auto& p : net.pairs)
      pairs.push_back({{"a", entities[p.a].name},
                       {"a_type", to_string(entities[p.a].type)},
                       {"b", entities[p.b].name},
                       {"b_type", to_string(entities[p.b].type)},
                       {"count", p.count}});
    for (std::size_t i = 0; i < entities.size(); ++i)
      cent.push_back({{"name", entities[i].name},
                      {"type", to_string(entities[i].type)},
                      {"centrality", real_or_null(net.centrality[i])}});
    json body{{"pairs", pairs}, {"centrality", cent}};
    if (!net.notes.empty()) body["notes"] = net.notes;
    write_json(out, m, body);
    return;
  }
  table t;
  t.columns = {"a", "b", "count"};
  for (const auto& p : net.pairs)
    t.rows.push_back({entities[p.a].name, entities[p.b].name, static_cast<std::int64_t>(p.count)});
  write_table(out, t, f, color);
  out << (f == format::csv ? "\r\n" : "\n");
  table c;
  c.columns = {"name", "type", "centrality"};
  c.precision = 4;
  std::vector<std::size_t> order(entities.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return net.centrality[x] > net.centrality[y]; });
  for (auto i : order)
    c.rows.push_back({entities[i].name, std::string(to_string(entities[i].type)), net.centrality[i]});
  write_table(out, c, f, color);
}

void write_highlight(std::ostream& out, const document& doc, const std::vector<entity>& entities, bool color) {
  struct mark {
    std::size_t begin, end;
    entity_type type;
  };
  std::vector<mark> marks;
  for (const auto& e : entities)
    for (const auto& m : e.mentions) marks.push_back({m.begin, m.end, e.type});
  std::sort(marks.begin(), marks.end(),
            [](const mark& x, const mark& y) { return x.begin != y.begin ? x.begin < y.begin : x.end > y.end; });
  const std::string_view text = doc.view();
  std::size_t pos = 0;
  for (const auto& m : marks) {
    if (m.begin < pos) continue;  // nested (a name inside a group name): the outer mark shows it
    out << text.substr(pos, m.begin - pos);
    std::string_view s = text.substr(m.begin, m.end - m.begin);
    if (color) {
      const char* c = m.type == entity_type::person  ? "\x1b[1;34m"
                      : m.type == entity_type::group ? "\x1b[1;32m"
                      : m.type == entity_type::place ? "\x1b[1;35m"
                                                     : "\x1b[2m";
      out << c << s << "\x1b[0m";
    } else {
      out << '[' << s << "]{" << to_string(m.type) << '}';
    }
    pos = m.end;
  }
  out << text.substr(pos);
  if (!text.empty() && text.back() != '\n') out << '\n';
}

void write_entity_corpus(std::ostream& out, const std::vector<corpus_entity>& pool, std::size_t files, format f,
                         bool color) {
  if (f != format::table) return;
  table t;
  t.columns = {"name", "type", "count", "files"};
  for (const corpus_entity& e : pool) {
    std::string where;
    for (const auto& [file, n] : e.files) where += (where.empty() ? "" : ", ") + file + " " + std::to_string(n);
    t.rows.push_back({e.name, std::string(to_string(e.type)), static_cast<std::int64_t>(e.count), where});
  }
  out << "\ncorpus: " << files << (files == 1 ? " file" : " files") << '\n';
  write_table(out, t, f, color);
}

std::string entity_corpus_json(const std::vector<corpus_entity>& pool) {
  json list = json::array();
  for (const corpus_entity& e : pool) {
    json fs = json::array();
    for (const auto& [file, n] : e.files) fs.push_back({{"file", file}, {"count", n}});
    list.push_back({{"name", e.name}, {"type", to_string(e.type)}, {"count", e.count}, {"files", fs}});
  }
  return list.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace histext
