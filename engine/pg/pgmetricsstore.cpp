// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Fleet metrics: each persisted row is one instance's window with its histogram buckets (sparse
// integer[] of bucket indexes, bigint[] of counts). Summaries merge the buckets of every row in
// the period (GROUP BY over unnest on the server) and take percentiles of the merged histogram.
#include "pgconnection.h"
#include "pgstores.h"

#include "engine/metrics/metricsregistry.h"

#include <QDateTime>

#include <unistd.h>

namespace wfs::pg {

using namespace detail;

namespace {

std::int64_t orNow(std::int64_t ms)
{
    return ms ? ms : QDateTime::currentMSecsSinceEpoch();
}

constexpr Statement kInsertSample{
    "wfs_metrics_insert",
    "INSERT INTO performance_metrics(recorded_at, instance, pid, operation, window_ms, count,"
    " errors, p50_us, p90_us, p95_us, p99_us, p999_us, max_us, mean_us, sum_ns, min_ns, max_ns,"
    " buckets, bucket_counts) VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
    " $15, $16, $17, $18::integer[], $19::bigint[])"};
constexpr Statement kInsertCounter{"wfs_metrics_counter",
                                   "INSERT INTO metric_counters(recorded_at, instance, pid, name,"
                                   " value) VALUES($1, $2, $3, $4, $5)"};
constexpr Statement kAddUsage{
    "wfs_metrics_usage",
    "INSERT INTO workflow_usage(workflow_id, calls, last_used_at) VALUES($1, $2, $3)"
    " ON CONFLICT(workflow_id) DO UPDATE SET calls = workflow_usage.calls + excluded.calls,"
    " last_used_at = excluded.last_used_at"};
constexpr Statement kMostUsed{"wfs_metrics_most_used",
                              "SELECT workflow_id FROM workflow_usage ORDER BY calls DESC,"
                              " last_used_at DESC LIMIT $1"};
constexpr Statement kHistory{
    "wfs_metrics_history",
    "SELECT recorded_at, pid, operation, window_ms, count, errors, p50_us, p90_us, p95_us,"
    " p99_us, p999_us, max_us, mean_us FROM performance_metrics"
    " WHERE operation = $1 AND recorded_at >= $2 ORDER BY recorded_at, id"};
constexpr Statement kTotals{
    "wfs_metrics_totals",
    "SELECT instance, operation, sum(count), sum(errors), sum(sum_ns), min(min_ns), max(max_ns),"
    " min(recorded_at), max(recorded_at) FROM performance_metrics WHERE recorded_at >= $1"
    " GROUP BY instance, operation"};
constexpr Statement kBuckets{
    "wfs_metrics_buckets",
    "SELECT m.instance, m.operation, u.b, sum(u.c) FROM performance_metrics m,"
    " unnest(m.buckets, m.bucket_counts) AS u(b, c) WHERE m.recorded_at >= $1"
    " GROUP BY m.instance, m.operation, u.b"};
constexpr Statement kLatest{"wfs_metrics_latest",
                            "SELECT DISTINCT ON (name) name, value FROM metric_counters"
                            " ORDER BY name, recorded_at DESC, id DESC"};
constexpr Statement kLatestByInstance{
    "wfs_metrics_latest_by_instance",
    "SELECT DISTINCT ON (instance, name) instance, name, value, recorded_at FROM metric_counters"
    " ORDER BY instance, name, recorded_at DESC, id DESC"};
constexpr Statement kFleetWindows{
    "wfs_metrics_fleet_windows",
    "SELECT instance, operation, recorded_at, window_ms, count, errors, sum_ns, min_ns, max_ns,"
    " array_to_string(buckets, ','), array_to_string(bucket_counts, ',')"
    " FROM performance_metrics WHERE recorded_at >= $1 ORDER BY recorded_at, id"};
constexpr Statement kFleetCounters{
    "wfs_metrics_fleet_counters",
    "SELECT instance, recorded_at, name, value FROM metric_counters WHERE recorded_at >= $1"
    " AND name IN ('cache.l1.hits', 'cache.l1.misses', 'cache.l2.hits', 'cache.l2.misses',"
    " 'process.rss_bytes', 'process.heap_bytes') ORDER BY recorded_at, id"};
constexpr Statement kPruneSamples{"wfs_metrics_prune_samples",
                                  "DELETE FROM performance_metrics WHERE recorded_at < $1"};
constexpr Statement kPruneCounters{"wfs_metrics_prune_counters",
                                   "DELETE FROM metric_counters WHERE recorded_at < $1"};

// An operation's merged histogram over a period and the period it really covers.
struct Merged
{
    metrics::HistogramData data;
    std::int64_t firstMs = 0;
    std::int64_t lastMs = 0;

    void add(const Merged &other)
    {
        firstMs = data.count == 0 ? other.firstMs : std::min(firstMs, other.firstMs);
        lastMs = std::max(lastMs, other.lastMs);
        data.add(other.data);
    }
};

using ByOperation = std::map<std::string, Merged>;
using ByInstance = std::map<std::string, ByOperation>;

Result<ByInstance> mergedByInstance(PgConnection &conn, std::int64_t sinceMs)
{
    using R = Result<ByInstance>;
    Result<PgRows> totals = conn.exec(kTotals, {integer(sinceMs)});
    if (!totals)
        return R::failure(totals.error());
    Result<PgRows> buckets = conn.exec(kBuckets, {integer(sinceMs)});
    if (!buckets)
        return R::failure(buckets.error());
    ByInstance out;
    for (int i = 0; i < totals->size(); ++i) {
        Merged &m = out[totals->text(i, 0)][totals->text(i, 1)];
        m.data.count = std::uint64_t(totals->integer(i, 2));
        m.data.errors = std::uint64_t(totals->integer(i, 3));
        m.data.sumNs = std::uint64_t(totals->integer(i, 4));
        m.data.minNs = std::uint64_t(totals->integer(i, 5));
        m.data.maxNs = std::uint64_t(totals->integer(i, 6));
        m.firstMs = totals->integer(i, 7);
        m.lastMs = totals->integer(i, 8);
    }
    for (int i = 0; i < buckets->size(); ++i) {
        const std::int64_t bucket = buckets->integer(i, 2);
        if (bucket < 0 || bucket >= metrics::Histogram::kBucketCount)
            continue;
        out[buckets->text(i, 0)][buckets->text(i, 1)].data.counts[std::size_t(bucket)] +=
            std::uint64_t(buckets->integer(i, 3));
    }
    return out;
}

ByOperation fleetOf(const ByInstance &byInstance)
{
    ByOperation out;
    for (const auto &[instance, ops] : byInstance) {
        for (const auto &[op, merged] : ops)
            out[op].add(merged);
    }
    return out;
}

Json operationJson(const Merged &m, bool full)
{
    const metrics::HistogramStats s = m.data.stats();
    Json j = {{"count", s.count},
              {"errors", s.errors},
              {"error_rate", s.errorRate},
              {"mean_us", s.meanNs / 1000.0},
              {"p50_us", double(s.p50Ns) / 1000.0}};
    if (full) {
        j["p90_us"] = double(s.p90Ns) / 1000.0;
        j["p95_us"] = double(s.p95Ns) / 1000.0;
    }
    j["p99_us"] = double(s.p99Ns) / 1000.0;
    if (full)
        j["p999_us"] = double(s.p999Ns) / 1000.0;
    j["max_us"] = double(s.maxNs) / 1000.0;
    j["first_ms"] = m.firstMs;
    j["last_ms"] = m.lastMs;
    return j;
}

std::string arrayLiteral(const std::vector<std::uint64_t> &values)
{
    std::string s = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            s += ',';
        s += std::to_string(values[i]);
    }
    return s + '}';
}

} // namespace

PgMetricsStore::PgMetricsStore(std::shared_ptr<PgPool> pool, std::string instanceId,
                               std::string describe)
    : m_pool(std::move(pool))
    , m_instance(std::move(instanceId))
    , m_describe(std::move(describe))
{}

Result<int> PgMetricsStore::persist(metrics::MetricsRegistry &registry,
                                    const std::map<std::string, double> &counters,
                                    std::int64_t nowMs)
{
    using R = Result<int>;
    nowMs = orNow(nowMs);
    std::lock_guard guard(m_mutex);
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    PgConnection &conn = **lease;
    Transaction tx(conn);
    if (!tx.begun())
        return R::failure(tx.begun().error());
    int rows = 0;
    // As MetricsStore: the window is the interval since the previous persist() (the first one:
    // since the registry started); each row holds the delta of the cumulative histograms.
    metrics::PersistWindows::Window window = m_windows.take(registry, nowMs);
    const std::int64_t windowMs = window.lengthMs;
    for (const auto &[name, delta] : window.deltas) {
        std::vector<std::uint64_t> indexes;
        std::vector<std::uint64_t> counts;
        for (std::size_t i = 0; i < delta.counts.size(); ++i) {
            if (delta.counts[i] == 0)
                continue;
            indexes.push_back(i);
            counts.push_back(delta.counts[i]);
        }
        const metrics::HistogramStats s = delta.stats();
        Result<PgRows> r = conn.exec(
            kInsertSample,
            {integer(nowMs), text(m_instance), integer(getpid()), text(name), integer(windowMs),
             integer(std::int64_t(s.count)), integer(std::int64_t(s.errors)),
             real(double(s.p50Ns) / 1000.0), real(double(s.p90Ns) / 1000.0),
             real(double(s.p95Ns) / 1000.0), real(double(s.p99Ns) / 1000.0),
             real(double(s.p999Ns) / 1000.0), real(double(s.maxNs) / 1000.0),
             real(s.meanNs / 1000.0), integer(std::int64_t(delta.sumNs)),
             integer(std::int64_t(delta.minNs)), integer(std::int64_t(delta.maxNs)),
             text(arrayLiteral(indexes)), text(arrayLiteral(counts))});
        if (!r)
            return R::failure(r.error());
        ++rows;
    }
    for (const auto &[name, value] : counters) {
        if (auto r = conn.exec(kInsertCounter, {integer(nowMs), text(m_instance), integer(getpid()),
                                                text(name), real(value)});
            !r)
            return R::failure(r.error());
    }
    rows += int(counters.size());
    if (auto r = tx.commit(); !r)
        return R::failure(r.error());
    m_windows.commit(std::move(window));
    return rows;
}

Result<void> PgMetricsStore::writeCounters(const std::map<std::string, double> &counters,
                                           std::int64_t nowMs)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    Transaction tx(**lease);
    if (!tx.begun())
        return tx.begun();
    for (const auto &[name, value] : counters) {
        if (auto r = (*lease)->exec(kInsertCounter, {integer(orNow(nowMs)), text(m_instance),
                                                     integer(getpid()), text(name), real(value)});
            !r)
            return Result<void>::failure(r.error());
    }
    return tx.commit();
}

Result<void> PgMetricsStore::addUsage(const std::map<std::string, std::int64_t> &calls,
                                      std::int64_t nowMs)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    Transaction tx(**lease);
    if (!tx.begun())
        return tx.begun();
    for (const auto &[id, n] : calls) {
        if (n <= 0)
            continue;
        if (auto r = (*lease)->exec(kAddUsage, {text(id), integer(n), integer(orNow(nowMs))}); !r)
            return Result<void>::failure(r.error());
    }
    return tx.commit();
}

Result<std::vector<std::string>> PgMetricsStore::mostUsedWorkflows(int limit)
{
    using R = Result<std::vector<std::string>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    // As SQLite's LIMIT: negative = all.
    Result<PgRows> rows =
        (*lease)->exec(kMostUsed, {limit < 0 ? Param(std::nullopt) : integer(limit)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<std::string> out;
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(rows->text(i, 0));
    return out;
}

Result<std::vector<store::PerformanceSample>> PgMetricsStore::history(const std::string &operation,
                                                                      std::int64_t sinceMs)
{
    using R = Result<std::vector<store::PerformanceSample>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kHistory, {text(operation), integer(sinceMs)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<store::PerformanceSample> out;
    for (int i = 0; i < rows->size(); ++i) {
        store::PerformanceSample p;
        p.recordedAtMs = rows->integer(i, 0);
        p.pid = rows->integer(i, 1);
        p.operation = rows->text(i, 2);
        p.windowMs = rows->integer(i, 3);
        p.count = rows->integer(i, 4);
        p.errors = rows->integer(i, 5);
        p.p50Us = rows->real(i, 6);
        p.p90Us = rows->real(i, 7);
        p.p95Us = rows->real(i, 8);
        p.p99Us = rows->real(i, 9);
        p.p999Us = rows->real(i, 10);
        p.maxUs = rows->real(i, 11);
        p.meanUs = rows->real(i, 12);
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<store::OperationSummary>> PgMetricsStore::summary(std::int64_t sinceMs)
{
    using R = Result<std::vector<store::OperationSummary>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<ByInstance> merged = mergedByInstance(**lease, sinceMs);
    if (!merged)
        return R::failure(merged.error());
    std::vector<store::OperationSummary> out;
    for (const auto &[op, m] : fleetOf(*merged)) {
        const metrics::HistogramStats s = m.data.stats();
        store::OperationSummary o;
        o.operation = op;
        o.count = std::int64_t(s.count);
        o.errors = std::int64_t(s.errors);
        o.meanUs = s.meanNs / 1000.0;
        o.p50Us = double(s.p50Ns) / 1000.0;
        o.p99Us = double(s.p99Ns) / 1000.0;
        o.maxUs = double(s.maxNs) / 1000.0;
        o.firstMs = m.firstMs;
        o.lastMs = m.lastMs;
        out.push_back(std::move(o));
    }
    return out;
}

Result<metrics::HistogramData> PgMetricsStore::mergedHistogram(const std::string &operation,
                                                               std::int64_t sinceMs,
                                                               const std::string &instance)
{
    using R = Result<metrics::HistogramData>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<ByInstance> merged = mergedByInstance(**lease, sinceMs);
    if (!merged)
        return R::failure(merged.error());
    ByOperation ops;
    if (instance.empty()) {
        ops = fleetOf(*merged);
    } else if (auto it = merged->find(instance); it != merged->end()) {
        ops = it->second;
    }
    auto it = ops.find(operation);
    return it == ops.end() ? metrics::HistogramData() : it->second.data;
}

Result<std::map<std::string, double>> PgMetricsStore::latestCounters()
{
    using R = Result<std::map<std::string, double>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kLatest);
    if (!rows)
        return R::failure(rows.error());
    std::map<std::string, double> out;
    for (int i = 0; i < rows->size(); ++i)
        out[rows->text(i, 0)] = rows->real(i, 1);
    return out;
}

Result<Json> PgMetricsStore::report(std::int64_t sinceMs)
{
    using R = Result<Json>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<ByInstance> merged = mergedByInstance(**lease, sinceMs);
    if (!merged)
        return R::failure(merged.error());
    Result<PgRows> latest = (*lease)->exec(kLatest);
    if (!latest)
        return R::failure(latest.error());
    Json j = Json::object();
    j["database"] = m_describe;
    j["since_ms"] = sinceMs;
    Json ops = Json::object();
    for (const auto &[op, m] : fleetOf(*merged))
        ops[op] = operationJson(m, false);
    j["operations"] = std::move(ops);
    // The L2 cache of a team server is not in PostgreSQL: no entries to count here.
    Json cache = {{"l2_entries", 0}, {"l2_bytes", 0}};
    Json counters = Json::object();
    for (int i = 0; i < latest->size(); ++i) {
        const std::string name = latest->text(i, 0);
        const double value = latest->real(i, 1);
        counters[name] = value;
        if (name == "cache.l1.hit_rate")
            cache["l1_hit_rate"] = value;
        else if (name == "cache.l2.hit_rate")
            cache["l2_hit_rate"] = value;
    }
    j["cache"] = std::move(cache);
    j["counters"] = std::move(counters);
    return j;
}

Result<Json> PgMetricsStore::fleetReport(std::int64_t sinceMs)
{
    using R = Result<Json>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<ByInstance> merged = mergedByInstance(**lease, sinceMs);
    if (!merged)
        return R::failure(merged.error());
    Result<PgRows> latest = (*lease)->exec(kLatestByInstance);
    if (!latest)
        return R::failure(latest.error());
    Json j = Json::object();
    j["database"] = m_describe;
    j["since_ms"] = sinceMs;
    Json ops = Json::object();
    for (const auto &[op, m] : fleetOf(*merged))
        ops[op] = operationJson(m, true);
    j["operations"] = std::move(ops);
    Json instances = Json::object();
    for (const auto &[instance, byOp] : *merged) {
        Json one = {{"operations", Json::object()}, {"counters", Json::object()}, {"last_ms", 0}};
        std::int64_t last = 0;
        for (const auto &[op, m] : byOp) {
            one["operations"][op] = operationJson(m, true);
            last = std::max(last, m.lastMs);
        }
        one["last_ms"] = last;
        instances[instance] = std::move(one);
    }
    // Counters: the newest of each name overall, and per instance.
    Json counters = Json::object();
    std::map<std::string, std::pair<std::int64_t, double>> newest;
    for (int i = 0; i < latest->size(); ++i) {
        const std::string instance = latest->text(i, 0);
        const std::string name = latest->text(i, 1);
        const double value = latest->real(i, 2);
        const std::int64_t at = latest->integer(i, 3);
        if (!instances.contains(instance))
            instances[instance] = {
                {"operations", Json::object()}, {"counters", Json::object()}, {"last_ms", 0}};
        instances[instance]["counters"][name] = value;
        if (at > instances[instance]["last_ms"].get<std::int64_t>())
            instances[instance]["last_ms"] = at;
        auto it = newest.find(name);
        if (it == newest.end() || at > it->second.first)
            newest[name] = {at, value};
    }
    for (const auto &[name, atValue] : newest)
        counters[name] = atValue.second;
    j["counters"] = std::move(counters);
    j["instances"] = std::move(instances);
    return j;
}

Result<int> PgMetricsStore::prune(std::int64_t beforeMs)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<int>::failure(lease.error());
    Transaction tx(**lease);
    if (!tx.begun())
        return Result<int>::failure(tx.begun().error());
    int total = 0;
    for (const Statement &st : {kPruneSamples, kPruneCounters}) {
        Result<PgRows> r = (*lease)->exec(st, {integer(beforeMs)});
        if (!r)
            return Result<int>::failure(r.error());
        total += int(r->affected());
    }
    if (auto r = tx.commit(); !r)
        return Result<int>::failure(r.error());
    return total;
}

namespace {

// "1,5,9" (array_to_string of an integer[] or bigint[]) as numbers.
std::vector<std::uint64_t> numbersOf(const std::string &list)
{
    std::vector<std::uint64_t> out;
    std::uint64_t v = 0;
    bool any = false;
    for (const char c : list) {
        if (c >= '0' && c <= '9') {
            v = v * 10 + std::uint64_t(c - '0');
            any = true;
        } else if (c == ',') {
            out.push_back(v);
            v = 0;
            any = false;
        }
    }
    if (any)
        out.push_back(v);
    return out;
}

} // namespace

Result<store::FleetMetrics> PgMetricsStore::fleetMetrics(std::int64_t sinceMs)
{
    using R = Result<store::FleetMetrics>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> windows = (*lease)->exec(kFleetWindows, {integer(sinceMs)});
    if (!windows)
        return R::failure(windows.error());
    Result<PgRows> counters = (*lease)->exec(kFleetCounters, {integer(sinceMs)});
    if (!counters)
        return R::failure(counters.error());
    store::FleetMetrics out;
    out.windows.reserve(std::size_t(windows->size()));
    for (int i = 0; i < windows->size(); ++i) {
        store::FleetWindow w;
        w.instance = windows->text(i, 0);
        w.operation = windows->text(i, 1);
        w.recordedAtMs = windows->integer(i, 2);
        w.windowMs = windows->integer(i, 3);
        metrics::HistogramData &h = w.histogram;
        h.count = std::uint64_t(windows->integer(i, 4));
        h.errors = std::uint64_t(windows->integer(i, 5));
        h.sumNs = std::uint64_t(windows->integer(i, 6));
        h.minNs = std::uint64_t(windows->integer(i, 7));
        h.maxNs = std::uint64_t(windows->integer(i, 8));
        const std::vector<std::uint64_t> buckets = numbersOf(windows->text(i, 9));
        const std::vector<std::uint64_t> counts = numbersOf(windows->text(i, 10));
        for (std::size_t k = 0; k < buckets.size() && k < counts.size(); ++k) {
            if (buckets[k] < h.counts.size())
                h.counts[buckets[k]] += counts[k];
        }
        out.windows.push_back(std::move(w));
    }
    out.counters.reserve(std::size_t(counters->size()));
    for (int i = 0; i < counters->size(); ++i) {
        out.counters.push_back({counters->text(i, 0), counters->integer(i, 1), counters->text(i, 2),
                                counters->real(i, 3)});
    }
    return out;
}

} // namespace wfs::pg
