// Named people, groups and places: find_entities runs the stages of labeller.hpp (features, model,
// Viterbi, evidence) over the text and groups the mentions (grouping.cpp). The rule cascade of
// recognizer.hpp survives as one feature of the model; co-occurrence is in cooccurrence.cpp.
#include <map>
#include <mutex>
#include <optional>

#include "analyses/entities/gazetteer.hpp"
#include "analyses/entities/grouping.hpp"
#include "analyses/entities/labeller.hpp"
#include "analyses/entities/recognizer.hpp"
#include "analyses/entities/word_facts.hpp"
#include "common/fast_paths.hpp"
#include "lexicons/word_stats.hpp"
#include "segmentation/packed.hpp"

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

namespace {

using namespace entities_detail;

std::shared_ptr<const model> model_for(const entity_options& options) {
  if (options.model.empty()) return model::shipped();
  // A user's model is read once per path and kept (histext-entities reads one for many files).
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const model>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(options.model);
  if (it == cache.end()) it = cache.emplace(options.model, model::load(options.model)).first;
  return it->second;
}

// What one run needs besides the text: the model, the lexicons and the historian's lists.
struct run_context {
  std::shared_ptr<const model> m;
  feature_env env;
  std::optional<gazetteer> gaz;
  std::optional<exclude_list> exclude;
  doc_memory memory;
  std::optional<word_facts_cache> facts;

  explicit run_context(const entity_options& options) : m(model_for(options)) {
    env.lex = &name_lexicon::instance();
    env.groups = m->feature_groups();
    if (env.groups & static_cast<std::uint32_t>(feature_group::corpus)) env.stats = &lexicons::word_stats::instance();
    env.doc = &memory;
    // Fast path: the lexicons' facts memoised per document (off: looked up every time).
    if constexpr (fast_paths) env.facts = &facts.emplace(*env.lex, env.stats);
    if (!options.gazetteer.empty()) gaz.emplace(gazetteer::load(options.gazetteer));
    if (!options.exclude.empty()) exclude.emplace(exclude_list::load(options.exclude));
  }
  std::vector<entity> finish(std::string_view text, mention_list found, const entity_options& options) {
    std::vector<entity> all =
        group_mentions(text, std::move(found), gaz ? &*gaz : nullptr, exclude ? &*exclude : nullptr);
    // Every block is read (a name in a heading or a signature is evidence too); the scope only
    // decides which mentions are counted. An entity with no mention left is dropped.
    auto counted = [&](const entity_mention& m) {
      if (options.body_only) return m.block_kind == block_kind::paragraph;
      return options.pages || m.block_kind != block_kind::page;
    };
    std::vector<entity> out;
    for (auto& e : all) {
      if (!options.types.empty() &&
          std::find(options.types.begin(), options.types.end(), e.type) == options.types.end())
        continue;
      std::erase_if(e.mentions, [&](const entity_mention& m) { return !counted(m); });
      if (!e.mentions.empty()) out.push_back(std::move(e));
    }
    return out;
  }
};

}  // namespace

std::vector<entity> find_entities(const document& doc, const segmentation& seg, const entity_options& options) {
  run_context ctx(options);
  ctx.memory.observe(doc.view(), seg);
  mention_list found;
  labeller lab(ctx.m, ctx.env, ctx.gaz ? &*ctx.gaz : nullptr, options.keep_titles);
  lab.label(doc.view(), seg, found);
  lab.finish(doc.view(), found);
  return ctx.finish(doc.view(), std::move(found), options);
}

std::vector<entity> find_entities(const document& doc, segmenter& seg, const entity_options& options,
                                  const segmenter::progress_fn& progress) {
  run_context ctx(options);
  const std::string_view text = doc.view();
  const std::vector<block> blocks = split_blocks(text, doc.body_begin());
  // Pieces of about 64 KB of whole blocks: large enough for the rule cascade's context, small
  // enough that tokens never fill memory. The first pass (the word memory) segments each piece and
  // keeps it packed (segmentation/packed.hpp: about a byte for each byte of text) while the packs
  // fit `pack_budget`; the second pass (the names) unpacks those instead of segmenting the text
  // again, and frees each as it goes. Past the budget, pieces are segmented in both passes, so
  // memory stays bounded; ICU's iterators were a fifth of the time, half of it spent twice.
  constexpr std::size_t piece_bytes = 64 * 1024;
  constexpr std::size_t pack_budget = 64u << 20;
  struct piece_span {
    std::size_t first_block, last_block;
    std::string packed;  // empty: segment again
  };
  std::vector<piece_span> pieces;
  for (std::size_t first = 0, bytes = 0, i = 0; i < blocks.size(); ++i) {
    bytes += blocks[i].end - blocks[i].begin;
    if (bytes < piece_bytes && i + 1 < blocks.size()) continue;
    pieces.push_back({first, i + 1, {}});
    first = i + 1, bytes = 0;
  }
  // The piece's blocks, segmented, or unpacked when the first pass kept them; numbering goes on
  // from the piece before.
  segmentation piece;
  auto read_piece = [&](piece_span& span) {
    piece.sentences_before += static_cast<std::uint32_t>(piece.sentences.size());
    piece.blocks.assign(blocks.begin() + static_cast<std::ptrdiff_t>(span.first_block),
                        blocks.begin() + static_cast<std::ptrdiff_t>(span.last_block));
    if (!span.packed.empty()) {
      unpack_segmentation(text, span.packed, piece);
      std::string().swap(span.packed);
      return;
    }
    piece.sentences.clear();
    piece.tokens.clear();
    for (const block& b : piece.blocks) seg.run_block(text, b, piece);
  };
  // Pass 1: the word memory; each piece is packed while the packs fit the budget.
  std::size_t packed_bytes = 0;
  for (piece_span& span : pieces) {
    read_piece(span);
    ctx.memory.observe(text, piece);
    if (fast_paths && packed_bytes < pack_budget && pack_segmentation(text, piece, span.packed))
      packed_bytes += span.packed.size();
    if (progress) progress(blocks[span.last_block - 1].end / 2, text.size());
  }
  // Pass 2: the names, in the same pieces.
  mention_list found;
  labeller lab(ctx.m, ctx.env, ctx.gaz ? &*ctx.gaz : nullptr, options.keep_titles);
  piece = segmentation{};
  for (piece_span& span : pieces) {
    read_piece(span);
    lab.label(text, piece, found);
    if (progress) progress((text.size() + blocks[span.last_block - 1].end) / 2, text.size());
  }
  lab.finish(text, found);
  if (progress) progress(text.size(), text.size());
  return ctx.finish(text, std::move(found), options);
}

const char* scope_name(const entity_options& options) { return options.body_only ? "body" : "all"; }

}  // namespace histext
