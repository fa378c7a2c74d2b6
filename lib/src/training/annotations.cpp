// Reading the standoff training layout of ../shared/train: texts/<id>.txt plus mentions.tsv.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "histext/document.hpp"
#include "histext/error.hpp"
#include "histext/train.hpp"

namespace histext {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(path.string() + ": cannot open");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw error(path.string() + ": read error");
  return std::move(out).str();
}

/// Where a row is, for messages: "DIR/mentions.tsv:LINE: ".
std::string where(const std::string& file, std::size_t line) { return file + ":" + std::to_string(line) + ": "; }

/// The TAB-separated fields of one line (the six columns of mentions.tsv are separated by TABs;
/// TABs inside the text column are escaped, so a plain split is exact).
std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool parse_offset(std::string_view s, std::size_t& value) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size();
}

/// Undoes the text column's escapes: \\ \t \n \r. Returns false on any other backslash sequence.
bool unescape(std::string_view s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return false;
    switch (s[i]) {
      case '\\': out += '\\'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      default: return false;
    }
  }
  return true;
}

bool parse_label(std::string_view s, entity_type& type) {
  if (s == "PER")
    type = entity_type::person;
  else if (s == "GRP")
    type = entity_type::group;
  else if (s == "LOC")
    type = entity_type::place;
  else
    return false;
  return true;
}

}  // namespace

std::vector<annotated_document> read_annotations(const std::string& dir) {
  const fs::path root(dir);
  const fs::path texts_dir = root / "texts";
  const std::string tsv = (root / "mentions.tsv").string();
  std::error_code ec;
  if (!fs::is_directory(texts_dir, ec)) throw error(texts_dir.string() + ": not a directory");

  // The documents, by id (std::map keeps them sorted).
  std::map<std::string, annotated_document> docs;
  for (const auto& entry : fs::directory_iterator(texts_dir)) {
    const fs::path& path = entry.path();
    if (path.extension() != ".txt" || !entry.is_regular_file()) continue;
    annotated_document doc;
    doc.id = path.stem().string();
    doc.text = read_bytes(path);
    // The recogniser segments the text with ICU: reject invalid UTF-8 here, naming the file.
    validate_utf8(doc.text, path.string());
    docs.emplace(doc.id, std::move(doc));
  }

  std::ifstream in(tsv, std::ios::binary);
  if (!in) throw error(tsv + ": cannot open");
  std::string line, text;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1) {
      if (line != "doc_id\tbegin\tend\tlabel\ttext\tnested")
        throw error(where(tsv, 1) + "expected the header \"doc_id begin end label text nested\" (TAB-separated)");
      continue;
    }
    if (line.empty()) continue;
    const auto f = fields(line);
    if (f.size() != 6)
      throw error(where(tsv, line_number) + "expected 6 TAB-separated columns, found " + std::to_string(f.size()));
    if (f[5] != "0" && f[5] != "1") throw error(where(tsv, line_number) + "nested must be 0 or 1");
    if (f[5] == "1") continue;
    auto doc = docs.find(std::string(f[0]));
    if (doc == docs.end())
      throw error(where(tsv, line_number) + "no text for document '" + std::string(f[0]) + "' in " +
                  texts_dir.string());
    annotated_span span;
    if (!parse_offset(f[1], span.begin) || !parse_offset(f[2], span.end))
      throw error(where(tsv, line_number) + "begin and end must be non-negative integers");
    if (span.begin >= span.end || span.end > doc->second.text.size())
      throw error(where(tsv, line_number) + "span [" + std::string(f[1]) + ", " + std::string(f[2]) +
                  ") is empty or outside the text of " + doc->first + " (" + std::to_string(doc->second.text.size()) +
                  " bytes)");
    if (!parse_label(f[3], span.type))
      throw error(where(tsv, line_number) + "label must be PER, GRP or LOC, not '" + std::string(f[3]) + "'");
    if (!unescape(f[4], text)) throw error(where(tsv, line_number) + "bad escape in the text column");
    if (doc->second.text.compare(span.begin, span.end - span.begin, text) != 0)
      throw error(where(tsv, line_number) + "the text column differs from bytes [" + std::string(f[1]) + ", " +
                  std::string(f[2]) + ") of " + doc->first);
    doc->second.spans.push_back(span);
  }
  if (in.bad()) throw error(tsv + ": read error");

  std::vector<annotated_document> out;
  out.reserve(docs.size());
  for (auto& [id, doc] : docs) {
    std::stable_sort(doc.spans.begin(), doc.spans.end(),
                     [](const annotated_span& a, const annotated_span& b) { return a.begin < b.begin; });
    out.push_back(std::move(doc));
  }
  return out;
}

}  // namespace histext
