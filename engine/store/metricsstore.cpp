// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Persistence of metric intervals: the delta between two cumulative histogram copies gives the
// exact bucket counts of the interval, hence its percentiles.
#include "metricsstore.h"

#include "database.h"

#include "engine/metrics/metricsregistry.h"

#include <QDateTime>

#include <unistd.h>

namespace wfs::store {

MetricsStore::MetricsStore(Database &db)
    : m_db(db)
{}

static std::int64_t orNow(std::int64_t ms)
{
    return ms ? ms : QDateTime::currentMSecsSinceEpoch();
}

Result<int> MetricsStore::persist(metrics::MetricsRegistry &registry,
                                  const std::map<std::string, double> &counters, std::int64_t nowMs)
{
    using R = Result<int>;
    nowMs = orNow(nowMs);
    std::lock_guard guard(m_mutex);
    Transaction tx(m_db, Transaction::Immediate);
    if (!tx.isActive())
        return R::failure(tx.error());
    auto st = m_db.cached(
        "INSERT INTO performance_metrics(recorded_at, pid, operation, window_ms, count, errors,"
        " p50_us, p90_us, p95_us, p99_us, p999_us, max_us, mean_us)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    if (!st)
        return R::failure(st.error());
    int rows = 0;
    // Every row of this call covers the interval since the previous persist() (the first: since
    // the registry started), over its real length.
    metrics::PersistWindows::Window window = m_windows.take(registry, nowMs);
    const std::int64_t windowMs = window.lengthMs;
    for (const auto &[name, delta] : window.deltas) {
        const metrics::HistogramStats s = delta.stats();
        (*st)
            ->bindInt(1, nowMs)
            .bindInt(2, getpid())
            .bindText(3, name)
            .bindInt(4, windowMs)
            .bindInt(5, std::int64_t(s.count))
            .bindInt(6, std::int64_t(s.errors))
            .bindDouble(7, double(s.p50Ns) / 1000.0)
            .bindDouble(8, double(s.p90Ns) / 1000.0)
            .bindDouble(9, double(s.p95Ns) / 1000.0)
            .bindDouble(10, double(s.p99Ns) / 1000.0)
            .bindDouble(11, double(s.p999Ns) / 1000.0)
            .bindDouble(12, double(s.maxNs) / 1000.0)
            .bindDouble(13, s.meanNs / 1000.0);
        if (auto r = (*st)->run(); !r)
            return R::failure(r.error());
        ++rows;
    }
    if (auto r = writeCounters(counters, nowMs); !r)
        return R::failure(r.error());
    rows += int(counters.size());
    if (auto r = tx.commit(); !r)
        return R::failure(r.error());
    m_windows.commit(std::move(window));
    return rows;
}

Result<void> MetricsStore::writeCounters(const std::map<std::string, double> &counters,
                                         std::int64_t nowMs)
{
    auto lock = m_db.lock();
    auto st = m_db.cached(
        "INSERT INTO metric_counters(recorded_at, pid, name, value) VALUES(?1, ?2, ?3, ?4)");
    if (!st)
        return Result<void>::failure(st.error());
    for (const auto &[name, value] : counters) {
        (*st)->bindInt(1, orNow(nowMs)).bindInt(2, getpid()).bindText(3, name).bindDouble(4, value);
        if (auto r = (*st)->run(); !r)
            return r;
    }
    return {};
}

Result<void> MetricsStore::addUsage(const std::map<std::string, std::int64_t> &calls,
                                    std::int64_t nowMs)
{
    Transaction tx(m_db, Transaction::Immediate);
    if (!tx.isActive())
        return Result<void>::failure(tx.error());
    auto st = m_db.cached("INSERT INTO workflow_usage(workflow_id, calls, last_used_at)"
                          " VALUES(?1, ?2, ?3) ON CONFLICT(workflow_id) DO UPDATE SET"
                          " calls = calls + excluded.calls, last_used_at = excluded.last_used_at");
    if (!st)
        return Result<void>::failure(st.error());
    for (const auto &[id, n] : calls) {
        if (n <= 0)
            continue;
        (*st)->bindText(1, id).bindInt(2, n).bindInt(3, orNow(nowMs));
        if (auto r = (*st)->run(); !r)
            return r;
    }
    return tx.commit();
}

Result<std::vector<std::string>> MetricsStore::mostUsedWorkflows(int limit)
{
    using R = Result<std::vector<std::string>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT workflow_id FROM workflow_usage ORDER BY calls DESC,"
                          " last_used_at DESC LIMIT ?1");
    if (!st)
        return R::failure(st.error());
    (*st)->bindInt(1, limit);
    return (*st)->readAll([](const Statement &row) { return row.columnText(0); });
}

Result<std::vector<PerformanceSample>> MetricsStore::history(const std::string &operation,
                                                             std::int64_t sinceMs)
{
    using R = Result<std::vector<PerformanceSample>>;
    auto lock = m_db.lock();
    auto st = m_db.cached(
        "SELECT recorded_at, pid, operation, window_ms, count, errors, p50_us, p90_us, p95_us,"
        " p99_us, p999_us, max_us, mean_us FROM performance_metrics"
        " WHERE operation = ?1 AND recorded_at >= ?2 ORDER BY recorded_at");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, operation).bindInt(2, sinceMs);
    return (*st)->readAll([](const Statement &s) {
        PerformanceSample p;
        p.recordedAtMs = s.columnInt(0);
        p.pid = s.columnInt(1);
        p.operation = s.columnText(2);
        p.windowMs = s.columnInt(3);
        p.count = s.columnInt(4);
        p.errors = s.columnInt(5);
        p.p50Us = s.columnDouble(6);
        p.p90Us = s.columnDouble(7);
        p.p95Us = s.columnDouble(8);
        p.p99Us = s.columnDouble(9);
        p.p999Us = s.columnDouble(10);
        p.maxUs = s.columnDouble(11);
        p.meanUs = s.columnDouble(12);
        return p;
    });
}

Result<std::vector<OperationSummary>> MetricsStore::summary(std::int64_t sinceMs)
{
    using R = Result<std::vector<OperationSummary>>;
    auto lock = m_db.lock();
    auto st = m_db.cached(
        "SELECT operation, sum(count), sum(errors), sum(mean_us * count) / max(sum(count), 1),"
        " sum(p50_us * count) / max(sum(count), 1), max(p99_us), max(max_us),"
        " min(recorded_at), max(recorded_at)"
        " FROM performance_metrics WHERE recorded_at >= ?1 GROUP BY operation ORDER BY operation");
    if (!st)
        return R::failure(st.error());
    (*st)->bindInt(1, sinceMs);
    std::vector<OperationSummary> out;
    for (;;) {
        Result<bool> row = (*st)->step();
        if (!row)
            return R::failure(row.error());
        if (!*row)
            break;
        const Statement &s = **st;
        OperationSummary o;
        o.operation = s.columnText(0);
        o.count = s.columnInt(1);
        o.errors = s.columnInt(2);
        o.meanUs = s.columnDouble(3);
        o.p50Us = s.columnDouble(4);
        o.p99Us = s.columnDouble(5);
        o.maxUs = s.columnDouble(6);
        o.firstMs = s.columnInt(7);
        o.lastMs = s.columnInt(8);
        out.push_back(std::move(o));
    }
    return out;
}

Result<std::map<std::string, double>> MetricsStore::latestCounters()
{
    using R = Result<std::map<std::string, double>>;
    auto lock = m_db.lock();
    // For each name, the row with the newest recorded_at (index metric_counters_by_name).
    auto st = m_db.cached("SELECT c.name, c.value FROM metric_counters c"
                          " WHERE c.id = (SELECT d.id FROM metric_counters d WHERE d.name = c.name"
                          " ORDER BY d.recorded_at DESC, d.id DESC LIMIT 1)");
    if (!st)
        return R::failure(st.error());
    std::map<std::string, double> out;
    for (;;) {
        Result<bool> row = (*st)->step();
        if (!row)
            return R::failure(row.error());
        if (!*row)
            break;
        out[(*st)->columnText(0)] = (*st)->columnDouble(1);
    }
    return out;
}

Result<Json> MetricsStore::report(std::int64_t sinceMs)
{
    using R = Result<Json>;
    Result<std::vector<OperationSummary>> ops = summary(sinceMs);
    if (!ops)
        return R::failure(ops.error());
    Result<std::map<std::string, double>> counters = latestCounters();
    if (!counters)
        return R::failure(counters.error());
    Json j = Json::object();
    j["database"] = m_db.path();
    j["since_ms"] = sinceMs;
    Json opsJson = Json::object();
    for (const OperationSummary &o : *ops) {
        opsJson[o.operation] = {{"count", o.count},
                                {"errors", o.errors},
                                {"error_rate", o.count ? double(o.errors) / double(o.count) : 0.0},
                                {"mean_us", o.meanUs},
                                {"p50_us", o.p50Us},
                                {"p99_us", o.p99Us},
                                {"max_us", o.maxUs},
                                {"first_ms", o.firstMs},
                                {"last_ms", o.lastMs}};
    }
    j["operations"] = std::move(opsJson);
    Json cache = Json::object();
    {
        auto lock = m_db.lock();
        Result<Statement> st =
            m_db.prepare("SELECT count(*), coalesce(sum(size), 0) FROM cache_entries");
        if (!st)
            return R::failure(st.error());
        Result<bool> row = st->step();
        if (!row)
            return R::failure(row.error());
        cache["l2_entries"] = st->columnInt(0);
        cache["l2_bytes"] = st->columnInt(1);
    }
    for (const auto &[counter, key] :
         {std::pair<const char *, const char *>{"cache.l1.hit_rate", "l1_hit_rate"},
          {"cache.l2.hit_rate", "l2_hit_rate"}}) {
        auto it = counters->find(counter);
        if (it != counters->end())
            cache[key] = it->second;
    }
    j["cache"] = std::move(cache);
    Json c = Json::object();
    for (const auto &[name, value] : *counters)
        c[name] = value;
    j["counters"] = std::move(c);
    return j;
}

Result<int> MetricsStore::prune(std::int64_t beforeMs)
{
    Transaction tx(m_db, Transaction::Immediate);
    if (!tx.isActive())
        return Result<int>::failure(tx.error());
    int total = 0;
    for (const char *sql : {"DELETE FROM performance_metrics WHERE recorded_at < ?1",
                            "DELETE FROM metric_counters WHERE recorded_at < ?1"}) {
        auto st = m_db.cached(sql);
        if (!st)
            return Result<int>::failure(st.error());
        (*st)->bindInt(1, beforeMs);
        if (auto r = (*st)->run(); !r)
            return Result<int>::failure(r.error());
        total += m_db.changes();
    }
    if (auto r = tx.commit(); !r)
        return Result<int>::failure(r.error());
    return total;
}

} // namespace wfs::store
