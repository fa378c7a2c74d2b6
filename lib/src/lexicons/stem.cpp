#include <libstemmer.h>

#include "common/lazy_library.hpp"
#include "histext/error.hpp"
#include "histext/lemma.hpp"

namespace histext {

namespace {

// libstemmer is loaded by the first stemmer (only --stem needs it).
struct stemmer_api {
  decltype(&sb_stemmer_new) create;
  decltype(&sb_stemmer_delete) destroy;
  decltype(&sb_stemmer_stem) stem;
  decltype(&sb_stemmer_length) length;
};

const stemmer_api& api() {
  static lazy_library library(HISTEXT_STEMMER_SONAME, HISTEXT_STEMMER_PATH, "Snowball stemmer for --stem");
  static const stemmer_api functions{library.symbol<decltype(&sb_stemmer_new)>("sb_stemmer_new"),
                                     library.symbol<decltype(&sb_stemmer_delete)>("sb_stemmer_delete"),
                                     library.symbol<decltype(&sb_stemmer_stem)>("sb_stemmer_stem"),
                                     library.symbol<decltype(&sb_stemmer_length)>("sb_stemmer_length")};
  return functions;
}

}  // namespace

struct stemmer::impl {
  const stemmer_api& f = api();
  sb_stemmer* s = nullptr;
  impl() : s(f.create("english", "UTF_8")) {
    if (!s) throw error("libstemmer: no English stemmer");
  }
  ~impl() { f.destroy(s); }
};

stemmer::stemmer() : impl_(std::make_unique<impl>()) {}
stemmer::~stemmer() = default;
stemmer::stemmer(stemmer&&) noexcept = default;
stemmer& stemmer::operator=(stemmer&&) noexcept = default;

std::string stemmer::stem(std::string_view word) {
  const sb_symbol* out =
      impl_->f.stem(impl_->s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) throw error("libstemmer: out of memory");
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(impl_->f.length(impl_->s)));
}

}  // namespace histext
