// The "send each key's text once" handshake between a frequency worker and its table.
#include "analyses/frequency/key_handshake.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "histext/error.hpp"

using namespace histext;
using namespace histext::freq;

namespace {

// A table's interning: key text -> id in order of first appearance.
struct fake_table {
  std::vector<std::string> keys;
  std::uint32_t intern(const std::string& key) {
    for (std::uint32_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return i;
    keys.push_back(key);
    return static_cast<std::uint32_t>(keys.size() - 1);
  }
};

// What a worker's chunk gives: the references and the texts sent (in local id order).
struct chunk {
  key_refs refs;
  std::vector<std::string> texts;
};

// Refers to each of `slots` in order, as a worker does on first meeting a key in a chunk.
chunk make_chunk(key_sender& sender, const std::vector<std::string>& slot_texts,
                 const std::vector<std::uint32_t>& slots) {
  chunk c;
  for (std::uint32_t slot : slots) c.texts.push_back(sender.refer(slot, c.refs) ? slot_texts[slot] : std::string());
  return c;
}

std::vector<std::uint32_t> resolve(key_receiver& receiver, fake_table& table, const chunk& c) {
  std::vector<std::uint32_t> ids;
  receiver.resolve(
      c.refs, c.texts, [&](const std::string& key) { return table.intern(key); }, ids);
  return ids;
}

}  // namespace

TEST(key_handshake, text_sent_the_first_time_then_referred_by_number) {
  const std::vector<std::string> texts = {"party", "congress", "terror"};
  key_sender sender;
  for (std::size_t i = 0; i < texts.size(); ++i) sender.add_slot();
  key_receiver receiver;
  fake_table table;

  chunk first = make_chunk(sender, texts, {2, 0});
  EXPECT_EQ(first.refs.sent, (std::vector<std::uint8_t>{1, 1}));
  EXPECT_EQ(first.texts, (std::vector<std::string>{"terror", "party"}));
  EXPECT_EQ(first.refs.numbers, (std::vector<std::uint32_t>{0, 1}));  // numbered in order of first reference
  EXPECT_EQ(resolve(receiver, table, first), (std::vector<std::uint32_t>{0, 1}));

  chunk second = make_chunk(sender, texts, {0, 1, 2});
  EXPECT_EQ(second.refs.sent, (std::vector<std::uint8_t>{0, 1, 0}));  // only "congress" is new
  EXPECT_EQ(second.texts, (std::vector<std::string>{"", "congress", ""}));
  EXPECT_EQ(second.refs.numbers, (std::vector<std::uint32_t>{1, 2, 0}));
  EXPECT_EQ(resolve(receiver, table, second), (std::vector<std::uint32_t>{1, 2, 0}));
  EXPECT_EQ(table.keys, (std::vector<std::string>{"terror", "party", "congress"}));
}

TEST(key_handshake, a_new_run_sends_every_text_again) {
  const std::vector<std::string> texts = {"party", "congress"};
  key_sender sender;
  sender.add_slot();
  sender.add_slot();
  {
    key_receiver receiver;
    fake_table table;
    resolve(receiver, table, make_chunk(sender, texts, {0, 1}));
  }
  sender.new_run();  // a new input: a new table that has seen nothing
  key_receiver receiver;
  fake_table table;
  chunk c = make_chunk(sender, texts, {1, 0});
  EXPECT_EQ(c.refs.sent, (std::vector<std::uint8_t>{1, 1}));
  EXPECT_EQ(c.refs.numbers, (std::vector<std::uint32_t>{0, 1}));  // numbering restarts
  EXPECT_EQ(resolve(receiver, table, c), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(table.keys, (std::vector<std::string>{"congress", "party"}));
}

TEST(key_handshake, senders_numbers_are_kept_apart) {
  const std::vector<std::string> texts_a = {"party"}, texts_b = {"terror"};
  key_sender a, b;
  a.add_slot();
  b.add_slot();
  key_receiver receiver;
  fake_table table;
  EXPECT_EQ(resolve(receiver, table, make_chunk(a, texts_a, {0})), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(resolve(receiver, table, make_chunk(b, texts_b, {0})), (std::vector<std::uint32_t>{1}));
  // Both refer to their key by number 0 now; each resolves to its own key.
  chunk later_a = make_chunk(a, texts_a, {0}), later_b = make_chunk(b, texts_b, {0});
  EXPECT_EQ(later_a.refs.sent[0], 0);
  EXPECT_EQ(later_b.refs.sent[0], 0);
  EXPECT_EQ(resolve(receiver, table, later_b), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(resolve(receiver, table, later_a), (std::vector<std::uint32_t>{0}));
}

TEST(key_handshake, a_number_never_sent_is_an_error) {
  const std::vector<std::string> texts = {"party"};
  key_sender sender;
  sender.add_slot();
  make_chunk(sender, texts, {0});  // its text went to a table that is not this one
  key_receiver receiver;
  fake_table table;
  EXPECT_THROW(resolve(receiver, table, make_chunk(sender, texts, {0})), error);
}
