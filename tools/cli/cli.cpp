#include "cli.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "histext/error.hpp"

namespace histext::cli {

void add_common(CLI::App& app, common_options& o, const std::vector<std::string>& formats, bool with_all) {
  app.add_option("files", o.inputs, "input files (UTF-8 unless --encoding); none or - reads stdin");
  std::string list;
  for (const auto& f : formats) list += (list.empty() ? "" : "|") + f;
  app.add_option("-f,--format", o.format, "output format: " + list)
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  app.add_option("-o,--output", o.output, "write to FILE (atomically: a temporary file renamed when done)");
  app.add_option("--encoding", o.encoding,
                 "input charset: an ICU name (windows-1252, ISO-8859-1, UTF-16, KOI8-R...) or auto (the choice is said on stderr)");
  app.add_flag("--dehyphenate", o.dehyphenate,
               "join words hyphenated at a line end (\"revolu-\" + \"tionary\") when the joined word is known");
  if (with_all) app.add_flag("--all", o.all, "include the heading and the attribution, not only the body");
  app.set_version_flag("--version", std::string("histext ") + HISTEXT_VERSION);
}

segment_options segment_opts(const common_options& o, segment_options base) {
  base.dehyphenate = base.dehyphenate || o.dehyphenate;
  return base;
}

void set_example(CLI::App& app, const std::string& example) { app.footer("\nExample:\n  " + example); }

int parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return -1;
}

bool stdout_is_terminal() { return ::isatty(1) && !std::getenv("NO_COLOR"); }
bool stderr_is_terminal() { return ::isatty(2); }

void report(const std::string& tool, const std::string& message) { std::cerr << tool << ": " << message << '\n'; }

run_meta make_meta(const std::string& tool, std::vector<input_info> inputs,
                   std::vector<std::pair<std::string, std::string>> options) {
  return run_meta{tool, std::move(inputs), std::move(options)};
}

namespace {

std::vector<std::string> input_names(const common_options& o) {
  return o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
}

// Where results go: stdout, or a temporary file beside -o renamed at the end.
class sink {
 public:
  explicit sink(const common_options& o) {
    if (o.output.empty()) return;
    namespace fs = std::filesystem;
    for (const auto& in : input_names(o)) {
      std::error_code ec;
      if (in != "-" && fs::exists(o.output, ec) && fs::equivalent(in, o.output, ec))
        throw error(o.output + ": refusing to write over an input file");
    }
    file_ = std::make_unique<atomic_file>(o.output);
  }
  std::ostream& stream() { return file_ ? file_->stream() : std::cout; }
  void commit() {
    if (file_) file_->commit();
    else std::cout.flush();
  }

 private:
  std::unique_ptr<atomic_file> file_;
};

load_options load_opts(const common_options& o) { return load_options{o.encoding}; }

}  // namespace

// Loads one input; with --encoding auto, says on stderr which charset was chosen.
document load_input(const std::string& tool, const std::string& name, const common_options& o) {
  document doc = document::from_file(name, load_opts(o));
  std::string label = o.encoding;
  for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (label == "auto") report(tool, name + ": detected encoding " + doc.info().encoding);
  return doc;
}

int for_each_input(const std::string& tool, const common_options& o,
                   const std::function<void(const document&, std::ostream&)>& each) {
  bool failed = false, any_ok = false;
  try {
    sink out(o);
    for (const std::string& name : input_names(o)) {
      try {
        document doc = load_input(tool, name, o);
        std::ostringstream buffer;
        each(doc, buffer);
        out.stream() << buffer.str();
        any_ok = true;
      } catch (const std::exception& e) {
        report(tool, e.what());
        failed = true;
      }
    }
    if (any_ok) out.commit();
  } catch (const std::exception& e) {
    report(tool, e.what());
    return 1;
  }
  return failed ? 1 : 0;
}

int with_all_inputs(const std::string& tool, const common_options& o,
                    const std::function<void(const std::vector<document>&, std::ostream&)>& all) {
  bool failed = false;
  try {
    sink out(o);
    std::vector<document> docs;
    for (const std::string& name : input_names(o)) {
      try {
        docs.push_back(load_input(tool, name, o));
      } catch (const std::exception& e) {
        report(tool, e.what());
        failed = true;
      }
    }
    if (!docs.empty()) {
      std::ostringstream buffer;
      all(docs, buffer);
      out.stream() << buffer.str();
      out.commit();
    }
  } catch (const std::exception& e) {
    report(tool, e.what());
    return 1;
  }
  return failed ? 1 : 0;
}

}  // namespace histext::cli

namespace histext::cli {

std::function<void(std::size_t, std::size_t)> progress_reporter(const std::string& tool, const std::string& name,
                                                                std::size_t bytes) {
  if (!stderr_is_terminal() || bytes < (4u << 20)) return {};
  return [tool, name, last = -1](std::size_t done, std::size_t total) mutable {
    int percent = total ? static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)) : 100;
    if (percent == last) return;
    last = percent;
    std::cerr << '\r' << tool << ": " << name << ' ' << percent << '%' << (percent >= 100 ? "\r\x1b[K" : "")
              << std::flush;
  };
}

}  // namespace histext::cli
