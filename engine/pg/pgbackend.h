// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// PgBackend: the PostgreSQL backend of the team server (#19). One object per process owns a
// bounded libpq connection pool and the four stores over it; several instances (processes,
// machines) share one database. libpq is a PRIVATE dependency of wfs_pg: no header outside
// engine/pg sees libpq-fe.h.
//
//   pg::PgOptions options;
//   options.url = "postgresql://wfs@db:5432/wfs";
//   auto backend = pg::PgBackend::open(options);
//   if (!backend) fail(backend.error());     // "PostgreSQL at db:5432/wfs: <libpq message>"
//   engine.sessions().setSink((*backend)->sessionSink());
//   (*backend)->workflows().sync(all);       // also pg_notify(kWorkflowsChannel, id) per change
//   auto sub = (*backend)->listen(pg::kWorkflowsChannel, [](const std::string &id) {
//       /* another instance published or unpublished `id`; "" = reconnected, re-read all */ });
//
// Threading: every method and every store is safe from any thread. Each store call leases a
// connection for its duration (waiting at most statementTimeoutMs when all are busy); a broken
// connection is dropped and replaced on next use, so calls fail while PostgreSQL is down and work
// again once it is back, without a restart.
#pragma once

#include "pgstores.h"

#include "model/result.h"

#include <functional>
#include <memory>
#include <string>

namespace wfs::pg {

struct PgOptions
{
    std::string url;               // libpq URI (postgresql://user:pass@host:port/db?...), as-is
    int poolSize = 8;              // connections at most
    int statementTimeoutMs = 5000; // statement_timeout of every connection; also the pool wait
    int connectTimeoutS = 3;       // libpq connect_timeout
    std::string instanceId;        // metrics rows and MCP sessions; "" = hostname:pid
};

class PgBackend
{
public:
    // Connects, creates or migrates the schema under an advisory lock (instances starting at
    // once are safe) and returns the backend, or "PostgreSQL at <host:port/db>: <message>".
    // Never throws; never waits longer than the connect timeout for an unreachable server.
    static Result<std::unique_ptr<PgBackend>> open(PgOptions options);
    ~PgBackend();
    PgBackend(const PgBackend &) = delete;
    PgBackend &operator=(const PgBackend &) = delete;

    store::AbstractSessionStore &sessions();
    PgMetricsStore &metrics(); ///< an AbstractMetricsStore, plus fleetReport()
    store::AbstractWorkflowStore &workflows();
    store::AbstractMcpSessionStore &mcpSessions();
    // One sink per backend (the same object on every call): a SessionSink, plus restoreInto().
    std::shared_ptr<PgSessionSink> sessionSink();

    Result<void> ping(); ///< SELECT 1 through the pool
    const std::string &instanceId() const;
    std::string describe() const; ///< "postgresql://host:port/db", no user, no password

    struct PoolStats
    {
        int size = 0; ///< poolSize
        int open = 0; ///< connections open now
        int busy = 0; ///< leased now
        int peak = 0; ///< most connections open at once so far
    };
    PoolStats poolStats() const;

    // LISTEN on a dedicated connection on its own thread; `callback(payload)` runs on that
    // thread. Returns once LISTEN is in effect (a notification committed after listen() returns
    // is delivered), or after connectTimeoutS when PostgreSQL is unreachable (the thread keeps
    // trying). Reconnects by itself (back-off 50 ms doubling up to 1 s) and then calls
    // callback("") (the caller must assume it missed notifications). Destroying the
    // subscription stops the thread promptly, even mid-connect (an eventfd wakes it).
    class Subscription
    {
    public:
        virtual ~Subscription() = default;
    };
    std::unique_ptr<Subscription> listen(const std::string &channel,
                                         std::function<void(const std::string &payload)> callback);
    Result<void> notify(const std::string &channel, const std::string &payload); ///< pg_notify

private:
    struct Impl;
    explicit PgBackend(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace wfs::pg
