// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The load generator. Request arguments are prepared up front per workflow (a handful of
// variants each: both workflow_get modes, workflow_next with growing completedSteps prefixes,
// workflow_validate on each top-level step), so the timed loop only picks and calls.
#include "loadtest.h"

#include "metricsregistry.h"
#include "processstats.h"

#include "engine/cache/cachingengine.h"
#include "engine/store/metricsstore.h"
#include "engine/workflowrepository.h"

#include <QCoreApplication>

#include <atomic>
#include <random>
#include <sstream>
#include <thread>

namespace wfs::metrics {

namespace {

struct Request
{
    const char *tool;
    Json arguments;
};

void buildRequests(const WorkflowSnapshot &snap, std::vector<Request> *gets,
                   std::vector<Request> *nexts, std::vector<Request> *validates)
{
    for (const WorkflowEntry &e : snap.entries()) {
        if (!e.workflow)
            continue;
        const std::string &id = e.workflow->id();
        gets->push_back({"workflow_get", Json{{"id", id}}});
        gets->push_back({"workflow_get", Json{{"id", id}, {"mode", "metadata"}}});
        const Json &doc = e.workflow->document();
        std::vector<std::string> topIds;
        if (doc.contains("steps") && doc["steps"].is_array()) {
            for (const Json &s : doc["steps"]) {
                if (s.is_object() && s.contains("id") && s["id"].is_string() &&
                    s.value("type", "") != "loop")
                    topIds.push_back(s["id"].get<std::string>());
            }
        }
        Json completed = Json::array();
        nexts->push_back({"workflow_next", Json{{"workflowId", id}}});
        for (std::size_t i = 0; i < topIds.size() && i < 3; ++i) {
            completed.push_back(topIds[i]);
            nexts->push_back(
                {"workflow_next", Json{{"workflowId", id}, {"completedSteps", completed}}});
        }
        for (std::size_t i = 0; i < topIds.size() && i < 3; ++i)
            validates->push_back({"workflow_validate", Json{{"workflowId", id},
                                                            {"stepId", topIds[i]},
                                                            {"output", "Analysis complete."}}});
    }
}

} // namespace

Json LoadTestReport::toJson() const
{
    Json ops = Json::object();
    for (const LoadTestOperation &o : operations)
        ops[o.name] = {{"count", o.count},   {"errors", o.errors}, {"p50_us", o.p50Us},
                       {"p95_us", o.p95Us},  {"p99_us", o.p99Us},  {"max_us", o.maxUs},
                       {"mean_us", o.meanUs}};
    return Json{{"rps", rps},
                {"errors", errors},
                {"requests", requests},
                {"seconds", seconds},
                {"users", users},
                {"workflows", workflows},
                {"rss_mb", rssMb},
                {"cache", {{"l1_hit_rate", l1HitRate}, {"l2_hit_rate", l2HitRate}}},
                {"operations", std::move(ops)}};
}

std::string LoadTestReport::toText() const
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(1);
    out << "Load test: " << users << " users, " << seconds << " s, " << workflows << " workflows\n";
    out << "  requests/s  " << rps << "  (" << requests << " requests, " << errors << " errors)\n";
    out.precision(2);
    out << "  cache       L1 hit rate " << l1HitRate * 100 << "%, L2 hit rate " << l2HitRate * 100
        << "%\n";
    out.precision(1);
    out << "  memory      RSS " << rssMb << " MB\n";
    out << "  operation              count      p50 us     p95 us     p99 us   errors\n";
    for (const LoadTestOperation &o : operations) {
        std::string name = o.name;
        name.resize(20, ' ');
        out << "  " << name << " " << o.count << "\t" << o.p50Us << "\t" << o.p95Us << "\t"
            << o.p99Us << "\t" << o.errors << "\n";
    }
    return out.str();
}

Result<LoadTestReport> runLoadTest(const LoadTestOptions &options)
{
    Engine::Options eo;
    eo.includeBundled = options.includeBundled;
    eo.useStandardLocations = false;
    eo.useEnvironment = false;
    eo.watchFiles = false;
    eo.extraDirs = options.workflowDirs;
    Engine engine(eo);
    const std::shared_ptr<const WorkflowSnapshot> snap = engine.snapshot();
    std::vector<Request> gets, nexts, validates;
    buildRequests(*snap, &gets, &nexts, &validates);
    if (gets.empty())
        return Result<LoadTestReport>::failure(
            "no workflows to call: add --workflows DIR or bundled samples");

    MetricsRegistry registry;
    std::shared_ptr<cache::L2Cache> l2;
    if (options.database)
        l2 = std::make_shared<cache::L2Cache>(*options.database, cache::L2Cache::Options{});
    auto cache = std::make_shared<cache::ResultCache>(cache::ResultCache::Options{}, l2);
    cache::CachingEngine cached(engine, cache, registry);

    const Request list{"workflow_list", Json::object()};
    const int users = std::max(1, options.users);
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> errors{0};
    std::vector<std::thread> pool;
    const auto start = std::chrono::steady_clock::now();
    for (int u = 0; u < users; ++u) {
        pool.emplace_back([&, u] {
            std::mt19937_64 rng(options.seed * 7919 + std::uint64_t(u));
            std::uniform_int_distribution<int> mix(0, 99);
            std::uint64_t localErrors = 0;
            const CallContext ctx{std::string(), "bench"};
            while (!stop.load(std::memory_order_relaxed)) {
                const int m = mix(rng);
                const Request *r = nullptr;
                if (m < 40)
                    r = &list;
                else if (m < 70)
                    r = &gets[rng() % gets.size()];
                else if (m < 90 && !nexts.empty())
                    r = &nexts[rng() % nexts.size()];
                else if (!validates.empty())
                    r = &validates[rng() % validates.size()];
                else
                    r = &gets[rng() % gets.size()];
                if (cached.callTool(r->tool, r->arguments, ctx).isError)
                    ++localErrors;
            }
            errors.fetch_add(localErrors);
        });
    }
    // Tick the windows once a second while the users run.
    const auto deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(options.seconds));
    while (std::chrono::steady_clock::now() < deadline) {
        const std::chrono::steady_clock::duration left =
            deadline - std::chrono::steady_clock::now();
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(std::chrono::milliseconds(200), left));
        registry.tick();
    }
    stop.store(true);
    for (std::thread &t : pool)
        t.join();
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    LoadTestReport report;
    report.seconds = elapsed;
    report.users = users;
    report.workflows = int(gets.size() / 2);
    report.errors = errors.load();
    const MetricsSnapshot s = registry.snapshot();
    for (const char *name :
         {"workflow_list", "workflow_get", "workflow_next", "workflow_validate"}) {
        LoadTestOperation o;
        o.name = name;
        if (const OperationSnapshot *op = s.find(name)) {
            const HistogramStats &h = op->total.stats;
            o.count = h.count;
            o.errors = h.errors;
            o.p50Us = double(h.p50Ns) / 1000.0;
            o.p95Us = double(h.p95Ns) / 1000.0;
            o.p99Us = double(h.p99Ns) / 1000.0;
            o.maxUs = double(h.maxNs) / 1000.0;
            o.meanUs = h.meanNs / 1000.0;
        }
        report.requests += o.count;
        report.operations.push_back(std::move(o));
    }
    report.rps = double(report.requests) / elapsed;
    report.rssMb = double(currentRssBytes()) / (1024.0 * 1024.0);
    const cache::CacheStats cs = cache->stats();
    report.l1HitRate = cs.l1HitRate();
    report.l2HitRate = cs.l2HitRate();
    if (options.database) {
        store::MetricsStore ms(*options.database);
        (void)ms.persist(registry, cs.toCounters());
        (void)ms.addUsage(cached.takeUsage());
    }
    return report;
}

} // namespace wfs::metrics
