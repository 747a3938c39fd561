// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// L1Cache: the in-memory level of the result cache.
//
// Segmented LRU (probation + protected segments, protected = 80% of the budget): a new entry
// starts in probation and is promoted on its second hit, so a burst of one-off keys (a scan)
// cannot flush the entries that are used repeatedly. Bounded by bytes (each value states its
// size), entries expire after their TTL (injectable monotonic clock), and the key space is split
// over 16 shards with a mutex each so that threads rarely contend. A hit costs one hash, one
// lock and a shared_ptr copy.
#pragma once

#include "cachedvalue.h"

#include "engine/metrics/clock.h"

#include <array>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace wfs::cache {

class L1Cache
{
public:
    struct Options
    {
        std::size_t maxBytes = std::size_t(32) << 20;    ///< budget over all shards
        double protectedShare = 0.8;                     ///< share of a shard kept for re-used keys
        metrics::ClockFn clock = metrics::steadyClock(); ///< monotonic ns, for TTLs
    };
    struct Stats
    {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;    ///< includes expired
        std::uint64_t expired = 0;   ///< lookups that found an entry past its TTL
        std::uint64_t evictions = 0; ///< entries dropped to stay within maxBytes
        std::uint64_t insertions = 0;
        std::uint64_t invalidations = 0; ///< entries dropped by invalidate*/clear
        std::size_t entries = 0;
        std::size_t bytes = 0;
    };
    static constexpr std::size_t kShards = 16;

    explicit L1Cache(Options options);
    L1Cache(const L1Cache &) = delete;
    L1Cache &operator=(const L1Cache &) = delete;

    // The value under `key`, or null (absent or expired).
    CachedValuePtr get(std::string_view key);
    // Stores `value` (size value->bytes + key) for `ttlNs`; `workflowId` tags it for
    // invalidateWorkflow(). A value larger than a shard's budget is not stored.
    void put(std::string_view key, CachedValuePtr value, std::string_view workflowId,
             std::int64_t ttlNs);
    bool remove(std::string_view key);
    // Drops every entry tagged `workflowId`. Returns how many.
    std::size_t invalidateWorkflow(std::string_view workflowId);
    void clear();
    Stats stats() const;
    std::size_t maxBytes() const { return m_options.maxBytes; }

private:
    struct Entry
    {
        std::string key;
        CachedValuePtr value;
        std::string workflowId;
        std::size_t bytes = 0;
        std::int64_t expiresNs = 0;
        bool isProtected = false;
    };
    using List = std::list<Entry>;
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept
        {
            return std::hash<std::string_view>{}(s);
        }
    };
    struct alignas(64) Shard
    {
        mutable std::mutex mutex;
        std::unordered_map<std::string_view, List::iterator, Hash, std::equal_to<>> index;
        List probation; ///< front = most recent
        List protectedList;
        std::size_t probationBytes = 0;
        std::size_t protectedBytes = 0;
        Stats stats;
    };

    Shard &shardFor(std::string_view key, std::size_t &hash);
    void eraseLocked(Shard &shard, List::iterator it);
    void rebalanceLocked(Shard &shard);

    Options m_options;
    std::size_t m_shardBytes;
    std::size_t m_protectedBytes;
    std::array<Shard, kShards> m_shards;
};

} // namespace wfs::cache
