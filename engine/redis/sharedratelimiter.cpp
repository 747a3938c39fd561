// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The token bucket as a Lua script; the local RateLimiter when Redis cannot answer.
#include "sharedratelimiter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace wfs::redis {

namespace {

// KEYS[1] = bucket; ARGV = rate per second, burst, cost. Returns {allowed (0/1), tokens left}
// (tokens as a string: Lua numbers become integers in replies).
const RedisScript &bucketScript()
{
    static const RedisScript s(R"lua(
if redis.replicate_commands then pcall(redis.replicate_commands) end
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) / 1000 * rate)
  ts = now
end
local allowed = 0
if tokens + 1e-9 >= cost then
  tokens = math.max(0, tokens - cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.17g', ts))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
return {allowed, string.format('%.17g', tokens)}
)lua");
    return s;
}

std::string formatNumber(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string exactNumber(double v)
{
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
}

} // namespace

SharedRateLimiter::SharedRateLimiter(std::shared_ptr<RedisClient> client,
                                     metrics::RateLimiter::Options options)
    : m_client(std::move(client))
    , m_local(std::move(options))
    , m_prefix(m_client->options().keyPrefix + "rl:")
{}

metrics::RateDecision SharedRateLimiter::acquire(std::string_view key, double cost)
{
    const metrics::RateLimiter::Options &o = m_local.options();
    if (cost > o.burst)
        return m_local.acquire(key, cost); // refused at once, no bucket touched

    std::string bucket = m_prefix;
    bucket += key;
    const std::string rate = exactNumber(o.ratePerSecond);
    const std::string burst = exactNumber(o.burst);
    const std::string costText = exactNumber(cost);
    Result<RedisReply> r = m_client->eval(bucketScript(), {bucket}, {rate, burst, costText});
    if (!r || r->elements.size() != 2 || r->elements[0].type != RedisReply::Type::Integer) {
        m_fallbacks.fetch_add(1, std::memory_order_relaxed);
        return m_local.acquire(key, cost);
    }
    metrics::RateDecision d;
    d.remaining = std::strtod(r->elements[1].str.c_str(), nullptr);
    if (r->elements[0].integer == 1)
        return d;
    d.allowed = false;
    const double waitSec = (cost - d.remaining) / o.ratePerSecond;
    d.retryAfterMs = std::max<std::int64_t>(1, std::int64_t(std::ceil(waitSec * 1000.0)));
    d.message = "Rate limit exceeded for '" + std::string(key) + "' (" +
                formatNumber(o.ratePerSecond) + " requests per second, burst " +
                formatNumber(o.burst) + "); retry after " + std::to_string(d.retryAfterMs) + " ms";
    return d;
}

} // namespace wfs::redis
