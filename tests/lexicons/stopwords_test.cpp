// Stopword lists: merging, copies, failed reads.
#include "histext/stopwords.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "histext/error.hpp"

using namespace histext;

TEST(stopwords, a_copy_keeps_its_words_when_the_original_grows) {
  std::istringstream first("the\nand\n");
  stopword_list list = stopword_list::from_stream(first, "first");
  stopword_list copy = list;
  std::istringstream more("Mr.\n");
  list.add_from_stream(more, "more");
  EXPECT_TRUE(list.contains("mr."));
  EXPECT_FALSE(copy.contains("mr."));
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_EQ(list.size(), 3u);
}

TEST(stopwords, a_failed_read_leaves_the_list_unchanged) {
  std::istringstream first("the\n");
  stopword_list list = stopword_list::from_stream(first, "first");
  EXPECT_THROW(list.add_file("/nonexistent/list.txt"), error);
  EXPECT_EQ(list.size(), 1u);
  EXPECT_TRUE(stopword_list().empty());
  EXPECT_FALSE(stopword_list().contains("the"));
}
