// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Two-level lookup and the statistics view.
#include "resultcache.h"

namespace wfs::cache {

static double rate(std::uint64_t hits, std::uint64_t misses)
{
    return hits + misses == 0 ? 0.0 : double(hits) / double(hits + misses);
}

double CacheStats::l1HitRate() const
{
    return rate(l1.hits, l1.misses);
}

double CacheStats::l2HitRate() const
{
    return rate(l2.hits, l2.misses);
}

Json CacheStats::toJson() const
{
    Json j = Json::object();
    j["l1"] = {{"hits", l1.hits},
               {"misses", l1.misses},
               {"expired", l1.expired},
               {"evictions", l1.evictions},
               {"insertions", l1.insertions},
               {"invalidations", l1.invalidations},
               {"entries", l1.entries},
               {"bytes", l1.bytes}};
    j["l2"] = {{"enabled", l2Enabled},
               {"hits", l2.hits},
               {"misses", l2.misses},
               {"expired", l2.expired},
               {"writes", l2.writes},
               {"evictions", l2.evictions},
               {"invalidations", l2.invalidations},
               {"errors", l2.errors},
               {"entries", l2.entries},
               {"bytes", l2.bytes}};
    j["l1_hit_rate"] = l1HitRate();
    j["l2_hit_rate"] = l2HitRate();
    Json ops = Json::object();
    for (const OperationCacheStats &o : operations) {
        ops[o.operation] = {{"l1_hits", o.l1Hits},
                            {"l1_misses", o.l1Misses},
                            {"l2_hits", o.l2Hits},
                            {"l2_misses", o.l2Misses},
                            {"stores", o.stores},
                            {"bypassed", o.bypassed},
                            {"l1_hit_rate", rate(o.l1Hits, o.l1Misses)}};
    }
    j["operations"] = std::move(ops);
    return j;
}

std::map<std::string, double> CacheStats::toCounters() const
{
    std::map<std::string, double> c;
    c["cache.l1.hits"] = double(l1.hits);
    c["cache.l1.misses"] = double(l1.misses);
    c["cache.l1.evictions"] = double(l1.evictions);
    c["cache.l1.entries"] = double(l1.entries);
    c["cache.l1.bytes"] = double(l1.bytes);
    c["cache.l1.hit_rate"] = l1HitRate();
    if (l2Enabled) {
        c["cache.l2.hits"] = double(l2.hits);
        c["cache.l2.misses"] = double(l2.misses);
        c["cache.l2.entries"] = double(l2.entries);
        c["cache.l2.bytes"] = double(l2.bytes);
        c["cache.l2.hit_rate"] = l2HitRate();
    }
    for (const OperationCacheStats &o : operations) {
        c["cache." + o.operation + ".l1_hits"] = double(o.l1Hits);
        c["cache." + o.operation + ".l1_misses"] = double(o.l1Misses);
    }
    return c;
}

ResultCache::ResultCache(Options options, std::shared_ptr<L2Store> l2)
    : m_options(options)
    , m_l1(std::move(options.l1))
    , m_l2(std::move(l2))
{}

std::size_t ResultCache::operationIndex(std::string_view operation)
{
    for (std::size_t i = 0; i + 1 < kOperations.size(); ++i) {
        if (kOperations[i] == operation)
            return i;
    }
    return kOperations.size() - 1;
}

CachedValuePtr ResultCache::get(std::string_view operation, std::string_view key)
{
    Counters &c = m_counters[operationIndex(operation)];
    if (CachedValuePtr v = m_l1.get(key)) {
        (v->bypass ? c.bypassed : c.l1Hits).fetch_add(1, std::memory_order_relaxed);
        return v;
    }
    c.l1Misses.fetch_add(1, std::memory_order_relaxed);
    if (!m_l2)
        return nullptr;
    Result<std::optional<L2Hit>> stored = m_l2->get(key);
    if (!stored || !*stored) {
        c.l2Misses.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    CachedValuePtr v = CachedValue::decode((*stored)->value);
    if (!v) {
        // Unreadable row: count it as a miss; the recomputed value will replace it.
        m_l2->countError();
        c.l2Misses.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    c.l2Hits.fetch_add(1, std::memory_order_relaxed);
    m_l1.put(key, v, (*stored)->workflowId,
             std::min(m_options.ttlMs, (*stored)->remainingMs) * 1'000'000);
    return v;
}

void ResultCache::put(std::string_view operation, std::string_view key, std::string_view workflowId,
                      CachedValuePtr value)
{
    m_counters[operationIndex(operation)].stores.fetch_add(1, std::memory_order_relaxed);
    if (m_l2)
        (void)m_l2->put(key, operation, workflowId, value->encoded, m_options.ttlMs);
    m_l1.put(key, std::move(value), workflowId, m_options.ttlMs * 1'000'000);
}

void ResultCache::markBypass(std::string_view operation, std::string_view key,
                             std::string_view workflowId)
{
    (void)operation;
    m_l1.put(key, CachedValue::bypassMarker(), workflowId, m_options.ttlMs * 1'000'000);
}

void ResultCache::countBypass(std::string_view operation)
{
    m_counters[operationIndex(operation)].bypassed.fetch_add(1, std::memory_order_relaxed);
}

void ResultCache::countPrecomputedHit(std::string_view operation)
{
    m_counters[operationIndex(operation)].l1Hits.fetch_add(1, std::memory_order_relaxed);
    m_precomputedHits.fetch_add(1, std::memory_order_relaxed);
}

void ResultCache::invalidateWorkflow(std::string_view workflowId)
{
    m_l1.invalidateWorkflow(workflowId);
    if (m_l2)
        (void)m_l2->invalidateWorkflow(workflowId);
}

void ResultCache::invalidateAll()
{
    m_l1.clear();
    if (m_l2)
        (void)m_l2->clear();
}

CacheStats ResultCache::stats() const
{
    CacheStats s;
    s.l1 = m_l1.stats();
    s.l1.hits += m_precomputedHits.load(std::memory_order_relaxed);
    s.l2Enabled = m_l2 != nullptr;
    if (m_l2)
        s.l2 = m_l2->stats();
    for (std::size_t i = 0; i < kOperations.size(); ++i) {
        const Counters &c = m_counters[i];
        OperationCacheStats o;
        o.operation = std::string(kOperations[i]);
        o.l1Hits = c.l1Hits.load(std::memory_order_relaxed);
        o.l1Misses = c.l1Misses.load(std::memory_order_relaxed);
        o.l2Hits = c.l2Hits.load(std::memory_order_relaxed);
        o.l2Misses = c.l2Misses.load(std::memory_order_relaxed);
        o.stores = c.stores.load(std::memory_order_relaxed);
        o.bypassed = c.bypassed.load(std::memory_order_relaxed);
        s.operations.push_back(std::move(o));
    }
    return s;
}

} // namespace wfs::cache
