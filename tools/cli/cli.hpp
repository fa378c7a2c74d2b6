#pragma once
// Command-line plumbing shared by every histext-<name> tool: common flags, the input loop,
// error reporting and exit codes (0 ok, 1 some input failed, 2 usage). No analysis here.
#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "histext/document.hpp"
#include "histext/output.hpp"
#include "histext/segment.hpp"

namespace histext::cli {

/// Flags every tool shares.
struct common_options {
  std::vector<std::string> inputs;  ///< files; empty or "-" means stdin
  std::string format = "table";
  std::string output;               ///< -o FILE; empty means stdout
  std::string encoding;             ///< --encoding LABEL|auto
  bool all = false;                 ///< --all: include heading and attribution
  bool dehyphenate = false;         ///< --dehyphenate: join words hyphenated at line ends
};

/// Registers FILE..., --format (one of `formats`), -o, --encoding, --dehyphenate and, if `with_all`, --all.
void add_common(CLI::App& app, common_options& o, const std::vector<std::string>& formats, bool with_all = true);

/// `base` with the common flags that change segmentation applied (--dehyphenate); tools pass the
/// result to their segmenter.
segment_options segment_opts(const common_options& o, segment_options base = {});

/// Sets the --help footer: "Example:" and the given command lines.
void set_example(CLI::App& app, const std::string& example);

/// Parses argv; returns -1 to go on, or the exit code to return now (0 after --help, 2 on a usage error).
int parse(CLI::App& app, int argc, char** argv);

/// True when stdout (fd 1) / stderr (fd 2) is a terminal and colour is allowed (NO_COLOR unset).
bool stdout_is_terminal();
bool stderr_is_terminal();

/// Prints "<tool>: <message>" on stderr.
void report(const std::string& tool, const std::string& message);

/// The meta block for one or more inputs plus the options in effect.
run_meta make_meta(const std::string& tool, std::vector<input_info> inputs,
                   std::vector<std::pair<std::string, std::string>> options);

/// Loads one input (stdin for "-"); with --encoding auto, says on stderr which charset was chosen.
document load_input(const std::string& tool, const std::string& name, const common_options& o);

/// Loads each input (stdin for none or "-") and calls `each` with it and a buffer; a buffer is
/// written to stdout or -o only when its input succeeded. Errors are reported one line each and
/// the other inputs still run. -o writes a temporary file renamed into place at the end, never an
/// input file. Returns the exit code: 0, or 1 if any input failed.
int for_each_input(const std::string& tool, const common_options& o,
                   const std::function<void(const document&, std::ostream&)>& each);

/// Loads every input first (for tools that pool or compare them), reporting failures; `failed`
/// is set when any input failed. Then `all` writes the combined result.
int with_all_inputs(const std::string& tool, const common_options& o,
                    const std::function<void(const std::vector<document>&, std::ostream&)>& all);

}  // namespace histext::cli

namespace histext::cli {

/// A progress reporter for inputs of `bytes`: prints "<tool>: <name> NN%" on stderr, in place, when
/// stderr is a terminal and the input is large (over 4 MB); otherwise does nothing.
std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& tool, const std::string& name,
                                                                std::size_t bytes);

}  // namespace histext::cli
