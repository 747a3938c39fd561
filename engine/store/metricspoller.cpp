// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Timer plumbing for the metrics registry and its persistence.
#include "metricspoller.h"

#include "metricsstore.h"

#include <QTimer>

namespace wfs::metrics {

MetricsPoller::MetricsPoller(MetricsRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_tick(new QTimer(this))
    , m_persist(new QTimer(this))
{
    qRegisterMetaType<wfs::metrics::MetricsSnapshot>();
    m_tick->setInterval(1000);
    m_persist->setInterval(5000);
    connect(m_tick, &QTimer::timeout, this, &MetricsPoller::poll);
    connect(m_persist, &QTimer::timeout, this, [this] { persistNow(); });
}

MetricsPoller::~MetricsPoller() = default;

void MetricsPoller::setTickInterval(int ms)
{
    m_tick->setInterval(std::max(ms, 10));
}

void MetricsPoller::setPersistence(store::AbstractMetricsStore *store, int intervalMs)
{
    m_store = store;
    m_persist->setInterval(std::max(intervalMs, 100));
    if (!m_store)
        m_persist->stop();
    else if (m_tick->isActive())
        m_persist->start();
}

void MetricsPoller::setCounterSource(std::function<std::map<std::string, double>()> source)
{
    m_counters = std::move(source);
}

void MetricsPoller::setUsageSource(std::function<std::map<std::string, std::int64_t>()> source)
{
    m_usage = std::move(source);
}

void MetricsPoller::start()
{
    m_tick->start();
    if (m_store)
        m_persist->start();
}

void MetricsPoller::stop()
{
    m_tick->stop();
    m_persist->stop();
}

bool MetricsPoller::isRunning() const
{
    return m_tick->isActive();
}

void MetricsPoller::poll()
{
    m_registry.tick();
    m_last = m_registry.snapshot();
    emit snapshotReady(m_last);
}

bool MetricsPoller::persistNow()
{
    if (!m_store)
        return false;
    std::map<std::string, double> counters =
        m_counters ? m_counters() : std::map<std::string, double>();
    const ProcessStats p = m_last.takenAtMs
                               ? m_last.process
                               : ProcessStats{currentRssBytes(), currentHeapBytes(), 0, 0};
    counters["process.rss_bytes"] = double(p.rssBytes);
    counters["process.heap_bytes"] = double(p.heapBytes);
    counters["process.cpu_percent"] = p.cpuPercent;
    Result<int> rows = m_store->persist(m_registry, counters);
    if (!rows) {
        emit persistFailed(QString::fromStdString(rows.error()));
        return false;
    }
    if (m_usage) {
        if (Result<void> r = m_store->addUsage(m_usage()); !r) {
            emit persistFailed(QString::fromStdString(r.error()));
            return false;
        }
    }
    return true;
}

} // namespace wfs::metrics
