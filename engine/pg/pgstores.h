// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The PostgreSQL stores of the team server, behind the same interfaces as the SQLite ones
// (engine/store/*.h) and with the same meaning seen through them: ordering, limits, prune
// semantics, created_at kept on re-save, increasing seq, content hash = WorkflowStore's. Build
// them through PgBackend (pgbackend.h), which owns the connection pool they share.
//
// Every store is thread-safe: each call leases a connection from the pool for its duration
// (several statements of one call run in one transaction on that connection). A call made while
// PostgreSQL is unreachable returns an error Result; the next call after it is back succeeds.
#pragma once

#include "engine/session.h"
#include "engine/store/mcpsessionstore.h"
#include "engine/store/metricsstore.h"
#include "engine/store/sessionstore.h"
#include "engine/store/workflowstore.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace wfs::pg {

namespace detail {
class PgPool;
class PgConnection;
} // namespace detail

// The channel workflow changes are announced on: upsert/remove/sync run
// pg_notify(kWorkflowsChannel, <workflow id>) inside their transaction, so a LISTENing instance
// learns of a publish or an unpublish as soon as it is committed.
inline constexpr const char *kWorkflowsChannel = "wfs_workflows";

class PgSessionStore final : public store::AbstractSessionStore
{
public:
    explicit PgSessionStore(std::shared_ptr<detail::PgPool> pool);
    Result<void> save(const store::SessionRecord &session) override;
    Result<std::optional<store::SessionRecord>> load(std::string_view id) override;
    Result<std::vector<store::SessionRecord>> loadAll(int limit = 0) override;
    Result<bool> remove(std::string_view id) override;
    Result<std::int64_t> appendEvent(std::string_view sessionId, std::string_view kind,
                                     std::string_view payload, std::int64_t atMs = 0) override;
    Result<std::vector<store::SessionEvent>> events(std::string_view sessionId,
                                                    std::int64_t afterSeq = 0) override;
    Result<std::int64_t> replaceEvent(std::string_view sessionId, std::string_view kind,
                                      std::string_view payload, std::int64_t atMs = 0) override;
    Result<Pruned> prune(std::int64_t beforeMs, int keepSessions, std::int64_t keepCalls) override;
    Result<std::int64_t> sessionCount() override;
    Result<std::int64_t> appendCall(const store::CallRecord &call) override;
    Result<std::vector<store::CallRecord>> calls(std::string_view sessionId) override;
    // The SQLite store's queries in PostgreSQL (sessions in byte order of their id, as there).
    Result<std::vector<store::HeatCall>> heatCalls(std::string_view workflowId,
                                                   const store::HeatFilter &filter) override;
    Result<std::vector<std::string>> callClients(std::string_view workflowId) override;

    // The same operations on a connection the caller holds (inside its transaction).
    static Result<void> saveOn(detail::PgConnection &conn, const store::SessionRecord &session);
    static Result<std::int64_t> appendEventOn(detail::PgConnection &conn,
                                              std::string_view sessionId, std::string_view kind,
                                              std::string_view payload, std::int64_t atMs);
    static Result<std::int64_t> replaceEventOn(detail::PgConnection &conn,
                                               std::string_view sessionId, std::string_view kind,
                                               std::string_view payload, std::int64_t atMs);
    static Result<std::int64_t> appendCallOn(detail::PgConnection &conn,
                                             const store::CallRecord &call);

private:
    std::shared_ptr<detail::PgPool> m_pool;
};

// wfs::SessionSink over PgSessionStore: each save writes the session row, the calls recorded
// since the last save and a replaced "saved" event in ONE transaction (as SqliteSessionSink).
//
//   auto sink = backend.sessionSink();
//   sink->restoreInto(engine.sessions());   // the sessions of the fleet's store
//   engine.sessions().setSink(sink);
class PgSessionSink : public SessionSink
{
public:
    explicit PgSessionSink(std::shared_ptr<detail::PgPool> pool);
    void sessionSaved(const Session &session) override;
    void sessionRemoved(const std::string &id) override;
    // Loads the `limit` most recently updated sessions (0 = all) into `manager`; how many.
    Result<int> restoreInto(SessionManager &manager, int limit = 0);
    // Write failures so far (the sink interface cannot report them; the health view can).
    std::uint64_t failures() const { return m_failures.load(std::memory_order_relaxed); }
    std::string lastError() const;

private:
    void fail(const std::string &error);

    std::shared_ptr<detail::PgPool> m_pool;
    PgSessionStore m_store;
    std::atomic<std::uint64_t> m_failures{0};
    mutable std::mutex m_errorMutex;
    std::string m_lastError;
};

class PgWorkflowStore final : public store::AbstractWorkflowStore
{
public:
    explicit PgWorkflowStore(std::shared_ptr<detail::PgPool> pool);
    Result<bool> upsert(const Json &workflow, const store::WorkflowMeta &meta) override;
    Result<bool> remove(std::string_view id) override;
    Result<store::SyncReport>
    sync(const std::vector<std::pair<Json, store::WorkflowMeta>> &workflows) override;
    Result<std::optional<store::WorkflowRecord>> get(std::string_view id) override;
    Result<std::vector<store::WorkflowRecord>> list(const store::ListFilter &filter = {}) override;
    Result<std::vector<store::StepRecord>> steps(std::string_view workflowId) override;
    Result<std::vector<std::string>> categories() override;
    Result<std::int64_t> count() override;
    // Every whitespace-separated word must match as a word prefix (tsquery 'word':* joined with
    // &); score = -ts_rank (lower is better, as bm25); snippet by ts_headline.
    Result<std::vector<store::SearchHit>> search(std::string_view query,
                                                 const store::SearchOptions &options = {}) override;

    // The to_tsquery('simple', ...) text for user input: each word quoted as a tsquery literal
    // (quotes and backslashes escaped, NULs dropped, invalid UTF-8 replaced) and marked as a
    // prefix, joined with " & "; empty when the input holds no word.
    static std::string tsQuery(std::string_view userInput);

private:
    std::shared_ptr<detail::PgPool> m_pool;
};

class PgMetricsStore final : public store::AbstractMetricsStore
{
public:
    PgMetricsStore(std::shared_ptr<detail::PgPool> pool, std::string instanceId,
                   std::string describe);
    // Rows carry this instance's id and the window's histogram buckets.
    Result<int> persist(metrics::MetricsRegistry &registry,
                        const std::map<std::string, double> &counters,
                        std::int64_t nowMs = 0) override;
    Result<void> writeCounters(const std::map<std::string, double> &counters,
                               std::int64_t nowMs = 0) override;
    Result<void> addUsage(const std::map<std::string, std::int64_t> &calls,
                          std::int64_t nowMs = 0) override;
    Result<std::vector<std::string>> mostUsedWorkflows(int limit) override;
    // Every instance's rows, oldest first.
    Result<std::vector<store::PerformanceSample>> history(const std::string &operation,
                                                          std::int64_t sinceMs) override;
    // Of the whole fleet: percentiles, mean and max of the merged histograms (exact to the
    // bucket, not the SQLite store's approximations).
    Result<std::vector<store::OperationSummary>> summary(std::int64_t sinceMs) override;
    Result<std::map<std::string, double>> latestCounters() override;
    Result<Json> report(std::int64_t sinceMs) override;
    Result<int> prune(std::int64_t beforeMs) override;

    // report() plus p90/p95/p999 and a per-instance breakdown:
    // {"database", "since_ms", "operations": {op: {count, errors, error_rate, mean_us, p50_us,
    //  p90_us, p95_us, p99_us, p999_us, max_us, first_ms, last_ms}}, "counters": {...},
    //  "instances": {id: {"operations": {op: {...}}, "counters": {name: latest}, "last_ms"}}}
    Result<Json> fleetReport(std::int64_t sinceMs);
    // The merged histogram of `operation` since `sinceMs` (all instances, or one).
    Result<metrics::HistogramData> mergedHistogram(const std::string &operation,
                                                   std::int64_t sinceMs,
                                                   const std::string &instance = {});
    // Every instance's windows and cache/memory counter samples recorded at or after `sinceMs`
    // (the studio's fleet dashboard aggregates them).
    Result<store::FleetMetrics> fleetMetrics(std::int64_t sinceMs);

private:
    std::shared_ptr<detail::PgPool> m_pool;
    const std::string m_instance;
    const std::string m_describe;
    std::mutex m_mutex; ///< guards m_windows
    metrics::PersistWindows m_windows;
};

class PgMcpSessionStore final : public store::AbstractMcpSessionStore
{
public:
    // `instanceId` is written for a record whose `instance` is empty.
    PgMcpSessionStore(std::shared_ptr<detail::PgPool> pool, std::string instanceId);
    Result<void> save(const store::McpSessionRecord &session) override;
    Result<std::optional<store::McpSessionRecord>> load(std::string_view id) override;
    Result<bool> remove(std::string_view id) override;
    Result<void> touch(std::string_view id, std::int64_t atMs) override;
    Result<int> expire(std::int64_t beforeMs) override;

private:
    std::shared_ptr<detail::PgPool> m_pool;
    const std::string m_instance;
};

} // namespace wfs::pg
