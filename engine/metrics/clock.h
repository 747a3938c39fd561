// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Injectable clocks for the store, cache, metrics and rate limiter. Production code uses the
// defaults; tests pass a ManualClock so that TTLs, windows and refills are deterministic.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>

namespace wfs::metrics {

// A clock returns nanoseconds. A monotonic clock counts from an arbitrary origin; a wall clock
// counts from the Unix epoch (used where a time is stored and must survive a restart).
using ClockFn = std::function<std::int64_t()>;

inline std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline std::int64_t wallNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline ClockFn steadyClock()
{
    return &steadyNowNs;
}

inline ClockFn wallClock()
{
    return &wallNowNs;
}

// A clock that only moves when told to; thread-safe. Hand `fn()` to the object under test.
class ManualClock
{
public:
    explicit ManualClock(std::int64_t startNs = 1'000'000'000)
        : m_now(startNs)
    {}
    std::int64_t now() const { return m_now.load(std::memory_order_relaxed); }
    void advance(std::chrono::nanoseconds d)
    {
        m_now.fetch_add(d.count(), std::memory_order_relaxed);
    }
    void set(std::int64_t ns) { m_now.store(ns, std::memory_order_relaxed); }
    ClockFn fn() const
    {
        return [this] { return now(); };
    }

private:
    std::atomic<std::int64_t> m_now;
};

} // namespace wfs::metrics
