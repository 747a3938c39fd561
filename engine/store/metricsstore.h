// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MetricsStore: performance history in SQLite, so that it survives restarts and other processes
// (`wfstudio stats`, a second studio window) can read it.
//
// persist() writes, per operation, the samples recorded since the previous persist() (exact
// percentiles of that interval, from the histogram counters), plus named counters (cache hits,
// RSS, ...). Workflow usage counts feed cache warming.
#pragma once

#include "model/json.h"
#include "model/result.h"

#include "engine/metrics/histogram.h"
#include "engine/metrics/metricsregistry.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace wfs::metrics {
class MetricsRegistry;
}

namespace wfs::store {

class Database;

struct PerformanceSample
{
    std::int64_t recordedAtMs = 0;
    std::int64_t pid = 0;
    std::string operation;
    std::int64_t windowMs = 0;
    std::int64_t count = 0;
    std::int64_t errors = 0;
    double p50Us = 0, p90Us = 0, p95Us = 0, p99Us = 0, p999Us = 0, maxUs = 0, meanUs = 0;
};

// Aggregate of an operation's samples over a period (for `wfstudio stats`).
struct OperationSummary
{
    std::string operation;
    std::int64_t count = 0;
    std::int64_t errors = 0;
    double meanUs = 0; ///< count-weighted mean of the interval means
    double p50Us = 0;  ///< count-weighted mean of the interval medians (approximation)
    double p99Us = 0;  ///< highest interval p99 (an upper bound)
    double maxUs = 0;
    std::int64_t firstMs = 0;
    std::int64_t lastMs = 0;
};

// A team store's raw fleet metrics, for the studio's fleet dashboard: every instance's
// persisted windows with their histograms (percentiles of any group of them are taken from the
// merged histogram, never averaged), and its counter samples (cumulative cache hits and
// misses, process memory).
struct FleetWindow
{
    std::string instance;
    std::string operation;
    std::int64_t recordedAtMs = 0;
    std::int64_t windowMs = 0;
    metrics::HistogramData histogram;
};
struct FleetCounter
{
    std::string instance;
    std::int64_t recordedAtMs = 0;
    std::string name;
    double value = 0;
};
struct FleetMetrics
{
    std::vector<FleetWindow> windows;   ///< oldest first
    std::vector<FleetCounter> counters; ///< oldest first
};

// What the runtime, `wfstudio stats` and the dashboard need from a metrics store, as an
// interface: the SQLite MetricsStore below implements it; another backend implements the same
// calls with the same meaning.
class AbstractMetricsStore
{
public:
    virtual ~AbstractMetricsStore() = default;

    // Writes the registry's samples since the previous call (operations without new samples
    // are skipped) and the given counters, stamped `nowMs` (0 = now). Returns rows written.
    // Every row's window is the interval since this store's previous persist() (the first one:
    // since the registry started), so count / window is the interval's real rate.
    virtual Result<int> persist(metrics::MetricsRegistry &registry,
                                const std::map<std::string, double> &counters,
                                std::int64_t nowMs = 0) = 0;
    virtual Result<void> writeCounters(const std::map<std::string, double> &counters,
                                       std::int64_t nowMs = 0) = 0;
    // Adds `calls` to each workflow's usage count.
    virtual Result<void> addUsage(const std::map<std::string, std::int64_t> &calls,
                                  std::int64_t nowMs = 0) = 0;
    // Workflow ids by descending call count.
    virtual Result<std::vector<std::string>> mostUsedWorkflows(int limit) = 0;
    virtual Result<std::vector<PerformanceSample>> history(const std::string &operation,
                                                           std::int64_t sinceMs) = 0;
    virtual Result<std::vector<OperationSummary>> summary(std::int64_t sinceMs) = 0;
    // The newest value of every counter name.
    virtual Result<std::map<std::string, double>> latestCounters() = 0;
    // What `wfstudio stats` shows: {"database", "since_ms", "operations": {op: {count, errors,
    // error_rate, mean_us, p50_us, p99_us, max_us, first_ms, last_ms}}, "cache": {"l2_entries",
    // "l2_bytes", "l1_hit_rate"?, "l2_hit_rate"?}, "counters": {name: latest value}}
    virtual Result<Json> report(std::int64_t sinceMs) = 0;
    // Deletes samples and counters older than `beforeMs`. Returns rows deleted.
    virtual Result<int> prune(std::int64_t beforeMs) = 0;
};

class MetricsStore final : public AbstractMetricsStore
{
public:
    explicit MetricsStore(Database &db);
    Result<int> persist(metrics::MetricsRegistry &registry,
                        const std::map<std::string, double> &counters,
                        std::int64_t nowMs = 0) override;
    Result<void> writeCounters(const std::map<std::string, double> &counters,
                               std::int64_t nowMs = 0) override;
    Result<void> addUsage(const std::map<std::string, std::int64_t> &calls,
                          std::int64_t nowMs = 0) override;
    Result<std::vector<std::string>> mostUsedWorkflows(int limit) override;
    Result<std::vector<PerformanceSample>> history(const std::string &operation,
                                                   std::int64_t sinceMs) override;
    Result<std::vector<OperationSummary>> summary(std::int64_t sinceMs) override;
    Result<std::map<std::string, double>> latestCounters() override;
    Result<Json> report(std::int64_t sinceMs) override;
    Result<int> prune(std::int64_t beforeMs) override;

private:
    Database &m_db;
    std::mutex m_mutex; ///< guards m_windows
    metrics::PersistWindows m_windows;
};

} // namespace wfs::store
