// Read-only file mappings (see mapped_file.hpp).
#include "common/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "histext/error.hpp"

namespace histext {

mapped_file map_file(const std::string& path, const std::string& what, bool populate) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw error(path + ": cannot open " + what + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    throw error(path + ": not a regular, non-empty file (" + what + " was expected)");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) throw error(path + ": cannot map " + what + ": " + std::strerror(errno));
  mapped_file m;
  m.keep = std::shared_ptr<const void>(p, [size](const void* q) { ::munmap(const_cast<void*>(q), size); });
  m.data = static_cast<const char*>(p);
  m.size = size;
  return m;
}

}  // namespace histext
