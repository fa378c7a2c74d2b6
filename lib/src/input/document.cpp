#include "histext/document.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/mman.h>
#endif
#include <unicode/utf8.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "common/sha256.hpp"
#include "common/utf8.hpp"
#include "histext/encoding.hpp"
#include "histext/error.hpp"
#include "input/utf8_validate.hpp"

namespace histext {

namespace {

text_position position_in(std::string_view text, std::size_t offset) {
  text_position pos;
  if (offset > text.size()) offset = text.size();
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++pos.line;
      line_start = i + 1;
    }
  }
  // Column in code points: count lead bytes between line start and offset.
  pos.column = 1 + code_points(text.substr(line_start, offset - line_start));
  return pos;
}

// "<name>: <what> at line L, column C (byte B)"
std::string located(const std::string& name, const char* what, std::string_view text, std::size_t offset,
                    std::size_t base) {
  text_position p = position_in(text, offset);
  return name + ": " + what + " at line " + std::to_string(p.line) + ", column " + std::to_string(p.column) +
         " (byte " + std::to_string(base + offset) + ")";
}

// Spots binary input while it is read, so that an endless device (/dev/zero) or a huge binary
// file is refused after its first piece instead of being read to the end (or until memory runs
// out). In UTF-8 and single-byte charsets any NUL byte is binary; with a UTF-16/32 byte-order
// mark, an encoding naming 16 or 32 bits, or "auto", only a run of eight (U+0000 twice even in UTF-32).
class binary_guard {
 public:
  binary_guard(const std::string& name, const load_options& options) : name_(name) {
    for (char c : options.encoding) label_ += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // `bytes` is everything read so far; `at_end` when nothing more will come.
  void check(std::string_view bytes, bool at_end) {
    if (mode_ == mode::unknown) {
      if (bytes.size() < 4 && !at_end) return;  // a byte-order mark needs four bytes to be told apart
      const bool wide = !bom_charset(bytes.substr(0, 4)).empty() && bytes.substr(0, 3) != "\xEF\xBB\xBF";
      const bool wide_label = label_ == "auto" || label_.find("16") != std::string::npos ||
                              label_.find("32") != std::string::npos || label_.rfind("ucs", 0) == 0 ||
                              label_ == "scsu" || label_ == "bocu-1";
      mode_ = wide || wide_label ? mode::run_of_nuls : mode::any_nul;
    }
    std::size_t found = std::string_view::npos;
    if (mode_ == mode::any_nul) {
      const void* p = std::memchr(bytes.data() + checked_, '\0', bytes.size() - checked_);
      if (p) found = static_cast<std::size_t>(static_cast<const char*>(p) - bytes.data());
    } else {
      found = bytes.find(std::string_view("\0\0\0\0\0\0\0\0", 8), checked_ >= 7 ? checked_ - 7 : 0);
    }
    if (found != std::string_view::npos) throw error(located(name_, "binary file (NUL byte)", bytes, found, 0));
    checked_ = bytes.size();
  }

 private:
  enum class mode { unknown, any_nul, run_of_nuls } mode_ = mode::unknown;
  const std::string& name_;
  std::string label_;
  std::size_t checked_ = 0;
};

std::string read_all(std::istream& in, const std::string& name, const load_options& options) {
  std::string bytes;
  std::array<char, 1 << 16> buf;
  binary_guard guard(name, options);
  while (in) {
    in.read(buf.data(), buf.size());
    bytes.append(buf.data(), static_cast<std::size_t>(in.gcount()));
    guard.check(bytes, !in);
  }
  if (in.bad()) throw error(name + ": read error");
  return bytes;
}

// Reads a file descriptor to its end, `size_hint` bytes expected; at most 16 MB per read so that
// binary input is caught early. Read errors name their reason ("-: read error: Is a directory").
std::string read_fd(int fd, const std::string& name, std::size_t size_hint, const load_options& options) {
  std::string bytes;
  // One byte more than the size, so that the read which finds the end needs no reallocation (a
  // copy of the whole file).
  bytes.reserve(size_hint + 1);
#ifdef __linux__
  // A large file: ask for transparent huge pages before the buffer is first written (one page
  // fault per 2 MB instead of per 4 KB; a hint only).
  if (bytes.capacity() >= (std::size_t{8} << 20)) {
    constexpr std::uintptr_t page = 4096;
    auto first = (reinterpret_cast<std::uintptr_t>(bytes.data()) + page - 1) & ~(page - 1);
    auto last = (reinterpret_cast<std::uintptr_t>(bytes.data()) + bytes.capacity()) & ~(page - 1);
    if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
#endif
  bytes.resize(size_hint + 1);
  binary_guard guard(name, options);
  std::size_t done = 0;
  while (true) {  // the size may change while reading: read to the end whatever it is
    if (done == bytes.size()) bytes.resize(bytes.size() + std::max<std::size_t>(bytes.size() / 2, 1 << 16));
    const std::size_t want = std::min<std::size_t>(bytes.size() - done, std::size_t{16} << 20);
    ssize_t n = ::read(fd, bytes.data() + done, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw error(name + ": read error: " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
    guard.check(std::string_view(bytes.data(), done), n == 0);
    if (n == 0) break;
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace

void validate_utf8(std::string_view bytes, const std::string& name, std::size_t base) {
  const std::size_t ok = valid_utf8_prefix(bytes, false);
  if (ok < bytes.size()) throw error(located(name, "invalid UTF-8", bytes, ok, base));
}

std::string sha256_hex(std::string_view bytes) {
  sha256_state state;
  state.update(bytes);
  return state.hex();
}

document document::from_bytes(std::string bytes, const std::string& name, const load_options& options) {
  document doc;
  doc.info_.name = name;
  doc.info_.size = bytes.size();
  if (options.checksum) doc.info_.sha256 = sha256_hex(bytes);
  std::string label = options.encoding;
  for (auto& ch : label) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));

  // A UTF-16/32 byte-order mark is honoured before anything else (those files hold NUL bytes).
  std::string bom = bom_charset(bytes);
  if (label == "auto") label = bom.empty() ? detect_charset(bytes, name) : bom;
  if (label.empty() || label == "utf-8" || label == "utf8") label = (bom.empty() || bom == "UTF-8") ? "" : bom;

  if (!label.empty() && label != "utf-8" && label != "utf8" && label != "UTF-8") {
    doc.text_ = convert_to_utf8(bytes, label, name);
    doc.info_.encoding = label;
  } else {
    doc.text_ = std::move(bytes);
    doc.info_.encoding = "UTF-8";
  }
  if (auto nul = doc.text_.find('\0'); nul != std::string::npos)
    throw error(located(name, "binary file (NUL byte)", doc.text_, nul, 0));
  validate_utf8(doc.text_, name);
  if (doc.text_.size() >= 3 && doc.text_.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.body_begin_ = 3;
  return doc;
}

document document::from_stream(std::istream& in, const std::string& name, const load_options& options) {
  return from_bytes(read_all(in, name, options), name, options);
}

document document::from_file(const std::string& path, const load_options& options) {
  // stdin through its file descriptor, not std::cin: std::cin hides read errors (stdin a
  // directory, or closed) as an empty input.
  if (path == "-") return from_bytes(read_fd(0, "-", 0, options), "-", options);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw error(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw error(path + ": is a directory");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw error(path + ": cannot open: " + std::strerror(errno));
  std::string bytes;
  try {
    // A pipe or a device has no size: read it as a stream, checked piece by piece all the same.
    bytes = read_fd(fd, path, S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0, options);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return from_bytes(std::move(bytes), path, options);
}

text_position document::position(std::size_t offset) const { return position_in(text_, offset); }

}  // namespace histext
