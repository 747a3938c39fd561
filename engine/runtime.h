// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Runtime: the engine's composition root. One object that every entry point (studio, `wfstudio
// mcp`, bench/stats/health) builds instead of wiring the parts by hand: the Engine, the product
// database (opened and migrated), the two-level result cache in that database, the caching
// decorator, SQLite-backed sessions (restored at start, written behind), periodic metrics
// persistence and start-up cache warming from recorded usage.
//
//   wfs::Runtime::Options o;
//   o.workflowDirs = {"/path/to/workflows"};
//   o.databasePath = ":memory:";                 // "" = AppDataLocation/workflow-studio.db
//   wfs::Runtime rt(o);
//   wfs::ToolResult r = rt.toolCall("workflow_list", wfs::Json::object());
//   if (rt.health().status != wfs::metrics::HealthStatus::Healthy) ...
//
// Degradation: when the database cannot be opened the runtime still serves every tool (memory
// cache, sessions in memory only) and health() reports "degraded" with the reason.
// databaseState() says why (corrupt file, read-only folder, newer schema); the studio offers
// moveDatabaseAside() + reopenDatabase() to start fresh, a fixed folder just reopenDatabase().
//
// Threading: construct and destroy in one thread with a Qt event loop (the Engine's file
// watcher lives there). toolCall() and the accessors' thread-safe members may be used from any
// thread. All database writes (sessions, metrics, usage) and the warming run on the runtime's
// own background thread, never on a caller's.
#pragma once

#include "engine.h"

#include "engine/services/healthcheck.h"
#include "model/json.h"
#include "model/result.h"

#include <QObject>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs {

class SessionManager;
namespace store {
class AbstractMcpSessionStore;
class AbstractSessionStore;
class Database;
} // namespace store
namespace cache {
class CachingEngine;
class ResultCache;
} // namespace cache
namespace metrics {
class MetricsRegistry;
}
namespace services {
class StoreHandle;
}

class Runtime : public QObject
{
    Q_OBJECT
public:
    enum class Storage {
        Default, ///< databasePath, or AppDataLocation/workflow-studio.db when it is empty
        Disabled ///< no database: memory cache only, nothing persisted (health: "disabled")
    };

    struct Options
    {
        // Workflow sources (see Engine::Options); `workflowDirs` are the --workflows DIRs.
        std::vector<std::string> workflowDirs;
        bool includeBundled = true;
        bool useStandardLocations = true;
        bool useEnvironment = true;
        bool watchFiles = true;

        Storage storage = Storage::Default;
        std::string databasePath; ///< "" = Database::defaultPath(); ":memory:" allowed
        /// Where sessions, metrics, usage and published workflows live (services/storeurl.h):
        /// "" or "sqlite:PATH" (the embedded database; a PATH replaces databasePath), or
        /// "postgresql://…" (a team server's shared store). A URL that cannot be used makes the
        /// runtime serve from memory, as a database that cannot be opened does (databaseError()).
        std::string storeUrl;
        /// The result cache's second level: "" = the embedded database's (when open),
        /// "redis://HOST:PORT[/DB]" = a team server's shared Redis.
        std::string cacheUrl;
        std::string instanceId; ///< names this process in a team store; "" = hostname:pid

        std::size_t l1Bytes = std::size_t(32) << 20;   ///< memory level budget
        std::int64_t l2Bytes = std::int64_t(64) << 20; ///< SQLite level budget
        std::int64_t cacheTtlMs = 10 * 60 * 1000;      ///< entry lifetime in both levels

        int sessionFlushMs = 200; ///< write-behind period for sessions
        /// Sessions of previous runs loaded at start, most recent first (the studio's Sessions
        /// list and stepper resume); 0 = none (`wfstudio mcp`: a transport session never
        /// outlives its process). Older ones stay in the database (`wfstudio sessions`).
        int restoreSessions = 200;
        int metricsPersistMs = 5000;  ///< performance_metrics / usage period
        int metricsRetentionDays = 0; ///< older samples are deleted (hourly); 0 = keep all
        /// Stored sessions (with their events and calls) last updated longer ago are deleted
        /// (hourly); 0 = no age limit.
        int sessionRetentionDays = 30;
        int maxStoredSessions = 10'000;          ///< the most recently updated kept; 0 = no limit
        std::int64_t maxStoredCalls = 1'000'000; ///< call-log rows kept (newest); 0 = no limit
        bool tickMetrics = true; ///< tick the registry's 1 s windows on the runtime thread
        int warmLimit = 20;      ///< start-up warming: the N most used workflows (0 = off)
        metrics::MetricsRegistry *registry = nullptr; ///< null = MetricsRegistry::global()
    };

    // Why the database is not open (Open: it is, or it is disabled on purpose).
    enum class DatabaseProblem {
        None,        ///< open, or disabled by the options
        Corrupt,     ///< the file exists but is not a readable database
        ReadOnly,    ///< its folder (or the file) cannot be written
        NewerSchema, ///< written by a newer Workflow Studio: left untouched
        Unavailable  ///< any other reason (the path is a folder, its parent a file, ...)
    };
    struct DatabaseState
    {
        bool open = false;
        bool disabled = false; ///< Storage::Disabled: nothing is kept, on purpose
        DatabaseProblem problem = DatabaseProblem::None;
        std::string path;   ///< the database file (the default resolved), ":memory:", or ""
        std::string reason; ///< databaseError(): "" when open or disabled
        /// The file exists and its folder is writable: moveDatabaseAside() can work.
        bool canMoveAside = false;
    };

    explicit Runtime(Options options, QObject *parent = nullptr);
    // Stops the background thread, then writes pending sessions and metrics (blocking).
    ~Runtime() override;
    Runtime(const Runtime &) = delete;
    Runtime &operator=(const Runtime &) = delete;

    // Engine::callTool through the cache (same results); thread-safe.
    ToolResult toolCall(std::string_view name, const Json &arguments, const CallContext &ctx = {});

    Engine &engine() const;
    cache::CachingEngine &cachingEngine() const;
    cache::ResultCache &cache() const;
    SessionManager &sessions() const;
    metrics::MetricsRegistry &registry() const;
    // The open database, or null (disabled, or it could not be opened: see databaseError()).
    store::Database *database() const;
    // The engine sessions' store, with their call log (the heat map, replay): the embedded
    // database's SessionStore while it is open, the team store's while one is connected
    // (Options::storeUrl = postgresql://…); null otherwise. Thread-safe; once set, the store
    // lives as long as the runtime.
    store::AbstractSessionStore *sessionStore() const;
    // A team store's shared MCP sessions (the listener's session directory); null otherwise,
    // and while the team store cannot be reached.
    store::AbstractMcpSessionStore *mcpSessionStore() const;
    // True when Options::storeUrl names a team store (PostgreSQL), reachable or not.
    bool isTeamServer() const;
    // The team store while it is connected (the studio's fleet dashboard reads it); null for
    // the embedded database and while the team store cannot be reached.
    services::StoreHandle *teamStore() const;
    // The private folder a team store's (or --store sqlite:PATH's) published workflows are
    // mirrored into, an extra workflow source of the engine; "" when there is none.
    std::string publishedFolder() const;
    // Why the database is not open ("" when it is open or disabled on purpose).
    std::string databaseError() const;
    DatabaseState databaseState() const;
    // Renames the database file that could not be opened (and its -wal/-shm files) to
    // "<file>.broken-YYYYMMDD-HHMMSS" and returns that name. Fails (saying why) while the
    // database is open, when there is no such file or when its folder is read-only.
    Result<std::string> moveDatabaseAside();
    // Opens the database again when it is not open (after moveDatabaseAside(), or once the
    // cause was fixed) and attaches sessions (restored, written behind), metrics and usage to
    // it. The result cache stays in memory until the next start. Call from the thread that
    // built the runtime; databaseState() tells the new state either way.
    Result<void> reopenDatabase();
    // Time spent opening and migrating the database in the constructor (ms).
    double databaseOpenMs() const;

    // database / cache / memory / disk. A database that could not be opened makes the report
    // "degraded" (the runtime serves from memory); one disabled by the options is healthy.
    metrics::HealthReport health() const;

    // Changes Options::metricsRetentionDays while running (the settings dialog): the next
    // metrics persist prunes with the new limit (0 = keep all). Thread-safe.
    void setMetricsRetentionDays(int days);
    int metricsRetentionDays() const;
    // The same for Options::sessionRetentionDays (the settings dialog). Thread-safe.
    void setSessionRetentionDays(int days);
    int sessionRetentionDays() const;

    // Writes pending sessions, metrics and usage now, on the calling thread (tests, shutdown).
    void flush();
    // Blocks until the start-up warming has finished (tests); returns the answers it loaded.
    int waitForWarming();

signals:
    // reopenDatabase() opened the database (database() is no longer null).
    void databaseReopened();
    // The team store was reached (at start, or later on a retry): teamStore() is no longer null.
    // Emitted on the runtime's background thread when it connects there.
    void teamStoreConnected();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wfs
