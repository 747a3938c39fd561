// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// ResultCache: L1 (memory) in front of L2 (SQLite), with hit/miss counters per level and per
// operation. An L2 hit is promoted into L1. Keys must already encode everything the value
// depends on (the caching decorator puts the workflow's content hash in them), so a changed
// workflow simply stops matching its old entries; invalidateWorkflow() then frees them.
#pragma once

#include "cachedvalue.h"
#include "l1cache.h"
#include "l2store.h"

#include "model/json.h"

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::cache {

struct OperationCacheStats
{
    std::string operation;
    std::uint64_t l1Hits = 0;
    std::uint64_t l1Misses = 0;
    std::uint64_t l2Hits = 0;
    std::uint64_t l2Misses = 0;
    std::uint64_t stores = 0;
    std::uint64_t bypassed = 0; ///< calls that were not cacheable (session-bound, time-dependent)
};

struct CacheStats
{
    L1Cache::Stats l1;
    L2Store::Stats l2;
    bool l2Enabled = false;
    std::vector<OperationCacheStats> operations;

    double l1HitRate() const; ///< hits / (hits + misses), 0..1; 0 when unused
    double l2HitRate() const; ///< over the L2 lookups (L1 misses), 0..1
    // {"l1": {...}, "l2": {...}, "l1_hit_rate", "l2_hit_rate", "operations": {op: {...}}}
    Json toJson() const;
    // Flat "cache.l1.hits" = value pairs for MetricsStore counters.
    std::map<std::string, double> toCounters() const;
};

class ResultCache
{
public:
    struct Options
    {
        L1Cache::Options l1;
        std::int64_t ttlMs = 10 * 60 * 1000; ///< entry lifetime in both levels
    };
    // The operations with their own counters; anything else is counted under "other".
    static constexpr std::array<std::string_view, 5> kOperations = {
        "workflow_list", "workflow_get", "workflow_next", "workflow_validate", "other"};

    // `l2` may be null (memory only).
    ResultCache(Options options, std::shared_ptr<L2Store> l2 = nullptr);

    CachedValuePtr get(std::string_view operation, std::string_view key);
    void put(std::string_view operation, std::string_view key, std::string_view workflowId,
             CachedValuePtr value);
    void countBypass(std::string_view operation);
    // An answer served from memory without a lookup (workflow_list, precomputed with the
    // workflow set): counted as an L1 hit.
    void countPrecomputedHit(std::string_view operation);
    // Remembers in L1 that `key`'s answers cannot be cached (time-dependent): get() then returns
    // the bypass marker (CachedValue::bypass) and counts a bypass instead of a miss.
    void markBypass(std::string_view operation, std::string_view key, std::string_view workflowId);
    // Drops the entries tagged `workflowId` from both levels.
    void invalidateWorkflow(std::string_view workflowId);
    void invalidateAll();

    CacheStats stats() const;
    L1Cache &l1() { return m_l1; }
    L2Store *l2() const { return m_l2.get(); }
    std::int64_t ttlMs() const { return m_options.ttlMs; }

private:
    struct Counters
    {
        std::atomic<std::uint64_t> l1Hits{0}, l1Misses{0}, l2Hits{0}, l2Misses{0}, stores{0},
            bypassed{0};
    };
    static std::size_t operationIndex(std::string_view operation);

    Options m_options;
    L1Cache m_l1;
    std::shared_ptr<L2Store> m_l2;
    std::array<Counters, kOperations.size()> m_counters;
    std::atomic<std::uint64_t> m_precomputedHits{0};
};

} // namespace wfs::cache
