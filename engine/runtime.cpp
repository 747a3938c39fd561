// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Composition of the engine, the store, the cache and the metrics; see runtime.h.
//
// Start-up does only what a first call needs: open + migrate the database (a few ms), build the
// engine, restore the sessions. Warming the cache from usage runs first thing on the background
// thread, which then loops: flush written-behind sessions every sessionFlushMs, tick the metric
// windows every second, persist metrics, cache counters and workflow usage every
// metricsPersistMs. The destructor stops the loop and writes once more.
#include "runtime.h"

#include "session.h"

#include "engine/cache/cachingengine.h"
#include "engine/cache/l2cache.h"
#include "engine/cache/resultcache.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/metrics/processstats.h"
#include "engine/store/metricsstore.h"
#include "engine/store/sessionsink.h"
#include "engine/store/storeopen.h"

#include <QDateTime>
#include <QDebug>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace wfs {

using Clock = std::chrono::steady_clock;

struct Runtime::Private
{
    Options options;
    metrics::MetricsRegistry *registry = nullptr;

    // Declaration order is destruction order reversed: the database outlives everything that
    // writes to it, the engine outlives the decorator that observes it.
    std::unique_ptr<store::Database> db;
    std::string dbError;
    double dbOpenMs = 0;
    std::unique_ptr<Engine> engine;
    std::shared_ptr<cache::L2Cache> l2;
    std::shared_ptr<cache::ResultCache> cache;
    std::unique_ptr<cache::CachingEngine> caching;
    std::shared_ptr<store::SqliteSessionSink> sink;
    std::unique_ptr<store::MetricsStore> metricsStore;
    Clock::time_point nextPrune{}; ///< guarded by mutex

    /// guards stop, warmed, warmedCount, options.metricsRetentionDays, nextPrune and serialises
    /// persistMetrics()
    mutable std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    bool warmed = false;
    int warmedCount = 0;
    std::thread worker;

    void openDatabase();
    void run();
    void warm();
    void persistMetrics();
};

void Runtime::Private::openDatabase()
{
    if (options.storage == Storage::Disabled)
        return;
    const auto start = Clock::now();
    Result<std::unique_ptr<store::Database>> opened =
        store::openProductDatabase(options.databasePath);
    dbOpenMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!opened) {
        dbError = opened.error();
        qWarning("runtime: running without a database: %s", dbError.c_str());
        return;
    }
    db = std::move(*opened);
}

void Runtime::Private::warm()
{
    int n = 0;
    if (metricsStore && options.warmLimit > 0) {
        Result<int> r = caching->warmFromUsage(*metricsStore, options.warmLimit);
        if (r)
            n = *r;
        else
            qWarning("runtime: %s", r.error().c_str());
    }
    std::lock_guard lock(mutex);
    warmed = true;
    warmedCount = n;
    wake.notify_all();
}

void Runtime::Private::persistMetrics()
{
    std::lock_guard lock(mutex);
    if (!metricsStore)
        return;
    std::map<std::string, double> counters = cache->stats().toCounters();
    counters["process.rss_bytes"] = double(metrics::currentRssBytes());
    counters["process.heap_bytes"] = double(metrics::currentHeapBytes());
    if (Result<int> rows = metricsStore->persist(*registry, counters); !rows)
        qWarning("runtime: metrics not persisted: %s", rows.error().c_str());
    if (Result<void> r = metricsStore->addUsage(caching->takeUsage()); !r)
        qWarning("runtime: workflow usage not persisted: %s", r.error().c_str());
    // Retention: at the first persist, then once an hour.
    const auto now = Clock::now();
    if (options.metricsRetentionDays > 0 && now >= nextPrune) {
        nextPrune = now + std::chrono::hours(1);
        const std::int64_t cutoffMs = QDateTime::currentMSecsSinceEpoch() -
                                      std::int64_t(options.metricsRetentionDays) * 86'400'000;
        if (Result<int> r = metricsStore->prune(cutoffMs); !r)
            qWarning("runtime: old metrics not pruned: %s", r.error().c_str());
    }
}

// Gives the heap's free pages back to the system once more than 1 MB lies free (start-up
// parsing and bursts of requests leave freed blocks that glibc keeps otherwise): a long-running
// `wfstudio mcp` should hold what it uses, not its peak.
static void releaseFreeMemory()
{
#ifdef __GLIBC__
    if (mallinfo2().fordblks > (std::size_t(1) << 20))
        malloc_trim(0);
#endif
}

void Runtime::Private::run()
{
    warm();
    releaseFreeMemory();
    const auto flushEvery = std::chrono::milliseconds(std::max(10, options.sessionFlushMs));
    const auto persistEvery = std::chrono::milliseconds(std::max(100, options.metricsPersistMs));
    const auto tickEvery = std::chrono::seconds(1);
    auto nextFlush = Clock::now() + flushEvery;
    auto nextPersist = Clock::now() + persistEvery;
    auto nextTick = Clock::now() + tickEvery;
    for (;;) {
        {
            std::unique_lock lock(mutex);
            const auto until = std::min({nextFlush, nextPersist, nextTick});
            wake.wait_until(lock, until, [this] { return stop; });
            if (stop)
                return;
        }
        const auto now = Clock::now();
        if (now >= nextFlush) {
            engine->sessions().flushPending();
            nextFlush = now + flushEvery;
        }
        if (now >= nextTick) {
            if (options.tickMetrics)
                registry->tick();
            releaseFreeMemory();
            nextTick = now + tickEvery;
        }
        if (now >= nextPersist) {
            persistMetrics();
            nextPersist = now + persistEvery;
        }
    }
}

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->registry = d->options.registry ? d->options.registry : &metrics::MetricsRegistry::global();
    d->openDatabase();

    Engine::Options eo;
    eo.includeBundled = d->options.includeBundled;
    eo.useStandardLocations = d->options.useStandardLocations;
    eo.useEnvironment = d->options.useEnvironment;
    eo.extraDirs = d->options.workflowDirs;
    eo.watchFiles = d->options.watchFiles;
    d->engine = std::make_unique<Engine>(std::move(eo));

    if (d->db) {
        cache::L2Cache::Options lo;
        lo.maxBytes = d->options.l2Bytes;
        d->l2 = std::make_shared<cache::L2Cache>(*d->db, lo);
    }
    cache::ResultCache::Options co;
    co.l1.maxBytes = d->options.l1Bytes;
    co.ttlMs = d->options.cacheTtlMs;
    d->cache = std::make_shared<cache::ResultCache>(std::move(co), d->l2);
    d->caching = std::make_unique<cache::CachingEngine>(*d->engine, d->cache, *d->registry);

    if (d->db) {
        d->sink = std::make_shared<store::SqliteSessionSink>(*d->db);
        if (d->options.restoreSessions > 0) {
            if (Result<int> n =
                    d->sink->restoreInto(d->engine->sessions(), d->options.restoreSessions);
                !n)
                qWarning("runtime: sessions not restored: %s", n.error().c_str());
        }
        d->engine->sessions().setSink(d->sink);
        d->engine->sessions().setWriteBehind(true);
        d->metricsStore = std::make_unique<store::MetricsStore>(*d->db);
    }
    d->worker = std::thread([p = d.get()] { p->run(); });
}

Runtime::~Runtime()
{
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
        d->wake.notify_all();
    }
    if (d->worker.joinable())
        d->worker.join();
    flush();
    SessionManager &sessions = d->engine->sessions();
    sessions.setWriteBehind(false);
    sessions.setSink(nullptr);
}

void Runtime::setMetricsRetentionDays(int days)
{
    std::lock_guard lock(d->mutex);
    const int value = std::max(0, days);
    if (d->options.metricsRetentionDays == value)
        return;
    d->options.metricsRetentionDays = value;
    d->nextPrune = {}; // prune with the new limit at the next persist
}

int Runtime::metricsRetentionDays() const
{
    std::lock_guard lock(d->mutex);
    return d->options.metricsRetentionDays;
}

void Runtime::flush()
{
    d->engine->sessions().flushPending();
    d->persistMetrics();
}

int Runtime::waitForWarming()
{
    std::unique_lock lock(d->mutex);
    d->wake.wait(lock, [this] { return d->warmed || d->stop; });
    return d->warmedCount;
}

ToolResult Runtime::toolCall(std::string_view name, const Json &arguments, const CallContext &ctx)
{
    return d->caching->callTool(name, arguments, ctx);
}

Engine &Runtime::engine() const
{
    return *d->engine;
}

cache::CachingEngine &Runtime::cachingEngine() const
{
    return *d->caching;
}

cache::ResultCache &Runtime::cache() const
{
    return *d->cache;
}

SessionManager &Runtime::sessions() const
{
    return d->engine->sessions();
}

metrics::MetricsRegistry &Runtime::registry() const
{
    return *d->registry;
}

store::Database *Runtime::database() const
{
    return d->db.get();
}

const std::string &Runtime::databaseError() const
{
    return d->dbError;
}

double Runtime::databaseOpenMs() const
{
    return d->dbOpenMs;
}

metrics::HealthReport Runtime::health() const
{
    const metrics::HealthCheck check{metrics::HealthCheck::Options{}};
    metrics::HealthReport report = check.run(d->db.get(), d->cache.get(), d->dbError);
    for (metrics::HealthCheckResult &c : report.checks) {
        if (c.name != "database" || d->db)
            continue;
        if (d->options.storage == Storage::Disabled) {
            c.status = metrics::HealthStatus::Healthy;
            c.detail = "disabled by configuration: sessions, metrics and the L2 cache stay in "
                       "memory";
            c.data["disabled"] = true;
        } else {
            c.status = metrics::HealthStatus::Degraded;
            c.detail = "not open, serving from memory without persistence: " + d->dbError;
            c.data["error"] = d->dbError;
        }
    }
    report.status = metrics::HealthStatus::Healthy;
    for (const metrics::HealthCheckResult &c : report.checks)
        report.status = std::max(report.status, c.status);
    return report;
}

} // namespace wfs
