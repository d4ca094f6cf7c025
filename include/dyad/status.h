// Status and StatusOr: how dyad reports errors across module boundaries.
//
// Fallible calls at boundaries (readers, loaders, store, server) return a Status or a StatusOr<T>
// instead of throwing. A Status carries a canonical code and a message a user can act on, such as
// "news.jsonl:12: invalid JSON: unexpected end of input". Both types are [[nodiscard]]: a returned
// Status is never dropped silently. Thread safety: plain values, safe to copy between threads.
#ifndef DYAD_STATUS_H_
#define DYAD_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dyad {

// Canonical codes, after absl::StatusCode. Use the most specific that fits:
//   kInvalidArgument    malformed input or argument (bad JSON, bad date, bad dictionary line)
//   kNotFound           a named file, key or record does not exist
//   kDataLoss           input is damaged beyond use (truncated gzip, invalid UTF-8 in a record)
//   kFailedPrecondition the system is not in a state to do this (model not loaded)
//   kOutOfRange         read past the end, or a value outside its allowed range
//   kResourceExhausted  a size limit was hit (record too large)
//   kUnavailable        a resource cannot be used right now (permission denied, I/O error)
//   kInternal           a broken invariant: a bug in dyad
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kDataLoss,
  kFailedPrecondition,
  kOutOfRange,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "INVALID_ARGUMENT: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "prefix: message" (e.g. a file name and line).
  Status WithContext(std::string_view prefix) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFoundError(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataLossError(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status FailedPreconditionError(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
inline Status OutOfRangeError(std::string m) { return {StatusCode::kOutOfRange, std::move(m)}; }
inline Status ResourceExhaustedError(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
inline Status UnavailableError(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or an error. REQUIRES: constructed from a non-OK Status when it holds no value.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok());
    if (status_.ok()) status_ = InternalError("StatusOr built from an OK status without a value");
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  const T& value() const& { assert(ok()); return *value_; }
  T& value() & { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace dyad

#define DYAD_STATUS_CONCAT_INNER_(a, b) a##b
#define DYAD_STATUS_CONCAT_(a, b) DYAD_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` yields a non-OK Status.
#define DYAD_RETURN_IF_ERROR(expr)                  \
  do {                                              \
    ::dyad::Status dyad_status_ = (expr);           \
    if (!dyad_status_.ok()) return dyad_status_;    \
  } while (0)

// DYAD_ASSIGN_OR_RETURN(auto x, Foo()): assigns the value of a StatusOr or returns its error.
#define DYAD_ASSIGN_OR_RETURN(lhs, expr) \
  DYAD_ASSIGN_OR_RETURN_IMPL_(DYAD_STATUS_CONCAT_(dyad_statusor_, __LINE__), lhs, expr)
#define DYAD_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

#endif  // DYAD_STATUS_H_
