// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A token bucket for the HTTP transport's per-session rate limit (429). Thread-safe; the clock
// is injectable so that tests refill deterministically.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>

namespace wfs::mcp {

class TokenBucket
{
public:
    using Clock = std::function<std::int64_t()>; ///< monotonic nanoseconds

    // `ratePerSecond` tokens are added per second up to `burst`; the bucket starts full.
    // ratePerSecond <= 0 disables limiting (tryTake always succeeds).
    TokenBucket(double ratePerSecond, double burst, Clock clock = {});

    // Takes one token; false when the bucket is empty.
    bool tryTake();
    // Seconds until a token is available (0 when one is); for Retry-After.
    double secondsUntilAvailable() const;

private:
    void refill(std::int64_t now) const;

    double m_rate;
    double m_burst;
    Clock m_clock;
    mutable std::mutex m_mutex;
    mutable double m_tokens;
    mutable std::int64_t m_last;
};

} // namespace wfs::mcp
