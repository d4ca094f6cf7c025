// Test helpers for the context stage: a hand-made sentence (see model/parsed_sentence_test_util.h)
// and a small gazetteer, so context tests need neither models nor data/.
#ifndef DYAD_CONTEXT_CONTEXT_TEST_UTIL_H_
#define DYAD_CONTEXT_CONTEXT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <string_view>

#include "context/gazetteer.h"
#include "model/parsed_sentence_test_util.h"

namespace dyad::context::testing {

// Tripoli twice (Libya, the more populous, and Lebanon), a region that shares its seat's name,
// and a city whose region is spelled differently.
inline constexpr std::string_view kSmallGazetteer =
    "# dyad gazetteer v1: test\n"
    "C\t0\tIran\tIRN\t\t35.6944\t51.4215\t0\tIslamic Republic of Iran|Iranian\n"
    "C\t0\tTurkiye\tTUR\t\t39.9199\t32.8543\t0\tTurkey|Turkish\n"
    "C\t0\tSyria\tSYR\t\t33.5102\t36.2913\t0\tSyrian Arab Republic|Syrian\n"
    "C\t0\tLebanon\tLBN\t\t33.8933\t35.5016\t0\tLebanese\n"
    "A\t0\tTehran\tIRN\tTehran\t35.6944\t51.4215\t7983416\t\n"
    "A\t0\tAl-Hasakah\tSYR\tAl-Hasakah\t36.5024\t40.7477\t103020\t\n"
    "K\t112931\tTehran\tIRN\tTehran\t35.6944\t51.4215\t7153309\t\n"
    "P\t173811\tAl Hasakah\tSYR\tAl-Hasakah\t36.5024\t40.7477\t81539\t\n"
    "K\t276781\tBeirut\tLBN\tBeyrouth\t33.8933\t35.5016\t1916100\t\n"
    "P\t2210247\tTripoli\tLBY\tTripoli\t32.8752\t13.1875\t1150989\t\n"
    "P\t266826\tTripoli\tLBN\tNorth Governorate\t34.4367\t35.8497\t229398\t\n"
    "P\t5128581\tNew York City\tUSA\tNew York\t40.7143\t-74.0060\t8175133\tNew York\n";

inline std::unique_ptr<Gazetteer> SmallGazetteer() {
  auto g = Gazetteer::Parse(kSmallGazetteer, "small");
  return g.ok() ? std::move(*g) : nullptr;
}

}  // namespace dyad::context::testing

#endif  // DYAD_CONTEXT_CONTEXT_TEST_UTIL_H_
