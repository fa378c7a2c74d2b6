// build_report(): runs the analyses and layouts one input's section of histext-report shows.
#include "histext/report.hpp"

#include <nettle/sha2.h>

#include <algorithm>
#include <map>

namespace histext {

std::string base64(std::string_view bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[v >> 18], out += alphabet[(v >> 12) & 63], out += alphabet[(v >> 6) & 63], out += alphabet[v & 63];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[v >> 18], out += alphabet[(v >> 12) & 63];
    out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string csp_hash(std::string_view text) {
  // CSP hashes are of the raw digest, not of its hex form (sha256_state gives only hex).
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, text.size(), reinterpret_cast<const uint8_t*>(text.data()));
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  return "'sha256-" + base64(std::string_view(reinterpret_cast<const char*>(digest), SHA256_DIGEST_SIZE)) + "'";
}

report_input build_report(document doc, const report_options& options) {
  report_input r;
  r.doc = std::move(doc);
  segmenter segm;
  r.seg = segm.run(r.doc);
  const std::string& text = r.doc.text();

  r.entities = find_entities(r.doc, r.seg, {});
  r.network = cooccur(r.entities);

  freq_options fo;
  fo.top = options.top_words;
  fo.checksum = false;  // the provenance hashes the document itself
  r.words = count_words(r.doc, fo);
  double top_count = r.words.words.empty() ? 0 : static_cast<double>(r.words.words.front().count);
  r.word_scale = make_bar_scale(top_count, 360);

  // Graph: the most-mentioned people, groups and places that co-occur with another (ties: text order).
  std::vector<std::size_t> linked;
  {
    std::vector<bool> has_pair(r.entities.size(), false);
    for (const entity_pair& p : r.network.pairs) has_pair[p.a] = has_pair[p.b] = true;
    for (std::size_t i = 0; i < r.entities.size(); ++i)
      if (has_pair[i]) linked.push_back(i);
    std::stable_sort(linked.begin(), linked.end(), [&](std::size_t a, std::size_t b) {
      return r.entities[a].mentions.size() > r.entities[b].mentions.size();
    });
    if (linked.size() > options.graph_nodes) linked.resize(options.graph_nodes);
    std::sort(linked.begin(), linked.end());
  }
  r.graph_entities = linked;
  std::map<std::size_t, std::size_t> node_of;
  for (std::size_t i = 0; i < linked.size(); ++i) node_of[linked[i]] = i;
  for (const entity_pair& p : r.network.pairs) {
    auto a = node_of.find(p.a), b = node_of.find(p.b);
    if (a != node_of.end() && b != node_of.end())
      r.graph_edges.push_back({a->second, b->second, static_cast<double>(p.count)});
  }
  r.graph = force_layout(linked.size(), r.graph_edges, {});

  // Dispersion: the top words (body word tokens, keyed as histext-freq keys them) and entities.
  const std::size_t size = text.size();
  for (std::size_t w = 0; w < r.words.words.size() && w < options.dispersion_words; ++w) {
    const std::string& key = r.words.words[w].word;
    std::vector<std::size_t> offsets;
    for (const sentence& s : r.seg.sentences) {
      if (s.block_kind != block_kind::paragraph) continue;
      for (std::uint32_t t = s.first_token; t < s.last_token; ++t)
        if (r.seg.tokens[t].is_word() && r.seg.tokens[t].base() == key) offsets.push_back(r.seg.tokens[t].begin);
    }
    r.dispersion.push_back({key, "word", dispersion_positions(offsets, size)});
  }
  std::vector<std::size_t> by_mentions;
  for (std::size_t i = 0; i < r.entities.size(); ++i)
    if (r.entities[i].type == entity_type::person || r.entities[i].type == entity_type::group ||
        r.entities[i].type == entity_type::place)
      by_mentions.push_back(i);
  std::stable_sort(by_mentions.begin(), by_mentions.end(), [&](std::size_t a, std::size_t b) {
    return r.entities[a].mentions.size() > r.entities[b].mentions.size();
  });
  for (std::size_t j = 0; j < by_mentions.size() && j < options.dispersion_entities; ++j) {
    const entity& e = r.entities[by_mentions[j]];
    std::vector<std::size_t> offsets;
    for (const entity_mention& m : e.mentions) offsets.push_back(m.begin);
    r.dispersion.push_back({e.name, to_string(e.type), dispersion_positions(offsets, size)});
  }

  r.sentences = analyze_sentences(r.doc, r.seg, {});
  double top_bin = 0;
  for (const histogram_bin& b : r.sentences.summary.words_per_sentence.histogram)
    top_bin = std::max(top_bin, static_cast<double>(b.count));
  r.histogram_scale = make_bar_scale(top_bin, 160);
  double longest = 0;
  for (const sentence_stat& s : r.sentences.sentences) longest = std::max(longest, static_cast<double>(s.words));
  r.strip_scale = make_bar_scale(longest, 80, 4);

  // Condensed view: whole blocks while they end within text_view_bytes (at least one block).
  r.shown_bytes = 0;
  for (const block& b : r.seg.blocks) {
    if (r.shown_blocks > 0 && b.end > options.text_view_bytes) break;
    r.shown_bytes = b.end;
    ++r.shown_blocks;
  }
  return r;
}

}  // namespace histext
