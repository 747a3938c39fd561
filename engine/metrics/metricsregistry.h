// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MetricsRegistry: operation name -> LatencyTracker, plus process figures, with a snapshot API
// the dashboard, `wfstudio stats` and the persistence timer read.
//
// Hot path: look an operation up once (operation() returns a reference that stays valid for the
// registry's lifetime) and call record() on it; or use ScopedLatency. Cold path: tick() once a
// second (MetricsPoller does it on a QTimer) and snapshot() whenever a view wants numbers.
//
//   auto &op = wfs::metrics::MetricsRegistry::global().operation("workflow_get");
//   { wfs::metrics::ScopedLatency t(op); ... t.setError(failed); }
#pragma once

#include "clock.h"
#include "histogram.h"
#include "processstats.h"

#include "model/json.h"

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::metrics {

// Where a failed request failed: the transport refused it (HTTP 401, 403, 413, 429, a missing
// Mcp-Session-Id, ...), the protocol did (a JSON-RPC error: parse error, invalid request, unknown
// method, invalid params) or the tool answered with isError.
enum class FailureKind { Transport, Protocol, Tool };
inline constexpr int kFailureKinds = 3;
const char *failureKindName(FailureKind kind); ///< "transport", "protocol", "tool"
using FailureCounts = std::array<std::uint64_t, kFailureKinds>;

struct OperationSnapshot
{
    std::string name;
    WindowStats last1s;
    WindowStats last10s;
    WindowStats last60s;
    WindowStats total; ///< since start
};

struct MetricsSnapshot
{
    std::int64_t takenAtMs = 0; ///< wall clock, Unix epoch milliseconds
    double uptimeSeconds = 0;
    std::vector<OperationSnapshot> operations; ///< sorted by name
    ProcessStats process;
    double requestRate1s = 0;  ///< all operations, requests per second over the last second
    double requestRate10s = 0; ///< ... over the last 10 seconds
    FailureCounts failures{};  ///< failed requests by FailureKind since start (cumulative)

    const OperationSnapshot *find(std::string_view name) const;
    // {"takenAtMs", "uptimeSeconds", "requestRate1s", "requestRate10s",
    //  "process": {"rssBytes","heapBytes","cpuPercent"},
    //  "failures": {"transport","protocol","tool"},
    //  "operations": {name: {"1s"|"10s"|"60s"|"total": {count, errors, errorRate, ratePerSec,
    //                 p50_us, p90_us, p95_us, p99_us, p999_us, max_us, mean_us}}}}
    Json toJson() const;
};

Json windowStatsToJson(const WindowStats &w);

class MetricsRegistry
{
public:
    // `steady` drives the windows; `wall` stamps snapshots.
    explicit MetricsRegistry(ClockFn steady = steadyClock(), ClockFn wall = wallClock());
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // The process-wide registry the engine, the MCP server and the GUI share.
    static MetricsRegistry &global();

    // The tracker for `name`, created on first use. The reference stays valid as long as the
    // registry lives. Thread-safe (shared lock on lookup, exclusive on creation).
    LatencyTracker &operation(std::string_view name);
    void record(std::string_view name, std::uint64_t ns, bool error = false)
    {
        operation(name).record(ns, error);
    }

    // Counts one failed request of `kind` (cheap: one relaxed atomic add). Each failure is
    // counted once, where it happened: the HTTP transport, the MCP dispatcher (JSON-RPC errors)
    // or the caching engine (tool results with isError).
    void countFailure(FailureKind kind)
    {
        m_failures[std::size_t(kind)].fetch_add(1, std::memory_order_relaxed);
    }
    FailureCounts failures() const;

    // Closes the current second on every tracker (call about once a second).
    void tick();
    MetricsSnapshot snapshot();
    std::vector<std::string> operationNames() const;
    std::int64_t steadyNowNs() const { return m_steady(); }
    // When the registry started (wall clock, Unix epoch milliseconds): the start of the first
    // interval MetricsStore::persist() writes.
    std::int64_t startWallMs() const { return m_startWallNs / 1'000'000; }

private:
    ClockFn m_steady;
    ClockFn m_wall;
    std::int64_t m_startNs;
    std::int64_t m_startWallNs;
    mutable std::shared_mutex m_mutex;
    std::map<std::string, std::unique_ptr<LatencyTracker>, std::less<>> m_trackers;
    ProcessSampler m_process;
    std::array<std::atomic<std::uint64_t>, kFailureKinds> m_failures{};
};

// Records the time between construction and destruction into a tracker.
class [[nodiscard]] ScopedLatency
{
public:
    explicit ScopedLatency(LatencyTracker &tracker)
        : m_tracker(tracker)
        , m_start(wfs::metrics::steadyNowNs())
    {}
    ScopedLatency(const ScopedLatency &) = delete;
    ScopedLatency &operator=(const ScopedLatency &) = delete;
    ~ScopedLatency()
    {
        const std::int64_t d = wfs::metrics::steadyNowNs() - m_start;
        m_tracker.record(d > 0 ? std::uint64_t(d) : 0, m_error);
    }
    void setError(bool error) { m_error = error; }

private:
    LatencyTracker &m_tracker;
    std::int64_t m_start;
    bool m_error = false;
};

// The windows a metrics store persists (SQLite and PostgreSQL alike): each one covers the
// interval since the previous committed window (the first: since the registry started) and
// holds, per operation with new samples, the delta of the cumulative histogram. take() reads;
// commit() makes it the previous one once its rows are written (a failed write is retried with
// the next, longer window). Not thread-safe: the store's lock guards it.
class PersistWindows
{
public:
    struct Window
    {
        std::int64_t endMs = 0;
        std::int64_t lengthMs = 1;
        std::vector<std::pair<std::string, HistogramData>> deltas; ///< operations with samples
        std::map<std::string, HistogramData> snapshot; ///< every operation, for commit()
    };
    Window take(MetricsRegistry &registry, std::int64_t nowMs) const;
    void commit(Window window);

private:
    std::map<std::string, HistogramData> m_previous;
    std::int64_t m_lastMs = 0; ///< 0: none yet
};

} // namespace wfs::metrics
