// Tests for histext-entities: each rule of the rule cascade (a feature of the model), grouping,
// offsets, writers and the tool's error paths. The model itself: entity_model_test.cpp.
#include "histext/entities.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "analyses/entities/bounds.hpp"
#include "analyses/entities/cooccurrence.hpp"
#include "analyses/entities/recognizer.hpp"
#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/names.hpp"
#include "histext/segment.hpp"
#include "test_util.hpp"

namespace histext {
namespace {

// The rule cascade, which the model reads as a feature: its rules are tested one by one here.
std::vector<entity> run(const std::string& text, const entity_options& options = {}) {
  document doc = document::from_bytes(text, "test.txt");
  segmentation seg = segment(doc);
  std::vector<entity> all = entities_detail::recognizer(doc.view(), seg, options).run();
  if (!options.types.empty())
    std::erase_if(all, [&](const entity& e) {
      return std::find(options.types.begin(), options.types.end(), e.type) == options.types.end();
    });
  return all;
}

// The product: the trained model (find_entities).
std::vector<entity> run_model(const std::string& text, const entity_options& options = {}) {
  document doc = document::from_bytes(text, "test.txt");
  segmentation seg = segment(doc);
  return find_entities(doc, seg, options);
}

const entity* find(const std::vector<entity>& es, const std::string& name) {
  for (const auto& e : es)
    if (e.name == name) return &e;
  return nullptr;
}

::testing::AssertionResult has(const std::vector<entity>& es, const std::string& name, entity_type type) {
  const entity* e = find(es, name);
  if (!e) {
    std::string all;
    for (const auto& x : es) all += " [" + x.name + "/" + to_string(x.type) + "]";
    return ::testing::AssertionFailure() << "no entity '" << name << "'; got" << all;
  }
  if (e->type != type)
    return ::testing::AssertionFailure() << "'" << name << "' is " << to_string(e->type) << ", not " << to_string(type);
  return ::testing::AssertionSuccess();
}

void expect_mentions_slice(const std::string& text, const std::vector<entity>& es) {
  for (const auto& e : es)
    for (const auto& m : e.mentions) {
      ASSERT_LE(m.begin, m.end);
      ASSERT_LE(m.end, text.size());
      EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.text) << e.name;
      EXPECT_GE(m.sentence, 1u);
      EXPECT_GE(m.block, 1u);
    }
}

TEST(rule_cascade, spans_are_the_mentions_of_its_entities_in_order) {
  // rule_tags reads run_spans(), which skips building names, aliases and evidence: it must give
  // exactly the mentions run() gives, entity by entity.
  const std::string text = test::read_file(test::data_path("bukharin.txt")) +
                           "\n\nMr. Brown met General Grant in Paris. Grant and the Bolsheviki left Paris for "
                           "the Bank of England. Lenin's brother wrote to Mrs. Brown.\n";
  document doc = document::from_bytes(text, "test.txt");
  segmentation seg = segment(doc);
  const entity_options options;
  std::vector<std::tuple<std::size_t, std::size_t, entity_type>> from_entities, from_spans;
  for (const entity& e : entities_detail::recognizer(doc.view(), seg, options).run())
    for (const entity_mention& m : e.mentions) from_entities.emplace_back(m.begin, m.end, e.type);
  for (const auto& m : entities_detail::recognizer(doc.view(), seg, options).run_spans())
    from_spans.emplace_back(m.begin, m.end, m.type);
  EXPECT_GT(from_entities.size(), 20u);
  EXPECT_EQ(from_spans, from_entities);
}

TEST(entities, types_parse_and_reject) {
  EXPECT_EQ(parse_entity_type("person"), entity_type::person);
  EXPECT_EQ(parse_entity_type("place"), entity_type::place);
  EXPECT_THROW(parse_entity_type("planet"), error);
}

TEST(entities, lexicon_people_and_places) {
  auto es = run("Yesterday the delegates of Germany met Stalin in Poland.\n");
  EXPECT_TRUE(has(es, "Germany", entity_type::place));
  EXPECT_TRUE(has(es, "Poland", entity_type::place));
  EXPECT_TRUE(has(es, "Stalin", entity_type::person));
  EXPECT_THAT(find(es, "Stalin")->evidence, ::testing::Contains(::testing::StartsWith("WordNet: instance of")));
}

TEST(entities, sentence_initial_common_words_are_not_names) {
  auto es = run("Before the war it rained. On the morrow we left. It was cold.\n");
  EXPECT_EQ(find(es, "Before"), nullptr);
  EXPECT_EQ(find(es, "On"), nullptr);
  EXPECT_EQ(find(es, "It"), nullptr);
  EXPECT_TRUE(es.empty());
}

TEST(entities, hyphenated_compound_before_fraction_is_a_group_of_people) {
  auto es = run("He spoke with the Qwertov-Asdfin fraction about the struggle.\n");
  EXPECT_TRUE(has(es, "Qwertov-Asdfin fraction", entity_type::group));
  EXPECT_TRUE(has(es, "Qwertov", entity_type::person));
  EXPECT_TRUE(has(es, "Asdfin", entity_type::person));
  EXPECT_THAT(find(es, "Qwertov-Asdfin fraction")->evidence, ::testing::Contains("rule: <Name>-<Name> fraction"));
}

TEST(entities, followers_suffix_makes_a_group) {
  auto es = run("We fought the programme of the Trotskyites and of the Leninists.\n");
  EXPECT_TRUE(has(es, "Trotskyites", entity_type::group));
  EXPECT_TRUE(has(es, "Leninists", entity_type::group));
}

TEST(entities, organisation_of_place) {
  auto es = run("The debacle of the Communist Party of Germany was near.\n");
  EXPECT_TRUE(has(es, "Communist Party of Germany", entity_type::group));
}

TEST(entities, organisation_head_word) {
  auto es = run("He taught at the Qwerty Grammar School for years.\n");
  EXPECT_TRUE(has(es, "Qwerty Grammar School", entity_type::group));
}

TEST(entities, place_head_word) {
  auto es = run("They crossed the Qwerty River at dawn.\n");
  EXPECT_TRUE(has(es, "Qwerty River", entity_type::place));
}

TEST(entities, title_is_an_alias_not_the_name) {
  auto es = run("The troops of General Kornilov marched. Kornilov was defeated.\n");
  ASSERT_TRUE(has(es, "Kornilov", entity_type::person));
  const entity* e = find(es, "Kornilov");
  EXPECT_EQ(e->mentions.size(), 2u);
  EXPECT_THAT(e->aliases, ::testing::Contains("General Kornilov"));
}

TEST(entities, fullest_form_is_canonical_and_possessive_is_stripped) {
  std::string text = "We met Jules Qwertz-Droz in May. Later Qwertz-Droz’s letter came.\n";
  auto es = run(text);
  ASSERT_TRUE(has(es, "Jules Qwertz-Droz", entity_type::person));
  const entity* e = find(es, "Jules Qwertz-Droz");
  ASSERT_EQ(e->mentions.size(), 2u);
  EXPECT_EQ(e->mentions[1].text, "Qwertz-Droz");
  expect_mentions_slice(text, es);
}

TEST(entities, citation_place_before_publisher) {
  auto es = run("A memoir.\n\n – Jules Qwertz, Memoirs. Zyxville: Editions Qwop, 1971, pp. 3-4.\n");
  EXPECT_TRUE(has(es, "Zyxville", entity_type::place));
  EXPECT_THAT(find(es, "Zyxville")->evidence, ::testing::Contains("rule: place before the publisher in a citation"));
}

TEST(entities, translator_after_by_in_attribution) {
  auto es = run("A memoir.\n\n – Translated from the French by Qwerty Zyxwv.\n");
  EXPECT_TRUE(has(es, "Qwerty Zyxwv", entity_type::person));
}

TEST(entities, title_of_work_is_never_a_person) {
  auto es = run("A memoir.\n\n – Jules Qwertz, Memoirs de Jules Qwertz.\n");
  EXPECT_EQ(find(es, "Memoirs de Jules Qwertz"), nullptr);
  for (const auto& e : es)
    if (e.name.find("Memoirs") != std::string::npos) EXPECT_NE(e.type, entity_type::person);
  EXPECT_TRUE(has(es, "Jules Qwertz", entity_type::person));
}

TEST(entities, plural_people_from_wordnet_and_nationalities) {
  auto es = run("The Huguenots fled. Later the Germans arrived.\n");
  EXPECT_TRUE(has(es, "Huguenots", entity_type::group));
  EXPECT_TRUE(has(es, "Germans", entity_type::group));
}

TEST(entities, unknown_word_after_in_is_a_place) {
  auto es = run("He was born in Qwertyvale and went to school.\n");
  EXPECT_TRUE(has(es, "Qwertyvale", entity_type::place));
}

TEST(entities, pronouns_and_capitalised_common_words_are_not_names) {
  auto es = run("He said: We shall see. They came. Figure 3 shows Learning Objectives.\n");
  EXPECT_TRUE(es.empty()) << es.size();
}

TEST(entities, accent_and_final_e_variants_join) {
  auto es = run("Lenin spoke. Later the book De Lénine à Staline appeared, and Lénine was quoted.\n");
  ASSERT_TRUE(has(es, "Lenin", entity_type::person));
  EXPECT_EQ(find(es, "Lénine"), nullptr);
}

TEST(entities, context_rules_for_unknown_names) {
  auto es =
      run("Later Qwertov said nothing. Far away, Zyxwin united the clans, and the emperor Plimbo fled. "
          "Then Qwop and Blimov quarrelled. The delegates came from Qwertyburg.\n");
  EXPECT_TRUE(has(es, "Qwertov", entity_type::person));  // before a verb of speech
  EXPECT_TRUE(has(es, "Zyxwin", entity_type::person));   // subject of a past tense
  EXPECT_TRUE(has(es, "Plimbo", entity_type::person));   // after a lower-case title
  EXPECT_TRUE(has(es, "Qwop", entity_type::person));     // coordinated unknown names
  EXPECT_TRUE(has(es, "Blimov", entity_type::person));
  EXPECT_TRUE(has(es, "Qwertyburg", entity_type::place));  // after "from"
}

TEST(entities, unknown_word_once_without_context_is_dropped) {
  auto es = run("She starred in the film Zorblatt last year.\n");
  EXPECT_EQ(find(es, "Zorblatt"), nullptr);
}

TEST(entities, listed_with_a_known_place_is_a_place) {
  auto es = run("He studied at Basel, Qwertheim and Strasbourg.\n");
  EXPECT_TRUE(has(es, "Qwertheim", entity_type::place));
}

TEST(entities, given_name_of_place_is_one_person) {
  auto es = run("The rebels were led by Maurice of Qwertland.\n");
  EXPECT_TRUE(has(es, "Maurice of Qwertland", entity_type::person));
}

TEST(entities, plural_people_noun_after_modifier_is_a_group) {
  auto es = run("The Mensheviks and the Socialist Revolutionaries walked out.\n");
  EXPECT_TRUE(has(es, "Socialist Revolutionaries", entity_type::group));
  EXPECT_TRUE(has(es, "Mensheviks", entity_type::group));
}

TEST(entities, institution_names_with_for_and_and) {
  auto es = run("He joined the Society for General Systems Research and the Academy of Painting and Sculpture.\n");
  EXPECT_TRUE(has(es, "Society for General Systems Research", entity_type::group));
  EXPECT_TRUE(has(es, "Academy of Painting and Sculpture", entity_type::group));
}

TEST(entities, keep_titles_option) {
  entity_options o;
  o.keep_titles = true;
  auto es = run("The troops of General Kornilov marched.\n", o);
  EXPECT_TRUE(has(es, "General Kornilov", entity_type::person));
}

TEST(entities, capitals_heading_mentions_need_the_text) {
  auto es = run("STALIN AND LENIN IN MOSCOW\n\nStalin went there.\n");
  ASSERT_TRUE(has(es, "Stalin", entity_type::person));
  EXPECT_EQ(find(es, "Stalin")->mentions.size(), 2u);
  EXPECT_THAT(find(es, "Stalin")->aliases, ::testing::Contains("STALIN"));
  EXPECT_EQ(find(es, "LENIN"), nullptr);  // named only in the heading: not confirmed
  EXPECT_EQ(find(es, "Lenin"), nullptr);
}

TEST(entities, quoted_titles_are_works) {
  auto es = run("She wrote “Zorblatt Quinces” in 1892, and Stalin read “Poland”.\n");
  EXPECT_TRUE(has(es, "Zorblatt Quinces", entity_type::work));
  EXPECT_TRUE(has(es, "Poland", entity_type::place));  // the lexicon knows it
}

TEST(entities, type_filter) {
  entity_options o;
  o.types = {entity_type::place};
  auto es = run("Joseph Stalin went to Poland.\n", o);
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].name, "Poland");
}

TEST(entities, cooccurrence_and_centrality) {
  auto es = run("Stalin met Lenin in Poland. Stalin went to France.\n");
  cooccurrence net = cooccur(es);
  ASSERT_FALSE(net.pairs.empty());
  ASSERT_EQ(net.centrality.size(), es.size());
  std::size_t stalin = 0;
  for (std::size_t i = 0; i < es.size(); ++i)
    if (es[i].name == "Stalin") stalin = i;
  EXPECT_DOUBLE_EQ(net.centrality[stalin], 1.0);
  for (double c : net.centrality) EXPECT_LE(c, 1.0);
  EXPECT_TRUE(cooccur({}).pairs.empty());
}

// A hand-built entity list: one mention of `names[i]` per listed sentence.
std::vector<entity> network(const std::vector<std::pair<std::string, std::vector<std::uint32_t>>>& names) {
  std::vector<entity> es;
  std::size_t pos = 0;
  for (const auto& [name, sentences] : names) {
    entity e;
    e.name = name;
    for (auto s : sentences) {
      entity_mention m;
      m.begin = pos;
      m.end = pos + name.size();
      pos += name.size() + 1;
      m.sentence = s;
      m.text = name;
      e.mentions.push_back(m);
    }
    es.push_back(e);
  }
  return es;
}

TEST(cooccurrence, centrality_is_defined_on_every_component) {
  // Two components: {a, b, c} (sentences 1, 2) and {d, e} (sentence 3); f is named alone.
  auto es = network({{"a", {1, 2}}, {"b", {1}}, {"c", {2}}, {"d", {3}}, {"e", {3}}, {"f", {4}}});
  cooccurrence net = cooccur(es);
  ASSERT_EQ(net.centrality.size(), es.size());
  EXPECT_DOUBLE_EQ(net.centrality[0], 1.0);  // the hub of the first component
  EXPECT_GT(net.centrality[1], 0.0);
  EXPECT_LT(net.centrality[1], 1.0);
  EXPECT_DOUBLE_EQ(net.centrality[1], net.centrality[2]);
  EXPECT_DOUBLE_EQ(net.centrality[3], 1.0);  // the second component's top is 1 too, not ~0
  EXPECT_DOUBLE_EQ(net.centrality[4], 1.0);
  EXPECT_EQ(net.centrality[5], 0.0);  // no co-occurrence at all
  EXPECT_EQ(net.centrality_measure, "eigenvector_per_component");
  EXPECT_TRUE(net.notes.empty());
}

TEST(cooccurrence, weighted_centrality_within_a_component) {
  // a-b named together twice, b-c once: b is the top, a above c.
  auto es = network({{"a", {1, 2}}, {"b", {1, 2, 3}}, {"c", {3}}, {"x", {9}}, {"y", {9}}});
  cooccurrence net = cooccur(es);
  EXPECT_DOUBLE_EQ(net.centrality[1], 1.0);
  EXPECT_GT(net.centrality[0], net.centrality[2]);
  EXPECT_GT(net.centrality[2], 0.0);
  EXPECT_DOUBLE_EQ(net.centrality[3], 1.0);
  EXPECT_DOUBLE_EQ(net.centrality[4], 1.0);
  ASSERT_EQ(net.pairs.size(), 3u);
  EXPECT_EQ(net.pairs[0].count, 2u);  // by count, then a, then b
  EXPECT_EQ(net.pairs[1].a, 1u);
  EXPECT_EQ(net.pairs[1].b, 2u);
  EXPECT_EQ(net.pairs[2].a, 3u);
}

TEST(cooccurrence, many_entities_in_one_sentence_are_bounded_and_noted) {
  const std::size_t k = entities_detail::max_pair_entities_per_sentence;
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> names;
  for (std::size_t i = 0; i < 5000; ++i) names.push_back({"n" + std::to_string(i), {1}});
  cooccurrence net = cooccur(network(names));
  EXPECT_EQ(net.pairs.size(), k * (k - 1) / 2);
  EXPECT_EQ(net.dropped_pairs, 5000u * 4999u / 2 - k * (k - 1) / 2);
  ASSERT_EQ(net.notes.size(), 1u);
  EXPECT_THAT(net.notes[0], ::testing::HasSubstr(std::to_string(k)));
  EXPECT_DOUBLE_EQ(net.centrality[0], 1.0);
  EXPECT_EQ(net.centrality[k], 0.0);  // the first k (text order) entered the pairs, the rest not
}

TEST(cooccurrence, below_the_bound_every_pair_counts) {
  const std::size_t k = entities_detail::max_pair_entities_per_sentence;
  std::vector<std::pair<std::string, std::vector<std::uint32_t>>> names;
  for (std::size_t i = 0; i < k; ++i) names.push_back({"n" + std::to_string(i), {1, 2}});
  cooccurrence net = cooccur(network(names));
  EXPECT_EQ(net.pairs.size(), k * (k - 1) / 2);
  for (const auto& p : net.pairs) EXPECT_EQ(p.count, 2u);
  EXPECT_EQ(net.dropped_pairs, 0u);
  EXPECT_TRUE(net.notes.empty());
}

TEST(entities_tool, cooccurrence_names_the_measure_and_prints_notes) {
  std::string text = "They met";
  for (int i = 0; i < 300; ++i) {
    std::string name = "Zq";
    for (int v = i; v > 0 || name.size() == 2; v /= 20) name += static_cast<char>('a' + v % 20);
    text += (i ? ", " : " ") + name + "ovsky";
  }
  text += " in Poland.\n";
  auto c = test::run_tool("entities", {"--cooccurrence", "--format", "json"}, text);
  ASSERT_EQ(c.exit_code, 0) << c.err;
  auto j = nlohmann::json::parse(c.out);
  EXPECT_EQ(j["meta"]["options"]["centrality_measure"], "eigenvector_per_component");
  EXPECT_THAT(c.err, ::testing::HasSubstr("histext-entities: note: "));
  EXPECT_TRUE(j.contains("notes"));
  auto small = test::run_tool("entities", {"--cooccurrence", "--format", "json", test::data_path("bukharin.txt")});
  EXPECT_EQ(small.err, "");
  EXPECT_FALSE(nlohmann::json::parse(small.out).contains("notes"));
}

TEST(entities, long_title_run_is_bounded) {
  // 20 KB of "Mr." before a name: the mention keeps only the last max_title_run titles.
  const std::size_t k = entities_detail::max_title_run;
  std::string titles;
  for (int i = 0; i < 5000; ++i) titles += "Mr. ";
  const std::string text = "He met " + titles + "Smith yesterday.\n";
  auto es = run(text);
  expect_mentions_slice(text, es);
  ASSERT_TRUE(has(es, "Smith", entity_type::person));
  const entity* smith = find(es, "Smith");
  ASSERT_EQ(smith->mentions.size(), 1u);
  std::string kept;
  for (std::size_t i = 0; i < k; ++i) kept += "Mr. ";
  EXPECT_EQ(smith->mentions[0].text, kept + "Smith");
  EXPECT_EQ(smith->mentions[0].end, text.size() - std::string(" yesterday.\n").size());
  EXPECT_THAT(smith->aliases, ::testing::ElementsAre(kept + "Smith"));
}

TEST(entities, titled_names_below_the_title_bound_are_unchanged) {
  auto es = run("Later he met Lieutenant General Sir John Moore, then Mr. Smith and General Kornilov.\n");
  ASSERT_TRUE(has(es, "John Moore", entity_type::person));
  EXPECT_EQ(find(es, "John Moore")->mentions[0].text, "Lieutenant General Sir John Moore");
  ASSERT_TRUE(has(es, "Smith", entity_type::person));
  EXPECT_EQ(find(es, "Smith")->mentions[0].text, "Mr. Smith");
  ASSERT_TRUE(has(es, "Kornilov", entity_type::person));
  EXPECT_EQ(find(es, "Kornilov")->mentions[0].text, "General Kornilov");
}

TEST(entities, hard_wrapped_names_read_as_one_line) {
  const std::string text =
      "Stallman founded the Free Software\nFoundation in 1985. The Free Software Foundation grew.\n"
      "Later the Free\r\nSoftware\tFoundation moved.\n";
  auto es = run(text);
  expect_mentions_slice(text, es);
  ASSERT_TRUE(has(es, "Free Software Foundation", entity_type::group));
  const entity* fsf = find(es, "Free Software Foundation");
  ASSERT_EQ(fsf->mentions.size(), 3u);
  EXPECT_EQ(fsf->mentions[0].text, "Free Software\nFoundation");  // mentions keep the true surface
  for (const auto& e : es) {
    EXPECT_EQ(e.name.find_first_of("\r\n\t"), std::string::npos) << e.name;
    for (const auto& a : e.aliases) EXPECT_EQ(a.find_first_of("\r\n\t"), std::string::npos) << a;
  }
  EXPECT_TRUE(fsf->aliases.empty());
}

TEST(entities, hard_wrapped_canonical_name_is_one_line) {
  auto es = run("The Free Software\nFoundation was founded in 1985.\n");
  ASSERT_TRUE(has(es, "Free Software Foundation", entity_type::group));
}

TEST(entities, home_passage_required_entities_and_offsets) {
  std::string text = test::read_file(test::data_path("bukharin.txt"));
  auto es = run_model(text);
  expect_mentions_slice(text, es);
  for (const char* p : {"Bukharin", "Stalin", "Zinoviev", "Kamenev", "Lenin", "Jules Humbert-Droz", "Vijay Singh"})
    EXPECT_TRUE(has(es, p, entity_type::person));
  // The fraction is listed by its name (the model leaves the lower-case "fraction" out, as GUM does).
  EXPECT_TRUE(has(es, "Zinoviev-Kamenev", entity_type::group) ||
              has(es, "Zinoviev-Kamenev fraction", entity_type::group));
  for (const char* g : {"Trotskyites", "Communist Party of Germany", "International"})
    EXPECT_TRUE(has(es, g, entity_type::group));
  for (const char* l : {"Russia", "Germany", "Poland", "France", "Neufchâtel"})
    EXPECT_TRUE(has(es, l, entity_type::place));
  EXPECT_EQ(find(es, "Bukharin")->mentions.size(), 4u);  // the heading's "Bukharin1" included, marker stripped
  EXPECT_EQ(find(es, "Jules Humbert-Droz")->mentions.size(), 2u);
  for (const auto& e : es)
    if (e.type == entity_type::person) EXPECT_EQ(e.name.find("Mémoirs"), std::string::npos);
}

TEST(entities, offsets_slice_every_fixture) {
  for (const auto& path : test::text_fixtures()) {
    std::string text = test::read_file(path);
    expect_mentions_slice(text, run(text));
    expect_mentions_slice(text, run_model(text));
  }
}

TEST(entities, json_writer_shape) {
  document doc = document::from_bytes("Joseph Stalin went to Poland.\n", "x.txt");
  auto es = find_entities(doc, segment(doc));
  std::ostringstream out;
  run_meta meta{"histext-entities", {doc.info()}, {}};
  write_entities(out, es, format::json, meta);
  auto j = nlohmann::ordered_json::parse(out.str());
  EXPECT_EQ(j.begin().key(), "meta");
  ASSERT_EQ(j["entities"].size(), 2u);
  auto e = j["entities"][0];
  for (const char* k : {"name", "type", "count", "aliases", "mentions", "evidence"}) EXPECT_TRUE(e.contains(k)) << k;
  auto m = e["mentions"][0];
  for (const char* k : {"begin", "end", "sentence", "block", "block_kind", "paragraph", "text"})
    EXPECT_TRUE(m.contains(k)) << k;
}

TEST(entities, highlight_marks_mentions) {
  document doc = document::from_bytes("Joseph Stalin went to Poland.\n", "x.txt");
  auto es = find_entities(doc, segment(doc));
  std::ostringstream out;
  write_highlight(out, doc, es, false);
  EXPECT_EQ(out.str(), "[Joseph Stalin]{person} went to [Poland]{place}.\n");
}

TEST(entities, deterministic) {
  std::string text = test::read_file(test::data_path("bukharin.txt"));
  auto r1 = test::run_tool("entities", {"--format", "json", test::data_path("bukharin.txt")});
  auto r2 = test::run_tool("entities", {"--format", "json", test::data_path("bukharin.txt")});
  EXPECT_EQ(r1.exit_code, 0);
  EXPECT_EQ(r1.out, r2.out);
}

TEST(entities_tool, formats_and_filters) {
  auto r = test::run_tool("entities", {"--format", "tsv", "--types", "group", test::data_path("bukharin.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ::testing::HasSubstr("Trotskyites\tgroup"));
  EXPECT_THAT(r.out, ::testing::Not(::testing::HasSubstr("\tperson\t")));
  auto c = test::run_tool("entities", {"--cooccurrence", "--format", "json", test::data_path("bukharin.txt")});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  auto j = nlohmann::json::parse(c.out);
  EXPECT_TRUE(j.contains("pairs"));
  EXPECT_TRUE(j.contains("centrality"));
  auto h = test::run_tool("entities", {"--highlight"}, "Joseph Stalin went to Poland.\n");
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_EQ(h.out, "[Joseph Stalin]{person} went to [Poland]{place}.\n");
}

TEST(entities_tool, error_paths) {
  auto bad_type = test::run_tool("entities", {"--types", "planet", test::data_path("bukharin.txt")});
  EXPECT_EQ(bad_type.exit_code, 2);
  EXPECT_THAT(bad_type.err, ::testing::HasSubstr("histext-entities:"));
  auto bad_format = test::run_tool("entities", {"--format", "vertical", test::data_path("bukharin.txt")});
  EXPECT_EQ(bad_format.exit_code, 2);
  auto missing = test::run_tool("entities", {"/no/such/file.txt"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, ::testing::HasSubstr("histext-entities:"));
  std::string binary("ab\0cd", 5);
  auto bin = test::run_tool("entities", {test::temp_file("bin.txt", binary)});
  EXPECT_EQ(bin.exit_code, 1);
  auto empty = test::run_tool("entities", {"--format", "json"}, "");
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(empty.out)["entities"].size(), 0u);
  auto nodata = test::run_tool("entities", {test::data_path("bukharin.txt")});
  EXPECT_EQ(nodata.exit_code, 0);
}

TEST(cooccurrence, centrality_converges_on_a_heavily_weighted_star) {
  // A hub named with a in 3000 sentences, with b in 50 and with c in 20. The Perron vector of a
  // star is x_hub = sqrt(sum w^2), x_leaf = w: the hub is the top, a = 3000 / 3000.483.
  std::vector<std::uint32_t> hub, a, b, c;
  for (std::uint32_t s = 1; s <= 3070; ++s) {
    hub.push_back(s);
    (s <= 3000 ? a : s <= 3050 ? b : c).push_back(s);
  }
  cooccurrence net = cooccur(network({{"hub", hub}, {"a", a}, {"b", b}, {"c", c}}));
  const double lambda = std::sqrt(3000.0 * 3000.0 + 50.0 * 50.0 + 20.0 * 20.0);
  EXPECT_DOUBLE_EQ(net.centrality[0], 1.0);
  EXPECT_NEAR(net.centrality[1], 3000.0 / lambda, 1e-9);
  EXPECT_NEAR(net.centrality[2], 50.0 / lambda, 1e-9);
  EXPECT_NEAR(net.centrality[3], 20.0 / lambda, 1e-9);
}

}  // namespace
}  // namespace histext
