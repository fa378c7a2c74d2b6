#pragma once
/// @file entities.hpp  Named people, groups and places of a passage (histext-entities).
///
/// Mentions are read by a trained sequence model (an averaged perceptron over BILOU tags, Viterbi
/// decoding; see train.hpp) from features of the segmenter's tokens, the lexicons (names.hpp),
/// the document and statistics of historical English, then grouped into entities.
/// Every mention's [begin, end) is a byte range of document::text() that slices it to `text`.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "histext/document.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"

namespace histext {

/// What an entity is. Only person, group and place are "named entities"; work and other are kept
/// apart (titles of works, events, languages) and never mixed with them.
enum class entity_type : std::uint8_t { person, group, place, work, other };
/// "person", "group", "place", "work" or "other".
const char* to_string(entity_type type);
/// Parses one of those names; throws histext::error otherwise.
entity_type parse_entity_type(const std::string& name);

/// One occurrence of an entity in the text.
struct entity_mention {
  std::size_t begin = 0, end = 0;  ///< byte offsets into document::text() (possessive and footnote excluded)
  std::uint32_t sentence = 0, block = 0, paragraph = 0;  ///< 1-based (paragraph 0 = heading/attribution)
  histext::block_kind block_kind = histext::block_kind::paragraph;
  std::string text;  ///< the exact surface text, text().substr(begin, end - begin): a
                     ///< hard-wrapped name keeps its line break here (and only here)
};

/// One entity with all its mentions.
struct entity {
  /// Canonical name: the fullest form in the text, title stripped (kept with `keep_titles`), every
  /// white-space run (line breaks included) made one space.
  std::string name;
  entity_type type = entity_type::person;
  std::vector<std::string> aliases;      ///< other surface forms (titled, short), white space collapsed, sorted
  std::vector<entity_mention> mentions;  ///< in text order
  std::vector<std::string> evidence;     ///< why it was listed and typed ("WordNet: instance of communist")
};

/// What to list.
struct entity_options {
  std::vector<entity_type> types;  ///< empty: every type
  /// Name a person with the title the text gives ("General Kornilov", "Vice President Bush", GUM's
  /// convention) rather than "Kornilov"; a form of address, an epithet of age, a nationality and a
  /// misread title stay aliases either way.
  bool keep_titles = false;
  /// Count only mentions in body paragraphs (--body). By default every block counts: a letter's
  /// writer and addressee, a book's author matter to a historian.
  bool body_only = false;
  /// Count mentions in `page` blocks too (running heads repeat names on every page, so by default
  /// they are left out of the counts).
  bool pages = false;
  /// Model file written by histext-train; empty: the shipped model, data_dir()/entities.model.
  std::string model;
  /// The historian's list of names (TSV: name, type, aliases separated by |); its entries win over
  /// the model. Empty: none. See docs/corrections.md.
  std::string gazetteer;
  /// Names never to list, one a line. Empty: none.
  std::string exclude;
};

/// The blocks whose mentions an entity count covers under `options`: "body" or "all" (also the
/// value of meta.options.scope).
const char* scope_name(const entity_options& options);

/// Finds the entities of a segmented document, in order of first mention. Loads the lexicons on
/// first use (throws histext::error if a data file is missing). At most 6 titles directly before
/// a name belong to its mention; earlier titles of a longer run are in no mention.
std::vector<entity> find_entities(const document& doc, const segmentation& seg, const entity_options& options = {});

/// The same, segmenting `doc` block by block with `seg` (two passes: the document's word memory,
/// then the names), so that memory is bounded by a piece of text and the mentions, not the tokens.
/// `progress` (may be empty) is called with bytes done and bytes in all.
std::vector<entity> find_entities(const document& doc, segmenter& seg, const entity_options& options,
                                  const segmenter::progress_fn& progress = {});

/// Entities named together in one sentence.
struct entity_pair {
  std::size_t a = 0, b = 0;  ///< indices into the entity list, a < b
  std::size_t count = 0;     ///< sentences naming both
};

/// The co-occurrence network of a list of entities.
struct cooccurrence {
  std::vector<entity_pair> pairs;  ///< by count (descending), then a, then b
  /// Per entity: weighted eigenvector centrality within its connected component, scaled so that
  /// the top entity of each component scores 1 (every other member in (0, 1]); 0 for an entity
  /// named with no other. Comparable within a component, not across components.
  std::vector<double> centrality;
  std::string centrality_measure;  ///< the measure's name ("eigenvector_per_component")
  std::size_t dropped_pairs = 0;   ///< sentence pairs left out by the per-sentence bound (see notes)
  std::vector<std::string> notes;  ///< work the bounds dropped, one line each (empty: nothing dropped)
};

/// Pairs of people, groups and places mentioned in the same sentence (works and others are left
/// out) and each entity's centrality. Only the first 128 distinct entities of a sentence (text
/// order) enter its pairs; a sentence naming more sets `notes` and `dropped_pairs`.
/// Deterministic: fixed iteration count and tolerance, stable order.
cooccurrence cooccur(const std::vector<entity>& entities);

/// Writes the entity list: table/tsv/csv (name, type, count, aliases, evidence) or JSON
/// {"meta", "entities": [{name, type, count, aliases, mentions, evidence}]}.
void write_entities(std::ostream& out, const std::vector<entity>& entities, format f, const run_meta& meta,
                    bool color = false);

/// Writes the co-occurrence network: pairs with counts, then centrality (JSON {"meta", "pairs",
/// "centrality"}, plus "notes" when a bound dropped work; meta.options.centrality_measure names
/// the measure).
void write_cooccurrence(std::ostream& out, const std::vector<entity>& entities, const cooccurrence& net, format f,
                        const run_meta& meta, bool color = false);

/// One entity of a corpus: the entities of several files with the same name and type, pooled.
struct corpus_entity {
  std::string name;
  entity_type type = entity_type::person;
  std::size_t count = 0;                                   ///< mentions in all files
  std::vector<std::pair<std::string, std::size_t>> files;  ///< (file, mentions there), in file order
};

/// Adds one file's entities to `pool`: an entity whose name and type are already there adds the
/// file and its mention count; a new one is appended. Calling it for each file in order gives the
/// corpus view in order of first appearance (file order, then each file's order). Pure.
std::vector<corpus_entity> pool_entities(std::vector<corpus_entity> pool, const std::string& file,
                                         const std::vector<entity>& entities);

/// Writes a corpus's pooled entities after the files' own lists: table: "corpus: N files" and
/// (name, type, count, files as "a.txt 8, b.txt 3"); other formats: nothing.
void write_entity_corpus(std::ostream& out, const std::vector<corpus_entity>& pool, std::size_t files, format f,
                         bool color = false);

/// The pooled entities as a JSON array of {name, type, count, files: [{file, count}]}.
std::string entity_corpus_json(const std::vector<corpus_entity>& pool);

/// Writes the passage with every mention marked: [text]{type} or, with `color`, in colour by type.
void write_highlight(std::ostream& out, const document& doc, const std::vector<entity>& entities, bool color);

}  // namespace histext
