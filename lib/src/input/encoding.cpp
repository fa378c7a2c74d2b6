#include "histext/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "common/lazy_library.hpp"
#include "histext/error.hpp"

namespace histext {

std::string bom_charset(std::string_view b) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return "UTF-32LE";
  if (b.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32BE";
  if (b.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return "UTF-8";
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return "UTF-16LE";
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return "UTF-16BE";
  return "";
}

namespace {
struct converter_closer {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
}  // namespace

std::string convert_to_utf8(std::string_view bytes, const std::string& label, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, converter_closer> from(ucnv_open(label.c_str(), &status));
  if (U_FAILURE(status) || !from) throw error(name + ": unknown encoding '" + label + "'");
  std::unique_ptr<UConverter, converter_closer> to(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) throw error(name + ": cannot open the UTF-8 converter");
  // Invalid bytes in the source charset are an error, not a silent U+FFFD.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

  std::string_view in = bytes;
  std::string out;
  out.resize(bytes.size() * 2 + 64);
  char* target = out.data();
  const char* source = in.data();
  // Some charsets turn one byte into four UTF-8 bytes (SCSU windows): grow the output and go on.
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  bool reset = true;
  for (;;) {
    ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, in.data() + in.size(), pivot,
                   &pivot_source, &pivot_target, pivot + 1024, reset, true, &status);
    reset = false;
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    status = U_ZERO_ERROR;
    auto used = static_cast<std::size_t>(target - out.data());
    out.resize(out.size() * 2);
    target = out.data() + used;
  }
  if (U_FAILURE(status)) {
    auto at = static_cast<std::size_t>(source - in.data());
    throw error(name + ": bytes invalid in " + label + " near byte " + std::to_string(at));
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  if (out.size() >= 3 && out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.erase(0, 3);
  return out;
}

namespace {

// ICU's charset detector lives in its i18n library, loaded only when --encoding auto asks for it.
struct detector_api {
  decltype(&ucsdet_open) open;
  decltype(&ucsdet_close) close;
  decltype(&ucsdet_setText) set_text;
  decltype(&ucsdet_detect) detect;
  decltype(&ucsdet_getName) name;
};

const detector_api& detector() {
  static lazy_library library(HISTEXT_ICU_I18N_SONAME, HISTEXT_ICU_I18N_PATH,
                              "ICU charset detection for --encoding auto");
  static const detector_api functions{library.symbol<decltype(&ucsdet_open)>(HISTEXT_ICU_NAME(ucsdet_open)),
                                      library.symbol<decltype(&ucsdet_close)>(HISTEXT_ICU_NAME(ucsdet_close)),
                                      library.symbol<decltype(&ucsdet_setText)>(HISTEXT_ICU_NAME(ucsdet_setText)),
                                      library.symbol<decltype(&ucsdet_detect)>(HISTEXT_ICU_NAME(ucsdet_detect)),
                                      library.symbol<decltype(&ucsdet_getName)>(HISTEXT_ICU_NAME(ucsdet_getName))};
  return functions;
}

}  // namespace

std::string detect_charset(std::string_view bytes, const std::string& name) {
  const detector_api& f = detector();
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = f.open(&status);
  if (U_FAILURE(status)) throw error(name + ": cannot open ICU's charset detector");
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> guard(det, f.close);
  f.set_text(det, bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = f.detect(det, &status);
  if (U_FAILURE(status) || !match) throw error(name + ": cannot guess the encoding; name it with --encoding");
  const char* charset = f.name(match, &status);
  if (U_FAILURE(status) || !charset) throw error(name + ": cannot guess the encoding; name it with --encoding");
  return charset;
}

}  // namespace histext
