#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace frontdesk {

// An error as a value: a stable machine code (as the database returns them) and a message
// for logs. What a person reads is chosen from the code by the layer that shows it.
struct Error
{
    QString code;
    QString message;
};

// The value of an operation that can fail, for the layers below the UI.
template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

} // namespace frontdesk
