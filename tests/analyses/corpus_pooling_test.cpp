// Corpus pooling (docs/corpus.md): sentence summaries and entities of several files taken together.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "histext/entities.hpp"
#include "histext/sentence_stats.hpp"

namespace {

using histext::document;

class environment : public ::testing::Environment {
 public:
  void SetUp() override { setenv("HISTEXT_DATA_DIR", HISTEXT_STAGE_DATA_DIR, 1); }
};
const auto* const env = ::testing::AddGlobalTestEnvironment(new environment);

histext::sentence_report analyze(const std::string& text) {
  histext::segmenter seg;
  return histext::analyze_sentences(document::from_bytes(text, "t"), seg);
}

void expect_same_real(double a, double b) {
  if (std::isnan(a))
    EXPECT_TRUE(std::isnan(b));
  else
    EXPECT_DOUBLE_EQ(a, b);
}

// Two plain texts pooled give the summary of the one text that is both, blank line between.
TEST(corpus_pooling, sentences_pool_as_one_document) {
  const std::string a =
      "The first text is short. It has two sentences, one of them \"quoted\" here.\n\nAnother paragraph.\n";
  const std::string b = "A second text with a much longer sentence that goes on and on for many words indeed.\n";
  std::vector<histext::sentence_tally> tallies = {histext::tally_sentences("a.txt", analyze(a)),
                                                  histext::tally_sentences("b.txt", analyze(b))};
  histext::sentence_summary pooled = histext::pool_sentences(tallies);
  histext::sentence_summary whole = analyze(a + "\n" + b).summary;
  EXPECT_EQ(pooled.paragraphs, whole.paragraphs);
  EXPECT_EQ(pooled.sentences, whole.sentences);
  EXPECT_EQ(pooled.words, whole.words);
  EXPECT_EQ(pooled.letters, whole.letters);
  EXPECT_EQ(pooled.syllables, whole.syllables);
  EXPECT_EQ(pooled.quoted_words, whole.quoted_words);
  expect_same_real(pooled.quoted_share, whole.quoted_share);
  for (auto [p, w] : {std::pair{&pooled.words_per_sentence, &whole.words_per_sentence},
                      std::pair{&pooled.words_per_paragraph, &whole.words_per_paragraph}}) {
    EXPECT_EQ(p->count, w->count);
    expect_same_real(p->mean, w->mean);
    expect_same_real(p->median, w->median);
    expect_same_real(p->sd, w->sd);
    expect_same_real(p->q1, w->q1);
    expect_same_real(p->q3, w->q3);
  }
  EXPECT_EQ(pooled.words_per_sentence.histogram.size(), whole.words_per_sentence.histogram.size());
  expect_same_real(pooled.readability.flesch_reading_ease, whole.readability.flesch_reading_ease);
  expect_same_real(pooled.readability.smog, whole.readability.smog);
  EXPECT_EQ(pooled.longest.file, "b.txt");
  EXPECT_EQ(pooled.longest.index, 1u);
  EXPECT_EQ(pooled.longest.words, whole.longest.words);
  EXPECT_EQ(pooled.shortest.file, "a.txt");
  EXPECT_EQ(pooled.shortest.text, whole.shortest.text);
}

TEST(corpus_pooling, sentences_pool_of_nothing_is_undefined) {
  histext::sentence_summary s = histext::pool_sentences({});
  EXPECT_EQ(s.sentences, 0u);
  EXPECT_TRUE(std::isnan(s.words_per_sentence.mean));
  EXPECT_EQ(s.longest.index, 0u);
}

histext::entity make(const std::string& name, histext::entity_type type, std::size_t mentions) {
  histext::entity e;
  e.name = name;
  e.type = type;
  e.mentions.resize(mentions);
  return e;
}

TEST(corpus_pooling, entities_pooled_by_name_and_type) {
  using histext::entity_type;
  std::vector<histext::corpus_entity> pool;
  pool = histext::pool_entities(std::move(pool), "a.txt",
                                {make("Stalin", entity_type::person, 8), make("Moscow", entity_type::place, 2)});
  pool = histext::pool_entities(std::move(pool), "b.txt",
                                {make("Lenin", entity_type::person, 1), make("Stalin", entity_type::person, 3),
                                 make("Moscow", entity_type::group, 1)});
  ASSERT_EQ(pool.size(), 4u);
  EXPECT_EQ(pool[0].name, "Stalin");
  EXPECT_EQ(pool[0].count, 11u);
  ASSERT_EQ(pool[0].files.size(), 2u);
  EXPECT_EQ(pool[0].files[0], (std::pair<std::string, std::size_t>{"a.txt", 8}));
  EXPECT_EQ(pool[0].files[1], (std::pair<std::string, std::size_t>{"b.txt", 3}));
  EXPECT_EQ(pool[1].name, "Moscow");  // the place: a group of that name is another entity
  EXPECT_EQ(pool[1].files.size(), 1u);
  EXPECT_EQ(pool[2].name, "Lenin");
  EXPECT_EQ(pool[3].name, "Moscow");
  EXPECT_EQ(pool[3].type, entity_type::group);
}

}  // namespace
