#pragma once
// Internal: incremental SHA-256 (FIPS 180-4) without OpenSSL, so that streaming an input does not
// need libcrypto (whose loading costs milliseconds of start-up).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace histext {

class sha256_state {
 public:
  sha256_state();
  void update(std::string_view bytes);
  /// Lower-case hex digest of everything updated so far (the state stays usable).
  std::string hex() const;

 private:
  void block(const unsigned char* p);
  std::array<std::uint32_t, 8> h_;
  unsigned char buffer_[64];
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

}  // namespace histext
