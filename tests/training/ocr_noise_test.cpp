// Tests for the synthetic OCR damage of training copies (training/ocr_noise.hpp).
#include "training/ocr_noise.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "histext/document.hpp"
#include "test_util.hpp"

namespace histext {
namespace {

using training::add_ocr_noise;
using training::ocr_noise_options;

/// A document whose spans are every occurrence of each name (as whole bytes, not overlapping).
annotated_document make_doc(const std::string& text, const std::vector<std::string>& names) {
  annotated_document doc;
  doc.id = "test";
  doc.text = text;
  std::vector<bool> taken(text.size(), false);
  for (const auto& name : names)
    for (std::size_t p = text.find(name); p != std::string::npos; p = text.find(name, p + name.size())) {
      bool free = true;
      for (std::size_t i = p; i < p + name.size(); ++i) free = free && !taken[i];
      if (!free) continue;
      for (std::size_t i = p; i < p + name.size(); ++i) taken[i] = true;
      doc.spans.push_back({p, p + name.size(), entity_type::person});
    }
  std::sort(doc.spans.begin(), doc.spans.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return doc;
}

annotated_document home_passage() {
  return make_doc(test::read_file(test::data_path("bukharin.txt")),
                  {"Bukharin", "Lenin", "Stalin", "Moscow", "Russia", "Bolshevik", "Trotsky", "Soviet"});
}

std::string slice(const annotated_document& doc, const annotated_span& s) {
  return doc.text.substr(s.begin, s.end - s.begin);
}

/// What a name reads as once line ends are undone ("-\n" removed, other line ends made spaces),
/// in lower case and with every s as f: the forms the long s, broken lines and capitals leave alike.
std::string undamaged_key(std::string s) {
  for (std::size_t p; (p = s.find("-\n")) != std::string::npos;) s.erase(p, 2);
  for (char& c : s) {
    if (c == '\n') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == 's') c = 'f';
  }
  return s;
}

/// The bytes of s that are not ASCII (the multi-byte characters, in order).
std::string non_ascii(const std::string& s) {
  std::string out;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) out += c;
  return out;
}

void expect_spans_valid(const annotated_document& doc) {
  for (std::size_t i = 0; i < doc.spans.size(); ++i) {
    const auto& s = doc.spans[i];
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, doc.text.size());
    if (i > 0) EXPECT_LE(doc.spans[i - 1].end, s.begin);
    EXPECT_NO_THROW(validate_utf8(slice(doc, s), "span"));
  }
}

TEST(ocr_noise, zero_rates_are_identity) {
  const annotated_document doc = home_passage();
  const annotated_document out = add_ocr_noise(doc, 7, {0, 0, 0, 0});
  EXPECT_EQ(out.id, doc.id);
  EXPECT_EQ(out.text, doc.text);
  ASSERT_EQ(out.spans.size(), doc.spans.size());
  for (std::size_t i = 0; i < doc.spans.size(); ++i) {
    EXPECT_EQ(out.spans[i].begin, doc.spans[i].begin);
    EXPECT_EQ(out.spans[i].end, doc.spans[i].end);
  }
}

TEST(ocr_noise, same_seed_same_output_other_seed_other_output) {
  const annotated_document doc = home_passage();
  const annotated_document a = add_ocr_noise(doc, 1), b = add_ocr_noise(doc, 1), c = add_ocr_noise(doc, 2);
  EXPECT_EQ(a.text, b.text);
  ASSERT_EQ(a.spans.size(), b.spans.size());
  for (std::size_t i = 0; i < a.spans.size(); ++i) EXPECT_EQ(a.spans[i].begin, b.spans[i].begin);
  EXPECT_NE(a.text, c.text);
  EXPECT_NE(a.text, doc.text);
}

TEST(ocr_noise, long_s_reads_non_final_lower_case_s_as_f) {
  ocr_noise_options only_long_s{1, 0, 0, 0};
  const annotated_document doc =
      make_doc("The House heard the President and his mistress. Sunday is Mrs. Smith's day.\n", {"President"});
  const annotated_document out = add_ocr_noise(doc, 3, only_long_s);
  EXPECT_EQ(out.text, "The Houfe heard the Prefident and his miftrefs. Sunday is Mrs. Smith's day.\n");
  ASSERT_EQ(out.spans.size(), 1u);
  EXPECT_EQ(slice(out, out.spans[0]), "Prefident");
  // At half the rate some eligible s stay.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "mistress ";
  const annotated_document half = add_ocr_noise(make_doc(text, {}), 3, {0.5, 0, 0, 0});
  const auto fs = std::count(half.text.begin(), half.text.end(), 'f');
  EXPECT_GT(fs, 120);
  EXPECT_LT(fs, 280);
}

TEST(ocr_noise, broken_lines_only_move_line_ends) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "The President of Czechoslovakia addressed the Constituent Assembly at Prague. ";
  text += "\n";
  const annotated_document doc = make_doc(text, {"President", "Czechoslovakia", "Constituent Assembly", "Prague"});
  const annotated_document out = add_ocr_noise(doc, 11, {0, 0, 1, 0});
  EXPECT_NE(out.text.find("-\n"), std::string::npos);
  std::string undone = out.text;
  for (std::size_t p; (p = undone.find("-\n")) != std::string::npos;) undone.erase(p, 2);
  for (char& c : undone)
    if (c == '\n') c = ' ';
  undone.back() = '\n';
  EXPECT_EQ(undone, text);
  // Every line is bounded by the page width (at most 80 bytes before the word that overran it).
  std::size_t start = 0;
  for (std::size_t end; (end = out.text.find('\n', start)) != std::string::npos; start = end + 1)
    EXPECT_LE(end - start, 80u + 20u);
  ASSERT_EQ(out.spans.size(), doc.spans.size());
  for (std::size_t i = 0; i < doc.spans.size(); ++i)
    EXPECT_EQ(undamaged_key(slice(out, out.spans[i])), undamaged_key(slice(doc, doc.spans[i])));
}

TEST(ocr_noise, existing_line_ends_are_rebroken) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "the Parliament\nadjourned without\nconsidering the\npetition. ";
  const annotated_document out = add_ocr_noise(make_doc(text, {"Parliament"}), 5, {0, 0, 1, 0});
  EXPECT_NE(out.text.find("-\n"), std::string::npos);
  EXPECT_EQ(out.text.size(),
            text.size() + 2 * static_cast<std::size_t>(std::count(out.text.begin(), out.text.end(), '-')));
}

TEST(ocr_noise, spans_cover_their_damaged_names) {
  const annotated_document doc = home_passage();
  ASSERT_GT(doc.spans.size(), 5u);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    // Without letter confusions a name keeps its letters: only s/f, case and line ends change.
    const annotated_document out = add_ocr_noise(doc, seed, {1, 0, 0.8, 0.3});
    ASSERT_EQ(out.spans.size(), doc.spans.size());
    expect_spans_valid(out);
    for (std::size_t i = 0; i < doc.spans.size(); ++i)
      EXPECT_EQ(undamaged_key(slice(out, out.spans[i])), undamaged_key(slice(doc, doc.spans[i]))) << seed;
    // With letter confusions the span still holds a name of about as many letters.
    const annotated_document noisy = add_ocr_noise(doc, seed, {0.5, 0.2, 0.8, 0.3});
    ASSERT_EQ(noisy.spans.size(), doc.spans.size());
    expect_spans_valid(noisy);
    for (std::size_t i = 0; i < doc.spans.size(); ++i) {
      const std::string before = slice(doc, doc.spans[i]), after = slice(noisy, noisy.spans[i]);
      EXPECT_GE(after.size() * 2, before.size()) << after;
      EXPECT_LE(after.size(), before.size() * 2 + 2) << after;
    }
  }
}

TEST(ocr_noise, multi_byte_characters_are_copied_as_is) {
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += "Señor Núñez left Zürich for Москва and 東京 — “Ægir’s” ship — with Mlle Bérénice Dubois.\n";
  const annotated_document doc = make_doc(text, {"Núñez", "Zürich", "Москва", "東京", "Bérénice Dubois"});
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const annotated_document out = add_ocr_noise(doc, seed, {1, 0.3, 1, 0.3});
    EXPECT_NO_THROW(validate_utf8(out.text, "out"));
    EXPECT_EQ(non_ascii(out.text), non_ascii(text));
    ASSERT_EQ(out.spans.size(), doc.spans.size());
    expect_spans_valid(out);
    for (std::size_t i = 0; i < doc.spans.size(); ++i)
      EXPECT_EQ(non_ascii(slice(out, out.spans[i])), non_ascii(slice(doc, doc.spans[i])));
  }
}

TEST(ocr_noise, capital_lines_upper_case_whole_lines) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "line of plain words\n";
  const annotated_document out = add_ocr_noise(make_doc(text, {}), 9, {0, 0, 0, 0.3});
  ASSERT_EQ(out.text.size(), text.size());
  int capital = 0;
  for (std::size_t start = 0; start < out.text.size(); start += 20) {
    const std::string line = out.text.substr(start, 20);
    if (line == "LINE OF PLAIN WORDS\n")
      ++capital;
    else
      EXPECT_EQ(line, "line of plain words\n");
  }
  EXPECT_GT(capital, 10);
  EXPECT_LT(capital, 60);
}

}  // namespace
}  // namespace histext
