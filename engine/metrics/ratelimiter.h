// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Token-bucket rate limiting per client key (MCP session, HTTP peer, ...).
//
// Each key owns a bucket of `burst` tokens refilled at `ratePerSecond`; a request takes `cost`
// tokens or is refused with the time after which it would succeed. Thread-safe (16 shards, one
// mutex each). Memory is bounded: at most `maxKeys` buckets are kept; a bucket that has refilled
// to full is indistinguishable from a new one and is dropped first, then the least recently used.
//
//   wfs::metrics::RateLimiter limiter({.ratePerSecond = 50, .burst = 100});
//   const auto d = limiter.acquire(sessionId);
//   if (!d.allowed) return error(d.message);   // "... retry after 20 ms"
#pragma once

#include "clock.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace wfs::metrics {

struct RateDecision
{
    bool allowed = true;
    std::int64_t retryAfterMs = 0; ///< when refused: wait this long before trying again (>= 1)
    double remaining = 0;          ///< tokens left in the bucket after this decision
    std::string message;           ///< when refused: a sentence for the client, naming the limit
};

class RateLimiter
{
public:
    struct Options
    {
        double ratePerSecond = 100;    ///< sustained requests per second per key (> 0)
        double burst = 200;            ///< bucket size: requests allowed at once (>= 1)
        std::size_t maxKeys = 10'000;  ///< buckets kept at most (>= 16)
        ClockFn clock = steadyClock(); ///< monotonic, nanoseconds
    };

    explicit RateLimiter(Options options);
    RateLimiter(const RateLimiter &) = delete;
    RateLimiter &operator=(const RateLimiter &) = delete;

    // Takes `cost` tokens from `key`'s bucket if it has them. A cost above `burst` can never
    // succeed and is refused with a message saying so.
    RateDecision acquire(std::string_view key, double cost = 1.0);

    // Buckets currently held (for tests and the health check).
    std::size_t keyCount() const;
    // Drops every bucket that has refilled to full (they carry no state). Returns how many.
    std::size_t evictIdle();
    const Options &options() const { return m_options; }

private:
    struct Bucket
    {
        double tokens = 0;
        std::int64_t lastNs = 0; ///< last refill time
    };
    struct KeyHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::unordered_map<std::string, Bucket, KeyHash, std::equal_to<>> buckets;
    };
    static constexpr std::size_t kShards = 16;

    Shard &shardFor(std::string_view key);
    void refill(Bucket &b, std::int64_t nowNs) const;
    std::size_t evictIdleLocked(Shard &shard, std::int64_t nowNs);

    Options m_options;
    std::size_t m_maxPerShard;
    std::array<Shard, kShards> m_shards;
};

} // namespace wfs::metrics
