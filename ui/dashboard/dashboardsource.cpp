// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "dashboardsource.h"

#include "engine/metrics/metricsregistry.h"
#include "engine/store/metricsstore.h"

#include <QDateTime>
#include <QTimer>

#include <map>
#include <string>

namespace wfs::studio {

namespace {

const char *const kOpNames[kDashboardOps] = {"list", "get", "next", "validate"};
const char *const kToolNames[kDashboardOps] = {"workflow_list", "workflow_get", "workflow_next",
                                               "workflow_validate"};

double percent(std::uint64_t part, std::uint64_t whole)
{
    return whole == 0 ? DashboardSample::kNone : 100.0 * double(part) / double(whole);
}

} // namespace

const char *dashboardOpName(int op)
{
    return op >= 0 && op < kDashboardOps ? kOpNames[op] : "";
}

RegistrySource::RegistrySource(metrics::MetricsRegistry &registry, QObject *parent)
    : DashboardSource(parent)
    , m_registry(registry)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] { emit sampled(sampleNow()); });
}

RegistrySource::~RegistrySource() = default;

void RegistrySource::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

void RegistrySource::start()
{
    m_timer->start();
}

void RegistrySource::stop()
{
    m_timer->stop();
}

DashboardSample RegistrySource::sampleNow()
{
    if (m_tickRegistry)
        m_registry.tick();
    const metrics::MetricsSnapshot snap = m_registry.snapshot();
    DashboardSample s;
    s.atMs = snap.takenAtMs > 0 ? snap.takenAtMs : QDateTime::currentMSecsSinceEpoch();
    std::uint64_t count = 0;
    std::uint64_t errors = 0;
    for (int op = 0; op < kDashboardOps; ++op) {
        // The cached engine records "workflow_x"; the MCP dispatcher alone "mcp/workflow_x".
        const metrics::OperationSnapshot *o = snap.find(kToolNames[op]);
        if (!o || o->last1s.stats.count == 0)
            o = snap.find(std::string("mcp/") + kToolNames[op]);
        if (!o || o->last1s.stats.count == 0)
            continue;
        const metrics::HistogramStats &h = o->last1s.stats;
        s.latency[std::size_t(op)] = {double(h.p50Ns) / 1000.0, double(h.p95Ns) / 1000.0,
                                      double(h.p99Ns) / 1000.0};
    }
    double rate = 0;
    std::uint64_t total = 0; // every request since start
    for (const metrics::OperationSnapshot &o : snap.operations) {
        if (o.name.rfind("mcp/", 0) == 0 && snap.find(o.name.substr(4)))
            continue; // counted under the engine's name already
        count += o.last1s.stats.count;
        errors += o.last1s.stats.errors;
        rate += o.last1s.ratePerSec;
        total += o.total.stats.count;
    }
    // Not snap.requestRate1s: that sums every operation, so an MCP call would count twice.
    s.requestsPerSec = rate;
    s.errorPercent = count == 0 ? 0.0 : 100.0 * double(errors) / double(count);
    // Failures by kind since the previous sample, of the requests since then (both counters
    // are cumulative, so the two cover the same interval).
    if (m_haveFailures) {
        const std::uint64_t requests = total - std::min(total, m_lastTotal);
        for (std::size_t k = 0; k < s.errorKindPercent.size(); ++k) {
            const std::uint64_t failed =
                snap.failures[k] - std::min(snap.failures[k], m_lastFailures[k]);
            s.errorKindPercent[k] =
                requests == 0 ? DashboardSample::kNone
                              : std::min(100.0, 100.0 * double(failed) / double(requests));
        }
    }
    m_lastFailures = snap.failures;
    m_lastTotal = total;
    m_haveFailures = true;
    s.rssMb = double(snap.process.rssBytes) / (1024.0 * 1024.0);
    s.heapMb = double(snap.process.heapBytes) / (1024.0 * 1024.0);
    if (m_cacheStats) {
        const cache::CacheStats now = m_cacheStats();
        if (m_haveCache) {
            const std::uint64_t l1Hits = now.l1.hits - m_lastCache.l1.hits;
            const std::uint64_t l1Lookups = l1Hits + (now.l1.misses - m_lastCache.l1.misses);
            const std::uint64_t l2Hits = now.l2.hits - m_lastCache.l2.hits;
            const std::uint64_t l2Lookups = l2Hits + (now.l2.misses - m_lastCache.l2.misses);
            s.l1HitPercent = percent(l1Hits, l1Lookups);
            s.l2HitPercent = now.l2Enabled ? percent(l2Hits, l2Lookups) : DashboardSample::kNone;
            s.hitPercent = percent(l1Hits + (now.l2Enabled ? l2Hits : 0), l1Lookups);
        }
        m_lastCache = now;
        m_haveCache = true;
    }
    return s;
}

std::vector<DashboardSample> RegistrySource::history(std::int64_t sinceMs)
{
    std::vector<DashboardSample> out;
    if (!m_db)
        return out;
    store::MetricsStore store(*m_db);
    // One sample per persisted interval, merged across the operations by time stamp.
    std::map<std::int64_t, DashboardSample> byTime;
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> counts; // count, errors
    std::map<std::int64_t, std::int64_t> windows;
    for (int op = 0; op < kDashboardOps; ++op) {
        for (const std::string &name :
             {std::string(kToolNames[op]), std::string("mcp/") + kToolNames[op]}) {
            const auto rows = store.history(name, sinceMs);
            if (!rows || rows->empty())
                continue;
            for (const store::PerformanceSample &p : *rows) {
                DashboardSample &s = byTime[p.recordedAtMs];
                s.atMs = p.recordedAtMs;
                s.latency[std::size_t(op)] = {p.p50Us, p.p95Us, p.p99Us};
                counts[p.recordedAtMs].first += p.count;
                counts[p.recordedAtMs].second += p.errors;
                windows[p.recordedAtMs] = std::max(windows[p.recordedAtMs], p.windowMs);
            }
            break; // the engine's name when it has rows, else the dispatcher's
        }
    }
    for (auto &[at, s] : byTime) {
        const auto [count, errors] = counts[at];
        const double seconds = double(std::max<std::int64_t>(windows[at], 1)) / 1000.0;
        s.requestsPerSec = double(count) / seconds;
        s.errorPercent = count == 0 ? 0.0 : 100.0 * double(errors) / double(count);
        out.push_back(s);
    }
    return out;
}

} // namespace wfs::studio
