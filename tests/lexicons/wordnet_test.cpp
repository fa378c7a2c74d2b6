// The one WordNet reader: loaded once per folder, one rule table, clear errors.
#include "lexicons/wordnet.hpp"

#include <gtest/gtest.h>

#include "histext/error.hpp"
#include "histext/lemma.hpp"
#include "lexicons/wordlist.hpp"

using namespace histext;

TEST(wordnet, one_copy_per_folder) {
  auto a = wordnet::load("/usr/share/wordnet");
  auto b = wordnet::load("/usr/share/wordnet");
  EXPECT_EQ(a.get(), b.get());
  EXPECT_TRUE(a->listed("revolution"));
  EXPECT_TRUE(a->irregular("went"));
  EXPECT_FALSE(a->listed("revolu"));
}

TEST(wordnet, missing_folder_names_the_file) {
  try {
    wordnet::load("/nonexistent/wordnet");
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/wordnet/index.verb"), std::string::npos) << e.what();
  }
}

TEST(wordnet, lemmatizer_and_known_word_test_share_the_rules) {
  // Every form the lemmatizer reduces by a detachment rule is also a known word.
  lemmatizer l;
  for (const char* w : {"programmes", "churches", "wolves", "stopped", "happier", "going", "women"}) {
    EXPECT_TRUE(is_known_word(w)) << w;
    (void)l.lemma(w);
  }
  EXPECT_EQ(l.lemma("churches"), "church");
  EXPECT_EQ(l.lemma("women"), "woman");
  EXPECT_EQ(wordnet::to_wordnet_form("new york"), "new_york");
  EXPECT_EQ(wordnet::from_wordnet_form("new_york"), "new york");
}
