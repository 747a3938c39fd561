// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// What the performance dashboard plots, and where it comes from. A DashboardSource emits one
// DashboardSample per second and can answer history (the performance_metrics table); the
// dashboard never reads the engine directly, so tests drive it with a synthetic source.
//
//   auto *source = new RegistrySource(metrics::MetricsRegistry::global(), this);
//   source->setCacheStats([&runtime] { return runtime.cache().stats(); });
//   source->setHistoryDatabase(runtime.database());
//   dashboard->setSource(source);
#pragma once

#include "engine/cache/resultcache.h"

#include <QObject>

#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

class QTimer;

namespace wfs::metrics {
class MetricsRegistry;
}
namespace wfs::store {
class Database;
}

namespace wfs::studio {

// The four operations the latency chart shows, in this order.
enum class DashboardOp { List, Get, Next, Validate };
inline constexpr int kDashboardOps = 4;
const char *dashboardOpName(int op); ///< "list", "get", "next", "validate"

struct DashboardSample
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    struct Latency
    {
        double p50Us = kNone, p95Us = kNone, p99Us = kNone;
    };

    std::int64_t atMs = 0; ///< epoch milliseconds
    // Cache hit rates over the last interval, percent; NaN when there were no lookups.
    double l1HitPercent = kNone, l2HitPercent = kNone, hitPercent = kNone;
    std::array<Latency, kDashboardOps> latency; ///< NaN when the operation did not run
    double rssMb = kNone, heapMb = kNone;
    double requestsPerSec = kNone, errorPercent = kNone;
    // Failed requests by where they failed (metrics::FailureKind: transport, protocol, tool),
    // percent of the interval's requests; NaN when there were no requests.
    std::array<double, 3> errorKindPercent{kNone, kNone, kNone};
};

class DashboardSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // Samples since `sinceMs` from persistent history (oldest first); empty when none.
    virtual std::vector<DashboardSample> history(std::int64_t /*sinceMs*/) { return {}; }
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void sampled(const wfs::studio::DashboardSample &sample);
};

// The live source: the process's MetricsRegistry (1 s windows), process memory, and the
// result cache's counters when given. Ticks the registry itself unless told not to (the
// Runtime's thread may already tick it).
class RegistrySource : public DashboardSource
{
    Q_OBJECT
public:
    explicit RegistrySource(metrics::MetricsRegistry &registry, QObject *parent = nullptr);
    ~RegistrySource() override;

    void setCacheStats(std::function<cache::CacheStats()> stats)
    {
        m_cacheStats = std::move(stats);
    }
    void setHistoryDatabase(store::Database *db) { m_db = db; }
    void setTickRegistry(bool tick) { m_tickRegistry = tick; }
    void setInterval(int ms);

    std::vector<DashboardSample> history(std::int64_t sinceMs) override;
    void start() override;
    void stop() override;
    // One sample now (what the timer does).
    DashboardSample sampleNow();

private:
    metrics::MetricsRegistry &m_registry;
    QTimer *m_timer;
    std::function<cache::CacheStats()> m_cacheStats;
    store::Database *m_db = nullptr;
    bool m_tickRegistry = true;
    bool m_haveCache = false;
    cache::CacheStats m_lastCache;
    bool m_haveFailures = false;
    std::array<std::uint64_t, 3> m_lastFailures{};
    std::uint64_t m_lastTotal = 0;
};

} // namespace wfs::studio

Q_DECLARE_METATYPE(wfs::studio::DashboardSample)
