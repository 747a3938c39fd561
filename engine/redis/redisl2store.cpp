// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The L2 entries in Redis: GET + PTTL in one round trip, put / invalidate / stats as Lua scripts
// that keep the shared totals, clear() as SCAN + DEL under our prefix.
#include "redisl2store.h"

#include <algorithm>
#include <charconv>

namespace wfs::redis {

namespace {

// Lua shared by the scripts: `now` in ms by Redis' clock, and trim(), which drops up to `limit`
// expired entries from the index and the totals. KEYS[1..3] = idx, size, stat in every script.
constexpr std::string_view kPrelude = R"lua(
if redis.replicate_commands then pcall(redis.replicate_commands) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function forget(k)
  local s = redis.call('HGET', KEYS[2], k)
  if s then
    redis.call('HDEL', KEYS[2], k)
    redis.call('HINCRBY', KEYS[3], 'entries', -1)
    redis.call('HINCRBY', KEYS[3], 'bytes', -tonumber(s))
  end
  redis.call('ZREM', KEYS[1], k)
end
local function trim(limit)
  local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, limit)
  for _, k in ipairs(old) do forget(k) end
end
)lua";

// KEYS[4] = entry, KEYS[5] = tag; ARGV = value, ttl ms. Returns 1 for a new entry.
constexpr std::string_view kPut = R"lua(
trim(64)
local ttl = tonumber(ARGV[2])
local size = string.len(ARGV[1])
local prev = redis.call('HGET', KEYS[2], KEYS[4])
if prev then
  redis.call('HINCRBY', KEYS[3], 'bytes', size - tonumber(prev))
else
  redis.call('HINCRBY', KEYS[3], 'entries', 1)
  redis.call('HINCRBY', KEYS[3], 'bytes', size)
end
redis.call('HSET', KEYS[2], KEYS[4], size)
redis.call('ZADD', KEYS[1], now + ttl, KEYS[4])
redis.call('SET', KEYS[4], ARGV[1], 'PX', ttl)
redis.call('SADD', KEYS[5], KEYS[4])
if redis.call('PTTL', KEYS[5]) < ttl then redis.call('PEXPIRE', KEYS[5], ttl) end
if prev then return 0 end
return 1
)lua";

// KEYS[4] = tag. Returns how many entries were deleted.
constexpr std::string_view kInvalidate = R"lua(
local n = 0
for _, k in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  forget(k)
  n = n + redis.call('DEL', k)
end
redis.call('DEL', KEYS[4])
return n
)lua";

// Returns {entries, bytes}.
constexpr std::string_view kStats = R"lua(
trim(256)
local v = redis.call('HMGET', KEYS[3], 'entries', 'bytes')
return {tonumber(v[1]) or 0, tonumber(v[2]) or 0}
)lua";

const RedisScript &putScript()
{
    static const RedisScript s(std::string(kPrelude) + std::string(kPut));
    return s;
}

const RedisScript &invalidateScript()
{
    static const RedisScript s(std::string(kPrelude) + std::string(kInvalidate));
    return s;
}

const RedisScript &statsScript()
{
    static const RedisScript s(std::string(kPrelude) + std::string(kStats));
    return s;
}

// "<n>:<workflowId><value>"
std::string encodeEntry(std::string_view workflowId, std::string_view value)
{
    std::string out = std::to_string(workflowId.size());
    out += ':';
    out += workflowId;
    out += value;
    return out;
}

bool decodeEntry(std::string_view stored, cache::L2Hit &hit)
{
    const std::size_t colon = stored.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 9)
        return false;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(stored.data(), stored.data() + colon, n);
    if (ec != std::errc() || end != stored.data() + colon || n > stored.size() - colon - 1)
        return false;
    hit.workflowId = std::string(stored.substr(colon + 1, n));
    hit.value = std::string(stored.substr(colon + 1 + n));
    return true;
}

// `s` with Redis' glob characters escaped, for SCAN MATCH.
std::string globEscape(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

RedisL2Store::RedisL2Store(std::shared_ptr<RedisClient> client, std::int64_t maxBytesHint)
    : m_client(std::move(client))
    , m_maxBytesHint(maxBytesHint)
    , m_prefix(m_client->options().keyPrefix + "l2:")
    , m_idxKey(m_prefix + "idx")
    , m_sizeKey(m_prefix + "size")
    , m_statKey(m_prefix + "stat")
{}

std::string RedisL2Store::entryKey(std::string_view key) const
{
    std::string k = m_prefix + "e:";
    k += key;
    return k;
}

std::string RedisL2Store::tagKey(std::string_view workflowId) const
{
    std::string k = m_prefix + "t:";
    k += workflowId;
    return k;
}

Result<std::optional<cache::L2Hit>> RedisL2Store::get(std::string_view key)
{
    using R = Result<std::optional<cache::L2Hit>>;
    const std::string k = entryKey(key);
    Result<std::vector<RedisReply>> r = m_client->pipeline({{"GET", k}, {"PTTL", k}});
    if (!r || r->size() != 2 || (*r)[0].isError()) {
        countError(); // a miss for the caller, never a failure of the tool call
        return std::optional<cache::L2Hit>();
    }
    const RedisReply &value = (*r)[0];
    if (value.type != RedisReply::Type::String) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return std::optional<cache::L2Hit>();
    }
    cache::L2Hit hit;
    if (!decodeEntry(value.str, hit)) {
        countError();
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return std::optional<cache::L2Hit>();
    }
    const RedisReply &pttl = (*r)[1];
    // -1 (no TTL) cannot happen for our entries; -2 (expired just now) still answers once.
    hit.remainingMs = pttl.type == RedisReply::Type::Integer && pttl.integer > 0 ? pttl.integer : 1;
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return R(std::optional<cache::L2Hit>(std::move(hit)));
}

Result<void> RedisL2Store::put(std::string_view key, std::string_view operation,
                               std::string_view workflowId, std::string_view value,
                               std::int64_t ttlMs)
{
    (void)operation; // not stored: the key already encodes it
    if (ttlMs <= 0 || (m_maxBytesHint > 0 && std::int64_t(value.size()) > m_maxBytesHint))
        return {};
    const std::string k = entryKey(key);
    const std::string tag = tagKey(workflowId);
    const std::string stored = encodeEntry(workflowId, value);
    const std::string ttl = std::to_string(ttlMs);
    Result<RedisReply> r =
        m_client->eval(putScript(), {m_idxKey, m_sizeKey, m_statKey, k, tag}, {stored, ttl});
    if (!r) {
        countError();
        return Result<void>::failure(r.error());
    }
    m_writes.fetch_add(1, std::memory_order_relaxed);
    return {};
}

Result<int> RedisL2Store::invalidateWorkflow(std::string_view workflowId)
{
    const std::string tag = tagKey(workflowId);
    Result<RedisReply> r =
        m_client->eval(invalidateScript(), {m_idxKey, m_sizeKey, m_statKey, tag}, {});
    if (!r) {
        countError();
        return Result<int>::failure(r.error());
    }
    const int n = int(r->integer);
    m_invalidations.fetch_add(std::uint64_t(n), std::memory_order_relaxed);
    return n;
}

Result<void> RedisL2Store::clear()
{
    const std::string match = globEscape(m_prefix) + "*";
    const std::string entries = m_prefix + "e:";
    std::string cursor = "0";
    std::uint64_t dropped = 0;
    do {
        Result<RedisReply> r = m_client->command({"SCAN", cursor, "MATCH", match, "COUNT", "1000"});
        if (!r || r->elements.size() != 2) {
            countError();
            return Result<void>::failure(r ? "Redis: unexpected SCAN reply" : r.error());
        }
        cursor = r->elements[0].str;
        const std::vector<RedisReply> &keys = r->elements[1].elements;
        if (keys.empty())
            continue;
        // Entries and bookkeeping keys apart: DEL's count of the entries is exact even if SCAN
        // returns a key twice.
        std::vector<std::string_view> delEntries{"DEL"}, delOthers{"DEL"};
        for (const RedisReply &k : keys)
            (k.str.starts_with(entries) ? delEntries : delOthers).push_back(k.str);
        std::vector<std::vector<std::string_view>> cmds;
        if (delEntries.size() > 1)
            cmds.push_back(delEntries);
        if (delOthers.size() > 1)
            cmds.push_back(delOthers);
        Result<std::vector<RedisReply>> d = m_client->pipeline(cmds);
        if (!d) {
            countError();
            return Result<void>::failure(d.error());
        }
        if (delEntries.size() > 1 && !d->empty())
            dropped += std::uint64_t(std::max(0LL, d->front().integer));
    } while (cursor != "0");
    m_invalidations.fetch_add(dropped, std::memory_order_relaxed);
    m_entries.store(0, std::memory_order_relaxed);
    m_bytes.store(0, std::memory_order_relaxed);
    return {};
}

cache::L2Store::Stats RedisL2Store::stats()
{
    Stats s;
    s.hits = m_hits.load(std::memory_order_relaxed);
    s.misses = m_misses.load(std::memory_order_relaxed);
    s.writes = m_writes.load(std::memory_order_relaxed);
    s.invalidations = m_invalidations.load(std::memory_order_relaxed);
    s.errors = m_errors.load(std::memory_order_relaxed);
    // Not counted as an error when it fails: the dashboard asks every second, and the failures
    // of real lookups already say that Redis is away.
    if (Result<RedisReply> r = m_client->eval(statsScript(), {m_idxKey, m_sizeKey, m_statKey}, {});
        r && r->elements.size() == 2) {
        m_entries.store(std::max<long long>(0, r->elements[0].integer), std::memory_order_relaxed);
        m_bytes.store(std::max<long long>(0, r->elements[1].integer), std::memory_order_relaxed);
    }
    s.entries = m_entries.load(std::memory_order_relaxed);
    s.bytes = m_bytes.load(std::memory_order_relaxed);
    return s;
}

} // namespace wfs::redis
