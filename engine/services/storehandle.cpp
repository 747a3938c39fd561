// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "storehandle.h"

#include "storeurl.h"

#include "engine/pg/pgbackend.h"
#include "engine/store/database.h"
#include "engine/store/metricsstore.h"
#include "engine/store/sessionsink.h"
#include "engine/store/storeopen.h"
#include "engine/store/workflowstore.h"

namespace wfs::services {

Result<Json> StoreHandle::metricsReport(std::int64_t sinceMs)
{
    return metrics().report(sinceMs);
}

Result<store::FleetMetrics> StoreHandle::fleetMetrics(std::int64_t)
{
    return Result<store::FleetMetrics>::failure(describe() +
                                                " is not a team store: it has no fleet metrics");
}

namespace {

class SqliteStoreHandle final : public StoreHandle
{
public:
    explicit SqliteStoreHandle(std::unique_ptr<store::Database> db)
        : m_db(std::move(db))
        , m_workflows(*m_db)
        , m_metrics(*m_db)
        , m_sink(std::make_shared<store::SqliteSessionSink>(*m_db))
    {}

    store::AbstractWorkflowStore &workflows() override { return m_workflows; }
    store::AbstractSessionStore &sessions() override { return m_sink->store(); }
    store::AbstractMetricsStore &metrics() override { return m_metrics; }
    store::AbstractMcpSessionStore *mcpSessions() override { return nullptr; }
    std::shared_ptr<SessionSink> sessionSink() override { return m_sink; }
    store::Database *database() override { return m_db.get(); }
    bool isTeamStore() const override { return false; }
    std::string describe() const override { return "sqlite:" + m_db->path(); }
    Result<void> ping() override
    {
        Result<int> v = m_db->userVersion();
        if (!v)
            return Result<void>::failure(v.error());
        return Result<void>();
    }
    void notifyWorkflowsChanged(const std::string &) override {}
    std::unique_ptr<Watch> watchWorkflows(std::function<void(const std::string &)>) override
    {
        return nullptr;
    }

private:
    std::unique_ptr<store::Database> m_db;
    store::WorkflowStore m_workflows;
    store::MetricsStore m_metrics;
    std::shared_ptr<store::SqliteSessionSink> m_sink;
};

// A team server's PostgreSQL: every store, the shared MCP sessions, LISTEN/NOTIFY for the
// published set.
class PgStoreHandle final : public StoreHandle
{
public:
    explicit PgStoreHandle(std::unique_ptr<pg::PgBackend> backend)
        : m_pg(std::move(backend))
    {}

    store::AbstractWorkflowStore &workflows() override { return m_pg->workflows(); }
    store::AbstractSessionStore &sessions() override { return m_pg->sessions(); }
    store::AbstractMetricsStore &metrics() override { return m_pg->metrics(); }
    store::AbstractMcpSessionStore *mcpSessions() override { return &m_pg->mcpSessions(); }
    std::shared_ptr<SessionSink> sessionSink() override { return m_pg->sessionSink(); }
    store::Database *database() override { return nullptr; }
    bool isTeamStore() const override { return true; }
    std::string describe() const override { return m_pg->describe(); }
    Result<void> ping() override { return m_pg->ping(); }
    // The workflow store notifies in its own transaction already.
    void notifyWorkflowsChanged(const std::string &) override {}
    std::unique_ptr<Watch> watchWorkflows(std::function<void(const std::string &)> changed) override
    {
        struct PgWatch : Watch
        {
            std::unique_ptr<pg::PgBackend::Subscription> subscription;
        };
        auto watch = std::make_unique<PgWatch>();
        watch->subscription = m_pg->listen(pg::kWorkflowsChannel, std::move(changed));
        return watch;
    }
    Result<Json> metricsReport(std::int64_t sinceMs) override
    {
        Result<Json> report = m_pg->metrics().report(sinceMs);
        if (!report)
            return report;
        Result<Json> fleet = m_pg->metrics().fleetReport(sinceMs);
        if (!fleet)
            return fleet;
        (*report)["instances"] = (*fleet)["instances"];
        return report;
    }
    Result<store::FleetMetrics> fleetMetrics(std::int64_t sinceMs) override
    {
        return m_pg->metrics().fleetMetrics(sinceMs);
    }

private:
    std::unique_ptr<pg::PgBackend> m_pg;
};

} // namespace

Result<std::unique_ptr<StoreHandle>> StoreHandle::open(const std::string &url, Options options)
{
    using R = Result<std::unique_ptr<StoreHandle>>;
    Result<StoreLocation> location = parseStoreUrl(url);
    if (!location)
        return R::failure(location.error());
    if (location->kind == StoreLocation::Kind::Sqlite) {
        Result<std::unique_ptr<store::Database>> db = store::openProductDatabase(location->target);
        if (!db)
            return R::failure(db.error());
        return std::unique_ptr<StoreHandle>(std::make_unique<SqliteStoreHandle>(std::move(*db)));
    }
    pg::PgOptions po;
    po.url = location->target;
    po.poolSize = options.poolSize;
    po.instanceId = options.instanceId;
    Result<std::unique_ptr<pg::PgBackend>> backend = pg::PgBackend::open(std::move(po));
    if (!backend)
        return R::failure(backend.error());
    return std::unique_ptr<StoreHandle>(std::make_unique<PgStoreHandle>(std::move(*backend)));
}

} // namespace wfs::services
