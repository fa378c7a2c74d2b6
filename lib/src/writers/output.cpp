#include "histext/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <span>
#include <sstream>

#include "common/utf8.hpp"
#include "histext/error.hpp"
#include "histext/lemma.hpp"
#include "histext/version.hpp"
#include "writers/json_writer.hpp"

namespace histext {

format parse_format(const std::string& name) {
  if (name == "table") return format::table;
  if (name == "tsv") return format::tsv;
  if (name == "csv") return format::csv;
  if (name == "json") return format::json;
  if (name == "vertical") return format::vertical;
  if (name == "vrt") return format::vrt;
  throw error("unknown format '" + name + "' (table, tsv, csv, json, vertical or vrt)");
}

const char* to_string(format f) {
  switch (f) {
    case format::table: return "table";
    case format::tsv: return "tsv";
    case format::csv: return "csv";
    case format::json: return "json";
    case format::vertical: return "vertical";
    case format::vrt: return "vrt";
  }
  return "table";
}

std::string format_real(double value, int precision) {
  if (!std::isfinite(value)) return "";
  // std::to_chars in fixed notation is printf's "%.*f" in the C locale, without its overhead.
  // The largest double has 309 integer digits; a sign, a point and the fraction come on top.
  char small[400];
  std::string large;
  char* buf = small;
  std::size_t room = sizeof small;
  const std::size_t needed = 320 + static_cast<std::size_t>(std::max(precision, 0));
  if (needed > room) {
    large.resize(needed);
    buf = large.data();
    room = needed;
  }
  auto [end, ec] = std::to_chars(buf, buf + room, value, std::chars_format::fixed, precision);
  if (ec != std::errc()) return "";  // not reached: the buffer holds any double
  std::string_view text(buf, static_cast<std::size_t>(end - buf));
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string_view::npos)
    text.remove_prefix(1);  // no "-0.000"
  return std::string(text);
}

// Code points: good enough for aligned columns of mostly Latin text.
std::size_t display_width(std::string_view s) { return code_points(s); }

namespace {

std::string cell_text(const cell& c, int precision) {
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  if (std::holds_alternative<std::int64_t>(c)) return std::to_string(std::get<std::int64_t>(c));
  if (std::holds_alternative<double>(c)) return format_real(std::get<double>(c), precision);
  return "";
}

// A table cell: at most max_table_cell code points, the last one "…" when cut.
std::string bounded_cell(std::string s) {
  if (s.size() <= max_table_cell) return s;  // bytes >= code points
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!starts_code_point(static_cast<unsigned char>(s[i]))) continue;
    if (++points == max_table_cell) {  // s[i] starts the last code point that would fit
      std::size_t rest = i + 1;
      while (rest < s.size() && !starts_code_point(static_cast<unsigned char>(s[rest]))) ++rest;
      if (rest == s.size()) return s;  // exactly max_table_cell code points
      s.resize(i);
      return s + "\u2026";
    }
  }
  return s;
}

std::string tsv_escape(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string csv_escape(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

void write_table_rows(std::ostream& out, const std::vector<std::string>& columns, std::size_t count,
                      const std::function<std::vector<cell>(std::size_t)>& row, format f, bool color, int precision) {
  const std::size_t n = columns.size();
  if (f == format::tsv || f == format::csv) {
    const char* eol = f == format::csv ? "\r\n" : "\n";
    auto record = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out << (f == format::csv ? ',' : '\t');
        out << (f == format::csv ? csv_escape(cells[i]) : tsv_escape(cells[i]));
      }
      out << eol;
    };
    record(columns);
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < count; ++r) {
      cells.clear();
      for (const cell& c : row(r)) cells.push_back(cell_text(c, precision));
      record(cells);
    }
    return;
  }
  // A first pass for the widths and which columns are numeric (numbers right-aligned, text
  // left-aligned), then the lines.
  std::vector<std::size_t> width(n, 0);
  std::vector<bool> numeric(n, true);
  for (std::size_t i = 0; i < n; ++i) width[i] = display_width(columns[i]);
  for (std::size_t r = 0; r < count; ++r) {
    const std::vector<cell> cells = row(r);
    for (std::size_t i = 0; i < cells.size() && i < n; ++i) {
      width[i] = std::max(width[i], display_width(bounded_cell(tsv_escape(cell_text(cells[i], precision)))));
      if (std::holds_alternative<std::string>(cells[i])) numeric[i] = false;
    }
  }
  auto pad = [&](const std::string& s, std::size_t i, bool last) {
    std::size_t fill = width[i] - std::min(width[i], display_width(s));
    if (numeric[i]) return std::string(fill, ' ') + s;
    return last ? s : s + std::string(fill, ' ');
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out << "  ";
    if (color) out << "\x1b[1m";
    out << pad(columns[i], i, i + 1 == n);
    if (color) out << "\x1b[0m";
  }
  out << '\n';
  for (std::size_t r = 0; r < count; ++r) {
    const std::vector<cell> cells = row(r);
    const std::size_t m = std::min(cells.size(), n);
    std::string text;
    for (std::size_t i = 0; i < m; ++i) {
      if (i) text += "  ";
      text += pad(bounded_cell(tsv_escape(cell_text(cells[i], precision))), i, i + 1 == m);
    }
    text.erase(text.find_last_not_of(' ') + 1);
    out << text << '\n';
  }
}

std::string delimited_cell(const std::string& text, format f) {
  return f == format::csv ? csv_escape(text) : tsv_escape(text);
}

void write_table(std::ostream& out, const table& t, format f, bool color) {
  // Numbers right-aligned, text left-aligned: the same layout as rows made one at a time.
  write_table_rows(
      out, t.columns, t.rows.size(), [&](std::size_t r) { return t.rows[r]; }, f, color, t.precision);
}

json meta_json(const run_meta& meta) {
  json m;
  m["tool"] = meta.tool;
  m["version"] = version();
  json inputs = json::array();
  for (const input_info& in : meta.inputs)
    inputs.push_back({{"name", in.name}, {"size", in.size}, {"sha256", in.sha256}, {"encoding", in.encoding}});
  m["inputs"] = inputs;
  json options = json::object();
  for (const auto& [k, v] : meta.options) options[k] = v;
  m["options"] = options;
  return m;
}

json real_or_null(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

void write_json(std::ostream& out, const run_meta& meta, const json& body) {
  json doc;
  if (meta.file)
    doc["file"] = *meta.file;
  else
    doc["meta"] = meta_json(meta);
  for (const auto& [k, v] : body.items()) doc[k] = v;
  out << doc.dump(-1, ' ', false, json::error_handler_t::replace);
  if (!meta.file) out << '\n';
}

void open_json_document(std::ostream& out, const run_meta& meta) {
  out << (meta.file ? "{\"file\":" : "{\"meta\":")
      << (meta.file ? json(*meta.file) : meta_json(meta)).dump(-1, ' ', false, json::error_handler_t::replace);
}

void close_json_document(std::ostream& out, const run_meta& meta) { out << (meta.file ? "}" : "}\n"); }

void open_corpus_json(std::ostream& out, const run_meta& meta) {
  out << "{\"meta\":" << meta_json(meta).dump(-1, ' ', false, json::error_handler_t::replace) << ",\"files\":[";
}

void close_corpus_json(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& members) {
  out << ']';
  for (const auto& [name, value] : members) out << ',' << json(name).dump() << ':' << value;
  out << "}\n";
}

std::string json_string(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------------------------

namespace {

// One TSV or CSV record.
void write_record(std::ostream& out, const std::vector<std::string>& cells, format f) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << (f == format::csv ? ',' : '\t');
    out << (f == format::csv ? csv_escape(cells[i]) : tsv_escape(cells[i]));
  }
  out << (f == format::csv ? "\r\n" : "\n");
}

const std::vector<std::string> token_columns = {"block", "block_kind", "paragraph", "sentence", "kind",
                                                "begin", "end",        "text",      "norm"};

void write_token_record(std::ostream& out, const token& k, std::string_view text, format f) {
  write_record(
      out,
      {std::to_string(k.block), to_string(k.block_kind), std::to_string(k.paragraph), std::to_string(k.sentence),
       to_string(k.kind), std::to_string(k.begin), std::to_string(k.end), std::string(k.text(text)), k.norm},
      f);
}

json block_json(const block& b) {
  return {{"index", b.index},
          {"block_kind", to_string(b.kind)},
          {"paragraph", b.paragraph},
          {"begin", b.begin},
          {"end", b.end}};
}

json sentence_json(const sentence& s) {
  return {{"index", s.index},         {"block", s.block}, {"block_kind", to_string(s.block_kind)},
          {"paragraph", s.paragraph}, {"begin", s.begin}, {"end", s.end}};
}

json token_json(const token& t, std::string_view text) {
  return {{"block", t.block},
          {"block_kind", to_string(t.block_kind)},
          {"paragraph", t.paragraph},
          {"sentence", t.sentence},
          {"kind", to_string(t.kind)},
          {"begin", t.begin},
          {"end", t.end},
          {"text", t.text(text)},
          {"norm", t.norm},
          {"base", t.base()}};
}

void dump_json(std::ostream& out, const json& j) { out << j.dump(-1, ' ', false, json::error_handler_t::replace); }

// XML character data or attribute value: & < > " ' escaped; tabs and line ends (which would
// break a vertical line) made spaces.
std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t':
      case '\n':
      case '\r': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

// The tokens of one piece (whole blocks) in `f`; the JSON elements each follow a comma unless
// `first` (which they clear).
void write_token_piece(std::ostream& out, std::string_view text, std::span<const block> blocks,
                       const segmentation& piece, format f, bool& first, const lemmatizer* lemmas) {
  switch (f) {
    case format::vertical:
      for (const sentence& s : piece.sentences) {
        for (std::uint32_t i = s.first_token; i < s.last_token; ++i) out << piece.tokens[i].text(text) << '\n';
        out << '\n';
      }
      return;
    case format::vrt:
      for (const block& b : blocks) {
        out << "<p kind=\"" << to_string(b.kind) << "\">\n";
        for (const sentence& s : piece.sentences) {
          if (s.block != b.index) continue;
          out << "<s>\n";
          for (std::uint32_t i = s.first_token; i < s.last_token; ++i) {
            const token& t = piece.tokens[i];
            const bool word = t.kind == token_kind::word || t.kind == token_kind::number;
            out << xml_escape(t.text(text)) << '\t' << xml_escape(t.norm) << '\t'
                << xml_escape(word && lemmas ? lemmas->lemma(t.base()) : t.norm) << '\n';
          }
          out << "</s>\n";
        }
        out << "</p>\n";
      }
      return;
    case format::json:
      for (const token& t : piece.tokens) {
        if (!first) out << ',';
        first = false;
        dump_json(out, token_json(t, text));
      }
      return;
    default:
      for (const token& t : piece.tokens) write_token_record(out, t, text, f);
      return;
  }
}

}  // namespace

void write_tokens(std::ostream& out, const document& doc, const segmentation& seg, format f, const run_meta& meta,
                  bool color) {
  const std::string_view text = doc.view();
  bool first = true;
  switch (f) {
    case format::table: write_token_summary(out, doc.name(), summarize(seg), color); return;
    case format::json: {
      // Streamed one element at a time: a DOM of every token costs hundreds of bytes per input byte.
      open_json_document(out, meta);
      out << ",\"blocks\":[";
      for (std::size_t i = 0; i < seg.blocks.size(); ++i) {
        if (i) out << ',';
        dump_json(out, block_json(seg.blocks[i]));
      }
      out << "],\"sentences\":[";
      for (std::size_t i = 0; i < seg.sentences.size(); ++i) {
        if (i) out << ',';
        dump_json(out, sentence_json(seg.sentences[i]));
      }
      out << "],\"tokens\":[";
      write_token_piece(out, text, seg.blocks, seg, f, first, nullptr);
      out << "]";
      close_json_document(out, meta);
      return;
    }
    case format::vrt: {
      lemmatizer lemmas;
      out << "<text id=\"" << xml_escape(doc.name()) << "\">\n";
      write_token_piece(out, text, seg.blocks, seg, f, first, &lemmas);
      out << "</text>\n";
      return;
    }
    case format::tsv:
    case format::csv: write_record(out, token_columns, f); [[fallthrough]];
    default: write_token_piece(out, text, seg.blocks, seg, f, first, nullptr); return;
  }
}

void write_tokens(std::ostream& out, const document& doc, segmenter& seg, format f, const run_meta& meta, bool color,
                  const segmenter::progress_fn& progress) {
  const std::string_view text = doc.view();
  bool first = true;
  std::optional<lemmatizer> lemmas;
  auto each = [&](const block& b, const segmentation& piece) {
    write_token_piece(out, text, std::span<const block>(&b, 1), piece, f, first, lemmas ? &*lemmas : nullptr);
  };
  switch (f) {
    case format::table: write_token_summary(out, doc.name(), summarize(seg, doc, progress), color); return;
    case format::json: {
      // Blocks and sentences come before the tokens: a first pass keeps only them (a few dozen
      // bytes per sentence), a second streams the tokens, so no token list is ever whole.
      std::vector<block> blocks;
      std::vector<sentence> sentences;
      seg.for_each_block(doc, [&](const block& b, const segmentation& piece) {
        blocks.push_back(b);
        sentences.insert(sentences.end(), piece.sentences.begin(), piece.sentences.end());
      });
      open_json_document(out, meta);
      out << ",\"blocks\":[";
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i) out << ',';
        dump_json(out, block_json(blocks[i]));
      }
      blocks = {};
      out << "],\"sentences\":[";
      for (std::size_t i = 0; i < sentences.size(); ++i) {
        if (i) out << ',';
        dump_json(out, sentence_json(sentences[i]));
      }
      sentences = {};
      out << "],\"tokens\":[";
      seg.for_each_block(doc, each, progress);
      out << "]";
      close_json_document(out, meta);
      return;
    }
    case format::vrt:
      lemmas.emplace();
      out << "<text id=\"" << xml_escape(doc.name()) << "\">\n";
      seg.for_each_block(doc, each, progress);
      out << "</text>\n";
      return;
    case format::tsv:
    case format::csv: write_record(out, token_columns, f); [[fallthrough]];
    default: seg.for_each_block(doc, each, progress); return;
  }
}

void write_token_summary(std::ostream& out, const std::string& name, const segment_summary& s, bool color) {
  table t;
  t.columns = {"what", "count"};
  auto row = [&](const std::string& what, std::size_t n) { t.rows.push_back({what, std::int64_t(n)}); };
  row("blocks", s.blocks);
  row("  headings", s.headings);
  row("  paragraphs", s.paragraphs);
  row("  attributions", s.attributions);
  // The letter, book and page kinds only when the text has them (a plain passage's summary keeps
  // its three rows).
  for (int k = 0; k < block_kind_count; ++k) {
    const auto kind = static_cast<block_kind>(k);
    if (kind == block_kind::heading || kind == block_kind::paragraph || kind == block_kind::attribution) continue;
    if (s.by_block_kind[k]) row(std::string("  ") + to_string(kind) + "s", s.by_block_kind[k]);
  }
  row("sentences", s.sentences);
  row("  in body paragraphs", s.body_sentences);
  row("tokens", s.tokens);
  for (int k = 0; k < 5; ++k) row(std::string("  ") + to_string(static_cast<token_kind>(k)), s.by_kind[k]);
  out << name << '\n';
  write_table(out, t, format::table, color);
}

// ---------------------------------------------------------------------------------------------

struct atomic_file::impl {
  std::string path, temp;
  std::ofstream stream;
  bool committed = false;
};

atomic_file::atomic_file(const std::string& path) : impl_(std::make_unique<impl>()) {
  namespace fs = std::filesystem;
  impl_->path = path;
  fs::path p(path);
  std::string dir = p.has_parent_path() ? p.parent_path().string() : ".";
  std::string templ = dir + "/." + p.filename().string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(templ.data());
  if (fd < 0) throw error(path + ": cannot create a temporary file: " + std::strerror(errno));
  ::fchmod(
      fd, 0644 & ~[] {
        mode_t m = ::umask(0);
        ::umask(m);
        return m;
      }());
  ::close(fd);
  impl_->temp = templ;
  impl_->stream.open(templ, std::ios::binary | std::ios::trunc);
  if (!impl_->stream) {
    std::remove(templ.c_str());
    throw error(path + ": cannot write a temporary file");
  }
}

atomic_file::~atomic_file() {
  if (!impl_->committed) {
    impl_->stream.close();
    std::remove(impl_->temp.c_str());
  }
}

std::ostream& atomic_file::stream() { return impl_->stream; }

void atomic_file::commit() {
  impl_->stream.flush();
  bool ok = static_cast<bool>(impl_->stream);
  impl_->stream.close();
  if (!ok || impl_->stream.fail()) throw error(impl_->path + ": write failed");
  if (std::rename(impl_->temp.c_str(), impl_->path.c_str()) != 0)
    throw error(impl_->path + ": cannot rename into place: " + std::strerror(errno));
  impl_->committed = true;
}

}  // namespace histext
