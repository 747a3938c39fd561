// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Benchmarks of the store, cache and metrics hot paths. Targets: L1 hit <= 200 ns median,
// histogram record <= 20 ns median. Run for figures with
//   build/bin/bench_store --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "engine/cache/cachingengine.h"
#include "engine/cache/l1cache.h"
#include "engine/metrics/histogram.h"
#include "engine/metrics/ratelimiter.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/workflowstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <random>

using namespace wfs;

static void BM_L1Hit(benchmark::State &state)
{
    cache::L1Cache c({std::size_t(64) << 20, 0.8, metrics::steadyClock()});
    std::vector<std::string> keys;
    for (int i = 0; i < 1024; ++i) {
        keys.push_back("workflow_get\x1fworkflow-" + std::to_string(i) +
                       "\x1f"
                       "0123456789abcdef\x1f{\"id\":\"workflow-" +
                       std::to_string(i) + "\"}");
        c.put(keys.back(), cache::CachedValue::make(false, Json{{"i", i}}, {}), "wf",
              std::int64_t(3600e9));
    }
    std::size_t i = 0;
    for (auto _ : state) {
        cache::CachedValuePtr v = c.get(keys[i++ & 1023]);
        benchmark::DoNotOptimize(v);
    }
}
BENCHMARK(BM_L1Hit);

static void BM_L1Miss(benchmark::State &state)
{
    cache::L1Cache c({std::size_t(64) << 20, 0.8, metrics::steadyClock()});
    const std::string key = "workflow_get\x1fnope\x1f"
                            "0123456789abcdef\x1f{\"id\":\"nope\"}";
    for (auto _ : state)
        benchmark::DoNotOptimize(c.get(key));
}
BENCHMARK(BM_L1Miss);

static void BM_HistogramRecord(benchmark::State &state)
{
    static metrics::Histogram h;
    std::uint64_t v = 1000 + std::uint64_t(state.thread_index()) * 7;
    for (auto _ : state) {
        h.record(v);
        v = v * 6364136223846793005ULL + 1442695040888963407ULL; // spread over buckets
        v = 1000 + (v >> 40);
    }
}
BENCHMARK(BM_HistogramRecord);
BENCHMARK(BM_HistogramRecord)->Threads(2);

static void BM_HistogramSnapshotStats(benchmark::State &state)
{
    metrics::Histogram h;
    for (int i = 0; i < 100'000; ++i)
        h.record(1000 + std::uint64_t(i) * 37);
    for (auto _ : state)
        benchmark::DoNotOptimize(h.snapshot().stats());
}
BENCHMARK(BM_HistogramSnapshotStats);

static void BM_RateLimiterAcquire(benchmark::State &state)
{
    metrics::RateLimiter limiter({1e12, 1e12, 10'000, metrics::steadyClock()});
    for (auto _ : state)
        benchmark::DoNotOptimize(limiter.acquire("session-42"));
}
BENCHMARK(BM_RateLimiterAcquire);

static Json benchWorkflow(int i, int rev)
{
    Json wf = {{"id", "wf-" + std::to_string(i)},
               {"name", "Workflow number " + std::to_string(i)},
               {"description", "Investigate, design and implement change " + std::to_string(i)},
               {"version", "1.0.0"},
               {"steps", Json::array()}};
    for (int s = 0; s < 10; ++s)
        wf["steps"].push_back(
            {{"id", "step-" + std::to_string(s)},
             {"title", "Phase " + std::to_string(s) + " review"},
             {"prompt", "Carefully analyse the code base, revision " + std::to_string(rev) +
                            ", area " + std::to_string(s * 13 + i)}});
    return wf;
}

static void BM_StoreUpsert(benchmark::State &state)
{
    QTemporaryDir dir;
    auto db = store::Database::open(dir.filePath("b.db").toStdString());
    (void)store::migrate(**db);
    store::WorkflowStore ws(**db);
    int rev = 0;
    for (auto _ : state) {
        auto r = ws.upsert(benchWorkflow(rev % 50, rev), {"default", "bench"});
        benchmark::DoNotOptimize(r);
        ++rev;
    }
}
BENCHMARK(BM_StoreUpsert);

static void BM_StoreSearch(benchmark::State &state)
{
    auto db = store::Database::openInMemory();
    (void)store::migrate(**db);
    store::WorkflowStore ws(**db);
    for (int i = 0; i < 500; ++i)
        (void)ws.upsert(benchWorkflow(i, 0), {"default", "bench"});
    const char *queries[] = {"phase", "analy", "review code", "workflow 12", "investigate"};
    std::size_t i = 0;
    for (auto _ : state) {
        auto hits = ws.search(queries[i++ % 5]);
        benchmark::DoNotOptimize(hits);
    }
}
BENCHMARK(BM_StoreSearch);

// The whole decorator hit path: key build, lookup, copy into a ToolResult, latency record.
static void BM_CachingEngineGetHit(benchmark::State &state)
{
    QTemporaryDir dir;
    for (int i = 0; i < 4; ++i) {
        QFile f(dir.filePath(QStringLiteral("wf-%1.json").arg(i)));
        (void)f.open(QIODevice::WriteOnly);
        f.write(QByteArray::fromStdString(benchWorkflow(i, 0).dump()));
    }
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {dir.path().toStdString()};
    Engine engine(o);
    metrics::MetricsRegistry registry;
    cache::CachingEngine cached(
        engine, std::make_shared<cache::ResultCache>(cache::ResultCache::Options{}), registry);
    const Json args = {{"id", "wf-1"}, {"mode", "metadata"}};
    (void)cached.callTool("workflow_get", args);
    for (auto _ : state)
        benchmark::DoNotOptimize(cached.callTool("workflow_get", args));
}
BENCHMARK(BM_CachingEngineGetHit);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
