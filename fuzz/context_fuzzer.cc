// Fuzzes the gazetteer loader and name keys: any bytes must give a gazetteer or an error naming
// "fuzz:LINE", never a crash; every name of a parsed gazetteer must be found again by its key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "context/gazetteer.h"

#define FUZZ_CHECK(cond) \
  do {                   \
    if (!(cond)) std::abort(); \
  } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)dyad::context::PlaceKey(input);
  auto g = dyad::context::Gazetteer::Parse(input, "fuzz");
  if (!g.ok()) {
    FUZZ_CHECK(g.status().message().starts_with("fuzz"));
    return 0;
  }
  for (size_t i = 0; i < (*g)->size(); ++i) {
    const auto& p = (*g)->place(static_cast<uint32_t>(i));
    if (dyad::context::PlaceKey(p.name).empty()) continue;
    FUZZ_CHECK(!(*g)->Find(p.name).empty());
    FUZZ_CHECK((*g)->Best(p.name, {}, false) != nullptr);
  }
  return 0;
}
