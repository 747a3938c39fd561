// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// HealthCheck: is this process fit to serve? Runs a fixed set of checks and reports each as
// healthy / degraded / unhealthy with a human-readable detail; the overall status is the worst.
//
// Checks: "database" (SELECT 1, PRAGMA quick_check, schema version), "cache" (L2 errors, size vs
// budget), "memory" (RSS against thresholds), "disk" (free space of the database directory).
// RSS and disk figures come from injectable providers so every state can be tested.
#pragma once

#include "model/json.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wfs::store {
class Database;
}
namespace wfs::cache {
class ResultCache;
}

namespace wfs::services {
class StoreHandle;
}
namespace wfs::redis {
class RedisClient;
}

namespace wfs::metrics {

enum class HealthStatus {
    Healthy,  ///< everything within limits
    Degraded, ///< serving, but something needs attention
    Unhealthy ///< a check failed: the process cannot do its job reliably
};

const char *healthStatusName(HealthStatus status); ///< "healthy", "degraded", "unhealthy"

struct HealthCheckResult
{
    std::string name;
    HealthStatus status = HealthStatus::Healthy;
    std::string detail;         ///< one sentence
    Json data = Json::object(); ///< figures behind the verdict
};

struct HealthReport
{
    HealthStatus status = HealthStatus::Healthy;
    std::vector<HealthCheckResult> checks;
    // {"status": "...", "checks": [{"name", "status", "detail", ...data}]}
    Json toJson() const;
    // One line per check, for terminals.
    std::string toText() const;
};

class HealthCheck
{
public:
    struct Options
    {
        std::uint64_t rssDegradedBytes = std::uint64_t(512) << 20;
        std::uint64_t rssUnhealthyBytes = std::uint64_t(2) << 30;
        std::uint64_t diskDegradedBytes = std::uint64_t(500) << 20;
        std::uint64_t diskUnhealthyBytes = std::uint64_t(50) << 20;
        std::function<std::uint64_t()> rssProvider; ///< default: currentRssBytes()
        // Free bytes of the filesystem holding `dir`; nullopt when unknown. Default: statvfs.
        std::function<std::optional<std::uint64_t>(const std::string &dir)> diskFreeProvider;
    };

    explicit HealthCheck(Options options);

    // Any of these may be null: the check then reports what it cannot see.
    // `databaseError`: why the database could not be opened (reported as unhealthy).
    HealthReport run(store::Database *db, cache::ResultCache *cache,
                     const std::string &databaseError = {}) const;

    // A team server's checks, replacing the "database" check and refining the "cache" one:
    // the team store (`store` null: not connected, `error` says why) — unreachable is unhealthy
    // (GET /health answers 503, a balancer routes around the instance) — and the shared Redis
    // cache — unreachable is degraded (served from memory).
    static void applyTeamStore(HealthReport &report, services::StoreHandle *store,
                               const std::string &url, const std::string &error);
    static void applySharedCache(HealthReport &report, redis::RedisClient &cache);
    // Recomputes report.status from its checks (the worst one).
    static void settle(HealthReport &report);

private:
    HealthCheckResult checkDatabase(store::Database *db, const std::string &openError) const;
    HealthCheckResult checkCache(cache::ResultCache *cache) const;
    HealthCheckResult checkMemory() const;
    HealthCheckResult checkDisk(store::Database *db) const;

    Options m_options;
};

} // namespace wfs::metrics
