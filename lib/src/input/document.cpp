#include "histext/document.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/mman.h>
#endif
#include <unicode/utf8.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "histext/encoding.hpp"
#include "histext/error.hpp"
#include "common/sha256.hpp"

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
  std::size_t col = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  pos.column = col;
  return pos;
}

// "<name>: <what> at line L, column C (byte B)"
std::string located(const std::string& name, const char* what, std::string_view text, std::size_t offset,
                    std::size_t base) {
  text_position p = position_in(text, offset);
  return name + ": " + what + " at line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + " (byte " +
         std::to_string(base + offset) + ")";
}

std::string read_all(std::istream& in, const std::string& name) {
  std::string bytes;
  std::array<char, 1 << 16> buf;
  while (in) {
    in.read(buf.data(), buf.size());
    bytes.append(buf.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw error(name + ": read error");
  return bytes;
}

}  // namespace

void validate_utf8(std::string_view bytes, const std::string& name, std::size_t base) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < length) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= length) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= length) break;
    int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      throw error(located(name, "invalid UTF-8", bytes, static_cast<std::size_t>(start), base));
  }
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
  doc.info_.sha256 = sha256_hex(bytes);
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
  return from_bytes(read_all(in, name), name, options);
}

document document::from_file(const std::string& path, const load_options& options) {
  if (path == "-") return from_stream(std::cin, "-", options);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw error(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw error(path + ": is a directory");
  if (!S_ISREG(st.st_mode)) {  // a pipe or a device: read as a stream
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(path + ": cannot open: " + std::strerror(errno));
    return from_stream(in, path, options);
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw error(path + ": cannot open: " + std::strerror(errno));
  std::string bytes;
  // One byte more than the size, so that the read which finds the end needs no reallocation (a
  // copy of the whole file).
  bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
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
  bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t done = 0;
  while (true) {  // the size may change while reading: read to the end whatever it is
    if (done == bytes.size()) bytes.resize(bytes.size() + (1 << 16));
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      throw error(path + ": read error: " + std::strerror(e));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  return from_bytes(std::move(bytes), path, options);
}

text_position document::position(std::size_t offset) const { return position_in(text_, offset); }

}  // namespace histext
