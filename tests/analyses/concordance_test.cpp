// histext-kwic and find_keyword.
#include "histext/concordance.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "histext/error.hpp"
#include "test_util.hpp"

using namespace histext;
using histext::test::data_path;
using histext::test::run_result;
using histext::test::run_tool;

namespace {
std::vector<kwic_line> kwic(const std::string& text, const std::string& word, kwic_options o = {}) {
  document doc = document::from_bytes(text);
  segmentation seg = segment(doc);
  return find_keyword(doc, seg, word, o);
}
}  // namespace

TEST(concordance, home_passage_stalin) {
  document doc = document::from_file(data_path("bukharin.txt"));
  segmentation seg = segment(doc);
  auto lines = find_keyword(doc, seg, "Stalin", {});
  ASSERT_EQ(lines.size(), 8u);
  for (const kwic_line& l : lines) {
    EXPECT_EQ(doc.text().substr(l.begin, l.end - l.begin), l.keyword);
    EXPECT_GE(l.paragraph, 1u);
    EXPECT_GE(l.sentence, 1u);
  }
  EXPECT_EQ(lines[0].left, "struggle against the power of");
  EXPECT_EQ(lines[0].right, ". I did not hide from");
}

TEST(concordance, context_words_and_block_limit) {
  kwic_options o;
  o.context = 2;
  auto lines = kwic("Title here\n\nOne two three war four five six.\n\nSeven war.", "war", o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].left, "two three");
  EXPECT_EQ(lines[0].right, "four five");
  EXPECT_EQ(lines[1].left, "Seven");
  EXPECT_EQ(lines[1].right, ".");
  EXPECT_EQ(lines[1].paragraph, 2u);
}

TEST(concordance, possessive_and_case_match) {
  auto lines = kwic("Lenin’s testament. LENIN spoke. Leninism grew.", "lenin");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].keyword, "Lenin’s");
}

TEST(concordance, lemma_match) {
  kwic_options o;
  o.lemma = true;
  auto lines = kwic("He went home. They go. She goes away. Going on.", "go", o);
  EXPECT_EQ(lines.size(), 3u);  // WordNet lists "going" as a noun: it stays itself
}

TEST(concordance, body_only_unless_all) {
  std::string text = "Stalin\n\nStalin spoke.\n\n– Stalin";
  EXPECT_EQ(kwic(text, "stalin").size(), 1u);
  kwic_options o;
  o.all = true;
  EXPECT_EQ(kwic(text, "stalin", o).size(), 3u);
}

TEST(concordance, tool_formats) {
  auto t = run_tool("kwic", {"stalin", data_path("bukharin.txt")});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(std::count(t.out.begin(), t.out.end(), '\n'), 8);
  auto c = run_tool("kwic", {"--format", "csv", "-c", "3", "party", data_path("bukharin.txt")});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.rfind("sentence,paragraph,begin,end,left,keyword,right,file_position\r\n", 0), 0u) << c.out;
  auto j = run_tool("kwic", {"--format", "json", "stalin", data_path("bukharin.txt")});
  auto doc = nlohmann::ordered_json::parse(j.out);
  EXPECT_EQ(doc["count"], 8);
  EXPECT_EQ(doc.begin().key(), "meta");
  auto none = run_tool("kwic", {"zzz"}, "");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "(no occurrences)\n");
  EXPECT_EQ(run_tool("kwic", {}).exit_code, 2);
}

// ---------------------------------------------------------------------------------------------
// The possessive rule (segment.hpp's without_possessive) and the search word

TEST(possessive, one_rule_for_possessives_and_contractions) {
  EXPECT_EQ(without_possessive("lenin's"), "lenin");
  EXPECT_EQ(without_possessive("farmers'"), "farmers");
  EXPECT_EQ(without_possessive("it's"), "it's");
  EXPECT_EQ(without_possessive("that's"), "that's");
  EXPECT_EQ(without_possessive("'s"), "'s");
  EXPECT_EQ(without_possessive("lenin"), "lenin");
  EXPECT_EQ(without_s_ending("it's"), "it");
  EXPECT_EQ(without_s_ending("lenin's"), "lenin");
}

TEST(possessive, modifier_letter_apostrophe_base_ends_before_it) {
  // U+02BC is two bytes: the surface base must stop before its first byte.
  document doc = document::from_bytes("Lenin\xCA\xBCs death");
  segmentation seg = segment(doc);
  const token& t = seg.tokens[0];
  EXPECT_EQ(t.base(), "lenin");
  EXPECT_EQ(doc.text().substr(t.begin, t.base_end - t.begin), "Lenin");
}

TEST(concordance, contraction_query_finds_the_contraction_not_the_pronoun) {
  const std::string text = "It's late. it's here. It was it. It\xE2\x80\x99s done.";
  for (const char* query : {"it's", "It\xE2\x80\x99s", "IT'S"}) {
    auto lines = kwic(text, query);
    ASSERT_EQ(lines.size(), 3u) << query;
    EXPECT_EQ(lines[0].keyword, "It's");
    EXPECT_EQ(lines[1].keyword, "it's");
    EXPECT_EQ(lines[2].keyword, "It\xE2\x80\x99s");
  }
  EXPECT_EQ(kwic(text, "it").size(), 2u);  // "It was it": the pronoun alone
}

TEST(concordance, possessive_query_finds_the_name_and_its_possessive) {
  const std::string text = "Stalin spoke. Stalin's men. Stalin\xE2\x80\x99s word. Stalinist views.";
  for (const char* query : {"Stalin's", "stalin\xE2\x80\x99s", "Stalin"}) {
    auto lines = kwic(text, query);
    ASSERT_EQ(lines.size(), 3u) << query;
    EXPECT_EQ(lines[0].keyword, "Stalin");
    EXPECT_EQ(lines[1].keyword, "Stalin's");
    EXPECT_EQ(lines[2].keyword, "Stalin\xE2\x80\x99s");
  }
}

TEST(concordance, plural_possessive_query_finds_the_plural) {
  const std::string text = "The farmers' land. The farmers\xE2\x80\x99 sons. The farmers left. The farmer's son.";
  for (const char* query : {"farmers'", "farmers\xE2\x80\x99", "farmers"}) {
    auto lines = kwic(text, query);
    ASSERT_EQ(lines.size(), 3u) << query;
    for (const kwic_line& l : lines) EXPECT_EQ(l.keyword, "farmers");
  }
  auto singular = kwic(text, "farmer's");
  ASSERT_EQ(singular.size(), 1u);
  EXPECT_EQ(singular[0].keyword, "farmer's");
}

TEST(concordance, search_word_must_hold_a_word) {
  EXPECT_THROW(kwic("In 1917.", "1917"), error);
  EXPECT_THROW(kwic("In 1917 they.", "in 1917"), error);
  EXPECT_THROW(kwic("Text.", ""), error);
  EXPECT_THROW(kwic("Text.", "!!"), error);
  EXPECT_EQ(kwic("Lenin. Lenin!", "lenin!").size(), 2u);  // punctuation around the word is ignored
  auto t = run_tool("kwic", {"1917"}, "In 1917.\n");
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_EQ(t.err.rfind("histext-kwic: ", 0), 0u) << t.err;
}

// ---------------------------------------------------------------------------------------------
// Query forms: phrases, wildcards, regular expressions, accents

TEST(concordance, phrase_query_finds_the_words_in_sequence) {
  const std::string text =
      "The Communist Party met. A communist party, then.\nOur communist\nparty grew. The communist, party "
      "men. Communist parties.\n\nCommunist Party again.";
  kwic_options o;
  o.context = 2;
  auto lines = kwic(text, "communist party", o);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].keyword, "Communist Party");
  EXPECT_EQ(lines[0].left, "The");
  EXPECT_EQ(lines[0].right, "met. A");
  EXPECT_EQ(text.substr(lines[0].begin, lines[0].end - lines[0].begin), "Communist Party");
  EXPECT_EQ(lines[1].keyword, "communist party");
  EXPECT_EQ(lines[1].right, ", then. Our");
  EXPECT_EQ(lines[2].keyword, "communist party");  // across a line end, shown with a space
  EXPECT_EQ(text.substr(lines[2].begin, lines[2].end - lines[2].begin), "communist\nparty");
  EXPECT_EQ(lines[3].keyword, "Communist Party");  // "communist, party": the comma breaks it
  EXPECT_EQ(lines[3].paragraph, 2u);
  EXPECT_EQ(kwic("He is a communist. Party men came.", "communist party").size(), 0u);  // not across sentences
  EXPECT_EQ(kwic("The the the.", "the the").size(), 2u);                                // every start position
  auto t = run_tool("kwic", {"--format", "tsv", "-c", "1", "communist party"}, "The Communist Party met.\n");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(t.out,
            "sentence\tparagraph\tbegin\tend\tleft\tkeyword\tright\tfile_position\n"
            "1\t1\t4\t19\tThe\tCommunist Party\tmet.\t0.1600\n");
}

TEST(concordance, phrase_query_with_lemmas) {
  kwic_options o;
  o.lemma = true;
  auto lines = kwic("He went home. They go home. She goes away. Going home.", "go home", o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].keyword, "went home");
  EXPECT_EQ(lines[1].keyword, "go home");
}

TEST(concordance, wildcards_match_the_normalised_word) {
  const std::string text = "Stalin, Stalin's men and Stalinism. Leninism and stall. Marxism? Stolin.";
  auto stal = kwic(text, "stal*");
  ASSERT_EQ(stal.size(), 4u);
  EXPECT_EQ(stal[1].keyword, "Stalin's");
  EXPECT_EQ(stal[2].keyword, "Stalinism");
  EXPECT_EQ(stal[3].keyword, "stall");
  auto ism = kwic(text, "*ism");
  ASSERT_EQ(ism.size(), 3u);
  EXPECT_EQ(ism[1].keyword, "Leninism");
  auto one = kwic(text, "st?lin");
  ASSERT_EQ(one.size(), 3u);  // Stalin, Stalin's, Stolin: ? is one character
  EXPECT_EQ(one[2].keyword, "Stolin");
  EXPECT_EQ(kwic(text, "st?l").size(), 0u);  // the whole word must match
  auto phrase = kwic(text, "* and *ism");
  ASSERT_EQ(phrase.size(), 1u);
  EXPECT_EQ(phrase[0].keyword, "men and Stalinism");
}

TEST(concordance, regex_matches_whole_normalised_words) {
  kwic_options o;
  o.regex = true;
  const std::string text = "Stalin and Stalinist views. Stalinism. Stal.";
  auto lines = kwic(text, "stal(in|inist)", o);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].keyword, "Stalinist");
  EXPECT_EQ(kwic(text, "STALIN", o).size(), 1u);  // any case
  EXPECT_EQ(kwic(text, "stal", o).size(), 1u);    // whole word: "Stal" only
  EXPECT_THROW(kwic(text, "stal(in", o), error);
  auto t = run_tool("kwic", {"--format", "tsv", "-c", "0", "--regex", "stal.*ist"}, text + "\n");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("\tStalinist\t"), std::string::npos) << t.out;
  auto bad = run_tool("kwic", {"--regex", "stal(in", data_path("bukharin.txt")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err.rfind("histext-kwic: invalid regular expression \"stal(in\": U_REGEX_MISMATCHED_PAREN", 0), 0u)
      << bad.err;
  // With --regex the first positional is a file.
  auto file = run_tool("kwic", {"--regex", "stalin", data_path("bukharin.txt")});
  EXPECT_EQ(file.exit_code, 0) << file.err;
  EXPECT_EQ(std::count(file.out.begin(), file.out.end(), '\n'), 8);
}

TEST(concordance, accents_are_ignored_unless_asked_for) {
  const std::string text = "Napol\xC3\xA9on came. Napoleon went. NAPOL\xC3\x89ON stayed.";
  EXPECT_EQ(kwic(text, "napoleon").size(), 3u);
  EXPECT_EQ(kwic(text, "Napol\xC3\xA9on").size(), 3u);
  EXPECT_EQ(kwic(text, "nap*on").size(), 3u);
  kwic_options exact;
  exact.exact_accents = true;
  auto lines = kwic(text, "Napol\xC3\xA9on", exact);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].keyword, "NAPOL\xC3\x89ON");
  EXPECT_EQ(kwic(text, "napoleon", exact).size(), 1u);
  EXPECT_EQ(
      run_tool("kwic", {"--format", "tsv", "napoleon"}, text).out.size(),
      run_tool("kwic", {"--format", "tsv", "--accents", "napoleon"}, text).out.size() +
          std::string("1\t1\t0\t9\t\tNapol\xC3\xA9on\tcame. Napoleon went. NAPOL\xC3\x89ON stayed.\t0.0000\n").size() +
          std::string("3\t1\t38\t46\tNapol\xC3\xA9on came. Napoleon went.\tNAPOL\xC3\x89ON\tstayed.\t0.6032\n").size());
}

// ---------------------------------------------------------------------------------------------
// Order and position

TEST(concordance, sort_by_words_left_and_right_then_text_order) {
  const std::string text = "the red flag. a blue flag waved. the red flag fell. one flag. the blue flag waved.";
  kwic_options o;
  auto order = [&](const std::string& in, const std::string& keys) {
    o.sort = parse_kwic_sort(keys);
    std::vector<std::size_t> begins;
    for (const kwic_line& l : kwic(in, "flag", o)) begins.push_back(l.begin);
    return begins;
  };
  // L1: blue (21), blue (71), one (56), red (8), red (41): ties in text order.
  EXPECT_EQ(order(text, "L1"), (std::vector<std::size_t>{21, 71, 56, 8, 41}));
  // R1 across the full stop, inside the block: a (8), fell (41), the (56), waved (21), waved (71).
  EXPECT_EQ(order(text, "R1"), (std::vector<std::size_t>{8, 41, 56, 21, 71}));
  // A second key orders the ties of the first.
  const std::string two = "the red flag waved. a blue flag waved.";
  EXPECT_EQ(order(two, "R1"), (std::vector<std::size_t>{8, 27}));
  EXPECT_EQ(order(two, "R1,L1"), (std::vector<std::size_t>{27, 8}));
  EXPECT_EQ(order(two, "R2"), (std::vector<std::size_t>{27, 8}));  // "" (end of the block) before "a"
  o.sort = parse_kwic_sort("r1,l3");
  EXPECT_EQ(o.sort.size(), 2u);
  EXPECT_FALSE(o.sort[0].left);
  EXPECT_EQ(o.sort[1].position, 3u);
  for (const char* bad : {"", "X1", "L0", "L101", "R1,", "R", "1R", "R1 R2"})
    EXPECT_THROW(parse_kwic_sort(bad), error) << bad;
  // A missing word (the start of the block) sorts first; the same order block by block.
  o.sort = parse_kwic_sort("L1");
  document doc = document::from_bytes("flag one.\n\nthe flag.\n\nflag two.");
  std::vector<kwic_line> streamed;
  segmenter seg;
  find_keyword(doc, seg, "flag", o, [&](kwic_line&& l) { streamed.push_back(std::move(l)); });
  ASSERT_EQ(streamed.size(), 3u);
  EXPECT_EQ(streamed[0].right, "one.");
  EXPECT_EQ(streamed[1].right, "two.");
  EXPECT_EQ(streamed[2].left, "the");
  auto t = run_tool("kwic", {"--sort", "R1,Q2", "flag"}, "flag.\n");
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_EQ(t.err.rfind("histext-kwic: --sort: sort key \"Q2\"", 0), 0u) << t.err;
  auto sorted = run_tool("kwic", {"--format", "tsv", "-c", "1", "--sort", "L1", "flag"}, text + "\n");
  ASSERT_EQ(sorted.exit_code, 0) << sorted.err;
  EXPECT_NE(sorted.out.find("\tblue\tflag\twaved.\t0.8554\n4\t1\t56\t60\t. one\t"), std::string::npos) << sorted.out;
}

TEST(concordance, file_position_is_the_begin_byte_over_the_text_size) {
  const std::string text = "war and peace and war";  // 21 bytes
  auto lines = kwic(text, "war");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].file_position, 0.0);
  EXPECT_DOUBLE_EQ(lines[1].file_position, 18.0 / 21.0);
  auto t = run_tool("kwic", {"--format", "csv", "-c", "0", "war"}, text);
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(t.out,
            "sentence,paragraph,begin,end,left,keyword,right,file_position\r\n1,1,0,3,,war,,0.0000\r\n"
            "1,1,18,21,,war,,0.8571\r\n");
  auto j = nlohmann::json::parse(run_tool("kwic", {"--format", "json", "war"}, text).out);
  EXPECT_EQ(j["lines"][1]["file_position"], 0.8571);
  EXPECT_EQ(j["lines"][0]["keyword"], "war");  // the other keys stay
  auto table = run_tool("kwic", {"war"}, text);
  EXPECT_EQ(table.out.find("0.8571"), std::string::npos) << "the table has no file_position";
}

TEST(concordance, tool_contraction_query) {
  auto t = run_tool("kwic", {"--format", "tsv", "it's"}, "It's late and it was it.\n");
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(t.out,
            "sentence\tparagraph\tbegin\tend\tleft\tkeyword\tright\tfile_position\n1\t1\t0\t4\t\tIt's\tlate and it was "
            "it.\t0.0000\n");
}

// ---------------------------------------------------------------------------------------------
// The command line

namespace {

// Runs histext-kwic with a pseudo-terminal as its stdin (stdout and stderr to pipes); a run that
// has not ended after `seconds` is killed and reported as exit code -1.
run_result run_on_terminal(const std::vector<std::string>& args, int seconds = 10) {
  run_result r;
  const std::string path = histext::test::tool_path("kwic");
  int master = ::posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) throw std::runtime_error("no pseudo-terminal");
  const std::string slave_name = ::ptsname(master);
  int out[2], err[2];
  if (::pipe(out) || ::pipe(err)) throw std::runtime_error("pipe");
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setsid();
    int slave = ::open(slave_name.c_str(), O_RDWR);
    ::dup2(slave, 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {slave, master, out[0], out[1], err[0], err[1]}) ::close(fd);
    std::vector<char*> argv{const_cast<char*>(path.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(path.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  int status = 0;
  bool ended = false;
  for (int tick = 0; tick < seconds * 20 && !ended; ++tick) {
    ended = ::waitpid(pid, &status, WNOHANG) == pid;
    if (!ended) ::usleep(50000);
  }
  if (!ended) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  auto drain = [](int fd) {
    std::string s;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return s;
  };
  r.out = drain(out[0]);
  r.err = drain(err[0]);
  ::close(master);
  r.exit_code = ended && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace

TEST(concordance, forgotten_word_on_a_terminal_shows_usage) {
  // "histext-kwic FILE": FILE is taken as the word, and with stdin a terminal the tool would
  // wait for text silently.
  auto r = run_on_terminal({data_path("bukharin.txt")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("histext-kwic: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Usage:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  // With a file named, a terminal on stdin does not matter.
  auto ok = run_on_terminal({"stalin", data_path("bukharin.txt")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("Stalin"), std::string::npos);
}

TEST(concordance, context_outside_its_range_is_a_usage_error) {
  for (const char* bad : {"-1", "101", "1000000000000"}) {
    auto r = run_tool("kwic", {"-c", bad, "stalin", data_path("bukharin.txt")});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.out, "") << bad;
    EXPECT_NE(r.err.find("--context: must be an integer from 0 to 100"), std::string::npos) << r.err;
  }
  for (const char* good : {"0", "100"})
    EXPECT_EQ(run_tool("kwic", {"-c", good, "stalin", data_path("bukharin.txt")}).exit_code, 0) << good;
  kwic_options o;
  o.context = max_kwic_context + 1;
  EXPECT_THROW(kwic("Stalin spoke.", "stalin", o), error);
}

// ---------------------------------------------------------------------------------------------
// Block by block

TEST(concordance, block_by_block_matches_the_whole_segmentation) {
  document doc = document::from_file(data_path("bukharin.txt"));
  for (const char* word : {"the", "stalin", "party"}) {
    kwic_options o;
    o.all = true;
    o.context = 3;
    std::vector<kwic_line> streamed;
    segmenter seg;
    find_keyword(doc, seg, word, o, [&](kwic_line&& l) { streamed.push_back(std::move(l)); });
    auto whole = find_keyword(doc, segment(doc), word, o);
    ASSERT_EQ(streamed.size(), whole.size()) << word;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      EXPECT_EQ(streamed[i].begin, whole[i].begin);
      EXPECT_EQ(streamed[i].sentence, whole[i].sentence);
      EXPECT_EQ(streamed[i].left, whole[i].left);
      EXPECT_EQ(streamed[i].right, whole[i].right);
    }
  }
}

TEST(concordance, line_writer_writes_what_write_kwic_writes) {
  document doc = document::from_file(data_path("bukharin.txt"));
  run_meta meta{"histext-kwic", {doc.info()}, {{"word", "x"}}};
  for (const char* word : {"stalin", "zzz"}) {
    auto lines = find_keyword(doc, segment(doc), word, {});
    lines.push_back({"a,\"b\"", "k\tw", "c\r\nd", 1, 2, 3, 4, 5});  // quoting and escaping too
    for (format f : {format::table, format::tsv, format::csv, format::json}) {
      std::ostringstream all, one_by_one;
      write_kwic(all, lines, f, meta);
      kwic_writer w(one_by_one, f, meta);
      for (kwic_line l : lines) w.add(std::move(l));
      w.finish();
      EXPECT_EQ(one_by_one.str(), all.str()) << to_string(f);
    }
    std::ostringstream none_all, none_one;
    write_kwic(none_all, {}, format::tsv, meta);
    kwic_writer(none_one, format::tsv, meta).finish();
    EXPECT_EQ(none_one.str(), none_all.str());
  }
}

TEST(concordance, memory_stays_flat_on_a_large_input) {
#if HISTEXT_SANITIZE_BUILD
  GTEST_SKIP() << "sanitisers change the memory figures";
#endif
  // About 16 MB in paragraphs: the whole segmentation would take over 300 MB.
  std::string paragraph = histext::test::read_file(data_path("bukharin.txt"));
  kwic_options all;
  all.all = true;
  const std::size_t per_copy = kwic(paragraph, "stalin", all).size();
  std::string text;
  std::size_t copies = 0;
  for (; text.size() < (std::size_t{16} << 20); ++copies) text += paragraph + "\n\n";
  const std::string path = histext::test::temp_file("large.txt", text);
  text = std::string();
  auto r = run_tool("kwic", {"--format", "tsv", "--all", "stalin", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(static_cast<std::size_t>(std::count(r.out.begin(), r.out.end(), '\n')), 1 + per_copy * copies);
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_LT(usage.ru_maxrss, 150 * 1024) << "peak RSS in KB of histext-kwic";
}
