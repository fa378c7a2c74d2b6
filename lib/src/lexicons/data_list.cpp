#include "lexicons/data_list.hpp"

#include <fstream>

#include "histext/error.hpp"
#include "histext/version.hpp"

namespace histext {

void for_each_data_line(const std::string& name, const std::function<void(std::string_view line)>& each) {
  for_each_data_line_at(data_file(name), [&](std::string_view line, std::size_t) { each(line); });
}

void for_each_data_line_at(const std::string& path,
                           const std::function<void(std::string_view line, std::size_t number)>& each) {
  std::ifstream in(path);
  if (!in) throw error(path + ": cannot open");
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    each(line, number);
  }
  if (in.bad()) throw error(path + ": read error");
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
