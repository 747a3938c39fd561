// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// RedisL2Store: the result cache's second level in Redis, shared by every instance of a team
// server (the sibling of the SQLite L2Cache, behind the same L2Store interface).
//
//   auto client = std::make_shared<redis::RedisClient>(*redis::parseRedisUrl(url));
//   auto l2 = std::make_shared<redis::RedisL2Store>(client, 256 << 20);
//   cache::ResultCache cache(options, l2);
//
// Keys (P = RedisOptions::keyPrefix):
//   P l2:e:<key>         the entry: "<n>:<workflowId><value>" (n = length of the id), SET PX ttl
//   P l2:t:<workflowId>  the workflow's tag set (the entry keys; SADD, expires with the longest
//                        TTL put into it), read and deleted with its entries by invalidateWorkflow
//   P l2:idx, l2:size    index of live entries: expiry time (ZSET) and size (HASH) per entry key
//   P l2:stat            the running totals {entries, bytes} (HASH)
// put and invalidateWorkflow are Lua scripts (atomic, one round trip; they touch keys read from
// the tag set and the index, so standalone Redis only, not Redis Cluster). clear() removes P l2:*
// only (SCAN + DEL; never FLUSHDB), so other data in the same database survives.
//
// Stats: hits, misses, writes, invalidations and errors are this process's own counts. entries
// and bytes are the shared totals over all instances, kept by the scripts: every put and every
// stats() call first drops up to 256 expired entries from the index (by Redis' own clock), so the
// totals trail expiry by at most one call's work. Entries Redis itself evicts (maxmemory) stay
// counted until their TTL passes. When Redis is unreachable stats() returns the last totals read.
//
// Redis down (or slow beyond commandTimeoutMs): get() answers "absent" (a miss for the caller)
// and counts an error; put() skips the write, counts an error and returns the failure, which
// ResultCache ignores. No call waits longer than the client's timeouts, and while the client
// knows Redis is down every call returns at once; it recovers by itself (see RedisClient).
// maxBytesHint > 0: values larger than it are not stored (Redis' maxmemory is the real budget;
// the hint is also what a health check compares bytes with). Thread-safe.
#pragma once

#include "redisclient.h"

#include "engine/cache/l2store.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace wfs::redis {

class RedisL2Store final : public cache::L2Store
{
public:
    RedisL2Store(std::shared_ptr<RedisClient> client, std::int64_t maxBytesHint = 0);

    Result<std::optional<cache::L2Hit>> get(std::string_view key) override;
    Result<void> put(std::string_view key, std::string_view operation, std::string_view workflowId,
                     std::string_view value, std::int64_t ttlMs) override;
    Result<int> invalidateWorkflow(std::string_view workflowId) override;
    Result<int> purgeExpired() override { return 0; } ///< Redis expires entries itself
    Result<void> clear() override;
    Stats stats() override;
    void countError() override { m_errors.fetch_add(1, std::memory_order_relaxed); }

    std::int64_t maxBytesHint() const { return m_maxBytesHint; }
    RedisClient &client() { return *m_client; }

private:
    std::string entryKey(std::string_view key) const;
    std::string tagKey(std::string_view workflowId) const;

    std::shared_ptr<RedisClient> m_client;
    std::int64_t m_maxBytesHint;
    std::string m_prefix; ///< keyPrefix + "l2:"
    std::string m_idxKey, m_sizeKey, m_statKey;
    std::atomic<std::uint64_t> m_hits{0}, m_misses{0}, m_writes{0}, m_invalidations{0}, m_errors{0};
    std::atomic<std::int64_t> m_entries{0}, m_bytes{0}; ///< last totals read from Redis
};

} // namespace wfs::redis
