// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The dashboard's view of a team server's fleet: every `wfstudio mcp` instance (and studio)
// writing into one team store persists its 5 s metrics windows with its histogram and its cache
// and memory counters (store::FleetMetrics). FleetSource reads them and gives the dashboard one
// sample per 5 s bucket — of the whole fleet or of one instance —, and a row per instance.
//
//   auto *fleet = new FleetSource([&rt](std::int64_t since) {
//       services::StoreHandle *team = rt.teamStore();
//       return team ? team->fleetMetrics(since) : Result<store::FleetMetrics>::failure("...");
//   }, parent);
//   dashboard->setFleetSource(fleet);  // View: This studio | Team fleet | Instance …
//
// How a bucket is made (fleetSamples):
//   latency      percentiles of the merged histogram of the operation's windows in the bucket
//                (never an average of percentiles); the engine's "workflow_x" windows, else the
//                dispatcher's "mcp/workflow_x"
//   requests/s   per instance: its requests in the bucket over the length of its windows there;
//                summed over the instances (an instance that did not report adds nothing)
//   errors       failed / all requests of the bucket, percent
//   cache hits   from the cumulative hit and miss counters: what each instance added since its
//                previous counter sample (a restart starts again from its new value), summed
//   memory       the latest RSS and heap of each instance in the bucket, summed
// Windows are assigned to the bucket of their recorded time; a bucket is shown once it is
// complete (its end plus a second, so that the instances' persists of that bucket are in).
#pragma once

#include "dashboardsource.h"

#include "engine/store/metricsstore.h"
#include "model/result.h"

#include <QFutureWatcher>
#include <QString>

#include <functional>
#include <vector>

class QTimer;

namespace wfs::studio {

struct FleetInstanceRow
{
    QString instance;
    std::int64_t lastReportMs = 0; ///< newest window or counter of the instance
    double requestsPerSec = DashboardSample::kNone;
    double errorPercent = DashboardSample::kNone;
    double nextP50Us = DashboardSample::kNone; ///< workflow_next, merged over the period
    double nextP99Us = DashboardSample::kNone;
    double l1HitPercent = DashboardSample::kNone;
    double rssMb = DashboardSample::kNone; ///< its latest
};

inline constexpr std::int64_t kFleetBucketMs = 5000;

// The samples of buckets [fromMs, toMs) (bucket starts), oldest first, for every instance
// (`instance` empty) or one. Buckets without any data of that scope are left out (a gap).
std::vector<DashboardSample> fleetSamples(const store::FleetMetrics &metrics,
                                          const std::string &instance, std::int64_t fromMs,
                                          std::int64_t toMs,
                                          std::int64_t bucketMs = kFleetBucketMs);
// One row per instance seen in `metrics` (sorted by id), its figures over windows and counter
// samples recorded in [fromMs, toMs].
std::vector<FleetInstanceRow> fleetInstances(const store::FleetMetrics &metrics,
                                             std::int64_t fromMs, std::int64_t toMs);

class FleetSource : public DashboardSource
{
    Q_OBJECT
public:
    using Fetch = std::function<Result<store::FleetMetrics>(std::int64_t sinceMs)>;
    // `fetch` runs on a worker thread (it may block on the network); it must stay callable
    // while the source lives (the destructor waits for a fetch in progress).
    explicit FleetSource(Fetch fetch, QObject *parent = nullptr);
    ~FleetSource() override;

    // The instance the samples are of ("" = the whole fleet). Takes effect for history() and
    // the samples that follow; the dashboard reloads.
    void setInstance(const QString &instance) { m_instance = instance.toStdString(); }
    QString instance() const { return QString::fromStdString(m_instance); }
    // How often the store is read (default 5 s).
    void setInterval(int ms);

    // Up to the last hour of buckets (a fleet writes ~10 rows per instance and 5 s): read here,
    // synchronously.
    std::vector<DashboardSample> history(std::int64_t sinceMs) override;
    void start() override;
    void stop() override;
    bool isRunning() const;
    // Reads the store now (asynchronously); instancesChanged() and sampled() follow.
    void poll();

    // The instances of the last read, their figures over its last minute.
    const std::vector<FleetInstanceRow> &instances() const { return m_rows; }
    // Why the last read failed ("" = it worked).
    QString error() const { return m_error; }

signals:
    void instancesChanged();
    void errorChanged(const QString &error);

private:
    struct Read
    {
        Result<store::FleetMetrics> metrics = Result<store::FleetMetrics>::failure("");
        std::int64_t nowMs = 0;
    };
    void finished();
    void setError(const QString &error);

    Fetch m_fetch;
    QTimer *m_timer;
    QFutureWatcher<Read> m_watcher;
    std::string m_instance;
    std::int64_t m_lastBucket = 0; ///< start of the newest bucket emitted
    std::vector<FleetInstanceRow> m_rows;
    QString m_error;
};

} // namespace wfs::studio
