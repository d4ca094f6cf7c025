#!/usr/bin/env python3
"""Prints src/model/country_codes.cc from Debian's iso-codes package (apt-get install iso-codes)."""
import json
import sys

codes = sorted(x['alpha_3'] for x in json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1'])
rows = [codes[i:i + 14] for i in range(0, len(codes), 14)]
body = '\n'.join('    ' + ', '.join('"%s"' % c for c in r) + ',' for r in rows)
sys.stdout.write('''// ISO 3166-1 alpha-3 country codes, generated from Debian's iso-codes package
// (/usr/share/iso-codes/json/iso_3166-1.json) by scripts/gen-iso3.py. Do not edit by hand.
#include "model/country_codes.h"

#include <algorithm>
#include <array>

namespace dyad::model {

namespace {

constexpr std::array<std::string_view, %d> kIso3 = {
%s
};

}  // namespace

bool IsIso3Country(std::string_view code) {
  return code.size() == 3 && std::binary_search(kIso3.begin(), kIso3.end(), code);
}

}  // namespace dyad::model
''' % (len(codes), body))
