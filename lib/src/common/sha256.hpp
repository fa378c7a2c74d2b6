#pragma once
// Internal: incremental SHA-256 over Nettle (small to load, unlike libcrypto).
#include <nettle/sha2.h>

#include <string>
#include <string_view>

namespace histext {

/// Feed bytes with update(); hex() gives the lower-case digest of everything so far.
class sha256_state {
 public:
  sha256_state() { sha256_init(&ctx_); }
  void update(std::string_view bytes) {
    sha256_update(&ctx_, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  }
  /// Lower-case hex digest of everything updated so far (the state stays usable).
  std::string hex() const {
    sha256_ctx copy = ctx_;  // sha256_digest resets its context
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&copy, SHA256_DIGEST_SIZE, digest);
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (uint8_t b : digest) {
      out.push_back(digits[b >> 4]);
      out.push_back(digits[b & 15]);
    }
    return out;
  }

 private:
  sha256_ctx ctx_;
};

}  // namespace histext
