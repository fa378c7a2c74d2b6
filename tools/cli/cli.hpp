#pragma once
// Command-line plumbing shared by every histext-<name> tool: common flags, the input loop,
// error reporting and exit codes (0 ok, 1 some input failed, 2 usage). No analysis here.
#include <CLI/CLI.hpp>
#include <functional>
#include <istream>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "histext/document.hpp"
#include "histext/frequency.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"

namespace histext::cli {

/// Flags every tool shares.
struct common_options {
  std::vector<std::string> inputs;  ///< files or directories (their *.txt files); empty or "-" means stdin
  std::string format = "table";
  std::string output;        ///< -o FILE; empty or "-" means stdout
  std::string encoding;      ///< --encoding LABEL|auto
  bool all = false;          ///< --all: include heading and attribution
  bool dehyphenate = false;  ///< --dehyphenate: join words hyphenated at line ends
};

/// Registers FILE..., --format (one of `formats`), -o, --encoding, --dehyphenate and, if `with_all`, --all.
void add_common(CLI::App& app, common_options& o, const std::vector<std::string>& formats, bool with_all = true);

/// `base` with the common flags that change segmentation applied (--dehyphenate); tools pass the
/// result to their segmenter.
segment_options segment_opts(const common_options& o, segment_options base = {});

/// Sets the --help footer: "Example:" and the given command lines.
void set_example(CLI::App& app, const std::string& example);

/// Parses `text` as a whole decimal integer in [lo, hi]; throws CLI::ValidationError naming
/// `option` and the valid range otherwise.
long long parse_bounded(const std::string& option, const std::string& text, long long lo, long long hi);

/// Registers an integer option (`names` as for CLI11, e.g. "-c,--context") whose value must lie in
/// [lo, hi]: anything else (a negative number, a huge one, text) is a usage error (exit 2) whose
/// message gives the range. The help shows the range and `value`'s current value as the default.
template <class T>
CLI::Option* add_bounded(CLI::App& app, const std::string& names, T& value, long long lo, long long hi,
                         const std::string& description) {
  const std::string shown = names.substr(names.rfind(',') + 1);
  CLI::Option* opt = app.add_option_function<std::string>(
      names, [&value, shown, lo, hi](const std::string& s) { value = static_cast<T>(parse_bounded(shown, s, lo, hi)); },
      description + " (" + std::to_string(lo) + " to " + std::to_string(hi) + ")");
  opt->type_name("INT");
  opt->default_str(std::to_string(value));
  return opt;
}

/// The option of `app` nearest to `typed` (edit distance over every long and short name), or ""
/// when none is close enough to be a plausible typo.
std::string nearest_option(const CLI::App& app, const std::string& typed);

/// Parses argv; returns -1 to go on, or the exit code to return now (0 after --help or
/// --version, 2 on a usage error). Usage errors are one line on stderr, "<tool>: <message>",
/// with the nearest option suggested for an unknown one; <tool> is argv[0]'s file name.
int parse(CLI::App& app, int argc, char** argv);

/// True when stdout (fd 1) / stderr (fd 2) is a terminal and colour is allowed (NO_COLOR unset).
bool stdout_is_terminal();
bool stderr_is_terminal();

/// Prints "<tool>: <message>" on stderr.
void report(const std::string& tool, const std::string& message);

/// Every option of a parsed `app` as it describes itself, for the JSON meta: the long name with
/// '-' made '_' (a positional's own name) -> the value as given (several joined with ','; a flag
/// "true"), else its default ("false" for a flag). Leaves out --help, --version, -o, the input
/// files and any name in `exclude` (options that must not change the output, e.g. threads).
std::vector<std::pair<std::string, std::string>> options_of(const CLI::App& app,
                                                            const std::set<std::string>& exclude = {});

/// The meta block for one or more inputs plus the options in effect.
run_meta make_meta(const std::string& tool, std::vector<input_info> inputs,
                   std::vector<std::pair<std::string, std::string>> options);

/// The meta block with options_of(app), then `extra` (added, or replacing an option of that name).
run_meta make_meta(const std::string& tool, std::vector<input_info> inputs, const CLI::App& app,
                   const std::vector<std::pair<std::string, std::string>>& extra = {},
                   const std::set<std::string>& exclude = {});

/// Loads one input (stdin for "-"); with --encoding auto, says on stderr which charset was chosen.
document load_input(const std::string& tool, const std::string& name, const common_options& o);

/// Opens one input as a stream for analyses that read piece by piece (stdin for "-"), with
/// load_input's checks: a missing or unreadable file or a directory throws histext::error now;
/// a read error (stdin a directory or closed) throws histext::error "<name>: read error: <why>"
/// from the read that meets it.
std::unique_ptr<std::istream> open_input(const std::string& name);

/// Where results go: stdout, or -o FILE. Construction refuses (histext::error) an -o that is an
/// input (by device and inode, stdin's file included) and, for a regular file, creates the
/// temporary file beside it (removed on SIGINT, SIGTERM or SIGHUP). write() and commit() throw
/// histext::error "write error: <why>" ("<FILE>: write error: <why>" for -o). Without commit()
/// the temporary file is removed and an existing FILE is untouched. See docs/cli.md.
class output {
 public:
  output(const common_options& o);
  ~output();
  output(const output&) = delete;
  output& operator=(const output&) = delete;
  /// Writes bytes now (stdout, a device or a FIFO) or to the temporary file.
  void write(std::string_view bytes);
  /// Closes and, for a regular file, renames the temporary file into place.
  void commit();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// The files one input name stands for: a directory's *.txt files, recursively, sorted by path in
/// byte order; any other name (a file, "-") itself. Throws histext::error "<dir>: no .txt file in
/// this directory" for a directory without one, or naming the directory when it cannot be read.
std::vector<std::string> expand_input(const std::string& name);

/// Streams each of `names` into `counter` (through load_input with --encoding, else open_input);
/// a failed input is reported ("<tool>: <message>"), sets `failed` and is skipped. Returns the
/// infos of the inputs counted, in order.
std::vector<input_info> count_inputs(const std::string& tool, frequency_counter& counter,
                                     const std::vector<std::string>& names, const common_options& o, bool& failed);

/// Every input of the command line (stdin for none), directories expanded; a name that cannot be
/// expanded is reported ("<tool>: <message>") and sets `failed`.
std::vector<std::string> expand_inputs(const std::string& tool, const common_options& o, bool& failed);

/// How the table format sets the files of a several-input run apart.
enum class table_heading {
  own,     ///< the tool's writer names the file itself (histext-tokens, histext-sentences)
  line,    ///< a line with the file name before each file's output
  prefix,  ///< every line starts with the file name, padded to the longest (histext-kwic)
};

/// What for_each_input does with several inputs (docs/corpus.md). One input is written exactly
/// as the tool writes it alone.
struct corpus_options {
  histext::format format = histext::format::table;
  table_heading heading = table_heading::line;
  /// The meta block of the one JSON document, given every input that loaded.
  std::function<run_meta(std::vector<input_info>)> meta;
  /// JSON: members written after "files" (name, serialised value), e.g. a corpus summary.
  std::function<std::vector<std::pair<std::string, std::string>>()> json_members;
  /// Other formats: written after the last file (no file column or prefix is added to it).
  std::function<void(std::ostream&)> finish;
};

/// Runs `each` over every input (directories expanded; stdin for none or "-") and writes what it
/// writes to stdout or -o, as it goes. A first pass loads every input (UTF-8, binary and encoding
/// checks, size and SHA-256), reporting failures one line each; those inputs are left out and the
/// rest still run. Then each input is loaded again (stdin is kept from the first pass) and `each`
/// writes straight to the destination, so no whole output is held in memory. With several inputs
/// the output is one table (TSV/CSV: a first column "file" and one header), one JSON document
/// {"meta", "files": [{"file", ...}]}, or per-file sections in the table format (`corpus`).
/// An input that fails after its check (changed on disk, an analysis error) ends the run: what
/// was written to stdout stays, an -o file is not replaced. -o writes a temporary file renamed into
/// place at the end, never an input file. Returns the exit code: 0, or 1 if any input failed or
/// the output could not be written.
int for_each_input(const std::string& tool, const common_options& o, const corpus_options& corpus,
                   const std::function<void(const document&, std::ostream&)>& each);

/// for_each_input with corpus_options{parse_format(o.format)} and a meta block naming only the tool.
int for_each_input(const std::string& tool, const common_options& o,
                   const std::function<void(const document&, std::ostream&)>& each);

/// Loads every input first (for tools that pool or compare them; directories expanded),
/// reporting failures. Then `all` writes the combined result.
int with_all_inputs(const std::string& tool, const common_options& o,
                    const std::function<void(const std::vector<document>&, std::ostream&)>& all);

}  // namespace histext::cli

namespace histext::cli {

/// A progress reporter for inputs of `bytes`: prints "<tool>: <name> NN%" on stderr, in place, when
/// stderr is a terminal and the input is large (over 4 MB); otherwise does nothing.
std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& tool, const std::string& name,
                                                                std::size_t bytes);

}  // namespace histext::cli
