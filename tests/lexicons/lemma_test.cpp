// WordNet lemmas and Snowball stems.
#include "histext/lemma.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "histext/error.hpp"
#include "test_util.hpp"

using namespace histext;

TEST(lemma, wordnet_morphy) {
  lemmatizer l;
  EXPECT_EQ(l.lemma("programmes"), "programme");
  EXPECT_EQ(l.lemma("went"), "go");
  EXPECT_EQ(l.lemma("was"), "be");
  EXPECT_EQ(l.lemma("has"), "have");
  EXPECT_EQ(l.lemma("does"), "do");
  EXPECT_EQ(l.lemma("goes"), "go");
  EXPECT_EQ(l.lemma("children"), "child");
  EXPECT_EQ(l.lemma("men"), "man");
  EXPECT_EQ(l.lemma("struggles"), "struggle");
  EXPECT_EQ(l.lemma("crimes"), "crime");
  EXPECT_EQ(l.lemma("politics"), "politics");  // listed as it is
  EXPECT_EQ(l.lemma("stalin"), "stalin");
  EXPECT_EQ(l.lemma("zinoviev-kamenev"), "zinoviev-kamenev");
  EXPECT_EQ(l.lemma(""), "");
  EXPECT_EQ(l.lemma(std::string(100000, 'a')), std::string(100000, 'a'));
}

TEST(lemma, missing_wordnet_throws) { EXPECT_THROW(lemmatizer("/nonexistent/wordnet"), error); }

TEST(lemma, snowball_english) {
  stemmer s;
  EXPECT_EQ(s.stem("programmes"), "programm");
  EXPECT_EQ(s.stem("political"), "polit");
  EXPECT_EQ(s.stem("struggling"), "struggl");
  EXPECT_EQ(s.stem("stalin"), "stalin");
  EXPECT_EQ(s.stem(""), "");
}

// libstemmer is opened by the first stemmer, not at start-up (only --stem needs it). Checked in a
// fresh process: the "threadsafe" death-test style re-runs this test binary for the child.
TEST(lemma, libstemmer_loads_on_first_use) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        if (test::library_loaded("libstemmer")) std::_Exit(2);
        stemmer s;
        if (s.stem("programmes") != "programm") std::_Exit(3);
        std::_Exit(test::library_loaded("libstemmer") ? 0 : 4);
      },
      testing::ExitedWithCode(0), "");
}
