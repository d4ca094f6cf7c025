#include "io/record_reader.h"

#include <algorithm>

#include <cstring>

#include <fmt/format.h>

#include "text/utf8.h"

namespace dyad::io {

Status CheckRecordBytes(std::string_view bytes, size_t* bad_offset) {
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()); nul != nullptr) {
    size_t at = static_cast<const char*>(nul) - bytes.data();
    if (bad_offset != nullptr) *bad_offset = at;
    return DataLossError(fmt::format("binary data (NUL byte at byte {})", at));
  }
  size_t bad = text::FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    if (bad_offset != nullptr) *bad_offset = bad;
    return DataLossError(text::DescribeInvalidUtf8(bytes, bad));
  }
  return Status::Ok();
}

Status RecordTooLargeError(const ReadOptions& options) {
  const size_t mib = size_t{1} << 20;
  if (options.max_record_bytes % mib == 0) {
    return ResourceExhaustedError(
        fmt::format("record of more than {} MiB", options.max_record_bytes / mib));
  }
  return ResourceExhaustedError(fmt::format("record of more than {} bytes", options.max_record_bytes));
}

Status ReadWholeRecord(ReaderInput& input, std::string* bytes) {
  bytes->clear();
  switch (input.in->ReadAll(bytes, input.options.max_record_bytes)) {
    case BufferedReader::Result::kTooLong:
      return RecordTooLargeError(input.options).WithContext(input.name);
    case BufferedReader::Result::kError:
      return input.in->status().WithContext(input.name);
    default:
      break;
  }
  if (bytes->starts_with("\xEF\xBB\xBF")) bytes->erase(0, 3);
  size_t bad = 0;
  if (Status s = CheckRecordBytes(*bytes, &bad); !s.ok()) {
    return AtLine(s, input.name, 1 + std::count(bytes->begin(), bytes->begin() + bad, '\n'));
  }
  return Status::Ok();
}

Status AtLine(const Status& s, std::string_view name, size_t line) {
  if (line == 0) return s.WithContext(name);
  return s.WithContext(fmt::format("{}:{}", name, line));
}

std::optional<model::Date> ParseCompactDate(std::string_view s) {
  if (s.size() != 8) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  model::Date d{std::chrono::year(num(0, 4)), std::chrono::month(static_cast<unsigned>(num(4, 2))),
                std::chrono::day(static_cast<unsigned>(num(6, 2)))};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::optional<model::Date> ParseTwoDigitYearDate(std::string_view s) {
  if (s.size() != 6 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return std::nullopt;
  const int yy = (s[0] - '0') * 10 + (s[1] - '0');
  return ParseCompactDate(fmt::format("{}{}", yy < 40 ? "20" : "19", s));
}

std::string_view StripBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

}  // namespace dyad::io
