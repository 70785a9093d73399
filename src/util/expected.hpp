#pragma once

#include <string>
#include <utility>
#include <variant>

// How util reports a failure: a function that can fail returns Expected<T>,
// the value or the reason it could not produce it (std::expected is C++23).
// Exceptions are kept for the caller's mistakes (pmi::Error at the CLI edge).
namespace util {

struct Unexpected {
    std::string message;
};

inline Unexpected failure(std::string message) {
    return Unexpected{std::move(message)};
}

template <typename T> class [[nodiscard]] Expected {
  public:
    Expected(T value) : state_(std::move(value)) {}
    Expected(Unexpected failure) : state_(std::move(failure)) {}

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& value() { return std::get<0>(state_); }
    const T& value() const { return std::get<0>(state_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    // Why it failed; empty when it did not.
    const std::string& error() const {
        static const std::string none;
        return has_value() ? none : std::get<1>(state_).message;
    }

  private:
    std::variant<T, Unexpected> state_;
};

// Success, or the reason for a failure, for functions with no value to return.
class [[nodiscard]] Status {
  public:
    Status() = default;
    Status(Unexpected failure) : error_(std::move(failure.message)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }

  private:
    std::string error_;
    bool failed_ = false;
};

} // namespace util
