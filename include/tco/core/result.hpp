#pragma once
// Result<T>: a value (when the computation succeeded) plus the diagnostics it produced.
// Warnings may accompany a value; any error means there is no value.
#include <optional>
#include <utility>

#include "tco/core/diagnostic.hpp"

namespace tco {

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Result(Diagnostics diagnostics) : diagnostics_(std::move(diagnostics)) {}  // NOLINT
  Result(T value, Diagnostics diagnostics) : value_(std::move(value)), diagnostics_(std::move(diagnostics)) {}

  [[nodiscard]] bool ok() const { return value_.has_value() && !diagnostics_.has_errors(); }
  explicit operator bool() const { return ok(); }

  [[nodiscard]] const T& value() const& { return *value_; }
  [[nodiscard]] T& value() & { return *value_; }
  [[nodiscard]] T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }

  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
  [[nodiscard]] Diagnostics& diagnostics() { return diagnostics_; }

 private:
  std::optional<T> value_;
  Diagnostics diagnostics_;
};

}  // namespace tco
