// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// LoadTest: the load generator behind `wfstudio bench` and the dashboard's load test.
//
// N virtual users (threads) call the product's tools for a fixed time with the product's mix —
// 40% workflow_list, 30% workflow_get, 20% workflow_next, 10% workflow_validate — over every
// available workflow, each user waiting `thinkMs` between its requests (0 = closed loop). The
// report gives requests/s, errors (with their kinds), per-operation percentiles, cache hit rates
// and RSS. Three targets:
//   runLoadTest(options)           a private Engine + CachingEngine (the `wfstudio bench` case);
//   runLoadTest(runtime, options)  an existing Runtime's toolCall(), so its cache statistics and
//                                  the global MetricsRegistry (the dashboard's charts) move;
//   runHttpLoadTest(...)           real MCP HTTP requests (engine/loadgen/httploadtest.h).
// Every run can be cancelled through LoadTestOptions::cancel.
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace wfs {
class Runtime;
class WorkflowSnapshot;
} // namespace wfs
namespace wfs::store {
class Database;
}

namespace wfs::metrics {

// Which requests the virtual users send (#16 point 5). The hit path repeats a fixed set, so
// after one pass every answer comes from the cache; the miss path makes every workflow_next and
// workflow_validate unique (completed steps, contexts and outputs drawn from the workflow, plus
// a run number), so each one is computed.
enum class LoadTestVariety {
    Varied,   ///< the product mix; half of the next/validate requests unique (the default)
    Repeated, ///< the product mix over a fixed request set: the cache hit path
    Unique,   ///< workflow_next and workflow_validate only, every one unique: the miss path
};
const char *loadTestVarietyName(LoadTestVariety v); ///< "varied", "repeated", "unique"

struct LoadTestOptions
{
    double seconds = 5;
    int users = 4;
    double thinkMs = 0; ///< per virtual user, between two requests; 0 = closed loop
    std::vector<std::string> workflowDirs; ///< added to the bundled samples (private engine only)
    bool includeBundled = true;            ///< private engine only
    store::Database *database = nullptr;   ///< L2 cache + metrics persistence; null = memory only
    std::uint64_t seed = 1;
    LoadTestVariety variety = LoadTestVariety::Varied;
    // Set to true (from any thread) to end the run early; the report then has cancelled = true.
    std::shared_ptr<std::atomic<bool>> cancel;
};

struct LoadTestOperation
{
    std::string name;
    std::uint64_t count = 0;
    std::uint64_t errors = 0;
    double p50Us = 0, p95Us = 0, p99Us = 0, maxUs = 0, meanUs = 0;
};

struct LoadTestReport
{
    std::string target = "in-process"; ///< "in-process", "runtime" or "http"
    LoadTestVariety variety = LoadTestVariety::Varied;
    double seconds = 0;
    int users = 0;
    double thinkMs = 0;
    bool cancelled = false;
    int workflows = 0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    double rps = 0;
    double rssMb = 0;
    double l1HitRate = 0;
    double l2HitRate = 0;
    std::vector<LoadTestOperation> operations;
    // Why requests failed ("HTTP 401 Unauthorized", "connection refused", "tool error", ...)
    // with counts, most frequent first.
    std::vector<std::pair<std::string, std::uint64_t>> errorKinds;

    const LoadTestOperation *find(const std::string &name) const;
    // {"target","variety","rps","errors","requests","seconds","users","think_ms","cancelled","rss_mb",
    //  "cache":{"l1_hit_rate","l2_hit_rate"}, "error_kinds":{kind:count},
    //  "operations":{name:{"count","errors","p50_us","p95_us","p99_us","max_us","mean_us"}}}
    Json toJson() const;
    std::string toText() const;
};

// One request of the mix.
struct LoadTestRequest
{
    std::string tool;
    Json arguments;
};

// The request set prepared up front from the served workflows (a handful of variants each: both
// workflow_get modes, workflow_next with growing completedSteps prefixes, workflow_validate on
// top-level steps), so the timed loop only picks and calls.
// What a workflow offers to vary requests with: its step ids (in order), the context variables
// its conditions read with the values they compare against, and outputs for its steps (the
// validation criteria's values, else the step's title).
struct LoadTestWorkflowVariety
{
    std::string id;
    std::vector<std::string> stepIds;
    std::vector<std::pair<std::string, std::vector<Json>>> variables;
    std::vector<std::pair<std::string, std::string>> outputs; ///< step id, output text
};

struct LoadTestMix
{
    LoadTestRequest list{"workflow_list", Json::object()};
    std::vector<LoadTestRequest> gets, nexts, validates;
    std::vector<LoadTestWorkflowVariety> varieties;
    int workflows = 0;

    bool empty() const { return gets.empty(); }
    // 40% list, 30% get, 20% next, 10% validate (falling back to get when a kind is empty).
    const LoadTestRequest &pick(std::mt19937_64 &rng) const;
    // A request for `variety`: from the fixed set, or built into `scratch` and unique (its
    // context or output carries `tag` + `serial`; a run's users each use their own tag, one
    // that no other run uses). Unique: next and validate only, 2:1.
    const LoadTestRequest &pick(std::mt19937_64 &rng, LoadTestVariety variety,
                                const std::string &tag, std::uint64_t serial,
                                LoadTestRequest &scratch) const;
    // A unique workflow_next (completed steps a random prefix of the workflow's, a context of
    // its variables with values from its conditions) or workflow_validate (a step's output).
    void uniqueNext(std::mt19937_64 &rng, const std::string &tag, std::uint64_t serial,
                    LoadTestRequest &out) const;
    void uniqueValidate(std::mt19937_64 &rng, const std::string &tag, std::uint64_t serial,
                        LoadTestRequest &out) const;
};
LoadTestMix buildLoadTestMix(const WorkflowSnapshot &snapshot);

// The result of one call as a virtual user sees it.
struct LoadTestOutcome
{
    enum class Status { Ok, Error, Aborted }; ///< Aborted: cut off by the end of the run
    Status status = Status::Ok;
    std::string error;    ///< the error's kind when status == Error
    std::int64_t ns = -1; ///< the call's own duration when the client measured it (-1 = not)
};

// One virtual user's connection to the target; used by one thread only.
class LoadTestClient
{
public:
    virtual ~LoadTestClient() = default;
    virtual LoadTestOutcome call(const LoadTestRequest &request) = 0;
};
// Makes user `index`'s client; `stop` becomes true when the run ends (clients blocked in I/O
// should watch it and return Aborted).
using LoadTestClientFactory =
    std::function<std::unique_ptr<LoadTestClient>(int index, const std::atomic<bool> &stop)>;

// Runs `options.users` virtual users against the clients `factory` makes and measures every
// call; the report's target, workflows and cache figures are left for the caller to fill in.
LoadTestReport runLoadTestClients(const LoadTestMix &mix, const LoadTestOptions &options,
                                  const LoadTestClientFactory &factory);

// A private engine and cache. Fails only when no workflow is available (nothing to call).
Result<LoadTestReport> runLoadTest(const LoadTestOptions &options);
// The runtime's toolCall() (its cache, its registry). Fails when it serves no workflow.
Result<LoadTestReport> runLoadTest(Runtime &runtime, const LoadTestOptions &options);

} // namespace wfs::metrics
