// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Segmented LRU shards. Invariants per shard (checked by the tests through stats()):
// probationBytes + protectedBytes <= shard budget after every put; protectedBytes <= the
// protected share; every list node is in the index exactly once.
#include "l1cache.h"

#include <cassert>

namespace wfs::cache {

L1Cache::L1Cache(Options options)
    : m_options(std::move(options))
{
    assert(m_options.clock && "L1Cache needs a clock");
    m_shardBytes = std::max<std::size_t>(m_options.maxBytes / kShards, 1);
    m_protectedBytes = std::size_t(double(m_shardBytes) * m_options.protectedShare);
}

L1Cache::Shard &L1Cache::shardFor(std::string_view key, std::size_t &hash)
{
    hash = Hash{}(key);
    // The map uses the low bits; pick the shard from the high ones.
    return m_shards[(hash >> 56) % kShards];
}

void L1Cache::eraseLocked(Shard &shard, List::iterator it)
{
    shard.index.erase(std::string_view(it->key));
    if (it->isProtected) {
        shard.protectedBytes -= it->bytes;
        shard.protectedList.erase(it);
    } else {
        shard.probationBytes -= it->bytes;
        shard.probation.erase(it);
    }
}

void L1Cache::rebalanceLocked(Shard &shard)
{
    // Protected overflow goes back to the head of probation (a second chance).
    while (shard.protectedBytes > m_protectedBytes && !shard.protectedList.empty()) {
        auto last = std::prev(shard.protectedList.end());
        last->isProtected = false;
        shard.protectedBytes -= last->bytes;
        shard.probationBytes += last->bytes;
        shard.probation.splice(shard.probation.begin(), shard.protectedList, last);
    }
    // Over budget: evict from the tail of probation, then of protected.
    while (shard.probationBytes + shard.protectedBytes > m_shardBytes) {
        List &victims = shard.probation.empty() ? shard.protectedList : shard.probation;
        if (victims.empty())
            break;
        eraseLocked(shard, std::prev(victims.end()));
        ++shard.stats.evictions;
    }
}

CachedValuePtr L1Cache::get(std::string_view key)
{
    std::size_t hash = 0;
    Shard &shard = shardFor(key, hash);
    const std::int64_t now = m_options.clock();
    std::lock_guard lock(shard.mutex);
    auto found = shard.index.find(key);
    if (found == shard.index.end()) {
        ++shard.stats.misses;
        return nullptr;
    }
    List::iterator it = found->second;
    if (it->expiresNs <= now) {
        eraseLocked(shard, it);
        ++shard.stats.expired;
        ++shard.stats.misses;
        return nullptr;
    }
    if (it->isProtected) {
        shard.protectedList.splice(shard.protectedList.begin(), shard.protectedList, it);
    } else {
        it->isProtected = true;
        shard.probationBytes -= it->bytes;
        shard.protectedBytes += it->bytes;
        shard.protectedList.splice(shard.protectedList.begin(), shard.probation, it);
        rebalanceLocked(shard);
    }
    if (!it->value->bypass) // a bypass marker is neither a hit nor a miss
        ++shard.stats.hits;
    return it->value;
}

void L1Cache::put(std::string_view key, CachedValuePtr value, std::string_view workflowId,
                  std::int64_t ttlNs)
{
    assert(value && "L1Cache::put of a null value");
    const std::size_t bytes = value->bytes + key.size() + workflowId.size() + 96;
    std::size_t hash = 0;
    Shard &shard = shardFor(key, hash);
    const std::int64_t now = m_options.clock();
    std::lock_guard lock(shard.mutex);
    if (auto found = shard.index.find(key); found != shard.index.end())
        eraseLocked(shard, found->second);
    if (bytes > m_shardBytes || ttlNs <= 0)
        return;
    shard.probation.push_front(Entry{std::string(key), std::move(value), std::string(workflowId),
                                     bytes, now + ttlNs, false});
    shard.index.emplace(std::string_view(shard.probation.front().key), shard.probation.begin());
    shard.probationBytes += bytes;
    ++shard.stats.insertions;
    rebalanceLocked(shard);
}

bool L1Cache::remove(std::string_view key)
{
    std::size_t hash = 0;
    Shard &shard = shardFor(key, hash);
    std::lock_guard lock(shard.mutex);
    auto found = shard.index.find(key);
    if (found == shard.index.end())
        return false;
    eraseLocked(shard, found->second);
    ++shard.stats.invalidations;
    return true;
}

std::size_t L1Cache::invalidateWorkflow(std::string_view workflowId)
{
    std::size_t n = 0;
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        for (List *list : {&shard.probation, &shard.protectedList}) {
            for (auto it = list->begin(); it != list->end();) {
                auto next = std::next(it);
                if (it->workflowId == workflowId) {
                    eraseLocked(shard, it);
                    ++shard.stats.invalidations;
                    ++n;
                }
                it = next;
            }
        }
    }
    return n;
}

void L1Cache::clear()
{
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        shard.stats.invalidations += shard.index.size();
        shard.index.clear();
        shard.probation.clear();
        shard.protectedList.clear();
        shard.probationBytes = shard.protectedBytes = 0;
    }
}

L1Cache::Stats L1Cache::stats() const
{
    Stats total;
    for (const Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        total.hits += shard.stats.hits;
        total.misses += shard.stats.misses;
        total.expired += shard.stats.expired;
        total.evictions += shard.stats.evictions;
        total.insertions += shard.stats.insertions;
        total.invalidations += shard.stats.invalidations;
        total.entries += shard.index.size();
        total.bytes += shard.probationBytes + shard.protectedBytes;
    }
    return total;
}

} // namespace wfs::cache
