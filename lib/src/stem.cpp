#include <libstemmer.h>

#include "histext/error.hpp"
#include "histext/lemma.hpp"

namespace histext {

struct stemmer::impl {
  sb_stemmer* s = nullptr;
  impl() : s(sb_stemmer_new("english", "UTF_8")) {
    if (!s) throw error("libstemmer: no English stemmer");
  }
  ~impl() { sb_stemmer_delete(s); }
};

stemmer::stemmer() : impl_(std::make_unique<impl>()) {}
stemmer::~stemmer() = default;
stemmer::stemmer(stemmer&&) noexcept = default;
stemmer& stemmer::operator=(stemmer&&) noexcept = default;

std::string stemmer::stem(std::string_view word) {
  const sb_symbol* out =
      sb_stemmer_stem(impl_->s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!out) throw error("libstemmer: out of memory");
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(impl_->s)));
}

}  // namespace histext
