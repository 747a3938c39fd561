// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Streamable HTTP transport (MCP 2025-03-26 and later) on Boost.Beast, running on its own
// threads. One endpoint (default /mcp): POST carries client messages (JSON or SSE answers),
// GET opens the session's server-to-client SSE stream (event ids, Last-Event-ID replay),
// DELETE ends a session. Security per spec/mcp-transport.md §7: Host and Origin checks (403),
// loopback bind by default, optional bearer token (401), body cap (413), per-session token
// bucket (429), 415/406 for wrong Content-Type/Accept, 404 for unknown or expired sessions.
//
// Embedding (the studio):
//   mcp::HttpServer server(dispatcher, {.port = 0});
//   QObject::connect(&server, &mcp::HttpServer::stateChanged, ...);
//   if (auto r = server.start(); !r) showError(r.error());
//   statusBar()->showMessage(QString::fromStdString(server.url()));
//   ... server.requestLog() / server.sessionCount() for a dashboard; server.stop() to end.
// Requests the dispatcher answers are logged by it; requests this transport answers on its own
// (401, 403, 404, 413, 429, 202, DELETE, a GET stream opening) are logged here, with `status`.
#pragma once

#include "dispatcher.h"
#include "engine/metrics/ratelimiter.h"

#include "model/result.h"

#include <QObject>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wfs::mcp {

class SessionDirectory;

class HttpServer : public QObject
{
    Q_OBJECT
public:
    // A rate limit: the decision for one request of `key` (a session id, a client address).
    using Limiter = std::function<metrics::RateDecision(std::string_view key)>;

    // What GET /health answers: `ok` false → 503. `json` is the body (the health report) for a
    // caller with the token (or any caller when there is none); `summary` is the body for one
    // without it (the verdict only: no paths, no figures).
    struct HealthAnswer
    {
        bool ok = true;
        std::string json;
        std::string summary;
    };

    struct Options
    {
        std::string host = "127.0.0.1";          ///< bind address; loopback unless asked
        std::uint16_t port = 0;                  ///< 0 = an ephemeral port (see port())
        std::string path = "/mcp";               ///< the MCP endpoint
        std::string token;                       ///< non-empty: "Authorization: Bearer" required
        std::vector<std::string> allowedOrigins; ///< beyond http(s)://localhost|127.0.0.1|[::1]
        std::size_t maxBodyBytes = 4u * 1024u * 1024u; ///< larger bodies get 413 (chunked too)
        double rateLimitPerSecond = 1000; ///< per session (metrics::RateLimiter); <= 0 = no limit
        double rateLimitBurst = 2000;     ///< bucket size
        int threads = 2;                  ///< I/O + dispatch threads
        std::chrono::seconds sessionIdleTimeout{3600}; ///< idle sessions expire (then 404)
        std::size_t maxSessions = 1000;                ///< the least recently used one is evicted
        int sseRetryMs = 1000;                         ///< `retry:` sent in R4 priming events
        std::size_t replayCapacity = 256;              ///< GET-stream events kept for Last-Event-ID
        /// A team server's shared MCP sessions (httpsessions.h); null = this process only.
        std::shared_ptr<SessionDirectory> sessionDirectory;
        // Connection limits (a flood of idle or slow sockets must not lock real clients out).
        std::size_t maxConnections = 0; ///< 0 = half the descriptor limit (getrlimit)
        // Per client address; 0 = automatic: no cap on a loopback bind (every local client
        // shares 127.0.0.1), kRemoteConnectionsPerClient on any other.
        std::size_t maxConnectionsPerClient = 0;
        std::chrono::milliseconds headerTimeout{5000};   ///< a request line and header, in full
        std::chrono::milliseconds idleTimeout{60000};    ///< keep-alive wait for the next request
        std::chrono::milliseconds requestTimeout{30000}; ///< reading a body, writing an answer
        // Requests per second per client address: < 0 = automatic (off on a loopback bind,
        // kRemoteClientRate on any other), 0 = off. The burst is twice the rate.
        double clientRateLimitPerSecond = -1;
        // GET `healthPath` answers `health()` (no token needed: a load balancer's check, e.g.
        // HAProxy's `option httpchk GET /health`): 200 with the report when it is usable, 503
        // when not. No `health` function: the path is not served (404).
        std::string healthPath = "/health";
        // Where the rate limits above live: null = in this process. A team server returns, for
        // each limit the listener enforces ("session", "client") with its options, a limiter
        // shared by every instance (Redis), so a client's budget is the same behind a balancer.
        std::function<Limiter(const char *scope, const metrics::RateLimiter::Options &)>
            sharedLimiters;
        std::function<HealthAnswer()> health;
    };

    // Counters of the connection limits (for the health check, the soak report and tests).
    struct ConnectionStats
    {
        std::size_t open = 0;                 ///< connections registered now
        std::size_t cap = 0;                  ///< the effective maxConnections
        std::uint64_t evictions = 0;          ///< idle or slow connections closed to make room
        std::uint64_t refusals = 0;           ///< newcomers answered 503 (nothing to evict)
        std::uint64_t descriptorBackoffs = 0; ///< accept() ran out of descriptors
    };

    static constexpr std::size_t kRemoteConnectionsPerClient = 64;
    static constexpr double kRemoteClientRate = 500;

    HttpServer(Dispatcher &dispatcher, Options options, QObject *parent = nullptr);
    // Stops the server (joins its threads).
    ~HttpServer() override;

    // Binds and starts serving; fails with a readable message (address in use, bad host).
    Result<void> start();
    // Closes every connection and session and joins the threads. Idempotent.
    void stop();

    bool isRunning() const;
    std::uint16_t port() const; ///< the bound port (valid while running)
    std::string url() const;    ///< http://host:port/mcp
    std::size_t sessionCount() const;
    ConnectionStats connectionStats() const;
    RequestLog &requestLog() const; ///< the dispatcher's request log (both transports)
    const Options &options() const;

    struct Private; ///< implementation detail (public only for the connection classes)

signals:
    // Emitted on start() and stop() (in the caller's thread).
    void stateChanged(bool running);

private:
    std::shared_ptr<Private> d;
};

} // namespace wfs::mcp
