#include "common/lazy_library.hpp"

#include <dlfcn.h>

#include "histext/error.hpp"

namespace histext {

void* lazy_library::address(const char* name) {
  std::call_once(once_, [&] {
    handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_ && !fallback_.empty()) handle_ = dlopen(fallback_.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
      const char* why = dlerror();
      failure_ = soname_ + " (" + purpose_ + "): cannot load" + (why ? std::string(": ") + why : std::string());
    }
  });
  if (!handle_) throw error(failure_);
  void* p = dlsym(handle_, name);
  if (!p) throw error(soname_ + " (" + purpose_ + "): no symbol " + name);
  return p;
}

}  // namespace histext
