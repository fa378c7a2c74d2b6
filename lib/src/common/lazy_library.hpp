#pragma once
// Shared libraries that only some runs need (libstemmer for --stem, ICU's i18n library for
// --encoding auto) are opened on first use with dlopen, not linked: loading and relocating them
// costs milliseconds at every start-up.
#include <mutex>
#include <string>

namespace histext {

/// A shared library opened on first use. Thread-safe; the library stays loaded until exit.
class lazy_library {
 public:
  /// `soname` is what dlopen looks for ("libstemmer.so.0d"), `fallback` the file found at build
  /// time (tried when the soname is not on the loader's path); `purpose` names it in errors.
  lazy_library(std::string soname, std::string fallback, std::string purpose)
      : soname_(std::move(soname)), fallback_(std::move(fallback)), purpose_(std::move(purpose)) {}

  /// The address of `name` cast to F; throws histext::error naming the library if it cannot be
  /// loaded or lacks the symbol.
  template <class F>
  F symbol(const char* name) {
    return reinterpret_cast<F>(address(name));
  }

 private:
  void* address(const char* name);

  std::string soname_, fallback_, purpose_;
  std::once_flag once_;
  void* handle_ = nullptr;
  std::string failure_;
};

}  // namespace histext

// The linked name of an ICU C function: ICU renames ucsdet_open to ucsdet_open_72 by a macro, so
// the name is spelled after macro expansion.
#define HISTEXT_ICU_NAME_(x) #x
#define HISTEXT_ICU_NAME(x) HISTEXT_ICU_NAME_(x)
