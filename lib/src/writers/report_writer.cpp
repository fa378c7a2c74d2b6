// write_report(): the HTML page of histext-report. It only places what build_report() computed:
// no analysis and no layout here, only escaping, coordinates from the scales and layouts, and text.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <ostream>
#include <sstream>

#include "histext/report.hpp"
#include "histext/version.hpp"

namespace histext {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  return out;
}

// A coordinate with one decimal, independent of the locale.
std::string num(double v) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10, std::chars_format::fixed, 1);
  std::string s(buf, res.ptr);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string real(double v, int precision = 3) {
  std::string s = format_real(v, precision);
  return s.empty() ? "n/a" : s;
}

const char* type_letter(entity_type t) {
  switch (t) {
    case entity_type::person: return "P";
    case entity_type::group: return "G";
    case entity_type::place: return "L";
    case entity_type::work: return "W";
    default: return "O";
  }
}

const char* style_text = R"CSS(
:root{--person:#1f5fbf;--group:#1d7a3a;--place:#9c2f8f;--work:#8a6d00;--other:#666;--ink:#111;--muted:#555}
body{font-family:"DejaVu Serif",Georgia,serif;color:var(--ink);max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45}
h1,h2,h3,th,nav,.legend,figcaption,svg text{font-family:"DejaVu Sans",Arial,sans-serif}
h2{border-bottom:2px solid #333;margin-top:2rem}h3{margin-top:1.5rem}
nav ul{padding-left:1.2rem}
.block{margin:.4rem 0;padding-left:6.5rem;position:relative;white-space:pre-wrap}
.block .kind{position:absolute;left:0;width:6rem;font:600 .7rem "DejaVu Sans",sans-serif;color:var(--muted);text-transform:uppercase;padding-top:.2rem}
.block.heading{font-weight:bold;font-size:1.1rem}
.block.attribution,.block.closing,.block.dateline,.block.salutation,.block.postscript{font-style:italic}
.block.note,.block.page{font-size:.85rem;color:var(--muted)}
mark{background:none;color:inherit;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;cursor:pointer}
mark::after{font:600 .6rem "DejaVu Sans",sans-serif;vertical-align:super;margin-left:1px}
.t-person{text-decoration-style:solid;text-decoration-color:var(--person)}.t-person::after{content:"P";color:var(--person)}
.t-group{text-decoration-style:double;text-decoration-color:var(--group)}.t-group::after{content:"G";color:var(--group)}
.t-place{text-decoration-style:dotted;text-decoration-color:var(--place)}.t-place::after{content:"L";color:var(--place)}
.t-work{text-decoration-style:dashed;text-decoration-color:var(--work)}.t-work::after{content:"W";color:var(--work)}
.t-other{text-decoration-style:wavy;text-decoration-color:var(--other)}.t-other::after{content:"O";color:var(--other)}
mark mark{text-underline-offset:6px}
.legend span{margin-right:1.2rem}
.note{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.mentions{font-size:.8rem;color:var(--muted)}
figure{margin:1rem 0;break-inside:avoid}figcaption{font-size:.85rem;color:var(--muted)}
svg{max-width:100%;height:auto}svg text{font-size:11px;fill:var(--ink)}
.bar{fill:#4a6fa5}.axis{stroke:#999;stroke-width:.5}.tick{stroke:#222;stroke-width:1}
.n-person{fill:var(--person)}.n-group{fill:var(--group)}.n-place{fill:var(--place)}
svg .letter{fill:#fff;font-weight:bold;text-anchor:middle;dominant-baseline:central}
.edge{stroke:#888;stroke-opacity:.6}
.s{fill:#4a6fa5}.s.q{fill:#c0392b}.qmark{fill:#c0392b}
dl dt{font-weight:bold;font-family:"DejaVu Sans",sans-serif}dl dd{margin:0 0 .4rem 1.5rem}
#entity-panel{position:fixed;right:1rem;top:1rem;width:22rem;max-height:80vh;overflow:auto;background:#fff;border:1px solid #333;padding:.6rem;box-shadow:0 2px 8px #0004;font-size:.85rem}
@media print{
  @page{margin:1.5cm}
  body{max-width:none;margin:0;padding:0;font-size:10pt}
  nav,#entity-panel{display:none}
  section.input{break-before:page}
  h2,h3{break-after:avoid}
  tr,.block{break-inside:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

// Interaction only: clicking a highlighted mention (or an entity name in the graph) shows that
// entity's row of the table in a panel. Without it the table holds the same data.
const char* script_text = R"JS(
(function(){
  var panel=document.getElementById('entity-panel');
  function show(id){
    var row=document.getElementById(id);
    if(!row)return;
    panel.textContent='';
    var close=document.createElement('button');
    close.textContent='Close';
    close.addEventListener('click',function(){panel.hidden=true;});
    panel.appendChild(close);
    var heads=row.closest('table').querySelectorAll('th');
    var cells=row.querySelectorAll('td');
    var dl=document.createElement('dl');
    for(var i=0;i<cells.length;i++){
      var dt=document.createElement('dt');dt.textContent=heads[i]?heads[i].textContent:'';
      var dd=document.createElement('dd');dd.textContent=cells[i].textContent;
      dl.appendChild(dt);dl.appendChild(dd);
    }
    panel.appendChild(dl);
    panel.hidden=false;
  }
  document.addEventListener('click',function(ev){
    var m=ev.target.closest('[data-entity]');
    if(m){ev.preventDefault();show(m.getAttribute('data-entity'));}
  });
})();
)JS";

struct writer {
  std::ostream& out;
  const report_options& options;

  void passage(const report_input& r, const std::string& id) {
    out << "<section class=\"passage\" id=\"" << id << "-passage\"><h3>1. The passage as structured</h3>\n";
    out << "<p class=\"legend\">Highlighted names: ";
    for (entity_type t :
         {entity_type::person, entity_type::group, entity_type::place, entity_type::work, entity_type::other})
      out << "<span class=\"key t-" << to_string(t) << "\">" << to_string(t) << "</span>";
    out << " (underline: solid person, double group, dotted place, dashed work, wavy other; the raised letter "
           "names the type). Click a name for its mentions, aliases and evidence; the table in section 3 "
           "lists the same.</p>\n";
    struct mark {
      std::size_t begin, end, entity;
      entity_type type;
    };
    std::vector<mark> marks;
    for (std::size_t i = 0; i < r.entities.size(); ++i)
      for (const entity_mention& m : r.entities[i].mentions)
        if (m.end <= r.shown_bytes) marks.push_back({m.begin, m.end, i, r.entities[i].type});
    std::sort(marks.begin(), marks.end(),
              [](const mark& x, const mark& y) { return x.begin != y.begin ? x.begin < y.begin : x.end > y.end; });
    const std::string_view text = r.doc.view();
    std::size_t next = 0;
    for (std::size_t bi = 0; bi < r.shown_blocks; ++bi) {
      const block& b = r.seg.blocks[bi];
      const char* kind = to_string(b.kind);
      out << "<div class=\"block " << kind << "\"><span class=\"kind\">" << kind << "</span>";
      // Marks nest (a person's name inside a group's): a stack of open marks, each closed at its end.
      std::vector<std::size_t> open;
      std::size_t pos = b.begin;
      auto flush_to = [&](std::size_t to) {
        while (!open.empty() && marks[open.back()].end <= to) {
          out << esc(text.substr(pos, marks[open.back()].end - pos)) << "</mark>";
          pos = marks[open.back()].end;
          open.pop_back();
        }
        out << esc(text.substr(pos, to - pos));
        pos = to;
      };
      while (next < marks.size() && marks[next].begin < b.end) {
        const mark& m = marks[next];
        if (m.begin < b.begin || m.end > b.end) {
          ++next;  // crosses a block boundary: the entity table still lists it
          continue;
        }
        flush_to(m.begin);  // closes the marks that end before this one
        if (!open.empty() && m.end > marks[open.back()].end) {
          ++next;  // crosses another mark: the entity table still lists it
          continue;
        }
        const entity& e = r.entities[m.entity];
        out << "<mark class=\"mention t-" << to_string(m.type) << "\" data-entity=\"" << id << "-e" << m.entity
            << "\" title=\"" << esc(e.name) << " (" << to_string(m.type) << ")\">";
        open.push_back(next++);
      }
      flush_to(b.end);
      out << "</div>\n";
    }
    if (r.shown_bytes < text.size())
      out << "<p class=\"note condensed\">Condensed view: the first " << r.shown_blocks << " of " << r.seg.blocks.size()
          << " blocks (" << r.shown_bytes << " of " << text.size()
          << " bytes) are shown; the charts and tables cover the whole text.</p>\n";
    out << "</section>\n";
  }

  void words(const report_input& r, const std::string& id) {
    const freq_result& f = r.words;
    out << "<section class=\"words\" id=\"" << id << "-words\"><h3>2. Words</h3>\n";
    // Bar chart.
    const double label_w = 120, row_h = 18, top = 20;
    const bar_scale& sc = r.word_scale;
    const double h = top + row_h * static_cast<double>(f.words.size()) + 10;
    out << "<figure><svg class=\"chart freq-chart\" viewBox=\"0 0 " << num(label_w + sc.pixels + 60) << ' ' << num(h)
        << "\" width=\"" << num(label_w + sc.pixels + 60) << "\" height=\"" << num(h)
        << "\" role=\"img\" aria-label=\"Most frequent words\">\n";
    for (double t = 0; t <= sc.max + 1e-9; t += sc.step) {
      const double x = label_w + sc.length(t);
      out << "<line class=\"axis\" x1=\"" << num(x) << "\" y1=\"" << num(top - 4) << "\" x2=\"" << num(x) << "\" y2=\""
          << num(h - 10) << "\"/><text x=\"" << num(x) << "\" y=\"" << num(top - 8) << "\" text-anchor=\"middle\">"
          << num(t) << "</text>\n";
    }
    for (std::size_t i = 0; i < f.words.size(); ++i) {
      const word_row& w = f.words[i];
      const double y = top + row_h * static_cast<double>(i);
      out << "<text x=\"" << num(label_w - 6) << "\" y=\"" << num(y + 12) << "\" text-anchor=\"end\">" << esc(w.word)
          << "</text><rect class=\"bar\" data-word=\"" << esc(w.word) << "\" data-count=\"" << w.count << "\" x=\""
          << num(label_w) << "\" y=\"" << num(y + 2) << "\" width=\"" << num(sc.length(static_cast<double>(w.count)))
          << "\" height=\"" << num(row_h - 4) << "\"/><text x=\""
          << num(label_w + sc.length(static_cast<double>(w.count)) + 4) << "\" y=\"" << num(y + 12) << "\">" << w.count
          << "</text>\n";
    }
    out << "</svg><figcaption>The " << f.words.size()
        << " most frequent words of the body (stopwords left out; as <code>histext-freq --top " << options.top_words
        << "</code>).</figcaption></figure>\n";
    // Dispersion plot.
    const double plot_x = 220, plot_w = 520, drow = 20;
    const double dh = drow * static_cast<double>(r.dispersion.size()) + 24;
    out << "<figure><svg class=\"chart dispersion\" viewBox=\"0 0 " << num(plot_x + plot_w + 10) << ' ' << num(dh)
        << "\" width=\"" << num(plot_x + plot_w + 10) << "\" height=\"" << num(dh)
        << "\" role=\"img\" aria-label=\"Dispersion plot\">\n";
    for (std::size_t i = 0; i < r.dispersion.size(); ++i) {
      const dispersion_row& d = r.dispersion[i];
      const double y = drow * static_cast<double>(i);
      out << "<g class=\"disp-row\" data-label=\"" << esc(d.label) << "\" data-kind=\"" << d.kind << "\" data-count=\""
          << d.positions.size() << "\"><text x=\"" << num(plot_x - 6) << "\" y=\"" << num(y + 14)
          << "\" text-anchor=\"end\">" << esc(d.label) << " (" << type_letter_or_word(d.kind) << ")</text>"
          << "<rect class=\"axis\" fill=\"none\" x=\"" << num(plot_x) << "\" y=\"" << num(y + 2) << "\" width=\""
          << num(plot_w) << "\" height=\"" << num(drow - 4) << "\"/>";
      for (double p : d.positions) {
        const double x = plot_x + p * plot_w;
        out << "<line class=\"tick\" x1=\"" << num(x) << "\" y1=\"" << num(y + 3) << "\" x2=\"" << num(x) << "\" y2=\""
            << num(y + drow - 3) << "\"/>";
      }
      out << "</g>\n";
    }
    out << "<text x=\"" << num(plot_x) << "\" y=\"" << num(dh - 4) << "\">start of text</text><text x=\""
        << num(plot_x + plot_w) << "\" y=\"" << num(dh - 4) << "\" text-anchor=\"end\">end of text</text>\n";
    out << "</svg><figcaption>Dispersion: one row per top word (w) and most-mentioned entity (P person, G group, "
           "L place), a tick at each occurrence's relative position (byte offset / text size).</figcaption></figure>\n";
    // Lexical diversity.
    const freq_summary& s = f.summary;
    out << "<table class=\"diversity\"><tr><th>measure</th><th>value</th><th>definition</th></tr>\n";
    auto row = [&](const char* name, const std::string& v, const char* def) {
      out << "<tr><td>" << name << "</td><td class=\"n\">" << v << "</td><td>" << def << "</td></tr>\n";
    };
    row("running words", std::to_string(s.running_words), "every word token of the body, stopwords included");
    row("tokens", std::to_string(s.tokens), "counted words (stopwords left out)");
    row("types", std::to_string(s.types), "distinct counted words");
    row("hapax", std::to_string(s.hapax), "types seen once");
    row("TTR", real(s.ttr), "type-token ratio: types / tokens (falls as texts grow)");
    row("MATTR", real(s.mattr), "moving-average TTR over windows of 50 tokens (Covington &amp; McFall 2010)");
    row("MTLD", real(s.mtld, 1),
        "measure of textual lexical diversity: mean length of runs keeping TTR above 0.72 (McCarthy &amp; Jarvis "
        "2010)");
    row("Zipf slope", real(s.zipf), "slope of log frequency against log rank");
    out << "</table>\n</section>\n";
  }

  static const char* type_letter_or_word(const std::string& kind) {
    return kind == "word" ? "w" : kind == "person" ? "P" : kind == "group" ? "G" : kind == "place" ? "L" : "O";
  }

  void entities(const report_input& r, const std::string& id) {
    out << "<section class=\"entities\" id=\"" << id << "-entities\"><h3>3. People, groups and places</h3>\n";
    // Network.
    const graph_layout& g = r.graph;
    if (!g.nodes.empty()) {
      out << "<figure><svg class=\"chart network\" viewBox=\"0 0 " << num(g.width) << ' ' << num(g.height)
          << "\" width=\"" << num(g.width) << "\" height=\"" << num(g.height)
          << "\" role=\"img\" aria-label=\"Co-occurrence network\">\n";
      double max_w = 1;
      for (const graph_edge& e : r.graph_edges) max_w = std::max(max_w, e.weight);
      for (const graph_edge& e : r.graph_edges)
        out << "<line class=\"edge\" data-count=\"" << e.weight << "\" x1=\"" << num(g.nodes[e.a].x) << "\" y1=\""
            << num(g.nodes[e.a].y) << "\" x2=\"" << num(g.nodes[e.b].x) << "\" y2=\"" << num(g.nodes[e.b].y)
            << "\" stroke-width=\"" << num(1 + 3 * e.weight / max_w) << "\"/>\n";
      for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const entity& e = r.entities[r.graph_entities[i]];
        out << "<g class=\"node\" data-entity=\"" << id << "-e" << r.graph_entities[i] << "\"><circle class=\"n-"
            << to_string(e.type) << "\" cx=\"" << num(g.nodes[i].x) << "\" cy=\"" << num(g.nodes[i].y) << "\" r=\""
            << num(g.radius) << "\"/><text class=\"letter\" x=\"" << num(g.nodes[i].x) << "\" y=\"" << num(g.nodes[i].y)
            << "\">" << type_letter(e.type) << "</text><text x=\"" << num(g.nodes[i].x) << "\" y=\""
            << num(i % 2 ? g.nodes[i].y - g.radius - 4 : g.nodes[i].y + g.radius + 11) << "\" text-anchor=\"middle\">"
            << esc(e.name) << "</text></g>\n";
      }
      out << "</svg><figcaption>Co-occurrence network: people (P), groups (G) and places (L) named in the same "
             "sentence (line width: number of sentences). The "
          << g.nodes.size()
          << " most-mentioned entities that co-occur with another; force-directed layout (Fruchterman-Reingold, "
             "fixed seed and iteration count).</figcaption></figure>\n";
    } else {
      out << "<p class=\"note\">No two people, groups or places are named in the same sentence.</p>\n";
    }
    // Table: every entity (the first table_entities), with mentions, aliases and evidence.
    out << "<table class=\"entity-table\"><tr><th>name</th><th>type</th><th>mentions</th><th>centrality</th>"
           "<th>aliases</th><th>evidence</th><th>where</th></tr>\n";
    for (std::size_t i = 0; i < r.entities.size() && i < options.table_entities; ++i) {
      const entity& e = r.entities[i];
      out << "<tr id=\"" << id << "-e" << i << "\"><td>" << esc(e.name) << "</td><td>" << to_string(e.type)
          << "</td><td class=\"n\">" << e.mentions.size() << "</td><td class=\"n\">"
          << (i < r.network.centrality.size() ? real(r.network.centrality[i]) : "") << "</td><td>";
      for (std::size_t a = 0; a < e.aliases.size(); ++a) out << (a ? "; " : "") << esc(e.aliases[a]);
      out << "</td><td>";
      for (std::size_t a = 0; a < e.evidence.size(); ++a) out << (a ? "; " : "") << esc(e.evidence[a]);
      out << "</td><td class=\"mentions\">";
      for (std::size_t m = 0; m < e.mentions.size() && m < options.table_mentions; ++m)
        out << (m ? ", " : "") << "s" << e.mentions[m].sentence << " " << esc(e.mentions[m].text);
      if (e.mentions.size() > options.table_mentions)
        out << " … (" << e.mentions.size() - options.table_mentions << " more)";
      out << "</td></tr>\n";
    }
    out << "</table>\n";
    if (r.entities.size() > options.table_entities)
      out << "<p class=\"note\">The first " << options.table_entities << " of " << r.entities.size()
          << " entities are listed (histext-entities lists them all).</p>\n";
    for (const std::string& n : r.network.notes) out << "<p class=\"note\">" << esc(n) << "</p>\n";
    out << "</section>\n";
  }

  void sentences(const report_input& r, const std::string& id) {
    const sentence_summary& s = r.sentences.summary;
    out << "<section class=\"sentences\" id=\"" << id << "-sentences\"><h3>4. Sentences</h3>\n";
    out << "<p>" << s.sentences << " sentences, " << s.words << " words; mean " << real(s.words_per_sentence.mean, 1)
        << ", median " << real(s.words_per_sentence.median, 1) << " words per sentence; " << s.quoted_sentences
        << " quoted sentences.</p>\n";
    // Histogram.
    const auto& bins = s.words_per_sentence.histogram;
    const double bw = 36, base = 190, left = 30;
    const double hw = left + bw * static_cast<double>(bins.size()) + 10;
    out << "<figure><svg class=\"chart histogram\" viewBox=\"0 0 " << num(hw) << " 220\" width=\"" << num(hw)
        << "\" height=\"220\" role=\"img\" aria-label=\"Sentence-length histogram\">\n";
    const bar_scale& hs = r.histogram_scale;
    for (double t = 0; t <= hs.max + 1e-9; t += hs.step)
      out << "<line class=\"axis\" x1=\"" << num(left) << "\" x2=\"" << num(hw) << "\" y1=\""
          << num(base - hs.length(t)) << "\" y2=\"" << num(base - hs.length(t)) << "\"/><text x=\"" << num(left - 4)
          << "\" y=\"" << num(base - hs.length(t) + 4) << "\" text-anchor=\"end\">" << num(t) << "</text>\n";
    for (std::size_t i = 0; i < bins.size(); ++i) {
      const double x = left + bw * static_cast<double>(i);
      const double len = hs.length(static_cast<double>(bins[i].count));
      out << "<rect class=\"bar bin\" data-low=\"" << bins[i].low << "\" data-high=\"" << bins[i].high
          << "\" data-count=\"" << bins[i].count << "\" x=\"" << num(x + 2) << "\" y=\"" << num(base - len)
          << "\" width=\"" << num(bw - 4) << "\" height=\"" << num(len) << "\"/><text x=\"" << num(x + bw / 2)
          << "\" y=\"" << num(base - len - 3) << "\" text-anchor=\"middle\">" << bins[i].count << "</text><text x=\""
          << num(x + bw / 2) << "\" y=\"" << num(base + 14) << "\" text-anchor=\"middle\">" << bins[i].low << "–"
          << bins[i].high - 1 << "</text>\n";
    }
    out << "</svg><figcaption>Words per sentence: sentences in each length range (as <code>histext-sentences "
           "--histogram</code>).</figcaption></figure>\n";
    // Strip of sentence lengths in text order.
    const auto& list = r.sentences.sentences;
    const double sw = 720, sh = r.strip_scale.pixels + 20;
    const double each = list.empty() ? 0 : sw / static_cast<double>(list.size());
    out << "<figure><svg class=\"chart strip\" viewBox=\"0 0 " << num(sw + 40) << ' ' << num(sh) << "\" width=\""
        << num(sw + 40) << "\" height=\"" << num(sh)
        << "\" role=\"img\" aria-label=\"Sentence lengths in text order\">\n";
    out << "<text x=\"0\" y=\"10\">" << num(r.strip_scale.max) << "</text>\n";
    const double sbase = r.strip_scale.pixels + 4;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const double x = 30 + each * static_cast<double>(i);
      const double len = r.strip_scale.length(static_cast<double>(list[i].words));
      out << "<rect class=\"s" << (list[i].quoted ? " q" : "") << "\" x=\"" << num(x) << "\" y=\"" << num(sbase - len)
          << "\" width=\"" << num(std::max(each - (each > 3 ? 1 : 0), 0.3)) << "\" height=\"" << num(len) << "\"/>";
      if (list[i].quoted)
        out << "<rect class=\"qmark\" x=\"" << num(x) << "\" y=\"" << num(sbase + 4) << "\" width=\""
            << num(std::max(each - (each > 3 ? 1 : 0), 0.3)) << "\" height=\"6\"/>";
      out << '\n';
    }
    out << "</svg><figcaption>Sentence lengths (words) in text order; quoted sentences in red with a mark below "
           "the axis.</figcaption></figure>\n";
    // Readability.
    const readability& rd = s.readability;
    out << "<table class=\"readability\"><tr><th>formula</th><th>definition</th><th>value</th></tr>\n";
    auto row = [&](const char* name, const char* def, double v) {
      out << "<tr><td>" << name << "</td><td>" << def << "</td><td class=\"n\">" << real(v, 1) << "</td></tr>\n";
    };
    row("Flesch reading ease", "206.835 − 1.015 ASL − 84.6 ASW", rd.flesch_reading_ease);
    row("Flesch-Kincaid grade", "0.39 ASL + 11.8 ASW − 15.59", rd.flesch_kincaid_grade);
    row("Gunning fog", "0.4 (ASL + 100 polysyllables / words)", rd.gunning_fog);
    row("SMOG", "1.043 √(polysyllables × 30 / sentences) + 3.1291", rd.smog);
    row("Coleman-Liau", "0.0588 L − 0.296 S − 15.8 (L letters, S sentences per 100 words)", rd.coleman_liau);
    row("Automated readability", "4.71 letters / words + 0.5 ASL − 21.43", rd.automated_readability);
    out << "</table>\n<p class=\"inputs\">Inputs: " << s.words << " words, " << s.sentences << " sentences, "
        << s.syllables << " syllables, " << s.polysyllables << " polysyllables (3 or more), " << s.letters
        << " letters. ASL = words / sentences, ASW = syllables / words.</p>\n</section>\n";
  }
};

}  // namespace

void write_report(std::ostream& out, const std::vector<report_input>& inputs, const run_meta& meta,
                  const report_options& options) {
  std::ostringstream body;
  writer w{body, options};
  std::string title = "histext report";
  if (inputs.size() == 1) title += ": " + inputs[0].doc.name();
  body << "<header><h1>" << esc(title) << "</h1>\n<nav><ul>\n";
  for (std::size_t i = 0; i < inputs.size(); ++i)
    body << "<li><a href=\"#f" << i + 1 << "\">" << esc(inputs[i].doc.name()) << "</a></li>\n";
  body << "<li><a href=\"#files\">With several files</a></li><li><a href=\"#provenance\">Provenance</a></li>\n"
          "</ul></nav></header>\n<main>\n";
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string id = "f" + std::to_string(i + 1);
    body << "<section class=\"input\" id=\"" << id << "\"><h2>" << esc(inputs[i].doc.name()) << "</h2>\n";
    w.passage(inputs[i], id);
    w.words(inputs[i], id);
    w.entities(inputs[i], id);
    w.sentences(inputs[i], id);
    body << "</section>\n";
  }
  body << "<section id=\"files\"><h2>5. With several files</h2>\n<p>" << inputs.size()
       << (inputs.size() == 1 ? " file; each file given gets a section of its own above."
                              : " files, a section each above.")
       << " To compare files word by word, see <code>histext-keywords</code>.</p>\n</section>\n";
  body << "<section id=\"provenance\"><h2>6. Provenance</h2>\n<table><tr><th>tool</th><td>" << esc(meta.tool)
       << "</td></tr><tr><th>histext version</th><td>" << esc(version()) << "</td></tr>\n";
  for (const auto& [k, v] : meta.options)
    body << "<tr><th>option " << esc(k) << "</th><td>" << esc(v) << "</td></tr>\n";
  body << "</table>\n<table><tr><th>input</th><th>bytes</th><th>SHA-256</th><th>encoding</th></tr>\n";
  for (const report_input& r : inputs)
    body << "<tr><td>" << esc(r.doc.name()) << "</td><td class=\"n\">" << r.doc.info().size << "</td><td><code>"
         << esc(r.doc.info().sha256) << "</code></td><td>" << esc(r.doc.info().encoding) << "</td></tr>\n";
  body << "</table>\n</section>\n</main>\n<aside id=\"entity-panel\" hidden></aside>\n";

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " << csp_hash(style_text)
      << "; script-src " << csp_hash(script_text) << "; img-src data:\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<link rel=\"icon\" href=\"data:,\">\n<title>" << esc(title) << "</title>\n<style>" << style_text
      << "</style>\n</head>\n<body>\n"
      << body.str() << "<script>" << script_text << "</script>\n</body>\n</html>\n";
}

}  // namespace histext
