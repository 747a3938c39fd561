// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Token buckets, refilled lazily on each acquire() from the injected monotonic clock.
#include "ratelimiter.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <functional>
#include <sstream>

namespace wfs::metrics {

static std::string formatRate(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

RateLimiter::RateLimiter(Options options)
    : m_options(std::move(options))
{
    assert(m_options.ratePerSecond > 0 && "RateLimiter: rate must be positive");
    assert(m_options.burst >= 1 && "RateLimiter: burst must be at least 1");
    assert(m_options.clock && "RateLimiter: clock is required");
    m_options.maxKeys = std::max<std::size_t>(m_options.maxKeys, kShards);
    m_maxPerShard = std::max<std::size_t>(1, m_options.maxKeys / kShards);
}

RateLimiter::Shard &RateLimiter::shardFor(std::string_view key)
{
    return m_shards[std::hash<std::string_view>{}(key) % kShards];
}

void RateLimiter::refill(Bucket &b, std::int64_t nowNs) const
{
    if (nowNs > b.lastNs) {
        const double elapsed = double(nowNs - b.lastNs) / 1e9;
        b.tokens = std::min(m_options.burst, b.tokens + elapsed * m_options.ratePerSecond);
        b.lastNs = nowNs;
    }
}

std::size_t RateLimiter::evictIdleLocked(Shard &shard, std::int64_t nowNs)
{
    std::size_t dropped = 0;
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
        Bucket b = it->second;
        refill(b, nowNs);
        if (b.tokens >= m_options.burst) {
            it = shard.buckets.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
    return dropped;
}

RateDecision RateLimiter::acquire(std::string_view key, double cost)
{
    const std::int64_t now = m_options.clock();
    RateDecision d;
    const auto limitText = [this] {
        return formatRate(m_options.ratePerSecond) + " requests per second, burst " +
               formatRate(m_options.burst);
    };
    if (cost > m_options.burst) {
        d.allowed = false;
        d.retryAfterMs = std::int64_t(std::ceil(cost / m_options.ratePerSecond * 1000.0));
        d.message = "Rate limit exceeded for '" + std::string(key) + "': a request costing " +
                    formatRate(cost) + " can never fit the limit of " + limitText();
        return d;
    }
    Shard &shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end()) {
        if (shard.buckets.size() >= m_maxPerShard && evictIdleLocked(shard, now) == 0) {
            // Every bucket is busy: drop the least recently refilled one.
            auto oldest = std::min_element(
                shard.buckets.begin(), shard.buckets.end(),
                [](const auto &a, const auto &b) { return a.second.lastNs < b.second.lastNs; });
            if (oldest != shard.buckets.end())
                shard.buckets.erase(oldest);
        }
        it = shard.buckets.emplace(std::string(key), Bucket{m_options.burst, now}).first;
    }
    Bucket &b = it->second;
    refill(b, now);
    if (b.tokens + 1e-9 >= cost) {
        b.tokens = std::max(0.0, b.tokens - cost);
        d.remaining = b.tokens;
        return d;
    }
    d.allowed = false;
    d.remaining = b.tokens;
    const double waitSec = (cost - b.tokens) / m_options.ratePerSecond;
    d.retryAfterMs = std::max<std::int64_t>(1, std::int64_t(std::ceil(waitSec * 1000.0)));
    d.message = "Rate limit exceeded for '" + std::string(key) + "' (" + limitText() +
                "); retry after " + std::to_string(d.retryAfterMs) + " ms";
    return d;
}

std::size_t RateLimiter::keyCount() const
{
    std::size_t n = 0;
    for (const Shard &s : m_shards) {
        std::lock_guard lock(s.mutex);
        n += s.buckets.size();
    }
    return n;
}

std::size_t RateLimiter::evictIdle()
{
    const std::int64_t now = m_options.clock();
    std::size_t n = 0;
    for (Shard &s : m_shards) {
        std::lock_guard lock(s.mutex);
        n += evictIdleLocked(s, now);
    }
    return n;
}

} // namespace wfs::metrics
