// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "ratelimiter.h"

#include <algorithm>

namespace wfs::mcp {

static std::int64_t steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

TokenBucket::TokenBucket(double ratePerSecond, double burst, Clock clock)
    : m_rate(ratePerSecond)
    , m_burst(std::max(burst, 1.0))
    , m_clock(clock ? std::move(clock) : Clock(&steadyNs))
    , m_tokens(std::max(burst, 1.0))
    , m_last(m_clock())
{}

void TokenBucket::refill(std::int64_t now) const
{
    if (now <= m_last)
        return;
    m_tokens = std::min(m_burst, m_tokens + static_cast<double>(now - m_last) * 1e-9 * m_rate);
    m_last = now;
}

bool TokenBucket::tryTake()
{
    if (m_rate <= 0)
        return true;
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

double TokenBucket::secondsUntilAvailable() const
{
    if (m_rate <= 0)
        return 0;
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    return m_tokens >= 1.0 ? 0.0 : (1.0 - m_tokens) / m_rate;
}

} // namespace wfs::mcp
