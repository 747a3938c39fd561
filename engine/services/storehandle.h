// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// StoreHandle: a store opened from its URL (services/storeurl.h) with every store behind its
// interface — what the CLI's publish, unpublish, sessions, stats, heat and health commands and a
// team server's runtime work with, whichever backend is behind it.
//
//   auto store = services::StoreHandle::open("postgresql://wfs@db/wfs");   // or sqlite:PATH
//   if (!store) fail(store.error());                    // names the store and the reason
//   (*store)->workflows().upsert(json, {.source = "published"});
//   (*store)->notifyWorkflowsChanged(id);               // instances reload within a second
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace wfs {
class SessionSink;
}
namespace wfs::store {
class AbstractMcpSessionStore;
class AbstractMetricsStore;
class AbstractSessionStore;
class AbstractWorkflowStore;
class Database;
struct FleetMetrics;
} // namespace wfs::store

namespace wfs::services {

class StoreHandle
{
public:
    struct Options
    {
        std::string instanceId; ///< names this process in a team store ("" = hostname:pid)
        int poolSize = 4;       ///< PostgreSQL connections at most
    };

    // "" and "sqlite:PATH" open (and migrate) the embedded database; "postgresql://…" connects
    // to a team store. Fails naming the store and why.
    static Result<std::unique_ptr<StoreHandle>> open(const std::string &url, Options options);
    static Result<std::unique_ptr<StoreHandle>> open(const std::string &url)
    {
        return open(url, Options{});
    }
    virtual ~StoreHandle() = default;

    virtual store::AbstractWorkflowStore &workflows() = 0;
    virtual store::AbstractSessionStore &sessions() = 0;
    virtual store::AbstractMetricsStore &metrics() = 0;
    // Shared MCP sessions: only a team store has them (null for SQLite).
    virtual store::AbstractMcpSessionStore *mcpSessions() = 0;
    // The engine's session sink over sessions() (each save one transaction).
    virtual std::shared_ptr<SessionSink> sessionSink() = 0;
    // The embedded database (SQLite-only views: the health check's database and L2 figures);
    // null for a team store.
    virtual store::Database *database() = 0;
    virtual bool isTeamStore() const = 0;
    // "sqlite:/path/file.db", "postgresql://host:port/db" (no password).
    virtual std::string describe() const = 0;
    // A cheap round trip; fails when the store cannot be reached.
    virtual Result<void> ping() = 0;
    // What `wfstudio stats` shows (AbstractMetricsStore::report); a team store adds
    // "instances": {id: {"operations", "counters", "last_ms"}}, percentiles merged from the
    // instances' histograms.
    virtual Result<Json> metricsReport(std::int64_t sinceMs);
    // A team store's raw fleet metrics since `sinceMs` (store::FleetMetrics: every instance's
    // windows and counter samples); fails for the embedded database, which has one instance.
    virtual Result<store::FleetMetrics> fleetMetrics(std::int64_t sinceMs);

    // Tells every instance watching this store that published workflow `id` changed (a team
    // store notifies in the publishing transaction already; SQLite instances poll).
    virtual void notifyWorkflowsChanged(const std::string &id) = 0;
    // Calls `changed(id)` (on a thread of its own; "" = anything may have changed) when
    // published workflows change. Null when the store cannot tell: the caller polls.
    class Watch
    {
    public:
        virtual ~Watch() = default;
    };
    virtual std::unique_ptr<Watch>
    watchWorkflows(std::function<void(const std::string &)> changed) = 0;
};

} // namespace wfs::services
