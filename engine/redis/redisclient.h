// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// RedisClient: the team server's connection to Redis (issue #19), shared by the Redis L2 store,
// the shared rate limiter and whoever publishes invalidations. hiredis is a PRIVATE dependency
// of wfs_redis: no header outside engine/redis sees it.
//
//   Result<RedisOptions> o = parseRedisUrl("redis://:secret@cache.lan:6379/2");
//   if (!o) return fail(o.error());               // names what is wrong, never the password
//   auto client = std::make_shared<RedisClient>(*o);
//   if (Result<void> p = client->ping(); !p) warn(p.error());
//   client->publish(std::string(kInvalidateChannel), payload);
//
// Thread-safe: a small pool (at most `poolSize` connections), each call borrows one connection
// for one command or pipeline. A broken connection is dropped; a reused connection that the
// server closed (Redis restarted) is retried once on a fresh one. When a connect or a command
// fails for any other reason the client is "down": every call fails at once, without touching
// the network, until the next dial is due (250 ms, doubling up to 1 s while Redis stays down;
// only one caller dials then). So a down Redis costs callers an immediate error, never a
// connect timeout per call; a hung Redis costs one commandTimeoutMs per back-off period.
// Bounds of one call: a dial (connectTimeoutMs, only when no idle connection is left) plus the
// command (commandTimeoutMs), plus at most commandTimeoutMs waiting for a free connection when
// all `poolSize` are lent out. A host name is resolved at each dial (getaddrinfo: not bounded by
// the timeouts; use an address where DNS may hang). The constructor does not connect; the first
// call does. Standalone Redis (or a replica set's primary): not Redis Cluster.
//
// Writing to a socket the server closed raises SIGPIPE: the first RedisClient (or Subscriber)
// sets SIGPIPE to SIG_IGN if it still has its default action (which would end the process).
#pragma once

#include "model/result.h"

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::redis {

// The channel the team server's instances announce changed workflows on (payload: the
// integration's choice; the Subscriber delivers it verbatim and "" after a reconnect).
inline constexpr std::string_view kInvalidateChannel = "wfs:invalidate";

struct RedisOptions
{
    std::string url = {}; ///< redis://HOST:PORT[/DB], redis://[USER]:PASSWORD@HOST:PORT/DB
    int connectTimeoutMs = 300;
    int commandTimeoutMs = 300;
    int poolSize = 4; ///< connections at most
    std::string keyPrefix = "wfs:";
    std::string instanceId = {}; ///< "" = hostname:pid (RedisClient fills it in)
};

// What a redis:// URL names. Host "[::1]" is returned without brackets.
struct RedisEndpoint
{
    std::string host;
    int port = 6379;
    int db = 0;
    std::string username; ///< ACL user (Redis 6+); empty = default user
    std::string password; ///< empty = no AUTH
    // "redis://host:port/db" (no credentials): for logs, health and status pages.
    std::string describe() const;
};

// Checks `url` and returns options with it and every other field at its default. Errors name
// the part that is wrong; the password is never repeated.
Result<RedisOptions> parseRedisUrl(std::string_view url);
Result<RedisEndpoint> parseRedisEndpoint(std::string_view url);

// A reply, copied out of hiredis (RESP2).
struct RedisReply
{
    enum class Type { Nil, String, Status, Integer, Array, Error };
    Type type = Type::Nil;
    std::string str;       ///< String, Status, Error
    long long integer = 0; ///< Integer
    std::vector<RedisReply> elements;

    bool isError() const { return type == Type::Error; }
    bool isNil() const { return type == Type::Nil; }
};

// A Lua script run with EVALSHA, falling back to EVAL when the server does not know it yet (a
// new or restarted Redis). Build once (the SHA-1 is computed here) and keep it.
class RedisScript
{
public:
    explicit RedisScript(std::string source);
    const std::string &source() const { return m_source; }
    const std::string &sha1() const { return m_sha1; }

private:
    std::string m_source;
    std::string m_sha1; ///< 40 lower-case hex digits
};

class RedisClient
{
public:
    explicit RedisClient(RedisOptions options);
    ~RedisClient();
    RedisClient(const RedisClient &) = delete;
    RedisClient &operator=(const RedisClient &) = delete;

    Result<void> ping(); ///< PING; for health checks
    /// False before the first call and after a transport failure (refused, timed out, closed);
    /// true after a command got an answer (error replies included).
    bool available() const;
    std::string describe() const; ///< "redis://host:port/db", no password
    const RedisOptions &options() const;
    Result<void> publish(const std::string &channel, const std::string &message);

    // One command, binary-safe arguments. Fails when Redis cannot be reached, when the
    // connection breaks, and when Redis answers with an error reply ("Redis: ERR ...").
    Result<RedisReply> command(const std::vector<std::string_view> &argv);
    Result<RedisReply> command(std::initializer_list<std::string_view> argv)
    {
        return command(std::vector<std::string_view>(argv));
    }
    // Several commands in one round trip on one connection; error replies are returned in
    // place (RedisReply::isError), only a transport failure fails the whole call.
    Result<std::vector<RedisReply>>
    pipeline(const std::vector<std::vector<std::string_view>> &commands);
    // EVALSHA, or EVAL when Redis answers NOSCRIPT. Error replies fail as in command().
    Result<RedisReply> eval(const RedisScript &script, const std::vector<std::string_view> &keys,
                            const std::vector<std::string_view> &args);

    // Figures for the health check and tests.
    struct Stats
    {
        std::uint64_t commands = 0;  ///< command() / pipeline() / eval() calls
        std::uint64_t failures = 0;  ///< of those, failed for transport reasons (incl. fast-fails)
        std::uint64_t fastFails = 0; ///< failed at once because Redis was known down
        std::uint64_t dials = 0;     ///< connection attempts
        std::uint64_t dialFailures = 0;
        int openConnections = 0;
    };
    Stats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Sets SIGPIPE to SIG_IGN if it has its default action (once per process).
void ignoreSigpipeOnce();

} // namespace wfs::redis
