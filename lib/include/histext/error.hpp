#pragma once
/// @file error.hpp  The one exception type the library throws.
#include <stdexcept>
#include <string>

namespace histext {

/// Every failure in the library: the message names the input and, where known, the position.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace histext
