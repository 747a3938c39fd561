// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MetricsPoller: the Qt side of the metrics. A QTimer in the owner's thread ticks the registry
// once a second and emits snapshotReady() (dashboards connect to it); every persistence
// interval it writes the interval's figures, the extra counters and workflow usage to the
// database. Nothing here runs on the engine's hot path.
//
//   auto *poller = new MetricsPoller(MetricsRegistry::global(), this);
//   poller->setPersistence(&metricsStore, 5000);
//   poller->setCounterSource([&] { return cache->stats().toCounters(); });
//   connect(poller, &MetricsPoller::snapshotReady, dashboard, &Dashboard::update);
//   poller->start();
#pragma once

#include "engine/metrics/metricsregistry.h"

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <string>

class QTimer;

namespace wfs::store {
class AbstractMetricsStore;
}

namespace wfs::metrics {

class MetricsPoller : public QObject
{
    Q_OBJECT
public:
    explicit MetricsPoller(MetricsRegistry &registry, QObject *parent = nullptr);
    ~MetricsPoller() override;

    void setTickInterval(int ms); ///< default 1000
    // Writes to `store` every `intervalMs` (>= 100); null turns persistence off.
    void setPersistence(store::AbstractMetricsStore *store, int intervalMs = 5000);
    void setCounterSource(std::function<std::map<std::string, double>()> source);
    void setUsageSource(std::function<std::map<std::string, std::int64_t>()> source);

    void start();
    void stop();
    bool isRunning() const;

    MetricsSnapshot lastSnapshot() const { return m_last; }
    // Ticks and emits once now (also what the timer does).
    void poll();
    // Persists now; emits persistFailed on error.
    bool persistNow();

signals:
    void snapshotReady(const wfs::metrics::MetricsSnapshot &snapshot);
    void persistFailed(const QString &error);

private:
    MetricsRegistry &m_registry;
    QTimer *m_tick = nullptr;
    QTimer *m_persist = nullptr;
    store::AbstractMetricsStore *m_store = nullptr;
    std::function<std::map<std::string, double>()> m_counters;
    std::function<std::map<std::string, std::int64_t>()> m_usage;
    MetricsSnapshot m_last;
};

} // namespace wfs::metrics

Q_DECLARE_METATYPE(wfs::metrics::MetricsSnapshot)
