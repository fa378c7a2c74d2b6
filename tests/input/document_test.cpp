// document: loading, strict UTF-8, BOMs, binary files, stdin, positions, SHA-256.
#include "histext/document.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "histext/error.hpp"
#include "test_util.hpp"

using histext::document;
using histext::test::data_path;
using histext::test::read_file;
using ::testing::HasSubstr;

namespace {

std::string error_of(const std::string& bytes, const std::string& name = "notes.txt") {
  try {
    document::from_bytes(bytes, name);
  } catch (const histext::error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(document, home_passage_matches_shared_copy) {
  std::string shared = histext::test::shared_path("passage/bukharin.txt");
  if (shared.empty()) GTEST_SKIP() << "../shared is not beside this checkout";
  EXPECT_EQ(read_file(data_path("bukharin.txt")), read_file(shared));
}

TEST(document, loads_file_unchanged_with_info) {
  document d = document::from_file(data_path("bukharin.txt"));
  EXPECT_EQ(d.text(), read_file(data_path("bukharin.txt")));
  EXPECT_EQ(d.info().size, d.text().size());
  EXPECT_EQ(d.info().sha256.size(), 64u);
  EXPECT_EQ(d.info().encoding, "UTF-8");
  EXPECT_EQ(d.body_begin(), 0u);
}

TEST(document, sha256_known_vector) {
  EXPECT_EQ(histext::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(histext::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(document, checksum_is_skipped_only_when_asked) {
  // Output without meta skips the SHA-256; everything else about the document is the same.
  const document with = document::from_bytes("Stalin spoke.", "a.txt", histext::load_options{});
  const document without = document::from_bytes("Stalin spoke.", "a.txt", histext::load_options{"", false});
  EXPECT_EQ(with.info().sha256, histext::sha256_hex("Stalin spoke."));
  EXPECT_EQ(without.info().sha256, "");
  EXPECT_EQ(without.text(), with.text());
  EXPECT_EQ(without.info().size, with.info().size);
}

TEST(document, invalid_utf8_names_line_column_and_byte) {
  std::string msg = error_of("first line\nab\xC3(cd\n");
  EXPECT_THAT(msg, HasSubstr("notes.txt"));
  EXPECT_THAT(msg, HasSubstr("invalid UTF-8"));
  EXPECT_THAT(msg, HasSubstr("line 2"));
  EXPECT_THAT(msg, HasSubstr("column 3"));
  EXPECT_THAT(msg, HasSubstr("byte 13"));
}

TEST(document, rejects_overlong_and_surrogate_encodings) {
  EXPECT_THAT(error_of("a\xC0\xAF"), HasSubstr("invalid UTF-8"));
  EXPECT_THAT(error_of("a\xED\xA0\x80"), HasSubstr("invalid UTF-8"));
  EXPECT_THAT(error_of("truncated \xE2\x80"), HasSubstr("invalid UTF-8"));
}

TEST(document, column_counts_code_points) {
  std::string msg = error_of("\xC3\xA9\xC3\xA9x\xFF");
  EXPECT_THAT(msg, HasSubstr("line 1, column 4 (byte 5)"));
}

TEST(document, nul_byte_is_binary) {
  std::string bytes("text\0more", 9);
  EXPECT_THAT(error_of(bytes, "scan.bin"), HasSubstr("scan.bin: binary file"));
}

TEST(document, utf8_bom_is_skipped_but_offsets_stay_original) {
  document d = document::from_bytes("\xEF\xBB\xBFHello world.");
  EXPECT_EQ(d.body_begin(), 3u);
  EXPECT_EQ(d.text().size(), 15u);
}

TEST(document, utf16_with_bom_is_decoded_before_the_nul_test) {
  std::string le("\xFF\xFEH\0i\0", 6);
  document d = document::from_bytes(le);
  EXPECT_EQ(d.text(), "Hi");
  EXPECT_EQ(d.info().encoding, "UTF-16LE");
  std::string be("\xFE\xFF\0H\0i", 6);
  EXPECT_EQ(document::from_bytes(be).text(), "Hi");
}

TEST(document, named_encoding_is_converted) {
  histext::load_options o;
  o.encoding = "windows-1252";
  document d = document::from_bytes("caf\xE9 \x93quoted\x94", "old.txt", o);
  EXPECT_EQ(d.text(), "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  o.encoding = "no-such-charset";
  EXPECT_THROW(document::from_bytes("x", "old.txt", o), histext::error);
}

// ICU's charset detector (its i18n library) is opened when --encoding auto first needs it, not at
// start-up. Checked in a fresh process ("threadsafe" death tests re-run this binary).
TEST(document, charset_detector_loads_on_first_use) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        if (histext::test::library_loaded("libicui18n")) std::_Exit(2);
        histext::load_options o;
        o.encoding = "auto";
        document d = document::from_bytes(
            "caf\xE9 na\xEFve r\xE9sum\xE9 \xE0 la fran\xE7"
            "aise.\n",
            "old.txt", o);
        if (d.info().encoding != "ISO-8859-1") std::_Exit(3);
        std::_Exit(histext::test::library_loaded("libicui18n") ? 0 : 4);
      },
      testing::ExitedWithCode(0), "");
}

TEST(document, empty_input_is_valid) {
  document d = document::from_bytes("");
  EXPECT_TRUE(d.text().empty());
}

TEST(document, reads_a_stream) {
  std::istringstream in("From a stream.");
  document d = document::from_stream(in, "-");
  EXPECT_EQ(d.text(), "From a stream.");
  EXPECT_EQ(d.name(), "-");
}

TEST(document, missing_file_and_directory_are_errors) {
  try {
    document::from_file("/nonexistent/histext.txt");
    FAIL();
  } catch (const histext::error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/histext.txt"));
  }
  try {
    document::from_file(histext::test::temp_dir());
    FAIL();
  } catch (const histext::error& e) {
    EXPECT_THAT(e.what(), HasSubstr("is a directory"));
  }
}

TEST(document, position_handles_crlf_and_cr) {
  document d = document::from_bytes("ab\r\ncd\ref\ngh");
  EXPECT_EQ(d.position(4).line, 2u);
  EXPECT_EQ(d.position(7).line, 3u);
  EXPECT_EQ(d.position(10).line, 4u);
  EXPECT_EQ(d.position(11).column, 2u);
}
