// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The load generator. The request set is prepared up front (buildLoadTestMix), the virtual users
// are plain threads that pick, call through their LoadTestClient, measure and think; the calling
// thread waits for the deadline or a cancel. Latencies are measured here, at the call site, into
// a registry private to the run, so a report never mixes in other traffic of the process.
#include "loadtest.h"

#include "engine/cache/l2cache.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/metrics/processstats.h"

#include "engine/cache/cachingengine.h"
#include "engine/runtime.h"
#include "engine/store/metricsstore.h"
#include "engine/workflowrepository.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <condition_variable>
#include <iomanip>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

namespace wfs::metrics {

namespace {

using Clock = std::chrono::steady_clock;

const char *const kTools[4] = {"workflow_list", "workflow_get", "workflow_next",
                               "workflow_validate"};
// Distinct error kinds kept per user; further kinds are counted as "other".
constexpr std::size_t kMaxErrorKinds = 16;

// The run's end, as something to wait on: think time and the main thread's wait both end as
// soon as the deadline passes or a cancel arrives.
class StopSignal
{
public:
    void raise()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_flag.store(true);
        }
        m_cv.notify_all();
    }
    const std::atomic<bool> &flag() const { return m_flag; }
    bool raised() const { return m_flag.load(std::memory_order_relaxed); }
    // Waits up to `d`; true when the signal was raised.
    template<typename Duration> bool waitFor(Duration d)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_cv.wait_for(lock, d, [this] { return m_flag.load(); });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::atomic<bool> m_flag{false};
};

bool cancelled(const LoadTestOptions &o)
{
    return o.cancel && o.cancel->load();
}

// The start of a failed tool's message, to tell error kinds apart in the report.
std::string errorText(const ToolResult &r)
{
    std::string text = r.payload.is_object() ? r.payload.value("error", r.payload.dump()) : r.text;
    if (text.size() > 80)
        text = text.substr(0, 77) + "...";
    return text;
}

class EngineClient : public LoadTestClient
{
public:
    explicit EngineClient(cache::CachingEngine &engine)
        : m_engine(engine)
    {}
    LoadTestOutcome call(const LoadTestRequest &r) override
    {
        const ToolResult result = m_engine.callTool(r.tool, r.arguments, m_ctx);
        if (result.isError)
            return {LoadTestOutcome::Status::Error, "tool error: " + errorText(result)};
        return {};
    }

private:
    cache::CachingEngine &m_engine;
    const CallContext m_ctx{std::string(), "loadtest"};
};

class RuntimeClient : public LoadTestClient
{
public:
    explicit RuntimeClient(Runtime &runtime)
        : m_runtime(runtime)
    {}
    LoadTestOutcome call(const LoadTestRequest &r) override
    {
        const ToolResult result = m_runtime.toolCall(r.tool, r.arguments, m_ctx);
        if (result.isError)
            return {LoadTestOutcome::Status::Error, "tool error: " + errorText(result)};
        return {};
    }

private:
    Runtime &m_runtime;
    const CallContext m_ctx{std::string(), "loadtest"};
};

double rate(std::uint64_t hits, std::uint64_t misses)
{
    return hits + misses == 0 ? 0.0 : double(hits) / double(hits + misses);
}

// The variables a condition reads, with the values it compares them against.
void collectVariables(const Json &node, std::map<std::string, std::vector<Json>> &out)
{
    if (node.is_array()) {
        for (const Json &n : node)
            collectVariables(n, out);
        return;
    }
    if (!node.is_object())
        return;
    if (const auto var = node.find("var"); var != node.end() && var->is_string()) {
        std::vector<Json> &values = out[var->get<std::string>()];
        for (const char *key : {"equals", "not_equals", "gt", "gte", "lt", "lte"}) {
            if (const auto v = node.find(key); v != node.end() && !v->is_structured()) {
                if (std::find(values.begin(), values.end(), *v) == values.end())
                    values.push_back(*v);
                if (v->is_number()) // either side of a threshold
                    values.push_back(v->get<double>() + 1);
            }
        }
    }
    for (const auto &[key, value] : node.items()) {
        if (value.is_structured())
            collectVariables(value, out);
    }
}

// Texts a step's validation criteria look for (their "value"/"pattern" strings).
void collectOutputs(const Json &node, std::vector<std::string> &out)
{
    if (node.is_array()) {
        for (const Json &n : node)
            collectOutputs(n, out);
        return;
    }
    if (!node.is_object())
        return;
    for (const char *key : {"value", "pattern"}) {
        if (const auto v = node.find(key); v != node.end() && v->is_string() && out.size() < 8)
            out.push_back(v->get<std::string>());
    }
    for (const auto &[key, value] : node.items()) {
        if (value.is_structured())
            collectOutputs(value, out);
    }
}

void collectSteps(const Json &steps, LoadTestWorkflowVariety &v, bool topLevel,
                  std::map<std::string, std::vector<Json>> &vars)
{
    if (!steps.is_array())
        return;
    for (const Json &s : steps) {
        if (!s.is_object() || !s.contains("id") || !s["id"].is_string())
            continue;
        const std::string id = s["id"].get<std::string>();
        if (topLevel && s.value("type", "") != "loop")
            v.stepIds.push_back(id);
        for (const char *key : {"runCondition", "condition"}) {
            if (const auto c = s.find(key); c != s.end())
                collectVariables(*c, vars);
        }
        if (const auto loop = s.find("loop"); loop != s.end())
            collectVariables(*loop, vars);
        // workflow_validate answers for top-level steps (loop bodies are "not found").
        if (!topLevel || s.value("type", "") == "loop") {
            if (const auto body = s.find("body"); body != s.end())
                collectSteps(body->is_array() ? *body : Json::array({*body}), v, false, vars);
            continue;
        }
        std::vector<std::string> texts;
        if (const auto criteria = s.find("validationCriteria"); criteria != s.end())
            collectOutputs(*criteria, texts);
        if (texts.empty())
            texts.push_back(s.value("title", id));
        for (std::string &t : texts)
            v.outputs.emplace_back(id, std::move(t));
    }
}

} // namespace

const char *loadTestVarietyName(LoadTestVariety v)
{
    switch (v) {
    case LoadTestVariety::Varied:
        return "varied";
    case LoadTestVariety::Repeated:
        return "repeated";
    case LoadTestVariety::Unique:
        return "unique";
    }
    return "";
}

void LoadTestMix::uniqueNext(std::mt19937_64 &rng, const std::string &tag, std::uint64_t serial,
                             LoadTestRequest &out) const
{
    const LoadTestWorkflowVariety &w = varieties[rng() % varieties.size()];
    Json completed = Json::array();
    const std::size_t done = w.stepIds.empty() ? 0 : rng() % (w.stepIds.size() + 1);
    for (std::size_t i = 0; i < done; ++i)
        completed.push_back(w.stepIds[i]);
    Json context = Json::object();
    for (const auto &[name, values] : w.variables) {
        if (values.empty() || rng() % 3 == 0)
            continue; // sometimes unset
        context[name] = values[rng() % values.size()];
    }
    context["loadTestRun"] = tag + std::to_string(serial); // what makes the request unique
    out.tool = "workflow_next";
    out.arguments = Json{{"workflowId", w.id},
                         {"completedSteps", std::move(completed)},
                         {"context", std::move(context)}};
}

void LoadTestMix::uniqueValidate(std::mt19937_64 &rng, const std::string &tag, std::uint64_t serial,
                                 LoadTestRequest &out) const
{
    const LoadTestWorkflowVariety *w = &varieties[rng() % varieties.size()];
    for (std::size_t tries = 0; w->outputs.empty() && tries < varieties.size(); ++tries)
        w = &varieties[(rng()) % varieties.size()];
    if (w->outputs.empty()) {
        uniqueNext(rng, tag, serial, out);
        return;
    }
    const auto &[step, text] = w->outputs[rng() % w->outputs.size()];
    out.tool = "workflow_validate";
    out.arguments = Json{{"workflowId", w->id},
                         {"stepId", step},
                         {"output", text + " (run " + tag + std::to_string(serial) + ")"}};
}

const LoadTestRequest &LoadTestMix::pick(std::mt19937_64 &rng, LoadTestVariety variety,
                                         const std::string &tag, std::uint64_t serial,
                                         LoadTestRequest &scratch) const
{
    if (variety == LoadTestVariety::Repeated || varieties.empty())
        return pick(rng);
    if (variety == LoadTestVariety::Unique) {
        if (rng() % 3 == 2)
            uniqueValidate(rng, tag, serial, scratch);
        else
            uniqueNext(rng, tag, serial, scratch);
        return scratch;
    }
    const LoadTestRequest &r = pick(rng);
    if ((r.tool == "workflow_next" || r.tool == "workflow_validate") && rng() % 2 == 0) {
        if (r.tool == "workflow_next")
            uniqueNext(rng, tag, serial, scratch);
        else
            uniqueValidate(rng, tag, serial, scratch);
        return scratch;
    }
    return r;
}

const LoadTestRequest &LoadTestMix::pick(std::mt19937_64 &rng) const
{
    assert(!gets.empty() && "pick() needs a non-empty mix");
    const int m = int(rng() % 100);
    if (m < 40)
        return list;
    if (m < 70)
        return gets[rng() % gets.size()];
    if (m < 90 && !nexts.empty())
        return nexts[rng() % nexts.size()];
    if (m >= 90 && !validates.empty())
        return validates[rng() % validates.size()];
    return gets[rng() % gets.size()];
}

LoadTestMix buildLoadTestMix(const WorkflowSnapshot &snap)
{
    LoadTestMix mix;
    for (const WorkflowEntry &e : snap.entries()) {
        const auto wf = e.workflow();
        ++mix.workflows;
        const std::string &id = e.id;
        mix.gets.push_back({"workflow_get", Json{{"id", id}}});
        mix.gets.push_back({"workflow_get", Json{{"id", id}, {"mode", "metadata"}}});
        const Json &doc = wf->document();
        std::vector<std::string> topIds;
        if (doc.contains("steps") && doc["steps"].is_array()) {
            for (const Json &s : doc["steps"]) {
                if (s.is_object() && s.contains("id") && s["id"].is_string() &&
                    s.value("type", "") != "loop")
                    topIds.push_back(s["id"].get<std::string>());
            }
        }
        Json completed = Json::array();
        mix.nexts.push_back({"workflow_next", Json{{"workflowId", id}}});
        for (std::size_t i = 0; i < topIds.size() && i < 3; ++i) {
            completed.push_back(topIds[i]);
            mix.nexts.push_back(
                {"workflow_next", Json{{"workflowId", id}, {"completedSteps", completed}}});
        }
        for (std::size_t i = 0; i < topIds.size() && i < 3; ++i)
            mix.validates.push_back({"workflow_validate", Json{{"workflowId", id},
                                                               {"stepId", topIds[i]},
                                                               {"output", "Analysis complete."}}});
        LoadTestWorkflowVariety variety;
        variety.id = id;
        std::map<std::string, std::vector<Json>> vars;
        if (doc.contains("steps"))
            collectSteps(doc["steps"], variety, true, vars);
        variety.variables.assign(vars.begin(), vars.end());
        mix.varieties.push_back(std::move(variety));
    }
    return mix;
}

const LoadTestOperation *LoadTestReport::find(const std::string &name) const
{
    for (const LoadTestOperation &o : operations) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

Json LoadTestReport::toJson() const
{
    Json ops = Json::object();
    for (const LoadTestOperation &o : operations)
        ops[o.name] = {{"count", o.count},   {"errors", o.errors}, {"p50_us", o.p50Us},
                       {"p95_us", o.p95Us},  {"p99_us", o.p99Us},  {"max_us", o.maxUs},
                       {"mean_us", o.meanUs}};
    Json kinds = Json::object();
    for (const auto &[kind, count] : errorKinds)
        kinds[kind] = count;
    return Json{{"target", target},
                {"variety", loadTestVarietyName(variety)},
                {"rps", rps},
                {"errors", errors},
                {"requests", requests},
                {"seconds", seconds},
                {"users", users},
                {"think_ms", thinkMs},
                {"cancelled", cancelled},
                {"workflows", workflows},
                {"rss_mb", rssMb},
                {"cache", {{"l1_hit_rate", l1HitRate}, {"l2_hit_rate", l2HitRate}}},
                {"error_kinds", std::move(kinds)},
                {"operations", std::move(ops)}};
}

std::string LoadTestReport::toText() const
{
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(1);
    out << "Load test (" << target << ", " << loadTestVarietyName(variety)
        << " requests): " << users << " users, " << seconds << " s, think " << thinkMs << " ms, "
        << workflows << " workflows" << (cancelled ? ", cancelled" : "") << "\n";
    out << "  requests/s  " << rps << "  (" << requests << " requests, " << errors
        << " errors), L1 hit rate " << std::setprecision(2) << l1HitRate * 100 << "%\n"
        << std::setprecision(1);
    for (const auto &[kind, count] : errorKinds)
        out << "  error       " << count << " x " << kind << "\n";
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

LoadTestReport runLoadTestClients(const LoadTestMix &mix, const LoadTestOptions &options,
                                  const LoadTestClientFactory &factory)
{
    assert(!mix.empty() && "runLoadTestClients() needs a non-empty mix");
    MetricsRegistry measured;
    LatencyTracker *trackers[4];
    for (int i = 0; i < 4; ++i)
        trackers[i] = &measured.operation(kTools[i]);
    const auto trackerFor = [&trackers](const std::string &tool) {
        for (int i = 0; i < 4; ++i) {
            if (tool == kTools[i])
                return trackers[i];
        }
        return trackers[1];
    };

    const int users = std::max(1, options.users);
    const auto think = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double, std::milli>(std::max(0.0, options.thinkMs)));
    StopSignal stop;
    std::mutex kindsMutex;
    std::map<std::string, std::uint64_t> kinds;
    std::vector<std::thread> pool;
    // Unique requests of this run are unique across runs and processes too (an L2 cache in
    // SQLite outlives the process): the tag holds the start time and a per-process run number.
    static std::atomic<std::uint64_t> runs{0};
    const std::string runTag =
        std::to_string(wallNowNs() / 1000) + "-" + std::to_string(runs.fetch_add(1) + 1) + "-";
    const auto start = Clock::now();
    for (int u = 0; u < users; ++u) {
        pool.emplace_back([&, u] {
            std::unique_ptr<LoadTestClient> client = factory(u, stop.flag());
            std::mt19937_64 rng(options.seed * 7919 + std::uint64_t(u));
            std::map<std::string, std::uint64_t> local;
            LoadTestRequest scratch;
            const std::string tag = runTag + std::to_string(u) + "-";
            std::uint64_t serial = 0;
            while (client && !stop.raised()) {
                const LoadTestRequest &r = mix.pick(rng, options.variety, tag, ++serial, scratch);
                const auto t0 = Clock::now();
                const LoadTestOutcome outcome = client->call(r);
                // A client that had to (re)open a session first reports the call's own time.
                const std::int64_t ns =
                    outcome.ns >= 0
                        ? outcome.ns
                        : std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0)
                              .count();
                if (outcome.status == LoadTestOutcome::Status::Aborted)
                    break;
                const bool failed = outcome.status == LoadTestOutcome::Status::Error;
                trackerFor(r.tool)->record(std::uint64_t(std::max<std::int64_t>(ns, 0)), failed);
                if (failed) {
                    if (local.size() < kMaxErrorKinds || local.count(outcome.error))
                        ++local[outcome.error];
                    else
                        ++local["other"];
                }
                if (think.count() > 0 && stop.waitFor(think))
                    break;
            }
            std::lock_guard<std::mutex> lock(kindsMutex);
            for (const auto &[kind, count] : local)
                kinds[kind] += count;
        });
    }
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(options.seconds));
    while (Clock::now() < deadline && !cancelled(options))
        std::this_thread::sleep_for(
            std::min<Clock::duration>(std::chrono::milliseconds(20), deadline - Clock::now()));
    const bool wasCancelled = cancelled(options);
    stop.raise();
    for (std::thread &t : pool)
        t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

    LoadTestReport report;
    report.variety = options.variety;
    report.seconds = elapsed;
    report.users = users;
    report.thinkMs = std::max(0.0, options.thinkMs);
    report.cancelled = wasCancelled;
    report.workflows = mix.workflows;
    const MetricsSnapshot s = measured.snapshot();
    for (const char *name : kTools) {
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
        report.errors += o.errors;
        report.operations.push_back(std::move(o));
    }
    report.errorKinds.assign(kinds.begin(), kinds.end());
    std::stable_sort(report.errorKinds.begin(), report.errorKinds.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    report.rps = elapsed > 0 ? double(report.requests) / elapsed : 0;
    report.rssMb = double(currentRssBytes()) / (1024.0 * 1024.0);
    return report;
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
    const LoadTestMix mix = buildLoadTestMix(*engine.snapshot());
    if (mix.empty())
        return Result<LoadTestReport>::failure(
            "no workflows to call: add --workflows DIR or bundled samples");

    MetricsRegistry registry;
    std::shared_ptr<cache::L2Cache> l2;
    if (options.database)
        l2 = std::make_shared<cache::L2Cache>(*options.database, cache::L2Cache::Options{});
    auto cache = std::make_shared<cache::ResultCache>(cache::ResultCache::Options{}, l2);
    cache::CachingEngine cached(engine, cache, registry);

    LoadTestReport report =
        runLoadTestClients(mix, options, [&cached](int, const std::atomic<bool> &) {
            return std::make_unique<EngineClient>(cached);
        });
    report.target = "in-process";
    const cache::CacheStats cs = cache->stats();
    report.l1HitRate = cs.l1HitRate();
    report.l2HitRate = cs.l2HitRate();
    if (options.database) {
        registry.tick();
        store::MetricsStore ms(*options.database);
        (void)ms.persist(registry, cs.toCounters());
        (void)ms.addUsage(cached.takeUsage());
    }
    return report;
}

Result<LoadTestReport> runLoadTest(Runtime &runtime, const LoadTestOptions &options)
{
    const std::shared_ptr<const WorkflowSnapshot> snap = runtime.engine().snapshot();
    const LoadTestMix mix = snap ? buildLoadTestMix(*snap) : LoadTestMix{};
    if (mix.empty())
        return Result<LoadTestReport>::failure(
            "no workflows to call: the studio's engine serves none");
    const cache::CacheStats before = runtime.cache().stats();
    LoadTestReport report =
        runLoadTestClients(mix, options, [&runtime](int, const std::atomic<bool> &) {
            return std::make_unique<RuntimeClient>(runtime);
        });
    report.target = "runtime";
    const cache::CacheStats after = runtime.cache().stats();
    report.l1HitRate = rate(after.l1.hits - before.l1.hits, after.l1.misses - before.l1.misses);
    report.l2HitRate = rate(after.l2.hits - before.l2.hits, after.l2.misses - before.l2.misses);
    return report;
}

} // namespace wfs::metrics
