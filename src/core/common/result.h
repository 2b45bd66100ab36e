#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace passlane {

/// Why an operation failed: the file (or source, or database) it concerns and what is wrong.
struct Error {
    QString file;
    QString message;

    /// "file: message", or the message alone when no file is involved.
    QString toString() const { return file.isEmpty() ? message : file + QStringLiteral(": ") + message; }
};

/// Either a value or an Error. Core functions return this instead of throwing across modules.
template <typename T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}
    static Result failure(QString file, QString message) { return Result(Error{std::move(file), std::move(message)}); }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T *operator->() const { return &std::get<T>(m_data); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// A Result for operations that produce nothing but can fail.
struct Done {};
using Status = Result<Done>;
inline Status success() { return Status(Done{}); }

} // namespace passlane
