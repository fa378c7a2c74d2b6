#include "cli.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <cstring>
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
  app.add_option("-o,--output", o.output,
                 "write to FILE (a regular file atomically: a temporary file renamed when done; - is stdout)");
  app.add_option("--encoding", o.encoding,
                 "input charset: an ICU name (windows-1252, ISO-8859-1, UTF-16, KOI8-R...) or auto (the choice is said "
                 "on stderr)");
  app.add_flag("--dehyphenate", o.dehyphenate,
               "join words hyphenated at a line end (\"revolu-\" + \"tionary\") when the joined word is known, "
               "and names whose hyphen OCR lost (\"Washing\" + \"ton\")");
  if (with_all) app.add_flag("--all", o.all, "include the heading and the attribution, not only the body");
  app.set_version_flag("--version", std::string("histext ") + HISTEXT_VERSION);
}

segment_options segment_opts(const common_options& o, segment_options base) {
  base.dehyphenate = base.dehyphenate || o.dehyphenate;
  return base;
}

void set_example(CLI::App& app, const std::string& example) { app.footer("\nExample:\n  " + example); }

long long parse_bounded(const std::string& option, const std::string& text, long long lo, long long hi) {
  long long v = 0;
  const char* first = text.data();
  const char* last = first + text.size();
  if (first != last && *first == '+') ++first;  // from_chars takes no '+'
  auto [end, ec] = std::from_chars(first, last, v);
  if (first == last || ec != std::errc() || end != last || v < lo || v > hi)
    throw CLI::ValidationError(
        option, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not '" + text + "'");
  return v;
}

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string tool_name(const char* argv0) {
  return argv0 ? std::filesystem::path(argv0).filename().string() : std::string("histext");
}

// "--colocations" in "The following argument was not expected: --colocations" (CLI11's ExtrasError).
std::vector<std::string> unexpected_options(const std::string& message) {
  std::vector<std::string> out;
  auto colon = message.find(": ");
  std::istringstream words(colon == std::string::npos ? "" : message.substr(colon + 2));
  std::string w;
  while (words >> w)
    if (w.size() > 1 && w[0] == '-') out.push_back(w.substr(0, w.find('=')));
  return out;
}

}  // namespace

std::string nearest_option(const CLI::App& app, const std::string& typed) {
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const CLI::Option* opt : app.get_options()) {
    std::vector<std::string> names;
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) names.push_back("-" + s);
    for (const auto& n : names) {
      std::size_t d = edit_distance(typed, n);
      if (d < best_distance) best_distance = d, best = n;
    }
  }
  // A typo, not another word: at most a third of the letters typed (and at least one) differ.
  std::size_t allowed = std::max<std::size_t>(1, typed.size() / 3);
  return best_distance <= allowed ? best : std::string();
}

int parse(CLI::App& app, int argc, char** argv) {
  const std::string tool = tool_name(argc > 0 ? argv[0] : nullptr);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::string message = e.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
      std::vector<std::string> unknown = unexpected_options(message);
      if (!unknown.empty()) {
        message = "unknown option " + unknown.front();
        if (std::string near = nearest_option(app, unknown.front()); !near.empty())
          message += "; did you mean " + near + "?";
        else
          message += " (see --help)";
      }
    }
    report(tool, message);
    return 2;
  }
  return -1;
}

bool stdout_is_terminal() { return ::isatty(1) && !std::getenv("NO_COLOR"); }
bool stderr_is_terminal() { return ::isatty(2); }

void report(const std::string& tool, const std::string& message) { std::cerr << tool << ": " << message << '\n'; }

std::vector<std::pair<std::string, std::string>> options_of(const CLI::App& app, const std::set<std::string>& exclude) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const CLI::Option* opt : app.get_options()) {
    std::string name = opt->get_lnames().empty() ? opt->get_name() : opt->get_lnames().front();
    std::replace(name.begin(), name.end(), '-', '_');
    if (name.empty() || name == "help" || name == "version" || name == "output" || name == "files" ||
        exclude.count(name))
      continue;
    const bool flag = opt->get_expected_max() == 0 || opt->get_type_size_max() == 0;
    std::string value;
    if (opt->count() > 0) {
      if (flag) {
        value = opt->as<bool>() ? "true" : "false";
      } else {
        for (const std::string& r : opt->results()) value += (value.empty() ? "" : ",") + r;
      }
    } else {
      value = flag ? "false" : opt->get_default_str();
    }
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

namespace {
// The input whose output for_each_input is writing as one element of a corpus JSON document's
// "files": make_meta marks the meta it builds, so every writer opens that element with "file".
const std::string* corpus_file_in_progress = nullptr;
}  // namespace

run_meta make_meta(const std::string& tool, std::vector<input_info> inputs,
                   std::vector<std::pair<std::string, std::string>> options) {
  run_meta meta{tool, std::move(inputs), std::move(options), std::nullopt};
  if (corpus_file_in_progress) meta.file = *corpus_file_in_progress;
  return meta;
}

run_meta make_meta(const std::string& tool, std::vector<input_info> inputs, const CLI::App& app,
                   const std::vector<std::pair<std::string, std::string>>& extra,
                   const std::set<std::string>& exclude) {
  auto options = options_of(app, exclude);
  // Every output says which blocks it covers: "body" (body paragraphs) unless --all, or "all"
  // for a tool without --all (histext-tokens lists every block). A tool may say otherwise in
  // `extra` (histext-entities covers every block unless --body).
  const CLI::Option* all = nullptr;
  for (const CLI::Option* opt : app.get_options())
    if (opt->check_lname("all")) all = opt;
  options.emplace_back("scope", !all || all->count() > 0 ? "all" : "body");
  for (const auto& option : extra) {  // (no structured binding: clang-14 cannot capture one)
    auto it = std::find_if(options.begin(), options.end(), [&](const auto& kv) { return kv.first == option.first; });
    if (it != options.end())
      it->second = option.second;
    else
      options.push_back(option);
  }
  return make_meta(tool, std::move(inputs), std::move(options));
}

// ---------------------------------------------------------------------------------------------
// Input

namespace {

std::vector<std::string> input_names(const common_options& o) {
  return o.inputs.empty() ? std::vector<std::string>{"-"} : o.inputs;
}

// Every input name with the directories expanded, for the -o check (errors are reported later).
std::vector<std::string> expanded_names(const common_options& o) {
  std::vector<std::string> out;
  for (const std::string& name : input_names(o)) {
    try {
      for (std::string& f : expand_input(name)) out.push_back(std::move(f));
    } catch (const std::exception&) {
      out.push_back(name);
    }
  }
  return out;
}

load_options load_opts(const common_options& o) {
  // Only outputs with a `meta` block (JSON, the HTML report) show an input's SHA-256.
  const bool meta = o.format != "table" && o.format != "tsv" && o.format != "csv";
  return load_options{o.encoding, meta};
}

// An input stream over a file descriptor whose read errors throw histext::error with the reason
// (std::filebuf and std::cin only set badbit, and the reason is lost).
class fd_buf : public std::streambuf {
 public:
  fd_buf(int fd, std::string name, bool owned) : fd_(fd), name_(std::move(name)), owned_(owned) {}
  ~fd_buf() override {
    if (owned_) ::close(fd_);
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    ssize_t n;
    do n = ::read(fd_, buf_, sizeof buf_);
    while (n < 0 && errno == EINTR);
    if (n < 0) throw error(name_ + ": read error: " + std::strerror(errno));
    if (n == 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  int fd_;
  std::string name_;
  bool owned_;
  char buf_[1 << 16];
};

class fd_stream : public std::istream {
 public:
  fd_stream(int fd, std::string name, bool owned) : std::istream(nullptr), buf_(fd, std::move(name), owned) {
    rdbuf(&buf_);
    exceptions(std::ios::badbit);  // rethrows fd_buf's histext::error instead of swallowing it
  }

 private:
  fd_buf buf_;
};

}  // namespace

document load_input(const std::string& tool, const std::string& name, const common_options& o) {
  document doc = document::from_file(name, load_opts(o));
  std::string label = o.encoding;
  for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (label == "auto") report(tool, name + ": detected encoding " + doc.info().encoding);
  return doc;
}

std::unique_ptr<std::istream> open_input(const std::string& name) {
  if (name == "-") return std::make_unique<fd_stream>(0, "-", false);
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw error(name + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw error(name + ": is a directory");
  }
  return std::make_unique<fd_stream>(fd, name, true);
}

std::vector<std::string> expand_input(const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (name == "-" || !fs::is_directory(name, ec)) return {name};
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(name, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (it->path().extension() == ".txt" && it->is_regular_file(file_ec)) files.push_back(it->path().string());
  }
  if (ec) throw error(name + ": " + ec.message());
  if (files.empty()) throw error(name + ": no .txt file in this directory");
  std::sort(files.begin(), files.end());  // std::string compares bytes as unsigned char: byte order
  return files;
}

std::vector<input_info> count_inputs(const std::string& tool, frequency_counter& counter,
                                     const std::vector<std::string>& names, const common_options& o, bool& failed) {
  std::vector<input_info> infos;
  for (const std::string& name : names) {
    try {
      if (!o.encoding.empty()) {
        document doc = load_input(tool, name, o);
        counter.add_document(doc);
        infos.push_back(doc.info());
      } else {
        infos.push_back(counter.add_stream(*open_input(name), name));
      }
    } catch (const std::exception& e) {
      report(tool, e.what());
      failed = true;
    }
  }
  return infos;
}

std::vector<std::string> expand_inputs(const std::string& tool, const common_options& o, bool& failed) {
  std::vector<std::string> out;
  for (const std::string& name : input_names(o)) {
    try {
      for (std::string& f : expand_input(name)) out.push_back(std::move(f));
    } catch (const std::exception& e) {
      report(tool, e.what());
      failed = true;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Output

namespace {

// The temporary file of the -o in progress, for the signal handler: a fixed buffer, since the
// handler may call only async-signal-safe functions (unlink, signal, raise).
char pending_temp[PATH_MAX + 32];
volatile sig_atomic_t have_pending_temp = 0;

extern "C" void remove_temp_and_reraise(int sig) {
  if (have_pending_temp) ::unlink(pending_temp);
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered when the handler returns: the exit status is the signal's
}

const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

void install_cleanup_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int sig : cleanup_signals) {
    struct sigaction old {};
    ::sigaction(sig, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: stay ignored
    struct sigaction sa {};
    sa.sa_handler = remove_temp_and_reraise;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

// Blocks the cleanup signals while the temporary file's name changes hands.
class signal_block {
 public:
  signal_block() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : cleanup_signals) sigaddset(&set, sig);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
  }
  ~signal_block() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }

 private:
  sigset_t old_;
};

void write_all(int fd, std::string_view bytes, const std::string& what) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw error(what + "write error: " + std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Follows a chain of symbolic links to the path it ends at (which may not exist yet).
std::string final_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
    std::error_code ec;
    fs::path next = fs::read_symlink(p, ec);
    if (ec) return p.string();
    p = next.is_absolute() ? next : p.parent_path() / next;
  }
  throw error(path + ": too many levels of symbolic links");
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

}  // namespace

struct output::impl {
  enum class kind { stdout_fd, direct, atomic } how = kind::stdout_fd;
  std::string path;    // as given
  std::string target;  // after symbolic links
  std::string label;   // "" for stdout, "<path>: " for -o
  int fd = 1;
  bool done = false;
};

output::output(const common_options& o) : impl_(std::make_unique<impl>()) {
  impl& m = *impl_;
  const std::string& path = o.output;
  if (path.empty() || path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1")
    return;  // stdout itself: writing through a new open would truncate a file the shell opened for >>
  m.path = path;
  m.label = path + ": ";
  m.target = final_target(path);
  struct stat st {};
  const bool exists = ::stat(m.target.c_str(), &st) == 0;
  if (exists) {
    if (S_ISDIR(st.st_mode)) throw error(path + ": is a directory");
    // Never an input, compared by device and inode (so through any link or path spelling);
    // a character device (/dev/null) can be both without harm.
    if (!S_ISCHR(st.st_mode)) {
      for (const std::string& in : expanded_names(o)) {
        struct stat si {};
        bool got = in == "-" ? ::fstat(0, &si) == 0 : ::stat(in.c_str(), &si) == 0;
        if (got && same_file(si, st)) throw error(path + ": refusing to write over an input file");
      }
    }
  }
  if (exists && !S_ISREG(st.st_mode)) {  // a device, a FIFO, a socket: write straight into it
    m.how = impl::kind::direct;
    do m.fd = ::open(m.target.c_str(), O_WRONLY | O_CLOEXEC);
    while (m.fd < 0 && errno == EINTR);
    if (m.fd < 0) throw error(path + ": " + std::strerror(errno));
    return;
  }
  // A regular file, or none yet: a temporary file beside the target, renamed over it at the end
  // (a symbolic link keeps pointing at the new file; a hard link to the old one is broken).
  namespace fs = std::filesystem;
  fs::path t(m.target);
  std::string dir = t.has_parent_path() ? t.parent_path().string() : ".";
  std::string templ = dir + "/." + t.filename().string() + ".tmp-XXXXXX";
  if (templ.size() >= sizeof pending_temp) throw error(path + ": path too long");
  install_cleanup_handlers();
  {
    signal_block block;
    std::memcpy(pending_temp, templ.c_str(), templ.size() + 1);
    m.fd = ::mkstemp(pending_temp);
    if (m.fd < 0) {
      int e = errno;
      throw error(path + ": cannot create a temporary file: " + std::strerror(e));
    }
    have_pending_temp = 1;
  }
  ::fcntl(m.fd, F_SETFD, FD_CLOEXEC);
  m.how = impl::kind::atomic;
  if (exists) {  // keep the file's permissions (and, for root, its owner)
    ::fchmod(m.fd, st.st_mode & 07777);
    if (::geteuid() == 0 && ::fchown(m.fd, st.st_uid, st.st_gid) != 0) {
    }
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(m.fd, 0644 & ~mask);
  }
}

output::~output() {
  impl& m = *impl_;
  if (m.how == impl::kind::stdout_fd || m.done) return;
  ::close(m.fd);
  if (m.how == impl::kind::atomic) {
    signal_block block;
    ::unlink(pending_temp);
    have_pending_temp = 0;
  }
}

void output::write(std::string_view bytes) { write_all(impl_->fd, bytes, impl_->label); }

void output::commit() {
  impl& m = *impl_;
  if (m.done) return;
  if (m.how == impl::kind::stdout_fd) {
    // Anything that went through std::cout or stdio (nothing should) is flushed and checked too.
    std::cout.flush();
    if (!std::cout || std::fflush(stdout) != 0) throw error(std::string("write error: ") + std::strerror(errno));
    m.done = true;
    return;
  }
  int rc = ::close(m.fd);
  if (rc != 0) {
    int e = errno;
    if (m.how == impl::kind::atomic) {
      signal_block block;
      ::unlink(pending_temp);
      have_pending_temp = 0;
    }
    m.done = true;
    throw error(m.label + "write error: " + std::strerror(e));
  }
  m.done = true;
  if (m.how == impl::kind::atomic) {
    signal_block block;
    if (std::rename(pending_temp, m.target.c_str()) != 0) {
      int e = errno;
      ::unlink(pending_temp);
      have_pending_temp = 0;
      throw error(m.path + ": cannot rename into place: " + std::strerror(e));
    }
    have_pending_temp = 0;
  }
}

namespace {

// An output stream's buffer that hands full 64 KiB chunks (and the rest on sync) to output::write.
class output_buf : public std::streambuf {
 public:
  explicit output_buf(output& out) : out_(out) { setp(buf_, buf_ + sizeof buf_); }

 protected:
  int_type overflow(int_type c) override {
    drain();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n <= epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<std::size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    drain();
    if (n < static_cast<std::streamsize>(sizeof buf_)) return xsputn(s, n);
    out_.write(std::string_view(s, static_cast<std::size_t>(n)));
    return n;
  }
  int sync() override {
    drain();
    return 0;
  }

 private:
  void drain() {
    if (pptr() > pbase()) out_.write(std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())));
    setp(buf_, buf_ + sizeof buf_);
  }
  output& out_;
  char buf_[1 << 16];
};

// Puts a prefix before every record (line) going through it: TSV/CSV rows get the file column
// (the first record, the header, gets "file" and is dropped for every file after the first), table
// lines get the file name. CSV records end at a line end outside quotes (a quoted cell may hold one).
class record_prefix_buf : public std::streambuf {
 public:
  record_prefix_buf(std::streambuf* down, std::string header_prefix, std::string prefix, bool drop_header, bool csv)
      : down_(down),
        header_prefix_(std::move(header_prefix)),
        prefix_(std::move(prefix)),
        drop_header_(drop_header),
        csv_(csv) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    put(&ch, 1);
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    put(s, static_cast<std::size_t>(n));
    return n;
  }
  int sync() override { return down_->pubsync(); }

 private:
  void put(const char* s, std::size_t n) {
    chunk_.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const char c = s[i];
      if (at_start_) {
        at_start_ = false;
        dropping_ = first_record_ && drop_header_;
        if (!dropping_) chunk_ += first_record_ ? header_prefix_ : prefix_;
      }
      if (!dropping_) chunk_ += c;
      if (csv_ && c == '"') in_quotes_ = !in_quotes_;  // a doubled quote toggles twice
      if (c == '\n' && !in_quotes_) at_start_ = true, first_record_ = false, dropping_ = false;
    }
    if (!chunk_.empty() && down_->sputn(chunk_.data(), static_cast<std::streamsize>(chunk_.size())) !=
                               static_cast<std::streamsize>(chunk_.size()))
      throw error("write error");
  }
  std::streambuf* down_;
  std::string header_prefix_, prefix_, chunk_;
  bool drop_header_, csv_;
  bool at_start_ = true, first_record_ = true, dropping_ = false, in_quotes_ = false;
};

struct checked_input {
  std::string name;
  input_info info;
  std::optional<document> doc;  // kept from the check pass for stdin and a lone input
};

}  // namespace

int for_each_input(const std::string& tool, const common_options& o, const corpus_options& corpus,
                   const std::function<void(const document&, std::ostream&)>& each) {
  bool failed = false;
  try {
    output out(o);
    const std::vector<std::string> names = expand_inputs(tool, o, failed);
    // Check pass: every failure that can be found before writing is found here.
    std::vector<checked_input> inputs;
    for (const std::string& name : names) {
      try {
        document doc = load_input(tool, name, o);
        checked_input in{name, doc.info(), std::nullopt};
        if (name == "-" || names.size() == 1) in.doc = std::move(doc);
        inputs.push_back(std::move(in));
      } catch (const std::exception& e) {
        report(tool, e.what());
        failed = true;
      }
    }
    if (inputs.empty()) return 1;
    // Several files were named (directories count their files): the corpus shapes, even when
    // only one of them loaded, so that the shape never depends on which files were good.
    const bool several = names.size() > 1;
    const format f = corpus.format;
    const bool delimited = f == format::tsv || f == format::csv;
    std::size_t name_width = 0;
    for (const checked_input& in : inputs) name_width = std::max(name_width, display_width(in.name));

    output_buf buf(out);
    std::ostream stream(&buf);
    stream.exceptions(std::ios::badbit);  // a write error (thrown by output::write) ends the run
    if (several && f == format::json) {
      std::vector<input_info> infos;
      for (const checked_input& in : inputs) infos.push_back(in.info);
      open_corpus_json(stream, corpus.meta ? corpus.meta(infos) : run_meta{tool, infos, {}, std::nullopt});
    }
    bool first = true;
    for (checked_input& in : inputs) {
      try {
        document doc = in.doc ? std::move(*in.doc) : document::from_file(in.name, load_opts(o));
        in.doc.reset();
        if (!several) {
          each(doc, stream);
        } else if (f == format::json) {
          if (!first) stream << ',';
          corpus_file_in_progress = &in.name;
          each(doc, stream);
          corpus_file_in_progress = nullptr;
        } else if (delimited || (f == format::table && corpus.heading == table_heading::prefix)) {
          std::string prefix, header;
          if (delimited) {
            prefix = delimited_cell(in.name, f) + (f == format::csv ? "," : "\t");
            header = std::string("file") + (f == format::csv ? "," : "\t");
          } else {
            prefix = header = in.name + std::string(name_width - display_width(in.name), ' ') + "  ";
          }
          record_prefix_buf filter(&buf, header, prefix, delimited && !first, f == format::csv);
          std::ostream filtered(&filter);
          filtered.exceptions(std::ios::badbit);
          each(doc, filtered);
        } else {
          if (f == format::table && corpus.heading == table_heading::line) stream << in.name << '\n';
          each(doc, stream);
        }
        first = false;
      } catch (const std::exception& e) {
        corpus_file_in_progress = nullptr;
        if (dynamic_cast<const std::ios_base::failure*>(&e)) throw;
        report(tool, e.what());
        return 1;  // output may already hold part of this input: end the run, -o not replaced
      }
    }
    if (several && f == format::json)
      close_corpus_json(
          stream, corpus.json_members ? corpus.json_members() : std::vector<std::pair<std::string, std::string>>{});
    else if (several && corpus.finish)
      corpus.finish(stream);
    stream.flush();
    out.commit();
  } catch (const std::exception& e) {
    report(tool, e.what());
    return 1;
  }
  return failed ? 1 : 0;
}

int for_each_input(const std::string& tool, const common_options& o,
                   const std::function<void(const document&, std::ostream&)>& each) {
  corpus_options corpus;
  try {
    corpus.format = parse_format(o.format);
  } catch (const std::exception&) {
    corpus.format = format::table;  // a tool-specific format: files set apart by a heading line
  }
  return for_each_input(tool, o, corpus, each);
}

int with_all_inputs(const std::string& tool, const common_options& o,
                    const std::function<void(const std::vector<document>&, std::ostream&)>& all) {
  bool failed = false;
  try {
    output out(o);
    std::vector<document> docs;
    for (const std::string& name : expand_inputs(tool, o, failed)) {
      try {
        docs.push_back(load_input(tool, name, o));
      } catch (const std::exception& e) {
        report(tool, e.what());
        failed = true;
      }
    }
    if (!docs.empty()) {
      output_buf buf(out);
      std::ostream stream(&buf);
      stream.exceptions(std::ios::badbit);
      all(docs, stream);
      stream.flush();
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
