// Tests for read_annotations: the standoff layout of ../shared/train (texts/*.txt + mentions.tsv).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "histext/error.hpp"
#include "histext/train.hpp"
#include "test_util.hpp"

namespace histext {
namespace {

namespace fs = std::filesystem;

const char* header = "doc_id\tbegin\tend\tlabel\ttext\tnested\n";

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  ASSERT_TRUE(out.good()) << path;
}

/// A folder with three texts (one without mentions) and the given mentions.tsv.
std::string fixture(const std::string& mentions) {
  fs::path dir = test::temp_dir();
  write(dir / "texts" / "b.txt", "Mr Pontifex went to Holborn\nHill with Zoë.\n");
  write(dir / "texts" / "a.txt", "The Boers left Pretoria.\n");
  write(dir / "texts" / "c.txt", "Nothing named here.\n");
  write(dir / "texts" / "notes.md", "not a text\n");
  write(dir / "mentions.tsv", mentions);
  return dir.string();
}

/// The message of the histext::error that reading `dir` throws ("" if none).
std::string error_of(const std::string& dir) {
  try {
    read_annotations(dir);
  } catch (const error& e) {
    return e.what();
  }
  return "";
}

TEST(annotations, reads_documents_and_flat_spans) {
  const std::string dir = fixture(std::string(header) +
                                  "b\t20\t32\tLOC\tHolborn\\nHill\t0\n"
                                  "b\t3\t11\tPER\tPontifex\t0\n"
                                  "b\t28\t32\tLOC\tHill\t1\n"
                                  "b\t38\t42\tPER\tZoë\t0\n"
                                  "a\t4\t9\tGRP\tBoers\t0\n"
                                  "a\t15\t23\tLOC\tPretoria\t0\n");
  const auto docs = read_annotations(dir);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[1].id, "b");
  EXPECT_EQ(docs[2].id, "c");
  EXPECT_EQ(docs[0].text, "The Boers left Pretoria.\n");
  EXPECT_TRUE(docs[2].spans.empty());
  ASSERT_EQ(docs[0].spans.size(), 2u);
  EXPECT_EQ(docs[0].spans[0].type, entity_type::group);
  EXPECT_EQ(docs[0].spans[1].type, entity_type::place);
  // The nested row is skipped; the rest come sorted by begin.
  ASSERT_EQ(docs[1].spans.size(), 3u);
  EXPECT_EQ(docs[1].spans[0].begin, 3u);
  EXPECT_EQ(docs[1].spans[0].type, entity_type::person);
  EXPECT_EQ(docs[1].text.substr(docs[1].spans[1].begin, docs[1].spans[1].end - docs[1].spans[1].begin),
            "Holborn\nHill");
  EXPECT_EQ(docs[1].spans[2].end, 42u);
}

TEST(annotations, unescapes_the_text_column) {
  fs::path dir = test::temp_dir();
  write(dir / "texts" / "x.txt", "A\\B\tC\r\nD\n");
  write(dir / "mentions.tsv", std::string(header) + "x\t0\t8\tPER\tA\\\\B\\tC\\r\\nD\t0\n");
  const auto docs = read_annotations(dir.string());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].spans.size(), 1u);
  EXPECT_EQ(docs[0].spans[0].end, 8u);
}

TEST(annotations, errors_name_file_and_line) {
  const std::string rows = std::string(header) + "a\t4\t9\tGRP\tBoers\t0\n";
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t23\tLOC\tPretoria\n")),
              ::testing::HasSubstr("mentions.tsv:3: expected 6 TAB-separated columns"));
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t99\tLOC\tPretoria\t0\n")),
              ::testing::HasSubstr("mentions.tsv:3: span [15, 99) is empty or outside"));
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t15\tLOC\t\t0\n")), ::testing::HasSubstr("mentions.tsv:3: span"));
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t23\tLOC\tPraetoria\t0\n")),
              ::testing::HasSubstr("mentions.tsv:3: the text column differs"));
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t23\tORG\tPretoria\t0\n")),
              ::testing::HasSubstr("mentions.tsv:3: label must be PER, GRP or LOC"));
  EXPECT_THAT(error_of(fixture(rows + "a\tx\t23\tLOC\tPretoria\t0\n")),
              ::testing::HasSubstr("mentions.tsv:3: begin and end"));
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t23\tLOC\tPretoria\t2\n")),
              ::testing::HasSubstr("mentions.tsv:3: nested must be 0 or 1"));
  EXPECT_THAT(error_of(fixture(rows + "z\t15\t23\tLOC\tPretoria\t0\n")),
              ::testing::HasSubstr("mentions.tsv:3: no text for document 'z'"));
  EXPECT_THAT(error_of(fixture(rows + "a\t15\t23\tLOC\tPretoria\\x\t0\n")),
              ::testing::HasSubstr("mentions.tsv:3: bad escape"));
  EXPECT_THAT(error_of(fixture("doc\tbegin\tend\tlabel\ttext\tnested\n")),
              ::testing::HasSubstr("mentions.tsv:1: expected the header"));
  EXPECT_THAT(error_of(test::temp_dir()), ::testing::HasSubstr("texts: not a directory"));
}

TEST(annotations, reads_shared_gum) {
  const std::string gum = test::shared_path("train/gum");
  if (gum.empty()) GTEST_SKIP() << "../shared/train/gum is absent";
  const auto docs = read_annotations(gum);
  // ../shared/train/README.md: 89 documents, 3,164 rows of which 300 nested.
  ASSERT_EQ(docs.size(), 89u);
  std::size_t spans = 0, by_type[3] = {};
  for (std::size_t d = 0; d < docs.size(); ++d) {
    if (d > 0) EXPECT_LT(docs[d - 1].id, docs[d].id);
    for (std::size_t s = 0; s < docs[d].spans.size(); ++s) {
      const auto& span = docs[d].spans[s];
      if (s > 0) EXPECT_LE(docs[d].spans[s - 1].end, span.begin) << docs[d].id;
      ++by_type[static_cast<int>(span.type)];
    }
    spans += docs[d].spans.size();
  }
  EXPECT_EQ(spans, 3164u - 300u);
  EXPECT_GT(by_type[0], 0u);
  EXPECT_GT(by_type[1], 0u);
  EXPECT_GT(by_type[2], 0u);
}

}  // namespace
}  // namespace histext
