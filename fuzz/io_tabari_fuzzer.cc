// Fuzzes the tabari reader: see fuzz/reader_fuzz.h for what is checked.
#include "fuzz/reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return dyad::fuzz::FuzzReader(dyad::io::NewTabariReader, data, size);
}
