// ISO 3166-1 alpha-3 country codes: which 3-letter prefixes of CAMEO actor codes are countries.
#ifndef DYAD_MODEL_COUNTRY_CODES_H_
#define DYAD_MODEL_COUNTRY_CODES_H_

#include <string_view>

namespace dyad::model {

// True when `code` is one of the 249 ISO 3166-1 alpha-3 codes ("IRN", "USA").
bool IsIso3Country(std::string_view code);

}  // namespace dyad::model

#endif  // DYAD_MODEL_COUNTRY_CODES_H_
