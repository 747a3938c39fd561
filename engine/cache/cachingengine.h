// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// CachingEngine: a caching, measuring decorator around Engine::callTool.
//
// workflow_list is answered from the repository snapshot, which wrote its answer out once when
// it was built (no lookup, no copy; counted as an L1 hit).
// Cached: workflow_get, workflow_validate, and workflow_next when neither the
// request nor the answer carries loop state (loop answers embed the current time and the 300 s
// loop timeout depends on it). Never cached: workflow_validate_json, workflow_get_schema (its
// metadata carries "now"), unknown tools. Calls attributed to a session are answered the same
// way and then recorded in it (Engine::recordSessionCall), hits included.
//
// No stale read: every key holds the content hash of the workflow it depends on (or of the whole
// set for workflow_list and unknown ids), taken from the same repository snapshot generation the
// engine serves. A result computed while the set changed is not stored, and a generation change
// purges the changed workflows from both levels under a lock that excludes concurrent stores.
//
// Every call's latency goes into the MetricsRegistry under the tool name.
#pragma once

#include "resultcache.h"

#include "engine/engine.h"
#include "engine/metrics/metricsregistry.h"

#include <QObject>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace wfs::store {
class AbstractMetricsStore;
}

namespace wfs::cache {

class CachingEngine
{
public:
    CachingEngine(Engine &engine, std::shared_ptr<ResultCache> cache,
                  metrics::MetricsRegistry &registry = metrics::MetricsRegistry::global());
    ~CachingEngine();
    CachingEngine(const CachingEngine &) = delete;
    CachingEngine &operator=(const CachingEngine &) = delete;

    // Same contract and results as Engine::callTool. Thread-safe.
    ToolResult callTool(std::string_view name, const Json &arguments, const CallContext &ctx = {});

    // Brings the cache in line with the engine's current workflow set now (also done lazily on
    // the next call, and on Engine::workflowsChanged). Returns the workflow ids that changed.
    std::vector<std::string> refresh();
    // Fills the cache for these workflows (workflow_get in both modes) and workflow_list.
    // Returns how many answers were computed or loaded.
    int warm(const std::vector<std::string> &workflowIds);
    // Start-up warming: the `limit` most used workflows recorded in `usage` (workflow_usage
    // table), then warm(). Returns how many answers were loaded, or the store's error.
    Result<int> warmFromUsage(store::AbstractMetricsStore &usage, int limit = 20);
    // Calls per workflow id since the previous call (for MetricsStore::addUsage).
    std::map<std::string, std::int64_t> takeUsage();
    // How many version tables are in memory: the current one plus those still held by calls in
    // flight (tests: older ones are freed, not kept forever).
    int versionTablesInMemory() const { return m_liveVersions.load(); }

    ResultCache &cache() { return *m_cache; }
    Engine &engine() { return m_engine; }

private:
    using Counter = std::atomic<std::int64_t>;
    struct WorkflowVersion
    {
        std::string hash; ///< 16 hex digits of SHA-256 of the workflow's file
        /// Usage since the last takeUsage(); one counter per id, carried from version to version.
        std::shared_ptr<Counter> calls;
    };
    struct Versions
    {
        std::uint64_t generation = 0;
        std::string setHash;
        std::unordered_map<std::string, WorkflowVersion> byId;
    };
    using VersionsPtr = std::shared_ptr<const Versions>;

    VersionsPtr versionsFor(std::uint64_t generation);
    VersionsPtr rebuild(std::vector<std::string> *changed);
    metrics::LatencyTracker &trackerFor(std::string_view name);

    Engine &m_engine;
    std::shared_ptr<ResultCache> m_cache;
    metrics::MetricsRegistry &m_registry;
    std::map<std::string, metrics::LatencyTracker *, std::less<>> m_trackers;
    metrics::LatencyTracker *m_unknownTracker = nullptr;

    /// The current table; a call keeps the one it started with alive while it runs, and a
    /// table nobody holds any more is freed.
    std::atomic<int> m_liveVersions{0}; ///< before m_current: its deleter counts here
    std::atomic<VersionsPtr> m_current;
    std::mutex m_rebuildMutex;      ///< one rebuild at a time; guards m_retired
    std::shared_mutex m_storeMutex; ///< shared: store; exclusive: switch + purge
    /// Usage counters of workflows that left the set, until takeUsage() reports them.
    std::vector<std::pair<std::string, std::shared_ptr<Counter>>> m_retired;
    QMetaObject::Connection m_connection;
};

} // namespace wfs::cache
