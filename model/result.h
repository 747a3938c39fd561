// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Result<T>: a value or an error text, for failures the world can cause (I/O, parse, SQL).
// C++20 has no std::expected; this is the small stand-in the whole project uses.
//
//   Result<Json> r = readFile(path);
//   if (!r) return Result<Json>::failure(r.error());
//   use(*r);
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace wfs {

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    static Result failure(std::string error)
    {
        Result r;
        r.m_data.template emplace<1>(std::move(error));
        return r;
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() &
    {
        assert(ok() && "Result::value() on a failure");
        return std::get<0>(m_data);
    }
    const T &value() const &
    {
        assert(ok() && "Result::value() on a failure");
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        assert(ok() && "Result::value() on a failure");
        return std::get<0>(std::move(m_data));
    }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const std::string &error() const
    {
        assert(!ok() && "Result::error() on a success");
        return std::get<1>(m_data);
    }

private:
    Result() = default;
    std::variant<T, std::string> m_data;
};

// Result<void>: success or an error text.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    static Result failure(std::string error)
    {
        Result r;
        r.m_error = std::move(error);
        return r;
    }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string &error() const
    {
        assert(!ok() && "Result::error() on a success");
        return *m_error;
    }

private:
    std::optional<std::string> m_error;
};

} // namespace wfs
