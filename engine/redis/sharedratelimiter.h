// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// SharedRateLimiter: metrics::RateLimiter's token bucket per client key, kept in Redis so that
// every instance of a team server draws on one budget per key.
//
//   redis::SharedRateLimiter limiter(client, {.ratePerSecond = 50, .burst = 100});
//   const auto d = limiter.acquire(peer);
//   if (!d.allowed) return tooManyRequests(d.retryAfterMs, d.message);
//
// Same meaning as the local limiter: `burst` tokens per key, refilled at `ratePerSecond`; a
// request takes `cost` tokens or is refused with the time after which it would succeed (same
// messages). The bucket is a Redis hash P rl:<key> {tokens, ts} updated by one Lua script
// (atomic, one round trip, Redis' clock, so the instances' clocks do not matter); it expires
// once it would have refilled completely, so idle keys cost Redis nothing.
//
// Redis unavailable (or slower than commandTimeoutMs): the decision comes from a local
// metrics::RateLimiter with the same options, so each instance enforces the limit on its own
// (the fleet then allows up to N times the budget; it never refuses everything and never lets
// everything through). A cost above `burst` is refused locally without asking Redis.
// Thread-safe. `options.clock` drives the local fallback only.
#pragma once

#include "redisclient.h"

#include "engine/metrics/ratelimiter.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>

namespace wfs::redis {

class SharedRateLimiter
{
public:
    SharedRateLimiter(std::shared_ptr<RedisClient> client, metrics::RateLimiter::Options options);
    SharedRateLimiter(const SharedRateLimiter &) = delete;
    SharedRateLimiter &operator=(const SharedRateLimiter &) = delete;

    metrics::RateDecision acquire(std::string_view key, double cost = 1.0);

    const metrics::RateLimiter::Options &options() const { return m_local.options(); }
    // Decisions taken by the local fallback because Redis could not be asked.
    std::uint64_t fallbackDecisions() const { return m_fallbacks.load(std::memory_order_relaxed); }

private:
    std::shared_ptr<RedisClient> m_client;
    metrics::RateLimiter m_local;
    std::string m_prefix; ///< keyPrefix + "rl:"
    std::atomic<std::uint64_t> m_fallbacks{0};
};

} // namespace wfs::redis
