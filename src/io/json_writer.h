// Minimal, fast JSON output helpers for the writers (events, sentences). Appends to a string
// so that a whole record is built without intermediate allocations.
#ifndef DYAD_IO_JSON_WRITER_H_
#define DYAD_IO_JSON_WRITER_H_

#include <string>
#include <string_view>

namespace dyad::io {

// Appends `s` as a quoted JSON string. REQUIRES: s is valid UTF-8; control characters, quotes and
// backslashes are escaped, everything else is copied as is.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace dyad::io

#endif  // DYAD_IO_JSON_WRITER_H_
