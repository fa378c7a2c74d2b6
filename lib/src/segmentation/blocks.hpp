#pragma once
// Internal: splitting a text into blocks at blank lines and naming each block's kind
// (histext::split_blocks and to_string(block_kind) live here, apart from the sentence and token
// rules of segment.cpp).
#include <string_view>
#include <vector>

#include "histext/segment.hpp"
