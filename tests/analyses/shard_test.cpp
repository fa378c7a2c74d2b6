// histext-freq --shard / --merge and freq_shard: a merge of shards writes what --combine writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "histext/error.hpp"
#include "histext/frequency.hpp"
#include "test_util.hpp"

using namespace histext;
using histext::test::data_path;
using histext::test::read_file;
using histext::test::run_tool;

namespace {

// Sentences from a small vocabulary (lemma and stem forms, the node "party", numbers),
// paragraphs at blank lines; `seed` varies the text.
std::string made_up_text(unsigned seed, std::size_t sentences) {
  static const char* words[] = {"party",  "Stalin",   "men",    "went",    "programmes", "struggles", "political",
                                "the",    "and",      "of",     "workers", "peasants",   "congress",  "agreed",
                                "agree",  "economic", "plans",  "plan",    "Bukharin's", "going",     "1928",
                                "grain",  "market",   "cities", "city",    "it's",       "fought",    "fight",
                                "leader", "leaders",  "policy", "NEP",     "kulaks",     "a",         "to"};
  std::mt19937 rng(seed);
  std::string out;
  for (std::size_t s = 0; s < sentences; ++s) {
    const std::size_t n = 4 + rng() % 12;
    for (std::size_t i = 0; i < n; ++i) {
      std::string w = words[rng() % std::size(words)];
      if (i == 0 && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
      out += (i ? " " : "") + w;
      if (i + 1 < n && rng() % 7 == 0) out += ",";
    }
    out += rng() % 5 == 0 ? "!" : ".";
    out += rng() % 4 == 0 ? "\n\n" : " ";
  }
  return out + "\n";
}

// Seven inputs in one folder, named so that their paths sort in this order.
std::vector<std::string> seven_inputs(const std::string& dir) {
  std::vector<std::string> texts = {read_file(data_path("bukharin.txt")), "Short text.\n"};
  for (unsigned k = 0; k < 5; ++k) texts.push_back(made_up_text(k + 1, 40 + 30 * k));
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    paths.push_back(dir + "/in" + std::to_string(i) + ".txt");
    std::ofstream(paths.back(), std::ios::binary) << texts[i];
  }
  return paths;
}

std::vector<std::string> cat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string freq_ok(const std::vector<std::string>& args) {
  auto r = run_tool("freq", args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// Shards of `groups` of inputs (indices), made with `options`; returns their paths.
std::vector<std::string> make_shards(const std::string& dir, const std::vector<std::string>& inputs,
                                     const std::vector<std::vector<std::size_t>>& groups,
                                     const std::vector<std::string>& options, const std::string& tag) {
  std::vector<std::string> shards;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::string> args = cat(options, {"--shard", "-o", dir + "/" + tag + std::to_string(g) + ".shard"});
    for (std::size_t i : groups[g]) args.push_back(inputs[i]);
    freq_ok(args);
    shards.push_back(args[options.size() + 2]);
  }
  return shards;
}

const std::vector<std::vector<std::string>>& option_sets() {
  static const std::vector<std::vector<std::string>> sets = {
      {}, {"--lemma"}, {"--ngrams", "2"}, {"--collocations", "party"}, {"--stopwords", "none"}};
  return sets;
}

const std::vector<std::vector<std::string>>& layouts() {
  static const std::vector<std::vector<std::string>> l = {{"--format", "table"},
                                                          {"--format", "tsv"},
                                                          {"--format", "csv"},
                                                          {"--format", "json"},
                                                          {"--format", "json", "--summary"},
                                                          {"--format", "tsv", "--summary"},
                                                          {"--format", "tsv", "--top", "7", "--min-length", "4"}};
  return l;
}

}  // namespace

// The identity: --merge over 1, 2 or 7 shards, in shuffled order, writes --combine's bytes over the
// inputs in name order, for every option set and layout.
TEST(shard, merge_equals_combine_in_every_format) {
  const std::string dir = histext::test::temp_dir();
  const std::vector<std::string> inputs = seven_inputs(dir);
  const std::vector<std::vector<std::vector<std::size_t>>> splits = {
      {{0, 1, 2, 3, 4, 5, 6}}, {{4, 1, 6}, {0, 3, 2, 5}}, {{0}, {1}, {2}, {3}, {4}, {5}, {6}}};
  std::mt19937 rng(7);
  for (const auto& options : option_sets()) {
    for (std::size_t s = 0; s < splits.size(); ++s) {
      std::vector<std::string> shards = make_shards(dir, inputs, splits[s], options, "s" + std::to_string(s) + "_");
      std::shuffle(shards.begin(), shards.end(), rng);
      for (const auto& layout : layouts()) {
        const std::string combined = freq_ok(cat(cat(cat(options, layout), {"--combine"}), inputs));
        const std::string merged = freq_ok(cat(cat(layout, {"--merge"}), shards));
        EXPECT_EQ(merged, combined) << "options " << ::testing::PrintToString(options) << ", " << splits[s].size()
                                    << " shards, " << ::testing::PrintToString(layout);
      }
    }
  }
}

// One input: the shard keeps its MATTR and MTLD, and the merge gives them as --combine does.
TEST(shard, one_input_keeps_mattr_and_mtld) {
  const std::string dir = histext::test::temp_dir();
  const std::string input = dir + "/one.txt";
  std::ofstream(input) << made_up_text(3, 120);
  const std::string shard = dir + "/one.shard";
  freq_ok({"--shard", "-o", shard, input});
  const auto j = nlohmann::json::parse(freq_ok({"--merge", "--format", "json", shard}));
  EXPECT_TRUE(j["summary"]["mtld"].is_number());
  EXPECT_TRUE(j["summary"]["mattr"].is_number());
  EXPECT_EQ(freq_ok({"--merge", "--format", "json", shard}), freq_ok({"--combine", "--format", "json", input}));
}

// A merge of merged shards (--merge --shard) is the same as merging the leaves.
TEST(shard, tree_merge) {
  const std::string dir = histext::test::temp_dir();
  const std::vector<std::string> inputs = seven_inputs(dir);
  for (const auto& options : {std::vector<std::string>{}, std::vector<std::string>{"--collocations", "party"}}) {
    const auto leaves = make_shards(dir, inputs, {{0}, {1}, {2}, {3}, {4}, {5}, {6}}, options, "leaf");
    const std::string left = dir + "/left.shard", right = dir + "/right.shard", root = dir + "/root.shard";
    freq_ok({"--merge", "--shard", "-o", left, leaves[5], leaves[0], leaves[2]});
    freq_ok({"--merge", "--shard", "-o", right, leaves[6], leaves[1], leaves[4], leaves[3]});
    freq_ok({"--merge", "--shard", "-o", root, right, left});
    // A merged shard does not depend on the order of what it merged.
    EXPECT_EQ(read_file(root), freq_ok(cat({"--merge", "--shard"}, leaves)));
    for (const auto& layout : layouts())
      EXPECT_EQ(freq_ok(cat(cat(layout, {"--merge"}), {root})),
                freq_ok(cat(cat(cat(options, layout), {"--combine"}), inputs)))
          << ::testing::PrintToString(layout);
  }
}

// Shards made with options that change counts refuse to merge: exit 1, one line naming the option.
TEST(shard, different_options_refuse_to_merge) {
  const std::string dir = histext::test::temp_dir();
  const std::vector<std::string> inputs = seven_inputs(dir);
  const std::string plain = make_shards(dir, inputs, {{0}}, {}, "plain").front();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--lemma"}, "form"},
      {{"--stem"}, "form"},
      {{"--numbers"}, "numbers"},
      {{"--all"}, "all"},
      {{"--ngrams", "2"}, "ngrams"},
      {{"--collocations", "party"}, "collocations"},
      {{"--window", "3"}, "window"},
      {{"--stopwords", "none"}, "stopword list"},
      {{"--dehyphenate"}, "dehyphenate"}};
  int k = 0;
  for (const auto& [options, named] : cases) {
    const std::string other = make_shards(dir, inputs, {{1}}, options, "other" + std::to_string(k++)).front();
    for (const auto& order : {std::vector<std::string>{plain, other}, std::vector<std::string>{other, plain}}) {
      auto r = run_tool("freq", cat({"--merge"}, order));
      EXPECT_EQ(r.exit_code, 1) << named;
      EXPECT_TRUE(r.out.empty()) << named;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
      EXPECT_NE(r.err.find("histext-freq: shards made with different options: " + named), std::string::npos) << r.err;
    }
  }
  // A list file is known by its words (SHA-256) and by its path, which the JSON meta shows: two
  // copies of one list at two paths refuse too, naming the path's option.
  const std::string list1 = histext::test::temp_file("stop.txt", "party\nthe\n");
  const std::string list2 = histext::test::temp_file("stop.txt", "the\nparty\n");
  const std::string a = make_shards(dir, inputs, {{2}}, {"--stopwords", list1}, "a").front();
  const std::string b = make_shards(dir, inputs, {{3}}, {"--stopwords", list2}, "b").front();
  auto r = run_tool("freq", {"--merge", plain, a});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("stopword list (SHA-256)"), std::string::npos) << r.err;
  r = run_tool("freq", {"--merge", a, b});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("different options: stopwords is '" + list1 + "'"), std::string::npos) << r.err;
  // A counting option repeated on the --merge command line must agree with the shards'.
  r = run_tool("freq", {"--merge", "--lemma", plain});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--lemma true differs from the shards' (false)"), std::string::npos) << r.err;
  EXPECT_EQ(run_tool("freq", {"--merge", "--stopwords", "default", plain}).exit_code, 0);
}

// Truncated, corrupt or foreign files are a clear error (exit 1, the file named), never a crash.
TEST(shard, corrupt_or_truncated_shard_is_an_error) {
  const std::string dir = histext::test::temp_dir();
  const std::vector<std::string> inputs = seven_inputs(dir);
  const std::string good = make_shards(dir, inputs, {{0, 2}}, {"--collocations", "party"}, "good").front();
  const std::string bytes = read_file(good);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir + "/" + name, std::ios::binary) << content;
    return dir + "/" + name;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {write("half.shard", bytes.substr(0, bytes.size() / 2)), "truncated"},
      {write("short.shard", bytes.substr(0, bytes.size() - 1)), "truncated"},
      {write("empty.shard", ""), "not a histext-freq shard"},
      {write("text.shard", read_file(inputs[0])), "not a histext-freq shard"},
      {write("flipped.shard",
             [&] {
               std::string b = bytes;
               b[b.size() / 2] ^= 0x20;
               return b;
             }()),
       "corrupt"},
      {write("version.shard",
             [&] {
               std::string b = bytes;
               b[19] = 9;  // the u32 after the magic
               return b;
             }()),
       "shard format version 9"},
      {write("longer.shard", bytes + "x"), "after its end"}};
  for (const auto& [path, message] : cases) {
    auto r = run_tool("freq", {"--merge", good, path});
    EXPECT_EQ(r.exit_code, 1) << path;
    EXPECT_TRUE(r.out.empty()) << path;
    EXPECT_NE(r.err.find("histext-freq: " + path + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  }
}

// The library reader on every prefix and on every single-byte change of a shard: an error or
// (only for the unchanged bytes) a shard, never a crash or a silent success.
TEST(shard, reader_rejects_every_prefix_and_byte_change) {
  freq_options o;
  o.collocate = "party";
  o.form = word_form::stem;
  frequency_counter counter(o);
  std::istringstream a(made_up_text(1, 8)), b("Short text about the party.\n");
  counter.add_stream(a, "a");
  counter.add_stream(b, "b");
  std::ostringstream out;
  write_shard(out, counter, {{"stem", "true"}});
  const std::string bytes = out.str();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    std::istringstream in(bytes.substr(0, n));
    EXPECT_THROW(freq_shard::read(in, "prefix"), error) << n;
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string changed = bytes;
    changed[i] = static_cast<char>(changed[i] ^ 0x41);
    std::istringstream in(changed);
    EXPECT_THROW(freq_shard::read(in, "changed"), error) << i;
  }
  std::istringstream in(bytes);
  const freq_shard shard = freq_shard::read(in, "whole");
  EXPECT_EQ(shard.inputs().size(), 2u);
  EXPECT_EQ(shard.meta_options().size(), 1u);
}

// The library API: write_shard, merge_shards and result() give the combined counter's result.
TEST(shard, library_merge_equals_combined_counter) {
  freq_options o;
  o.form = word_form::lemma;
  o.combine = true;
  const std::string texts[] = {made_up_text(11, 60), made_up_text(12, 30), made_up_text(13, 90)};
  const std::string names[] = {"x1", "x2", "x3"};
  frequency_counter together(o);
  std::vector<std::string> shards;
  for (std::size_t i = 0; i < 3; ++i) {
    std::istringstream in(texts[i]), again(texts[i]);
    together.add_stream(in, names[i]);
    frequency_counter alone(o);
    alone.add_stream(again, names[i]);
    std::ostringstream out;
    write_shard(out, alone);
    shards.push_back(out.str());
  }
  std::istringstream s2(shards[2]), s0(shards[0]), s1(shards[1]);
  const freq_shard merged = merge_shards({&s2, &s0, &s1}, {"s2", "s0", "s1"});
  const freq_result want = together.result(), got = merged.result(o);
  ASSERT_EQ(got.inputs, want.inputs);
  EXPECT_EQ(got.summary.tokens, want.summary.tokens);
  EXPECT_EQ(got.summary.types, want.summary.types);
  EXPECT_TRUE(std::isnan(got.summary.mtld));
  EXPECT_EQ(got.summary.null_reason, want.summary.null_reason);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(got.per_input_summary[i].mtld, want.per_input_summary[i].mtld);
  ASSERT_EQ(got.words.size(), want.words.size());
  for (std::size_t i = 0; i < got.words.size(); ++i) {
    EXPECT_EQ(got.words[i].word, want.words[i].word);
    EXPECT_EQ(got.words[i].surface, want.words[i].surface);
    EXPECT_EQ(got.words[i].count, want.words[i].count);
    EXPECT_EQ(got.words[i].paragraphs, want.words[i].paragraphs);
  }
}

// The shard's flags: the row filters and layout belong to --merge.
TEST(shard, shard_refuses_row_filters_and_formats) {
  const std::string input = data_path("bukharin.txt");
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {"--top", "3"}, {"--min-count", "2"}, {"--min-length", "3"}, {"--summary"}, {"--format", "json"}}) {
    auto r = run_tool("freq", cat(cat({"--shard"}, extra), {input}));
    EXPECT_EQ(r.exit_code, 2) << extra[0] << r.err;
  }
}

TEST(shard, reading_stops_at_a_wrong_magic_and_the_same_input_twice_is_refused) {
  // Not a shard: refused after its first bytes, whatever follows (an endless device would do).
  std::istringstream zeros(std::string(1 << 20, '\0'));
  EXPECT_THROW(histext::freq_shard::read(zeros, "zeros"), histext::error);
  // One input in two shards would be counted twice.
  histext::freq_options o;
  histext::frequency_counter counter(o);
  std::istringstream text("Stalin met Bukharin. Stalin left.\n");
  counter.add_stream(text, "a.txt");
  std::ostringstream bytes;
  histext::write_shard(bytes, counter, {});
  std::vector<histext::freq_shard> two;
  for (int i = 0; i < 2; ++i) {
    std::istringstream in(bytes.str());
    two.push_back(histext::freq_shard::read(in, "a.shard"));
  }
  try {
    histext::freq_shard::merge(std::move(two));
    FAIL() << "merged one input twice";
  } catch (const histext::error& e) {
    EXPECT_NE(std::string(e.what()).find("a.txt"), std::string::npos) << e.what();
  }
}
