#include "lexicons/data_list.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "histext/error.hpp"
#include "histext/version.hpp"

namespace histext {

void for_each_data_line(const std::string& name, const std::function<void(std::string_view line)>& each) {
  for_each_data_line_at(data_file(name), [&](std::string_view line, std::size_t) { each(line); });
}

void for_each_data_line_at(const std::string& path,
                           const std::function<void(std::string_view line, std::size_t number)>& each) {
  // One read of the whole file (the lists are small), then lines found with memchr: getline and a
  // string per line were a tenth of the recogniser's start-up, and an ifstream's set-up (locale,
  // buffer) a tenth of what was left, for some twenty small files a run.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw error(path + ": cannot open");
  std::string bytes;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok && st.st_size > 0) {
    bytes.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (ok && got < bytes.size()) {
      const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        ok = n == 0, bytes.resize(got);  // a file that shrank: what was read
      else
        got += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  if (!ok) throw error(path + ": read error");
  std::size_t number = 0;
  for (std::size_t b = 0; b < bytes.size();) {
    const void* nl = std::memchr(bytes.data() + b, '\n', bytes.size() - b);
    const std::size_t e = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - bytes.data()) : bytes.size();
    std::string_view line(bytes.data() + b, e - b);
    b = e + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    each(line, number);
  }
}

std::vector<std::string_view> split_fields(std::string_view line, char separator) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  while (b <= line.size()) {
    std::size_t e = line.find(separator, b);
    if (e == std::string_view::npos) e = line.size();
    if (e > b) out.push_back(line.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace histext
