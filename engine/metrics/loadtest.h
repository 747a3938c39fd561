// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// LoadTest: the in-process load generator behind `wfstudio bench`.
//
// N virtual users (threads) call the engine through the caching decorator for a fixed time with
// the product's tool mix — 40% workflow_list, 30% workflow_get, 20% workflow_next, 10%
// workflow_validate — over every available workflow, and the report gives requests/s, errors,
// per-operation percentiles, cache hit rates and RSS.
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wfs::store {
class Database;
}

namespace wfs::metrics {

struct LoadTestOptions
{
    double seconds = 5;
    int users = 4;
    std::vector<std::string> workflowDirs; ///< added to the bundled samples
    bool includeBundled = true;
    store::Database *database = nullptr; ///< L2 cache + metrics persistence; null = memory only
    std::uint64_t seed = 1;
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
    double seconds = 0;
    int users = 0;
    int workflows = 0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    double rps = 0;
    double rssMb = 0;
    double l1HitRate = 0;
    double l2HitRate = 0;
    std::vector<LoadTestOperation> operations;

    // {"rps","errors","rss_mb","cache":{"l1_hit_rate","l2_hit_rate"},
    //  "operations":{name:{"count","p50_us","p95_us","p99_us",...}}, ...}
    Json toJson() const;
    std::string toText() const;
};

// Runs the load. Fails only when no workflow is available (nothing to call).
Result<LoadTestReport> runLoadTest(const LoadTestOptions &options);

} // namespace wfs::metrics
