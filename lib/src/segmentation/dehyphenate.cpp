#include "segmentation/dehyphenate.hpp"

#include <cctype>
#include <vector>

#include "histext/names.hpp"
#include "lexicons/wordlist.hpp"

namespace histext {

namespace {

bool is_line_hyphen(std::string_view s) { return s == "-" || s == "\xE2\x80\x90"; }  // "-" or U+2010

// Only spaces or tabs, then exactly one line end (LF, CRLF or CR), then spaces or tabs.
bool is_line_break_gap(std::string_view gap) {
  std::size_t i = 0;
  while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i;
  if (i < gap.size() && gap[i] == '\r') ++i;
  if (i < gap.size() && gap[i] == '\n' && (i == 0 || gap[i - 1] != '\n')) ++i;
  bool broke = i > 0 && (gap[i - 1] == '\n' || gap[i - 1] == '\r');
  while (i < gap.size() && (gap[i] == ' ' || gap[i] == '\t')) ++i;
  return broke && i == gap.size();
}

// Spaces or tabs only: the line end an OCR engine or a copy from a PDF column turned into a space
// ("Presi- dent Cleveland", "Philadel- phia").
bool is_space_gap(std::string_view gap) {
  return !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view last_part(std::string_view norm) {
  auto dash = norm.rfind('-');
  return dash == std::string_view::npos ? norm : norm.substr(dash + 1);
}

std::string_view first_part(std::string_view norm) { return norm.substr(0, norm.find('-')); }

}  // namespace

bool joins_without_hyphen(std::string_view before, std::string_view after, bool name, bool inside_name) {
  if (is_known_word(std::string(before) + std::string(after))) return true;
  return name && !before.empty() && after.size() >= 2 && (inside_name || !is_known_word(after));
}

bool joins_broken_name(std::string_view before, std::string_view after) {
  if (before.size() < 2 || after.size() < 2) return false;
  for (char ch : after)
    if (!std::isalpha(static_cast<unsigned char>(ch))) return false;
  const name_lexicon& lex = name_lexicon::instance();
  if (lex.in(name_list::function_word, before) || lex.in(name_list::function_word, after)) return false;
  const char joined = lex.find(std::string(before) + std::string(after)).proper();
  if (joined != 'p' && joined != 'P' && joined != 'l' && joined != 'g') return false;
  return !(lex.find(before).proper() && is_known_word(after));
}

namespace {

// A capitalised word at a line end before a lower-case word that joins it into a name
// (joins_broken_name): "George Washing\nton". Cheapest tests first: this runs at every line end.
bool broken_name_at(std::string_view text, const std::vector<token>& tokens, std::size_t k) {
  const token& a = tokens[k];
  const token& c = tokens[k + 1];
  if (a.kind != token_kind::word || c.kind != token_kind::word || a.sentence != c.sentence || a.possessive() ||
      a.hyphenated || a.norm.empty() || c.norm.empty())
    return false;
  const std::string_view at = a.text(text), ct = c.text(text);
  if (at.empty() || ct.empty() || at[0] == a.norm[0] || ct[0] != c.norm[0] ||
      !std::isalpha(static_cast<unsigned char>(c.norm[0])))
    return false;
  if (!is_line_break_gap(text.substr(a.end, c.begin - a.end))) return false;
  return joins_broken_name(a.norm, c.base());
}

}  // namespace

void dehyphenate(std::string_view text, segmentation& out, std::size_t first_token, std::size_t first_sentence,
                 bool split_hyphens) {
  std::vector<token>& tokens = out.tokens;
  if (tokens.size() < first_token + 2) return;
  // Most blocks have no hyphen at a line end: leave their tokens where they are (rebuilding the
  // vector cost a tenth of histext-entities' time on a book without one).
  bool any = false;
  for (std::size_t k = first_token; k + 1 < tokens.size() && !any; ++k) {
    const std::string_view gap = text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end);
    any = (k > first_token && is_line_hyphen(tokens[k].text(text)) && tokens[k - 1].end == tokens[k].begin &&
           (is_line_break_gap(gap) || is_space_gap(gap))) ||
          broken_name_at(text, tokens, k);
  }
  if (!any) return;
  std::vector<token> merged;
  merged.reserve(tokens.size() - first_token);
  // produced[k]: how many tokens (from first_token on) came out before old token first_token + k.
  std::vector<std::uint32_t> produced(tokens.size() - first_token + 1, 0);
  std::size_t i = first_token;
  while (i < tokens.size()) {
    produced[i - first_token] = static_cast<std::uint32_t>(merged.size());
    // A name broken at a line end without its hyphen: "Washing\nton".
    if (i + 1 < tokens.size() && broken_name_at(text, tokens, i)) {
      token t = tokens[i + 1];  // sentence, block, possessive of the second part
      t.begin = tokens[i].begin;
      t.norm = tokens[i].norm + tokens[i + 1].norm;
      merged.push_back(std::move(t));
      produced[i + 1 - first_token] = static_cast<std::uint32_t>(merged.size());
      i += 2;
      continue;
    }
    if (i + 2 < tokens.size()) {
      const token& a = tokens[i];
      const token& h = tokens[i + 1];
      const token& c = tokens[i + 2];
      const std::string_view gap = text.substr(h.end, c.begin - h.end);
      const bool line_end = is_line_break_gap(gap);
      // A hyphen before a space joins only a lower-case continuation into a known word: "pre- and
      // post-war" and "nineteenth- and twentieth-century" hold suspended hyphens.
      const bool spaced = !line_end && is_space_gap(gap) && !c.norm.empty() &&
                          c.text(text).substr(0, 1) == c.norm.substr(0, 1) &&
                          std::isalpha(static_cast<unsigned char>(c.norm[0]));
      bool candidate = a.kind == token_kind::word && c.kind == token_kind::word && !a.possessive() &&
                       a.end == h.begin && is_line_hyphen(h.text(text)) && a.sentence == c.sentence &&
                       (line_end || spaced);
      if (candidate) {
        // A capitalised part before a lower-case continuation at a line end may be a broken name.
        const std::string_view at = a.text(text), before = last_part(a.norm);
        const std::size_t dash = at.rfind('-');
        const std::string_view a_part = dash == std::string_view::npos ? at : at.substr(dash + 1);
        const std::string_view ct = c.text(text);
        const bool name = line_end && !a_part.empty() && !before.empty() && a_part[0] != before[0] && !ct.empty() &&
                          !c.norm.empty() && ct[0] == c.norm[0] && std::isalpha(static_cast<unsigned char>(c.norm[0]));
        // Inside a name: the word before is capitalised, and not its sentence's first ("Miss
        // Jeannette Hart-\nwell"; "The Vice-\npresident" keeps its hyphen).
        bool inside_name = false;
        if (name && dash == std::string_view::npos && merged.size() >= 2) {
          const token& w = merged.back();
          const std::string_view wt = w.text(text);
          inside_name = w.kind == token_kind::word && w.sentence == a.sentence &&
                        merged[merged.size() - 2].sentence == a.sentence && !wt.empty() && !w.norm.empty() &&
                        wt[0] != w.norm[0];
        }
        bool known = joins_without_hyphen(before, first_part(c.base()), name, inside_name);
        if (known || (line_end && !split_hyphens)) {
          token t = c;  // sentence, block, possessive of the second part
          t.begin = a.begin;
          t.norm = a.norm + (known ? "" : "-") + c.norm;
          t.hyphenated = !known || a.hyphenated || c.hyphenated;
          merged.push_back(std::move(t));
          produced[i + 1 - first_token] = produced[i + 2 - first_token] = static_cast<std::uint32_t>(merged.size());
          i += 3;
          continue;
        }
      }
    }
    merged.push_back(std::move(tokens[i]));
    ++i;
  }
  produced[tokens.size() - first_token] = static_cast<std::uint32_t>(merged.size());
  const auto base = static_cast<std::uint32_t>(first_token);
  for (std::size_t s = first_sentence; s < out.sentences.size(); ++s) {
    sentence& sent = out.sentences[s];
    sent.first_token = base + produced[sent.first_token - base];
    sent.last_token = base + produced[sent.last_token - base];
  }
  tokens.resize(first_token);
  for (token& t : merged) tokens.push_back(std::move(t));
}

}  // namespace histext
