#!/usr/bin/env python3
"""Generate src/model/cameo_table.cc, dyad's compiled CAMEO reference table.

Usage:
    scripts/gen-cameo-table.py [PATH/TO/cameo-codes.tsv] > src/model/cameo_table.cc

The default input is ../shared/reference/cameo-codes.tsv next to the repository. The TSV is the
authoring source (facts: CAMEO 1.1b3 names, Goldstein by meaning, Phoenix quad class, PLOVER type,
mode and context, Phoenix's Goldstein); the generated file is committed so that building dyad never
needs ../shared. Regenerating it is a reviewed change; eval/cameo_table_eval.cc checks the compiled
table against the TSV row by row.

Only the columns dyad uses are compiled in (not goldstein_basis or notes). Rows are sorted by code
(byte order, which is the order FindCameoCode's binary search relies on); the generated file
static_asserts that order.
"""
import os
import re
import sys

COLUMNS = ('code', 'root', 'name', 'goldstein', 'quad_class', 'plover', 'plover_mode',
           'plover_context', 'goldstein_phoenix')


def cxx_string(s):
    """A C++ string literal for ASCII text (the TSV is ASCII; anything else is refused)."""
    if any(ord(c) < 0x20 or ord(c) > 0x7e for c in s):
        sys.exit('gen-cameo-table: non-printable or non-ASCII character in %r' % s)
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def cxx_double(s):
    value = float(s)  # refuses malformed numbers
    if not -10.0 <= value <= 10.0:
        sys.exit('gen-cameo-table: Goldstein value out of [-10, 10]: %s' % s)
    # Keep the TSV's spelling so the literal and the TSV parse to the same double.
    return s if '.' in s else s + '.0'


def read_rows(path):
    with open(path, encoding='utf-8') as f:
        header = f.readline().rstrip('\n').split('\t')
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            sys.exit('gen-cameo-table: %s: missing columns %s' % (path, missing))
        index = {c: header.index(c) for c in COLUMNS}
        rows = []
        for line_number, line in enumerate(f, start=2):
            line = line.rstrip('\n')
            if not line:
                continue
            fields = line.split('\t')
            if len(fields) != len(header):
                sys.exit('gen-cameo-table: %s:%d: %d fields, expected %d'
                         % (path, line_number, len(fields), len(header)))
            row = {c: fields[i] for c, i in index.items()}
            code = row['code']
            if not re.fullmatch(r'[0-9]{2,4}', code) or row['root'] != code[:2]:
                sys.exit('gen-cameo-table: %s:%d: bad code/root %r/%r'
                         % (path, line_number, code, row['root']))
            if row['quad_class'] not in ('0', '1', '2', '3', '4'):
                sys.exit('gen-cameo-table: %s:%d: bad quad class' % (path, line_number))
            rows.append(row)
    rows.sort(key=lambda r: r['code'].encode('ascii'))
    codes = [r['code'] for r in rows]
    if len(set(codes)) != len(codes):
        sys.exit('gen-cameo-table: duplicate codes')
    give_appeals_request_types(rows)
    follow_plover_manual(rows)
    return rows


def give_appeals_request_types(rows):
    """CAMEO2PLOVER-2021 maps no appeal (02x) to PLOVER, but PLOVER's REQUEST is "all requests,
    demands, and orders", and CAMEO's appeals parallel its demands code for code (0231 appeal for
    economic aid, 1031 demand it). An appeal without a PLOVER type takes its demand's type, mode
    and context; Goldstein and quad class stay CAMEO's."""
    by_code = {r['code']: r for r in rows}
    for r in rows:
        demand = by_code.get('10' + r['code'][2:])
        if r['root'] == '02' and not r['plover'] and demand:
            for column in ('plover', 'plover_mode', 'plover_context'):
                r[column] = demand[column]


# CAMEO2PLOVER-2021 (manual draft 0.8) against the PLOVER manual 2.0 text, which wins:
# code -> (type, mode). Context stays the conversion table's.
PLOVER_MANUAL_TYPES = {
    # SANCTION: "International (political or economic) sanctions are coded as 'discontinue'".
    '163': ('SANCTION', 'discontinue'),
    # CONCEDE: "easing of administrative or legal restrictions ..., removing curfews", as the
    # conversion table already has it for the other 081x codes.
    '0813': ('CONCEDE', ''),
    '0814': ('CONCEDE', ''),
    # RETREAT: "RETREAT also covers resignations of government officials" (mode resign).
    '0831': ('RETREAT', 'resign'),
    # COERCE is power "falling short of violence" (its seize mode: searches, confiscation, raids);
    # taking territory by force is ASSAULT, as the PLOVER gold standard records code it.
    '192': ('ASSAULT', ''),
}


def follow_plover_manual(rows):
    """Where the 2021 conversion table and the PLOVER manual disagree, take the manual's type."""
    for r in rows:
        if r['code'] in PLOVER_MANUAL_TYPES:
            r['plover'], r['plover_mode'] = PLOVER_MANUAL_TYPES[r['code']]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, '..', '..', 'shared', 'reference', 'cameo-codes.tsv')
    path = sys.argv[1] if len(sys.argv) > 1 else default
    rows = read_rows(path)
    out = sys.stdout
    out.write('// GENERATED by scripts/gen-cameo-table.py from ../shared/reference/cameo-codes.tsv.\n'
              '// Do not edit by hand: change the generator or the TSV and regenerate (a reviewed change).\n'
              '// Columns: code, name, Goldstein (by meaning), Phoenix Goldstein, Phoenix quad class,\n'
              '// PLOVER type, mode, context. Rows sorted by code (byte order) for binary search.\n'
              '#include <algorithm>\n'
              '#include <array>\n'
              '\n'
              '#include "model/cameo_codes.h"\n'
              '\n'
              'namespace dyad::model {\n'
              'namespace {\n'
              '\n'
              'constexpr std::array<CameoCode, %d> kCameoTable = {{\n' % len(rows))
    for r in rows:
        out.write('    {%s, %s, %s, %s, %s, %s, %s, %s},\n' % (
            cxx_string(r['code']), cxx_string(r['name']), cxx_double(r['goldstein']),
            cxx_double(r['goldstein_phoenix']), r['quad_class'], cxx_string(r['plover']),
            cxx_string(r['plover_mode']), cxx_string(r['plover_context'])))
    out.write('}};\n'
              '\n'
              '// Strictly increasing: sorted for the binary search, and no duplicates.\n'
              'static_assert(std::adjacent_find(kCameoTable.begin(), kCameoTable.end(),\n'
              '                                 [](const CameoCode& a, const CameoCode& b) {\n'
              '                                   return !(a.code < b.code);\n'
              '                                 }) == kCameoTable.end(),\n'
              '              "kCameoTable must be strictly sorted by code for FindCameoCode");\n'
              '\n'
              '}  // namespace\n'
              '\n'
              'std::span<const CameoCode> AllCameoCodes() { return kCameoTable; }\n'
              '\n'
              '}  // namespace dyad::model\n')


if __name__ == '__main__':
    main()
