// histext-kwic's output: all lines at once (write_kwic) or one at a time (kwic_writer).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>

#include "common/utf8.hpp"
#include "histext/concordance.hpp"
#include "writers/json_writer.hpp"

namespace histext {

namespace {

const std::vector<std::string> kwic_columns = {"sentence", "paragraph", "begin", "end",
                                               "left",     "keyword",   "right", "file_position"};

// file_position with 4 decimals ("0.4172"), the same in every locale; JSON gets the same value
// as a number.
std::string position_text(double p) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, p, std::chars_format::fixed, 4);
  return ec == std::errc() ? std::string(buf, end) : std::string("0.0000");
}
double position_number(double p) { return std::round(p * 10000.0) / 10000.0; }

std::vector<cell> kwic_row(const kwic_line& l) {
  return {static_cast<std::int64_t>(l.sentence),
          static_cast<std::int64_t>(l.paragraph),
          static_cast<std::int64_t>(l.begin),
          static_cast<std::int64_t>(l.end),
          l.left,
          l.keyword,
          l.right,
          position_text(l.file_position)};
}

// One tsv/csv row through write_table, which escapes a header row exactly as its other rows
// (a header is any row of strings): rows go out one by one without a copy of the escaping.
void write_delimited_row(std::ostream& out, const kwic_line& l, format f) {
  table t;
  t.columns = {std::to_string(l.sentence),
               std::to_string(l.paragraph),
               std::to_string(l.begin),
               std::to_string(l.end),
               l.left,
               l.keyword,
               l.right,
               position_text(l.file_position)};
  write_table(out, t, f);
}

}  // namespace

void write_kwic(std::ostream& out, const std::vector<kwic_line>& lines, format f, const run_meta& meta, bool color) {
  if (f == format::json) {
    // One line at a time: a DOM of every line (then copied into the document) cost 3 copies of them.
    open_json_document(out, meta);
    out << ",\"count\":" << lines.size() << ",\"lines\":[";
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const kwic_line& l = lines[i];
      if (i) out << ',';
      out << json{{"sentence", l.sentence}, {"paragraph", l.paragraph},
                  {"begin", l.begin},       {"end", l.end},
                  {"left", l.left},         {"keyword", l.keyword},
                  {"right", l.right},       {"file_position", position_number(l.file_position)}}
                 .dump(-1, ' ', false, json::error_handler_t::replace);
    }
    out << ']';
    close_json_document(out, meta);
    return;
  }
  if (f == format::table && lines.empty()) {
    out << "(no occurrences)\n";
    return;
  }
  if (f == format::table) {
    // Left context right-aligned (by code points), keyword, right context.
    auto width = [](std::string_view s) { return code_points(s); };
    std::size_t lw = 0, kw = 0, pw = 0;
    std::vector<std::string> places;
    for (const kwic_line& l : lines) {
      places.push_back(std::to_string(l.sentence) + ":" + std::to_string(l.paragraph) + "@" + std::to_string(l.begin));
      lw = std::max(lw, width(l.left));
      kw = std::max(kw, width(l.keyword));
      pw = std::max(pw, places.back().size());
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const kwic_line& l = lines[i];
      out << std::string(pw - places[i].size(), ' ') << places[i] << "  " << std::string(lw - width(l.left), ' ')
          << l.left << "  " << (color ? "\x1b[1m" : "") << l.keyword << (color ? "\x1b[0m" : "")
          << std::string(kw - width(l.keyword), ' ') << "  " << l.right << '\n';
    }
    return;
  }
  table t;
  t.columns = kwic_columns;
  for (const kwic_line& l : lines) t.rows.push_back(kwic_row(l));
  write_table(out, t, f, color);
}

kwic_writer::kwic_writer(std::ostream& out, format f, run_meta meta, bool color)
    : out_(&out), format_(f), meta_(std::move(meta)), color_(color) {}

void kwic_writer::add(kwic_line&& line) {
  if (format_ != format::tsv && format_ != format::csv) {
    kept_.push_back(std::move(line));
    return;
  }
  if (!header_written_) {
    write_table(*out_, table{kwic_columns, {}}, format_, color_);
    header_written_ = true;
  }
  write_delimited_row(*out_, line, format_);
}

void kwic_writer::finish() {
  if (format_ == format::tsv || format_ == format::csv) {
    if (!header_written_) write_table(*out_, table{kwic_columns, {}}, format_, color_);
    header_written_ = true;
    return;
  }
  write_kwic(*out_, kept_, format_, meta_, color_);
  kept_.clear();
}

}  // namespace histext
