// histext._histext: the C++ library seen from Python (pybind11). The package histext/__init__.py
// wraps these functions with keyword arguments and result classes; nothing here prints or exits.
//
// Every function converts its arguments while holding the GIL, runs the library with the GIL
// released (so Python threads run analyses in parallel), then builds Python objects again under
// the GIL. Tables come back as dicts of column lists; every byte offset column (begin, end) has
// its code-point twin (begin_char, end_char), which indexes the Python str of the same text.
#include <fcntl.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "histext/document.hpp"
#include "histext/entities.hpp"
#include "histext/error.hpp"
#include "histext/frequency.hpp"
#include "histext/keywords.hpp"
#include "histext/report.hpp"
#include "histext/segment.hpp"
#include "histext/sentence_stats.hpp"
#include "histext/version.hpp"

namespace py = pybind11;

namespace {

using option_list = std::vector<std::pair<std::string, std::string>>;

/// One input as the Python side names it: a file path, or text already in memory.
struct source {
  bool is_path = false;
  std::string data;  ///< the path, or the text's UTF-8 bytes
  std::string name;  ///< used in messages and results
};

/// Maps byte offsets of a UTF-8 text to code-point offsets (Python str indices). Keeps the
/// code-point count at every 64th byte, so memory is an eighth of the text's and a look-up
/// counts at most 63 bytes.
class char_index {
 public:
  explicit char_index(std::string_view text) : text_(text) {
    marks_.reserve(text.size() / step + 1);
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (i % step == 0) marks_.push_back(count);
      if (!continuation(text[i])) ++count;
    }
    total_ = count;
  }
  /// The code-point offset of byte offset `b`; throws histext::error inside a code point or past the end.
  std::size_t operator()(std::size_t b) const {
    if (b > text_.size())
      throw histext::error("byte offset " + std::to_string(b) + " is past the end of the text (" +
                           std::to_string(text_.size()) + " bytes)");
    if (b == text_.size()) return total_;
    if (continuation(text_[b]))
      throw histext::error("byte offset " + std::to_string(b) + " is inside a UTF-8 sequence");
    std::size_t count = marks_[b / step];
    for (std::size_t i = b / step * step; i < b; ++i)
      if (!continuation(text_[i])) ++count;
    return count;
  }

 private:
  static constexpr std::size_t step = 64;
  static bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
  std::string_view text_;
  std::vector<std::size_t> marks_;
  std::size_t total_ = 0;
};

histext::document load(const source& s, const std::string& encoding) {
  histext::load_options lo;
  lo.encoding = encoding;
  if (s.is_path) return histext::document::from_file(s.data, lo);
  return histext::document::from_bytes(s.data, s.name, lo);
}

/// Opens a file for a counter's add_stream with the tools' checks (a missing file, a directory).
std::ifstream open_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw histext::error(path + ": " + std::strerror(errno));
  struct stat st {};
  const bool dir = ::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
  ::close(fd);
  if (dir) throw histext::error(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw histext::error(path + ": cannot be opened");
  return in;
}

/// Adds every input to `counter` as histext-freq does: streamed without an encoding, loaded
/// as a document with one.
void add_inputs(histext::frequency_counter& counter, const std::vector<source>& inputs, const std::string& encoding) {
  for (const source& s : inputs) {
    if (s.is_path && encoding.empty()) {
      std::ifstream in = open_file(s.data);
      counter.add_stream(in, s.data);
    } else {
      counter.add_document(load(s, encoding));
    }
  }
}

// ---- conversions to Python (GIL held) ----

py::str to_str(std::string_view s) { return py::str(s.data(), s.size()); }

/// Lists of byte offsets and their code-point twins under `prefix`_char.
void add_offsets(py::dict& table, const char* begin_key, const char* end_key, const std::vector<std::size_t>& begins,
                 const std::vector<std::size_t>& ends, const char_index& chars) {
  py::list b, e, bc, ec;
  for (std::size_t i = 0; i < begins.size(); ++i) {
    b.append(begins[i]);
    e.append(ends[i]);
    bc.append(chars(begins[i]));
    ec.append(chars(ends[i]));
  }
  table[begin_key] = b;
  table[end_key] = e;
  table[(std::string(begin_key) + "_char").c_str()] = bc;
  table[(std::string(end_key) + "_char").c_str()] = ec;
}

py::dict info_dict(const histext::input_info& i) {
  py::dict d;
  d["name"] = i.name;
  d["size"] = i.size;
  d["sha256"] = i.sha256;
  d["encoding"] = i.encoding;
  return d;
}

py::dict dist_dict(const histext::distribution& d) {
  py::dict r;
  r["count"] = d.count;
  r["mean"] = d.mean;
  r["median"] = d.median;
  r["sd"] = d.sd;
  r["min"] = d.min;
  r["max"] = d.max;
  r["q1"] = d.q1;
  r["q3"] = d.q3;
  py::list hist;
  for (const auto& bin : d.histogram) {
    py::dict h;
    h["low"] = bin.low;
    h["high"] = bin.high;
    h["count"] = bin.count;
    hist.append(h);
  }
  r["histogram"] = hist;
  return r;
}

py::dict sentence_summary_dict(const histext::sentence_summary& s) {
  py::dict r;
  r["paragraphs"] = s.paragraphs;
  r["sentences"] = s.sentences;
  r["words"] = s.words;
  r["letters"] = s.letters;
  r["syllables"] = s.syllables;
  r["polysyllables"] = s.polysyllables;
  r["quoted_sentences"] = s.quoted_sentences;
  r["quoted_words"] = s.quoted_words;
  r["quoted_share"] = s.quoted_share;
  r["words_per_sentence"] = dist_dict(s.words_per_sentence);
  r["words_per_paragraph"] = dist_dict(s.words_per_paragraph);
  auto ref = [](const histext::sentence_ref& x) {
    py::dict d;
    d["index"] = x.index;
    d["words"] = x.words;
    d["text"] = x.text;
    return d;
  };
  r["longest"] = ref(s.longest);
  r["shortest"] = ref(s.shortest);
  py::dict rd;
  rd["flesch_reading_ease"] = s.readability.flesch_reading_ease;
  rd["flesch_kincaid_grade"] = s.readability.flesch_kincaid_grade;
  rd["gunning_fog"] = s.readability.gunning_fog;
  rd["smog"] = s.readability.smog;
  rd["coleman_liau"] = s.readability.coleman_liau;
  rd["automated_readability"] = s.readability.automated_readability;
  r["readability"] = rd;
  return r;
}

py::dict freq_summary_dict(const histext::freq_summary& s) {
  py::dict r;
  r["tokens"] = s.tokens;
  r["running_words"] = s.running_words;
  r["types"] = s.types;
  r["hapax"] = s.hapax;
  r["sentences"] = s.sentences;
  r["paragraphs"] = s.paragraphs;
  r["ttr"] = s.ttr;
  r["mattr"] = s.mattr;
  r["mtld"] = s.mtld;
  r["zipf"] = s.zipf;
  r["zipf_r2"] = s.zipf_r2;
  r["null_reason"] = s.null_reason;
  return r;
}

py::dict freq_result_dict(const histext::freq_result& r) {
  py::dict d;
  d["inputs"] = r.inputs;
  py::list per;
  for (const auto& s : r.per_input_summary) per.append(freq_summary_dict(s));
  d["per_input_summary"] = per;
  d["summary"] = freq_summary_dict(r.summary);
  py::list word, surface, count, rank, sentences, paragraphs, per_1000, percent, per_input;
  bool any_surface = false, any_per_input = false;
  for (const auto& w : r.words) {
    word.append(to_str(w.word));
    surface.append(to_str(w.surface));
    count.append(w.count);
    rank.append(w.rank);
    sentences.append(w.sentences);
    paragraphs.append(w.paragraphs);
    per_1000.append(w.per_1000);
    percent.append(w.percent);
    per_input.append(py::cast(w.per_input));
    any_surface = any_surface || !w.surface.empty();
    any_per_input = any_per_input || !w.per_input.empty();
  }
  py::dict words;
  words["word"] = word;
  if (any_surface) words["surface"] = surface;
  words["count"] = count;
  words["per_1000"] = per_1000;
  words["percent"] = percent;
  words["rank"] = rank;
  words["sentences"] = sentences;
  words["paragraphs"] = paragraphs;
  if (any_per_input) words["per_input"] = per_input;
  d["words"] = words;
  d["collocate"] = r.collocate;
  d["node_count"] = r.node_count;
  d["node_region"] = r.node_region;
  py::list cw, obs, exp, fr, g2, pmi;
  for (const auto& c : r.collocates) {
    cw.append(to_str(c.word));
    obs.append(c.observed);
    exp.append(c.expected);
    fr.append(c.frequency);
    g2.append(c.g2);
    pmi.append(c.pmi);
  }
  py::dict col;
  col["word"] = cw;
  col["observed"] = obs;
  col["expected"] = exp;
  col["frequency"] = fr;
  col["g2"] = g2;
  col["pmi"] = pmi;
  d["collocates"] = col;
  return d;
}

// ---- options from Python ----

histext::word_form parse_form(const std::string& form) {
  if (form == "norm") return histext::word_form::norm;
  if (form == "lemma") return histext::word_form::lemma;
  if (form == "stem") return histext::word_form::stem;
  throw histext::error("form must be norm, lemma or stem, not '" + form + "'");
}

/// The freq_options fields the Python side passes (the rest keep the library's defaults).
histext::freq_options freq_opts(const py::dict& o) {
  histext::freq_options f;
  f.segmentation.dehyphenate = o["dehyphenate"].cast<bool>();
  f.all = o["all"].cast<bool>();
  f.numbers = o["numbers"].cast<bool>();
  f.stopwords = o["stopwords"].cast<std::string>();
  f.add_stopwords = o["add_stopwords"].cast<std::vector<std::string>>();
  f.form = parse_form(o["form"].cast<std::string>());
  f.ngram = o["ngrams"].cast<std::size_t>();
  f.collocate = o["collocations"].cast<std::string>();
  f.window = o["window"].cast<std::size_t>();
  f.combine = o["combine"].cast<bool>();
  f.top = o["top"].cast<std::size_t>();
  f.min_count = o["min_count"].cast<std::uint64_t>();
  f.min_length = o["min_length"].cast<std::size_t>();
  f.threads = o["threads"].cast<unsigned>();
  return f;
}

// ---- the functions ----

py::dict tokens_fn(const source& s, const std::string& encoding, bool dehyphenate, bool split_hyphens) {
  std::optional<histext::document> doc;
  histext::segmentation seg;
  histext::segment_summary sum;
  {
    py::gil_scoped_release release;
    doc.emplace(load(s, encoding));
    histext::segment_options so;
    so.dehyphenate = dehyphenate;
    so.split_hyphens = split_hyphens;
    seg = histext::segment(*doc, so);
    sum = histext::summarize(seg);
  }
  const std::string_view text = doc->view();
  char_index chars(text);
  py::dict r;
  r["name"] = doc->name();
  r["info"] = info_dict(doc->info());
  r["text"] = to_str(text);

  py::dict tokens;
  std::vector<std::size_t> begins, ends;
  py::list ttext, norm, base, kind, sentence, block, block_kind, paragraph, hyphenated;
  for (const auto& t : seg.tokens) {
    begins.push_back(t.begin);
    ends.push_back(t.end);
    ttext.append(to_str(t.text(text)));
    norm.append(to_str(t.norm));
    base.append(to_str(t.base()));
    kind.append(histext::to_string(t.kind));
    sentence.append(t.sentence);
    block.append(t.block);
    block_kind.append(histext::to_string(t.block_kind));
    paragraph.append(t.paragraph);
    hyphenated.append(t.hyphenated);
  }
  tokens["block"] = block;
  tokens["block_kind"] = block_kind;
  tokens["paragraph"] = paragraph;
  tokens["sentence"] = sentence;
  tokens["kind"] = kind;
  add_offsets(tokens, "begin", "end", begins, ends, chars);
  tokens["text"] = ttext;
  tokens["norm"] = norm;
  tokens["base"] = base;
  tokens["hyphenated"] = hyphenated;
  r["tokens"] = tokens;

  py::dict sentences;
  begins.clear();
  ends.clear();
  py::list sindex, sblock, skind, spar, sfirst, slast;
  for (const auto& x : seg.sentences) {
    begins.push_back(x.begin);
    ends.push_back(x.end);
    sindex.append(x.index);
    sblock.append(x.block);
    skind.append(histext::to_string(x.block_kind));
    spar.append(x.paragraph);
    sfirst.append(x.first_token);
    slast.append(x.last_token);
  }
  sentences["index"] = sindex;
  sentences["block"] = sblock;
  sentences["block_kind"] = skind;
  sentences["paragraph"] = spar;
  add_offsets(sentences, "begin", "end", begins, ends, chars);
  sentences["first_token"] = sfirst;
  sentences["last_token"] = slast;
  r["sentences"] = sentences;

  py::dict blocks;
  begins.clear();
  ends.clear();
  py::list bindex, bkind, bpar;
  for (const auto& b : seg.blocks) {
    begins.push_back(b.begin);
    ends.push_back(b.end);
    bindex.append(b.index);
    bkind.append(histext::to_string(b.kind));
    bpar.append(b.paragraph);
  }
  blocks["index"] = bindex;
  blocks["kind"] = bkind;
  blocks["paragraph"] = bpar;
  add_offsets(blocks, "begin", "end", begins, ends, chars);
  r["blocks"] = blocks;

  py::dict summary;
  summary["blocks"] = sum.blocks;
  summary["headings"] = sum.headings;
  summary["paragraphs"] = sum.paragraphs;
  summary["attributions"] = sum.attributions;
  summary["sentences"] = sum.sentences;
  summary["body_sentences"] = sum.body_sentences;
  summary["tokens"] = sum.tokens;
  py::dict by_kind;
  for (int k = 0; k < 5; ++k) by_kind[histext::to_string(static_cast<histext::token_kind>(k))] = sum.by_kind[k];
  summary["tokens_by_kind"] = by_kind;
  py::dict by_block;
  for (int k = 0; k < histext::block_kind_count; ++k)
    by_block[histext::to_string(static_cast<histext::block_kind>(k))] = sum.by_block_kind[k];
  summary["blocks_by_kind"] = by_block;
  r["summary"] = summary;
  return r;
}

py::dict sentences_fn(const source& s, const std::string& encoding, bool dehyphenate, bool all,
                      std::size_t preview_words) {
  std::optional<histext::document> doc;
  histext::sentence_report rep;
  {
    py::gil_scoped_release release;
    doc.emplace(load(s, encoding));
    histext::segment_options so;
    so.dehyphenate = dehyphenate;
    histext::segmenter seg(so);
    histext::sentence_options opts;
    opts.all = all;
    opts.preview_words = preview_words;
    rep = histext::analyze_sentences(*doc, seg, opts);
  }
  char_index chars(doc->view());
  py::dict r;
  r["name"] = doc->name();
  r["info"] = info_dict(doc->info());
  r["text"] = to_str(doc->view());
  r["all"] = rep.all;
  r["framed"] = rep.framed;
  r["summary"] = sentence_summary_dict(rep.summary);
  r["outside_body"] = sentence_summary_dict(rep.outside_body);
  py::dict t;
  std::vector<std::size_t> begins, ends;
  py::list index, block, block_kind, paragraph, position, words, letters, syllables, polysyllables, quoted_words,
      quote_depth, quoted, preview;
  for (const auto& x : rep.sentences) {
    begins.push_back(x.begin);
    ends.push_back(x.end);
    index.append(x.index);
    block.append(x.block);
    block_kind.append(histext::to_string(x.block_kind));
    paragraph.append(x.paragraph);
    position.append(x.position);
    words.append(x.words);
    letters.append(x.letters);
    syllables.append(x.syllables);
    polysyllables.append(x.polysyllables);
    quoted_words.append(x.quoted_words);
    quote_depth.append(x.quote_depth);
    quoted.append(x.quoted);
    preview.append(to_str(x.preview));
  }
  t["index"] = index;
  t["block"] = block;
  t["block_kind"] = block_kind;
  t["paragraph"] = paragraph;
  t["position"] = position;
  add_offsets(t, "begin", "end", begins, ends, chars);
  t["words"] = words;
  t["letters"] = letters;
  t["syllables"] = syllables;
  t["polysyllables"] = polysyllables;
  t["quoted_words"] = quoted_words;
  t["quote_depth"] = quote_depth;
  t["quoted"] = quoted;
  t["preview"] = preview;
  r["sentences"] = t;
  return r;
}

py::dict entities_fn(const source& s, const std::string& encoding, bool dehyphenate,
                     const std::vector<std::string>& types, bool keep_titles, bool body, bool pages,
                     bool with_cooccurrence, const std::string& model, const std::string& gazetteer,
                     const std::string& exclude) {
  std::optional<histext::document> doc;
  std::vector<histext::entity> found;
  histext::cooccurrence net;
  {
    py::gil_scoped_release release;
    histext::entity_options opts;
    for (const auto& t : types) opts.types.push_back(histext::parse_entity_type(t));
    opts.keep_titles = keep_titles;
    opts.body_only = body;
    opts.pages = pages;
    opts.model = model;
    opts.gazetteer = gazetteer;
    opts.exclude = exclude;
    doc.emplace(load(s, encoding));
    histext::segment_options so;
    so.dehyphenate = dehyphenate;
    histext::segmentation seg = histext::segment(*doc, so);
    found = histext::find_entities(*doc, seg, opts);
    if (with_cooccurrence) net = histext::cooccur(found);
  }
  char_index chars(doc->view());
  py::dict r;
  r["name"] = doc->name();
  r["info"] = info_dict(doc->info());
  r["text"] = to_str(doc->view());
  py::list list;
  for (const auto& e : found) {
    py::dict d;
    d["name"] = e.name;
    d["type"] = histext::to_string(e.type);
    d["aliases"] = e.aliases;
    d["evidence"] = e.evidence;
    py::dict m;
    std::vector<std::size_t> begins, ends;
    py::list sentence, block, paragraph, block_kind, text;
    for (const auto& x : e.mentions) {
      begins.push_back(x.begin);
      ends.push_back(x.end);
      sentence.append(x.sentence);
      block.append(x.block);
      paragraph.append(x.paragraph);
      block_kind.append(histext::to_string(x.block_kind));
      text.append(to_str(x.text));
    }
    add_offsets(m, "begin", "end", begins, ends, chars);
    m["sentence"] = sentence;
    m["block"] = block;
    m["block_kind"] = block_kind;
    m["paragraph"] = paragraph;
    m["text"] = text;
    d["mentions"] = m;
    list.append(d);
  }
  r["entities"] = list;
  if (with_cooccurrence) {
    py::dict pairs;
    py::list a, b, count;
    for (const auto& p : net.pairs) {
      a.append(p.a);
      b.append(p.b);
      count.append(p.count);
    }
    pairs["a"] = a;
    pairs["b"] = b;
    pairs["count"] = count;
    py::dict c;
    c["pairs"] = pairs;
    c["centrality"] = net.centrality;
    c["centrality_measure"] = net.centrality_measure;
    c["dropped_pairs"] = net.dropped_pairs;
    c["notes"] = net.notes;
    r["cooccurrence"] = c;
  } else {
    r["cooccurrence"] = py::none();
  }
  return r;
}

py::dict freq_fn(const std::vector<source>& inputs, const std::string& encoding, const py::dict& options) {
  histext::freq_options opts = freq_opts(options);
  opts.checksum = false;
  histext::freq_result result;
  {
    py::gil_scoped_release release;
    histext::frequency_counter counter(opts);
    add_inputs(counter, inputs, encoding);
    result = counter.result();
  }
  return freq_result_dict(result);
}

py::dict keywords_fn(const std::vector<source>& target, const std::vector<source>& reference,
                     const std::string& encoding, const py::dict& counting, const std::string& measure,
                     std::uint64_t min_count, std::size_t top) {
  histext::keywords_options opts;
  opts.counting = freq_opts(counting);
  opts.counting.checksum = false;
  opts.measure = histext::parse_keyness_measure(measure);
  opts.min_count = min_count;
  opts.top = top;
  histext::keywords_result res;
  {
    py::gil_scoped_release release;
    const histext::freq_options c = opts.counting_options();
    histext::frequency_counter tc(c), rc(c);
    add_inputs(tc, target, encoding);
    add_inputs(rc, reference, encoding);
    res = histext::compare_keywords(tc.result(), rc.result(), opts);
  }
  auto side = [](const histext::keyword_side& s) {
    py::dict d;
    d["inputs"] = s.inputs;
    d["running_words"] = s.running_words;
    d["types"] = s.types;
    return d;
  };
  py::dict r;
  r["target"] = side(res.target);
  r["reference"] = side(res.reference);
  r["measure"] = histext::to_string(opts.measure);
  py::list word, direction, tc, rc, tpm, rpm, g2, p, lr, pd;
  for (const auto& k : res.rows) {
    word.append(to_str(k.word));
    direction.append(k.direction);
    tc.append(k.target_count);
    rc.append(k.reference_count);
    tpm.append(k.target_per_million);
    rpm.append(k.reference_per_million);
    g2.append(k.k.g2);
    p.append(k.k.p);
    lr.append(k.k.log_ratio);
    pd.append(k.k.pct_diff);
  }
  py::dict rows;
  rows["word"] = word;
  rows["direction"] = direction;
  rows["target_count"] = tc;
  rows["reference_count"] = rc;
  rows["target_per_million"] = tpm;
  rows["reference_per_million"] = rpm;
  rows["g2"] = g2;
  rows["p"] = p;
  rows["log_ratio"] = lr;
  rows["pct_diff"] = pd;
  r["keywords"] = rows;
  return r;
}

py::bytes shard_fn(const std::vector<source>& inputs, const std::string& encoding, const py::dict& options,
                   const option_list& meta_options) {
  histext::freq_options opts = freq_opts(options);
  opts.checksum = true;  // a shard keeps each input's SHA-256, as histext-freq --shard does
  std::string bytes;
  {
    py::gil_scoped_release release;
    histext::frequency_counter counter(opts);
    add_inputs(counter, inputs, encoding);
    std::ostringstream out;
    histext::write_shard(out, counter, meta_options);
    bytes = std::move(out).str();
  }
  return py::bytes(bytes);
}

/// Reads and merges shards. `mode` is "shard" (merged shard bytes), "result" (a freq result
/// dict) or a format name (the bytes histext-freq --merge writes, with `base_meta` as its meta
/// options before the shards' recorded options replace or join them, as make_meta does).
py::object merge_fn(const std::vector<std::string>& shards, const std::vector<std::string>& names,
                    const std::string& mode, std::size_t top, std::uint64_t min_count, std::size_t min_length,
                    bool summary, option_list base_meta) {
  std::string bytes;
  histext::freq_result result;
  {
    py::gil_scoped_release release;
    std::vector<histext::freq_shard> read;
    read.reserve(shards.size());
    for (std::size_t i = 0; i < shards.size(); ++i) {
      std::istringstream in(shards[i]);
      read.push_back(
          histext::freq_shard::read(in, i < names.size() ? names[i] : "<shard " + std::to_string(i + 1) + ">"));
    }
    histext::freq_shard merged = histext::freq_shard::merge(std::move(read));
    if (mode == "shard") {
      std::ostringstream out;
      merged.write(out);
      bytes = std::move(out).str();
    } else {
      histext::freq_options shown = merged.options();
      shown.top = top;
      shown.min_count = min_count;
      shown.min_length = min_length;
      result = merged.result(shown);
      if (mode != "result") {
        const histext::format fmt = histext::parse_format(mode);
        if (fmt == histext::format::vertical) throw histext::error("freq has no format vertical");
        // make_meta: an extra option replaces one of that name in place, or joins at the end.
        auto extra = merged.meta_options();
        extra.emplace_back("combine", "true");
        for (const auto& [k, v] : extra) {
          const std::string& key = k;  // a lambda cannot capture a structured binding in clang-14
          auto it = std::find_if(base_meta.begin(), base_meta.end(), [&](const auto& kv) { return kv.first == key; });
          if (it != base_meta.end())
            it->second = v;
          else
            base_meta.emplace_back(k, v);
        }
        histext::run_meta meta{"histext-freq", merged.inputs(), base_meta};
        std::ostringstream out;
        if (summary)
          histext::write_freq_summary(out, result, shown, fmt, meta);
        else if (!shown.collocate.empty() && fmt != histext::format::json)
          histext::write_collocations(out, result, shown, fmt, meta);
        else
          histext::write_frequencies(out, result, shown, fmt, meta);
        bytes = std::move(out).str();
      }
    }
  }
  if (mode == "shard") return py::bytes(bytes);
  if (mode == "result") return freq_result_dict(result);
  return py::bytes(bytes);
}

std::vector<std::size_t> char_offsets_fn(const std::string& text, const std::vector<std::size_t>& offsets) {
  py::gil_scoped_release release;
  char_index chars(text);
  std::vector<std::size_t> out;
  out.reserve(offsets.size());
  for (std::size_t b : offsets) out.push_back(chars(b));
  return out;
}

}  // namespace

/// histext-report's page for the inputs, as UTF-8 bytes (the same page the tool writes for the
/// same inputs and options; the provenance lists the options given here).
py::bytes report_fn(const std::vector<source>& inputs, const std::string& encoding, std::size_t top_words,
                    std::size_t text_view_bytes) {
  std::string html;
  {
    py::gil_scoped_release release;
    histext::report_options ro;
    ro.top_words = top_words;
    ro.text_view_bytes = text_view_bytes;
    std::vector<histext::report_input> built;
    std::vector<histext::input_info> infos;
    for (const source& s : inputs) {
      built.push_back(histext::build_report(load(s, encoding), ro));
      infos.push_back(built.back().doc.info());
    }
    histext::run_meta meta{"histext-report",
                           std::move(infos),
                           {{"encoding", encoding},
                            {"top_words", std::to_string(top_words)},
                            {"text_view_bytes", std::to_string(text_view_bytes)}}};
    std::ostringstream out;
    histext::write_report(out, built, meta, ro);
    html = std::move(out).str();
  }
  return py::bytes(html);
}

PYBIND11_MODULE(_histext, m) {
  m.doc() = "histext's C++ library (use the histext package, not this module)";
  // The one exception: histext::error, with the library's message (file and position).
  py::register_exception<histext::error>(m, "Error", PyExc_Exception);

  py::class_<source>(m, "Source")
      .def(py::init([](bool is_path, std::string data, std::string name) {
             return source{is_path, std::move(data), std::move(name)};
           }),
           py::arg("is_path"), py::arg("data"), py::arg("name"))
      .def_readonly("is_path", &source::is_path)
      .def_readonly("name", &source::name);

  m.def("version", &histext::version);
  m.def("data_dir", &histext::data_dir);
  m.def("tokens", &tokens_fn);
  m.def("sentences", &sentences_fn);
  m.def("entities", &entities_fn);
  m.def("freq", &freq_fn);
  m.def("keywords", &keywords_fn);
  m.def("report", &report_fn);
  m.def("shard", &shard_fn);
  m.def("merge", &merge_fn);
  m.def("char_offsets", &char_offsets_fn);
}
