// Grouping mentions into entities: confirmation of tentative mentions, clusters by key, short
// forms joined to the fullest form, type by weighted vote, canonical name, aliases and evidence.
#include "analyses/entities/recognizer.hpp"
#include "lexicons/data_list.hpp"

namespace histext::entities_detail {

std::vector<entity> recognizer::run() {
  used_.assign(seg_.tokens.size(), 0);
  for (const sentence& s : seg_.sentences) scan_sentence(s);
  return group();
}

std::vector<recognizer::read_span> recognizer::run_spans() {
  used_.assign(seg_.tokens.size(), 0);
  for (const sentence& s : seg_.sentences) scan_sentence(s);
  std::vector<raw_mention> ms;
  std::vector<read_span> out;
  for (const mention_group& g : group_mentions(ms))
    for (std::size_t i : g.idx) out.push_back({ms[i].begin, ms[i].end, g.type});
  return out;
}

std::vector<std::string> split_words(const std::string& k) {
  std::vector<std::string> out;
  for (std::string_view w : split_fields(k, ' ')) out.emplace_back(w);
  return out;
}

bool contains_words(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  if (small.empty() || small.size() >= big.size()) return false;
  for (std::size_t i = 0; i + small.size() <= big.size(); ++i)
    if (std::equal(small.begin(), small.end(), big.begin() + static_cast<std::ptrdiff_t>(i))) return true;
  return false;
}

std::vector<recognizer::mention_group> recognizer::group_mentions(std::vector<raw_mention>& ms) {
  // Keys confirmed by a firm mention, and the words of the multi-word ones.
  std::set<std::string> confirmed, confirmed_words;
  std::map<std::string, int> weak_count;
  for (const auto& m : mentions_) {
    if (m.tentative) continue;
    if (m.weak) {
      ++weak_count[m.key];
      continue;
    }
    confirmed.insert(m.key);
    if (m.key.find(' ') != std::string::npos)
      for (const auto& x : split_words(m.key)) confirmed_words.insert(x);
  }
  auto firm = [&](const std::string& k) {
    return confirmed.count(k) != 0 || confirmed_words.count(k) != 0 ||
           (k.size() > 4 && k.back() == 'e' && confirmed.count(k.substr(0, k.size() - 1)));
  };
  ms.clear();
  for (auto& m : mentions_) {
    if (m.key.empty()) continue;
    if (m.tentative && !firm(m.key)) continue;
    // An unknown word seen once, with no context: most often a title of a work, rarely a name.
    if (m.weak && !firm(m.key) && weak_count[m.key] < 2) continue;
    ms.push_back(std::move(m));  // the mentions are read once: run() is over after grouping
  }
  std::sort(ms.begin(), ms.end(), [](const raw_mention& x, const raw_mention& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });

  // One cluster per key, first by exact key.
  struct cluster {
    std::string key;
    std::vector<std::size_t> members;
    int votes[5] = {};
    int strength = 0;  // the strongest single mention's weight
    std::size_t words = 0;
  };
  std::vector<cluster> cl;
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    auto it = by_key.find(ms[i].key);
    if (it == by_key.end()) {
      it = by_key.emplace(ms[i].key, cl.size()).first;
      cluster c;
      c.key = ms[i].key;
      c.words = split_words(c.key).size();
      cl.push_back(std::move(c));
    }
    cluster& c = cl[it->second];
    c.members.push_back(i);
    c.votes[static_cast<int>(ms[i].type)] += ms[i].weight;
    c.strength = std::max(c.strength, ms[i].weight);
  }
  auto best_type = [](const cluster& c) {
    int bt = 0;
    for (int t = 1; t < 5; ++t)
      if (c.votes[t] > c.votes[bt]) bt = t;
    return bt;
  };
  // Short forms join the fullest form that contains them ("Humbert-Droz" -> "Jules Humbert-Droz"),
  // and variants that differ by accents and a final -e join too ("Lénine" -> "Lenin").
  std::vector<std::size_t> parent(cl.size());
  std::vector<std::vector<std::string>> cw(cl.size());
  std::unordered_map<std::string, std::vector<std::size_t>> by_word;  // word -> longer clusters holding it
  for (std::size_t i = 0; i < cl.size(); ++i) {
    parent[i] = i;
    cw[i] = split_words(cl[i].key);
    if (cw[i].size() > 1) {
      std::set<std::string> seen(cw[i].begin(), cw[i].end());
      for (const auto& x : seen) by_word[x].push_back(i);
    }
  }
  for (std::size_t i = 0; i < cl.size(); ++i) {
    const auto& sw = cw[i];
    int ti = best_type(cl[i]);
    std::size_t best = i;
    std::size_t best_count = 0;
    std::vector<std::size_t> cands;
    auto bw_it = by_word.find(sw[0]);
    if (bw_it != by_word.end()) cands = bw_it->second;
    // Variants that differ by a final -e ("Lénine" -> "Lenin"), accents being folded already.
    if (sw.size() == 1 && sw[0].size() > 4 && sw[0].back() == 'e') {
      auto it = by_key.find(sw[0].substr(0, sw[0].size() - 1));
      if (it != by_key.end() && best_type(cl[it->second]) == static_cast<int>(entity_type::person) &&
          ti == static_cast<int>(entity_type::person))
        cands.push_back(it->second);
    }
    for (std::size_t j : cands) {
      if (j == i) continue;
      int tj = best_type(cl[j]);
      // People's short forms join their full names; a place or group known by itself ("Texas") stays
      // apart from a longer name that contains it ("University of Texas").
      const int person = static_cast<int>(entity_type::person);
      bool compatible = (ti == person && tj == person) || cl[i].strength <= w_default;
      if (!compatible) continue;
      const auto& bw = cw[j];
      bool match = contains_words(bw, sw) || (bw.size() == 1 && sw.size() == 1) ||
                   (ti == person && sw.size() >= 2 && bw.size() > sw.size() && sw.front() == bw.front() &&
                    sw.back() == bw.back());  // "Brock Holt" -> "Brock Wyatt Holt"
      if (!match) continue;
      if (best != i && bw.size() < cw[best].size()) continue;
      if (best == i || bw.size() > cw[best].size() || cl[j].members.size() > best_count) {
        best = j;
        best_count = cl[j].members.size();
      }
    }
    parent[i] = best;
  }
  auto root = [&](std::size_t i) {
    int guard = 0;
    while (parent[i] != i && guard++ < 64) i = parent[i];
    return i;
  };
  std::map<std::size_t, std::vector<std::size_t>> groups;  // root -> clusters
  for (std::size_t i = 0; i < cl.size(); ++i) groups[root(i)].push_back(i);

  std::vector<std::pair<std::size_t, mention_group>> out;
  for (auto& [r, members] : groups) {
    mention_group g;
    int votes[5] = {};
    for (auto c : members) {
      for (int t = 0; t < 5; ++t) votes[t] += cl[c].votes[t];
      g.idx.insert(g.idx.end(), cl[c].members.begin(), cl[c].members.end());
    }
    // The root's own type wins over its short forms' weak votes.
    int bt = best_type(cl[r]);
    if (cl[r].votes[bt] < w_rule) {
      bt = 0;
      for (int t = 1; t < 5; ++t)
        if (votes[t] > votes[bt]) bt = t;
    }
    g.type = static_cast<entity_type>(bt);
    std::sort(g.idx.begin(), g.idx.end());
    const std::size_t first_begin = ms[g.idx[0]].begin;
    out.emplace_back(first_begin, std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<mention_group> res;
  res.reserve(out.size());
  for (auto& p : out) res.push_back(std::move(p.second));
  return res;
}

std::vector<entity> recognizer::group() {
  std::vector<raw_mention> ms;
  std::vector<entity> res;
  for (const mention_group& g : group_mentions(ms)) {
    entity e;
    e.type = g.type;
    const std::vector<std::size_t>& idx = g.idx;
    std::string best_name;
    std::size_t best_words = 0;
    std::set<std::string> aliases, evid;
    std::vector<std::pair<int, std::string>> weighted_evidence;
    for (auto i : idx) {
      const raw_mention& m = ms[i];
      entity_mention em;
      em.begin = m.begin;
      em.end = m.end;
      const token& t = seg_.tokens[m.first];
      em.sentence = t.sentence;
      em.block = t.block;
      em.paragraph = t.paragraph;
      em.block_kind = t.block_kind;
      em.text = std::string(text_.substr(m.begin, m.end - m.begin));
      std::string name(text_.substr(m.name_begin, m.end - m.name_begin));
      std::size_t nw = split_words(m.key).size();
      auto shouted = [](const std::string& x) {
        return std::none_of(x.begin(), x.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      };
      if (nw > best_words || (nw == best_words && (best_name.empty() || (shouted(best_name) && !shouted(name))))) {
        best_words = nw;
        best_name = name;
      }
      // Names and aliases read as one line: a hard-wrapped "Free Software\nFoundation" is listed as
      // "Free Software Foundation". The mention's text stays the exact surface (offsets contract).
      aliases.insert(collapse_space(em.text));
      aliases.insert(collapse_space(name));
      if (m.type == e.type && evid.insert(m.evidence).second) weighted_evidence.emplace_back(-m.weight, m.evidence);
      e.mentions.push_back(std::move(em));
    }
    // Strongest evidence first (lexicon and rules before context and defaults), then in text order.
    std::stable_sort(weighted_evidence.begin(), weighted_evidence.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (auto& we : weighted_evidence) e.evidence.push_back(std::move(we.second));
    e.name = collapse_space(best_name);
    aliases.erase(e.name);
    e.aliases.assign(aliases.begin(), aliases.end());
    res.push_back(std::move(e));
  }
  return res;
}

}  // namespace histext::entities_detail
