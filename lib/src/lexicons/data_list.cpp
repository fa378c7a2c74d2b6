#include "lexicons/data_list.hpp"

#include <cstring>
#include <fstream>

#include "histext/error.hpp"
#include "histext/version.hpp"

namespace histext {

void for_each_data_line(const std::string& name, const std::function<void(std::string_view line)>& each) {
  for_each_data_line_at(data_file(name), [&](std::string_view line, std::size_t) { each(line); });
}

void for_each_data_line_at(const std::string& path,
                           const std::function<void(std::string_view line, std::size_t number)>& each) {
  // One read of the whole file (the lists are small), then lines found with memchr: getline and a
  // string per line were a tenth of the recogniser's start-up.
  std::ifstream in(path, std::ios::binary);
  if (!in) throw error(path + ": cannot open");
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), size);
  }
  if (!in || size < 0) throw error(path + ": read error");
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
