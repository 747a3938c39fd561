// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "fleetsource.h"

#include <QDateTime>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace wfs::studio {

namespace {

constexpr double kMb = 1024.0 * 1024.0;
constexpr std::int64_t kSettleMs = 1000; ///< a bucket is shown this long after its end
constexpr std::int64_t kRowsMs = 60'000; ///< the instance rows cover the last minute
constexpr std::int64_t kHistoryMs = 3'600'000;

std::int64_t bucketOf(std::int64_t atMs, std::int64_t bucketMs)
{
    return atMs - ((atMs % bucketMs) + bucketMs) % bucketMs;
}

std::string toolName(int op)
{
    return std::string("workflow_") + dashboardOpName(op);
}

// The dashboard operation of a window's operation, and whether it is the dispatcher's name.
int dashboardOpOf(const std::string &operation, bool *mcp)
{
    *mcp = operation.rfind("mcp/", 0) == 0;
    const std::string name = *mcp ? operation.substr(4) : operation;
    for (int op = 0; op < kDashboardOps; ++op) {
        if (name == toolName(op))
            return op;
    }
    return -1;
}

// As RegistrySource: an MCP call is measured twice (the dispatcher's "mcp/x" and the engine's
// "x"); it counts once. The windows of one persist of an instance share its recorded time.
class Counted
{
public:
    explicit Counted(const std::vector<store::FleetWindow> &windows)
    {
        for (const store::FleetWindow &w : windows)
            m_present.insert({w.instance, w.recordedAtMs, w.operation});
    }
    bool operator()(const store::FleetWindow &w) const
    {
        return w.operation.rfind("mcp/", 0) != 0 ||
               !m_present.count({w.instance, w.recordedAtMs, w.operation.substr(4)});
    }

private:
    std::set<std::tuple<std::string, std::int64_t, std::string>> m_present;
};

double percentOf(std::uint64_t part, std::uint64_t whole)
{
    return whole == 0 ? DashboardSample::kNone : 100.0 * double(part) / double(whole);
}

// Requests of one instance and the windows they came in (one per persist).
struct InstanceLoad
{
    std::uint64_t count = 0;
    std::set<std::pair<std::int64_t, std::int64_t>> persists; ///< (recorded at, window)

    double perSecond() const
    {
        std::int64_t ms = 0;
        for (const auto &p : persists)
            ms += p.second;
        return ms <= 0 ? DashboardSample::kNone : double(count) * 1000.0 / double(ms);
    }
};

struct CacheDelta
{
    std::uint64_t l1Hits = 0, l1Misses = 0, l2Hits = 0, l2Misses = 0;
    bool any = false, l2 = false;

    void add(const std::string &name, double delta)
    {
        const auto n = std::uint64_t(std::max(0.0, delta));
        any = true;
        if (name == "cache.l1.hits")
            l1Hits += n;
        else if (name == "cache.l1.misses")
            l1Misses += n;
        else if (name == "cache.l2.hits")
            l2 = true, l2Hits += n;
        else if (name == "cache.l2.misses")
            l2 = true, l2Misses += n;
    }
};

// Walks the counter samples in time order and calls `delta(counter, added)` for each cumulative
// cache counter sample that has a predecessor of the same instance (a counter that went down:
// the instance restarted, and its new value is what it added), `level(counter)` for memory.
template<typename Delta, typename Level>
void walkCounters(const std::vector<store::FleetCounter> &counters, const std::string &instance,
                  Delta delta, Level level)
{
    std::map<std::pair<std::string, std::string>, double> last;
    for (const store::FleetCounter &c : counters) {
        if (!instance.empty() && c.instance != instance)
            continue;
        if (c.name.rfind("process.", 0) == 0) {
            level(c);
            continue;
        }
        const auto key = std::make_pair(c.instance, c.name);
        const auto it = last.find(key);
        if (it != last.end())
            delta(c, c.value >= it->second ? c.value - it->second : c.value);
        last[key] = c.value;
    }
}

} // namespace

std::vector<DashboardSample> fleetSamples(const store::FleetMetrics &metrics,
                                          const std::string &instance, std::int64_t fromMs,
                                          std::int64_t toMs, std::int64_t bucketMs)
{
    struct Bucket
    {
        bool windows = false;
        std::array<metrics::HistogramData, kDashboardOps> engine, mcp;
        std::map<std::string, InstanceLoad> load;
        std::uint64_t count = 0, errors = 0;
        CacheDelta cache;
        std::map<std::string, std::pair<std::int64_t, double>> rss, heap; ///< latest per instance
    };
    std::map<std::int64_t, Bucket> buckets;
    const auto inRange = [&](std::int64_t atMs) {
        const std::int64_t b = bucketOf(atMs, bucketMs);
        return b >= fromMs && b < toMs;
    };
    const Counted counted(metrics.windows);
    for (const store::FleetWindow &w : metrics.windows) {
        if ((!instance.empty() && w.instance != instance) || !inRange(w.recordedAtMs))
            continue;
        Bucket &b = buckets[bucketOf(w.recordedAtMs, bucketMs)];
        b.windows = true;
        bool mcp = false;
        if (const int op = dashboardOpOf(w.operation, &mcp); op >= 0)
            (mcp ? b.mcp : b.engine)[std::size_t(op)].add(w.histogram);
        if (!counted(w))
            continue;
        b.count += w.histogram.count;
        b.errors += w.histogram.errors;
        InstanceLoad &load = b.load[w.instance];
        load.count += w.histogram.count;
        load.persists.insert({w.recordedAtMs, w.windowMs});
    }
    walkCounters(
        metrics.counters, instance,
        [&](const store::FleetCounter &c, double added) {
            if (inRange(c.recordedAtMs))
                buckets[bucketOf(c.recordedAtMs, bucketMs)].cache.add(c.name, added);
        },
        [&](const store::FleetCounter &c) {
            if (!inRange(c.recordedAtMs))
                return;
            Bucket &b = buckets[bucketOf(c.recordedAtMs, bucketMs)];
            auto &slot = (c.name == "process.rss_bytes" ? b.rss : b.heap)[c.instance];
            if (c.recordedAtMs >= slot.first)
                slot = {c.recordedAtMs, c.value};
        });

    std::vector<DashboardSample> out;
    out.reserve(buckets.size());
    for (const auto &[start, b] : buckets) {
        DashboardSample s;
        s.atMs = start + bucketMs;
        for (int op = 0; op < kDashboardOps; ++op) {
            const metrics::HistogramData &h = b.engine[std::size_t(op)].count > 0
                                                  ? b.engine[std::size_t(op)]
                                                  : b.mcp[std::size_t(op)];
            if (h.count == 0)
                continue;
            const metrics::HistogramStats st = h.stats();
            s.latency[std::size_t(op)] = {double(st.p50Ns) / 1000.0, double(st.p95Ns) / 1000.0,
                                          double(st.p99Ns) / 1000.0};
        }
        if (b.windows) {
            double rate = 0;
            for (const auto &[id, load] : b.load) {
                if (const double r = load.perSecond(); !std::isnan(r))
                    rate += r;
            }
            s.requestsPerSec = rate;
            s.errorPercent = b.count == 0 ? 0.0 : 100.0 * double(b.errors) / double(b.count);
        }
        if (b.cache.any) {
            const std::uint64_t lookups = b.cache.l1Hits + b.cache.l1Misses;
            s.l1HitPercent = percentOf(b.cache.l1Hits, lookups);
            if (b.cache.l2)
                s.l2HitPercent = percentOf(b.cache.l2Hits, b.cache.l2Hits + b.cache.l2Misses);
            s.hitPercent = percentOf(b.cache.l1Hits + b.cache.l2Hits, lookups);
        }
        const auto sum = [](const auto &latest) {
            if (latest.empty())
                return DashboardSample::kNone;
            double total = 0;
            for (const auto &[id, v] : latest)
                total += v.second;
            return total / kMb;
        };
        s.rssMb = sum(b.rss);
        s.heapMb = sum(b.heap);
        out.push_back(s);
    }
    return out;
}

std::vector<FleetInstanceRow> fleetInstances(const store::FleetMetrics &metrics,
                                             std::int64_t fromMs, std::int64_t toMs)
{
    struct Acc
    {
        std::int64_t last = 0;
        InstanceLoad load;
        std::uint64_t errors = 0;
        metrics::HistogramData engineNext, mcpNext;
        bool windows = false;
        CacheDelta cache;
        std::pair<std::int64_t, double> rss{0, DashboardSample::kNone};
    };
    std::map<std::string, Acc> acc;
    const auto inRange = [&](std::int64_t atMs) { return atMs >= fromMs && atMs <= toMs; };
    const Counted counted(metrics.windows);
    const int next = int(DashboardOp::Next);
    for (const store::FleetWindow &w : metrics.windows) {
        Acc &a = acc[w.instance];
        a.last = std::max(a.last, w.recordedAtMs);
        if (!inRange(w.recordedAtMs))
            continue;
        a.windows = true;
        bool mcp = false;
        if (dashboardOpOf(w.operation, &mcp) == next)
            (mcp ? a.mcpNext : a.engineNext).add(w.histogram);
        if (!counted(w))
            continue;
        a.load.count += w.histogram.count;
        a.load.persists.insert({w.recordedAtMs, w.windowMs});
        a.errors += w.histogram.errors;
    }
    for (const store::FleetCounter &c : metrics.counters) {
        Acc &a = acc[c.instance];
        a.last = std::max(a.last, c.recordedAtMs);
    }
    walkCounters(
        metrics.counters, {},
        [&](const store::FleetCounter &c, double added) {
            if (inRange(c.recordedAtMs))
                acc[c.instance].cache.add(c.name, added);
        },
        [&](const store::FleetCounter &c) {
            auto &rss = acc[c.instance].rss;
            if (c.name == "process.rss_bytes" && c.recordedAtMs >= rss.first)
                rss = {c.recordedAtMs, c.value / kMb};
        });

    std::vector<FleetInstanceRow> rows;
    for (const auto &[id, a] : acc) {
        FleetInstanceRow r;
        r.instance = QString::fromStdString(id);
        r.lastReportMs = a.last;
        if (a.windows) {
            r.requestsPerSec = a.load.perSecond();
            r.errorPercent =
                a.load.count == 0 ? 0.0 : 100.0 * double(a.errors) / double(a.load.count);
        }
        const metrics::HistogramData &h = a.engineNext.count > 0 ? a.engineNext : a.mcpNext;
        if (h.count > 0) {
            const metrics::HistogramStats st = h.stats();
            r.nextP50Us = double(st.p50Ns) / 1000.0;
            r.nextP99Us = double(st.p99Ns) / 1000.0;
        }
        if (a.cache.any)
            r.l1HitPercent = percentOf(a.cache.l1Hits, a.cache.l1Hits + a.cache.l1Misses);
        r.rssMb = a.rss.second;
        rows.push_back(std::move(r));
    }
    return rows;
}

FleetSource::FleetSource(Fetch fetch, QObject *parent)
    : DashboardSource(parent)
    , m_fetch(std::move(fetch))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(int(kFleetBucketMs));
    connect(m_timer, &QTimer::timeout, this, &FleetSource::poll);
    connect(&m_watcher, &QFutureWatcher<Read>::finished, this, &FleetSource::finished);
}

FleetSource::~FleetSource()
{
    m_watcher.waitForFinished();
}

void FleetSource::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

void FleetSource::start()
{
    m_timer->start();
    poll();
}

void FleetSource::stop()
{
    m_timer->stop();
}

bool FleetSource::isRunning() const
{
    return m_timer->isActive();
}

void FleetSource::poll()
{
    if (m_watcher.isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run([fetch = m_fetch] {
        Read r;
        r.nowMs = QDateTime::currentMSecsSinceEpoch();
        // A little more than the rows' minute: the counters' previous samples.
        r.metrics = fetch(r.nowMs - kRowsMs - 2 * kFleetBucketMs);
        return r;
    }));
}

void FleetSource::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged(error);
}

void FleetSource::finished()
{
    const Read read = m_watcher.result();
    if (!read.metrics) {
        setError(QString::fromStdString(read.metrics.error()));
        return;
    }
    setError({});
    m_rows = fleetInstances(*read.metrics, read.nowMs - kRowsMs, read.nowMs);
    emit instancesChanged();
    const std::int64_t complete = bucketOf(read.nowMs - kSettleMs - kFleetBucketMs, kFleetBucketMs);
    const std::int64_t from = std::max(m_lastBucket + kFleetBucketMs, read.nowMs - kRowsMs);
    if (complete < from)
        return;
    for (const DashboardSample &s :
         fleetSamples(*read.metrics, m_instance, from, complete + kFleetBucketMs))
        emit sampled(s);
    m_lastBucket = complete;
}

std::vector<DashboardSample> FleetSource::history(std::int64_t sinceMs)
{
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t since = std::max(sinceMs, now - kHistoryMs);
    Result<store::FleetMetrics> metrics = m_fetch(since - 2 * kFleetBucketMs);
    if (!metrics) {
        setError(QString::fromStdString(metrics.error()));
        return {};
    }
    setError({});
    m_rows = fleetInstances(*metrics, now - kRowsMs, now);
    emit instancesChanged();
    const std::int64_t complete = bucketOf(now - kSettleMs - kFleetBucketMs, kFleetBucketMs);
    m_lastBucket = complete;
    return fleetSamples(*metrics, m_instance, bucketOf(since, kFleetBucketMs),
                        complete + kFleetBucketMs);
}

} // namespace wfs::studio
