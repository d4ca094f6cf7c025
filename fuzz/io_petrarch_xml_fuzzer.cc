// Fuzzes the petrarch xml reader: see fuzz/reader_fuzz.h for what is checked.
#include "fuzz/reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return dyad::fuzz::FuzzReader(dyad::io::NewPetrarchXmlReader, data, size);
}
